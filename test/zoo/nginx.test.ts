import { connect, type PeerCertificate } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { generateEvent } from '../../src/index.js';
import { jsonOfSize, post } from './http.js';
import { type NginxReceiver, OTHER_NAME, startNginx } from './nginx.js';

const body = JSON.stringify(generateEvent('alert_triggered', { seed: 12 }));

let receiver: NginxReceiver | undefined;
afterEach(async () => {
  await receiver?.stop();
  receiver = undefined;
});

/** The certificate nginx serves, read without verifying it. */
function servedCertificate(url: string): Promise<PeerCertificate> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port), rejectUnauthorized: false }, () => {
      resolve(socket.getPeerCertificate());
      socket.end();
    });
    socket.on('error', reject);
  });
}

describe('nginx terminating TLS in front of a node:http application', () => {
  it('valid: trusted through the local CA, proxies to the application (200)', async () => {
    receiver = await startNginx('valid');
    const answer = await post(receiver.url, body, { ca: receiver.ca });
    expect(answer).toMatchObject({ type: 'answer', status: 200, body: '{"ok":true}' });
  });

  it('valid: keeps the 1m client_max_body_size default (413 from nginx above 1 MiB)', async () => {
    receiver = await startNginx('valid');
    expect(await post(receiver.url, jsonOfSize(1_048_576), { ca: receiver.ca })).toMatchObject({
      status: 200,
    });
    const refused = await post(receiver.url, jsonOfSize(1_048_577), { ca: receiver.ca });
    expect(refused.type === 'answer' && [refused.status, refused.body.includes('nginx')]).toEqual([
      413,
      true,
    ]);
  });

  it('expired: the handshake fails with CERT_HAS_EXPIRED; the certificate ended in the past', async () => {
    receiver = await startNginx('expired');
    expect(await post(receiver.url, body, { ca: receiver.ca })).toMatchObject({ code: 'CERT_HAS_EXPIRED' });
    const served = await servedCertificate(receiver.url);
    expect(new Date(served.valid_to).getTime()).toBe(receiver.certificate.notAfter.getTime());
    expect(receiver.certificate.notAfter.getTime()).toBeLessThan(Date.now());
  });

  it(`wrong-name: issued for ${OTHER_NAME}, so 127.0.0.1 fails with ERR_TLS_CERT_ALTNAME_INVALID`, async () => {
    receiver = await startNginx('wrong-name');
    const answer = await post(receiver.url, body, { ca: receiver.ca });
    expect(answer).toMatchObject({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    expect((await servedCertificate(receiver.url)).subjectaltname).toBe(`DNS:${OTHER_NAME}`);
  });

  it('unknown-ca: issued by a CA the client is not given, so UNABLE_TO_VERIFY_LEAF_SIGNATURE', async () => {
    receiver = await startNginx('unknown-ca');
    const answer = await post(receiver.url, body, { ca: receiver.ca });
    expect(answer).toMatchObject({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
    expect((await servedCertificate(receiver.url)).issuer.CN).toBe('zoo unknown CA');
  });
});
