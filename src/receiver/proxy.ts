/**
 * Forwarding proxy mode: each delivery the fault rules let through is sent on to the user's
 * own receiver with a plain HTTP client, so it sees exactly what the Console's retries bring.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { buildRequestIdentity } from '../delivery/headers.js';
import type { Auth } from '../delivery/types.js';
import { scrubSecrets } from '../util/redact.js';

export interface ForwardedResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export type Forwarder = (input: {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Aborts the upstream exchange (the sender went away: nobody is waiting for the answer). */
  signal?: AbortSignal;
}) => Promise<ForwardedResponse>;

/** Hop-by-hop headers (RFC 9110 7.6.1) and those recomputed for the new connection. */
const DROPPED = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'host',
  'content-length',
]);

/** The upstream's answer body is relayed up to this size. */
const MAX_RELAYED_BYTES = 64 * 1024;

export interface ProxyOptions {
  upstream: string;
  /**
   * Credentials for the upstream, as its Console destination has them: set on every forwarded
   * request in place of the sender's (which were the mock's to check).
   */
  auth?: Auth;
  insecure?: boolean;
  ca?: string | string[];
  /** @default 60000 (longer than the Console's 30 s, so the sender's timeout is what fires) */
  timeoutMs?: number;
}

/** The upstream URL with the request path appended: `http://h/hook` + `/x` -> `http://h/hook/x`. */
export function upstreamUrl(upstream: string, path: string): URL {
  const base = new URL(upstream);
  const url = new URL(base);
  if (path !== '/' && path !== '') {
    const q = path.indexOf('?');
    const pathname = q >= 0 ? path.slice(0, q) : path;
    url.pathname = `${base.pathname.replace(/\/$/, '')}${pathname}`;
    if (q >= 0) url.search = path.slice(q);
  }
  return url;
}

/**
 * The credentials written in the upstream URL, in the forms an upstream could echo back (the
 * password, and the Basic token node sends for them), as latin1 text of their UTF-8 bytes.
 */
function upstreamSecrets(upstream: string): string[] {
  const url = new URL(upstream);
  if (url.username === '' && url.password === '') return [];
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  const token = Buffer.from(`${user}:${password}`, 'utf8').toString('base64');
  return [password, token].map((s) => Buffer.from(s, 'utf8').toString('latin1'));
}

/** The credential headers of a request identity (what is left beside content type and User-Agent). */
function credentialHeaders(headers: Record<string, string>): Record<string, string> {
  const { 'content-type': _type, 'user-agent': _agent, ...rest } = headers;
  return rest;
}

export function makeForwarder(options: ProxyOptions): Forwarder {
  const timeoutMs = options.timeoutMs ?? 60_000;
  // An upstream that echoes the request would hand its URL's credentials back to the sender,
  // whose records and reports would then show them: they are scrubbed from what is relayed.
  const identity = options.auth ? buildRequestIdentity(options.auth) : undefined;
  const credentials = identity ? credentialHeaders(identity.headers) : {};
  const secrets = [...upstreamSecrets(options.upstream), ...(identity?.secrets ?? [])];
  const scrub = (body: Buffer): Buffer =>
    secrets.length === 0 ? body : Buffer.from(scrubSecrets(body.toString('latin1'), secrets), 'latin1');
  return ({ method, path, headers, body, signal }) =>
    new Promise((resolve, reject) => {
      const url = upstreamUrl(options.upstream, path);
      const out: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined && !DROPPED.has(name)) out[name] = value;
      }
      if (identity) {
        delete out.authorization;
        Object.assign(out, credentials);
      }
      out['content-length'] = String(body.length);
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = send(url, {
        method,
        headers: out,
        ...(url.protocol === 'https:'
          ? { rejectUnauthorized: !options.insecure, ...(options.ca ? { ca: options.ca } : {}) }
          : {}),
      });
      let settled = false;
      const settle = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        signal?.removeEventListener('abort', onAbort);
        outcome();
      };
      // A deadline for the whole exchange, not an idle timeout: an upstream trickling one byte a
      // second is never idle, and would keep the proxy (and its process) busy for as long as it likes.
      const deadline = setTimeout(
        () => req.destroy(new Error(`upstream did not answer within ${timeoutMs}ms`)),
        timeoutMs,
      );
      const onAbort = (): void => {
        req.destroy(new Error('the sender went away'));
      };
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });
      req.on('error', (error) => settle(() => reject(error)));
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const relay = (): void => {
          const relayed: Record<string, string> = {};
          const type = res.headers['content-type'];
          if (type) relayed['content-type'] = type;
          const answer = {
            status: res.statusCode ?? 502,
            headers: relayed,
            body: scrub(Buffer.concat(chunks)),
          };
          settle(() => resolve(answer));
        };
        res.on('data', (chunk: Buffer) => {
          chunks.push(chunk.subarray(0, MAX_RELAYED_BYTES - size));
          size += chunk.length;
          // The cap is all that is relayed, so nothing past it is read: a 1 GB (or endless) body
          // costs the proxy 64 KiB and no time.
          if (size >= MAX_RELAYED_BYTES) {
            relay();
            req.destroy();
          }
        });
        res.on('error', (error) => settle(() => reject(error)));
        res.on('end', relay);
      });
      req.end(body);
    });
}
