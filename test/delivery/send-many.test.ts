import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { RawEvent, sendMany } from '../../src/delivery/index.js';
import { startHttp, statuses, type TestServer } from './servers.js';

const dir = mkdtempSync(join(tmpdir(), 'cswm-send-many-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function* events(count: number): Generator<unknown> {
  for (let i = 0; i < count; i++) yield { details: { event_id: `id-${i}`, event_type: 'alert_triggered' } };
}

function readJournal(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('sendMany', () => {
  it('accounts for every one of 10,000 events at concurrency 50, with a complete journal', async () => {
    let answered200 = 0;
    const seen = new Set<string>();
    server = await startHttp((_req, res, index) => {
      const body = server?.requests[index]?.body ?? '';
      const eventId = (JSON.parse(body) as { details: { event_id: string } }).details.event_id;
      const first = !seen.has(eventId);
      seen.add(eventId);
      // The first attempt of every 10th event fails, so retries are part of the run; a retry
      // always succeeds (failing by arrival order instead could fail one event 5 times running).
      if (first && seen.size % 10 === 3) res.writeHead(503).end();
      else {
        answered200++;
        res.writeHead(200).end();
      }
    });
    const journalPath = join(dir, 'ten-thousand.ndjson');
    const summary = await sendMany(events(10_000), {
      url: server.url,
      allowAnyPort: true,
      concurrency: 50,
      // Real 30 s timeout (a loaded machine must not turn slow answers into timeouts), short waits.
      backoff: { delaysMs: [1] },
      journalPath,
      keepRecords: false,
    });
    expect(summary).toMatchObject({ sent: 10_000, delivered: 10_000, failed: 0, interrupted: 0 });
    expect(summary.deliveries).toHaveLength(0);
    expect(answered200).toBe(summary.delivered);
    expect(summary.attempts).toBe(server.requests.length);
    const lines = readJournal(journalPath);
    expect(lines.filter((l) => l.type === 'attempt')).toHaveLength(summary.attempts);
    const deliveries = lines.filter((l) => l.type === 'delivery');
    expect(new Set(deliveries.map((l) => l.eventId)).size).toBe(10_000);
    expect(lines.at(-1)).toMatchObject({ type: 'summary', sent: 10_000, delivered: 10_000 });
  }, 120_000);

  it('keeps the counts adding up when some deliveries fail', async () => {
    server = await startHttp((_req, res, index) => res.writeHead(index % 2 === 0 ? 200 : 500).end());
    const summary = await sendMany(events(20), {
      url: server.url,
      allowAnyPort: true,
      concurrency: 4,
      maxAttempts: 1,
    });
    expect(summary.sent).toBe(20);
    expect(summary.delivered + summary.failed + summary.interrupted).toBe(20);
    expect(summary.failed).toBeGreaterThan(0);
    expect(summary.deliveries).toHaveLength(20);
  });

  it('interrupts in-flight and remaining deliveries when the signal aborts', async () => {
    const controller = new AbortController();
    // Never answers, so every attempt stays in flight; the abort comes once all 5 are in.
    server = await startHttp((_req, _res, index) => {
      if (index === 4) controller.abort();
    });
    const journalPath = join(dir, 'aborted.ndjson');
    const summary = await sendMany(events(100), {
      url: server.url,
      allowAnyPort: true,
      concurrency: 5,
      signal: controller.signal,
      journalPath,
    });
    expect(summary).toMatchObject({ sent: 100, delivered: 0, failed: 0, interrupted: 100, attempts: 0 });
    expect(summary.deliveries).toHaveLength(5);
    expect(server.requests).toHaveLength(5);
    expect(readJournal(journalPath).at(-1)).toMatchObject({ type: 'summary', interrupted: 100 });
  });

  it('counts the events not yet taken from `total` without reading them', async () => {
    const controller = new AbortController();
    // Aborts once both workers have taken an event and are waiting on an answer that never comes.
    server = await startHttp((_req, _res, index) => {
      if (index === 1) controller.abort();
    });
    let pulled = 0;
    function* counting(): Generator<unknown> {
      for (let i = 0; i < 1000; i++) {
        pulled++;
        yield { i };
      }
    }
    const summary = await sendMany(counting(), {
      url: server.url,
      allowAnyPort: true,
      concurrency: 2,
      signal: controller.signal,
      total: 1000,
    });
    expect(summary).toMatchObject({ sent: 1000, interrupted: 1000 });
    expect(pulled).toBe(2);
  });

  it('starts at most the given rate of deliveries per second', async () => {
    server = await startHttp(statuses(200));
    const started = performance.now();
    const summary = await sendMany(events(11), {
      url: server.url,
      allowAnyPort: true,
      ratePerSecond: 100,
      concurrency: 11,
    });
    expect(summary.delivered).toBe(11);
    // 11 starts at 100/s: the last one starts 100 ms after the first.
    expect(performance.now() - started).toBeGreaterThanOrEqual(98);
  });

  it('sends a RawEvent body byte for byte and an async source in order of arrival', async () => {
    server = await startHttp(statuses(200));
    const body = '{ "details" : { "event_id" : "raw-1" } }';
    async function* source(): AsyncGenerator<unknown> {
      yield new RawEvent(body, 'raw-1', 'x');
      yield { details: { event_id: 'obj-2' } };
    }
    const summary = await sendMany(source(), { url: server.url, allowAnyPort: true, concurrency: 1 });
    expect(server.requests.map((r) => r.body)).toEqual([
      body,
      JSON.stringify({ details: { event_id: 'obj-2' } }),
    ]);
    expect(summary.deliveries.map((d) => d.eventId)).toEqual(['raw-1', 'obj-2']);
  });

  it('refuses a concurrency of 0 before anything is sent', async () => {
    await expect(
      sendMany(events(1), { url: 'http://127.0.0.1:8080/', concurrency: 0 }),
    ).rejects.toMatchObject({
      code: 'ERR_INVALID_OPTION',
    });
  });

  it('refuses a journal path that cannot be written before anything is sent', async () => {
    server = await startHttp(statuses(200));
    await expect(
      sendMany(events(1), {
        url: server.url,
        allowAnyPort: true,
        journalPath: join(dir, 'no', 'such', 'dir.ndjson'),
      }),
    ).rejects.toMatchObject({ code: 'ERR_INVALID_OPTION' });
    expect(server.requests).toHaveLength(0);
  });
});
