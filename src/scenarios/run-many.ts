import { EVENT_TYPES } from '../events/catalog.js';
import { bundledScenarios, loadScenario } from './catalog.js';
import { preparedPayloads, prepareInBackground } from './prepare.js';
import { checkRunOptions, type RunScenarioOptions, runPrepared } from './run.js';
import type { Scenario, ScenarioResult, ScenarioRunSummary } from './types.js';
import { warmUp } from './warm-up.js';

export interface RunScenariosOptions extends RunScenarioOptions {
  /**
   * Scenarios run at once. Most of a scenario is waiting on timers, so independent ones share
   * the time; those whose timing is tight or that load the machine run alone (see
   * {@link runsAlone}). 1 runs everything one after another.
   * @default 4
   */
  concurrency?: number;
  /** Called before each scenario starts. */
  onStart?: (scenario: Scenario) => void;
  /** Called as each scenario ends, in the order they end (print as you go). */
  onResult?: (result: ScenarioResult) => void;
}

/**
 * True for a scenario that must have the machine to itself: a delay racing the timeout by a
 * second (10 ms at time scale 0.01), duration bounds, an exact wait schedule, or a burst of
 * events whose load would disturb the others' timers.
 */
export function runsAlone(s: Scenario): boolean {
  const events = s.send.reduce(
    (n, spec) => n + spec.count * (spec.event === 'all' ? EVENT_TYPES.length : 1),
    0,
  );
  return (
    (s.receiver?.faults ?? []).some((r) => r.fault.type === 'delay' || r.fault.type === 'hang') ||
    s.expect.duration !== undefined ||
    Array.isArray(s.expect.waits) ||
    (s.delivery.concurrency ?? 1) > 1 ||
    events > 20
  );
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
  const { timeScale } = checkRunOptions(options);
  const scenarios =
    refs === 'all' ? bundledScenarios() : refs.map((r) => (typeof r === 'string' ? loadScenario(r) : r));
  const { alone, shared } = plan(scenarios, Math.max(1, Math.floor(options.concurrency ?? 4)));
  // Events and certificates take a while to make: in a worker, in the order they are needed,
  // because building them on this thread would stall the timers of the scenarios running.
  prepareInBackground([...alone, ...shared].map((i) => scenarios[i] as Scenario));
  if (timeScale < 1 && !options.signal?.aborted) await warmUp();
  const t0 = performance.now();
  const results: (ScenarioResult | undefined)[] = new Array(scenarios.length);
  const runOne = async (index: number): Promise<void> => {
    const scenario = scenarios[index] as Scenario;
    if (options.signal?.aborted) return;
    options.onStart?.(scenario);
    const result = await runPrepared(scenario, await preparedPayloads(scenario.send), options);
    results[index] = result;
    options.onResult?.(result);
  };
  for (const i of alone) await runOne(i);
  await pool(shared, Math.max(1, Math.floor(options.concurrency ?? 4)), runOne);
  const done = results.filter((r): r is ScenarioResult => r !== undefined);
  const passed = done.filter((r) => r.passed).length;
  return {
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
 * Which scenarios run alone (first, one after another, while the worker makes the rest's events
 * and certificates) and which share the time (TLS ones last: their certificates come last).
 */
function plan(scenarios: readonly Scenario[], concurrency: number): { alone: number[]; shared: number[] } {
  const indexes = scenarios.map((_, i) => i);
  if (concurrency === 1) return { alone: indexes, shared: [] };
  const tls = (i: number) => (scenarios[i]?.receiver?.tls ? 1 : 0);
  const shared = indexes
    .filter((i) => !runsAlone(scenarios[i] as Scenario))
    .sort((a, b) => tls(a) - tls(b) || a - b);
  return { alone: indexes.filter((i) => !shared.includes(i)), shared };
}

async function pool(items: number[], size: number, work: (item: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as number);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
