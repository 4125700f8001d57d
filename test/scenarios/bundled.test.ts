import { beforeAll, describe, expect, it } from 'vitest';
import { listScenarios, runScenarios } from '../../src/scenarios/index.js';
import type { ScenarioResult, ScenarioRunSummary } from '../../src/scenarios/types.js';

// Every bundled scenario, run once at time scale 0.01 (the way CI runs them); each test then
// reads its own result, so a failure names the scenario and the expectation that failed.
let summary: ScenarioRunSummary;
const byId = new Map<string, ScenarioResult>();

beforeAll(async () => {
  summary = await runScenarios('all', { timeScale: 0.01 });
  for (const r of summary.results) byId.set(r.id, r);
}, 120_000);

function failures(r: ScenarioResult | undefined): string[] {
  if (!r) return ['did not run'];
  return r.expectations.filter((e) => !e.passed).map((e) => `${e.kind}: ${e.message}`);
}

describe('the bundled scenarios at time scale 0.01', () => {
  it.each(listScenarios().map((s) => s.id))('%s passes', (id) => {
    expect(failures(byId.get(id))).toEqual([]);
    expect(byId.get(id)?.passed).toBe(true);
  });

  it('runs the whole catalog in well under a minute', () => {
    expect(summary.total).toBe(listScenarios().length);
    expect(summary.durationMs).toBeLessThan(60_000);
  });

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

  it('runs answer-inside-timeout at its smallest time scale, where its 1s margin is 50ms', () => {
    expect(byId.get('answer-inside-timeout')?.timeScale).toBe(0.05);
    expect(byId.get('retry-then-success')?.timeScale).toBe(0.01);
  });

  it('cuts timeout-over-30s at the scaled timeout, not at the receiver delay', () => {
    const first = byId.get('timeout-over-30s')?.deliveries[0]?.attempts[0];
    expect(first?.label).toBe('timeout');
    expect(first?.durationMs).toBeLessThan(310 + 200);
  });
});
