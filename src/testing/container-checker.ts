/**
 * The checker itself as a container: the project's image runs `cswm check --json` on the same
 * Docker network as the user's receiver container and reaches it by name or address there (no
 * host networking, no published port). This file is the I/O; the arguments and the reading of
 * the checker's output are pure functions beside it (container-checker-args.ts).
 */
import {
  getContainerRuntimeClient,
  Network,
  type StartedNetwork,
  type StartedTestContainer,
} from 'testcontainers';
import type { ConformanceReport } from '../conformance/report.js';
import { CswmError, ErrorCodes } from '../errors.js';
import {
  type CheckerCheckOptions,
  type CheckerRun,
  checkerArgs,
  reportFromChecker,
} from './container-checker-args.js';
import { judgeOnContainer } from './container-report.js';
import {
  type ContainerEndpoint,
  type ContainerLike,
  checkEndpoint,
  endpointWithDefaults,
  firstLine,
  isStarted,
} from './container-target.js';

/**
 * The image {@link checkInContainer} runs when none is given: build it from this project's
 * Dockerfile (`docker build -t crowdsec-webhook-mock .`).
 * @example
 * ```ts
 * const report = await checkInContainer(receiver, { port: 8080, image: process.env.CSWM_IMAGE ?? DEFAULT_CHECKER_IMAGE });
 * ```
 */
export const DEFAULT_CHECKER_IMAGE = 'crowdsec-webhook-mock:latest';

/**
 * Options of {@link checkInContainer}: where the receiver listens, which checker image to run,
 * and the conformance options the command line takes.
 * @example
 * ```ts
 * const options: CheckInContainerOptions = { port: 8080, path: '/crowdsec', auth: { type: 'bearer', token: 's3cret' } };
 * ```
 */
export interface CheckInContainerOptions extends ContainerEndpoint, CheckerCheckOptions {
  /**
   * The checker image (this project's Dockerfile, built locally or pulled from where you push it).
   * It is never pulled here: it must be on the engine.
   * @default 'crowdsec-webhook-mock:latest'
   */
  image?: string;
  /**
   * The port you will expose to the Console, when it differs from the container port.
   * transport.port-allowed is judged on it.
   * @default the container port (`port`)
   */
  exposedPort?: number;
  /**
   * For a container definition: its name on the network made for the check (a GenericContainer
   * gets it as a network alias; other definitions are reached by address).
   * @default 'receiver'
   */
  alias?: string;
  /**
   * For a started container: which of its networks the checker joins.
   * @default its first network
   */
  network?: string;
  /**
   * For a started container: its name on that network (an alias you gave it), e.g. for a TLS
   * certificate issued to that name.
   * @default its IP address on that network
   */
  host?: string;
  /** How long the checker may run before it is stopped. @default 600000 (10 minutes) */
  runTimeoutMs?: number;
}

/** Where the checker finds the receiver. */
interface NetworkTarget {
  networkName: string;
  host: string;
}

type RuntimeClient = Awaited<ReturnType<typeof getContainerRuntimeClient>>;

/**
 * Runs the conformance suite from a checker container next to the receiver container, on one
 * Docker network, and returns the checker's report (`cswm check --json`, parsed).
 * Given a container definition, it creates a network, starts the receiver on it, and stops and
 * removes both afterwards; the receiver needs a wait strategy that does not need a published
 * port (`Wait.forLogMessage(...)`, `Wait.forHealthCheck()`), or the first probes may find it not
 * listening yet. Given a started container, the checker joins one of its networks and leaves it
 * running. transport.port-allowed is judged on `exposedPort ?? port`; transport.public-address
 * is skipped (an address on a Docker network says nothing about where you deploy).
 *
 * @example
 * ```ts
 * const receiver = new GenericContainer('my-receiver:latest').withWaitStrategy(Wait.forLogMessage(/listening/));
 * const report = await checkInContainer(receiver, { port: 8080, path: '/crowdsec', image: 'crowdsec-webhook-mock:0.1.0' });
 * expect(report).toBeConsoleReady();
 * ```
 */
export async function checkInContainer(
  receiver: ContainerLike,
  options: CheckInContainerOptions,
): Promise<ConformanceReport> {
  const { image, exposedPort, alias, network, host, runTimeoutMs, port, path, protocol, ...check } = options;
  const endpoint = endpointWithDefaults({ port, path, protocol });
  checkEndpoint(endpoint);
  // Every option is checked before anything starts (a bad one throws here, nothing runs).
  checkerArgs('http://receiver/', check);
  const client = await runtimeClient();
  const run = await onSharedNetwork(receiver, { alias, network, host }, async (target) => {
    const shownHost = target.host.includes(':') ? `[${target.host}]` : target.host;
    const url = `${endpoint.protocol}://${shownHost}:${endpoint.port}${endpoint.path}`;
    return runChecker(client, image ?? DEFAULT_CHECKER_IMAGE, target.networkName, checkerArgs(url, check), {
      runTimeoutMs: runTimeoutMs ?? 600_000,
    });
  });
  const report = reportFromChecker(run, image ?? DEFAULT_CHECKER_IMAGE);
  return judgeOnContainer(report, {
    port: exposedPort ?? port,
    containerPort: port,
    protocol: endpoint.protocol,
    path: endpoint.path,
    reachedThrough: 'network',
  });
}

async function runtimeClient(): Promise<RuntimeClient> {
  try {
    return await getContainerRuntimeClient();
  } catch (error) {
    throw new CswmError(
      ErrorCodes.CONTAINER,
      `no Docker engine answers (${firstLine(error)}); start dockerd or set DOCKER_HOST`,
      { cause: error, isInputError: false },
    );
  }
}

/** Puts the receiver on a network the checker can join, runs `work`, and undoes what it did. */
async function onSharedNetwork<T>(
  receiver: ContainerLike,
  where: { alias: string | undefined; network: string | undefined; host: string | undefined },
  work: (target: NetworkTarget) => Promise<T>,
): Promise<T> {
  if (isStarted(receiver)) return work(startedTarget(receiver, where));
  let network: StartedNetwork | undefined;
  let started: StartedTestContainer | undefined;
  try {
    network = await new Network().start();
    const alias = where.alias ?? 'receiver';
    const definition = receiver.withNetwork(network);
    // GenericContainer has aliases; the TestContainer interface does not promise them.
    const aliased = 'withNetworkAliases' in definition && typeof definition.withNetworkAliases === 'function';
    if (aliased) (definition.withNetworkAliases as (...names: string[]) => unknown)(alias);
    try {
      started = await definition.start();
    } catch (error) {
      throw new CswmError(
        ErrorCodes.CONTAINER,
        `the receiver container did not start: ${firstLine(error)} (does the image exist? does its wait strategy need a published port?)`,
        { cause: error, isInputError: false },
      );
    }
    const host = aliased ? alias : started.getIpAddress(network.getName());
    return await work({ networkName: network.getName(), host });
  } finally {
    await started?.stop({ timeout: 5_000 });
    await network?.stop();
  }
}

function startedTarget(
  started: StartedTestContainer,
  where: { network: string | undefined; host: string | undefined },
): NetworkTarget {
  const names = started.getNetworkNames();
  const networkName = where.network ?? names[0];
  if (networkName === undefined || !names.includes(networkName)) {
    throw new CswmError(
      ErrorCodes.CONTAINER,
      `the receiver container is not on network ${networkName ?? '(none)'} (its networks: ${names.join(', ') || 'none'}); pass one of them as options.network`,
    );
  }
  return { networkName, host: where.host ?? started.getIpAddress(networkName) };
}

/** Runs the checker to its end and returns its exit code and its two output streams. */
async function runChecker(
  client: RuntimeClient,
  image: string,
  networkName: string,
  args: string[],
  limits: { runTimeoutMs: number },
): Promise<CheckerRun> {
  let container: Awaited<ReturnType<RuntimeClient['container']['create']>>;
  try {
    container = await client.container.create({
      Image: image,
      Cmd: args,
      HostConfig: { NetworkMode: networkName },
    });
  } catch (error) {
    const missing = /no such image/i.test(String((error as Error).message));
    throw new CswmError(
      ErrorCodes.CONTAINER,
      missing
        ? `the checker image ${image} is not on this Docker engine (it is never pulled here): build it from the crowdsec-webhook-mock sources with \`docker build -t ${image} .\`, or pass options.image`
        : `the checker container could not be created: ${firstLine(error)}`,
      { cause: error, isInputError: missing },
    );
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    await client.container.start(container);
    const finished = container.wait() as Promise<{ StatusCode: number }>;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new CswmError(
              ErrorCodes.WAIT_TIMEOUT,
              `the checker container ran longer than ${limits.runTimeoutMs} ms and was stopped; raise options.runTimeoutMs or lower timeScale`,
              { isInputError: false },
            ),
          ),
        limits.runTimeoutMs,
      );
    });
    const { StatusCode } = await Promise.race([finished, timedOut]);
    const [stdout, stderr] = await Promise.all([
      container.logs({ follow: false, stdout: true, stderr: false }),
      container.logs({ follow: false, stdout: false, stderr: true }),
    ]);
    return { exitCode: StatusCode, stdout: demux(stdout), stderr: demux(stderr) };
  } finally {
    clearTimeout(timer);
    await container.remove({ force: true }).catch(() => undefined);
  }
}

/**
 * The text of one stream from Docker's log endpoint. Without a TTY each chunk comes framed: one
 * byte for the stream, three zero bytes, a 4-byte big-endian length, then the bytes.
 */
export function demux(framed: Buffer): string {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset + 8 <= framed.length) {
    const length = framed.readUInt32BE(offset + 4);
    parts.push(framed.subarray(offset + 8, offset + 8 + length));
    offset += 8 + length;
  }
  return Buffer.concat(parts).toString('utf8');
}
