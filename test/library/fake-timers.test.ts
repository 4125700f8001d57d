import { describe, expect, it, vi } from 'vitest';
import { deliver } from '../../src/delivery/deliver.js';
import { useMockReceiver, withFakeTimers } from '../../src/testing/vitest.js';

/** The real clock, taken before any test fakes it. */
const REAL = {
  setTimeout: globalThis.setTimeout,
  clearTimeout: globalThis.clearTimeout,
  Date: globalThis.Date,
};

const EVENT = {
  metadata: { version: 1, issuer: 'crowdsec.net' },
  details: { event_id: 'evt-fake-1', event_type: 'alert_triggered', event_timestamp: '2025-01-01T00:00:00Z' },
};

describe('withFakeTimers against a receiver that always answers 503', () => {
  const receiver = useMockReceiver({ faults: [{ fault: { type: 'status', statuses: [503] } }] });

  it('runs the default 1 s, 2 s, 4 s, 8 s schedule on the fake clock, exactly', async () => {
    const { record, waits } = await withFakeTimers(async (clock) => ({
      record: await deliver(EVENT, { url: receiver.url, allowAnyPort: true, ...clock.options }),
      waits: clock.waits,
    }));
    expect(record).toHaveAttempts(5);
    expect(waits).toEqual([1000, 2000, 4000, 8000]);
    expect(record.attempts.map((a) => a.startOffsetMs)).toEqual([0, 1000, 3000, 7000, 15000]);
  });

  it('puts real timers back afterwards', async () => {
    await withFakeTimers(async () => {
      expect(globalThis.setTimeout).not.toBe(REAL.setTimeout);
    });
    expect(vi.isFakeTimers()).toBe(false);
    expect([globalThis.setTimeout, globalThis.clearTimeout, globalThis.Date]).toEqual([
      REAL.setTimeout,
      REAL.clearTimeout,
      REAL.Date,
    ]);
  });
});

describe('withFakeTimers against a receiver that never answers', () => {
  const receiver = useMockReceiver({ faults: [{ fault: { type: 'hang' } }] });

  it('reaches the 30 s timeout of each attempt on the fake clock', async () => {
    const record = await withFakeTimers((clock) =>
      deliver(EVENT, { url: receiver.url, allowAnyPort: true, maxAttempts: 2, ...clock.options }),
    );
    expect(record.attempts.map((a) => a.label)).toEqual(['timeout', 'timeout']);
    expect(record.attempts[1]!.startOffsetMs).toBeGreaterThanOrEqual(31_000);
  });
});
