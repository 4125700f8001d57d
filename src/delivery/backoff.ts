import { DEFAULTS } from './defaults.js';
import type { BackoffOptions } from './types.js';

/**
 * The waits before attempts 2..maxAttempts, in ms, already multiplied by `timeScale`.
 * Explicit `delaysMs` win (the last one repeats when there are more attempts); otherwise
 * base * factor^(n-1), capped at maxMs. Jitter spreads each wait by +/- jitter * wait, with an
 * injectable `random` so tests stay exact.
 *
 * @example backoffDelaysMs({}, 5, 1) // [1000, 2000, 4000, 8000]
 * @example backoffDelaysMs({}, 5, 0.01) // [10, 20, 40, 80]
 */
export function backoffDelaysMs(
  backoff: BackoffOptions = {},
  maxAttempts: number = DEFAULTS.maxAttempts,
  timeScale: number = DEFAULTS.timeScale,
  random: () => number = Math.random,
): number[] {
  const base = backoff.baseMs ?? DEFAULTS.backoffBaseMs;
  const factor = backoff.factor ?? DEFAULTS.backoffFactor;
  const maxMs = backoff.maxMs ?? DEFAULTS.backoffMaxMs;
  const jitter = backoff.jitter ?? DEFAULTS.jitter;
  const explicit = backoff.delaysMs && backoff.delaysMs.length > 0 ? backoff.delaysMs : undefined;
  const waits: number[] = [];
  for (let i = 0; i < Math.max(0, maxAttempts - 1); i++) {
    const planned = explicit
      ? (explicit[Math.min(i, explicit.length - 1)] as number)
      : Math.min(maxMs, base * factor ** i);
    const spread = jitter > 0 ? planned * jitter * (2 * random() - 1) : 0;
    waits.push(Math.max(0, (planned + spread) * timeScale));
  }
  return waits;
}
