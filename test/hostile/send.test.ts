import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_CASES, MAX_BYTES_PULLED, MAX_EXTRA_RSS_MIB } from './cases.js';
import { hasStackTrace, runMeasured } from './helpers/run.js';
import { startHostile } from './servers/hostile.js';
import { startPlain } from './servers/plain.js';

/** `cswm send` against receivers that misbehave on purpose, as a separate process. */

const dir = mkdtempSync(join(tmpdir(), 'cswm-hostile-send-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Two attempts, a short wait, and a 2 s whole-exchange timeout keep every case to seconds.
const POLICY = ['--allow-any-port', '--attempts', '2', '--backoff', '10ms', '--timeout', '2s'];
let baselineMiB = 0;

interface SendJson {
  summary: { sent: number; delivered: number; failed: number; interrupted: number };
  deliveries: { result: string; attempts: { label: string; durationMs: number; errorCode?: string }[] }[];
}

beforeAll(async () => {
  const plain = await startPlain();
  try {
    const run = await runMeasured(['send', 'alert_triggered', '--url', plain.url, ...POLICY, '--json']);
    expect(run.code).toBe(0);
    baselineMiB = run.peakRssMiB;
    console.log(`[hostile/send] baseline peak RSS against a plain 200 receiver: ${baselineMiB} MiB`);
  } finally {
    await plain.close();
  }
});

describe('cswm send against hostile receivers', () => {
  for (const c of HOSTILE_CASES.filter((x) => x.kind !== 'reset-storm')) {
    it(`classifies ${c.what} as ${c.direct}, exits normally and keeps memory flat`, async () => {
      const server = await startHostile(c.kind);
      try {
        const run = await runMeasured(['send', 'alert_triggered', '--url', server.url, ...POLICY, '--json'], {
          timeoutMs: 30_000,
        });
        console.log(
          `[hostile/send] ${c.kind}: exit ${run.code}, peak RSS ${run.peakRssMiB} MiB (baseline ${baselineMiB}), ` +
            `${run.wallMs} ms, server: ${JSON.stringify(server.stats)}`,
        );
        expect(run.timedOut).toBe(false);
        expect(run.stderr).toBe('');
        expect(hasStackTrace(run.stdout)).toBe(false);
        const out = JSON.parse(run.stdout) as SendJson;
        const labels = out.deliveries[0]?.attempts.map((a) => a.label);
        const expected = c.direct === 'delivered' ? ['delivered'] : [c.direct, c.direct];
        expect(labels).toEqual(expected);
        expect(run.code).toBe(c.direct === 'delivered' ? 0 : 1);
        expect(out.summary.sent).toBe(out.summary.delivered + out.summary.failed + out.summary.interrupted);
        expect(server.stats.bytesWritten).toBeLessThan(MAX_BYTES_PULLED);
        expect(run.peakRssMiB).toBeLessThan(baselineMiB + MAX_EXTRA_RSS_MIB);
      } finally {
        await server.close();
      }
    });
  }

  it('gives up on a one-byte-per-second answer at the whole-exchange timeout, not later', async () => {
    const server = await startHostile('trickle');
    try {
      const run = await runMeasured(
        [
          'send',
          'alert_triggered',
          '--url',
          server.url,
          '--allow-any-port',
          '--attempts',
          '1',
          '--json',
        ].concat(['--timeout', '2s']),
        { timeoutMs: 30_000, measure: false },
      );
      const out = JSON.parse(run.stdout) as SendJson;
      const attempt = out.deliveries[0]?.attempts[0];
      console.log(
        `[hostile/send] trickle: attempt took ${Math.round(attempt?.durationMs ?? -1)} ms (timeout 2000)`,
      );
      expect(attempt?.label).toBe('timeout');
      // Bytes keep coming every second, so only a deadline on the whole exchange ends it at 2 s.
      expect(attempt?.durationMs).toBeGreaterThanOrEqual(1_900);
      expect(attempt?.durationMs).toBeLessThan(6_000);
    } finally {
      await server.close();
    }
  });

  it('survives 2,000 connections reset at once: each delivery failed as reset, memory bounded', async () => {
    const args = ['--allow-any-port', '--count', '2000', '--attempts', '1', '--concurrency', '50'];
    // The same 2,000 deliveries to a well-behaved receiver: what memory they cost anyway.
    const plain = await startPlain();
    const calm = await runMeasured(['send', 'alert_triggered', '--url', plain.url, ...args], {
      timeoutMs: 90_000,
    }).finally(() => plain.close());
    expect(calm.code).toBe(0);
    const server = await startHostile('reset-storm');
    const journal = join(dir, 'reset-storm.ndjson');
    try {
      const run = await runMeasured(
        ['send', 'alert_triggered', '--url', server.url, ...args, '--journal', journal],
        { timeoutMs: 90_000 },
      );
      console.log(
        `[hostile/send] reset-storm: 2000 deliveries, exit ${run.code}, peak RSS ${run.peakRssMiB} MiB ` +
          `(same run against a plain receiver: ${calm.peakRssMiB} MiB), ${run.wallMs} ms, server: ${JSON.stringify(server.stats)}`,
      );
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/2000 sent: 0 delivered, 2000 failed, 0 interrupted/);
      const lines = readFileSync(journal, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { type: string; labels?: string[]; result?: string });
      const deliveries = lines.filter((l) => l.type === 'delivery');
      expect(deliveries).toHaveLength(2000);
      expect(deliveries.every((d) => d.result === 'failed' && d.labels?.join() === 'reset')).toBe(true);
      expect(server.stats.connections).toBe(2000);
      expect(run.peakRssMiB).toBeLessThan(calm.peakRssMiB + MAX_EXTRA_RSS_MIB);
    } finally {
      await server.close();
    }
  });

  it('never follows a redirect loop: the target sees exactly one request per attempt', async () => {
    const server = await startHostile('redirect-loop');
    try {
      const run = await runMeasured(
        ['send', 'alert_triggered', '--url', server.url, '--allow-any-port', '--backoff', '1ms', '--json'],
        { measure: false },
      );
      expect(run.code).toBe(1);
      expect(server.stats.requests).toBe(5);
    } finally {
      await server.close();
    }
  });
});
