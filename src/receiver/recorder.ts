/**
 * The receiver's memory: a bounded list of recorded deliveries, the event_ids seen, and the
 * listeners (the CLI's log lines, the live page) told of each new one.
 */
import { CswmError, ErrorCodes } from '../errors.js';
import type { RecordedDelivery } from './types.js';

/** @default 10000 */
export const DEFAULT_MAX_RECORDS = 10_000;

type Listener = (delivery: RecordedDelivery) => void;

export class Recorder {
  private records: RecordedDelivery[] = [];
  /** Index of the oldest kept record: dropping from the front is O(1), compacted now and then. */
  private start = 0;
  private seq = 0;
  private readonly seen = new Set<string>();
  private readonly listeners = new Set<Listener>();
  private readonly clearListeners = new Set<() => void>();
  private readonly waiters = new Set<() => void>();

  constructor(private readonly maxRecords = DEFAULT_MAX_RECORDS) {}

  /** Marks an event_id as seen; returns true when it had been seen before. */
  markSeen(eventId: string | null): boolean {
    if (eventId === null) return false;
    if (this.seen.has(eventId)) return true;
    this.seen.add(eventId);
    return false;
  }

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  add(delivery: RecordedDelivery): void {
    this.records.push(delivery);
    if (this.records.length - this.start > this.maxRecords) this.start += 1;
    if (this.start > 1024 && this.start * 2 > this.records.length) {
      this.records = this.records.slice(this.start);
      this.start = 0;
    }
    for (const listener of this.listeners) {
      try {
        listener(delivery);
      } catch {
        // A listener's failure must not lose the delivery or break the response.
      }
    }
    for (const wake of this.waiters) wake();
  }

  /** Recorded deliveries since the last clear (including those dropped by maxRecords). */
  get total(): number {
    return this.seq;
  }

  list(): RecordedDelivery[] {
    return this.records.slice(this.start);
  }

  clear(): void {
    this.records = [];
    this.start = 0;
    this.seq = 0;
    this.seen.clear();
    for (const listener of this.clearListeners) listener();
  }

  onDelivery(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onClear(listener: () => void): () => void {
    this.clearListeners.add(listener);
    return () => this.clearListeners.delete(listener);
  }

  waitFor(count: number, timeoutMs: number): Promise<RecordedDelivery[]> {
    if (this.total >= count) return Promise.resolve(this.list());
    return new Promise((resolve, reject) => {
      const wake = () => {
        if (this.total < count) return;
        done();
        resolve(this.list());
      };
      const timer = setTimeout(() => {
        done();
        reject(
          new CswmError(
            ErrorCodes.WAIT_TIMEOUT,
            `waited ${timeoutMs}ms for ${count} deliveries, ${this.total} arrived; check the sender's URL or raise timeoutMs`,
            { isInputError: false },
          ),
        );
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
      };
      this.waiters.add(wake);
    });
  }
}
