/**
 * `crowdsec-webhook-mock/testcontainers`: checks a webhook receiver that runs in a container.
 * testcontainers is a peer dependency, imported only by this subpath.
 *
 * @example
 * ```ts
 * import { GenericContainer } from 'testcontainers';
 * import { checkContainer } from 'crowdsec-webhook-mock/testcontainers';
 * import 'crowdsec-webhook-mock/vitest';
 *
 * it('is ready for the Console', async () => {
 *   const report = await checkContainer(new GenericContainer('my-receiver:latest'), { port: 8080, path: '/webhook' });
 *   expect(report).toBeConsoleReady();
 * }, 120_000);
 * ```
 */
import type { ConformanceOptions } from '../conformance/options.js';
import type { ConformanceReport } from '../conformance/report.js';
import { runConformance } from '../conformance/runner.js';
import { deliver } from '../delivery/deliver.js';
import type { DeliveryOptions, DeliveryRecord } from '../delivery/types.js';
import { type RunScenarioOptions, runScenario } from '../scenarios/run.js';
import type { Scenario, ScenarioResult } from '../scenarios/types.js';
import { judgeOnContainer } from './container-report.js';
import {
  type ContainerEndpoint,
  type ContainerLike,
  endpointWithDefaults,
  withContainerTarget,
} from './container-target.js';

export {
  type CheckInContainerOptions,
  checkInContainer,
  DEFAULT_CHECKER_IMAGE,
} from './container-checker.js';
export type { CheckerCheckOptions } from './container-checker-args.js';
export type { ContainerEndpoint, ContainerLike } from './container-target.js';
export { type DockerProbe, probeDocker } from './docker-probe.js';

/**
 * Options of {@link checkContainer}: where the receiver listens, and the conformance options.
 * @example
 * ```ts
 * const options: CheckContainerOptions = { port: 3000, exposedPort: 443, path: '/crowdsec', timeScale: 0.1 };
 * ```
 */
export interface CheckContainerOptions
  extends ContainerEndpoint,
    Omit<ConformanceOptions, 'url' | 'allowAnyPort' | 'embeddedPort'> {
  /**
   * The port you will expose to the Console, when it differs from the container port (for
   * `docker run -p 443:3000`, 443). transport.port-allowed is judged on it.
   * @default the container port (`port`)
   */
  exposedPort?: number;
}

/**
 * Starts the receiver container (or takes one already started), runs the conformance suite
 * against its published port, and stops what it started. transport.port-allowed is judged on
 * the container's own port (or `exposedPort`): the one the Console will call once deployed.
 * transport.public-address is skipped: a container reached here says nothing about that.
 *
 * @example
 * ```ts
 * const report = await checkContainer(
 *   new GenericContainer('my-receiver:latest').withEnvironment({ WEBHOOK_TOKEN: 's3cret' }),
 *   { port: 8080, path: '/crowdsec', auth: { type: 'bearer', token: 's3cret' }, timeScale: 0.1 },
 * );
 * expect(report).toBeConsoleReady();
 * ```
 */
export async function checkContainer(
  container: ContainerLike,
  options: CheckContainerOptions,
): Promise<ConformanceReport> {
  const { port, path, protocol, exposedPort, ...conformance } = options;
  const endpoint = endpointWithDefaults({ port, path, protocol });
  return withContainerTarget(container, endpoint, async ({ url }) => {
    const report = await runConformance({ ...conformance, url, allowAnyPort: true });
    return judgeOnContainer(report, {
      port: exposedPort ?? port,
      containerPort: port,
      protocol: endpoint.protocol,
      path: endpoint.path,
    });
  });
}

/**
 * Options of {@link deliverToContainer}: where the receiver listens, and the delivery policy.
 * @example
 * ```ts
 * const options: DeliverToContainerOptions = { port: 8080, auth: { type: 'bearer', token: 's3cret' }, timeScale: 0.01 };
 * ```
 */
export interface DeliverToContainerOptions
  extends ContainerEndpoint,
    Omit<DeliveryOptions, 'url' | 'allowAnyPort'> {}

/**
 * Delivers events to the receiver container the way the Console does (retries included) and
 * returns one record per event, in order. Starts the container when given a definition and
 * stops it afterwards; a started container is left running (read its logs, query its store).
 *
 * @example
 * ```ts
 * const started = await new GenericContainer('my-receiver:latest').withExposedPorts(8080).start();
 * const [record] = await deliverToContainer(started, [generateEvent('alert_triggered')], { port: 8080, timeScale: 0.01 });
 * expect(record).toHaveBeenDelivered();
 * await started.stop();
 * ```
 */
export async function deliverToContainer(
  container: ContainerLike,
  events: readonly unknown[],
  options: DeliverToContainerOptions,
): Promise<DeliveryRecord[]> {
  const { port, path, protocol, ...delivery } = options;
  const endpoint = endpointWithDefaults({ port, path, protocol });
  return withContainerTarget(container, endpoint, async ({ url }) => {
    const records: DeliveryRecord[] = [];
    for (const event of events) records.push(await deliver(event, { ...delivery, url, allowAnyPort: true }));
    return records;
  });
}

/**
 * Options of {@link runScenarioAgainstContainer}: where the receiver listens, and the run options.
 * @example
 * ```ts
 * const options: ScenarioAgainstContainerOptions = { port: 8080, path: '/hook', timeScale: 0.01 };
 * ```
 */
export interface ScenarioAgainstContainerOptions
  extends ContainerEndpoint,
    Omit<RunScenarioOptions, 'target'> {}

/**
 * Runs a bundled scenario (by id), a scenario file, or a parsed scenario against the receiver
 * container: scenarios with faults put the bundled receiver in front of it as a proxy, so the
 * container sees exactly what the Console's retries bring. Starts and stops the container when
 * given a definition.
 *
 * @example
 * ```ts
 * const result = await runScenarioAgainstContainer(new GenericContainer('my-receiver:latest'), 'retry-then-success', {
 *   port: 8080,
 *   timeScale: 0.01,
 * });
 * expect(result.passed).toBe(true);
 * ```
 */
export async function runScenarioAgainstContainer(
  container: ContainerLike,
  scenario: string | Scenario,
  options: ScenarioAgainstContainerOptions,
): Promise<ScenarioResult> {
  const { port, path, protocol, ...run } = options;
  const endpoint = endpointWithDefaults({ port, path, protocol });
  return withContainerTarget(container, endpoint, ({ url }) =>
    runScenario(scenario, { ...run, target: url }),
  );
}
