import { setFlagsFromString } from 'node:v8';

/**
 * How far the CLI lets the old generation grow past its live size before the next full
 * collection: by 100% (twice the live heap), where V8 otherwise goes up to 4x when
 * collection looks cheap.
 *
 * Why: got's request objects (options, ClientRequest, response) outlive a young-generation
 * collection and are promoted, about 14.5 KB per exchange, the same in a bare got loop (a bare
 * node:http loop: about 0.2 KB). They are garbage soon after, but only a full collection frees
 * them, so during a long `cswm send` the old generation filled with finished requests up to
 * V8's default limit: peak RSS 158 MB at 100,000 deliveries against 118 MB at 1,000, with
 * 15 MB live after each full collection. Measured on 30,000 generated deliveries (four
 * alternated runs each): default 159 MB, 12.1 s CPU; 100% 132 MB, 12.2 s CPU; 50% 123 MB but
 * 13.5 s CPU, the extra full collections running on helper threads. bench/delivery.mjs
 * measures the RSS ratio and the send rate in one run.
 */
export const HEAP_GROWING_PERCENT = 100;

/**
 * Applies {@link HEAP_GROWING_PERCENT} to this process, unless node was started with a
 * `--heap-growing-percent` of the user's own. V8 reads the flag each time it recomputes
 * the heap limits, so setting it at start-up takes effect.
 */
export function keepHeapNearLiveSize(execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg))) return false;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}
