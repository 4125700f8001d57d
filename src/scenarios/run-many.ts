import { EVENT_TYPES } from '../events/catalog.js';
import { bundledScenarios, loadScenario } from './catalog.js';
import { payloadsFor } from './payloads.js';
import { checkRunOptions, type RunScenarioOptions, runPrepared } from './run.js';
import { prefetchTlsMaterial } from './tls-material.js';
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
  // Certificates take a while to make: start them now, off the main thread, for later.
  prefetchTlsMaterial(scenarios.flatMap((s) => (s.receiver?.tls ? [s.receiver.tls] : [])));
  // Generated up front: building events mid-run would stall the timers of scenarios running.
  const payloads = scenarios.map((s) => payloadsFor(s.send));
  if (timeScale < 1 && !options.signal?.aborted) await warmUp();
  const t0 = performance.now();
  const results: (ScenarioResult | undefined)[] = new Array(scenarios.length);
  const runOne = async (index: number): Promise<void> => {
    const scenario = scenarios[index] as Scenario;
    if (options.signal?.aborted) return;
    options.onStart?.(scenario);
    const result = await runPrepared(scenario, payloads[index] ?? [], options);
    results[index] = result;
    options.onResult?.(result);
  };
  const indexes = scenarios.map((_, i) => i);
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
  const tls = (i: number) => (scenarios[i]?.receiver?.tls ? 1 : 0);
  // TLS scenarios last among the shared ones: their certificates are still being made.
  const shared =
    concurrency === 1
      ? []
      : indexes.filter((i) => !runsAlone(scenarios[i] as Scenario)).sort((a, b) => tls(a) - tls(b) || a - b);
  const alone = indexes.filter((i) => !shared.includes(i));
  // The ones that run alone go first, while the TLS certificates are made in the worker.
  for (const i of alone) await runOne(i);
  await pool(shared, concurrency, runOne);
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

async function pool(items: number[], size: number, work: (item: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as number);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
