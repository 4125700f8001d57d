/**
 * `withFakeTimers()`: runs the delivery policy on vitest's fake clock. The waits between
 * attempts (1 s, 2 s, 4 s, 8 s by default) pass in fake time, instantly, while each attempt's
 * HTTP exchange stays real. The helper hands out a `now` and a `sleep` to pass to `deliver()`
 * or `sendMany()`: each wait advances the fake clock by exactly its length, so attempt start
 * offsets come out exactly on the schedule.
 */
import { vi } from 'vitest';

/**
 * What {@link withFakeTimers} gives the function it runs.
 * @example
 * ```ts
 * await withFakeTimers(async (clock) => {
 *   await deliver(event, { url, allowAnyPort: true, ...clock.options });
 *   clock.waits; // [1000, 2000, 4000, 8000] against a receiver that answers 503
 * });
 * ```
 */
export interface FakeTimersClock {
  /** The fake clock, in ms. Pass it as `now` in the delivery options. */
  now: () => number;
  /** Waits on the fake clock, advancing it by `ms`. Pass it as `sleep` in the delivery options. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** `{ now, sleep }`, to spread into delivery options. */
  options: { now: () => number; sleep: (ms: number, signal?: AbortSignal) => Promise<void> };
  /** Every wait the policy asked for, in order, in ms. */
  readonly waits: readonly number[];
  /** Fake ms elapsed since the helper started. */
  elapsedMs: () => number;
}

/**
 * Options of {@link withFakeTimers}.
 * @example
 * ```ts
 * await withFakeTimers((clock) => deliver(event, { url, ...clock.options }), { idleMs: 500 });
 * ```
 */
export interface WithFakeTimersOptions {
  /**
   * When no wait is pending and nothing has happened for this long (real ms), the fake clock
   * jumps to its next timer: that is how an attempt against a receiver that never answers
   * reaches its (fake) 30 s timeout at once. Keep it well above a local round trip.
   * @default 250
   */
  idleMs?: number;
}

/**
 * Runs `fn` with vitest's fake timers on (`setTimeout`, `clearTimeout` and `Date`), then puts
 * real timers back (unless they were already fake when it started).
 *
 * @example
 * ```ts
 * const record = await withFakeTimers((clock) =>
 *   deliver(generateEvent('alert_triggered'), { url: receiver.url, allowAnyPort: true, ...clock.options }),
 * );
 * expect(record).toHaveAttempts(5);
 * expect(record.attempts.map((a) => a.startOffsetMs - record.attempts[0]!.startOffsetMs)).toEqual([0, 1000, 3000, 7000, 15000]);
 * ```
 */
export async function withFakeTimers<T>(
  fn: (clock: FakeTimersClock) => Promise<T>,
  options: WithFakeTimersOptions = {},
): Promise<T> {
  const idleMs = options.idleMs ?? 250;
  // The watchdog must keep real time: take the real setTimeout before faking it.
  const realSetTimeout = globalThis.setTimeout;
  const realClearTimeout = globalThis.clearTimeout;
  const wasFake = vi.isFakeTimers();
  if (!wasFake) vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  const start = Date.now();
  const waits: number[] = [];
  let sleeping = 0;
  let activity = 0;

  const sleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
    signal?.throwIfAborted();
    waits.push(ms);
    sleeping++;
    try {
      const done = new Promise<void>((resolve) => setTimeout(resolve, ms));
      await vi.advanceTimersByTimeAsync(ms);
      await done;
    } finally {
      sleeping--;
      activity++;
    }
    signal?.throwIfAborted();
  };
  const now = (): number => Date.now();
  const clock: FakeTimersClock = {
    now,
    sleep,
    options: { now, sleep },
    waits,
    elapsedMs: () => Date.now() - start,
  };

  let settled = false;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  const watch = (seen: number): void => {
    watchdog = realSetTimeout(() => {
      if (settled) return;
      if (sleeping === 0 && seen === activity && vi.getTimerCount() > 0) {
        activity++;
        void vi.advanceTimersToNextTimerAsync().then(() => watch(activity));
        return;
      }
      watch(activity);
    }, idleMs);
  };
  watch(activity);
  try {
    return await fn(clock);
  } finally {
    settled = true;
    realClearTimeout(watchdog);
    if (!wasFake) vi.useRealTimers();
  }
}
