import { setMaxListeners } from 'node:events';
import { InvalidOptionError } from '../errors.js';
import { AbortScope } from './abort-scope.js';
import { DEFAULTS } from './defaults.js';
import { runDelivery } from './deliver.js';
import { createJournal } from './journal.js';
import { type EventMeta, eventMetaOf } from './meta.js';
import { planDelivery } from './plan.js';
import type { DeliveryRecord, SendManyOptions, SendSummary } from './types.js';

/**
 * A body to send byte for byte (a file's line, a recorded delivery), with its identity for
 * records. Anything else given to sendMany is an event object, sent as `JSON.stringify(event)`.
 * `atMs`, when given, is when to start it: that many ms (times the time scale) after the send
 * began (a replay with `--keep-timing`).
 */
export class RawEvent implements EventMeta {
  constructor(
    readonly body: string | Uint8Array,
    readonly eventId: string | null = null,
    readonly eventType: string | null = null,
    readonly atMs?: number,
  ) {}
}

type Pull = () => IteratorResult<unknown> | Promise<IteratorResult<unknown>>;

/**
 * Delivers many events with bounded concurrency and an optional start rate. Every event taken
 * ends as delivered, failed or interrupted, and the counts add up (sent = delivered + failed +
 * interrupted). When the signal aborts, no new attempt starts, attempts in flight are cut and
 * their deliveries are interrupted, and events not yet taken count as interrupted too (read
 * from the source without sending, unless `total` says how many there were).
 * Memory stays flat with `keepRecords: false`: events are pulled lazily and nothing is kept per
 * event beyond the counters.
 */
export async function sendMany(
  payloads: Iterable<unknown> | AsyncIterable<unknown>,
  options: SendManyOptions,
): Promise<SendSummary> {
  const plan = planDelivery(options);
  const concurrency = checkConcurrency(options.concurrency ?? DEFAULTS.concurrency);
  const intervalMs = checkRate(options.ratePerSecond);
  const journal = options.journalPath ? createJournal(options.journalPath) : undefined;
  const { signal, unlink } = linkSignal(options.signal);
  const scope = new AbortScope(signal);
  const keep = options.keepRecords ?? true;
  const summary: SendSummary = {
    sent: 0,
    delivered: 0,
    failed: 0,
    interrupted: 0,
    attempts: 0,
    durationMs: 0,
    deliveries: [],
  };
  const pull = puller(payloads);
  const t0 = plan.now();
  let taken = 0;
  let sourceError: unknown;

  /** When to start an event, in ms after t0: its recorded offset, or its slot under the rate. */
  const startAt = (item: unknown, seq: number): number => {
    const recorded = item instanceof RawEvent && item.atMs !== undefined ? item.atMs * plan.timeScale : 0;
    return Math.max(recorded, seq * intervalMs);
  };

  const deliverOne = async (item: unknown, seq: number): Promise<void> => {
    const startAtMs = startAt(item, seq);
    if (startAtMs > 0) {
      const waitMs = t0 + startAtMs - plan.now();
      // An abort during this wait leaves the delivery to record itself as interrupted.
      if (waitMs > 0) await plan.sleep(waitMs, signal).catch(() => {});
    }
    const { body, meta } = prepare(item);
    const record = await runDelivery(plan, body, meta, {
      signal,
      scope,
      onAttempt: (attempt, m) => {
        journal?.attempt(seq, m, attempt);
        options.onAttempt?.(attempt, m);
      },
    });
    count(summary, record);
    journal?.delivery(seq, record);
    if (keep) summary.deliveries.push(record);
    options.onDelivery?.(record);
  };

  const worker = async (): Promise<void> => {
    while (!signal.aborted && sourceError === undefined) {
      let next: IteratorResult<unknown>;
      try {
        next = await pull();
      } catch (error) {
        sourceError ??= error;
        return;
      }
      if (next.done) return;
      await deliverOne(next.value, taken++);
    }
  };

  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
    if (signal.aborted && sourceError === undefined) {
      const left = options.total !== undefined ? Math.max(0, options.total - taken) : await drain(pull);
      summary.sent += left;
      summary.interrupted += left;
    }
    summary.durationMs = plan.now() - t0;
    const { deliveries: _omit, ...counts } = summary;
    journal?.summary(counts);
  } finally {
    scope.dispose();
    unlink();
    await journal?.close();
  }
  if (sourceError !== undefined) throw sourceError;
  return summary;
}

function count(summary: SendSummary, record: DeliveryRecord): void {
  summary.sent++;
  summary[record.result]++;
  summary.attempts += record.attempts.length;
}

function prepare(item: unknown): { body: string | Uint8Array; meta: EventMeta } {
  if (item instanceof RawEvent)
    return { body: item.body, meta: { eventId: item.eventId, eventType: item.eventType } };
  return { body: JSON.stringify(item), meta: eventMetaOf(item) };
}

/** One pull at a time, even from an async source shared by every worker. */
function puller(source: Iterable<unknown> | AsyncIterable<unknown>): Pull {
  if (Symbol.asyncIterator in source) {
    const it = (source as AsyncIterable<unknown>)[Symbol.asyncIterator]();
    let chain: Promise<unknown> = Promise.resolve();
    return () => {
      const next = chain.then(() => it.next());
      chain = next.catch(() => {});
      return next;
    };
  }
  const it = (source as Iterable<unknown>)[Symbol.iterator]();
  return () => it.next();
}

async function drain(pull: Pull): Promise<number> {
  let n = 0;
  for (let next = await pull(); !next.done; next = await pull()) n++;
  return n;
}

/** An internal signal that follows the caller's; many listeners on it are expected, not a leak. */
function linkSignal(outer: AbortSignal | undefined): { signal: AbortSignal; unlink: () => void } {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  if (!outer) return { signal: controller.signal, unlink: () => {} };
  const onAbort = (): void => controller.abort(outer.reason);
  if (outer.aborted) onAbort();
  else outer.addEventListener('abort', onAbort, { once: true });
  return { signal: controller.signal, unlink: () => outer.removeEventListener('abort', onAbort) };
}

function checkConcurrency(value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > 10_000) {
    throw new InvalidOptionError(
      `concurrency: ${String(value)} is not allowed (a whole number from 1 to 10000)`,
    );
  }
  return value;
}

function checkRate(rate: number | undefined): number {
  if (rate === undefined) return 0;
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0) {
    throw new InvalidOptionError(`ratePerSecond: ${String(rate)} is not allowed (a number above 0)`);
  }
  return 1000 / rate;
}
