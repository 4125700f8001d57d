import { afterEach, describe, expect, it } from 'vitest';
import { deliver, USER_AGENT } from '../../src/delivery/index.js';
import { ErrorCodes } from '../../src/errors.js';
import { startHttp, statuses, type TestServer } from './servers.js';

const event = { details: { event_id: 'e-4', event_type: 'x', note: 'é ✓' } };
const CANARY = 'canary-S3cr3t-7f1e';
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function rawHeader(index: number, name: string): string | undefined {
  const raw = server!.requests[index]!.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) if (raw[i]!.toLowerCase() === name) return raw[i + 1];
  return undefined;
}

describe('what each attempt sends', () => {
  it('sends Basic auth byte-exact', async () => {
    server = await startHttp(statuses(200));
    await deliver(event, {
      url: server.url,
      allowAnyPort: true,
      auth: { type: 'basic', username: 'ops', password: `p@ss:wörd ${CANARY}` },
    });
    const expected = `Basic ${Buffer.from(`ops:p@ss:wörd ${CANARY}`, 'utf8').toString('base64')}`;
    expect(rawHeader(0, 'authorization')).toBe(expected);
  });

  it('sends a header of the user’s choice byte-exact', async () => {
    server = await startHttp(statuses(200));
    await deliver(event, {
      url: server.url,
      allowAnyPort: true,
      auth: { type: 'header', name: 'X-CrowdSec-Token', value: `tok en==${CANARY}` },
    });
    expect(server.requests[0]!.rawHeaders).toContain('x-crowdsec-token');
    expect(rawHeader(0, 'x-crowdsec-token')).toBe(`tok en==${CANARY}`);
  });

  it('sends a bearer token as Authorization: Bearer', async () => {
    server = await startHttp(statuses(200));
    await deliver(event, { url: server.url, allowAnyPort: true, auth: { type: 'bearer', token: CANARY } });
    expect(rawHeader(0, 'authorization')).toBe(`Bearer ${CANARY}`);
  });

  it('moves user:password from the URL into Basic auth and keeps it out of the record', async () => {
    server = await startHttp(statuses(500));
    const url = server.url.replace('http://', `http://ops:${CANARY}@`);
    const record = await deliver(event, { url, allowAnyPort: true, maxAttempts: 1 });
    expect(rawHeader(0, 'authorization')).toBe(`Basic ${Buffer.from(`ops:${CANARY}`).toString('base64')}`);
    expect(JSON.stringify(record)).not.toContain(CANARY);
    expect(record.url).toContain('REDACTED');
  });

  it('refuses URL credentials combined with another auth option', async () => {
    await expect(
      deliver(event, {
        url: `http://a:${CANARY}@127.0.0.1:9/`,
        allowAnyPort: true,
        auth: { type: 'bearer', token: 'x' },
      }),
    ).rejects.toMatchObject({ code: ErrorCodes.INVALID_OPTION });
  });

  it('sends the JSON body byte-exact with JSON content type, our User-Agent and no id or signature header', async () => {
    server = await startHttp(statuses(200));
    await deliver(event, { url: server.url, allowAnyPort: true });
    const request = server.requests[0]!;
    expect(request.body).toBe(JSON.stringify(event));
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['user-agent']).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/^crowdsec-webhook-mock\/\d+\.\d+\.\d+/);
    const names = Object.keys(request.headers).sort();
    expect(names).toEqual(['connection', 'content-length', 'content-type', 'host', 'user-agent']);
  });

  it('never shows a secret in records, even when the receiver echoes it back', async () => {
    server = await startHttp((req, res) => res.writeHead(401).end(`denied: ${req.headers.authorization}`));
    const record = await deliver(event, {
      url: server.url,
      allowAnyPort: true,
      maxAttempts: 1,
      auth: { type: 'bearer', token: CANARY },
    });
    expect(record.attempts[0]?.responseSnippet).toContain('[REDACTED]');
    expect(JSON.stringify(record)).not.toContain(CANARY);
    expect(record.requestHeaders.authorization).toBe('Bearer [REDACTED]');
  });
});
