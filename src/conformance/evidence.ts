/**
 * Turns recorded exchanges into evidence sentences: what was sent, what came back, what was
 * expected, and what the real Console would do next. Pure; every check builds on these.
 */
import { DEFAULTS } from '../delivery/defaults.js';
import { explainOutcome } from '../delivery/explain.js';
import type { Outcome } from '../delivery/types.js';
import { formatDurationMs } from '../util/duration.js';
import { formatBytes } from '../util/format-bytes.js';
import { truncate } from '../util/text.js';
import { diagnose, type Hint, isAccepted } from './diagnose.js';
import { attemptOf, outcomeOf } from './exchange.js';
import type { Cause, CheckOutcome, Evidence, Exchange, TargetInfo } from './types.js';

/** The Console's attempts per event: a probe is attempt 1 of these. */
const CONSOLE_MAX_ATTEMPTS: number = DEFAULTS.maxAttempts;

const AUTH_WORDS = {
  configured: '',
  none: ' without credentials',
  wrong: ' with wrong credentials',
} as const;

/** `POST alert_triggered (wrapped, event_id 1f0c…, 1.4 KiB)`. */
function describeSent(x: Exchange): string {
  const type = x.eventType ?? 'an unrecognised payload';
  const id = x.eventId ? `, event_id ${x.eventId}` : '';
  const form = x.form ? `${x.form}` : 'not an event';
  return `POST ${type} (${form}${id}, ${formatBytes(x.record.bodyBytes)})${AUTH_WORDS[x.auth]}`;
}

const RECEIVED: { [T in Outcome['type']]: (o: Extract<Outcome, { type: T }>, ms: string) => string } = {
  delivered: (_o, ms) => `200 after ${ms}`,
  status: (o, ms) => `${o.status} after ${ms}`,
  timeout: (_o, ms) => `no complete answer within ${ms} (timeout)`,
  dns: () => 'the host name did not resolve',
  refused: () => 'connection refused',
  reset: (_o, ms) => `connection closed without an answer after ${ms}`,
  tls: (o) => `TLS handshake failed (${o.reason})`,
  protocol: (_o, ms) => `a malformed answer after ${ms}`,
  network: (o) => `network error ${o.code}`,
};

/** `204 after 3ms, body "..."` or `connection refused`; `body: false` leaves the body out. */
export function describeReceived(x: Exchange, options: { body?: boolean } = {}): string {
  const attempt = attemptOf(x);
  const describe = RECEIVED[attempt.outcome.type] as (o: Outcome, ms: string) => string;
  const base = describe(attempt.outcome, formatDurationMs(attempt.durationMs));
  const code = attempt.errorCode && attempt.outcome.type !== 'status' ? ` [${attempt.errorCode}]` : '';
  const snippet = options.body === false ? undefined : attempt.responseSnippet?.trim();
  const body = snippet ? `, body ${JSON.stringify(truncate(snippet, 160))}` : '';
  return `${base}${code}${body}`;
}

/** What the real Console does after an answer like this one to a first attempt. */
export function consoleNext(x: Exchange): string {
  return explainOutcome(outcomeOf(x), { attempt: 1, maxAttempts: CONSOLE_MAX_ATTEMPTS });
}

/** Evidence for one exchange judged `ok` or not against `expected`. */
export function evidenceOf(x: Exchange, ok: boolean, expected: string, next?: string): Evidence {
  return {
    probe: x.label,
    ok,
    sent: describeSent(x),
    received: describeReceived(x),
    expected,
    consoleNext: next ?? consoleNext(x),
  };
}

/** Evidence for probes expected to be accepted (exactly 200); the failures come first. */
function acceptedEvidence(exchanges: readonly Exchange[], expected: string): Evidence[] {
  const evidence = exchanges.map((x) => evidenceOf(x, isAccepted(x), expected));
  return [...evidence.filter((e) => !e.ok), ...evidence.filter((e) => e.ok)];
}

/**
 * The common verdict of "every probe must be accepted" checks. A failure's cause is read from
 * its first refused probe; `hint` says what the check varied, for refusals of the content.
 */
export function allAccepted(
  exchanges: readonly Exchange[],
  target: TargetInfo,
  words: { pass: string; fail: (failed: number, total: number) => string },
  options: { expected?: string; hint?: Hint } = {},
): CheckOutcome {
  if (exchanges.length === 0) return { result: 'skip', reason: 'no probe was sent' };
  const evidence = acceptedEvidence(exchanges, options.expected ?? 'exactly 200 within the timeout');
  const refused = exchanges.filter((x) => !isAccepted(x));
  const first = refused[0];
  if (!first) return { result: 'pass', summary: words.pass, evidence };
  return {
    result: 'fail',
    summary: words.fail(refused.length, exchanges.length),
    evidence,
    cause: diagnose(first, target, options.hint),
  };
}

/**
 * A transport finding (port, address): a failure, or a warning when the run declared itself
 * local (`allowAnyPort`), where such a destination is expected.
 */
export function transportFinding(
  cause: Cause,
  evidence: Evidence,
  localRun: boolean,
  failSummary = cause.summary,
): CheckOutcome {
  return localRun
    ? {
        result: 'warn',
        summary: `${cause.summary}: fine for this local run (--allow-any-port)`,
        evidence: [evidence],
        cause,
      }
    : { result: 'fail', summary: failSummary, evidence: [evidence], cause };
}
