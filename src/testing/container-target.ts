/**
 * The user's receiver container as a delivery target: started here (and stopped here) when the
 * caller gives a container definition, or used as it is when the caller started it. Whatever
 * this module starts, it stops, even when the work in between throws.
 */
import type { StartedTestContainer, TestContainer } from 'testcontainers';
import { CswmError, ErrorCodes, InvalidOptionError } from '../errors.js';

/**
 * A container definition (`new GenericContainer(...)`) or one the caller already started.
 * @example
 * ```ts
 * const definition: ContainerLike = new GenericContainer('my-receiver:latest');
 * const started: ContainerLike = await new GenericContainer('my-receiver:latest').withExposedPorts(8080).start();
 * ```
 */
export type ContainerLike = TestContainer | StartedTestContainer;

/**
 * Where the receiver listens inside the container.
 * @example
 * ```ts
 * const endpoint: ContainerEndpoint = { port: 8443, path: '/hook', protocol: 'https' };
 * ```
 */
export interface ContainerEndpoint {
  /** The port the receiver listens on inside the container. @example 8080 */
  port: number;
  /** Path of the webhook endpoint. @default '/' */
  path?: string;
  /** `https` when the receiver serves TLS itself. @default 'http' */
  protocol?: 'http' | 'https';
}

/** The endpoint with its defaults filled in. */
export type FullEndpoint = Required<ContainerEndpoint>;

/** Fills in the endpoint's defaults, once: path `/`, protocol `http`. */
export function endpointWithDefaults({ port, path, protocol }: ContainerEndpoint): FullEndpoint {
  return { port, path: path ?? '/', protocol: protocol ?? 'http' };
}

/** A running container's webhook endpoint, reached through the published port. */
export interface ContainerTarget {
  url: string;
}

/** True for a container already started (it has published ports to ask about). */
export function isStarted(container: ContainerLike): container is StartedTestContainer {
  return typeof (container as Partial<StartedTestContainer>).getMappedPort === 'function';
}

/** Throws ERR_INVALID_OPTION for a port outside 1..65535 or a path without a leading slash. */
export function checkEndpoint(endpoint: FullEndpoint): void {
  if (!Number.isInteger(endpoint.port) || endpoint.port < 1 || endpoint.port > 65_535) {
    throw new InvalidOptionError(
      `port ${String(endpoint.port)} is not a TCP port (allowed: 1 to 65535): give the port the receiver listens on inside the container`,
    );
  }
  if (!endpoint.path.startsWith('/')) {
    throw new InvalidOptionError(`path "${endpoint.path}" must start with "/" (e.g. "/webhook")`);
  }
}

/** The URL of the endpoint through the port testcontainers published on this machine. */
export function endpointUrl(container: StartedTestContainer, endpoint: FullEndpoint): string {
  let mapped: number;
  try {
    mapped = container.getMappedPort(endpoint.port);
  } catch (error) {
    throw new CswmError(
      ErrorCodes.CONTAINER,
      `container port ${endpoint.port} is not published: add .withExposedPorts(${endpoint.port}) before starting it, or pass the container unstarted`,
      { cause: error, isInputError: true },
    );
  }
  const host = container.getHost();
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return `${endpoint.protocol}://${shownHost}:${mapped}${endpoint.path}`;
}

/**
 * Runs `work` against the container's endpoint; starts the container first when it is only a
 * definition (publishing `endpoint.port`) and stops it afterwards.
 */
export async function withContainerTarget<T>(
  container: ContainerLike,
  endpoint: FullEndpoint,
  work: (target: ContainerTarget) => Promise<T>,
): Promise<T> {
  checkEndpoint(endpoint);
  if (isStarted(container)) {
    return work({ url: endpointUrl(container, endpoint) });
  }
  let started: StartedTestContainer;
  try {
    started = await container.withExposedPorts(endpoint.port).start();
  } catch (error) {
    throw new CswmError(
      ErrorCodes.CONTAINER,
      `the receiver container did not start: ${firstLine(error)} (is a Docker engine running? does the image exist?)`,
      { cause: error, isInputError: false },
    );
  }
  try {
    return await work({ url: endpointUrl(started, endpoint) });
  } finally {
    await started.stop({ timeout: 5_000 });
  }
}

/** The first line of an error's message (engines answer with long multi-line texts). */
export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}
