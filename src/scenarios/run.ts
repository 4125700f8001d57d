import { DEFAULTS } from '../delivery/defaults.js';
import { buildRequestIdentity } from '../delivery/headers.js';
import { checkDestination } from '../delivery/ports.js';
import { sendMany } from '../delivery/send-many.js';
import type { AttemptRecord, DeliveryOptions, DeliveryRecord, SendManyOptions } from '../delivery/types.js';
import { InvalidOptionError, isCswmError } from '../errors.js';
import type { EventSchemas } from '../events/custom/registry.js';
import { watchLoopDelay } from '../util/loop-delay.js';
import { loadScenario } from './catalog.js';
import { evaluate } from './expect.js';
import { summarizeReceived } from './expect-received.js';
import { payloadsFor } from './payloads.js';
import { type Destination, prepareDestination } from './setup.js';
import type { Scenario, ScenarioResult, ScenarioTarget } from './types.js';
import { warmUp } from './warm-up.js';

export interface RunScenarioOptions {
  /**
   * Multiplies every wait, the timeout and the receiver's delays: 0.01 runs a 5-attempt
   * schedule in ~150 ms with the code path unchanged.
   * @default 1 (real timings)
   */
  timeScale?: number;
  /**
   * Your receiver: its URL, or the URL with the credentials and TLS settings of its Console
   * destination. Scenarios with faults run through the bundled receiver as a proxy in front of
   * it (so it sees exactly what the Console's retries bring, with your credentials); scenarios
   * with a URL of their own send to this one instead; unreachable targets (refused, dns) are
   * unchanged. {@link runScenarios} first sends it one plain event (a preflight) and runs no
   * scenario when it is not accepted.
   * @example 'http://127.0.0.1:8080/crowdsec'
   * @example { url: 'https://hooks.example.com/crowdsec', auth: { type: 'bearer', token } }
   */
  target?: string | ScenarioTarget;
  /** Custom event types (from loadEventSchemas) that scenario files may name in `send`. */
  schemas?: EventSchemas;
  /** Stops the run: attempts in flight are cut and deliveries end `interrupted`. */
  signal?: AbortSignal;
  /**
   * In place of the emitter's defaults wherever a scenario sets none of its own: a learned
   * sender's timeout, attempts, waits and headers (`senderProfileOptions(profile)`, or
   * `cswm scenario run --profile FILE`). The scenarios' expectations were written for the
   * defaults: one that counts 5 attempts fails against a sender that makes 3.
   * @example { timeoutMs: 10000, maxAttempts: 5, backoff: { delaysMs: [2000, 4000, 8000, 16000] } }
   */
  defaults?: Pick<DeliveryOptions, 'timeoutMs' | 'maxAttempts' | 'backoff' | 'headers'>;
  /** Called after every attempt (a live timeline). */
  onAttempt?: (
    attempt: AttemptRecord,
    delivery: { eventId: string | null; eventType: string | null },
  ) => void;
}

/** Checks the caller's options where they enter: a bad time scale or URL is an input error. */
export function checkRunOptions(options: RunScenarioOptions): { timeScale: number; target?: ScenarioTarget } {
  const timeScale = options.timeScale ?? 1;
  if (typeof timeScale !== 'number' || !Number.isFinite(timeScale) || timeScale <= 0 || timeScale > 100) {
    throw new InvalidOptionError(
      `timeScale: ${String(timeScale)} is not allowed (a number above 0, at most 100)`,
    );
  }
  if (options.target === undefined) return { timeScale };
  const target = typeof options.target === 'string' ? { url: options.target } : options.target;
  // The proxy forwards to any port: the port rule applies to where the Console sends.
  checkDestination(target.url, { allowAnyPort: true });
  // Bad credentials are refused here, before anything is sent (the header name, a ':' in a user).
  if (target.auth) buildRequestIdentity(target.auth);
  return { timeScale, target };
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
  const { timeScale, target } = checkRunOptions(options);
  const payloads = payloadsFor(scenario.send, options.schemas);
  // Scaled timeouts are short: the process's first exchange must not be the scenario's.
  if (timeScale < 1) await warmUp();
  const { target: _given, ...rest } = options;
  return runPrepared(scenario, payloads, timeScale, { ...rest, ...(target ? { target } : {}) });
}

/**
 * Runs a scenario whose events are already generated (a run of many generates them first) with
 * options already checked by {@link checkRunOptions}, which returned `askedTimeScale`.
 */
export async function runPrepared(
  scenario: Scenario,
  payloads: readonly unknown[],
  askedTimeScale: number,
  options: Omit<RunScenarioOptions, 'target'> & { target?: ScenarioTarget },
): Promise<ScenarioResult> {
  const timeScale = Math.max(askedTimeScale, scenario.minTimeScale ?? 0);
  const t0 = performance.now();
  const destination = await prepareDestination(scenario, { timeScale, target: options.target });
  let deliveries: DeliveryRecord[] = [];
  let error: ScenarioResult['error'];
  // How late this process's timers ran during the deliveries: the expectations allow for it.
  const loopDelay = watchLoopDelay();
  try {
    const summary = await sendMany(payloads, sendOptions(scenario, destination, timeScale, options));
    deliveries = summary.deliveries;
  } catch (thrown) {
    // An error before any attempt (a refused port) is what some scenarios expect: a result.
    if (!isCswmError(thrown)) throw thrown;
    error = { code: thrown.code, message: thrown.message };
  } finally {
    loopDelay.stop();
    await destination.close();
  }
  const received = destination.receiver ? summarizeReceived(destination.receiver.deliveries()) : null;
  const expectations = evaluate(scenario.expect, {
    deliveries,
    error,
    received,
    timeScale,
    loopDelayMs: loopDelay.maxDelayMs(),
  });
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
  if (options.target) result.reachedTarget = reachedTarget(destination, deliveries);
  return result;
}

/**
 * Whether the user's receiver saw any of this scenario's deliveries: through the proxy, a
 * delivery the faults let through; directly, any attempt that got an HTTP answer.
 */
function reachedTarget(destination: Destination, deliveries: readonly DeliveryRecord[]): boolean {
  if (destination.mode === 'proxy') {
    return (destination.receiver?.deliveries() ?? []).some(
      (d) => d.response.type === 'proxied' || d.upstreamStatus !== undefined,
    );
  }
  if (destination.mode === 'direct' && destination.sendWith) {
    return deliveries.some((d) => d.attempts.some((a) => a.status !== undefined));
  }
  return false;
}

function sendOptions(
  scenario: Scenario,
  destination: Destination,
  timeScale: number,
  options: RunScenarioOptions,
): SendManyOptions {
  const policy = scenario.delivery;
  const defaults = options.defaults ?? {};
  const out: SendManyOptions = {
    url: destination.url,
    timeScale,
    allowAnyPort: policy.allowAnyPort,
    concurrency: policy.concurrency ?? 1,
  };
  // Straight to the user's receiver: its credentials and TLS settings, not the file's.
  const direct = destination.sendWith;
  const insecure = direct ? direct.insecure : policy.insecure;
  const optional: Partial<DeliveryOptions> = {
    auth: direct ? direct.auth : policy.auth,
    insecure,
    // Without verification the extra trust is moot (and costs a secure context per attempt).
    ca: insecure ? undefined : (direct?.ca ?? destination.ca),
    // The engine scales the timeout with everything else; undo it where the file says so.
    timeoutMs: scalesTimeout(scenario)
      ? (policy.timeoutMs ?? defaults.timeoutMs)
      : (policy.timeoutMs ?? defaults.timeoutMs ?? DEFAULTS.timeoutMs) / timeScale,
    maxAttempts: policy.maxAttempts ?? defaults.maxAttempts,
    backoff: policy.delaysMs ? { delaysMs: policy.delaysMs } : defaults.backoff,
    headers: defaults.headers,
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
