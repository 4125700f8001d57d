import type { DeliveryRecord } from '../delivery/types.js';
import { formatDurationMs } from '../util/duration.js';
import { evaluateReceived } from './expect-received.js';
import type { Bounds, ExpectationKind, ExpectationResult, Expectations, ReceivedSummary } from './types.js';

/**
 * The expectation evaluator: pure, from what happened (delivery records, an error thrown before
 * any attempt, what the receiver recorded) to one result per expectation, each saying what was
 * expected and what happened. No sockets, no clocks: tested as tables.
 */

export interface Observation {
  deliveries: DeliveryRecord[];
  /** An error thrown before any attempt (a refused port), by code. */
  error?: { code: string; message: string } | undefined;
  received: ReceivedSummary | null;
  /** The time scale the run used: expectations are written unscaled. */
  timeScale: number;
  /** The longest event-loop delay measured while the scenario ran, in ms (see watchLoopDelay). */
  loopDelayMs?: number;
}

/**
 * Timers never fire early by more than a millisecond or two, but a loaded machine makes them
 * late; so measured times get a small allowance below and a wall-clock one above (not scaled:
 * scheduling noise does not shrink with the time scale). Above, the allowance is what a quiet
 * machine needs, or twice the event-loop delay measured during the run when that is more (a
 * timed step takes two turns of the loop: the timer, then the I/O it starts).
 */
const EARLY_ALLOWANCE_MS = 2;
const LATE_ALLOWANCE_MS = 40;

function lateAllowanceMs(obs: Observation): number {
  return Math.max(LATE_ALLOWANCE_MS, 2 * (obs.loopDelayMs ?? 0));
}
/** Default tolerance of an exact `waits` schedule. */
const DEFAULT_WAIT_TOLERANCE = { fraction: 0.1 } as const;

export function evaluate(expect: Expectations, obs: Observation): ExpectationResult[] {
  const results: ExpectationResult[] = [];
  if (expect.error !== undefined) results.push(evaluateError(expect.error, obs));
  if (expect.attempts !== undefined) results.push(evaluateAttempts(expect.attempts, obs));
  if (expect.outcomes !== undefined) results.push(evaluateOutcomes(expect.outcomes, obs));
  if (expect.waits !== undefined) results.push(evaluateWaits(expect, obs));
  if (expect.result !== undefined) results.push(evaluateResult(expect.result, obs));
  if (expect.delivered !== undefined) results.push(countOf('delivered', expect.delivered, obs));
  if (expect.failed !== undefined) results.push(countOf('failed', expect.failed, obs));
  if (expect.duration !== undefined) results.push(evaluateDuration(expect.duration, obs));
  if (expect.received !== undefined) results.push(...evaluateReceived(expect.received, obs.received));
  return results;
}

function result(kind: ExpectationKind, passed: boolean, expected: unknown, actual: unknown, message: string) {
  return { kind, passed, expected, actual, message };
}

/** `delivery 3 (alert_triggered 5f2c...)`: which delivery a per-delivery failure is about. */
function which(d: DeliveryRecord, index: number, total: number): string {
  if (total === 1) return '';
  return ` (delivery ${index + 1} of ${total}, ${d.eventType ?? 'unknown type'}${d.eventId ? ` ${d.eventId}` : ''})`;
}

/**
 * Applies a per-delivery check to every delivery; the first that does not match is the actual
 * value shown. With no delivery at all, the check sees an empty delivery (no attempts).
 */
function perDelivery<T>(
  kind: ExpectationKind,
  expected: unknown,
  obs: Observation,
  actualOf: (d: DeliveryRecord) => T,
  matches: (actual: T) => boolean,
  describe: (actual: T) => string,
): ExpectationResult {
  const list = obs.deliveries;
  if (list.length === 0) {
    const none = actualOf(emptyDelivery());
    const why = obs.error ? ` (${obs.error.code} was thrown before any attempt)` : '';
    return result(kind, matches(none), expected, none, `${describe(none)}${why}`);
  }
  for (const [index, d] of list.entries()) {
    const actual = actualOf(d);
    if (!matches(actual))
      return result(kind, false, expected, actual, `${describe(actual)}${which(d, index, list.length)}`);
  }
  const first = actualOf(list[0] as DeliveryRecord);
  const every = list.length > 1 ? ` (all ${list.length} deliveries)` : '';
  return result(kind, true, expected, first, `${describe(first)}${every}`);
}

function emptyDelivery(): DeliveryRecord {
  return {
    eventId: null,
    eventType: null,
    url: '',
    result: 'failed',
    attempts: [],
    startedAt: '',
    durationMs: 0,
    requestHeaders: {},
    bodyBytes: 0,
  };
}

function evaluateError(code: string, obs: Observation): ExpectationResult {
  const actual = obs.error?.code ?? null;
  const attempts = obs.deliveries.reduce((n, d) => n + d.attempts.length, 0);
  const passed = actual === code && attempts === 0;
  const message =
    actual === code
      ? attempts === 0
        ? `${code} was thrown before any connection, as expected`
        : `${code} was thrown, but ${attempts} attempt(s) were made`
      : `expected ${code} before any attempt, got ${actual ?? 'no error'}`;
  return result('error', passed, code, actual, message);
}

function evaluateAttempts(expected: number, obs: Observation): ExpectationResult {
  return perDelivery(
    'attempts',
    expected,
    obs,
    (d) => d.attempts.length,
    (n) => n === expected,
    (n) => `expected ${expected} attempt(s), got ${n}`,
  );
}

function evaluateOutcomes(expected: string[], obs: Observation): ExpectationResult {
  const same = (a: string[]) => a.length === expected.length && a.every((l, i) => l === expected[i]);
  return perDelivery(
    'outcomes',
    expected,
    obs,
    (d) => d.attempts.map((a) => a.label),
    same,
    (a) =>
      same(a)
        ? `outcomes ${list(a)}`
        : `expected outcomes ${list(expected)}, got ${list(a)}${firstDiff(expected, a)}`,
  );
}

function firstDiff(expected: string[], actual: string[]): string {
  const i = expected.findIndex((e, k) => actual[k] !== e);
  const at = i === -1 ? expected.length : i;
  if (at >= actual.length && at >= expected.length) return '';
  return ` (attempt ${at + 1}: expected ${expected[at] ?? 'no attempt'}, got ${actual[at] ?? 'no attempt'})`;
}

function list(labels: string[]): string {
  return labels.length === 0 ? '(none)' : labels.join(', ');
}

/** Measured waits between attempts, in ms: from the end of one attempt to the start of the next. */
export function measuredWaitsMs(d: DeliveryRecord): number[] {
  const out: number[] = [];
  for (let i = 1; i < d.attempts.length; i++) {
    const prev = d.attempts[i - 1];
    const cur = d.attempts[i];
    if (prev && cur) out.push(Math.max(0, cur.startOffsetMs - (prev.startOffsetMs + prev.durationMs)));
  }
  return out;
}

function ms(values: number[]): string {
  return values.length === 0 ? '(none)' : values.map((v) => formatDurationMs(v)).join(', ');
}

function evaluateWaits(expect: Expectations, obs: Observation): ExpectationResult {
  const waits = expect.waits;
  if (waits === 'growing') {
    // Growth is judged on the planned schedule (timer noise cannot fake or hide it); the
    // measured waits must show that the planned waits were really sat through.
    const growing = (d: DeliveryRecord) => {
      const planned = d.attempts.slice(1).map((a) => a.waitBeforeMs);
      const measured = measuredWaitsMs(d);
      return (
        planned.length > 0 &&
        planned.every((w, i) => i === 0 || w > (planned[i - 1] ?? 0)) &&
        measured.every((m, i) => m >= (planned[i] ?? 0) - EARLY_ALLOWANCE_MS)
      );
    };
    return perDelivery(
      'waits',
      'growing',
      obs,
      (d) => ({ ok: growing(d), measured: measuredWaitsMs(d).map(Math.round) }),
      (a) => a.ok,
      (a) => (a.ok ? `waits grew: ${ms(a.measured)}` : `expected growing waits, got ${ms(a.measured)}`),
    );
  }
  const scaled = (waits ?? []).map((w) => w * obs.timeScale);
  const tolerance = expect.waitTolerance ?? DEFAULT_WAIT_TOLERANCE;
  const within = (m: number[]) =>
    m.length === scaled.length &&
    m.every((v, i) => {
      const want = scaled[i] ?? 0;
      const slack = 'ms' in tolerance ? tolerance.ms * obs.timeScale : want * tolerance.fraction;
      return v >= want - slack - EARLY_ALLOWANCE_MS && v <= want + slack + lateAllowanceMs(obs);
    });
  return perDelivery(
    'waits',
    scaled.map(Math.round),
    obs,
    (d) => measuredWaitsMs(d).map(Math.round),
    within,
    (m) => (within(m) ? `waits ${ms(m)}` : `expected waits ${ms(scaled)} (scaled), got ${ms(m)}`),
  );
}

function evaluateResult(expected: string, obs: Observation): ExpectationResult {
  const none = obs.deliveries.length === 0;
  if (none) {
    return result('result', false, expected, null, `expected ${expected}, but no delivery was made`);
  }
  return perDelivery(
    'result',
    expected,
    obs,
    (d) => d.result as string,
    (r) => r === expected,
    (r) => (r === expected ? `result ${r}` : `expected result ${expected}, got ${r}`),
  );
}

function countOf(kind: 'delivered' | 'failed', expected: number, obs: Observation): ExpectationResult {
  const actual = obs.deliveries.filter((d) => d.result === kind).length;
  return result(
    kind,
    actual === expected,
    expected,
    actual,
    `expected ${expected} deliver${expected === 1 ? 'y' : 'ies'} ${kind}, got ${actual}`,
  );
}

function evaluateDuration(bounds: Bounds, obs: Observation): ExpectationResult {
  const min = bounds.minMs === undefined ? undefined : bounds.minMs * obs.timeScale;
  const max = bounds.maxMs === undefined ? undefined : bounds.maxMs * obs.timeScale;
  const inside = (v: number) =>
    (min === undefined || v >= min - EARLY_ALLOWANCE_MS) &&
    (max === undefined || v <= max + lateAllowanceMs(obs));
  const span = `${min === undefined ? '' : `at least ${formatDurationMs(min)}`}${min !== undefined && max !== undefined ? ' and ' : ''}${max === undefined ? '' : `at most ${formatDurationMs(max)}`}`;
  return perDelivery(
    'duration',
    { minMs: min, maxMs: max },
    obs,
    (d) => Math.round(d.durationMs),
    inside,
    (v) =>
      inside(v)
        ? `took ${formatDurationMs(v)} (${span})`
        : `expected a duration of ${span} (scaled), took ${formatDurationMs(v)}`,
  );
}
