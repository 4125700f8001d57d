import { monitorEventLoopDelay } from 'node:perf_hooks';

/** How often the loop is sampled: well below the scaled timings a scenario judges. */
const RESOLUTION_MS = 10;

export interface LoopDelayWatch {
  /**
   * The longest gap between two samples since the watch started, in ms (at least one sampling
   * interval). A timer that was due while the loop was blocked, or while the process was not
   * scheduled, fired late by at most this much.
   */
  maxDelayMs(): number;
  stop(): void;
}

/**
 * Starts sampling this process's event loop: how late its timers run is a property of the
 * machine at that moment (other work on the cores, this process's own bursts), so a judgement
 * on measured times allows for what was measured rather than a guess.
 */
export function watchLoopDelay(): LoopDelayWatch {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  return {
    // An empty histogram reports a max of 0: read it as one interval.
    maxDelayMs: () => Math.max(histogram.max / 1e6, RESOLUTION_MS),
    stop: () => histogram.disable(),
  };
}
