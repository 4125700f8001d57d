import { setFlagsFromString } from 'node:v8';

/**
 * How far the CLI lets the old generation grow past its live size before the next full
 * collection: by 100% (twice the live heap), where V8 otherwise goes up to 4x when
 * collection looks cheap.
 *
 * Why: got's request objects (options, ClientRequest, response) outlive a young-generation
 * collection and are promoted, many kilobytes per exchange. They are garbage soon after, but
 * only a full collection frees them, so during a long `cswm send` the old generation would
 * fill with finished requests up to V8's default limit, and peak memory grow with the number
 * of deliveries. At 100% it stays near the live heap for about the same CPU; a lower value
 * costs CPU in extra full collections. bench/delivery.mjs measures the memory ratio and the
 * send rate in one run.
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
