import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateEvent } from '../../src/events/generator.js';
import { startReceive } from '../helpers/receive.js';
import { waitUntil } from '../helpers/wait.js';
import { runMeasured } from './helpers/run.js';
import { startPlain } from './servers/plain.js';

/**
 * Ctrl-C and SIGTERM in the middle of work: `cswm send` of 10,000 events prints its summary,
 * leaves a complete journal and exits 1; `cswm receive` under load finishes what is in flight
 * and loses no delivery it answered 200.
 */

const dir = mkdtempSync(join(tmpdir(), 'cswm-interrupt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface JournalLine {
  type: 'attempt' | 'delivery' | 'summary';
  seq?: number;
  eventId?: string;
  result?: 'delivered' | 'failed' | 'interrupted';
  sent?: number;
  delivered?: number;
  failed?: number;
  interrupted?: number;
}

const TOTAL = 10_000;

describe('cswm send interrupted', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`on ${signal} mid-way through ${TOTAL} events: prints the summary, completes the journal, exits 1`, async () => {
      // 20 ms per answer at 10 in flight: ~500 a second, so the run is mid-way when signalled.
      const server = await startPlain({ delayMs: 20 });
      const journal = join(dir, `send-${signal}.ndjson`);
      try {
        let child: ChildProcess | undefined;
        const run = runMeasured(
          [
            'send',
            'alert_triggered',
            '--count',
            String(TOTAL),
            '--url',
            server.url,
            '--allow-any-port',
          ].concat(['--attempts', '1', '--journal', journal]),
          { measure: false, timeoutMs: 60_000, onSpawn: (c) => (child = c) },
        );
        await waitUntil('300 deliveries in the journal', () => deliveryLines(journal) >= 300, {
          timeoutMs: 30_000,
          seen: () => `${deliveryLines(journal)} deliveries`,
        });
        child?.kill(signal);
        const { code, stdout, stderr } = await run;
        expect(code).toBe(1);

        const lines = readFileSync(journal, 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as JournalLine);
        const deliveries = lines.filter((l) => l.type === 'delivery');
        const summary = lines.at(-1)!;
        const by = (r: string) => deliveries.filter((d) => d.result === r).length;
        const printed = /(\d+) sent: (\d+) delivered, (\d+) failed, (\d+) interrupted/.exec(stdout);
        console.log(
          `[interrupt] send ${signal} after ${deliveries.length} final lines: summary ${JSON.stringify({
            sent: summary.sent,
            delivered: summary.delivered,
            failed: summary.failed,
            interrupted: summary.interrupted,
          })}; journal lines delivered ${by('delivered')}, failed ${by('failed')}, interrupted ${by('interrupted')}, ` +
            `never started ${TOTAL - deliveries.length}; the receiver answered 200 ${server.okByEventId.size} times`,
        );
        expect(stderr).toBe('');
        expect(printed?.slice(1).map(Number)).toEqual([
          summary.sent,
          summary.delivered,
          summary.failed,
          summary.interrupted,
        ]);
        expect(summary.type).toBe('summary');
        expect(summary.sent).toBe(TOTAL);
        expect(summary.delivered! + summary.failed! + summary.interrupted!).toBe(TOTAL);
        expect(summary.interrupted).toBeGreaterThan(0);
        // Every event that started has exactly one final line; the rest never started and are
        // counted as interrupted in the summary.
        const seqs = new Set(deliveries.map((d) => d.seq));
        expect(seqs.size).toBe(deliveries.length);
        expect(deliveries.every((d) => ['delivered', 'failed', 'interrupted'].includes(d.result!))).toBe(
          true,
        );
        expect(by('delivered')).toBe(summary.delivered);
        expect(by('failed')).toBe(summary.failed);
        expect(by('interrupted') + (TOTAL - deliveries.length)).toBe(summary.interrupted);
        // Each event the journal calls delivered was answered 200 by the receiver.
        const delivered = deliveries.filter((d) => d.result === 'delivered');
        expect(delivered.every((d) => server.okByEventId.has(d.eventId!))).toBe(true);
        expect(server.requests).toBeLessThan(TOTAL);
      } finally {
        await server.close();
      }
    });
  }
});

function deliveryLines(path: string): number {
  if (!existsSync(path)) return 0;
  let n = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) if (line.startsWith('{"type":"delivery"')) n++;
  return n;
}

describe('cswm receive stopped under load', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`on ${signal}: finishes in-flight requests and prints every delivery it answered 200`, async () => {
      // A delay keeps requests in flight at the moment of the signal.
      const receiver = await startReceive(['--json', '--delay', '150ms']);
      const template = generateEvent('alert_triggered', { seed: 1 }) as { details: { event_id: string } };
      const ok = new Set<string>();
      // Requests started before the signal and still open when it came: each must get its 200.
      const inFlight = { answered: 0, cut: 0 };
      const after = { refused: 0 };
      let signalledAt = Number.POSITIVE_INFINITY;
      let sent = 0;
      let stop = false;
      const worker = async (w: number): Promise<void> => {
        for (let i = 0; i < 400 && !stop; i++) {
          const eventId = `load-${w}-${i}`;
          const body = JSON.stringify({ ...template, details: { ...template.details, event_id: eventId } });
          const startedAt = performance.now();
          sent++;
          try {
            const res = await fetch(`${receiver.url}/hook`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body,
              signal: AbortSignal.timeout(10_000),
            });
            await res.text();
            if (res.status === 200) ok.add(eventId);
            if (startedAt < signalledAt && performance.now() > signalledAt) {
              if (res.status === 200) inFlight.answered++;
              else inFlight.cut++;
            }
          } catch {
            if (startedAt < signalledAt) inFlight.cut++;
            else after.refused++;
            stop = true;
          }
        }
      };
      const load = Promise.all(Array.from({ length: 30 }, (_, w) => worker(w)));
      await waitUntil('200 answers', () => ok.size >= 200, {
        timeoutMs: 30_000,
        seen: () => `${ok.size} answers`,
      });
      signalledAt = performance.now();
      const code = await receiver.stop(signal);
      stop = true;
      await load;
      const lines = receiver
        .stdout()
        .trim()
        .split('\n')
        .map(
          (l) =>
            JSON.parse(l) as {
              type: string;
              payload?: { details?: { event_id?: string } };
              deliveries?: number;
            },
        );
      const printed = new Set(
        lines.filter((l) => l.type === 'delivery').map((l) => l.payload?.details?.event_id),
      );
      const closed = lines.at(-1);
      const lost = [...ok].filter((id) => !printed.has(id));
      console.log(
        `[interrupt] receive ${signal}: ${sent} requests sent, ${ok.size} answered 200; in flight at the signal: ${inFlight.answered} answered 200, ${inFlight.cut} cut; ` +
          `refused after the stop: ${after.refused}; ` +
          `${printed.size} deliveries printed, closed line says ${closed?.deliveries}, answered but not printed: ${lost.length}`,
      );
      expect(code).toBe(0);
      expect(receiver.stderr()).toBe('');
      expect(closed?.type).toBe('closed');
      expect(closed?.deliveries).toBe(printed.size);
      expect(lost).toEqual([]);
      expect(inFlight.cut).toBe(0);
      expect(inFlight.answered).toBeGreaterThan(0);
      expect(ok.size).toBeGreaterThanOrEqual(200);
    });
  }
});
