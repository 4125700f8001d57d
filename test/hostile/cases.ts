/**
 * What each hostile receiver must come to, seen from each command. Labels are the delivery
 * engine's outcome labels (`delivered`, `status-302`, `timeout`, `protocol`, `reset`, ...).
 */
import type { HostileKind } from './servers/hostile.js';

export interface HostileCase {
  kind: HostileKind;
  /** Why this receiver is hostile, for the test's name. */
  what: string;
  /** Label of every attempt of `cswm send` and of a `cswm check` probe. */
  direct: string;
  /** Label of the attempts that reach the target through `scenario run --target`'s proxy. */
  proxied: string;
}

export const HOSTILE_CASES: HostileCase[] = [
  { kind: 'huge-body', what: 'a 1 GiB streamed response body', direct: 'delivered', proxied: 'delivered' },
  { kind: 'trickle', what: 'one byte per second', direct: 'timeout', proxied: 'timeout' },
  { kind: 'endless-headers', what: 'headers that never end', direct: 'protocol', proxied: 'status-502' },
  { kind: 'not-http', what: 'bytes that are not HTTP', direct: 'protocol', proxied: 'status-502' },
  { kind: 'redirect-loop', what: 'a redirect to itself', direct: 'status-302', proxied: 'status-302' },
  { kind: 'gzip-bomb', what: 'a gzip bomb (1 GiB inflated)', direct: 'delivered', proxied: 'delivered' },
  { kind: 'reset-storm', what: 'a reset of every connection', direct: 'reset', proxied: 'status-502' },
  { kind: 'half-read', what: 'a close after half the request', direct: 'reset', proxied: 'status-502' },
];

/** Bytes a client may make a hostile server write before it stops reading: its cap plus socket buffers. */
export const MAX_BYTES_PULLED = 32 * 1024 * 1024;

/** Peak RSS a CLI run may add over the same command against a well-behaved receiver. */
export const MAX_EXTRA_RSS_MIB = 48;
