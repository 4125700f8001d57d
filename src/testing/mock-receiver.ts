/**
 * `useMockReceiver()`: the mock receiver as a per-test fixture. It starts before each test (or
 * once for the file) on a free loopback port and stops after, so tests never share recorded
 * deliveries or leak a listening socket.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { InvalidOptionError } from '../errors.js';
import { startReceiver } from '../receiver/server.js';
import type { FaultRule, Receiver, ReceiverOptions, RecordedDelivery } from '../receiver/types.js';

/**
 * Options of {@link useMockReceiver}: the receiver's own options, and when it starts.
 * @example
 * ```ts
 * const receiver = useMockReceiver({ scope: 'all', auth: { type: 'header', name: 'X-Token', value: 't0k3n' } });
 * ```
 */
export interface MockReceiverOptions extends ReceiverOptions {
  /**
   * `each`: a fresh receiver for every test. `all`: one receiver for the file (or describe block),
   * its recorded deliveries and faults reset before every test.
   * @default 'each'
   */
  scope?: 'each' | 'all';
}

/**
 * Starts the mock receiver around each test of the current file or `describe` block and returns
 * a handle that always points at the running one.
 *
 * @example
 * ```ts
 * const receiver = useMockReceiver({ faults: [{ fault: { type: 'status', statuses: [503, 200] } }] });
 *
 * it('delivers on the second attempt', async () => {
 *   const record = await deliver(generateEvent('alert_triggered'), { url: receiver.url, allowAnyPort: true, timeScale: 0.01 });
 *   expect(record).toHaveAttempts(2);
 *   expect(receiver.deliveries()).toHaveLength(2);
 * });
 * ```
 */
export function useMockReceiver(options: MockReceiverOptions = {}): Receiver {
  const { scope = 'each', ...receiverOptions } = options;
  let current: Receiver | undefined;
  const start = async (): Promise<void> => {
    current = await startReceiver(receiverOptions);
  };
  const stop = async (): Promise<void> => {
    const running = current;
    current = undefined;
    await running?.close();
  };
  if (scope === 'all') {
    beforeAll(start);
    afterAll(stop);
    beforeEach(() => {
      running().clear();
      running().setFaults(receiverOptions.faults ?? []);
    });
  } else {
    beforeEach(start);
    afterEach(stop);
  }
  const running = (): Receiver => {
    if (current === undefined) {
      throw new InvalidOptionError(
        'the mock receiver runs only inside a test: call useMockReceiver() in a describe block (or at the top of the file) and use the handle inside it() or hooks',
      );
    }
    return current;
  };
  return {
    get url() {
      return running().url;
    },
    get port() {
      return running().port;
    },
    get host() {
      return running().host;
    },
    get tls() {
      return running().tls;
    },
    deliveries: (): RecordedDelivery[] => running().deliveries(),
    clear: () => running().clear(),
    setFaults: (rules: FaultRule[]) => running().setFaults(rules),
    onDelivery: (listener) => running().onDelivery(listener),
    waitForDeliveries: (count, timeoutMs) => running().waitForDeliveries(count, timeoutMs),
    profile: () => running().profile(),
    onProfileChange: (listener) => running().onProfileChange(listener),
    close: stop,
  };
}
