/**
 * Auth the receiver requires, checked in constant time: both sides are hashed to equal-length
 * digests first, so neither the length nor the first differing byte of a guess leaks.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Auth } from '../delivery/types.js';
import type { ReceiverAuth } from './types.js';

/**
 * The delivery side's auth as the receiver checks it: `bearer` is the header
 * `Authorization: Bearer <token>`; `header` and `basic` are the same on both sides.
 */
export function toReceiverAuth(auth: Auth): ReceiverAuth {
  if (auth.type === 'bearer') return { type: 'header', name: 'Authorization', value: `Bearer ${auth.token}` };
  return auth;
}

export interface AuthCheck {
  /** Lower-case header name carrying the credential. */
  headerName: string;
  /** True when the request carries the right credential. */
  check(headers: IncomingHttpHeaders): boolean;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

export function makeAuthCheck(auth: ReceiverAuth): AuthCheck {
  const headerName = auth.type === 'header' ? auth.name.toLowerCase() : 'authorization';
  const expectedValue = auth.type === 'header' ? auth.value : `${auth.username}:${auth.password}`;
  const expected = digest(expectedValue);
  return {
    headerName,
    check(headers) {
      const raw = headers[headerName];
      const header = Array.isArray(raw) ? raw.join(', ') : raw;
      const given = auth.type === 'header' ? header : basicCredentials(header);
      // Compare even when missing, so a missing header costs the same time as a wrong one.
      const same = timingSafeEqual(digest(given ?? ''), expected);
      return same && given !== undefined;
    },
  };
}

/** `Basic dXNlcjpwYXNz` -> `user:pass` (the scheme is case-insensitive, RFC 7617). */
function basicCredentials(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  return match ? Buffer.from(match[1] as string, 'base64').toString('utf8') : undefined;
}
