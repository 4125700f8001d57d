/**
 * Certificates for the nginx receivers, made at test time with the openssl command line the way
 * a person makes a local CA: `openssl req -x509` for the CA, `openssl req` for a request,
 * `openssl ca` to sign it (which takes -startdate/-enddate, so an expired certificate can be
 * made today). EC P-256 keys: instant to generate, and what certbot issues by default.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { receiverFile } from './process.js';

const run = promisify(execFile);
const OPENSSL_CONFIG = receiverFile('nginx', 'openssl.cnf');
const OPENSSL_TIMEOUT_MS = 30_000;
const DAY_MS = 86_400_000;

export interface LocalCa {
  commonName: string;
  dir: string;
  certPem: string;
}

export interface IssuedCertificate {
  certFile: string;
  keyFile: string;
  /** The names (DNS and IP) in its subjectAltName. */
  names: string[];
  notBefore: Date;
  notAfter: Date;
  issuer: string;
}

async function openssl(args: string[], caDir: string, san = 'DNS:unused.invalid'): Promise<void> {
  try {
    await run('openssl', args, {
      timeout: OPENSSL_TIMEOUT_MS,
      env: { ...process.env, ZOO_CA_DIR: caDir, ZOO_SAN: san },
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`openssl ${args.slice(0, 2).join(' ')} failed: ${stderr || String(error)}`);
  }
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

/** A CA in `dir` (created): its key, its certificate (10 years), an empty database. */
export async function makeCa(dir: string, commonName: string): Promise<LocalCa> {
  await mkdir(join(dir, 'issued'), { recursive: true });
  await writeFile(join(dir, 'index.txt'), '');
  await writeFile(join(dir, 'serial'), `${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}\n`);
  await openssl(
    [
      'req',
      '-config',
      OPENSSL_CONFIG,
      '-x509',
      '-new',
      ...EC_KEY,
      '-keyout',
      join(dir, 'ca.key'),
      '-out',
      join(dir, 'ca.crt'),
      '-days',
      '3650',
      '-subj',
      `/CN=${commonName}`,
      '-extensions',
      'ca_certificate',
    ],
    dir,
  );
  return { commonName, dir, certPem: await readFile(join(dir, 'ca.crt'), 'utf8') };
}

/** openssl ca's date form: YYYYMMDDHHMMSSZ. */
function opensslDate(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/\D/g, '')}Z`;
}

/**
 * A server certificate for `names`, signed by `ca`, valid between the two dates (whole seconds),
 * written as `<outDir>/<baseName>.crt` and `.key`.
 */
export async function issueCertificate(
  ca: LocalCa,
  outDir: string,
  baseName: string,
  spec: { names: string[]; notBefore: Date; notAfter: Date },
): Promise<IssuedCertificate> {
  const keyFile = join(outDir, `${baseName}.key`);
  const csrFile = join(outDir, `${baseName}.csr`);
  const certFile = join(outDir, `${baseName}.crt`);
  const san = spec.names.map((n) => (isIP(n) ? `IP:${n}` : `DNS:${n}`)).join(',');
  await openssl(
    [
      'req',
      '-config',
      OPENSSL_CONFIG,
      '-new',
      ...EC_KEY,
      '-keyout',
      keyFile,
      '-out',
      csrFile,
      '-subj',
      `/CN=${spec.names[0]}`,
    ],
    ca.dir,
  );
  await openssl(
    [
      'ca',
      '-config',
      OPENSSL_CONFIG,
      '-batch',
      '-notext',
      '-in',
      csrFile,
      '-out',
      certFile,
      '-startdate',
      opensslDate(spec.notBefore),
      '-enddate',
      opensslDate(spec.notAfter),
    ],
    ca.dir,
    san,
  );
  const second = (d: Date) => new Date(Math.floor(d.getTime() / 1000) * 1000);
  return {
    certFile,
    keyFile,
    names: spec.names,
    notBefore: second(spec.notBefore),
    notAfter: second(spec.notAfter),
    issuer: ca.commonName,
  };
}

/** Validity windows relative to now: a current certificate, and one that expired 30 days ago. */
export function validity(kind: 'current' | 'expired', now = Date.now()): { notBefore: Date; notAfter: Date } {
  return kind === 'current'
    ? { notBefore: new Date(now - DAY_MS), notAfter: new Date(now + 90 * DAY_MS) }
    : { notBefore: new Date(now - 120 * DAY_MS), notAfter: new Date(now - 30 * DAY_MS) };
}
