/**
 * Waiting in tests. Where something announces itself (an 'exit', a server's request, a
 * receiver's onDelivery), a test awaits that event. Where nothing does (another process's
 * output, a container's health, a log line arriving through a pipe), `waitUntil` checks the
 * condition again and again until it holds, and fails loudly when the deadline passes: with
 * what it waited for and what it saw last, never by running on into a confusing assertion.
 */
import { setTimeout as delay } from 'node:timers/promises';

export interface WaitOptions {
  /**
   * How long to keep checking. Generous: a deadline bounds a test that would otherwise hang,
   * it is not a measurement, and both cores may be busy.
   * @default 15_000
   */
  timeoutMs?: number;
  /** @default 25 */
  everyMs?: number;
  /** What was there instead, for the failure message (e.g. the output read so far). */
  seen?: () => string | Promise<string>;
}

/** Thrown when a wait's deadline passes; its message says what was awaited and what was seen. */
export class WaitTimeoutError extends Error {
  override name = 'WaitTimeoutError';
}

/**
 * Resolves with the first truthy value `check` returns. An error thrown by `check` ends the
 * wait at once (say, the process being watched exited), so a wait never outlives its cause.
 *
 * @example await waitUntil('the URL line', () => /http:\S+/.exec(out()), { seen: out })
 */
export async function waitUntil<T>(
  what: string,
  check: () => T | Promise<T>,
  options: WaitOptions = {},
): Promise<NonNullable<T>> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (performance.now() >= deadline) {
      const seen = options.seen ? `; last seen:\n${await options.seen()}` : '';
      throw new WaitTimeoutError(`waited ${timeoutMs} ms for ${what}${seen}`);
    }
    await delay(options.everyMs ?? 25);
  }
}

/**
 * Awaits an event's promise, failing loudly with what was awaited when it has not come by the
 * deadline (instead of the test's own timeout, which says nothing of what was missing).
 *
 * @example const code = await within('the sender to exit', exited, { seen: () => stderr })
 */
export async function within<T>(what: string, event: Promise<T>, options: WaitOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const controller = new AbortController();
  const deadline = delay(timeoutMs, undefined, { signal: controller.signal }).then(
    async () => {
      const seen = options.seen ? `; last seen:\n${await options.seen()}` : '';
      throw new WaitTimeoutError(`waited ${timeoutMs} ms for ${what}${seen}`);
    },
    () => undefined as never,
  );
  try {
    return await Promise.race([event, deadline]);
  } finally {
    controller.abort();
  }
}
