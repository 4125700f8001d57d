import { afterEach, describe, expect, it } from 'vitest';
import { runConformance } from '../../src/conformance/index.js';
import { type Receiver, startReceiver } from '../../src/receiver/index.js';

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

const ONLY = ['tls', 'delivery.accepts.alert_triggered'];

describe('tls.certificate-trusted against the reference receiver over https', () => {
  it('passes with a valid certificate from a CA standing for the public roots', async () => {
    receiver = await startReceiver({ host: '127.0.0.1', port: 0, tls: 'valid' });
    const report = await runConformance({
      url: receiver.url,
      allowAnyPort: true,
      only: ONLY,
      ca: receiver.tls!.publicCaPem,
    });
    expect(report.checks.map((c) => [c.id, c.result])).toEqual([
      ['tls.certificate-trusted', 'pass'],
      ['delivery.accepts.alert_triggered', 'pass'],
    ]);
  });

  it('fails on a self-signed certificate even with --insecure, while deliveries go through', async () => {
    receiver = await startReceiver({ host: '127.0.0.1', port: 0, tls: 'self-signed' });
    const report = await runConformance({
      url: receiver.url,
      allowAnyPort: true,
      only: ONLY,
      insecure: true,
    });
    const tls = report.checks[0]!;
    expect([tls.result, tls.probes[0]?.outcome]).toEqual(['fail', 'tls-self-signed']);
    expect(tls.summary).toContain('disable SSL verification');
    expect(report.checks[1]?.result).toBe('pass');
  });

  it('fails on an expired certificate, and so does every delivery without --insecure', async () => {
    receiver = await startReceiver({ host: '127.0.0.1', port: 0, tls: 'expired' });
    const report = await runConformance({
      url: receiver.url,
      allowAnyPort: true,
      only: ONLY,
      ca: receiver.tls!.publicCaPem,
    });
    expect(report.checks.map((c) => c.probes[0]?.outcome)).toEqual(['tls-expired', 'tls-expired']);
    expect(report.verdict).toBe('not-ready');
  });
});
