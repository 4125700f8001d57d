import type { Outcome, TlsReason } from './types.js';

const TLS_WORDS: Record<TlsReason, string> = {
  'self-signed': 'the certificate is self-signed',
  expired: 'the certificate has expired (or is not valid yet)',
  'hostname-mismatch': 'the certificate does not name this host',
  'unknown-ca': 'the certificate was issued by an authority the Console does not trust',
  other: 'the TLS handshake failed',
};

type Explainer<T extends Outcome['type']> = (outcome: Extract<Outcome, { type: T }>) => string;

/** Why this outcome counts as a failure, in the Console's terms (the first half of the sentence). */
const WHY: { [T in Outcome['type']]: Explainer<T> } = {
  delivered: () => 'the Console counts 200 as delivered',
  status: (o) =>
    o.status >= 300 && o.status < 400
      ? `the Console does not follow redirects and treats ${o.status} as a failure`
      : `the Console treats ${o.status} as a failure (only 200 counts as delivered)`,
  timeout: () => 'no complete answer arrived within the timeout, so the Console abandons this attempt',
  dns: () => 'the host name does not resolve, so the Console cannot reach the destination',
  refused: () => 'the connection was refused (nothing listens on that port)',
  reset: () => 'the connection was closed before a complete answer arrived',
  tls: (o) =>
    `${TLS_WORDS[o.reason]}, so the Console rejects the handshake unless "disable SSL verification" is on`,
  protocol: () => 'the answer is not valid HTTP, so the Console counts a failure',
  network: (o) => `the connection failed (${o.code})`,
};

/**
 * One sentence on what the real Console does after this attempt.
 *
 * @example explainOutcome({ type: 'status', status: 204 }, { attempt: 2, maxAttempts: 5 })
 * // 'the Console treats 204 as a failure (only 200 counts as delivered) and will send this event 3 more times'
 */
export function explainOutcome(outcome: Outcome, context: { attempt: number; maxAttempts: number }): string {
  const why = (WHY[outcome.type] as Explainer<Outcome['type']>)(outcome as never);
  if (outcome.type === 'delivered') return `${why} and sends nothing more for this event`;
  const left = Math.max(0, context.maxAttempts - context.attempt);
  if (left === 0)
    return `${why}; that was attempt ${context.attempt} of ${context.maxAttempts}, so it gives up`;
  return `${why} and will send this event ${left} more time${left === 1 ? '' : 's'}`;
}
