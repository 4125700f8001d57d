/**
 * Shared by the container image tests: the docker CLI as a bounded child process, unique names,
 * and whether the image is here. Without an engine or the image the tests skip with one line;
 * under CI=true (where .ci/run builds the image first) they fail instead, saying which was missing.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'vitest';
import { probeDocker } from '../../src/testing/docker-probe.js';
import { waitUntil } from '../helpers/wait.js';

/** The image under test: `scripts/ci/build-image.sh` builds it (as .ci/run does before `npm test`). */
export const CSWM_IMAGE = process.env.CSWM_IMAGE ?? 'crowdsec-webhook-mock:test';

export interface DockerResult {
  code: number | null;
  stdout: string;
  stderr: string;
  durationMs: number;
}

/** Runs `docker ...args` (or `options.command`); resolves when it exits, or kills it after `timeoutMs` (and says so in stderr). */
export function docker(
  args: readonly string[],
  options: { timeoutMs?: number; env?: NodeJS.ProcessEnv; command?: string } = {},
): Promise<DockerResult> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(options.command ?? 'docker', args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: options.env ?? process.env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => {
      stderr += `\n(test: docker ${args[0]} killed after ${timeoutMs} ms)`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, durationMs: performance.now() - started });
    });
  });
}

/** Like {@link docker}, but throws with both streams when the exit code is not 0. */
export async function dockerOk(args: readonly string[], timeoutMs?: number): Promise<string> {
  const result = await docker(args, timeoutMs === undefined ? {} : { timeoutMs });
  if (result.code !== 0) {
    throw new Error(`docker ${args.join(' ')} exited ${result.code}:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/** A name no other test run uses, for containers and networks. */
export function uniqueName(what: string): string {
  return `cswm-test-${what}-${randomBytes(4).toString('hex')}`;
}

async function whyNotReady(): Promise<string | undefined> {
  const probe = await probeDocker();
  if (!probe.available) return probe.reason;
  const inspected = await docker(['image', 'inspect', '--format', '{{.Id}}', CSWM_IMAGE], {
    timeoutMs: 30_000,
  });
  if (inspected.code !== 0) {
    return `the image ${CSWM_IMAGE} is absent; build it with scripts/ci/build-image.sh (or docker build -t ${CSWM_IMAGE} .)`;
  }
  return undefined;
}

/** Why the image tests cannot run here, or undefined when they can. */
export const notReadyReason = await whyNotReady();
const mustRun = process.env.CI === 'true';
if (notReadyReason !== undefined && !mustRun) {
  console.log(`container image tests skipped: ${notReadyReason}`);
}

/**
 * `describe` for tests that need the engine and the image (and whatever else `missing` names,
 * e.g. a tool that is not installed): skipped without them, with one line saying why, except
 * under CI=true, where the block holds one failing test that says what was missing.
 */
export function describeWithImage(name: string, body: () => void, missing?: string): void {
  const reason = notReadyReason ?? missing;
  if (reason === undefined) describe(name, body);
  else if (mustRun) {
    describe(name, () => {
      it('has what it needs (CI installs and builds it before npm test)', () => {
        throw new Error(reason);
      });
    });
  } else {
    if (notReadyReason === undefined) console.log(`${name}: skipped: ${reason}`);
    describe.skip(name, body);
  }
}

/** Waits until `docker inspect` says the container is healthy; throws with its health log otherwise. */
export async function waitHealthy(container: string, timeoutMs = 60_000): Promise<void> {
  let last = '';
  await waitUntil(
    `${container} to be healthy`,
    async () => {
      last = (await dockerOk(['inspect', '--format', '{{json .State.Health}}', container])).trim();
      return last.includes('"Status":"healthy"');
    },
    { timeoutMs, everyMs: 250, seen: () => `health ${last}` },
  );
}

/** Removes containers and networks, whatever state they are in. */
export async function removeAll(
  containers: readonly string[],
  networks: readonly string[] = [],
): Promise<void> {
  if (containers.length > 0) await docker(['rm', '-f', ...containers], { timeoutMs: 60_000 });
  for (const network of networks) await docker(['network', 'rm', network], { timeoutMs: 60_000 });
}

/**
 * Starts the image's mock receiver as `name` on `network`, reachable there as `alias`, with
 * extra `receive` flags, and waits until its health check passes (probed every second).
 */
export async function startReceiverContainer(
  name: string,
  network: string,
  alias: string,
  ...flags: string[]
): Promise<void> {
  await dockerOk([
    ...['run', '-d', '--name', name, '--network', network, '--network-alias', alias],
    ...['--health-interval', '1s', CSWM_IMAGE, 'receive', '--host', '0.0.0.0', ...flags],
  ]);
  await waitHealthy(name);
}

/** How many deliveries a receiver container recorded, asked of its inbox from inside it. */
export async function deliveriesSeen(container: string): Promise<number> {
  const script =
    "fetch('http://127.0.0.1:8080/_cswm/deliveries').then((r) => r.json()).then((j) => console.log(j.deliveries.length))";
  return Number((await dockerOk(['exec', container, 'node', '-e', script])).trim());
}
