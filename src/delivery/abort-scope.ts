import { setMaxListeners } from 'node:events';

/**
 * One listener on a signal for many attempts: each attempt registers a callback in a Set
 * instead of adding its own listener, which matters when thousands of deliveries share one
 * signal (adding and removing an EventTarget listener costs more than the rest of the
 * bookkeeping of an attempt).
 */
export class AbortScope {
  readonly #callbacks = new Set<() => void>();
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
    this.#callbacks.clear();
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
    this.#callbacks.add(callback);
    return () => this.#callbacks.delete(callback);
  }

  #fire(): void {
    const callbacks = [...this.#callbacks];
    this.#callbacks.clear();
    for (const callback of callbacks) callback();
  }
}
