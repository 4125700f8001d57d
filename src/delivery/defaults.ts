/**
 * The Console's delivery policy as numbers. The timeout, the attempt count and the allowed
 * ports come from the Console's webhook page; the waits are unpublished, so the default is
 * CrowdSec's own notification plugins' doubling from 1 s (an assumption, said in the README).
 */
export const DEFAULTS = {
  /** Whole-exchange timeout of one attempt (DNS, connect, TLS, headers, body). */
  timeoutMs: 30_000,
  /** Attempts in all ("up to 5 times"). */
  maxAttempts: 5,
  /** Response bytes read at most; the rest is discarded unread. */
  maxResponseBytes: 65_536,
  /** Characters of the response kept in an attempt record. */
  snippetChars: 512,
  /** First wait, before attempt 2. */
  backoffBaseMs: 1000,
  /** Each wait is the previous one times this. */
  backoffFactor: 2,
  /** No single wait longer than this. */
  backoffMaxMs: 60_000,
  /** No jitter unless asked: the Console's is unknown. */
  jitter: 0,
  /** Multiplies every wait and the timeout. */
  timeScale: 1,
  /** Deliveries in flight at once in sendMany. */
  concurrency: 10,
} as const;
