import { afterEach, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver } from '../../src/receiver/index.js';
import { alertEvent, get, post, readEvents, response } from './helpers.js';

const CANARY = 'canary-s3cret-7f3a9c';

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

describe('auth', () => {
  it('answers 401 to a delivery without the required header', async () => {
    receiver = await startReceiver({
      auth: { type: 'header', name: 'Authorization', value: `Bearer ${CANARY}` },
    });
    expect(response(await post(receiver.url, alertEvent('a-1'))).status).toBe(401);
    expect(receiver.deliveries()[0]).toMatchObject({
      authorized: false,
      response: { type: 'unauthorized', status: 401 },
    });
  });

  it('answers 401 to a wrong header value', async () => {
    receiver = await startReceiver({
      auth: { type: 'header', name: 'Authorization', value: `Bearer ${CANARY}` },
    });
    const res = await post(receiver.url, alertEvent('a-2'), { headers: { authorization: 'Bearer nope' } });
    expect(response(res).status).toBe(401);
  });

  it('answers 200 to the right header value', async () => {
    receiver = await startReceiver({
      auth: { type: 'header', name: 'Authorization', value: `Bearer ${CANARY}` },
    });
    const res = await post(receiver.url, alertEvent('a-3'), {
      headers: { authorization: `Bearer ${CANARY}` },
    });
    expect(response(res).status).toBe(200);
  });

  it('answers 403 instead when configured', async () => {
    receiver = await startReceiver({
      auth: { type: 'header', name: 'X-Token', value: CANARY },
      authFailureStatus: 403,
    });
    expect(response(await post(receiver.url, alertEvent('a-4'))).status).toBe(403);
  });

  it('checks Basic credentials: wrong 401, right 200', async () => {
    receiver = await startReceiver({ auth: { type: 'basic', username: 'console', password: CANARY } });
    const basic = (user: string, pass: string) =>
      `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
    const wrong = await post(receiver.url, alertEvent('b-1'), {
      headers: { authorization: basic('console', 'x') },
    });
    const right = await post(receiver.url, alertEvent('b-2'), {
      headers: { authorization: basic('console', CANARY) },
    });
    expect([response(wrong).status, response(right).status]).toEqual([401, 200]);
  });

  it('redacts the required header in records even when its name does not look like a credential', async () => {
    receiver = await startReceiver({ auth: { type: 'header', name: 'X-Hook-Code', value: CANARY } });
    await post(receiver.url, alertEvent('s-0'), { headers: { 'x-hook-code': CANARY } });
    expect(receiver.deliveries()[0]?.headers['x-hook-code']).toBe('[REDACTED]');
  });

  it('never shows the auth value in a recorded header, the JSON API or the event stream', async () => {
    const headerRx = await startReceiver({ auth: { type: 'header', name: 'X-Token', value: CANARY } });
    receiver = headerRx;
    const headerEvents = await readEvents(
      headerRx.url,
      async () => {
        await post(headerRx.url, alertEvent('s-1'), { headers: { 'x-token': CANARY } });
        await post(headerRx.url, alertEvent('s-2'), {
          headers: { 'x-token': `${CANARY}-wrong`, authorization: `Bearer ${CANARY}` },
        });
      },
      (text) => text.includes('"eventId":"s-2"'),
    );
    const basicRx = await startReceiver({ auth: { type: 'basic', username: 'u', password: CANARY } });
    try {
      const encoded = Buffer.from(`u:${CANARY}`).toString('base64');
      const basicEvents = await readEvents(
        basicRx.url,
        () => post(basicRx.url, alertEvent('s-3'), { headers: { authorization: `Basic ${encoded}` } }),
        (text) => text.includes('"eventId":"s-3"'),
      );
      // The streams carried the deliveries (with their redacted headers), so the checks below mean something.
      expect(headerEvents).toContain('"eventId":"s-2"');
      expect(headerEvents).toContain('"x-token":"[REDACTED]"');
      expect(basicEvents).toContain('"eventId":"s-3"');
      const outputs = [
        JSON.stringify(headerRx.deliveries()),
        JSON.stringify(basicRx.deliveries()),
        response(await get(`${headerRx.url}/_cswm/deliveries`)).body,
        response(await get(`${basicRx.url}/_cswm/deliveries`)).body,
        headerEvents,
        basicEvents,
      ];
      for (const text of outputs) {
        expect(text).not.toContain(CANARY);
        expect(text).not.toContain(encoded);
      }
      expect(headerRx.deliveries()[0]?.headers['x-token']).toBe('[REDACTED]');
    } finally {
      await basicRx.close();
    }
  });
});
