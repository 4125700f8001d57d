import { describe, expect, it } from 'vitest';
import { deliver } from '../../src/delivery/deliver.js';
import { useMockReceiver } from '../../src/testing/vitest.js';
import { captureFailure } from '../helpers/failure.js';

const EVENT = {
  metadata: { version: 1, issuer: 'crowdsec.net' },
  details: {
    event_id: 'evt-matchers-1',
    event_type: 'alert_triggered',
    event_timestamp: '2025-01-01T00:00:00Z',
  },
};

// Waits of 1 ms keep the five attempts quick; the timeout stays the Console's 30 s, so a busy
// machine cannot turn a 204 into a timeout (a time scale would shrink both).
const FAST = { allowAnyPort: true, backoff: { delaysMs: [1] } };

describe('toHaveBeenDelivered and toHaveAttempts on a receiver that answers 204', () => {
  const receiver = useMockReceiver({ faults: [{ fault: { type: 'status', statuses: [204] } }] });

  it('fails toHaveBeenDelivered with every attempt and what the Console does next', async () => {
    const record = await deliver(EVENT, { url: receiver.url, ...FAST });
    const message = captureFailure(() => expect(record).toHaveBeenDelivered());
    expect(message).toContain('alert_triggered (event_id evt-matchers-1)');
    expect(message).toContain('ended failed after 5 attempts');
    expect(message).toMatch(/attempt 1: status-204 .*treats 204 as a failure.* 4 more times/);
    expect(message).toMatch(/attempt 5: status-204 .*gives up/);
  });

  it('passes toHaveAttempts(5) and fails toHaveAttempts(1) naming the labels', async () => {
    const record = await deliver(EVENT, { url: receiver.url, ...FAST });
    expect(record).toHaveAttempts(5);
    const message = captureFailure(() => expect(record).toHaveAttempts(1));
    expect(message).toContain('to have taken 1 attempt, but it took 5 (status-204, status-204');
  });
});

describe('toHaveBeenDelivered on a receiver that answers 503 then 200', () => {
  const receiver = useMockReceiver({ faults: [{ fault: { type: 'status', statuses: [503, 200] } }] });

  it('passes after a retry, and .not says which attempt got 200', async () => {
    const record = await deliver(EVENT, { url: receiver.url, ...FAST });
    expect(record).toHaveBeenDelivered();
    expect(record).toHaveAttempts(2);
    const message = captureFailure(() => expect(record).not.toHaveBeenDelivered());
    expect(message).toContain('not to have been delivered, but attempt 2 got 200');
  });
});

describe('the delivery matchers given something else', () => {
  it('fail with a message naming what they expect', () => {
    const message = captureFailure(() => expect({ status: 200 }).toHaveBeenDelivered());
    expect(message).toContain('expects a DeliveryRecord');
  });
});
