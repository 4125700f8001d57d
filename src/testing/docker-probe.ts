/**
 * Whether a container engine answers, asked the way testcontainers itself finds one
 * (DOCKER_HOST, ~/.testcontainers.properties, the default socket, ...), bounded in time, so a
 * test suite can skip its container tests with one clear line instead of failing.
 */
import { getContainerRuntimeClient } from 'testcontainers';
import { firstLine } from './container-target.js';

/**
 * The result of {@link probeDocker}.
 * @example
 * ```ts
 * const docker: DockerProbe = await probeDocker();
 * if (!docker.available) console.log(docker.reason);
 * ```
 */
export type DockerProbe =
  | { available: true; host: string; engine: string }
  | { available: false; reason: string };

/**
 * Asks testcontainers for a container runtime and reports whether one answers.
 *
 * @param options.timeoutMs - how long to wait for an answer. @default 15000
 * @example
 * ```ts
 * const docker = await probeDocker();
 * if (!docker.available) console.log(`container tests skipped: ${docker.reason}`);
 * describe.skipIf(!docker.available)('my receiver image', () => { ... });
 * ```
 */
export async function probeDocker(options: { timeoutMs?: number } = {}): Promise<DockerProbe> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<DockerProbe>((resolve) => {
    timer = setTimeout(
      () => resolve({ available: false, reason: `no container engine answered within ${timeoutMs} ms` }),
      timeoutMs,
    );
  });
  const asked = getContainerRuntimeClient().then(
    (client): DockerProbe => ({
      available: true,
      host: client.info.containerRuntime.host,
      engine: `${client.info.containerRuntime.operatingSystem} ${client.info.containerRuntime.serverVersion}`,
    }),
    (error: unknown): DockerProbe => ({
      available: false,
      reason: `no Docker engine found (${firstLine(error)}); start dockerd or set DOCKER_HOST`,
    }),
  );
  try {
    return await Promise.race([asked, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
