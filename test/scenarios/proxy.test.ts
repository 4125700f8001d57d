import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadScenario, parseScenario, runScenario } from '../../src/scenarios/index.js';
import { warmUp } from '../../src/scenarios/warm-up.js';

/**
 * The scenarios against a user's own receiver: a plain node:http server (no code of this
 * project) behind the bundled receiver in proxy mode. It must see exactly what the Console's
 * retries would bring it.
 */
interface Seen {
  path: string;
  eventId: string | null;
  authorization: string | undefined;
}

let upstream: Server;
let upstreamUrl: string;
const seen: Seen[] = [];
/** How long the upstream takes to answer, in real ms. */
let answerAfterMs = 0;

function eventIdOf(body: string): string | null {
  try {
    const payload = JSON.parse(body) as { details?: { event_id?: string }; event_id?: string };
    return payload.details?.event_id ?? payload.event_id ?? null;
  } catch {
    return null;
  }
}

beforeAll(async () => {
  await warmUp();
  upstream = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      seen.push({ path: req.url ?? '', eventId: eventIdOf(body), authorization: req.headers.authorization });
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      }, answerAfterMs);
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as { port: number }).port}/hooks/crowdsec`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
});

beforeEach(() => {
  seen.length = 0;
  answerAfterMs = 0;
});

describe('scenarios through the proxy in front of a plain upstream', () => {
  it('brings the upstream the duplicate of lost-response-duplicate, same event_id twice', async () => {
    const result = await runScenario('lost-response-duplicate', { timeScale: 0.01, target: upstreamUrl });
    expect(result.mode).toBe('proxy');
    expect(result.passed).toBe(true);
    expect(seen).toHaveLength(2);
    expect(seen[0]?.eventId).not.toBeNull();
    expect(seen[1]?.eventId).toBe(seen[0]?.eventId);
    expect(seen[0]?.path).toBe('/hooks/crowdsec');
  });

  it('delivers on attempt 3 through a fail-first-2 proxy, the upstream seeing the event once', async () => {
    const scenario = parseScenario(
      `version: 1
id: fail-first-2
title: The proxy answers 503 to the first 2 attempts, then forwards
description: The upstream sees only what gets through.
receiver: { respond: [503], times: 2 }
send: [{ event: alert_triggered, seed: 3 }]
expect:
  attempts: 3
  outcomes: [status-503, status-503, delivered]
  result: delivered
`,
      'fail-first-2.yaml',
    );
    const result = await runScenario(scenario, { timeScale: 0.01, target: upstreamUrl });
    expect(result.passed).toBe(true);
    expect(result.deliveries[0]?.attempts.map((a) => a.label)).toEqual([
      'status-503',
      'status-503',
      'delivered',
    ]);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.eventId).toBe(result.deliveries[0]?.eventId);
  });

  it('scales the timeout with the waits: an upstream taking 500ms times out at 0.01', async () => {
    answerAfterMs = 500;
    const result = await runScenario('retry-then-success', { timeScale: 0.01, target: upstreamUrl });
    expect(result.passed).toBe(false);
    expect(result.deliveries[0]?.attempts.map((a) => a.label)).toEqual([
      'status-503',
      'status-503',
      'timeout',
      'timeout',
      'timeout',
    ]);
  });

  it('keeps the real timeout where the file says scaleTimeout: false', async () => {
    answerAfterMs = 500;
    const scenario = structuredClone(loadScenario('retry-then-success'));
    scenario.delivery.scaleTimeout = false;
    const result = await runScenario(scenario, { timeScale: 0.01, target: upstreamUrl });
    expect(result.passed).toBe(true);
    expect(seen).toHaveLength(1);
  });

  it('leaves unreachable targets alone when a target is given', async () => {
    const result = await runScenario('connection-refused', { timeScale: 0.01, target: upstreamUrl });
    expect(result.mode).toBe('direct');
    expect(result.passed).toBe(true);
    expect(seen).toHaveLength(0);
  });

  it('refuses a target that is not an http(s) URL before anything is sent', async () => {
    await expect(runScenario('retry-then-success', { target: 'ftp://example.com/' })).rejects.toMatchObject({
      code: 'ERR_INVALID_URL',
    });
    expect(seen).toHaveLength(0);
  });
});
