/**
 * Allowances for timing bounds, taken from this process's measured event-loop delay instead of
 * a fixed margin. A timer fires late by as long as the loop was blocked or the process was not
 * scheduled (both cores busy, other test files running); `monitorEventLoopDelay` samples exactly
 * that. An upper bound on a duration is then "the planned time plus what this machine made us
 * wait", which holds on an idle laptop and under load alike, and still fails when the code waits
 * for something it should not (a receiver's delay instead of its own timeout).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** How often the loop is sampled: well below the timings the tests bound. */
const RESOLUTION_MS = 10;

export interface LagWatch {
  /**
   * The slack one timed step may need, in ms: twice the longest delay the loop showed since the
   * watch started (an event usually takes two turns of the loop, the timer and the I/O after it),
   * and never less than two sampling intervals.
   */
  allowanceMs(): number;
  /** The longest delay seen so far, in ms (for messages). */
  maxDelayMs(): number;
  stop(): void;
}

/** Starts sampling the event loop now; read the allowance after the timed work. */
export function watchLag(): LagWatch {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  // An empty histogram reports a huge minimum and a max of 0: read it as one interval.
  const maxDelayMs = () => Math.max(histogram.max / 1e6, RESOLUTION_MS);
  return {
    maxDelayMs,
    allowanceMs: () => Math.ceil(2 * maxDelayMs()),
    stop: () => histogram.disable(),
  };
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
