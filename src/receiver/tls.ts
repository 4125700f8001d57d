/**
 * The receiver's TLS setup: a generated certificate for one of the failure modes, or the
 * user's own, checked before listening so a bad file is an input error, not a crash later.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createSecureContext } from 'node:tls';
import { CswmError, ErrorCodes, InvalidOptionError } from '../errors.js';
import { makeTlsMaterial, type TlsMode } from './certs.js';
import type { Receiver, ReceiverOptions } from './types.js';

export interface ResolvedTls {
  keyPem: string;
  certPem: string;
  /** Present when the certificate was generated. */
  generated?: NonNullable<Receiver['tls']>;
}

/** File names written to `caDir`. */
export const CA_FILE_NAMES = { public: 'cswm-public-ca.pem', private: 'cswm-private-ca.pem' } as const;

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];

export async function resolveTls(options: ReceiverOptions, host: string): Promise<ResolvedTls | null> {
  const tls = options.tls;
  if (tls === undefined) return null;
  if (typeof tls !== 'string') {
    assertUsableCertificate(tls.keyPem, tls.certPem, 'the given certificate and key');
    return { keyPem: tls.keyPem, certPem: tls.certPem };
  }
  const hosts =
    LOOPBACK_NAMES.includes(host) || host === '0.0.0.0' || host === '::'
      ? LOOPBACK_NAMES
      : [host, ...LOOPBACK_NAMES];
  const material = makeTlsMaterial(tls as TlsMode, hosts);
  const generated: NonNullable<Receiver['tls']> = {
    mode: material.mode,
    publicCaPem: material.publicCaPem,
    privateCaPem: material.privateCaPem,
  };
  if (options.caDir !== undefined) generated.caFiles = await writeCaFiles(options.caDir, material);
  return { keyPem: material.keyPem, certPem: material.certPem, generated };
}

async function writeCaFiles(
  dir: string,
  material: { publicCaPem: string; privateCaPem: string },
): Promise<{ public: string; private: string }> {
  const absolute = resolve(dir);
  const files = {
    public: join(absolute, CA_FILE_NAMES.public),
    private: join(absolute, CA_FILE_NAMES.private),
  };
  try {
    await mkdir(absolute, { recursive: true });
    await writeFile(files.public, material.publicCaPem);
    await writeFile(files.private, material.privateCaPem);
  } catch (error) {
    throw new InvalidOptionError(
      `\`caDir\`: cannot write the CA files to ${absolute} (${(error as NodeJS.ErrnoException).code ?? 'error'}); give a writable directory`,
      { cause: error },
    );
  }
  return files;
}

/** Throws ERR_INVALID_CERTIFICATE unless the key and certificate make a usable TLS pair. */
export function assertUsableCertificate(keyPem: string, certPem: string, what: string): void {
  try {
    createSecureContext({ key: keyPem, cert: certPem });
  } catch (error) {
    // The reason from OpenSSL names the problem (no PEM data, key mismatch); never the key itself.
    const reason = String((error as Error).message ?? error).split('\n')[0];
    throw new CswmError(
      ErrorCodes.INVALID_CERTIFICATE,
      `${what} cannot be used for TLS (${reason}); give a PEM certificate and its matching private key`,
      { cause: error },
    );
  }
}
