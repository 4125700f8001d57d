import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver } from '../../src/receiver/index.js';
import { MAX_BODY_BYTES } from '../../src/receiver/runtime.js';
import { alertEvent, post, response } from './helpers.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A separate plain node:http receiver standing for the user's own. */
async function upstream(status = 200): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      res.writeHead(status, { 'content-type': 'text/plain' }).end('upstream says hi');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`, seen, server };
}

let receiver: Receiver | undefined;
let up: Awaited<ReturnType<typeof upstream>> | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
  await new Promise((resolve) => (up ? up.server.close(resolve) : resolve(undefined)));
  up = undefined;
});

describe('proxy mode, in front of a separate plain receiver', () => {
  it('forwards method, path, body and auth headers, and relays the upstream answer', async () => {
    up = await upstream(202);
    receiver = await startReceiver({ proxy: { upstream: up.url } });
    const event = alertEvent('p-1');
    const res = response(
      await post(`${receiver.url}/x`, event, { headers: { authorization: 'Bearer tok' } }),
    );
    expect([res.status, res.body]).toEqual([202, 'upstream says hi']);
    expect(up.seen).toHaveLength(1);
    expect(up.seen[0]).toMatchObject({ method: 'POST', url: '/webhook/x', body: JSON.stringify(event) });
    expect(up.seen[0]?.headers.authorization).toBe('Bearer tok');
    expect(receiver.deliveries()[0]?.response).toEqual({ type: 'proxied', status: 202 });
  });

  it('answers 413 to a body over the cap, as without proxy, and never forwards it', async () => {
    up = await upstream();
    receiver = await startReceiver({ proxy: { upstream: up.url } });
    const tooLarge = 'x'.repeat(MAX_BODY_BYTES + 1);
    const res = response(await post(receiver.url, tooLarge, { timeoutMs: 20_000 }));
    expect(res.status).toBe(413);
    expect(receiver.deliveries()[0]?.response).toEqual({ type: 'status', status: 413 });
    // drop-response forwards before dropping, but not the cut remains of a body over the cap.
    receiver.setFaults([{ fault: { type: 'drop-response' } }]);
    expect(await post(receiver.url, tooLarge, { timeoutMs: 20_000 })).toMatchObject({ ok: false });
    expect(up.seen).toEqual([]);
  });

  it('fails the first 2 attempts with 503, then forwards the third once', async () => {
    up = await upstream();
    receiver = await startReceiver({
      proxy: { upstream: up.url },
      faults: [{ fault: { type: 'status', statuses: [503] }, times: 2 }],
    });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push(response(await post(receiver.url, alertEvent('p-2'))).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect(up.seen).toHaveLength(1);
  });

  it('forwards then drops the response, so the upstream sees the redelivery as a duplicate', async () => {
    up = await upstream();
    receiver = await startReceiver({
      proxy: { upstream: up.url },
      faults: [{ fault: { type: 'drop-response' }, times: 1 }],
    });
    const first = await post(receiver.url, alertEvent('p-3'));
    expect(first).toMatchObject({ ok: false, code: 'ECONNRESET' });
    expect(response(await post(receiver.url, alertEvent('p-3'))).status).toBe(200);
    const ids = up.seen.map(
      (s) => (JSON.parse(s.body) as { details: { event_id: string } }).details.event_id,
    );
    expect(ids).toEqual(['p-3', 'p-3']);
    expect(receiver.deliveries()[0]).toMatchObject({
      response: { type: 'fault', fault: 'drop-response' },
      upstreamStatus: 200,
    });
  });

  it('delays before forwarding', async () => {
    up = await upstream();
    receiver = await startReceiver({
      proxy: { upstream: up.url },
      faults: [{ fault: { type: 'delay', delayMs: 200 }, times: 1 }],
    });
    const started = Date.now();
    expect(response(await post(receiver.url, alertEvent('p-4'))).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(up.seen).toHaveLength(1);
  });

  it('records a delayed attempt the sender gave up on, without forwarding it', async () => {
    up = await upstream();
    receiver = await startReceiver({
      proxy: { upstream: up.url },
      faults: [{ fault: { type: 'delay', delayMs: 5_000 }, times: 1 }],
    });
    expect(await post(receiver.url, alertEvent('p-7'), { timeoutMs: 150 })).toMatchObject({ ok: false });
    await receiver.waitForDeliveries(1, 5_000);
    expect(receiver.deliveries()[0]?.response).toEqual({ type: 'fault', fault: 'delay' });
    expect(up.seen).toHaveLength(0);
  });

  it('resets the connection without forwarding', async () => {
    up = await upstream();
    receiver = await startReceiver({
      proxy: { upstream: up.url },
      faults: [{ fault: { type: 'reset' }, times: 1 }],
    });
    expect(await post(receiver.url, alertEvent('p-5'))).toMatchObject({ ok: false, code: 'ECONNRESET' });
    expect(up.seen).toHaveLength(0);
  });

  it('answers 502 when the upstream cannot be reached', async () => {
    up = await upstream();
    const deadUrl = up.url;
    await new Promise((resolve) => up!.server.close(resolve));
    up = undefined;
    receiver = await startReceiver({ proxy: { upstream: deadUrl } });
    expect(response(await post(receiver.url, alertEvent('p-6'))).status).toBe(502);
  });
});
