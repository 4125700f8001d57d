import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startReceiver } from '../../src/receiver/server.js';
import { runMeasured } from './helpers/run.js';

/**
 * Load: 50,000 deliveries at concurrency 100 from `cswm send` (a process) to the bundled
 * receiver (in this process). Nothing is lost: the receiver's count equals the delivered count,
 * every event_id arrives exactly once, and the journal agrees line for line.
 * Run by vitest.hostile.config.ts (about a minute on two cores), not by the main suite.
 */

const TOTAL = 50_000;
const dir = mkdtempSync(join(tmpdir(), 'cswm-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Line {
  type: string;
  seq?: number;
  eventId?: string;
  result?: string;
  sent?: number;
  delivered?: number;
  failed?: number;
  interrupted?: number;
  attempts?: number;
}

it(`delivers ${TOTAL.toLocaleString('en')} events at concurrency 100 to the bundled receiver, losing none`, async () => {
  // Only counters are kept here: the receiver's own record list is capped and not what is checked.
  const receiver = await startReceiver({ maxRecords: 100 });
  let received = 0;
  const arrivals = new Map<string, number>();
  receiver.onDelivery((d) => {
    received++;
    if (d.eventId) arrivals.set(d.eventId, (arrivals.get(d.eventId) ?? 0) + 1);
  });
  const journal = join(dir, 'load.ndjson');
  try {
    const run = await runMeasured(
      ['send', 'alert_triggered', '--count', String(TOTAL), '--concurrency', '100', '--seed', '50'].concat([
        '--url',
        `${receiver.url}/hook`,
        '--allow-any-port',
        '--journal',
        journal,
      ]),
      { timeoutMs: 280_000 },
    );
    const lines = readFileSync(journal, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Line);
    const deliveries = lines.filter((l) => l.type === 'delivery');
    const attempts = lines.filter((l) => l.type === 'attempt');
    const summary = lines.at(-1)!;
    const delivered = deliveries.filter((d) => d.result === 'delivered');
    const twice = [...arrivals.values()].filter((n) => n > 1).length;
    console.log(
      `[load] ${TOTAL} deliveries at concurrency 100: exit ${run.code} in ${(run.wallMs / 1000).toFixed(1)} s ` +
        `(${Math.round(TOTAL / (run.wallMs / 1000))}/s), sender peak RSS ${run.peakRssMiB} MiB; ` +
        `summary ${JSON.stringify({ sent: summary.sent, delivered: summary.delivered, failed: summary.failed, interrupted: summary.interrupted, attempts: summary.attempts })}; ` +
        `receiver counted ${received}, distinct event_ids ${arrivals.size}, received twice ${twice}; ` +
        `journal: ${deliveries.length} delivery lines, ${attempts.length} attempt lines`,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`${TOTAL} sent: ${TOTAL} delivered, 0 failed, 0 interrupted`));
    expect(summary).toMatchObject({
      type: 'summary',
      sent: TOTAL,
      delivered: TOTAL,
      failed: 0,
      interrupted: 0,
    });
    expect(received).toBe(summary.delivered);
    // A retried event (a lost answer) would arrive twice; with none failed, each arrived once.
    expect(received).toBe(summary.attempts);
    expect(arrivals.size).toBe(TOTAL);
    expect(deliveries).toHaveLength(TOTAL);
    expect(new Set(deliveries.map((d) => d.seq)).size).toBe(TOTAL);
    expect(delivered.every((d) => arrivals.get(d.eventId!) === 1)).toBe(true);
    expect(attempts).toHaveLength(summary.attempts!);
  } finally {
    await receiver.close();
  }
});
