import { describe, expect, it } from 'vitest';
import { runConformance } from '../../src/conformance/runner.js';
import { useMockReceiver } from '../../src/testing/vitest.js';
import { captureFailure } from '../helpers/failure.js';

describe('toBeConsoleReady on a receiver that answers 204', () => {
  const receiver = useMockReceiver({ faults: [{ fault: { type: 'status', statuses: [204] } }] });

  it('names each failing check id with its evidence and what the Console does next', async () => {
    const report = await runConformance({
      url: receiver.url,
      allowAnyPort: true,
      only: ['delivery.accepts', 'payload.large'],
    });
    const message = captureFailure(() => expect(report).toBeConsoleReady());
    expect(message).toContain('Not judged (the baseline delivery failed): payload.large');
    expect(message).toContain('but 16 critical or high checks failed or could not be judged');
    expect(message).toMatch(
      /Fix first:\n {2}1\. answered 204 instead of 200, to every event type\n {5}fix: answer exactly 200/,
    );
    expect(message).toContain(
      'Failing checks: delivery.accepts.am_i_under_attack, delivery.accepts.alert_triggered',
    );
    expect(message).toContain('✗ delivery.accepts.blocking_safe_ip [critical]');
    expect(message).toMatch(/ {6}received: 204/);
    expect(message).toContain('expected: exactly 200');
    expect(message).toMatch(/Console: {2}the Console treats 204 as a failure .* 4 more times/);
  });
});

describe('toBeConsoleReady on the reference receiver on a local port', () => {
  const receiver = useMockReceiver();

  it('passes on a declared local run (the transport findings are warnings), and .not explains why it passed', async () => {
    const report = await runConformance({ url: receiver.url, allowAnyPort: true });
    expect(report.checks.filter((c) => c.result === 'warn').map((c) => c.id)).toEqual([
      'transport.port-allowed',
      'transport.public-address',
    ]);
    expect(report).toBeConsoleReady();
    const message = captureFailure(() => expect(report).not.toBeConsoleReady());
    expect(message).toContain('not to be ready for the Console, but every critical and high check passed');
  });
});

describe('toBeConsoleReady on a receiver that answers 204 to payment_failed and takes events without credentials', () => {
  const receiver = useMockReceiver({
    faults: [{ fault: { type: 'status', statuses: [204] }, eventType: 'payment_failed' }],
  });

  it('lists the failing medium-severity check after the blocking one, marked as not blocking', async () => {
    const report = await runConformance({
      url: receiver.url,
      allowAnyPort: true,
      only: ['auth.required', 'delivery.accepts.payment_failed'],
    });
    const message = captureFailure(() => expect(report).toBeConsoleReady());
    expect(message).toContain('Failing checks: delivery.accepts.payment_failed, auth.required');
    expect(message).toContain('✗ delivery.accepts.payment_failed [critical]');
    expect(message).toContain('✗ auth.required [medium, does not block the verdict]');
    expect(message).not.toContain('Not judged');
  });
});

describe('toBeConsoleReady given something else', () => {
  it('fails with a message naming what it expects', () => {
    expect(captureFailure(() => expect({ score: 100 }).toBeConsoleReady())).toContain(
      'expects a conformance report',
    );
  });
});
