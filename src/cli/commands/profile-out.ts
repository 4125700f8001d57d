/**
 * `--profile-out FILE`: the profile written atomically (never half a file) at start, after each
 * change, and when the receiver stops. Changes that come while a write is under way are folded
 * into one more write, so a burst of deliveries costs two writes, not one per delivery.
 */
import { InvalidOptionError } from '../../errors.js';
import type { SenderProfile } from '../../profile/types.js';
import { writeAtomically } from '../../util/atomic-write.js';

export interface ProfileWriter {
  /** Something changed: write soon (at most one write in flight, one more queued). */
  changed(): void;
  /** Writes the profile as it is now, after any write under way; resolves when on disk. */
  flush(): Promise<void>;
  /** The first write error after the start (the receiver goes on; the CLI reports it). */
  readonly error: NodeJS.ErrnoException | undefined;
}

/**
 * Writes the profile once now (a path that cannot be written fails here, before anything is
 * received), then on demand.
 */
export async function createProfileWriter(
  path: string,
  current: () => SenderProfile,
): Promise<ProfileWriter> {
  const write = () => writeAtomically(path, `${JSON.stringify(current(), null, 2)}\n`);
  try {
    await write();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new InvalidOptionError(
      `--profile-out: cannot write ${path} (${code}); give a file in a writable directory`,
      {
        cause: error,
      },
    );
  }
  let running: Promise<void> | null = null;
  let again = false;
  let failure: NodeJS.ErrnoException | undefined;
  const run = (): Promise<void> => {
    running = write()
      .catch((error: NodeJS.ErrnoException) => {
        failure ??= error;
      })
      .then(() => {
        running = null;
        if (again) {
          again = false;
          return run();
        }
      });
    return running;
  };
  return {
    changed: () => {
      if (running) again = true;
      else void run();
    },
    flush: async () => {
      if (running) {
        again = true;
        await running;
      }
      // The last change may have been written already; one more write is cheap and certain.
      await run();
    },
    get error() {
      return failure;
    },
  };
}
