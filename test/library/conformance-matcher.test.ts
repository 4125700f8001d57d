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
      only: ['delivery.accepts'],
    });
    const message = captureFailure(() => expect(report).toBeConsoleReady());
    expect(message).toContain('but 15 critical or high checks failed');
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

  it('lists a failing low-severity check after the blocking one, marked as not blocking', async () => {
    const report = await runConformance({
      url: receiver.url,
      allowAnyPort: true,
      only: ['transport', 'delivery.accepts.alert_triggered'],
    });
    const message = captureFailure(() => expect(report).toBeConsoleReady());
    expect(message).toContain('Failing checks: transport.port-allowed, transport.public-address');
    expect(message).toContain('✗ transport.port-allowed [critical]');
    expect(message).toContain('✗ transport.public-address [low, does not block the verdict]');
  });

  it('passes with the transport checks left out, and .not explains why it passed', async () => {
    const report = await runConformance({ url: receiver.url, allowAnyPort: true, skip: ['transport'] });
    expect(report).toBeConsoleReady();
    const message = captureFailure(() => expect(report).not.toBeConsoleReady());
    expect(message).toContain('not to be ready for the Console, but every critical and high check passed');
  });
});

describe('toBeConsoleReady given something else', () => {
  it('fails with a message naming what it expects', () => {
    expect(captureFailure(() => expect({ score: 100 }).toBeConsoleReady())).toContain(
      'expects a conformance report',
    );
  });
});
