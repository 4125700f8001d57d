import { afterEach, describe, expect, it } from 'vitest';
import { documentedExample } from '../../src/events/schemas.js';
import { type Receiver, startReceiver } from '../../src/receiver/index.js';
import { MAX_BODY_BYTES } from '../../src/receiver/runtime.js';
import { alertEvent, post, response } from './helpers.js';

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

describe('the reference receiver (no faults)', () => {
  it('answers 200 to a documented event and records it as valid', async () => {
    receiver = await startReceiver({ port: 0 });
    const res = response(await post(`${receiver.url}/hook`, alertEvent('ref-1')));
    expect(res.status).toBe(200);
    const [delivery] = receiver.deliveries();
    expect(delivery).toMatchObject({
      seq: 1,
      method: 'POST',
      path: '/hook',
      eventType: 'alert_triggered',
      eventId: 'ref-1',
      form: 'wrapped',
      valid: true,
      duplicate: false,
      authorized: true,
      response: { type: 'status', status: 200 },
    });
  });

  it('records a redelivery of the same event_id as a duplicate and answers 200 again', async () => {
    receiver = await startReceiver();
    await post(receiver.url, alertEvent('dup-1'));
    const again = response(await post(receiver.url, alertEvent('dup-1')));
    expect(again.status).toBe(200);
    expect(receiver.deliveries().map((d) => d.duplicate)).toEqual([false, true]);
  });

  it('answers 200 to an unknown event type and records it as not valid', async () => {
    receiver = await startReceiver();
    const future = {
      metadata: { version: 1, issuer: 'crowdsec.net' },
      details: { event_type: 'quantum_alert', event_id: 'q' },
    };
    expect(response(await post(receiver.url, future)).status).toBe(200);
    const [delivery] = receiver.deliveries();
    expect(delivery?.eventType).toBe('quantum_alert');
    expect(delivery?.valid).toBe(false);
    expect(delivery?.errors.length).toBeGreaterThan(0);
  });

  it('answers 200 to an event with unknown extra fields', async () => {
    receiver = await startReceiver();
    const event = alertEvent('extra-1') as { details: Record<string, unknown> };
    event.details.added_by_the_console_later = { anything: [1, 2, 3] };
    expect(response(await post(receiver.url, event)).status).toBe(200);
  });

  it('accepts blocking_safe_ip in its documented flat form', async () => {
    receiver = await startReceiver();
    expect(response(await post(receiver.url, documentedExample('blocking_safe_ip'))).status).toBe(200);
    expect(receiver.deliveries()[0]).toMatchObject({
      eventType: 'blocking_safe_ip',
      form: 'flat',
      valid: true,
    });
  });

  it('answers 400 to a body that is not JSON, and still records it', async () => {
    receiver = await startReceiver();
    expect(response(await post(receiver.url, '{not json')).status).toBe(400);
    expect(receiver.deliveries()[0]).toMatchObject({ valid: false, eventType: null, body: '{not json' });
  });

  it('answers 413 to a body over the cap, and still records it', async () => {
    receiver = await startReceiver();
    const res = response(await post(receiver.url, 'x'.repeat(MAX_BODY_BYTES + 1), { timeoutMs: 20_000 }));
    expect(res.status).toBe(413);
    expect(receiver.deliveries()[0]).toMatchObject({
      valid: false,
      response: { type: 'status', status: 413 },
    });
  });

  it('keeps only the newest maxRecords deliveries', async () => {
    receiver = await startReceiver({ maxRecords: 3 });
    for (let i = 1; i <= 5; i++) await post(receiver.url, alertEvent(`m-${i}`));
    expect(receiver.deliveries().map((d) => d.eventId)).toEqual(['m-3', 'm-4', 'm-5']);
  });

  it('tells listeners of each delivery and resolves waitForDeliveries', async () => {
    receiver = await startReceiver();
    const seen: string[] = [];
    receiver.onDelivery((d) => seen.push(d.eventId ?? '?'));
    const waiting = receiver.waitForDeliveries(2, 5_000);
    await post(receiver.url, alertEvent('w-1'));
    await post(receiver.url, alertEvent('w-2'));
    expect((await waiting).length).toBe(2);
    expect(seen).toEqual(['w-1', 'w-2']);
  });

  it('rejects waitForDeliveries with ERR_WAIT_TIMEOUT when too few arrive', async () => {
    receiver = await startReceiver();
    await expect(receiver.waitForDeliveries(1, 50)).rejects.toMatchObject({ code: 'ERR_WAIT_TIMEOUT' });
  });

  it('forgets deliveries and seen event_ids on clear()', async () => {
    receiver = await startReceiver();
    await post(receiver.url, alertEvent('c-1'));
    receiver.clear();
    await post(receiver.url, alertEvent('c-1'));
    expect(receiver.deliveries().map((d) => [d.seq, d.duplicate])).toEqual([[1, false]]);
  });

  it('refuses to listen on a port in use with ERR_LISTEN_FAILED', async () => {
    receiver = await startReceiver();
    await expect(startReceiver({ port: receiver.port })).rejects.toMatchObject({ code: 'ERR_LISTEN_FAILED' });
  });
});
