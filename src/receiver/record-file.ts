/**
 * `--record FILE` (ReceiverOptions.recordPath): appends one line per delivery, in the order
 * recorded, with the exact body (src/recording/format.ts). Bounded by the disk only: nothing is
 * kept in memory once written. The file is opened before the receiver listens, so a path that
 * cannot be written is refused before any delivery is accepted.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { InvalidOptionError } from '../errors.js';
import { recordingLine } from '../recording/format.js';
import type { Tap } from './runtime.js';

export interface RecordFile {
  tap: Tap;
  /** Flushes what is written and closes the file. */
  close(): Promise<void>;
  /** The first write error, if one stopped the recording (the receiver goes on answering). */
  readonly error: NodeJS.ErrnoException | undefined;
}

export async function openRecordFile(path: string): Promise<RecordFile> {
  try {
    // Opened (and created) here so that a bad path fails now, with its reason.
    await (await open(path, 'a')).close();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new InvalidOptionError(`cannot record to ${path} (${code}); give a file in a writable directory`, {
      cause: error,
    });
  }
  const stream: WriteStream = createWriteStream(path, { flags: 'a' });
  let failure: NodeJS.ErrnoException | undefined;
  stream.on('error', (error) => {
    failure ??= error;
  });
  return {
    tap: (delivery, body, complete) => {
      if (failure) return;
      stream.write(recordingLine(delivery, body, complete, delivery.bodyBytes));
    },
    close: () =>
      new Promise((resolve) => {
        if (stream.destroyed) return resolve();
        stream.end(() => resolve());
      }),
    get error() {
      return failure;
    },
  };
}
