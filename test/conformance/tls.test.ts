import { afterEach, describe, expect, it } from 'vitest';
import type { CheckSelector } from '../../src/conformance/check-options.js';
import { runConformance } from '../../src/conformance/index.js';
import { type Receiver, startReceiver } from '../../src/receiver/index.js';

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

const ONLY: CheckSelector[] = ['tls', 'delivery.accepts.alert_triggered'];

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

  it('warns on a self-signed certificate with --insecure (declared, not punished), while deliveries go through', async () => {
    receiver = await startReceiver({ host: '127.0.0.1', port: 0, tls: 'self-signed' });
    const report = await runConformance({
      url: receiver.url,
      allowAnyPort: true,
      only: ONLY,
      insecure: true,
    });
    const tls = report.checks[0]!;
    expect([tls.result, tls.probes[0]?.outcome]).toEqual(['warn', 'tls-self-signed']);
    expect(tls.summary).toContain('is self-signed');
    expect(report.checks[1]?.result).toBe('pass');
    expect([report.verdict, report.rootCauses]).toEqual(['ready', []]);
  });

  it('names an expired certificate as the root cause, with its notAfter date and "renew"', async () => {
    receiver = await startReceiver({ host: '127.0.0.1', port: 0, tls: 'expired' });
    const report = await runConformance({
      url: receiver.url,
      allowAnyPort: true,
      only: ONLY,
      ca: receiver.tls!.publicCaPem,
    });
    expect(report.checks.map((c) => c.probes[0]?.outcome)).toEqual(['tls-expired', 'tls-expired']);
    expect(report.verdict).toBe('not-ready');
    const notAfter = report.target.certificate?.validTo.slice(0, 10);
    expect(Date.parse(notAfter ?? '')).toBeLessThan(Date.now());
    expect(report.rootCauses[0]).toMatchObject({ id: 'tls-expired', baseline: true });
    expect(report.rootCauses[0]?.summary).toContain(`expired on ${notAfter}`);
    expect(report.rootCauses[0]?.advice).toContain('renew');
    expect(report.rootCauses[0]?.advice).not.toContain('public CA');
  });

  it("names the certificate's names against the host on a mismatch", async () => {
    receiver = await startReceiver({ host: '127.0.0.1', port: 0, tls: 'wrong-host' });
    const report = await runConformance({
      url: receiver.url,
      allowAnyPort: true,
      only: ONLY,
      ca: receiver.tls!.publicCaPem,
    });
    expect(report.rootCauses[0]).toMatchObject({
      id: 'tls-hostname-mismatch',
      summary: 'the certificate names wrong-host.invalid, not 127.0.0.1',
    });
  });

  it('names the untrusted issuer of a certificate from an unknown CA, pointing at --ca for local tests', async () => {
    receiver = await startReceiver({ host: '127.0.0.1', port: 0, tls: 'untrusted-ca' });
    const report = await runConformance({
      url: receiver.url,
      allowAnyPort: true,
      only: ONLY,
      ca: receiver.tls!.publicCaPem,
    });
    const cause = report.rootCauses[0];
    expect(cause?.id).toBe('tls-unknown-ca');
    expect(cause?.summary).toContain(`was issued by ${report.target.certificate?.issuer}`);
    expect(cause?.advice).toContain('--ca');
  });
});
