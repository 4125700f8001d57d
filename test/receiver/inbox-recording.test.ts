/**
 * The inbox routes for recording and learning: the NDJSON export, re-sending one delivery, and
 * the profile. Driven with plain node:http requests (test/receiver/helpers.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver } from '../../src/receiver/index.js';
import { watchLag } from '../helpers/lag.js';
import { alertEvent, get, post, response } from './helpers.js';

const CANARY = 'canary-resend-s3cret-5521';
const started: Receiver[] = [];
async function receiver(options: Parameters<typeof startReceiver>[0] = {}): Promise<Receiver> {
  const r = await startReceiver(options);
  started.push(r);
  return r;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((r) => r.close()));
});

const json = { 'content-type': 'application/json' };

describe('GET /_cswm/deliveries?format=ndjson', () => {
  it('downloads the recorded deliveries as NDJSON, one recording line each', async () => {
    const r = await receiver();
    await post(`${r.url}/hook`, alertEvent('x-1'));
    await post(`${r.url}/hook`, alertEvent('x-2'));
    const res = response(await get(`${r.url}/_cswm/deliveries?format=ndjson`));
    expect(res.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="cswm-deliveries-.*\.ndjson"$/);
    const lines = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { format: string; eventId: string; body: string });
    expect(lines.map((l) => [l.format, l.eventId])).toEqual([
      ['cswm-recorded-delivery/1', 'x-1'],
      ['cswm-recorded-delivery/1', 'x-2'],
    ]);
    expect(JSON.parse(lines[0]?.body ?? '')).toEqual(alertEvent('x-1'));
  });

  it('marks a body that was not UTF-8 as not exact, even when its text has as many bytes', async () => {
    // F0 9F 98 41: a 4-byte sequence cut short, then "A". Decoded it is U+FFFD "A", which is
    // 4 bytes again but other bytes: only the bytes themselves say the text is not the body.
    const r = await receiver({ allowAnyPort: true });
    await post(`${r.url}/hook`, Buffer.from([0xf0, 0x9f, 0x98, 0x41]));
    const [line] = response(await get(`${r.url}/_cswm/deliveries?format=ndjson`))
      .body.trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { bodyBytes: number; bodyTruncated?: boolean });
    expect(line).toMatchObject({ bodyBytes: 4, bodyTruncated: true });
    const body = { seq: 1, url: `${r.url}/copy` };
    const res = response(await post(`${r.url}/_cswm/resend`, body, { headers: json }));
    expect(res.status).toBe(409);
    expect(res.body).toContain('not valid UTF-8');
    expect(r.deliveries()).toHaveLength(1);
  });

  it('still answers the JSON list without the format', async () => {
    const r = await receiver();
    const res = response(await get(`${r.url}/_cswm/deliveries`));
    expect(JSON.parse(res.body)).toEqual({ deliveries: [] });
  });
});

describe('POST /_cswm/resend', () => {
  it('sends the recorded body once to another URL, with the auth given, and says how it went', async () => {
    const source = await receiver({ allowAnyPort: true });
    const target = await receiver({
      auth: { type: 'header', name: 'authorization', value: `Bearer ${CANARY}` },
    });
    await post(`${source.url}/hook`, alertEvent('re-1'));
    const body = { seq: 1, url: `${target.url}/copy`, auth: { type: 'bearer', token: CANARY } };
    const res = response(await post(`${source.url}/_cswm/resend`, body, { headers: json }));
    expect(res.status).toBe(200);
    const answer = JSON.parse(res.body) as { outcome: string; status: number; durationMs: number };
    expect(answer).toMatchObject({ outcome: 'delivered', status: 200 });
    expect(answer.durationMs).toBeGreaterThanOrEqual(0);
    const copy = target.deliveries();
    expect(copy).toHaveLength(1);
    expect(copy[0]?.body).toBe(source.deliveries()[0]?.body);
    expect(copy[0]?.authorized).toBe(true);
    expect(res.body).not.toContain(CANARY);
  });

  it('reports the outcome of a failed attempt without retrying it', async () => {
    const source = await receiver({ allowAnyPort: true });
    const target = await receiver({ faults: [{ fault: { type: 'status', statuses: [503] } }] });
    await post(`${source.url}/hook`, alertEvent('re-2'));
    const res = response(
      await post(`${source.url}/_cswm/resend`, { seq: 1, url: target.url }, { headers: json }),
    );
    expect(JSON.parse(res.body)).toMatchObject({ outcome: 'status-503', status: 503 });
    expect(target.deliveries()).toHaveLength(1);
  });

  it.each([
    ['no such delivery', 404, 'no recorded delivery #99', { seq: 99, url: 'http://127.0.0.1:8080/' }],
    ['a missing url', 400, '"url" must be', { seq: 1 }],
    ['a url that is not one', 400, 'is not a valid URL', { seq: 1, url: 'not a url' }],
    ['a port the Console refuses', 400, 'port 9 is not allowed', { seq: 1, url: 'http://127.0.0.1:9/' }],
    [
      'malformed auth',
      400,
      '"auth" must be',
      { seq: 1, url: 'http://127.0.0.1:8080/', auth: { type: 'bearer', token: '' } },
    ],
  ])('answers %s with %i and one line', async (_name, status, message, body) => {
    const r = await receiver();
    await post(`${r.url}/hook`, alertEvent('re-3'));
    const res = response(await post(`${r.url}/_cswm/resend`, body, { headers: json }));
    expect(res.status).toBe(status);
    expect((JSON.parse(res.body) as { error: string }).error).toContain(message);
  });

  it('takes JSON only, and only from its own origin', async () => {
    const r = await receiver();
    await post(`${r.url}/hook`, alertEvent('re-4'));
    const body = JSON.stringify({ seq: 1, url: 'http://127.0.0.1:8080/' });
    const plain = response(
      await post(`${r.url}/_cswm/resend`, body, { headers: { 'content-type': 'text/plain' } }),
    );
    expect(plain.status).toBe(415);
    const foreign = response(
      await post(`${r.url}/_cswm/resend`, body, { headers: { ...json, origin: 'https://evil.example' } }),
    );
    expect(foreign.status).toBe(403);
    const broken = response(await post(`${r.url}/_cswm/resend`, '{not json', { headers: json }));
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toEqual({ error: expect.stringContaining('not JSON') });
  });

  it('never echoes credentials given for the re-send, even in an error', async () => {
    const r = await receiver();
    await post(`${r.url}/hook`, alertEvent('re-5'));
    const body = {
      seq: 1,
      url: `http://user:${CANARY}@127.0.0.1:9/`,
      auth: { type: 'bearer', token: CANARY },
    };
    const res = response(await post(`${r.url}/_cswm/resend`, body, { headers: json }));
    expect(res.status).toBe(400);
    expect(res.body).not.toContain(CANARY);
  });
});

describe('GET /_cswm/profile', () => {
  it('answers 404 with one line when the receiver is not learning', async () => {
    const r = await receiver();
    const res = response(await get(`${r.url}/_cswm/profile`));
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toEqual({ error: expect.stringContaining('--learn') });
  });

  it('shows the profile as it forms while learning', async () => {
    const r = await receiver({ learn: { probes: ['retry'] } });
    expect(JSON.parse(response(await get(`${r.url}/_cswm/profile`)).body)).toMatchObject({ deliveries: 0 });
    const changed = new Promise<void>((resolve) => r.onProfileChange(resolve));
    expect(response(await post(`${r.url}/hook`, alertEvent('p-1'))).status).toBe(503);
    await changed;
    const profile = JSON.parse(response(await get(`${r.url}/_cswm/profile`)).body) as Record<string, unknown>;
    expect(profile).toMatchObject({ deliveries: 1, events: 1, maxAttempts: 1 });
    expect(profile).toHaveProperty('differences');
    expect(profile).toHaveProperty('waitsMs.perEvent.0.answers', ['status-503']);
  });
});

describe('learn mode, as a library option', () => {
  it.each([
    ['faults', { faults: [{ fault: { type: 'hang' as const } }] }],
    ['a proxy', { proxy: { upstream: 'http://127.0.0.1:9/' } }],
  ])('refuses %s beside it', async (_name, extra) => {
    await expect(startReceiver({ learn: true, ...extra })).rejects.toMatchObject({
      code: 'ERR_INVALID_OPTION',
    });
  });

  it('keeps the names of credential headers, never their values', async () => {
    const r = await receiver({
      learn: { probes: ['accept'] },
      auth: { type: 'header', name: 'x-webhook-key', value: CANARY },
    });
    const changed = new Promise<void>((resolve) => r.onProfileChange(resolve));
    await post(`${r.url}/hook`, alertEvent('s-1'), {
      headers: { 'x-webhook-key': CANARY, authorization: `Bearer ${CANARY}` },
    });
    await changed;
    const text = response(await get(`${r.url}/_cswm/profile`)).body;
    expect(text).not.toContain(CANARY);
    const profile = JSON.parse(text) as { credentialHeaders: string[]; headers: Record<string, string> };
    expect(profile.credentialHeaders.sort()).toEqual(['authorization', 'x-webhook-key']);
    expect(Object.keys(profile.headers)).not.toContain('authorization');
  });

  it('measures how long a sender holds an unanswered request', async () => {
    const r = await receiver({ learn: { probes: ['timeout'] } });
    const changed = new Promise<void>((resolve) => r.onProfileChange(resolve));
    const lag = watchLag();
    const res = await post(`${r.url}/hook`, alertEvent('t-1'), { timeoutMs: 300 });
    expect(res.ok).toBe(false);
    await changed;
    lag.stop();
    const timeoutMs = r.profile()?.timeoutMs as number;
    // The client's own 300 ms timer, late only by what this process's event loop was kept waiting.
    expect(timeoutMs).toBeGreaterThanOrEqual(290);
    expect(timeoutMs).toBeLessThan(300 + lag.allowanceMs());
  });
});
