import { closeSync, createWriteStream, openSync, type WriteStream } from 'node:fs';
import { InvalidOptionError } from '../errors.js';
import type { EventMeta } from './meta.js';
import type { AttemptRecord, DeliveryRecord, SendSummary } from './types.js';

/** Buffered journal text that is written at once, without waiting for the end of the turn. */
const FLUSH_CHARS = 64 * 1024;

/**
 * An NDJSON journal, appended as things happen: one `attempt` line per attempt, one `delivery`
 * line per final outcome, and a `summary` line last. `seq` is the event's position in the run,
 * so a reader can join attempts to their delivery. Records are already redacted.
 */
export interface Journal {
  readonly path: string;
  attempt(seq: number, meta: EventMeta, attempt: AttemptRecord): void;
  delivery(seq: number, record: DeliveryRecord): void;
  summary(summary: Omit<SendSummary, 'deliveries'>): void;
  /** Flushes and closes the file. */
  close(): Promise<void>;
}

/**
 * Opens (creating or appending to) a journal file. The file is opened at once, so a path that
 * cannot be written is refused before anything is sent.
 *
 * @example const journal = createJournal('deliveries.ndjson');
 */
export function createJournal(path: string): Journal {
  let fd: number;
  try {
    fd = openSync(path, 'a');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new InvalidOptionError(
      `journal: cannot write ${path} (${code}); give a path in a writable folder`,
      {
        cause: error,
      },
    );
  }
  let stream: WriteStream;
  try {
    stream = createWriteStream('', { fd, flags: 'a' });
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  let failure: Error | undefined;
  stream.on('error', (error) => {
    failure = error;
  });
  // Lines written in one turn of the event loop go to the file as one write at the end of that
  // turn (or sooner past FLUSH_CHARS): a write per line costs more CPU than the delivery's own
  // bookkeeping. A line is on its way to the file before any timer or I/O callback runs.
  let pending = '';
  let scheduled: NodeJS.Immediate | undefined;
  const flush = (): void => {
    scheduled = undefined;
    if (pending === '') return;
    if (!failure) stream.write(pending);
    pending = '';
  };
  const write = (line: object): void => {
    if (failure) return;
    pending += `${JSON.stringify(line)}\n`;
    if (pending.length >= FLUSH_CHARS) flush();
    else scheduled ??= setImmediate(flush);
  };
  return {
    path,
    attempt: (seq, meta, attempt) =>
      write({ type: 'attempt', seq, eventId: meta.eventId, eventType: meta.eventType, ...attempt }),
    delivery: (seq, record) => {
      const { attempts, ...rest } = record;
      write({
        type: 'delivery',
        seq,
        ...rest,
        attemptCount: attempts.length,
        labels: attempts.map((a) => a.label),
      });
    },
    summary: (summary) => write({ type: 'summary', ...summary }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (scheduled) clearImmediate(scheduled);
        flush();
        stream.end(() => (failure ? reject(failure) : resolve()));
      }),
  };
}
