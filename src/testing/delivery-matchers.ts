/**
 * The delivery matchers as plain functions (no vitest import): `toHaveBeenDelivered` and
 * `toHaveAttempts`. src/testing/vitest.ts installs them with `expect.extend`.
 */
import type { DeliveryRecord } from '../delivery/types.js';
import { describeAttempts, describeDelivery, isDeliveryRecord } from './describe-delivery.js';

/** What a matcher returns to vitest: the verdict and a message read when the assertion fails. */
export interface MatcherResult {
  pass: boolean;
  message: () => string;
  actual?: unknown;
  expected?: unknown;
}

/** The part of vitest's matcher state the messages need. */
export interface MatcherContext {
  isNot: boolean;
}

function notARecord(matcher: string, received: unknown): MatcherResult {
  const shown = received === null || typeof received !== 'object' ? String(received) : 'another object';
  return {
    pass: false,
    message: () =>
      `${matcher}() expects a DeliveryRecord (what deliver() returns, or one of sendMany().deliveries), got ${shown}`,
  };
}

/** Passes when the delivery ended `delivered` (some attempt got 200 exactly). */
export function toHaveBeenDelivered(this: MatcherContext, received: unknown): MatcherResult {
  if (!isDeliveryRecord(received)) return notARecord('toHaveBeenDelivered', received);
  const record: DeliveryRecord = received;
  const pass = record.result === 'delivered';
  const n = record.attempts.length;
  return {
    pass,
    actual: record.result,
    expected: 'delivered',
    message: () =>
      pass
        ? `expected ${describeDelivery(record)} not to have been delivered, but attempt ${n} got 200:\n${describeAttempts(record)}`
        : `expected ${describeDelivery(record)} to have been delivered, but it ended ${record.result} after ${n} attempt${n === 1 ? '' : 's'}:\n${describeAttempts(record)}`,
  };
}

/** Passes when the delivery took exactly `count` attempts. */
export function toHaveAttempts(this: MatcherContext, received: unknown, count: number): MatcherResult {
  if (!Number.isInteger(count) || count < 0) {
    return { pass: false, message: () => `toHaveAttempts(n) expects a whole number, got ${String(count)}` };
  }
  if (!isDeliveryRecord(received)) return notARecord('toHaveAttempts', received);
  const record: DeliveryRecord = received;
  const n = record.attempts.length;
  const pass = n === count;
  const labels = record.attempts.map((a) => a.label).join(', ');
  return {
    pass,
    actual: n,
    expected: count,
    message: () =>
      `expected ${describeDelivery(record)} ${pass ? 'not ' : ''}to have taken ${count} attempt${count === 1 ? '' : 's'}, ` +
      `but it took ${n} (${labels || 'none'}) and ended ${record.result}:\n${describeAttempts(record)}`,
  };
}
