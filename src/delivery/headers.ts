import { InvalidOptionError } from '../errors.js';
import { redactHeaders } from '../util/redact.js';
import { version } from '../version.js';
import type { Auth } from './types.js';

/**
 * Names this project and its version: the Console's own User-Agent is undocumented, and a
 * receiver's logs should show plainly that these requests came from a mock.
 */
export const USER_AGENT = `crowdsec-webhook-mock/${version} (+https://www.npmjs.com/package/crowdsec-webhook-mock)`;

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** True for a valid header name (an RFC 9110 token). */
export function isHeaderName(name: string): boolean {
  return TOKEN.test(name);
}

/** What is sent with every attempt, and the values that must never leave the process. */
export interface RequestIdentity {
  /** Headers as sent (credentials included). */
  headers: Record<string, string>;
  /** The same headers with credentials redacted, for records. */
  redactedHeaders: Record<string, string>;
  /** Every secret value, for scrubbing free text (errors, echoed bodies). */
  secrets: string[];
}

/** The headers every attempt carries unless the caller gives its own (a learned profile's). */
export const DEFAULT_REQUEST_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-type': 'application/json',
  'user-agent': USER_AGENT,
});

/** Set by the transport for each request: a caller's value would contradict the bytes sent. */
const TRANSPORT_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection']);

/**
 * Builds the request headers: JSON content type, our User-Agent (or `base`, a learned sender's
 * headers, in their place), and the auth the webhook is configured with. No signature and no
 * delivery-id header: the Console documents none, and a receiver's idempotency key is
 * `details.event_id`.
 */
export function buildRequestIdentity(
  auth: Auth | undefined,
  base: Readonly<Record<string, string>> = DEFAULT_REQUEST_HEADERS,
): RequestIdentity {
  const headers = checkBaseHeaders(base);
  const secrets: string[] = [];
  const secretNames: string[] = [];
  if (auth?.type === 'bearer') {
    assertHeaderValue('bearer token', auth.token);
    headers.authorization = `Bearer ${auth.token}`;
    secrets.push(auth.token, headers.authorization);
  } else if (auth?.type === 'basic') {
    assertHeaderValue('basic user', auth.username);
    assertHeaderValue('basic password', auth.password);
    if (auth.username.includes(':')) {
      throw new InvalidOptionError('basic auth: the user name cannot contain ":" (write USER:PASS)');
    }
    const token = Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64');
    headers.authorization = `Basic ${token}`;
    secrets.push(auth.password, token);
  } else if (auth?.type === 'header') {
    if (!TOKEN.test(auth.name)) {
      throw new InvalidOptionError(
        `header name "${auth.name.slice(0, 40)}" is not a valid HTTP header name (letters, digits and !#$%&'*+.^_\`|~- only)`,
      );
    }
    assertHeaderValue(`header ${auth.name}`, auth.value);
    const name = auth.name.toLowerCase();
    if (name === 'content-type' || name === 'user-agent' || name === 'content-length' || name === 'host') {
      throw new InvalidOptionError(
        `header ${auth.name} cannot carry auth (it is set by the delivery itself); choose another name such as Authorization or X-Api-Key`,
      );
    }
    headers[name] = auth.value;
    secrets.push(auth.value);
    secretNames.push(name);
  }
  return { headers, redactedHeaders: redactHeaders(headers, secretNames), secrets };
}

function checkBaseHeaders(base: Readonly<Record<string, string>>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [rawName, value] of Object.entries(base)) {
    const name = rawName.toLowerCase();
    if (!TOKEN.test(name)) {
      throw new InvalidOptionError(
        `headers: "${rawName.slice(0, 40)}" is not a valid HTTP header name (letters, digits and !#$%&'*+.^_\`|~- only)`,
      );
    }
    if (TRANSPORT_HEADERS.has(name)) {
      throw new InvalidOptionError(
        `headers: ${rawName} is set by the transport for each request; leave it out`,
      );
    }
    if (typeof value !== 'string' || /[\r\n\0]/.test(value)) {
      throw new InvalidOptionError(`headers: the value of ${rawName} must be text on one line`);
    }
    headers[name] = value;
  }
  return headers;
}

function assertHeaderValue(what: string, value: string): void {
  if (typeof value !== 'string' || value === '' || /[\r\n\0]/.test(value)) {
    throw new InvalidOptionError(`${what}: the value must be non-empty text on one line`);
  }
}

/**
 * Takes user:password out of a destination URL. Like Go's net/http client (the Console's
 * likely transport), credentials written in the URL are sent as Basic auth; the URL itself is
 * then sent and shown without them. Combined with another auth option it is ambiguous, so it
 * is refused.
 */
export function splitUrlCredentials(url: URL, auth: Auth | undefined): { url: URL; auth: Auth | undefined } {
  if (url.username === '' && url.password === '') return { url, auth };
  if (auth) {
    throw new InvalidOptionError(
      'the URL carries a user and password and another auth option is given; keep one (remove user:pass@ from the URL, or drop `auth`)',
    );
  }
  const clean = new URL(url.href);
  const username = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  clean.username = '';
  clean.password = '';
  return { url: clean, auth: { type: 'basic', username, password } };
}
