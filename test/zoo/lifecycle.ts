import { afterAll, beforeAll } from 'vitest';
import type { ZooReceiver } from './process.js';

/**
 * Starts a receiver once for the enclosing describe block and stops it after; returns a getter
 * (the receiver exists only once beforeAll has run).
 */
export function receiverFor<R extends ZooReceiver>(start: () => Promise<R>): () => R {
  let receiver: R | undefined;
  beforeAll(async () => {
    receiver = await start();
  });
  afterAll(async () => {
    await receiver?.stop();
  });
  return () => {
    if (!receiver) throw new Error('the receiver is not started (used outside a test?)');
    return receiver;
  };
}
