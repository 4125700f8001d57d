import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startReceiver } from '../../src/receiver/index.js';
import { alertEvent, post } from './helpers.js';

/**
 * Resolves when the server listening on `port` in this process has parsed a request's headers
 * (Node announces it on the `http.server.request.start` diagnostics channel).
 */
function requestStarted(port: number): Promise<void> {
  return new Promise((resolve) => {
    const onStart = (message: unknown) => {
      const { server } = message as { server: Server };
      if ((server.address() as AddressInfo | null)?.port !== port) return;
      unsubscribe('http.server.request.start', onStart);
      resolve();
    };
    subscribe('http.server.request.start', onStart);
  });
}

describe('graceful shutdown', () => {
  it('lets in-flight requests finish and loses no recorded delivery', async () => {
    const receiver = await startReceiver({ faults: [{ fault: { type: 'delay', delayMs: 2_000 } }] });
    const count = 20;
    const sent = Array.from({ length: count }, (_, i) =>
      post(receiver.url, alertEvent(`g-${i}`), { timeoutMs: 10_000 }),
    );
    await receiver.waitForDeliveries(count, 5_000);
    await receiver.close();
    const results = await Promise.all(sent);
    expect(results.map((r) => (r.ok ? r.status : r.code))).toEqual(Array(count).fill(200));
    expect(new Set(receiver.deliveries().map((d) => d.eventId)).size).toBe(count);
  });

  it('finishes a request whose body is still arriving when close() is called', async () => {
    const receiver = await startReceiver();
    const body = JSON.stringify(alertEvent('slow-upload'));
    const req = request(receiver.url, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    const status = new Promise<number>((resolve, reject) => {
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
    });
    // close() must come once the receiver is reading this request, not before it has seen it.
    const seen = requestStarted(receiver.port);
    req.write(body.slice(0, 10));
    await seen;
    const closing = receiver.close();
    req.end(body.slice(10));
    expect(await status).toBe(200);
    await closing;
    expect(receiver.deliveries().map((d) => d.eventId)).toEqual(['slow-upload']);
  });

  it('cuts hanging requests instead of waiting for them', async () => {
    const receiver = await startReceiver({ faults: [{ fault: { type: 'hang' } }], closeTimeoutMs: 60_000 });
    const hanging = post(receiver.url, alertEvent('hang-1'), { timeoutMs: 30_000 });
    await receiver.waitForDeliveries(1, 5_000);
    await receiver.close();
    expect(await hanging).toMatchObject({ ok: false });
    expect(receiver.deliveries()).toHaveLength(1);
  });

  it('stops accepting connections once closed', async () => {
    const receiver = await startReceiver();
    await receiver.close();
    expect(await post(receiver.url, alertEvent('late'))).toMatchObject({ ok: false, code: 'ECONNREFUSED' });
  });
});
