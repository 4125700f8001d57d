import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { readCertificateFiles } from '../../src/cli/options.js';
import { makeTlsMaterial, type Receiver, startReceiver } from '../../src/receiver/index.js';
import { alertEvent, post, response } from './helpers.js';

let receiver: Receiver | undefined;
let dir: string | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

/** Handshakes with node:tls and reports what the client thought of the certificate. */
function handshake(port: number, ca: string, servername = 'localhost') {
  return new Promise<{ authorized: boolean; error: string | null }>((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, servername, ca, rejectUnauthorized: false }, () => {
      const authorizationError = socket.authorizationError as unknown as Error | string | null;
      resolve({
        authorized: socket.authorized,
        error:
          authorizationError === null
            ? null
            : String((authorizationError as { code?: string }).code ?? authorizationError),
      });
      socket.end();
    });
    socket.on('error', reject);
  });
}

describe('TLS modes, seen by a node:tls client that trusts the public test root', () => {
  it.each([
    ['self-signed', 'DEPTH_ZERO_SELF_SIGNED_CERT'],
    ['expired', 'CERT_HAS_EXPIRED'],
    ['wrong-host', 'ERR_TLS_CERT_ALTNAME_INVALID'],
    ['untrusted-ca', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
  ] as const)('%s fails the handshake with %s', async (mode, code) => {
    receiver = await startReceiver({ tls: mode });
    expect(receiver.url.startsWith('https://')).toBe(true);
    const result = await handshake(receiver.port, receiver.tls!.publicCaPem);
    expect(result).toEqual({ authorized: false, error: code });
  });

  it('untrusted-ca succeeds when the client trusts the private CA written to caDir', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cswm-ca-'));
    receiver = await startReceiver({ tls: 'untrusted-ca', caDir: dir });
    const privateCa = await readFile(receiver.tls!.caFiles!.private, 'utf8');
    expect(await handshake(receiver.port, privateCa)).toEqual({ authorized: true, error: null });
  });

  it('valid answers a delivery over https to a client trusting the public root', async () => {
    receiver = await startReceiver({ tls: 'valid' });
    const res = response(await post(receiver.url, alertEvent('tls-1'), { ca: receiver.tls!.publicCaPem }));
    expect(res.status).toBe(200);
  });

  it('serves the user certificate given as PEM', async () => {
    const material = makeTlsMaterial('valid');
    receiver = await startReceiver({ tls: { certPem: material.certPem, keyPem: material.keyPem } });
    expect(await handshake(receiver.port, material.publicCaPem)).toEqual({ authorized: true, error: null });
  });

  it('refuses missing certificate files with ERR_INVALID_CERTIFICATE', async () => {
    await expect(readCertificateFiles('/nonexistent/cert.pem', '/nonexistent/key.pem')).rejects.toMatchObject(
      {
        code: 'ERR_INVALID_CERTIFICATE',
      },
    );
  });

  it('refuses files that are not a matching certificate and key with ERR_INVALID_CERTIFICATE', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cswm-cert-'));
    const a = makeTlsMaterial('valid');
    // A key that is not the certificate's (the generator reuses one server key per process).
    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    await writeFile(join(dir, 'cert.pem'), a.certPem);
    await writeFile(join(dir, 'key.pem'), otherKey.export({ type: 'pkcs1', format: 'pem' }).toString());
    await writeFile(join(dir, 'junk.pem'), 'not a certificate');
    await expect(readCertificateFiles(join(dir, 'cert.pem'), join(dir, 'key.pem'))).rejects.toMatchObject({
      code: 'ERR_INVALID_CERTIFICATE',
    });
    await expect(readCertificateFiles(join(dir, 'junk.pem'), join(dir, 'key.pem'))).rejects.toMatchObject({
      code: 'ERR_INVALID_CERTIFICATE',
    });
  });
});
