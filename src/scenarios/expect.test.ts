import { describe, expect, it } from 'vitest';
import type { AttemptRecord, DeliveryRecord } from '../delivery/types.js';
import { evaluate, measuredWaitsMs, type Observation } from './expect.js';
import type { ExpectationResult, Expectations } from './types.js';

/** A delivery with attempts at the given labels, waits of `waitsMs` between them, 1 ms each. */
function delivery(
  labels: string[],
  waitsMs: number[] = [],
  result?: DeliveryRecord['result'],
): DeliveryRecord {
  const attempts: AttemptRecord[] = [];
  let t = 0;
  labels.forEach((label, i) => {
    const wait = i === 0 ? 0 : (waitsMs[i - 1] ?? 0);
    t += wait;
    attempts.push({
      attempt: i + 1,
      startOffsetMs: t,
      durationMs: 1,
      waitBeforeMs: wait,
      label,
      outcome: label === 'delivered' ? { type: 'delivered', status: 200 } : { type: 'status', status: 503 },
    });
    t += 1;
  });
  return {
    eventId: 'e1',
    eventType: 'alert_triggered',
    url: 'http://127.0.0.1/',
    result: result ?? (labels.at(-1) === 'delivered' ? 'delivered' : 'failed'),
    attempts,
    startedAt: '2025-01-01T00:00:00.000Z',
    durationMs: t,
    requestHeaders: {},
    bodyBytes: 10,
  };
}

const retried = delivery(['status-503', 'status-503', 'delivered'], [10, 20]);
const obs = (over: Partial<Observation> = {}): Observation => ({
  deliveries: [retried],
  received: {
    deliveries: 3,
    duplicates: 2,
    uniqueEvents: 1,
    duplicateEventIds: ['e1'],
    eventTypes: ['alert_triggered'],
    invalid: 0,
  },
  timeScale: 0.01,
  ...over,
});

function only(expectations: Expectations, o: Observation = obs()): ExpectationResult {
  const [first] = evaluate(expectations, o);
  if (!first) throw new Error('no result');
  return first;
}

describe('evaluate', () => {
  it('passes every kind when what happened matches', () => {
    const results = evaluate(
      {
        attempts: 3,
        outcomes: ['status-503', 'status-503', 'delivered'],
        waits: [1000, 2000],
        result: 'delivered',
        delivered: 1,
        failed: 0,
        duration: { minMs: 3000, maxMs: 4000 },
        received: {
          deliveries: 3,
          duplicates: 2,
          uniqueEvents: 1,
          eventTypes: ['alert_triggered'],
          valid: true,
        },
      },
      obs(),
    );
    expect(results.filter((r) => !r.passed)).toEqual([]);
    expect(results).toHaveLength(12);
  });

  it('fails attempts with expected and actual counts', () => {
    const r = only({ attempts: 4 });
    expect(r).toMatchObject({ kind: 'attempts', passed: false, expected: 4, actual: 3 });
    expect(r.message).toBe('expected 4 attempt(s), got 3');
  });

  it('fails outcomes naming the first attempt that differs', () => {
    const r = only({ outcomes: ['status-503', 'status-500', 'delivered'] });
    expect(r.passed).toBe(false);
    expect(r.message).toContain('(attempt 2: expected status-500, got status-503)');
  });

  it('fails growing waits when the schedule shrinks', () => {
    const shrinking = delivery(['status-503', 'status-503', 'delivered'], [20, 10]);
    expect(only({ waits: 'growing' }, obs({ deliveries: [shrinking] })).passed).toBe(false);
    expect(only({ waits: 'growing' }).passed).toBe(true);
  });

  it('fails growing waits when a planned wait was not really sat through', () => {
    const d = delivery(['status-503', 'status-503', 'delivered'], [10, 20]);
    const second = d.attempts[2] as AttemptRecord;
    second.waitBeforeMs = 40;
    expect(only({ waits: 'growing' }, obs({ deliveries: [d] })).passed).toBe(false);
  });

  it('fails an exact schedule outside its tolerance, in scaled time', () => {
    const r = only({ waits: [2000, 4000] });
    expect(r).toMatchObject({ kind: 'waits', passed: false, expected: [20, 40], actual: [10, 20] });
    expect(r.message).toBe('expected waits 20ms, 40ms (scaled), got 10ms, 20ms');
  });

  it('accepts an exact schedule a little late within the allowance', () => {
    const late = delivery(['status-503', 'status-503', 'delivered'], [14, 26]);
    expect(only({ waits: [1000, 2000] }, obs({ deliveries: [late] })).passed).toBe(true);
  });

  it('allows a late wait or duration by twice the event-loop delay measured during the run', () => {
    // 1 s and 2 s at 0.01 are 10 and 20 ms: the second wait is 100 ms late.
    const late = delivery(['status-503', 'status-503', 'delivered'], [10, 120]);
    const quiet = obs({ deliveries: [late], loopDelayMs: 11 });
    const busy = obs({ deliveries: [late], loopDelayMs: 60 });
    expect(only({ waits: [1000, 2000] }, quiet).passed).toBe(false);
    expect(only({ waits: [1000, 2000] }, busy).passed).toBe(true);
    expect(only({ duration: { maxMs: 3000 } }, quiet).passed).toBe(false);
    expect(only({ duration: { maxMs: 3000 } }, busy).passed).toBe(true);
  });

  it('fails result with the result seen', () => {
    expect(only({ result: 'failed' })).toMatchObject({ passed: false, actual: 'delivered' });
  });

  it('fails the result when no delivery was made at all', () => {
    expect(only({ result: 'delivered' }, obs({ deliveries: [] })).passed).toBe(false);
  });

  it('fails a duration bound in scaled time', () => {
    const slow = delivery(['status-503', 'status-503', 'delivered'], [100, 200]);
    const r = only({ duration: { maxMs: 1000 } }, obs({ deliveries: [slow] }));
    expect(r).toMatchObject({ kind: 'duration', passed: false, actual: 303 });
    expect(r.message).toBe('expected a duration of at most 10ms (scaled), took 303ms');
  });

  it('fails received counts with what the receiver recorded', () => {
    const [r] = evaluate({ received: { deliveries: 2 } }, obs());
    expect(r).toMatchObject({ kind: 'received.deliveries', passed: false, expected: 2, actual: 3 });
    expect(r?.message).toBe('expected the receiver to record 2 deliveries, it recorded 3');
  });

  it('fails received expectations when no bundled receiver ran', () => {
    expect(only({ received: { duplicates: 1 } }, obs({ received: null })).passed).toBe(false);
  });

  it('names the event types the receiver never saw', () => {
    const r = only({ received: { eventTypes: 'all' } });
    expect(r.passed).toBe(false);
    expect(r.message).toContain('am_i_under_attack');
  });

  it('passes an expected error only when no attempt was made', () => {
    const refused = obs({ deliveries: [], error: { code: 'ERR_PORT_NOT_ALLOWED', message: 'port' } });
    expect(only({ error: 'ERR_PORT_NOT_ALLOWED' }, refused).passed).toBe(true);
    expect(only({ attempts: 0 }, refused).passed).toBe(true);
    expect(only({ error: 'ERR_PORT_NOT_ALLOWED' }).passed).toBe(false);
  });

  it('names which delivery failed when several were made', () => {
    const r = only({ attempts: 3 }, obs({ deliveries: [retried, delivery(['delivered'])] }));
    expect(r.passed).toBe(false);
    expect(r.message).toContain('delivery 2 of 2');
  });
});

describe('measuredWaitsMs', () => {
  it('measures from the end of one attempt to the start of the next', () => {
    expect(measuredWaitsMs(retried)).toEqual([10, 20]);
  });
});
