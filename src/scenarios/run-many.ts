import { backoffDelaysMs } from '../delivery/backoff.js';
import { DEFAULTS } from '../delivery/defaults.js';
import { EVENT_TYPES } from '../events/catalog.js';
import { runPool } from '../util/pool.js';
import { bundledScenarios, loadScenario } from './catalog.js';
import { payloadsFor } from './payloads.js';
import { preflight } from './preflight.js';
import { prepareTls, tlsReady } from './prepare.js';
import { checkRunOptions, type RunScenarioOptions, runPrepared, scalesTimeout } from './run.js';
import type { Scenario, ScenarioResult, ScenarioRunSummary } from './types.js';
import { warmUp } from './warm-up.js';

export interface RunScenariosOptions extends RunScenarioOptions {
  /**
   * Scenarios run at once. Most of a scenario is waiting on timers, so independent ones share
   * the time; those that load the machine run alone, and those whose timing is tight run only
   * among themselves (see {@link runsAlone}). 1 runs everything one after another, in the
   * order given.
   * @default 4
   */
  concurrency?: number;
  /** Called before each scenario starts. */
  onStart?: (scenario: Scenario) => void;
  /** Called as each scenario ends, in the order they end (print as you go). */
  onResult?: (result: ScenarioResult) => void;
}

/** True for a scenario that loads the machine (a burst, concurrent deliveries). */
function isHeavy(s: Scenario): boolean {
  const events = s.send.reduce(
    (n, spec) => n + spec.count * (spec.event === 'all' ? EVENT_TYPES.length : 1),
    0,
  );
  return (s.delivery.concurrency ?? 1) > 1 || events > 20;
}

/**
 * True for a scenario whose verdict depends on timers firing within tens of ms at a small time
 * scale: a delay or a hang racing the timeout, duration bounds, an exact wait schedule.
 */
function isTimingTight(s: Scenario): boolean {
  return (
    (s.receiver?.faults ?? []).some((r) => r.fault.type === 'delay' || r.fault.type === 'hang') ||
    s.expect.duration !== undefined ||
    Array.isArray(s.expect.waits)
  );
}

/**
 * True for a scenario kept apart from the ordinary ones: a heavy one would make the others'
 * timers late (it runs alone); a tight one cannot afford their work delaying its own timers
 * (it runs only with other tight ones, each a single delivery idling on timers).
 */
export function runsAlone(s: Scenario): boolean {
  return isHeavy(s) || isTimingTight(s);
}

/**
 * The waiting a scenario will need, roughly, in ms at the time scale it will run at (`timeScale`
 * or its own larger minimum): so the longest start first and the shared time ends soonest (the
 * waits its expected attempts sit through, timeouts, delays).
 */
export function expectedWaitMs(s: Scenario, timeScale: number): number {
  const scale = Math.max(timeScale, s.minTimeScale ?? 0);
  const attempts = s.expect.attempts ?? s.expect.outcomes?.length ?? 1;
  const backoff = s.delivery.delaysMs ? { delaysMs: s.delivery.delaysMs } : {};
  let total = backoffDelaysMs(backoff, attempts, scale).reduce((sum, ms) => sum + ms, 0);
  const timeouts = (s.expect.outcomes ?? []).filter((o) => o === 'timeout').length;
  total += timeouts * (s.delivery.timeoutMs ?? DEFAULTS.timeoutMs) * (scalesTimeout(s) ? scale : 1);
  for (const rule of s.receiver?.faults ?? []) {
    if (rule.fault.type === 'delay') total += rule.fault.delayMs * scale;
  }
  return total;
}

/**
 * Runs several scenarios. Every scenario is loaded and checked before the first one runs, so a
 * malformed file stops the run before anything is sent. Results come back in the order given.
 *
 * @example const summary = await runScenarios('all', { timeScale: 0.01 }); summary.failed // 0
 */
export async function runScenarios(
  refs: 'all' | readonly (string | Scenario)[],
  options: RunScenariosOptions = {},
): Promise<ScenarioRunSummary> {
  const { timeScale, target } = checkRunOptions(options);
  const scenarios =
    refs === 'all'
      ? bundledScenarios()
      : refs.map((r) =>
          typeof r === 'string' ? loadScenario(r, { eventTypes: options.schemas?.types }) : r,
        );
  const { target: _given, ...rest } = options;
  const runOptions = { ...rest, ...(target ? { target } : {}) };
  // Everything is checked: one plain delivery says whether the target takes the user's settings.
  const check = target ? await preflight(target, timeScale, options.signal) : undefined;
  if (check && !check.accepted) {
    return {
      preflight: check,
      results: [],
      timeScale,
      total: 0,
      passed: 0,
      failed: 0,
      durationMs: 0,
      requiredWaitMs: 0,
    };
  }
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
  const phases = plan(scenarios, concurrency, timeScale);
  // Certificates are made in a worker thread (the keys take most of a second) while this thread
  // makes the events, warms up and runs the heavy scenarios (real timeouts).
  prepareTls(scenarios);
  const payloads = scenarios.map((s) => payloadsFor(s.send, options.schemas));
  if (timeScale < 1 && !options.signal?.aborted) await warmUp();
  const t0 = performance.now();
  const results: (ScenarioResult | undefined)[] = new Array(scenarios.length);
  const runOne = async (index: number): Promise<void> => {
    const scenario = scenarios[index] as Scenario;
    if (options.signal?.aborted) return;
    options.onStart?.(scenario);
    const result = await runPrepared(scenario, payloads[index] ?? [], timeScale, runOptions);
    results[index] = result;
    options.onResult?.(result);
  };
  const pool = (indexes: readonly number[]) =>
    runPool(
      indexes.map((i) => () => runOne(i)),
      concurrency,
    );
  for (const i of phases.heavy) await runOne(i);
  // Tight timings wait until the worker is done: its CPU could make their timers late.
  if (phases.tight.length > 0) await tlsReady(scenarios);
  // Together, but with nothing else: each is one delivery idling on timers.
  await pool(phases.tight);
  await pool(phases.shared);
  const done = results.filter((r): r is ScenarioResult => r !== undefined);
  const passed = done.filter((r) => r.passed).length;
  return {
    ...(check ? { preflight: check } : {}),
    results: done,
    timeScale,
    total: done.length,
    passed,
    failed: done.length - passed,
    durationMs: performance.now() - t0,
    requiredWaitMs: done.reduce((sum, r) => sum + r.requiredWaitMs, 0),
  };
}

/**
 * A run in three phases. Variants of this runner were timed against each other in one run of
 * the whole catalog at time scale 0.01: finer splits (plain, TLS and verified TLS apart, the
 * verified ones one at a time) only added wall time; dropping the phases (one pool for all) let
 * heavy and tight scenarios miss their bounds. The certificate worker stays because making the
 * keys in this thread cost wall time; the warm-up because without it the first scenarios missed
 * their bounds more often, though it saves no time.
 */
interface Phases {
  /** Alone, first: their load must not overlap anything. */
  heavy: number[];
  /** Among themselves only, once the certificates are made. */
  tight: number[];
  /** The rest, shared, longest waits first (TLS or not). */
  shared: number[];
}

/** The order of a run; shared ones longest waits first, so their shared time ends soonest. */
function plan(scenarios: readonly Scenario[], concurrency: number, timeScale: number): Phases {
  const indexes = scenarios.map((_, i) => i);
  // With concurrency 1 every pool runs one at a time: the given order, one after another.
  if (concurrency === 1) return { heavy: [], tight: indexes, shared: [] };
  const at = (i: number) => scenarios[i] as Scenario;
  const wait = (i: number) => expectedWaitMs(at(i), timeScale);
  const byWait = (a: number, b: number) => wait(b) - wait(a) || a - b;
  return {
    heavy: indexes.filter((i) => isHeavy(at(i))),
    tight: indexes.filter((i) => !isHeavy(at(i)) && isTimingTight(at(i))).sort(byWait),
    shared: indexes.filter((i) => !runsAlone(at(i))).sort(byWait),
  };
}
