/**
 * The inbox's view of the recorder: attempts grouped by event_id (a retry sequence is one
 * story), counts per type, answer and validity kept up to date as deliveries arrive and are
 * dropped, and the queries the page asks (one filtered slice of groups at a time, so 10,000
 * deliveries never go over the wire at once). It holds only seqs and counters: the deliveries
 * themselves stay in the recorder, and a dropped delivery leaves the index with it.
 */
import { type InboxFilter, type InboxSlice, NO_TYPE, NOT_200 } from './inbox-query.js';
import type { Recorder, RecorderCounts } from './recorder.js';
import { summarizeEvent } from './summary.js';
import type { ReceiverResponse, RecordedDelivery } from './types.js';

/** How an answer reads on the page: `ok` is a 200 (delivered), `fail` another status, `fault` no proper answer. */
export type Tone = 'ok' | 'fail' | 'fault';

/** One attempt, in brief. */
export interface AttemptBrief {
  seq: number;
  receivedAt: string;
  /** `200`, `503`, `401 unauthorized`, `proxied 200`, `hang`, `delay`, ... */
  answer: string;
  tone: Tone;
  /** Time since the previous attempt of the same event; null for the first one kept. */
  waitMs: number | null;
  valid: boolean;
  duplicate: boolean;
  authorized: boolean;
}

/** One event's attempts, as a row of the inbox list. */
export interface GroupRow {
  key: string;
  eventId: string | null;
  eventType: string | null;
  /** The latest attempt's event, in one sentence. */
  summary: string;
  /** Attempts kept (older ones may have been dropped). */
  attempts: number;
  /** The latest attempts, oldest first (at most {@link RECENT_ATTEMPTS} in a list row). */
  recent: AttemptBrief[];
  lastSeq: number;
  firstAt: string;
  lastAt: string;
  /** No attempt failed validation. */
  valid: boolean;
  /** Delivered more than once (or marked as a redelivery of an event seen earlier). */
  duplicate: boolean;
  /** Some attempt was answered 200. */
  delivered: boolean;
  authorized: boolean;
}

export interface InboxStats extends RecorderCounts {
  /** Changes on every clear, so the page can tell old answers from new ones. */
  epoch: number;
  lastSeq: number;
  groups: number;
  types: { type: string; count: number }[];
  answers: { answer: string; tone: Tone; count: number }[];
  valid: number;
  invalid: number;
  duplicates: number;
  unauthorized: number;
}

/** Attempts shown in a list row's timeline. */
export const RECENT_ATTEMPTS = 8;
/** Attempts listed in the detail pane. */
export const DETAIL_ATTEMPTS = 200;

export function answerOf(response: ReceiverResponse): { answer: string; tone: Tone } {
  switch (response.type) {
    case 'status':
      return { answer: String(response.status), tone: response.status === 200 ? 'ok' : 'fail' };
    case 'proxied':
      return { answer: `proxied ${response.status}`, tone: response.status === 200 ? 'ok' : 'fail' };
    case 'unauthorized':
      return { answer: `${response.status} unauthorized`, tone: 'fail' };
    case 'fault':
      return { answer: response.fault, tone: 'fault' };
  }
}

/** The grouping key: the event_id, or the seq for a request that carries none. */
export function keyOf(d: RecordedDelivery): string {
  return d.eventId !== null ? `e:${d.eventId}` : `s:${d.seq}`;
}

/** The sentence for a delivery, also when its body is not an event. */
export function summarizeDelivery(d: RecordedDelivery): string {
  if (d.payload !== undefined) return summarizeEvent(d.payload);
  const why = d.errors[0]?.message ?? 'the body is not JSON';
  return `Not an event: ${why}`;
}

export class InboxIndex {
  /** Seqs of the kept attempts of each group, oldest first. */
  private readonly groups = new Map<string, number[]>();
  private readonly types = new Map<string, number>();
  private readonly answers = new Map<string, { tone: Tone; count: number }>();
  private valid = 0;
  private duplicates = 0;
  private unauthorized = 0;
  private epoch = 1;

  constructor(private readonly recorder: Recorder) {
    recorder.onDelivery((d) => this.count(d, 1));
    recorder.onDrop((d) => this.count(d, -1));
    recorder.onClear(() => this.reset());
  }

  private count(d: RecordedDelivery, sign: 1 | -1): void {
    const key = keyOf(d);
    const seqs = this.groups.get(key);
    if (sign === 1) {
      if (seqs) seqs.push(d.seq);
      else this.groups.set(key, [d.seq]);
    } else if (seqs) {
      // The recorder drops the oldest first, so it is the group's first attempt.
      seqs.shift();
      if (seqs.length === 0) this.groups.delete(key);
    }
    bump(this.types, d.eventType ?? NO_TYPE, sign);
    const { answer, tone } = answerOf(d.response);
    const entry = this.answers.get(answer) ?? { tone, count: 0 };
    entry.count += sign;
    if (entry.count <= 0) this.answers.delete(answer);
    else this.answers.set(answer, entry);
    if (d.valid) this.valid += sign;
    if (d.duplicate) this.duplicates += sign;
    if (!d.authorized) this.unauthorized += sign;
  }

  private reset(): void {
    this.groups.clear();
    this.types.clear();
    this.answers.clear();
    this.valid = this.duplicates = this.unauthorized = 0;
    this.epoch += 1;
  }

  stats(): InboxStats {
    const counts = this.recorder.counts();
    return {
      epoch: this.epoch,
      lastSeq: counts.received,
      ...counts,
      groups: this.groups.size,
      types: [...this.types].map(([type, count]) => ({ type, count })).sort(byCount),
      answers: [...this.answers].map(([answer, { tone, count }]) => ({ answer, tone, count })).sort(byCount),
      valid: this.valid,
      invalid: counts.kept - this.valid,
      duplicates: this.duplicates,
      unauthorized: this.unauthorized,
    };
  }

  /**
   * One slice of the groups that match `filter`, the most recently active first, as they were
   * at `slice.asOf` (default: now), with the number of matching groups.
   */
  query(filter: InboxFilter, slice: InboxSlice): { asOf: number; total: number; rows: GroupRow[] } {
    const asOf = Math.min(slice.asOf ?? this.recorder.total, this.recorder.total);
    const match = matcher(filter);
    const done = new Set<string>();
    const rows: GroupRow[] = [];
    let total = 0;
    this.recorder.visitNewest((d) => {
      const key = keyOf(d);
      if (done.has(key)) return true;
      done.add(key);
      const attempts = this.attempts(key, asOf);
      if (!match(attempts)) return true;
      if (total >= slice.offset && rows.length < slice.limit)
        rows.push(this.row(key, attempts, RECENT_ATTEMPTS));
      total += 1;
      return true;
    }, asOf);
    return { asOf, total, rows };
  }

  /** One group with up to {@link DETAIL_ATTEMPTS} of its latest attempts, or null when none is kept. */
  group(key: string, asOf = this.recorder.total): GroupRow | null {
    const attempts = this.attempts(key, asOf);
    return attempts.length ? this.row(key, attempts, DETAIL_ATTEMPTS) : null;
  }

  private attempts(key: string, asOf: number): RecordedDelivery[] {
    const out: RecordedDelivery[] = [];
    for (const seq of this.groups.get(key) ?? []) {
      if (seq > asOf) break;
      const d = this.recorder.get(seq);
      if (d) out.push(d);
    }
    return out;
  }

  private row(key: string, attempts: RecordedDelivery[], recentCount: number): GroupRow {
    const first = attempts[0] as RecordedDelivery;
    const last = attempts.at(-1) as RecordedDelivery;
    const from = Math.max(0, attempts.length - recentCount);
    const recent = attempts.slice(from).map((d, i) => brief(d, attempts[from + i - 1]));
    return {
      key,
      eventId: last.eventId,
      eventType: last.eventType,
      summary: summarizeDelivery(last),
      attempts: attempts.length,
      recent,
      lastSeq: last.seq,
      firstAt: first.receivedAt,
      lastAt: last.receivedAt,
      valid: attempts.every((d) => d.valid),
      duplicate: attempts.length > 1 || attempts.some((d) => d.duplicate),
      delivered: attempts.some((d) => answerOf(d.response).tone === 'ok'),
      authorized: attempts.every((d) => d.authorized),
    };
  }
}

function brief(d: RecordedDelivery, previous: RecordedDelivery | undefined): AttemptBrief {
  const { answer, tone } = answerOf(d.response);
  return {
    seq: d.seq,
    receivedAt: d.receivedAt,
    answer,
    tone,
    waitMs: previous ? Date.parse(d.receivedAt) - Date.parse(previous.receivedAt) : null,
    valid: d.valid,
    duplicate: d.duplicate,
    authorized: d.authorized,
  };
}

/** A predicate over a group's attempts; every filter given must hold. */
function matcher(filter: InboxFilter): (attempts: RecordedDelivery[]) => boolean {
  const tests: ((attempts: RecordedDelivery[]) => boolean)[] = [(a) => a.length > 0];
  const { type, validity, answer, duplicates, q } = filter;
  if (type !== undefined) tests.push((a) => a.some((d) => (d.eventType ?? NO_TYPE) === type));
  if (validity !== undefined) tests.push((a) => a.every((d) => d.valid) === (validity === 'valid'));
  if (answer === NOT_200) tests.push((a) => a.some((d) => answerOf(d.response).tone !== 'ok'));
  else if (answer !== undefined) tests.push((a) => a.some((d) => answerOf(d.response).answer === answer));
  if (duplicates !== undefined) {
    tests.push((a) => (a.length > 1 || a.some((d) => d.duplicate)) === (duplicates === 'only'));
  }
  if (q !== undefined) {
    // A regular expression with the i flag searches without copying each body in lower case.
    const needle = new RegExp(q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
    tests.push((a) =>
      a.some((d) => needle.test(d.body) || needle.test(d.path) || needle.test(d.eventId ?? '')),
    );
  }
  return (attempts) => tests.every((t) => t(attempts));
}

function bump(map: Map<string, number>, key: string, by: number): void {
  const next = (map.get(key) ?? 0) + by;
  if (next <= 0) map.delete(key);
  else map.set(key, next);
}

function byCount(a: { count: number }, b: { count: number }): number {
  return b.count - a.count;
}
