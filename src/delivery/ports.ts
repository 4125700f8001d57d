import { InvalidUrlError, PortNotAllowedError } from '../errors.js';
import { redactUrl } from '../util/redact.js';

/** The only ports the CrowdSec Console will call. */
export const ALLOWED_PORTS: readonly number[] = Object.freeze([80, 8080, 443, 8443]);

const DEFAULT_PORT: Record<string, number> = { 'http:': 80, 'https:': 443 };

/** The port a URL really uses: its explicit port, else its scheme's default. */
export function effectivePort(url: URL): number {
  return url.port === '' ? (DEFAULT_PORT[url.protocol] ?? 0) : Number(url.port);
}

/** True when the Console would call this URL's port. Throws for a bad URL or scheme. */
export function isPortAllowed(url: string | URL): boolean {
  const parsed = parseDestination(url);
  return ALLOWED_PORTS.includes(effectivePort(parsed));
}

export interface Destination {
  url: URL;
  port: number;
  portAllowed: boolean;
}

/**
 * Checks a destination before anything is sent: an http(s) URL, and a port the Console calls
 * unless `allowAnyPort` (local tests on ephemeral ports). Throws InvalidUrlError or
 * PortNotAllowedError; the returned `portAllowed` still tells the truth when allowAnyPort is on,
 * so a conformance report can mark the port check as failed.
 *
 * @example checkDestination('https://hooks.example.com/cs', { allowAnyPort: false }).port // 443
 */
export function checkDestination(url: string | URL, options: { allowAnyPort?: boolean } = {}): Destination {
  const parsed = parseDestination(url);
  const port = effectivePort(parsed);
  const portAllowed = ALLOWED_PORTS.includes(port);
  if (!portAllowed && !options.allowAnyPort) throw new PortNotAllowedError(port, ALLOWED_PORTS);
  return { url: parsed, port, portAllowed };
}

function parseDestination(url: string | URL): URL {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    throw new InvalidUrlError(
      `"${redactUrl(String(url))}" is not a valid URL (write it like https://hooks.example.com/crowdsec)`,
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new InvalidUrlError(
      `scheme "${parsed.protocol.replace(/:$/, '')}" is not allowed in ${redactUrl(parsed)} (allowed: http, https)`,
    );
  }
  if (parsed.hostname === '') throw new InvalidUrlError(`${redactUrl(parsed)} has no host name`);
  if (parsed.port === '0') {
    throw new InvalidUrlError(`${redactUrl(parsed)}: port 0 cannot be called (write a port from 1 to 65535)`);
  }
  return parsed;
}
