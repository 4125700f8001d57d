/**
 * nginx (Debian's nginx-light) terminating TLS in front of a bare node:http application, with
 * certificates made at test time by a local CA (certs.ts). Four variants:
 * - `valid`: issued by the local CA for 127.0.0.1 and localhost; trusted when the checker is
 *   given `ca` (the local CA stands for the public roots the Console trusts);
 * - `expired`: the same, but its validity ended 30 days ago;
 * - `wrong-name`: valid, but issued for other.example.test while the URL says 127.0.0.1;
 * - `unknown-ca`: valid, but issued by a second CA that no checker is given (only the leaf is
 *   served, so a client sees an issuer it cannot find).
 * nginx runs with `-p <temp dir>`, its pid file, access log and temp paths inside it, its error
 * log on stderr (kept with the handle's logs).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type IssuedCertificate, issueCertificate, type LocalCa, makeCa, validity } from './certs.js';
import { literally, receiverFile, startOnFreePort, tempDir, type ZooReceiver } from './process.js';

export const NGINX_BINARY = '/usr/sbin/nginx';

export type NginxVariant = 'valid' | 'expired' | 'wrong-name' | 'unknown-ca';

export const NGINX_VARIANTS: readonly NginxVariant[] = ['valid', 'expired', 'wrong-name', 'unknown-ca'];

/** The name the wrong-name certificate is issued for. */
export const OTHER_NAME = 'other.example.test';

export interface NginxReceiver extends ZooReceiver {
  /** The local CA's PEM: what a checker configured like the Console trusts. */
  ca: string;
  /** The certificate nginx serves. */
  certificate: IssuedCertificate;
}

async function certificateFor(variant: NginxVariant, dir: string, trustedCa: LocalCa) {
  const issuer = variant === 'unknown-ca' ? await makeCa(join(dir, 'other-ca'), 'zoo unknown CA') : trustedCa;
  return issueCertificate(issuer, dir, 'server', {
    names: variant === 'wrong-name' ? [OTHER_NAME] : ['127.0.0.1', 'localhost'],
    ...validity(variant === 'expired' ? 'expired' : 'current'),
  });
}

function renderConfig(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`nginx.conf template: no value for ${whole}`);
    return value;
  });
}

export async function startNginx(variant: NginxVariant): Promise<NginxReceiver> {
  const dir = await tempDir(`nginx-${variant}`);
  const undo: (() => Promise<void>)[] = [dir.remove];
  const stopAll = async () => {
    for (const step of undo.splice(0).reverse()) await step();
  };
  try {
    const ca = await makeCa(join(dir.path, 'ca'), 'zoo local CA');
    const certificate = await certificateFor(variant, dir.path, ca);

    const upstream = await startOnFreePort((p) => ({
      label: 'nginx upstream (node:http)',
      command: process.execPath,
      args: [receiverFile('nginx', 'upstream.mjs')],
      env: { PORT: String(p) },
      readyLine: literally(`upstream listening on ${p}`),
    }));
    undo.push(() => upstream.proc.stop());

    await mkdir(join(dir.path, 'temp'));
    const template = await readFile(receiverFile('nginx', 'nginx.conf'), 'utf8');
    const configFile = join(dir.path, 'nginx.conf');
    const nginx = await startOnFreePort(async (p) => {
      await writeFile(
        configFile,
        renderConfig(template, {
          // As root, workers would run as `nobody` and could not write the temp dir (0700).
          USER: process.getuid?.() === 0 ? 'user root;' : '',
          PORT: String(p),
          UPSTREAM_PORT: String(upstream.port),
          CERT_FILE: certificate.certFile,
          KEY_FILE: certificate.keyFile,
        }),
      );
      return {
        label: `nginx (${variant})`,
        command: NGINX_BINARY,
        args: ['-p', dir.path, '-c', configFile, '-e', 'stderr', '-g', 'daemon off;'],
        // Logged once every listening socket is bound (a failed bind exits instead).
        readyLine: /start worker process/,
      };
    });
    undo.push(() => nginx.proc.stop());

    return {
      name: `nginx-${variant}`,
      url: `https://127.0.0.1:${nginx.port}/webhook`,
      ca: ca.certPem,
      certificate,
      stop: stopAll,
      logs: () => `--- nginx\n${nginx.proc.logs()}\n--- upstream\n${upstream.proc.logs()}`,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
