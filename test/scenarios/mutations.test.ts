import { describe, expect, it } from 'vitest';
import { loadScenario, runScenario } from '../../src/scenarios/index.js';
import type { ExpectationResult, Scenario } from '../../src/scenarios/types.js';

/**
 * Each expectation kind can fail: a passing scenario with one expectation changed must fail,
 * on that expectation, with a message saying what was expected and what happened.
 */
function mutated(id: string, change: (s: Scenario) => void): Scenario {
  const scenario = structuredClone(loadScenario(id));
  change(scenario);
  // None of these expects a timeout: the waits are scaled, the 30 s timeout is not, so a busy
  // machine cannot turn a slow answer into a timeout and fail the run on another expectation.
  scenario.delivery.scaleTimeout = false;
  return scenario;
}

async function failed(scenario: Scenario): Promise<ExpectationResult[]> {
  const result = await runScenario(scenario, { timeScale: 0.01 });
  expect(result.passed).toBe(false);
  return result.expectations.filter((e) => !e.passed);
}

describe('a mutated expectation fails the run', () => {
  it('fails on one attempt more than were made', async () => {
    const [f] = await failed(
      mutated('retry-then-success', (s) => {
        s.expect.attempts = 4;
        delete s.expect.outcomes;
      }),
    );
    expect(f).toMatchObject({ kind: 'attempts', expected: 4, actual: 3 });
    expect(f?.message).toBe('expected 4 attempt(s), got 3');
  });

  it('fails on another outcome, naming the attempt', async () => {
    const [f] = await failed(
      mutated('retry-then-success', (s) => {
        s.expect.outcomes = ['status-503', 'status-500', 'delivered'];
      }),
    );
    expect(f?.kind).toBe('outcomes');
    expect(f?.message).toContain('attempt 2: expected status-500, got status-503');
  });

  it('fails growing waits when the schedule shrinks', async () => {
    const [f] = await failed(
      mutated('retry-then-success', (s) => {
        s.delivery.delaysMs = [4000, 1000];
      }),
    );
    expect(f?.kind).toBe('waits');
    expect(f?.message).toMatch(/^expected growing waits, got \d+ms, \d+ms$/);
  });

  it('fails an exact schedule that the waits do not follow', async () => {
    const [f] = await failed(
      mutated('retries-exhausted-500', (s) => {
        s.expect.waits = [8000, 4000, 2000, 1000];
        delete s.expect.duration;
      }),
    );
    expect(f?.kind).toBe('waits');
    expect(f?.message).toContain('expected waits 80ms, 40ms, 20ms, 10ms (scaled), got');
  });

  it('fails on another final result', async () => {
    const [f] = await failed(
      mutated('retry-then-success', (s) => {
        s.expect.result = 'failed';
      }),
    );
    expect(f).toMatchObject({ kind: 'result', expected: 'failed', actual: 'delivered' });
  });

  it('fails on a received count the receiver did not record', async () => {
    const [f] = await failed(
      mutated('lost-response-duplicate', (s) => {
        s.expect.received = { deliveries: 1, duplicates: 1 };
      }),
    );
    expect(f).toMatchObject({ kind: 'received.deliveries', expected: 1, actual: 2 });
  });

  it('fails on duplicates the receiver did not see', async () => {
    const [f] = await failed(
      mutated('retry-then-success', (s) => {
        s.expect.received = { duplicates: 0 };
      }),
    );
    expect(f).toMatchObject({ kind: 'received.duplicates', expected: 0, actual: 2 });
  });

  it('fails a duration bound the delivery exceeded', async () => {
    const [f] = await failed(
      mutated('retries-exhausted-500', (s) => {
        s.expect.duration = { maxMs: 5000 };
      }),
    );
    expect(f?.kind).toBe('duration');
    expect(f?.message).toMatch(/^expected a duration of at most 50ms \(scaled\), took /);
  });

  it('fails an expected error that was not thrown', async () => {
    const [f] = await failed(
      mutated('auth-bearer-ok', (s) => {
        s.expect = { error: 'ERR_PORT_NOT_ALLOWED' };
      }),
    );
    expect(f).toMatchObject({ kind: 'error', actual: null });
  });

  it('fails a delivered count when deliveries failed', async () => {
    const [f] = await failed(
      mutated('auth-bearer-wrong', (s) => {
        s.expect = { delivered: 1 };
      }),
    );
    expect(f).toMatchObject({ kind: 'delivered', expected: 1, actual: 0 });
  });
});
