/**
 * Parsers for the receiver's command-line flags (and scenario files): text in, typed data
 * out, every mistake an InvalidOptionError (exit 2) saying what is allowed.
 */
import { InvalidOptionError } from '../errors.js';
import { parseDurationMs } from '../util/duration.js';
import { TLS_MODES, type TlsMode } from './certs.js';
import type { Fault, FaultRule, ReceiverAuth } from './types.js';

/** Faults chosen by name with `--fault` (the others take values: `--respond`, `--delay`). */
export const NAMED_FAULTS = ['hang', 'reset', 'malformed', 'huge-body', 'drop-response'] as const;
export type NamedFault = (typeof NAMED_FAULTS)[number];

/** Size of the `huge-body` answer when none is given. @default 1 GiB */
export const DEFAULT_HUGE_BODY_BYTES = 1024 ** 3;

/**
 * Parses a status sequence such as `503,503,200` into a `status` fault.
 *
 * @example parseRespond('503,503,200') // { type: 'status', statuses: [503, 503, 200] }
 */
export function parseRespond(text: string, flag = '--respond'): Extract<Fault, { type: 'status' }> {
  const parts = String(text)
    .split(',')
    .map((s) => s.trim());
  const statuses = parts.map((part) => {
    if (!/^\d{3}$/.test(part) || Number(part) < 200 || Number(part) > 599) {
      throw new InvalidOptionError(
        `${flag}: "${short(part)}" is not an HTTP status (allowed: 200 to 599, comma-separated, e.g. 503,503,200)`,
      );
    }
    return Number(part);
  });
  if (statuses.length > 100) {
    throw new InvalidOptionError(`${flag}: ${statuses.length} statuses is too many (at most 100)`);
  }
  return { type: 'status', statuses };
}

/** The fault flags of `cswm receive`, as commander hands them over (strings, unparsed). */
export interface FaultFlags {
  respond?: string;
  delay?: string;
  fault?: string;
  times?: string | number;
  path?: string;
  eventType?: string;
}

/**
 * Turns the fault flags into at most one rule. `--respond` and `--fault` exclude each other;
 * `--delay` may come with a single `--respond` status (the status answered after the wait).
 *
 * @example parseFaultFlags({ respond: '503', times: '2' }) // [{ fault: {type:'status',statuses:[503]}, times: 2 }]
 */
export function parseFaultFlags(flags: FaultFlags): FaultRule[] {
  const fault = faultFromFlags(flags);
  const scoped = flags.times !== undefined || flags.path !== undefined || flags.eventType !== undefined;
  if (!fault) {
    if (scoped) {
      throw new InvalidOptionError(
        '--times, --path and --event-type narrow a fault: give one with --respond, --delay or --fault',
      );
    }
    return [];
  }
  const rule: FaultRule = { fault };
  if (flags.times !== undefined) rule.times = parseTimes(flags.times);
  if (flags.path !== undefined) rule.path = parsePath(flags.path);
  if (flags.eventType !== undefined) {
    if (!/^[a-z0-9_]{1,100}$/.test(flags.eventType)) {
      throw new InvalidOptionError(
        `--event-type: "${short(flags.eventType)}" is not an event type (lower-case letters, digits and _; run \`cswm events\`)`,
      );
    }
    rule.eventType = flags.eventType;
  }
  return [rule];
}

function faultFromFlags(flags: FaultFlags): Fault | null {
  if (flags.fault !== undefined && (flags.respond !== undefined || flags.delay !== undefined)) {
    throw new InvalidOptionError(
      '--fault cannot be combined with --respond or --delay: choose one behaviour',
    );
  }
  if (flags.fault !== undefined) return namedFault(flags.fault);
  if (flags.delay !== undefined) {
    const delayMs = parseDurationMs(flags.delay, '--delay');
    if (flags.respond === undefined) return { type: 'delay', delayMs };
    const { statuses } = parseRespond(flags.respond);
    if (statuses.length !== 1) {
      throw new InvalidOptionError(
        '--delay takes a single --respond status (e.g. --delay 31s --respond 200)',
      );
    }
    return { type: 'delay', delayMs, status: statuses[0] as number };
  }
  if (flags.respond !== undefined) return parseRespond(flags.respond);
  return null;
}

function namedFault(name: string): Fault {
  switch (name as NamedFault) {
    case 'hang':
      return { type: 'hang' };
    case 'reset':
      return { type: 'reset' };
    case 'malformed':
      return { type: 'malformed' };
    case 'huge-body':
      return { type: 'huge-body', bytes: DEFAULT_HUGE_BODY_BYTES };
    case 'drop-response':
      return { type: 'drop-response' };
    default:
      throw new InvalidOptionError(
        `--fault: "${short(name)}" is not a fault (allowed: ${NAMED_FAULTS.join(', ')}; for statuses use --respond, for waits --delay)`,
      );
  }
}

function parseTimes(value: string | number): number {
  const text = String(value).trim();
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 1_000_000) {
    throw new InvalidOptionError(`--times: "${short(text)}" is not a whole number (allowed: 1 to 1000000)`);
  }
  return Number(text);
}

function parsePath(path: string): string {
  if (!path.startsWith('/') || /\s/.test(path)) {
    throw new InvalidOptionError(
      `--path: "${short(path)}" is not a URL path (it starts with /, e.g. /hooks/crowdsec)`,
    );
  }
  return path;
}

/** Parses `--require-header "Name: value"`. */
export function parseRequireHeader(text: string): Extract<ReceiverAuth, { type: 'header' }> {
  const match = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*:\s*(.+)$/.exec(String(text).trim());
  if (!match) {
    // The value may be a secret: never echo the text back.
    throw new InvalidOptionError(
      '--require-header: expected "Name: value" (e.g. "Authorization: Bearer <token>"); the value was not echoed',
    );
  }
  return { type: 'header', name: match[1] as string, value: (match[2] as string).trim() };
}

/** Parses `--require-basic USER:PASS`. */
export function parseRequireBasic(text: string): Extract<ReceiverAuth, { type: 'basic' }> {
  const index = String(text).indexOf(':');
  if (index <= 0 || index === text.length - 1) {
    throw new InvalidOptionError(
      '--require-basic: expected USER:PASS with both parts non-empty; the value was not echoed',
    );
  }
  return { type: 'basic', username: text.slice(0, index), password: text.slice(index + 1) };
}

/** Parses `--auth-status`. */
export function parseAuthStatus(text: string): 401 | 403 {
  if (text === '401' || text === '403') return Number(text) as 401 | 403;
  throw new InvalidOptionError(`--auth-status: "${short(text)}" is not allowed (allowed: 401, 403)`);
}

/** Parses `--tls MODE`. */
export function parseTlsMode(text: string): TlsMode {
  if ((TLS_MODES as readonly string[]).includes(text)) return text as TlsMode;
  throw new InvalidOptionError(
    `--tls: "${short(text)}" is not a TLS mode (allowed: ${TLS_MODES.join(', ')})`,
  );
}

/** Parses `--proxy UPSTREAM_URL`: http or https only. */
export function parseUpstream(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidOptionError(
      `--proxy: "${short(text)}" is not a URL (e.g. http://127.0.0.1:3000/webhook)`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidOptionError(`--proxy: scheme ${url.protocol} is not allowed (allowed: http, https)`);
  }
  return url.toString();
}

function short(text: string): string {
  const s = String(text);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
