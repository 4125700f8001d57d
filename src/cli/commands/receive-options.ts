/**
 * `cswm receive`'s flags turned into receiver options: the fault flags (at most one rule), the
 * required credentials, the TLS mode and the proxy's upstream. Every mistake is an input error
 * (exit 2) saying what is allowed.
 */

import { InvalidOptionError } from '../../errors.js';
import { TLS_MODES, type TlsMode } from '../../receiver/certs.js';
import { isNamedFault, NAMED_FAULTS, namedFault } from '../../receiver/faults.js';
import type { Fault, FaultRule, ReceiverAuth } from '../../receiver/types.js';
import { parseDurationMs } from '../../util/duration.js';
import { redactUrl } from '../../util/redact.js';
import { parseHeader, parseUserPass, shown } from '../options.js';

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
        `${flag}: ${shown(part)} is not an HTTP status (allowed: 200 to 599, comma-separated, e.g. 503,503,200)`,
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
        `--event-type: ${shown(flags.eventType)} is not an event type (lower-case letters, digits and _; run \`cswm events\`)`,
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
  if (flags.fault !== undefined) {
    if (isNamedFault(flags.fault)) return namedFault(flags.fault);
    throw new InvalidOptionError(
      `--fault: ${shown(flags.fault)} is not a fault (allowed: ${NAMED_FAULTS.join(', ')}; for statuses use --respond, for waits --delay)`,
    );
  }
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

function parseTimes(value: string | number): number {
  const text = String(value).trim();
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 1_000_000) {
    throw new InvalidOptionError(`--times: ${shown(text)} is not a whole number (allowed: 1 to 1000000)`);
  }
  return Number(text);
}

function parsePath(path: string): string {
  if (!path.startsWith('/') || /\s/.test(path)) {
    throw new InvalidOptionError(
      `--path: ${shown(path)} is not a URL path (it starts with /, e.g. /hooks/crowdsec)`,
    );
  }
  return path;
}

/** Parses `--require-header "Name: value"`. */
export function parseRequireHeader(text: string): Extract<ReceiverAuth, { type: 'header' }> {
  return { type: 'header', ...parseHeader(text, '--require-header', 'Authorization: Bearer <token>') };
}

/** Parses `--require-basic USER:PASS`. */
export function parseRequireBasic(text: string): Extract<ReceiverAuth, { type: 'basic' }> {
  return { type: 'basic', ...parseUserPass(text, '--require-basic') };
}

/** Parses `--auth-status`. */
export function parseAuthStatus(text: string): 401 | 403 {
  if (text === '401' || text === '403') return Number(text) as 401 | 403;
  throw new InvalidOptionError(`--auth-status: ${shown(text)} is not allowed (allowed: 401, 403)`);
}

/** Parses `--tls MODE`. */
export function parseTlsMode(text: string): TlsMode {
  if ((TLS_MODES as readonly string[]).includes(text)) return text as TlsMode;
  throw new InvalidOptionError(`--tls: ${shown(text)} is not a TLS mode (allowed: ${TLS_MODES.join(', ')})`);
}

/** Parses `--proxy UPSTREAM_URL`: http or https only. */
export function parseUpstream(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidOptionError(
      `--proxy: ${shown(redactUrl(text))} is not a URL (e.g. http://127.0.0.1:3000/webhook)`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidOptionError(`--proxy: scheme ${url.protocol} is not allowed (allowed: http, https)`);
  }
  return url.toString();
}
