/**
 * A progress bar on stderr for long runs: drawn only on a terminal, at most ten times a
 * second, and wiped when the run ends so the summary starts on a clean line.
 */
import type { DeliveryRecord } from '../delivery/types.js';

export interface Progress {
  tick(record: DeliveryRecord): void;
  done(): void;
}

const BAR_WIDTH = 30;
/** Redraws at most this often (a terminal cannot show more, and each write costs). */
const REDRAW_MS = 100;

/** No progress shown. */
export const NO_PROGRESS: Progress = { tick: () => {}, done: () => {} };

/** A bar counting `total` deliveries; nothing at all when stderr is not a terminal. */
export function startProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return NO_PROGRESS;
  let finished = 0;
  let failed = 0;
  let last = 0;
  const draw = (): void => {
    const filled = Math.round((finished / total) * BAR_WIDTH);
    stream.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${finished}/${total}, ${failed} failed`,
    );
  };
  return {
    tick: (record) => {
      finished++;
      if (record.result !== 'delivered') failed++;
      const now = Date.now();
      if (now - last > REDRAW_MS || finished === total) {
        last = now;
        draw();
      }
    },
    done: () => {
      if (finished === 0) return;
      stream.clearLine(0);
      stream.cursorTo(0);
    },
  };
}
