/**
 * Allowances for timing bounds, taken from this process's measured event-loop delay instead of
 * a fixed margin. A timer fires late by as long as the loop was blocked or the process was not
 * scheduled (both cores busy, other test files running), which `watchLoopDelay` samples. An
 * upper bound on a duration is then "the planned time plus what this machine made us wait":
 * it holds on an idle laptop and under load alike, and still fails when the code waits for
 * something it should not (a receiver's delay instead of its own timeout).
 */
import { watchLoopDelay } from '../../src/util/loop-delay.js';

export interface LagWatch {
  /**
   * The slack one timed step may need, in ms: twice the longest delay the loop showed since the
   * watch started (an event usually takes two turns of the loop, the timer and the I/O after it).
   */
  allowanceMs(): number;
  stop(): void;
}

/** Starts sampling the event loop now; read the allowance after the timed work. */
export function watchLag(): LagWatch {
  const watch = watchLoopDelay();
  return { allowanceMs: () => Math.ceil(2 * watch.maxDelayMs()), stop: watch.stop };
}

/**
 * Measures the loop for `windowMs` of idle time and returns the watch (stopped): the allowance
 * to give work that has not started yet, such as a margin a time scale must keep.
 */
export async function measureLag(windowMs = 1_000): Promise<LagWatch> {
  const watch = watchLag();
  await new Promise((resolve) => setTimeout(resolve, windowMs));
  watch.stop();
  return watch;
}
