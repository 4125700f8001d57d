/**
 * Record, then replay: `cswm receive --record` keeps every body exactly, and `cswm send FILE`
 * sends them again byte for byte, in order, to a second receiver that records them too. Both
 * recordings and what was first sent are compared as bytes: all 15 event types, both
 * blocking_safe_ip forms, a body over 1 MiB, spacing and a trailing newline JSON.stringify
 * would not write, and bytes that are not UTF-8.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../src/events/catalog.js';
import { type RecordingLine, replayBodyOf } from '../../src/recording/format.js';
import { runCli } from '../helpers/cli.js';
import { startReceive } from '../helpers/receive.js';
import { tempDir } from '../profile/learn-helpers.js';
import { get, post, response } from '../receiver/helpers.js';

const CANARY = 'canary-replay-t0ken-7731';
let dir: Awaited<ReturnType<typeof tempDir>>;
/** What was sent to the first receiver, in order, as bytes. */
const sent: Buffer[] = [];
let first: RecordingLine[];
let second: RecordingLine[];
let replay: Awaited<ReturnType<typeof runCli>>;
let exported: string;

const linesOf = async (path: string) =>
  (await readFile(path, 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as RecordingLine);
const bytesOf = (line: RecordingLine): Buffer => {
  const body = replayBodyOf(line);
  if (typeof body === 'string') throw new Error(`line ${line.seq} is not replayable: ${body}`);
  return body.bytes;
};

beforeAll(async () => {
  dir = await tempDir();
  const events = join(dir.dir, 'events.ndjson');
  const all = (await runCli(['generate', 'all', '--seed', '3'])).stdout;
  const wrapped = (await runCli(['generate', 'blocking_safe_ip', '--seed', '3', '--wrapped'])).stdout;
  await writeFile(events, all + wrapped);
  for (const line of (all + wrapped).trim().split('\n')) sent.push(Buffer.from(line, 'utf8'));

  const recordA = join(dir.dir, 'a.ndjson');
  const a = await startReceive(['--record', recordA, '--require-header', `Authorization: Bearer ${CANARY}`]);
  try {
    const run = await runCli([
      'send',
      events,
      '--url',
      `${a.url}/hook`,
      '--allow-any-port',
      '--bearer',
      CANARY,
      '--concurrency',
      '1',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const extras = [
      // Over 1 MiB (the inbox keeps 1 MiB of a body; the recording keeps it whole).
      Buffer.from(JSON.stringify({ details: { event_id: 'big', note: 'é'.repeat(1_100_000) } }), 'utf8'),
      // Spacing, key order and a trailing newline that JSON.stringify would not write.
      Buffer.from('{ "details" : { "event_id" : "spaced", "z": 1, "a": "\\u003c" } }\n', 'utf8'),
      // Not UTF-8 at all.
      Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    ];
    for (const body of extras) {
      const res = response(
        await post(`${a.url}/hook`, body, { headers: { authorization: `Bearer ${CANARY}` } }),
      );
      expect(res.status).toBeLessThan(500);
      sent.push(body);
    }
    exported = response(await get(`${a.url}/_cswm/deliveries?format=ndjson`)).body;
  } finally {
    expect(await a.stop('SIGTERM')).toBe(0);
  }
  first = await linesOf(recordA);

  const recordB = join(dir.dir, 'b.ndjson');
  const b = await startReceive(['--record', recordB]);
  try {
    // One attempt each: the body that is not JSON gets 400, and a retry would record it twice.
    replay = await runCli([
      'send',
      recordA,
      '--url',
      `${b.url}/again`,
      '--allow-any-port',
      '--attempts',
      '1',
      '--json',
    ]);
  } finally {
    expect(await b.stop('SIGTERM')).toBe(0);
  }
  second = await linesOf(recordB);
}, 120_000);
afterAll(() => dir?.remove());

describe('record then replay', () => {
  it('records every body byte for byte, whatever its size or encoding', () => {
    expect(first).toHaveLength(sent.length);
    for (const [i, line] of first.entries()) {
      expect(bytesOf(line).equals(sent[i] as Buffer), `line ${i + 1}`).toBe(true);
    }
    expect(first.map((l) => l.eventType)).toEqual(expect.arrayContaining([...EVENT_TYPES]));
    expect(first.filter((l) => l.eventType === 'blocking_safe_ip').map((l) => l.form)).toEqual([
      'flat',
      'wrapped',
    ]);
    expect(first.find((l) => l.eventId === 'big')?.bodyBytes).toBeGreaterThan(1024 * 1024);
    expect(first.at(-1)?.bodyBase64).toBeDefined();
  });

  it('replays them in order to a second receiver, which records the same bytes', () => {
    const summary = (
      JSON.parse(replay.stdout) as { summary: { sent: number; delivered: number; failed: number } }
    ).summary;
    // Only the body that is not JSON fails (400), as it did the first time.
    expect(summary).toMatchObject({ sent: first.length, delivered: first.length - 1, failed: 1 });
    expect(second).toHaveLength(first.length);
    second.forEach((line, i) => {
      expect(bytesOf(line).equals(bytesOf(first[i] as RecordingLine)), `line ${i + 1}`).toBe(true);
      expect(line.bodySha256).toBe(first[i]?.bodySha256);
    });
    expect(second.every((l) => l.path === '/again')).toBe(true);
  });

  it('never records or replays a credential', async () => {
    expect(first[0]?.headers.authorization).toBe('Bearer [REDACTED]');
    const texts = await Promise.all(['a.ndjson', 'b.ndjson'].map((f) => readFile(join(dir.dir, f), 'utf8')));
    for (const text of [...texts, exported, replay.stdout, replay.stderr]) expect(text).not.toContain(CANARY);
    // The replay sent its own (no) auth: the recorded, redacted value never went out.
    expect(second.every((l) => l.headers.authorization === undefined)).toBe(true);
  });

  it('exports the same lines from the inbox, the body over 1 MiB marked as kept only in part', () => {
    const lines = exported
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as RecordingLine);
    expect(lines).toHaveLength(first.length);
    lines.forEach((line, i) => {
      const recorded = first[i] as RecordingLine;
      // The inbox keeps 1 MiB of text per body, and text only: those two lines say so.
      if (recorded.eventId === 'big' || recorded.bodyBase64 !== undefined)
        expect(line.bodyTruncated).toBe(true);
      else expect(line).toEqual(recorded);
    });
  });
});

describe('replay refusals', () => {
  it('refuses a recording with a line kept only in part: exit 2, one line, nothing sent', async () => {
    const file = join(dir.dir, 'export.ndjson');
    await writeFile(file, exported);
    const b = await startReceive([]);
    try {
      const run = await runCli(['send', file, '--url', `${b.url}/hook`, '--allow-any-port']);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain('does not hold the exact body');
      const seen = JSON.parse(response(await get(`${b.url}/_cswm/deliveries`)).body) as {
        deliveries: unknown[];
      };
      expect(seen.deliveries).toEqual([]);
    } finally {
      await b.stop('SIGTERM');
    }
  });

  it('refuses --keep-timing for a file of events', async () => {
    const run = await runCli([
      'send',
      join(dir.dir, 'events.ndjson'),
      '--url',
      'http://127.0.0.1:9/x',
      '--allow-any-port',
      '--keep-timing',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--keep-timing replays the gaps of a recording');
  });
});

describe('replay --keep-timing', () => {
  it('starts each body at its recorded offset times the time scale, once each', async () => {
    // Recorded 1 s, 2 s and 4 s after the first, replayed at time scale 0.5: 500, 1000 and
    // 2000 ms after the first start.
    const t0 = Date.parse('2025-06-01T12:00:00.000Z');
    const lines = [0, 1000, 2000, 4000].map((offsetMs, i) =>
      JSON.stringify({ ...first[i], receivedAt: new Date(t0 + offsetMs).toISOString() }),
    );
    const file = join(dir.dir, 'timed.ndjson');
    await writeFile(file, `${lines.join('\n')}\n`);
    const c = await startReceive(['--respond', '503']);
    let arrived: { receivedAt: string }[];
    try {
      const run = await runCli([
        'send',
        file,
        '--url',
        `${c.url}/hook`,
        '--allow-any-port',
        '--keep-timing',
        '--time-scale',
        '0.5',
      ]);
      expect(run.code).toBe(1);
      arrived = (
        JSON.parse(response(await get(`${c.url}/_cswm/deliveries`)).body) as {
          deliveries: { receivedAt: string }[];
        }
      ).deliveries;
    } finally {
      await c.stop('SIGTERM');
    }
    // Once each, although every answer was 503: the recording's own gaps hold the retries.
    expect(arrived).toHaveLength(4);
    // Each arrival minus its scheduled offset is when the replay started plus that request's
    // lateness: the same for all four but for the machine's timer and network lateness (under
    // 150 ms here). Sent at once, they would all arrive within a few tens of ms.
    const scheduled = [0, 500, 1000, 2000];
    const starts = arrived.map((d, i) => Date.parse(d.receivedAt) - (scheduled[i] as number));
    expect(Math.max(...starts) - Math.min(...starts)).toBeLessThan(150);
  });
});
