import { formatDurationMs } from '../util/duration.js';
import { type Paint, plain } from '../util/style.js';
import { explainOutcome } from './explain.js';
import type { AttemptRecord, DeliveryRecord, SendSummary } from './types.js';

/**
 * A delivery as lines for people: a heading, then one line per attempt (`attempt n at +t:
 * outcome, duration`) with what the Console does next.
 *
 * @example formatDelivery(record, { maxAttempts: 5 }).join('\n')
 */
export function formatDelivery(
  record: DeliveryRecord,
  options: { maxAttempts: number; paint?: Paint },
): string[] {
  const paint = options.paint ?? plain;
  const color = record.result === 'delivered' ? 'green' : record.result === 'failed' ? 'red' : 'yellow';
  const n = record.attempts.length;
  const who = `${record.eventType ?? 'event'} ${record.eventId ?? '(no event_id)'}`;
  const heading = `${paint('bold', who)}: ${paint(color, record.result)} after ${n} attempt${n === 1 ? '' : 's'} (${formatDurationMs(record.durationMs)})`;
  return [heading, ...record.attempts.map((a) => `  ${formatAttempt(a, options.maxAttempts, paint)}`)];
}

/** One attempt: `attempt 2 at +1.01s: status-503, 3ms (the Console ... 3 more times)`. */
export function formatAttempt(attempt: AttemptRecord, maxAttempts: number, paint: Paint = plain): string {
  const ok = attempt.outcome.type === 'delivered';
  const label = paint(ok ? 'green' : 'red', attempt.label);
  const code =
    attempt.errorCode && !attempt.label.includes(attempt.errorCode) ? ` [${attempt.errorCode}]` : '';
  const why = explainOutcome(attempt.outcome, { attempt: attempt.attempt, maxAttempts });
  return `attempt ${attempt.attempt} at +${formatDurationMs(attempt.startOffsetMs)}: ${label}${code}, ${formatDurationMs(attempt.durationMs)} ${paint('gray', `(${why})`)}`;
}

/** The run in one line: `10 sent: 9 delivered, 1 failed, 0 interrupted; 14 attempts in 3.2s`. */
export function formatSummary(summary: Omit<SendSummary, 'deliveries'>, paint: Paint = plain): string {
  const failed = summary.failed > 0 ? paint('red', `${summary.failed} failed`) : `${summary.failed} failed`;
  const interrupted =
    summary.interrupted > 0
      ? paint('yellow', `${summary.interrupted} interrupted`)
      : `${summary.interrupted} interrupted`;
  return `${summary.sent} sent: ${paint('green', `${summary.delivered} delivered`)}, ${failed}, ${interrupted}; ${summary.attempts} attempt${summary.attempts === 1 ? '' : 's'} in ${formatDurationMs(summary.durationMs)}`;
}
