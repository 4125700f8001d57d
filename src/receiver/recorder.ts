/**
 * The receiver's memory: a bounded list of recorded deliveries, a bounded index of the
 * event_ids seen (for duplicate marks), and the listeners (the CLI's log lines, the live page)
 * told of each new one and of each one dropped. Both limits drop the oldest first and count
 * what they dropped, so a run of millions of deliveries holds a fixed amount of memory and
 * says what it forgot.
 */
import { CswmError, ErrorCodes } from '../errors.js';
import { BoundedMap } from '../util/bounded-map.js';
import type { RecordedDelivery } from './types.js';

/** @default 10000 */
export const DEFAULT_MAX_RECORDS = 10_000;

/**
 * How many event_ids the duplicate index remembers. The Console's retries of one event come
 * within seconds of each other, so 100,000 ids cover even a long burst (about 10 MB).
 * @default 100000
 */
export const DEFAULT_MAX_EVENT_IDS = 100_000;

export interface RecorderLimits {
  /** @default 10000 */
  maxRecords?: number;
  /** @default 100000 */
  maxEventIds?: number;
}

/** What the recorder holds and what it let go of, since the last clear. */
export interface RecorderCounts {
  /** Deliveries recorded (kept or dropped). */
  received: number;
  kept: number;
  /** Oldest deliveries dropped to stay within `maxRecords`. */
  droppedDeliveries: number;
  /** Oldest event_ids forgotten by the duplicate index to stay within `maxEventIds`. */
  forgottenEventIds: number;
  maxRecords: number;
  maxEventIds: number;
}

type Listener = (delivery: RecordedDelivery) => void;

export class Recorder {
  /** Dropped slots are emptied at once, so they hold no memory until the array is compacted. */
  private records: (RecordedDelivery | undefined)[] = [];
  /** Index of the oldest kept record: dropping from the front is O(1), compacted now and then. */
  private start = 0;
  private seq = 0;
  private dropped = 0;
  private readonly seen: BoundedMap<string, true>;
  private readonly listeners = new Set<Listener>();
  private readonly dropListeners = new Set<Listener>();
  private readonly clearListeners = new Set<() => void>();
  private readonly waiters = new Set<() => void>();
  readonly maxRecords: number;

  constructor(limits: RecorderLimits = {}) {
    this.maxRecords = limits.maxRecords ?? DEFAULT_MAX_RECORDS;
    this.seen = new BoundedMap(limits.maxEventIds ?? DEFAULT_MAX_EVENT_IDS);
  }

  /** Marks an event_id as seen; returns true when it had been seen (and not yet forgotten). */
  markSeen(eventId: string | null): boolean {
    if (eventId === null) return false;
    if (this.seen.has(eventId)) return true;
    this.seen.set(eventId, true);
    return false;
  }

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  add(delivery: RecordedDelivery): void {
    this.records.push(delivery);
    let old: RecordedDelivery | undefined;
    if (this.records.length - this.start > this.maxRecords) {
      old = this.records[this.start];
      this.records[this.start] = undefined;
      this.start += 1;
      this.dropped += 1;
    }
    if (this.start > 1024 && this.start * 2 > this.records.length) {
      this.records = this.records.slice(this.start);
      this.start = 0;
    }
    if (old) notify(this.dropListeners, old);
    notify(this.listeners, delivery);
    for (const wake of this.waiters) wake();
  }

  /** Recorded deliveries since the last clear (including those dropped by maxRecords). */
  get total(): number {
    return this.seq;
  }

  counts(): RecorderCounts {
    return {
      received: this.seq,
      kept: this.records.length - this.start,
      droppedDeliveries: this.dropped,
      forgottenEventIds: this.seen.evicted,
      maxRecords: this.maxRecords,
      maxEventIds: this.seen.capacity,
    };
  }

  list(): RecordedDelivery[] {
    return this.records.slice(this.start) as RecordedDelivery[];
  }

  /** The kept delivery with this seq, if it is still kept. */
  get(seq: number): RecordedDelivery | undefined {
    const first = this.records[this.start];
    if (!first || !Number.isInteger(seq)) return undefined;
    // seq is given and recorded in one synchronous step, so kept records are consecutive.
    const found = this.records[this.start + (seq - first.seq)];
    return found?.seq === seq ? found : undefined;
  }

  /**
   * Visits kept deliveries from the newest to the oldest, starting at seq `from` (default: the
   * newest); stops when `visit` returns false.
   */
  visitNewest(visit: (delivery: RecordedDelivery) => boolean | undefined, from = this.seq): void {
    const first = this.records[this.start];
    if (!first) return;
    const top = Math.min(this.records.length - 1, this.start + (from - first.seq));
    for (let i = top; i >= this.start; i--) {
      if (visit(this.records[i] as RecordedDelivery) === false) return;
    }
  }

  clear(): void {
    this.records = [];
    this.start = 0;
    this.seq = 0;
    this.dropped = 0;
    this.seen.clear();
    for (const listener of this.clearListeners) listener();
  }

  onDelivery(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called with each delivery dropped to stay within maxRecords, before the new one is announced. */
  onDrop(listener: Listener): () => void {
    this.dropListeners.add(listener);
    return () => this.dropListeners.delete(listener);
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

function notify(listeners: Set<Listener>, delivery: RecordedDelivery): void {
  for (const listener of listeners) {
    try {
      listener(delivery);
    } catch {
      // A listener's failure must not lose the delivery or break the response.
    }
  }
}

/**
 * The received bytes, when the record holds them exactly (not cut, valid UTF-8, not past the
 * read cap); undefined when it holds only an approximation, which neither a re-send nor an
 * export may pass off as what was sent.
 */
export function exactBody(delivery: RecordedDelivery): Buffer | undefined {
  if (delivery.bodyTruncated || delivery.bodyNotUtf8) return undefined;
  const body = Buffer.from(delivery.body, 'utf8');
  return body.length === delivery.bodyBytes ? body : undefined;
}
