/**
 * Delivery records in words, for matcher failure messages: which event went where, and what
 * each attempt got, one line per attempt with the Console's reading of it.
 */
import { explainOutcome } from '../delivery/explain.js';
import type { AttemptRecord, DeliveryRecord } from '../delivery/types.js';

/** `alert_triggered 3f2a... to http://127.0.0.1:41234/hook` */
export function describeDelivery(record: DeliveryRecord): string {
  const type = record.eventType ?? 'an event of unknown type';
  const id = record.eventId === null ? '' : ` (event_id ${record.eventId})`;
  return `${type}${id} to ${record.url}`;
}

/** One line per attempt: number, label, status or error code, duration, and what the Console does next. */
export function describeAttempts(record: DeliveryRecord, maxAttempts?: number): string {
  if (record.attempts.length === 0) return '  (no attempt was made)';
  const max = maxAttempts ?? Math.max(5, record.attempts.length);
  return record.attempts.map((a) => `  ${describeAttempt(a, max)}`).join('\n');
}

function describeAttempt(attempt: AttemptRecord, maxAttempts: number): string {
  const detail = [
    attempt.errorCode,
    `${Math.round(attempt.durationMs)} ms`,
    attempt.waitBeforeMs > 0 ? `after a ${Math.round(attempt.waitBeforeMs)} ms wait` : undefined,
  ]
    .filter((s) => s !== undefined)
    .join(', ');
  const why = explainOutcome(attempt.outcome, { attempt: attempt.attempt, maxAttempts });
  const body = attempt.responseSnippet
    ? `\n     body: ${JSON.stringify(attempt.responseSnippet.slice(0, 120))}`
    : '';
  return `attempt ${attempt.attempt}: ${attempt.label} (${detail}): ${why}${body}`;
}

/** True when `value` looks like a DeliveryRecord (the matchers check what they are given). */
export function isDeliveryRecord(value: unknown): value is DeliveryRecord {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<DeliveryRecord>;
  return typeof v.result === 'string' && Array.isArray(v.attempts) && typeof v.url === 'string';
}
