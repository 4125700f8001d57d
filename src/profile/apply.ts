/**
 * A profile in place of the emitter's assumed defaults: the delivery options it stands for.
 * Pure. What was not measured (no `retry` probe yet, no timeout seen) keeps the default.
 */
import type { BackoffOptions } from '../delivery/types.js';
import { formatDurationMs } from '../util/duration.js';
import { JITTER_NOISE } from './differences.js';
import type { SenderProfile } from './types.js';

/**
 * The delivery options a profile sets (the ones it measured).
 * @example await deliver(event, { url, ...senderProfileOptions(profile) })
 */
export interface ProfilePolicy {
  timeoutMs?: number;
  maxAttempts?: number;
  backoff?: BackoffOptions;
  headers?: Record<string, string>;
}

/**
 * Maps a profile to delivery options: its waits (`waitsMs.summary`, with its jitter when above
 * measurement noise), its attempts, its timeout and its constant headers.
 *
 * @example senderProfileOptions(profile) // { timeoutMs: 10000, maxAttempts: 5, backoff: { delaysMs: [2000, 4000, 8000, 16000] }, headers: {...} }
 */
export function senderProfileOptions(profile: SenderProfile): ProfilePolicy {
  const policy: ProfilePolicy = {};
  if (profile.timeoutMs !== null && profile.timeoutMs > 0) policy.timeoutMs = profile.timeoutMs;
  if (profile.maxAttempts !== null) policy.maxAttempts = Math.min(100, profile.maxAttempts);
  if (profile.waitsMs.summary.length > 0) {
    const jitter = profile.waitsMs.jitter;
    policy.backoff = {
      delaysMs: [...profile.waitsMs.summary],
      ...(jitter !== null && jitter >= JITTER_NOISE ? { jitter: Math.min(1, jitter) } : {}),
    };
  }
  // With no event seen, there are no headers to stand for: keep the emitter's.
  if (profile.events > 0) policy.headers = { ...profile.headers };
  return policy;
}

/** One line saying what a profile sets, for the command line. */
export function describePolicy(policy: ProfilePolicy): string {
  const parts: string[] = [];
  const waits = policy.backoff?.delaysMs;
  if (waits) parts.push(`waits ${waits.map(formatDurationMs).join(', ')}`);
  if (policy.backoff?.jitter !== undefined)
    parts.push(`jitter ±${Math.round(policy.backoff.jitter * 100)} %`);
  if (policy.maxAttempts !== undefined) parts.push(`${policy.maxAttempts} attempts`);
  if (policy.timeoutMs !== undefined) parts.push(`timeout ${formatDurationMs(policy.timeoutMs)}`);
  if (policy.headers) parts.push(`headers ${Object.keys(policy.headers).join(', ') || '(none)'}`);
  return parts.length > 0 ? parts.join('; ') : 'nothing measured yet: the defaults stand';
}
