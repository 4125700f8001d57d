import { rootCertificates } from 'node:tls';
import got from 'got';
import { InvalidOptionError } from '../errors.js';
import { redactUrl } from '../util/redact.js';
import type { AttemptPlan } from './attempt.js';
import { backoffDelaysMs } from './backoff.js';
import { DEFAULTS } from './defaults.js';
import { buildRequestIdentity, splitUrlCredentials } from './headers.js';
import { checkDestination } from './ports.js';
import type { DeliveryOptions } from './types.js';

/** A destination and policy checked once, reused by every delivery to it. */
export interface DeliveryPlan extends AttemptPlan {
  /** The destination as shown in records (credentials redacted). */
  shownUrl: string;
  maxAttempts: number;
  /** Waits before attempts 2..n, already time-scaled. */
  delaysMs: number[];
  /** Multiplies every wait and the timeout (and a replay's recorded gaps). */
  timeScale: number;
  redactedHeaders: Record<string, string>;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * Validates the options where they enter the library and prepares everything that does not
 * change between deliveries. Throws InvalidUrlError, PortNotAllowedError or InvalidOptionError
 * before anything is sent.
 */
export function planDelivery(options: DeliveryOptions): DeliveryPlan {
  const timeScale = positive('timeScale', options.timeScale ?? DEFAULTS.timeScale);
  const timeoutMs = positive('timeoutMs', options.timeoutMs ?? DEFAULTS.timeoutMs);
  const maxAttempts = wholeNumber('maxAttempts', options.maxAttempts ?? DEFAULTS.maxAttempts, 1, 100);
  const maxResponseBytes = wholeNumber(
    'maxResponseBytes',
    options.maxResponseBytes ?? DEFAULTS.maxResponseBytes,
    1,
    64 * 1024 * 1024,
  );
  checkBackoff(options);
  const destination = checkDestination(options.url, { allowAnyPort: options.allowAnyPort ?? false });
  const { url, auth } = splitUrlCredentials(destination.url, options.auth);
  const identity = buildRequestIdentity(auth, options.headers);
  const scaledTimeoutMs = Math.max(1, Math.round(timeoutMs * timeScale));
  const insecure = options.insecure ?? false;
  const client = got.extend({
    retry: { limit: 0 },
    followRedirect: false,
    throwHttpErrors: false,
    decompress: false,
    timeout: { request: scaledTimeoutMs },
    // got adds a User-Agent of its own unless told not to: a sender profile may have none.
    headers: { 'user-agent': undefined, ...identity.headers },
    https: {
      rejectUnauthorized: !insecure,
      // Node's `ca` replaces the default roots; the option means "also trust", so keep them.
      ...(options.ca === undefined
        ? {}
        : { certificateAuthority: [...rootCertificates, ...[options.ca].flat()] }),
    },
  });
  return {
    client,
    url: url.href,
    shownUrl: redactUrl(destination.url),
    maxResponseBytes,
    secrets: identity.secrets,
    now: options.now ?? (() => performance.now()),
    sleep: options.sleep ?? sleep,
    maxAttempts,
    delaysMs: backoffDelaysMs(options.backoff, maxAttempts, timeScale),
    timeScale,
    redactedHeaders: identity.redactedHeaders,
  };
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function checkBackoff(options: DeliveryOptions): void {
  const b = options.backoff ?? {};
  for (const d of b.delaysMs ?? []) nonNegative('backoff.delaysMs', d);
  if (b.baseMs !== undefined) nonNegative('backoff.baseMs', b.baseMs);
  if (b.factor !== undefined) positive('backoff.factor', b.factor);
  if (b.maxMs !== undefined) nonNegative('backoff.maxMs', b.maxMs);
  if (b.jitter !== undefined && !(b.jitter >= 0 && b.jitter <= 1)) {
    throw new InvalidOptionError(`backoff.jitter: ${b.jitter} is out of range (allowed: 0 to 1)`);
  }
}

function positive(name: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidOptionError(`${name}: ${String(value)} is not allowed (a number above 0)`);
  }
  return value;
}

function nonNegative(name: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidOptionError(`${name}: ${String(value)} is not allowed (a number, 0 or more)`);
  }
  return value;
}

function wholeNumber(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidOptionError(
      `${name}: ${String(value)} is not allowed (a whole number from ${min} to ${max})`,
    );
  }
  return value;
}
