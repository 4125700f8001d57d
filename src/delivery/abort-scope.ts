import { setMaxListeners } from 'node:events';

/**
 * One listener on a signal for many attempts: each attempt registers a callback in a Set
 * instead of adding its own listener, which matters when thousands of deliveries share one
 * signal (adding and removing an EventTarget listener costs more than the rest of the
 * bookkeeping of an attempt).
 *
 * The Set holds a small entry per callback, emptied when it is unregistered. The Set lives
 * long and its table is replaced as entries come and go; the young-generation GC takes every
 * pointer in an old table as live until the next full GC, so a callback left in a discarded
 * table would keep its attempt (got's request, its socket buffers) alive and promoted. With
 * the entry emptied, a stale pointer keeps a few bytes, and a long send's young-generation
 * collections stay short.
 */
export class AbortScope {
  readonly #entries = new Set<Entry>();
  readonly #listener = (): void => this.#fire();
  readonly signal: AbortSignal | undefined;

  constructor(signal: AbortSignal | undefined) {
    this.signal = signal;
    if (signal && !signal.aborted) {
      setMaxListeners(0, signal);
      signal.addEventListener('abort', this.#listener, { once: true });
    }
  }

  /** Stops listening to the signal (a long-lived signal must not collect one listener per run). */
  dispose(): void {
    this.signal?.removeEventListener('abort', this.#listener);
    for (const entry of this.#entries) entry.callback = undefined;
    this.#entries.clear();
  }

  get aborted(): boolean {
    return this.signal?.aborted ?? false;
  }

  /** Calls `callback` on abort (at once if already aborted); returns the unregister function. */
  onAbort(callback: () => void): () => void {
    if (this.aborted) {
      callback();
      return () => {};
    }
    const entry: Entry = { callback };
    this.#entries.add(entry);
    return () => {
      entry.callback = undefined;
      this.#entries.delete(entry);
    };
  }

  #fire(): void {
    const entries = [...this.#entries];
    this.#entries.clear();
    for (const entry of entries) {
      const callback = entry.callback;
      entry.callback = undefined;
      callback?.();
    }
  }
}

interface Entry {
  callback: (() => void) | undefined;
}
