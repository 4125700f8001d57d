import { afterEach, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver } from '../../src/receiver/index.js';
import { alertEvent, get, post, readEvents, response } from './helpers.js';

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

describe('the inbox API', () => {
  it('lists recorded deliveries as JSON', async () => {
    receiver = await startReceiver();
    await post(receiver.url, alertEvent('i-1'));
    const res = response(await get(`${receiver.url}/_cswm/deliveries`));
    expect(res.status).toBe(200);
    const data = JSON.parse(res.body) as { deliveries: { eventId: string }[] };
    expect(data.deliveries.map((d) => d.eventId)).toEqual(['i-1']);
  });

  it('forgets every delivery on DELETE', async () => {
    receiver = await startReceiver();
    await post(receiver.url, alertEvent('i-2'));
    const res = response(await post(`${receiver.url}/_cswm/deliveries`, '', { method: 'DELETE' }));
    expect(JSON.parse(res.body)).toEqual({ cleared: 1 });
    expect(receiver.deliveries()).toEqual([]);
  });

  it('does not record its own requests as deliveries', async () => {
    receiver = await startReceiver();
    await get(`${receiver.url}/_cswm/deliveries`);
    await get(`${receiver.url}/_cswm/`);
    await get(`${receiver.url}/_cswm/nothing-here`);
    expect(receiver.deliveries()).toEqual([]);
  });

  it('answers 403 when the Host header is not the receiver itself', async () => {
    receiver = await startReceiver();
    const res = response(
      await get(`${receiver.url}/_cswm/deliveries`, { host: `attacker.example:${receiver.port}` }),
    );
    expect(res.status).toBe(403);
  });

  it('serves a self-contained page that requests nothing from elsewhere', async () => {
    receiver = await startReceiver();
    const res = response(await get(`${receiver.url}/_cswm/`));
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.body).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
  });

  it('streams each new delivery as a Server-Sent Event', async () => {
    receiver = await startReceiver();
    const url = receiver.url;
    const first = await readEvents(
      url,
      () => post(url, alertEvent('sse-1')),
      (text) => text.includes('event: delivery'),
    );
    expect(first).toContain('"eventId":"sse-1"');
  });
});
