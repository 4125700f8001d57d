/**
 * `crowdsec-webhook-mock/vitest`: matchers and helpers for a receiver's (or a sender's) vitest
 * suite. Importing this module installs the matchers with `expect.extend` and declares their
 * types on vitest's `Assertion`; vitest is a peer dependency and is imported only here, never
 * by the main entry point.
 *
 * @example
 * ```ts
 * import { runConformance } from 'crowdsec-webhook-mock';
 * import 'crowdsec-webhook-mock/vitest';
 *
 * it('is ready for the Console', async () => {
 *   expect(await runConformance({ url, allowAnyPort: true, timeScale: 0.01 })).toBeConsoleReady();
 * });
 * ```
 */
import { expect } from 'vitest';
import { toBeConsoleReady } from './conformance-matchers.js';
import { toHaveAttempts, toHaveBeenDelivered } from './delivery-matchers.js';

export { type FakeTimersClock, type WithFakeTimersOptions, withFakeTimers } from './fake-timers.js';
export { type MockReceiverOptions, useMockReceiver } from './mock-receiver.js';

/**
 * The matchers, for `expect.extend` in a setup file of your own (importing this module already
 * installs them).
 *
 * @example
 * ```ts
 * import { expect } from 'vitest';
 * import { cswmMatchers } from 'crowdsec-webhook-mock/vitest';
 * expect.extend(cswmMatchers);
 * ```
 */
export const cswmMatchers = { toBeConsoleReady, toHaveBeenDelivered, toHaveAttempts };

/**
 * Installs the matchers on vitest's `expect`. Importing this module does it already; call it
 * again only when another setup replaced `expect`.
 *
 * @example
 * ```ts
 * // vitest.setup.ts
 * import { setup } from 'crowdsec-webhook-mock/vitest';
 * setup();
 * ```
 */
export function setup(): void {
  expect.extend(cswmMatchers);
}

setup();

/**
 * The matchers' types, merged into vitest's `Assertion` and asymmetric matchers.
 * @example
 * ```ts
 * expect(report).toBeConsoleReady();
 * expect(record).toHaveBeenDelivered();
 * expect(record).toHaveAttempts(3);
 * ```
 */
export interface CswmMatchers<R = unknown> {
  /**
   * On a conformance report: passes when the receiver is ready for the Console (every critical
   * and high check passed). The failure message lists each failing check id with its evidence.
   * @example expect(await runConformance({ url, allowAnyPort: true })).toBeConsoleReady();
   */
  toBeConsoleReady(): R;
  /**
   * On a DeliveryRecord: passes when some attempt got 200 (the delivery ended `delivered`).
   * The failure message lists every attempt and what the Console would do after it.
   * @example expect(await deliver(event, { url })).toHaveBeenDelivered();
   */
  toHaveBeenDelivered(): R;
  /**
   * On a DeliveryRecord: passes when the delivery took exactly `count` attempts.
   * @example expect(record).toHaveAttempts(3); // 503, 503, 200
   */
  toHaveAttempts(count: number): R;
}

declare module 'vitest' {
  // biome-ignore lint/suspicious/noExplicitAny: vitest declares Matchers<T = any>; an augmentation must match it.
  interface Matchers<T = any> extends CswmMatchers<T> {}
}
