import { afterEach, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver } from '../../src/receiver/index.js';
import { alertEvent, get, post, response } from './helpers.js';

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

describe('faults, driven by a plain node:http client', () => {
  it('answers a status sequence by attempt order for the same event, the last repeating', async () => {
    receiver = await startReceiver({ faults: [{ fault: { type: 'status', statuses: [503, 503, 200] } }] });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push(response(await post(receiver.url, alertEvent('seq-1'))).status);
    expect(statuses).toEqual([503, 503, 200, 200]);
  });

  it('sends a Location header with a 302 and records a request that follows it', async () => {
    receiver = await startReceiver({
      faults: [{ fault: { type: 'status', statuses: [302] }, path: '/hook' }],
    });
    const res = response(await post(`${receiver.url}/hook`, alertEvent('r-1')));
    expect(res.status).toBe(302);
    const location = String(res.headers.location);
    expect(location.startsWith('/')).toBe(true);
    await get(`${receiver.url}${location}`);
    expect(receiver.deliveries().map((d) => d.path)).toEqual(['/hook', location]);
  });

  it('waits for the delay before answering', async () => {
    receiver = await startReceiver({ faults: [{ fault: { type: 'delay', delayMs: 300, status: 204 } }] });
    const started = Date.now();
    const res = response(await post(receiver.url, alertEvent('d-1')));
    expect(res.status).toBe(204);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('lets the client time out when the delay is longer than its timeout', async () => {
    receiver = await startReceiver({ faults: [{ fault: { type: 'delay', delayMs: 5_000 } }] });
    const res = await post(receiver.url, alertEvent('d-2'), { timeoutMs: 200 });
    expect(res).toMatchObject({ ok: false, code: 'CLIENT_TIMEOUT' });
  });

  it('never answers on hang, so the client timeout fires, and records the delivery', async () => {
    receiver = await startReceiver({ faults: [{ fault: { type: 'hang' } }] });
    const res = await post(receiver.url, alertEvent('h-1'), { timeoutMs: 300 });
    expect(res).toMatchObject({ ok: false, code: 'CLIENT_TIMEOUT' });
    expect(receiver.deliveries()[0]?.response).toEqual({ type: 'fault', fault: 'hang' });
  });

  it('resets the connection after reading the request', async () => {
    receiver = await startReceiver({ faults: [{ fault: { type: 'reset' } }] });
    const res = await post(receiver.url, alertEvent('x-1'));
    expect(res).toMatchObject({ ok: false, code: 'ECONNRESET' });
    expect(receiver.deliveries()[0]?.eventId).toBe('x-1');
  });

  it('writes bytes that are not HTTP, which the client cannot parse', async () => {
    receiver = await startReceiver({ faults: [{ fault: { type: 'malformed' } }] });
    const res = await post(receiver.url, alertEvent('mal-1'));
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.code).toMatch(/^HPE_/);
  });

  it('streams a huge body of the announced size', async () => {
    const bytes = 8 * 1024 * 1024 + 123;
    receiver = await startReceiver({ faults: [{ fault: { type: 'huge-body', bytes } }] });
    const res = response(await post(receiver.url, alertEvent('big-1'), { timeoutMs: 20_000 }));
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe(String(bytes));
    expect(res.bytes).toBe(bytes);
  });

  // That the stream then stops writing is proven in src/receiver/actions.test.ts, with a stub
  // response: here close() would cut the stream anyway.
  it('lets a client leave a 1 TiB body after the bytes it wants', async () => {
    receiver = await startReceiver({ faults: [{ fault: { type: 'huge-body', bytes: 1024 ** 4 } }] });
    const res = response(await post(receiver.url, alertEvent('big-2'), { maxBodyBytes: 256 * 1024 }));
    expect(res.bytes).toBeGreaterThanOrEqual(256 * 1024);
  });

  it('records the delivery on drop-response, then the client sees the socket close', async () => {
    receiver = await startReceiver({ faults: [{ fault: { type: 'drop-response' } }] });
    const res = await post(receiver.url, alertEvent('drop-1'));
    expect(res).toMatchObject({ ok: false, code: 'ECONNRESET' });
    expect(receiver.deliveries()[0]).toMatchObject({
      eventId: 'drop-1',
      valid: true,
      response: { type: 'fault', fault: 'drop-response' },
    });
  });

  it('applies a fault with times to the first N requests, then answers 200', async () => {
    receiver = await startReceiver({ faults: [{ fault: { type: 'reset' }, times: 2 }] });
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await post(receiver.url, alertEvent('t-1')));
    expect(results.map((r) => (r.ok ? r.status : r.code))).toEqual(['ECONNRESET', 'ECONNRESET', 200]);
  });

  it('applies a fault only to its event type', async () => {
    receiver = await startReceiver({
      faults: [{ fault: { type: 'status', statuses: [500] }, eventType: 'alert_triggered' }],
    });
    const other = {
      metadata: { version: 1, issuer: 'crowdsec.net' },
      details: { event_type: 'payment_failed' },
    };
    expect(response(await post(receiver.url, alertEvent('e-1'))).status).toBe(500);
    expect(response(await post(receiver.url, other)).status).toBe(200);
  });

  it('changes behaviour while running with setFaults', async () => {
    receiver = await startReceiver();
    expect(response(await post(receiver.url, alertEvent('s-1'))).status).toBe(200);
    receiver.setFaults([{ fault: { type: 'status', statuses: [429] } }]);
    expect(response(await post(receiver.url, alertEvent('s-2'))).status).toBe(429);
  });

  it('refuses a fault rule with an impossible status with ERR_INVALID_OPTION', async () => {
    await expect(
      startReceiver({ faults: [{ fault: { type: 'status', statuses: [99] } }] }),
    ).rejects.toMatchObject({
      code: 'ERR_INVALID_OPTION',
    });
  });
});
