/**
 * Learning a sender of known behaviour, end to end: `cswm receive --learn --profile-out` as a
 * child process, a sender pointed at it (the project's own `cswm send`, or the Python sender in
 * test/fixtures/senders), the receiver stopped by a signal once the sender has exited, and the
 * profile read from the file it wrote. Every wait is bounded.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { SenderProfile } from '../../src/profile/types.js';
import { type CliRun, runCli, runProcess } from '../helpers/cli.js';
import { startReceive } from '../helpers/receive.js';

export const PYTHON = '/usr/bin/python3';
const PYTHON_SENDER = fileURLToPath(new URL('../fixtures/senders/python_sender.py', import.meta.url));

export interface Learned {
  profile: SenderProfile;
  sender: CliRun;
  /** What `cswm receive` printed on stderr when it stopped (the summary). */
  receiveStderr: string;
}

/** A fresh temporary directory, removed by the returned function. */
export async function tempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'cswm-learn-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Starts a learning receiver, runs `send(url)` against it, stops the receiver, returns the
 * profile it wrote. `receiveArgs` adds flags (`--learn-probes`, `--time-scale`).
 */
export async function learnFrom(
  dir: string,
  receiveArgs: string[],
  send: (url: string) => Promise<CliRun>,
): Promise<Learned> {
  const profilePath = join(dir, `profile-${Date.now()}-${Math.random().toString(16).slice(2)}.json`);
  const receiver = await startReceive(['--learn', '--profile-out', profilePath, ...receiveArgs]);
  try {
    const sender = await send(`${receiver.url}/hook`);
    const code = await receiver.stop('SIGTERM');
    if (code !== 0) throw new Error(`cswm receive exited ${code}: ${receiver.stderr()}`);
    const profile = JSON.parse(await readFile(profilePath, 'utf8')) as SenderProfile;
    return { profile, sender, receiveStderr: receiver.stderr() };
  } finally {
    await receiver.stop('SIGKILL');
  }
}

/** `cswm send` with these arguments (the URL and --allow-any-port added), bounded in time. */
export function emitter(args: string[], timeoutMs = 120_000): (url: string) => Promise<CliRun> {
  return (url) => runCli(['send', ...args, '--url', url, '--allow-any-port'], { timeoutMs });
}

/** The Python sender over `events` (NDJSON text), bounded in time. */
export function pythonSender(dir: string, events: string, args: string[], timeoutMs = 120_000) {
  return async (url: string): Promise<CliRun> => {
    const file = join(dir, 'python-events.ndjson');
    await writeFile(file, events);
    return runProcess(PYTHON, [PYTHON_SENDER, '--url', url, '--events', file, ...args], { timeoutMs });
  };
}

/** |measured - expected| / expected: the relative error the 5 % criterion is about. */
export function relativeError(measured: number, expected: number): number {
  return Math.abs(measured - expected) / expected;
}

/** The retry-probed event of a profile (the one answered 503 to the end). */
export function retryEvent(profile: SenderProfile) {
  const event = profile.waitsMs.perEvent.find((e) => e.probe === 'retry');
  if (!event) throw new Error(`no retry-probed event in the profile: ${JSON.stringify(profile.waitsMs)}`);
  return event;
}

/** Each measured value within 5 % of the expected one at the same position (message: all of both). */
export function expectWithin5Percent(measured: readonly number[], expected: readonly number[]): void {
  const errors = measured.map((m, i) => relativeError(m, expected[i] as number));
  expect(measured.length, 'how many values').toBe(expected.length);
  expect(
    errors.every((e) => e < 0.05),
    `measured ${measured.join(', ')}; expected ${expected.join(', ')}; relative errors ${errors.map((e) => e.toFixed(3)).join(', ')}`,
  ).toBe(true);
}
