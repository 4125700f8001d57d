import { DEFAULTS } from '../delivery/defaults.js';
import { checkDestination } from '../delivery/ports.js';
import { sendMany } from '../delivery/send-many.js';
import type { AttemptRecord, DeliveryOptions, DeliveryRecord, SendManyOptions } from '../delivery/types.js';
import { InvalidOptionError, isCswmError } from '../errors.js';
import type { EventSchemas } from '../events/custom/registry.js';
import { loadScenario } from './catalog.js';
import { evaluate } from './expect.js';
import { summarizeReceived } from './expect-received.js';
import { payloadsFor } from './payloads.js';
import { type Destination, prepareDestination } from './setup.js';
import type { Scenario, ScenarioResult } from './types.js';
import { warmUp } from './warm-up.js';

export interface RunScenarioOptions {
  /**
   * Multiplies every wait, the timeout and the receiver's delays: 0.01 runs a 5-attempt
   * schedule in ~150 ms with the code path unchanged.
   * @default 1 (real timings)
   */
  timeScale?: number;
  /**
   * A receiver's URL. Scenarios with faults run through the bundled receiver as a proxy in
   * front of it (so it sees exactly what the Console's retries bring); scenarios with a URL of
   * their own send to this one instead; unreachable targets (refused, dns) are unchanged.
   * @example 'http://127.0.0.1:8080/crowdsec'
   */
  target?: string;
  /** Custom event types (from loadEventSchemas) that scenario files may name in `send`. */
  schemas?: EventSchemas;
  /** Stops the run: attempts in flight are cut and deliveries end `interrupted`. */
  signal?: AbortSignal;
  /** Called after every attempt (a live timeline). */
  onAttempt?: (
    attempt: AttemptRecord,
    delivery: { eventId: string | null; eventType: string | null },
  ) => void;
}

/** Checks the caller's options where they enter: a bad time scale or URL is an input error. */
export function checkRunOptions(options: RunScenarioOptions): { timeScale: number } {
  const timeScale = options.timeScale ?? 1;
  if (typeof timeScale !== 'number' || !Number.isFinite(timeScale) || timeScale <= 0 || timeScale > 100) {
    throw new InvalidOptionError(
      `timeScale: ${String(timeScale)} is not allowed (a number above 0, at most 100)`,
    );
  }
  // The proxy forwards to any port: the port rule applies to where the Console sends.
  if (options.target !== undefined) checkDestination(options.target, { allowAnyPort: true });
  return { timeScale };
}

/**
 * Runs one scenario: sets up its destination, delivers its events with its policy and time
 * scale, evaluates its expectations, tears everything down. A scenario that fails is a result
 * (`passed: false`), never an exception; bad input (an unknown id, a malformed file, a bad
 * option) throws before anything is sent.
 *
 * @example
 * const result = await runScenario('retry-then-success', { timeScale: 0.01 });
 * result.passed; // true
 */
export async function runScenario(
  ref: string | Scenario,
  options: RunScenarioOptions = {},
): Promise<ScenarioResult> {
  const scenario = typeof ref === 'string' ? loadScenario(ref, { eventTypes: options.schemas?.types }) : ref;
  const { timeScale } = checkRunOptions(options);
  const payloads = payloadsFor(scenario.send, options.schemas);
  // Scaled timeouts are short: the process's first exchange must not be the scenario's.
  if (timeScale < 1) await warmUp();
  return runPrepared(scenario, payloads, timeScale, options);
}

/**
 * Runs a scenario whose events are already generated (a run of many generates them first) with
 * options already checked by {@link checkRunOptions}, which returned `askedTimeScale`.
 */
export async function runPrepared(
  scenario: Scenario,
  payloads: readonly unknown[],
  askedTimeScale: number,
  options: RunScenarioOptions,
): Promise<ScenarioResult> {
  const timeScale = Math.max(askedTimeScale, scenario.minTimeScale ?? 0);
  const t0 = performance.now();
  const destination = await prepareDestination(scenario, { timeScale, target: options.target });
  let deliveries: DeliveryRecord[] = [];
  let error: ScenarioResult['error'];
  try {
    const summary = await sendMany(payloads, sendOptions(scenario, destination, timeScale, options));
    deliveries = summary.deliveries;
  } catch (thrown) {
    // An error before any attempt (a refused port) is what some scenarios expect: a result.
    if (!isCswmError(thrown)) throw thrown;
    error = { code: thrown.code, message: thrown.message };
  } finally {
    await destination.close();
  }
  const received = destination.receiver ? summarizeReceived(destination.receiver.deliveries()) : null;
  const expectations = evaluate(scenario.expect, { deliveries, error, received, timeScale });
  const result: ScenarioResult = {
    id: scenario.id,
    title: scenario.title,
    passed: expectations.every((e) => e.passed),
    expectations,
    deliveries,
    received,
    mode: destination.mode,
    setup: destination.setup,
    timeScale,
    durationMs: performance.now() - t0,
    requiredWaitMs: requiredWaitMs(scenario, deliveries, timeScale),
  };
  if (error) result.error = error;
  return result;
}

function sendOptions(
  scenario: Scenario,
  destination: Destination,
  timeScale: number,
  options: RunScenarioOptions,
): SendManyOptions {
  const policy = scenario.delivery;
  const out: SendManyOptions = {
    url: destination.url,
    timeScale,
    allowAnyPort: policy.allowAnyPort,
    concurrency: policy.concurrency ?? 1,
  };
  const optional: Partial<DeliveryOptions> = {
    auth: policy.auth,
    insecure: policy.insecure,
    // Without verification the extra trust is moot (and costs a secure context per attempt).
    ca: policy.insecure ? undefined : destination.ca,
    // The engine scales the timeout with everything else; undo it where the file says so.
    timeoutMs: scalesTimeout(scenario)
      ? policy.timeoutMs
      : (policy.timeoutMs ?? DEFAULTS.timeoutMs) / timeScale,
    maxAttempts: policy.maxAttempts,
    backoff: policy.delaysMs ? { delaysMs: policy.delaysMs } : undefined,
    signal: options.signal,
    onAttempt: options.onAttempt,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (out as unknown as Record<string, unknown>)[key] = value;
  }
  return out;
}

/**
 * True when the time scale shrinks the scenario's timeout, as it does every wait: unless the
 * file says `scaleTimeout: false` (a burst: 300 requests take as long to handle at any scale,
 * and a 300 ms timeout at 0.01 would measure the machine, not the receiver).
 */
export function scalesTimeout(scenario: Scenario): boolean {
  return scenario.delivery.scaleTimeout ?? true;
}

/**
 * The waiting a scenario cannot avoid, in scaled ms: the waits between attempts, the timeouts
 * that fired, and the receiver's delays that were answered. Deliveries in parallel overlap, so
 * with concurrency the longest counts; one after another, they add up.
 */
export function requiredWaitMs(scenario: Scenario, deliveries: DeliveryRecord[], timeScale: number): number {
  const timeoutMs =
    (scenario.delivery.timeoutMs ?? DEFAULTS.timeoutMs) * (scalesTimeout(scenario) ? timeScale : 1);
  const delayRule = scenario.receiver?.faults.find((r) => r.fault.type === 'delay');
  const delayMs = delayRule?.fault.type === 'delay' ? delayRule.fault.delayMs * timeScale : 0;
  let delayedLeft = delayRule ? (delayRule.times ?? Number.POSITIVE_INFINITY) : 0;
  const perDelivery = deliveries.map((d) => {
    let total = 0;
    for (const a of d.attempts) {
      total += a.waitBeforeMs;
      const delayed = delayedLeft > 0;
      if (delayed) delayedLeft--;
      if (a.label === 'timeout') total += timeoutMs;
      else if (delayed) total += Math.min(delayMs, timeoutMs);
    }
    return total;
  });
  if ((scenario.delivery.concurrency ?? 1) > 1) return Math.max(0, ...perDelivery);
  return perDelivery.reduce((sum, v) => sum + v, 0);
}
