import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import forge from 'node-forge';

/**
 * Certificates for the TLS failure modes, generated in memory at start: none are checked in.
 *
 * Two certificate authorities are made per call:
 * - the "public" CA stands for the roots the real Console trusts. A test (or the scenario
 *   runner) passes `publicCaPem` as extra trust, so that only the fault under test (expired,
 *   wrong host) makes the handshake fail, with its own distinct reason.
 * - the "private" CA signs the `untrusted-ca` certificate; it is never trusted by default, and
 *   `privateCaPem` can be written out so a test can trust it explicitly.
 */

export type TlsMode = 'valid' | 'self-signed' | 'expired' | 'wrong-host' | 'untrusted-ca';

export const TLS_MODES: readonly TlsMode[] = [
  'valid',
  'self-signed',
  'expired',
  'wrong-host',
  'untrusted-ca',
];

export interface TlsMaterial {
  mode: TlsMode;
  /** PEM private key of the server certificate. */
  keyPem: string;
  /** PEM server certificate (the leaf alone: no chain is sent). */
  certPem: string;
  /** The CA standing for the Console's public trust roots. Trusting it does NOT fix `self-signed` or `untrusted-ca`. */
  publicCaPem: string;
  /** The CA that signed the `untrusted-ca` certificate; trusting it makes that handshake succeed. */
  privateCaPem: string;
  /** Host names and addresses the certificate is valid for. */
  hosts: string[];
}

interface KeyPair {
  privateKey: forge.pki.rsa.PrivateKey;
  publicKey: forge.pki.rsa.PublicKey;
  privateKeyPem: string;
}

function newKeyPair(): KeyPair {
  // node:crypto makes the key (fast, native); forge only builds and signs the certificate.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(privateKeyPem) as forge.pki.rsa.PrivateKey;
  const publicKey = forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e);
  return { privateKey: forgeKey, publicKey, privateKeyPem };
}

interface CertSpec {
  commonName: string;
  hosts: string[];
  notBefore: Date;
  notAfter: Date;
  isCa: boolean;
  keys: KeyPair;
  issuer?: { cert: forge.pki.Certificate; keys: KeyPair };
}

function buildCertificate(spec: CertSpec): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = spec.keys.publicKey;
  // Positive serial: a leading 0x00..0x7f byte keeps the DER integer positive.
  cert.serialNumber = `7${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = spec.notBefore;
  cert.validity.notAfter = spec.notAfter;
  const subject = [
    { name: 'commonName', value: spec.commonName },
    { name: 'organizationName', value: 'crowdsec-webhook-mock test certificates' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(spec.issuer ? spec.issuer.cert.subject.attributes : subject);
  const extensions: object[] = [
    { name: 'basicConstraints', cA: spec.isCa, critical: true },
    spec.isCa
      ? { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true }
      : { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ];
  if (!spec.isCa) {
    extensions.push({ name: 'extKeyUsage', serverAuth: true });
    extensions.push({
      name: 'subjectAltName',
      altNames: spec.hosts.map((h) => (isIP(h) ? { type: 7, ip: h } : { type: 2, value: h })),
    });
  }
  cert.setExtensions(extensions);
  cert.sign((spec.issuer ?? { keys: spec.keys }).keys.privateKey, forge.md.sha256.create());
  return cert;
}

const DAY_MS = 86_400_000;

let leafKeyPair: KeyPair | undefined;

const authorities = new Map<'public' | 'private', { cert: forge.pki.Certificate; keys: KeyPair }>();

/** The two CAs are made once per process: a receiver restarted in another mode keeps the same roots. */
function authority(kind: 'public' | 'private'): { cert: forge.pki.Certificate; keys: KeyPair } {
  let ca = authorities.get(kind);
  if (!ca) {
    const keys = newKeyPair();
    const t = Date.now();
    const cert = buildCertificate({
      commonName: kind === 'public' ? 'cswm public test root' : 'cswm private (untrusted) root',
      hosts: [],
      notBefore: new Date(t - 2 * DAY_MS),
      notAfter: new Date(t + 3650 * DAY_MS),
      isCa: true,
      keys,
    });
    ca = { cert, keys };
    authorities.set(kind, ca);
  }
  return ca;
}

/**
 * Makes the server certificate for one TLS mode.
 *
 * @param hosts the names the certificate should be valid for (default localhost, 127.0.0.1, ::1).
 *   `wrong-host` ignores them and names `wrong-host.invalid` instead.
 * @example
 * const tls = makeTlsMaterial('expired');
 * https.createServer({ key: tls.keyPem, cert: tls.certPem }, handler);
 */
export function makeTlsMaterial(
  mode: TlsMode,
  hosts: string[] = ['localhost', '127.0.0.1', '::1'],
  now: Date = new Date(),
): TlsMaterial {
  const t = now.getTime();
  const { cert: publicCa, keys: publicKeys } = authority('public');
  const { cert: privateCa, keys: privateKeys } = authority('private');

  // One server key per process: each certificate still differs, and RSA key generation is
  // the slow part (scenarios make four modes in a row).
  leafKeyPair ??= newKeyPair();
  const leafKeys = leafKeyPair;
  const valid = { notBefore: new Date(t - DAY_MS), notAfter: new Date(t + 90 * DAY_MS) };
  const leafHosts = mode === 'wrong-host' ? ['wrong-host.invalid'] : hosts;
  const base = { commonName: leafHosts[0] ?? 'localhost', hosts: leafHosts, isCa: false, keys: leafKeys };
  let leaf: forge.pki.Certificate;
  switch (mode) {
    case 'self-signed':
      leaf = buildCertificate({ ...base, ...valid });
      break;
    case 'expired':
      leaf = buildCertificate({
        ...base,
        notBefore: new Date(t - 60 * DAY_MS),
        notAfter: new Date(t - 30 * DAY_MS),
        issuer: { cert: publicCa, keys: publicKeys },
      });
      break;
    case 'untrusted-ca':
      // The chain is not sent: a client then reports an unknown issuer, the common real case.
      leaf = buildCertificate({ ...base, ...valid, issuer: { cert: privateCa, keys: privateKeys } });
      break;
    case 'valid':
    case 'wrong-host':
      leaf = buildCertificate({ ...base, ...valid, issuer: { cert: publicCa, keys: publicKeys } });
      break;
  }
  return {
    mode,
    keyPem: leafKeys.privateKeyPem,
    certPem: forge.pki.certificateToPem(leaf),
    publicCaPem: forge.pki.certificateToPem(publicCa),
    privateCaPem: forge.pki.certificateToPem(privateCa),
    hosts: leafHosts,
  };
}
