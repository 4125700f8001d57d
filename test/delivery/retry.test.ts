import { afterEach, describe, expect, it } from 'vitest';
import { deliver } from '../../src/delivery/index.js';
import { watchLag } from '../helpers/lag.js';
import { startHttp, statuses, type TestServer } from './servers.js';

const event = {
  metadata: { version: 1, issuer: 'crowdsec.net' },
  details: { event_id: 'e-1', event_type: 'x' },
};
// Waits of 1 ms keep the attempts quick; the timeout stays the Console's 30 s (a time scale would
// shrink it to 30 ms, which a busy machine can miss before it reads a plain answer).
const FAST = { backoff: { delaysMs: [1] } };
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the retry loop against a loopback receiver', () => {
  it.each([500, 204, 201])(
    'gives up after 5 attempts when the receiver always answers %i',
    async (status) => {
      server = await startHttp(statuses(status));
      const record = await deliver(event, { url: server.url, allowAnyPort: true, ...FAST });
      expect(record.result).toBe('failed');
      expect(record.attempts.map((a) => a.label)).toEqual(Array(5).fill(`status-${status}`));
      expect(server.requests).toHaveLength(5);
    },
  );

  it('gives up after 5 attempts on a 302 and never requests the redirect target', async () => {
    server = await startHttp((req, res) => {
      if (req.url === '/target') res.writeHead(200).end('followed');
      else res.writeHead(302, { location: '/target' }).end();
    });
    const record = await deliver(event, { url: server.url, allowAnyPort: true, ...FAST });
    expect(record.result).toBe('failed');
    expect(record.attempts.map((a) => a.label)).toEqual(Array(5).fill('status-302'));
    expect(server.requests.map((r) => r.path)).toEqual(Array(5).fill('/hook'));
    expect(record.attempts[0]?.responseHeaders?.location).toBe('/target');
  });

  it('delivers on the third attempt after 503, 503, 200', async () => {
    server = await startHttp(statuses(503, 503, 200));
    const record = await deliver(event, { url: server.url, allowAnyPort: true, ...FAST });
    expect(record.result).toBe('delivered');
    expect(record.attempts.map((a) => a.label)).toEqual(['status-503', 'status-503', 'delivered']);
    expect(server.requests).toHaveLength(3);
  });

  it('waits 1 s, 2 s, 4 s, 8 s between attempts, time-scaled', async () => {
    server = await startHttp(statuses(500));
    const lag = watchLag();
    const timeScale = 0.02;
    // Only the waits are under test: the timeout is given unscaled (30 s), not 600 ms.
    const timeoutMs = 30_000 / timeScale;
    const record = await deliver(event, { url: server.url, allowAnyPort: true, timeScale, timeoutMs });
    lag.stop();
    const planned = [20, 40, 80, 160];
    expect(record.attempts.map((a) => a.waitBeforeMs)).toEqual([0, ...planned]);
    for (let i = 1; i < record.attempts.length; i++) {
      const previous = record.attempts[i - 1]!;
      const waited = record.attempts[i]!.startOffsetMs - (previous.startOffsetMs + previous.durationMs);
      expect(waited).toBeGreaterThanOrEqual(planned[i - 1]! - 2);
      expect(waited).toBeLessThan(planned[i - 1]! + lag.allowanceMs());
    }
  });

  it('follows an explicit backoff list and attempt count', async () => {
    server = await startHttp(statuses(500));
    const record = await deliver(event, {
      url: server.url,
      allowAnyPort: true,
      maxAttempts: 3,
      backoff: { delaysMs: [5, 7] },
    });
    expect(record.attempts.map((a) => a.waitBeforeMs)).toEqual([0, 5, 7]);
    expect(server.requests).toHaveLength(3);
  });

  it('sends one attempt only when maxAttempts is 1', async () => {
    server = await startHttp(statuses(503));
    const record = await deliver(event, { url: server.url, allowAnyPort: true, maxAttempts: 1 });
    expect(record.result).toBe('failed');
    expect(server.requests).toHaveLength(1);
  });

  it('calls onAttempt for each attempt before the next one starts', async () => {
    server = await startHttp(statuses(503, 200));
    const seen: [number, number][] = [];
    await deliver(event, {
      url: server.url,
      allowAnyPort: true,
      ...FAST,
      onAttempt: (attempt) => seen.push([attempt.attempt, server!.requests.length]),
    });
    expect(seen).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });

  it('records the status, the first bytes of the answer and the event identity', async () => {
    server = await startHttp((_req, res) =>
      res.writeHead(503, { 'content-type': 'text/plain' }).end('busy, try later'),
    );
    const record = await deliver(event, { url: server.url, allowAnyPort: true, maxAttempts: 1 });
    expect(record).toMatchObject({ eventId: 'e-1', eventType: 'x', result: 'failed' });
    expect(record.attempts[0]).toMatchObject({ status: 503, responseSnippet: 'busy, try later' });
    expect(record.bodyBytes).toBe(Buffer.byteLength(JSON.stringify(event)));
  });
});
