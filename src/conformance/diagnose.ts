/**
 * The delivery diagnosis (src/delivery/diagnose.ts) read from a probe's exchange: its single
 * attempt, its body size and the credentials it carried.
 */
import {
  isAccepted as accepted,
  type Cause,
  diagnose as diagnoseAttempt,
  bodyExcerpt as excerptOf,
  type Hint,
  bodyLimitCause as limitCause,
  refusalCause as refusal,
  refusalWords as refusalOf,
  type Subject,
} from '../delivery/diagnose.js';
import { attemptOf } from './exchange.js';
import type { Exchange, TargetInfo } from './types.js';

export { timeoutWords } from '../delivery/diagnose.js';
export type { Hint };

const subjectOf = (x: Exchange): Subject => ({
  attempt: attemptOf(x),
  bodyBytes: x.record.bodyBytes,
  credentials: x.auth,
});

export const diagnose = (x: Exchange, target: TargetInfo, hint?: Hint): Cause =>
  diagnoseAttempt(subjectOf(x), target, hint);
export const isAccepted = (x: Exchange): boolean => accepted(subjectOf(x));
export const refusalWords = (x: Exchange): string | undefined => refusalOf(subjectOf(x));
export const bodyExcerpt = (x: Exchange): string | undefined => excerptOf(subjectOf(x));
export const refusalCause = (x: Exchange, target: TargetInfo, words: string): Cause =>
  refusal(subjectOf(x), target, words);
export const bodyLimitCause = (x: Exchange, sizes: { refusedBytes: number; acceptedBytes?: number }): Cause =>
  limitCause(subjectOf(x), sizes);
