import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/delivery/defaults.js';
import { listScenarios, loadScenario, runScenario, runScenarios } from '../../src/scenarios/index.js';
import type { ScenarioResult, ScenarioRunSummary } from '../../src/scenarios/types.js';
import { type LagWatch, measureLag, watchLag } from '../helpers/lag.js';

/**
 * A receiver answering 1 s before the timeout: at time scale 0.01 that margin is 10 ms, at its
 * minTimeScale 0.05 it is 50 ms, and a busy machine delays timers by more than either. It runs
 * on its own, at a time scale where its margin covers what this machine measurably delays.
 */
const MARGINAL = 'answer-inside-timeout';

// Every other bundled scenario, run once at time scale 0.01 (the way CI runs them); each test
// then reads its own result, so a failure names the scenario and the expectation that failed.
let summary: ScenarioRunSummary;
let lag: LagWatch;
const byId = new Map<string, ScenarioResult>();
const ids = listScenarios()
  .map((s) => s.id)
  .filter((id) => id !== MARGINAL);

beforeAll(async () => {
  lag = watchLag();
  summary = await runScenarios(ids, { timeScale: 0.01 });
  lag.stop();
  for (const r of summary.results) byId.set(r.id, r);
}, 120_000);

function failures(r: ScenarioResult | undefined): string[] {
  if (!r) return ['did not run'];
  return r.expectations.filter((e) => !e.passed).map((e) => `${e.kind}: ${e.message}`);
}

/** How much sooner than its timeout the scenario's receiver answers, unscaled. */
function marginMs(id: string): number {
  const scenario = loadScenario(id);
  const delay = scenario.receiver?.faults.find((r) => r.fault.type === 'delay')?.fault;
  if (delay?.type !== 'delay') throw new Error(`${id} has no delay`);
  return (scenario.delivery.timeoutMs ?? DEFAULTS.timeoutMs) - delay.delayMs;
}

describe('the bundled scenarios at time scale 0.01', () => {
  it.each(ids)('%s passes', (id) => {
    expect(failures(byId.get(id))).toEqual([]);
    expect(byId.get(id)?.passed).toBe(true);
  });

  it('runs every other bundled scenario, in one run', () => {
    expect(summary.results.map((r) => r.id)).toEqual(ids);
    expect(summary.passed).toBe(ids.length);
  });

  it(`${MARGINAL} passes at a time scale where its margin covers the measured event-loop delay`, async () => {
    const minTimeScale = loadScenario(MARGINAL).minTimeScale ?? 0;
    const { allowanceMs } = await measureLag();
    const timeScale = Math.max(0.01, allowanceMs() / marginMs(MARGINAL));
    const result = await runScenario(MARGINAL, { timeScale });
    expect(failures(result)).toEqual([]);
    // Never faster than its own minTimeScale, however small the scale asked for.
    expect(result.timeScale).toBe(Math.max(timeScale, minTimeScale));
    expect(minTimeScale).toBe(0.05);
  }, 120_000);

  it('refuses port-not-allowed before making any connection', () => {
    const r = byId.get('port-not-allowed');
    expect(r?.error?.code).toBe('ERR_PORT_NOT_ALLOWED');
    expect(r?.deliveries).toEqual([]);
    expect(r?.received?.deliveries).toBe(0);
  });

  it('records the redelivery of lost-response-duplicate with the same event_id', () => {
    const r = byId.get('lost-response-duplicate');
    expect(r?.received?.duplicateEventIds).toEqual([r?.deliveries[0]?.eventId]);
  });

  it('loses none of the burst: the receiver recorded as many as were delivered', () => {
    const r = byId.get('burst');
    const delivered = r?.deliveries.filter((d) => d.result === 'delivered').length;
    expect(delivered).toBeGreaterThanOrEqual(200);
    expect(r?.received?.deliveries).toBe(delivered);
  });

  it('runs a scenario without a minTimeScale at the time scale asked for', () => {
    expect(byId.get('retry-then-success')?.timeScale).toBe(0.01);
  });

  it('cuts timeout-over-30s at the scaled timeout, not at the receiver delay', () => {
    const first = byId.get('timeout-over-30s')?.deliveries[0]?.attempts[0];
    expect(first?.label).toBe('timeout');
    // 300 ms, late only by what the event loop was kept waiting during the run.
    expect(first?.durationMs).toBeLessThan(DEFAULTS.timeoutMs * 0.01 + lag.allowanceMs());
  });
});
