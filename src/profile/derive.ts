/**
 * The sender profile as a pure function of what the receiver observed: per event the waits
 * between attempts, how long the sender held on to an unanswered request, its headers, how it
 * writes bodies, whether it followed a redirect, how many connections it opened at once.
 * No sockets and no clock of its own (`nowMs` comes in), so it is tested as tables.
 */
import { describeDifferences } from './differences.js';
import { headerFacts } from './headers.js';
import {
  type BodyFacts,
  type BodyForm,
  type EventWaits,
  PROFILE_VERSION,
  type Probe,
  type SenderProfile,
} from './types.js';

/** One request as the receiver saw and answered it. Times are ms on one clock (any origin). */
export interface Observation {
  /** The event's key (event_id, or a hash of the body); null for a request without a body. */
  key: string | null;
  probe: Probe | 'none' | 'redirect-target';
  eventType: string | null;
  method: string;
  httpVersion: string;
  /** [name as written, value] in the order sent, credentials redacted. */
  headers: (readonly [string, string])[];
  /** How the body was written; null when it was not JSON. */
  body: BodyFacts | null;
  arrivedMs: number;
  /** When the exchange ended: the answer sent, or the sender closing the connection first. */
  endedMs: number;
  /** The sender closed the connection before the answer was complete. */
  abandoned: boolean;
  /** `status-503`, `hang`, `status-302`, `status-200`, ... */
  answer: string;
}

export interface DeriveContext {
  /** The sender's time scale: every measured duration is divided by it. */
  timeScale: number;
  /** Now, on the observations' clock: decides which events have settled. */
  nowMs: number;
  updatedAt: string;
  version: string;
  maxConcurrentConnections: number;
  maxConcurrentRequests: number;
}

/** A sender quiet this long after an event's last failure (unscaled) has given up on it, when nothing better is known. */
const SETTLE_FLOOR_MS = 60_000;
/** The label of the one answer after which a sender sends nothing more. */
const DELIVERED = 'status-200';

/**
 * Derives the profile from the observations so far.
 *
 * @example
 * const profile = deriveProfile(observations, { timeScale: 1, nowMs: performance.now(), ... });
 * profile.waitsMs.summary; // [2003, 4001, 8002, 16001]
 */
export function deriveProfile(observations: readonly Observation[], ctx: DeriveContext): SenderProfile {
  const scale = (ms: number) => Math.round(ms / ctx.timeScale);
  const deliveries = observations.filter((o) => o.probe !== 'redirect-target');
  const events = groupByKey(deliveries);
  const { summary, jitter } = summarizeWaits(events, scale);
  const longestSummary = Math.max(0, ...summary);
  const perEvent = events.map((attempts) => eventWaits(attempts, scale, ctx, longestSummary));
  const hangs = observations.filter((o) => o.answer === 'hang');
  const timeoutSamplesMs = hangs.filter((o) => o.abandoned).map((o) => scale(o.endedMs - o.arrivedMs));
  const answeredHangs = hangs.filter((o) => !o.abandoned).map((o) => scale(o.endedMs - o.arrivedMs));
  const retried = perEvent.filter((e) => e.probe === 'retry');
  const profile: SenderProfile = {
    profileVersion: PROFILE_VERSION,
    tool: { name: 'crowdsec-webhook-mock', version: ctx.version },
    updatedAt: ctx.updatedAt,
    timeScale: ctx.timeScale,
    deliveries: observations.length,
    events: events.length,
    waitsMs: { summary, jitter, perEvent },
    maxAttempts: retried.length > 0 ? Math.max(...retried.map((e) => e.attempts)) : null,
    timeoutMs: timeoutSamplesMs.length > 0 ? median(timeoutSamplesMs) : null,
    timeoutSamplesMs,
    timeoutLongerThanMs:
      timeoutSamplesMs.length === 0 && answeredHangs.length > 0 ? Math.max(...answeredHangs) : null,
    // Only requests that carried an event: a health check through a tunnel is not the sender.
    ...headerFacts(deliveries.filter((o) => o.key !== null).map((o) => o.headers)),
    form: null,
    bodyForms: bodyForms(deliveries),
    redirects: redirects(observations, events),
    maxConcurrentConnections: ctx.maxConcurrentConnections,
    maxConcurrentRequests: ctx.maxConcurrentRequests,
    httpVersions: [...new Set(observations.map((o) => o.httpVersion))].sort(),
    differences: [],
  };
  profile.form = describeForms(profile.bodyForms);
  profile.differences = describeDifferences(profile);
  return profile;
}

/** Attempts of each event, in order of arrival; events in order of their first attempt. */
function groupByKey(deliveries: readonly Observation[]): Observation[][] {
  const byKey = new Map<string, Observation[]>();
  for (const o of deliveries) {
    if (o.key === null) continue;
    const list = byKey.get(o.key);
    if (list) list.push(o);
    else byKey.set(o.key, [o]);
  }
  const events = [...byKey.values()].map((list) => [...list].sort((a, b) => a.arrivedMs - b.arrivedMs));
  return events.sort((a, b) => (a[0] as Observation).arrivedMs - (b[0] as Observation).arrivedMs);
}

/** The wait before each attempt after the first: end of the previous exchange to this arrival. */
function waitsOf(attempts: readonly Observation[], scale: (ms: number) => number): number[] {
  const waits: number[] = [];
  for (let i = 1; i < attempts.length; i++) {
    const prev = attempts[i - 1] as Observation;
    waits.push(Math.max(0, scale((attempts[i] as Observation).arrivedMs - prev.endedMs)));
  }
  return waits;
}

/**
 * Each position's median over the waits that followed an answer given at once. A wait after a
 * hang is left out: a sender that counts its waits from the start of an attempt would show the
 * timeout in it.
 */
function summarizeWaits(
  events: readonly Observation[][],
  scale: (ms: number) => number,
): { summary: number[]; jitter: number | null } {
  const samples: number[][] = [];
  for (const attempts of events) {
    const waits = waitsOf(attempts, scale);
    waits.forEach((wait, i) => {
      if ((attempts[i] as Observation).answer === 'hang') return;
      samples[i] = [...(samples[i] ?? []), wait];
    });
  }
  const summary: number[] = [];
  const deviations: number[] = [];
  for (const position of samples) {
    // A gap (no sample at this position) ends the schedule: later positions would shift.
    if (!position || position.length === 0) break;
    const m = median(position);
    summary.push(m);
    if (position.length >= 2 && m > 0) deviations.push(...position.map((s) => Math.abs(s - m) / m));
  }
  // Twice the median deviation: about the ± fraction of a uniform jitter, and one exchange
  // slowed by a busy machine does not make a jitter of a sender that has none.
  const jitter = deviations.length > 0 ? Math.round(medianOf(deviations) * 2 * 1000) / 1000 : null;
  return { summary, jitter };
}

function eventWaits(
  attempts: readonly Observation[],
  scale: (ms: number) => number,
  ctx: DeriveContext,
  longestSummaryMs: number,
): EventWaits {
  const first = attempts[0] as Observation;
  const last = attempts.at(-1) as Observation;
  const waitsMs = waitsOf(attempts, scale);
  const longest = Math.max(0, ...waitsMs) || longestSummaryMs || SETTLE_FLOOR_MS;
  const quietMs = scale(ctx.nowMs - last.endedMs);
  return {
    key: first.key as string,
    eventType: first.eventType,
    probe: first.probe === 'redirect-target' ? 'none' : first.probe,
    attempts: attempts.length,
    waitsMs,
    answers: attempts.map((a) => a.answer),
    settled: last.answer === DELIVERED || quietMs > 2 * longest,
  };
}

function bodyForms(deliveries: readonly Observation[]): Record<string, BodyForm> {
  const forms: Record<string, BodyForm> = {};
  for (const o of deliveries) {
    if (!o.body) continue;
    const type = o.eventType ?? '(not an event)';
    const known = forms[type];
    if (known) known.count++;
    else forms[type] = { ...o.body, count: 1 };
  }
  return forms;
}

/** The forms in a few words: the most common one, the types that differ, the spacing. */
export function describeForms(forms: Record<string, BodyForm>): string | null {
  const entries = Object.entries(forms).filter(([, f]) => f.form !== null);
  if (entries.length === 0) return null;
  const count = (form: string) => entries.filter(([, f]) => f.form === form).length;
  const main = count('wrapped') >= count('flat') ? 'wrapped' : 'flat';
  const others = entries.filter(([, f]) => f.form !== main).map(([type, f]) => `${type}: ${f.form}`);
  const spacing = entries.every(([, f]) => f.compact) ? 'compact JSON' : 'JSON with whitespace';
  return `${main}${others.length > 0 ? ` (${others.join(', ')})` : ''}; ${spacing}`;
}

function redirects(
  observations: readonly Observation[],
  events: readonly Observation[][],
): SenderProfile['redirects'] {
  const follow = observations.find((o) => o.probe === 'redirect-target');
  if (follow) return { followed: true, method: follow.method };
  const retriedInstead = events.some((attempts) => attempts[0]?.probe === 'redirect' && attempts.length > 1);
  return { followed: retriedInstead ? false : null, method: null };
}

/** The median, rounded to whole ms (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  return Math.round(medianOf(values));
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
