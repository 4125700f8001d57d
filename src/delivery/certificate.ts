/**
 * Reads the certificate an https host presents, with verification off, so that TLS advice can
 * name its facts (when it expired, which names it carries, who issued it, whether the chain was
 * sent). One extra handshake per run, bounded in time; a host that does not complete one gives
 * nothing, and the delivery checks report why.
 */
import { isIP } from 'node:net';
import { connect, type DetailedPeerCertificate, type PeerCertificate } from 'node:tls';
import type { CertificateInfo } from './types.js';

function nameOf(entity: PeerCertificate['subject'] | undefined): string {
  if (!entity) return 'an unnamed certificate';
  const cn = entity.CN;
  if (typeof cn === 'string' && cn !== '') return cn;
  if (Array.isArray(cn) && cn.length > 0) return cn.join(', ');
  return Object.entries(entity)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');
}

/** DNS and IP names of the subjectaltname field (`DNS:a.example, IP Address:127.0.0.1`). */
export function altNames(subjectaltname: string | undefined): string[] {
  if (!subjectaltname) return [];
  return subjectaltname
    .split(/,\s*/)
    .map((entry) => /^(?:DNS|IP Address):(.+)$/.exec(entry.trim())?.[1])
    .filter((name): name is string => name !== undefined && name !== '');
}

/** How many certificates the chain walks through before it ends or loops on a root. */
function chainLength(cert: DetailedPeerCertificate): number {
  let length = 1;
  let current = cert;
  const seen = new Set([cert.fingerprint256]);
  while (current.issuerCertificate && !seen.has(current.issuerCertificate.fingerprint256)) {
    current = current.issuerCertificate;
    seen.add(current.fingerprint256);
    length += 1;
  }
  return length;
}

export function certificateInfo(cert: DetailedPeerCertificate, verifyError?: string): CertificateInfo {
  const subject = nameOf(cert.subject);
  const names = altNames(cert.subjectaltname);
  return {
    subject,
    names: names.length > 0 ? names : [subject],
    issuer: nameOf(cert.issuer),
    validFrom: new Date(cert.valid_from).toISOString(),
    validTo: new Date(cert.valid_to).toISOString(),
    // Issued by itself: the same distinguished name on both sides.
    selfSigned: JSON.stringify(cert.subject) === JSON.stringify(cert.issuer),
    chainLength: chainLength(cert),
    ...(verifyError ? { verifyError } : {}),
  };
}

/**
 * The certificate `host:port` presents, or undefined when no handshake completes within
 * `timeoutMs`. `ca`: the run's extra trusted CAs, so `verifyError` says what the run would see.
 */
export function inspectCertificate(
  host: string,
  port: number,
  options: { ca?: string | string[]; timeoutMs: number },
): Promise<CertificateInfo | undefined> {
  const bare = host.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    let settled = false;
    const done = (info: CertificateInfo | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(info);
    };
    const socket = connect({
      host: bare,
      port,
      // An IP address is not a valid SNI name; Node warns when given one.
      ...(isIP(bare) === 0 ? { servername: bare } : {}),
      rejectUnauthorized: false,
      ...(options.ca === undefined ? {} : { ca: options.ca }),
    });
    const timer = setTimeout(() => done(undefined), options.timeoutMs);
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate(true);
      if (!cert || Object.keys(cert).length === 0) return done(undefined);
      const error = socket.authorizationError;
      done(
        certificateInfo(cert, error ? String((error as Error & { code?: string }).code ?? error) : undefined),
      );
    });
    socket.once('error', () => done(undefined));
  });
}
