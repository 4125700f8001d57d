/** Reading one probe's record: its single attempt, its outcome, its status. */
import type { AttemptRecord, Outcome } from '../delivery/types.js';
import type { Exchange } from './types.js';

const NO_ATTEMPT: AttemptRecord = {
  attempt: 1,
  startOffsetMs: 0,
  durationMs: 0,
  waitBeforeMs: 0,
  outcome: { type: 'network', code: 'NOT_SENT' },
  label: 'not-sent',
};

/** The single attempt of a probe (a record without one reads as "not sent"). */
export function attemptOf(x: Exchange): AttemptRecord {
  return x.record.attempts[0] ?? NO_ATTEMPT;
}

export function outcomeOf(x: Exchange): Outcome {
  return attemptOf(x).outcome;
}

/** Exactly 200: the only answer the Console counts as delivered. */
export function isDelivered(x: Exchange): boolean {
  return outcomeOf(x).type === 'delivered';
}

/** The HTTP status, when an answer arrived. */
export function statusOf(x: Exchange): number | undefined {
  const outcome = outcomeOf(x);
  return outcome.type === 'status' || outcome.type === 'delivered' ? outcome.status : attemptOf(x).status;
}
