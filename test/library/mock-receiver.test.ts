import { describe, expect, it } from 'vitest';
import { deliver } from '../../src/delivery/deliver.js';
import { useMockReceiver } from '../../src/testing/vitest.js';

const EVENT = {
  metadata: { version: 1, issuer: 'crowdsec.net' },
  details: {
    event_id: 'evt-fixture-1',
    event_type: 'alert_triggered',
    event_timestamp: '2025-01-01T00:00:00Z',
  },
};

describe('useMockReceiver with the default scope', () => {
  const receiver = useMockReceiver();
  let outside: unknown;
  try {
    void receiver.url;
  } catch (error) {
    outside = error;
  }
  it('throws ERR_INVALID_OPTION when the handle is read outside a test', () => {
    expect(outside).toMatchObject({ code: 'ERR_INVALID_OPTION' });
  });

  it('records a delivery in the first test', async () => {
    await deliver(EVENT, { url: receiver.url, allowAnyPort: true });
    expect(receiver.deliveries()).toHaveLength(1);
  });

  it('starts a fresh receiver, with nothing recorded, for the next test', () => {
    expect(receiver.deliveries()).toHaveLength(0);
    expect(receiver.deliveries().some((d) => d.eventId === 'evt-fixture-1')).toBe(false);
  });
});

describe("useMockReceiver with scope 'all'", () => {
  const receiver = useMockReceiver({
    scope: 'all',
    faults: [{ fault: { type: 'status', statuses: [503] } }],
  });
  const ports: number[] = [];

  it('answers as configured', async () => {
    ports.push(receiver.port);
    receiver.setFaults([]);
    const record = await deliver(EVENT, { url: receiver.url, allowAnyPort: true });
    expect(record).toHaveBeenDelivered();
  });

  it('keeps the same receiver, clears what it recorded and restores its faults before the next test', async () => {
    ports.push(receiver.port);
    expect(ports[0]).toBe(ports[1]);
    expect(receiver.deliveries()).toHaveLength(0);
    const record = await deliver(EVENT, { url: receiver.url, allowAnyPort: true, maxAttempts: 1 });
    expect(record.attempts[0]?.label).toBe('status-503');
  });
});
