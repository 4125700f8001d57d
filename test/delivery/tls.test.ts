import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliver } from '../../src/delivery/index.js';
import { makeTlsMaterial, type TlsMode } from '../../src/receiver/certs.js';
import { startHttps, statuses, type TestServer } from './servers.js';

const event = { details: { event_id: 'e-3', event_type: 'x' } };
const cases: [Exclude<TlsMode, 'valid'>, string, string][] = [
  ['self-signed', 'tls-self-signed', 'DEPTH_ZERO_SELF_SIGNED_CERT'],
  ['expired', 'tls-expired', 'CERT_HAS_EXPIRED'],
  ['wrong-host', 'tls-hostname-mismatch', 'ERR_TLS_CERT_ALTNAME_INVALID'],
  ['untrusted-ca', 'tls-unknown-ca', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
];

describe('TLS verification', () => {
  const servers = new Map<TlsMode, { server: TestServer; ca: string; privateCa: string }>();
  beforeAll(async () => {
    for (const mode of ['valid', ...cases.map((c) => c[0])] as TlsMode[]) {
      const tls = makeTlsMaterial(mode);
      servers.set(mode, {
        server: await startHttps(tls, statuses(200)),
        ca: tls.publicCaPem,
        privateCa: tls.privateCaPem,
      });
    }
  });
  afterAll(async () => {
    await Promise.all([...servers.values()].map((s) => s.server.close()));
  });

  it('delivers to a certificate the (public) roots trust', async () => {
    const { server, ca } = servers.get('valid')!;
    const record = await deliver(event, { url: server.url, allowAnyPort: true, ca, maxAttempts: 1 });
    expect(record.result).toBe('delivered');
  });

  it.each(cases)('fails a %s certificate with %s and retries it', async (mode, label, code) => {
    const { server, ca } = servers.get(mode)!;
    const record = await deliver(event, {
      url: server.url,
      allowAnyPort: true,
      ca,
      maxAttempts: 2,
      // A quick retry with the real timeout: a handshake can take longer than a scaled 30 ms.
      backoff: { delaysMs: [1] },
    });
    expect(record.result).toBe('failed');
    expect(record.attempts.map((a) => a.label)).toEqual([label, label]);
    expect(record.attempts[0]?.errorCode).toBe(code);
    expect(server.requests).toHaveLength(0);
  });

  it.each(cases)('delivers to a %s certificate with insecure', async (mode) => {
    const { server, ca } = servers.get(mode)!;
    const record = await deliver(event, {
      url: server.url,
      allowAnyPort: true,
      ca,
      insecure: true,
      maxAttempts: 1,
    });
    expect(record.result).toBe('delivered');
  });

  it('delivers to the untrusted-ca certificate once its CA is trusted', async () => {
    const { server, privateCa } = servers.get('untrusted-ca')!;
    const record = await deliver(event, {
      url: server.url,
      allowAnyPort: true,
      ca: privateCa,
      maxAttempts: 1,
    });
    expect(record.result).toBe('delivered');
  });
});
