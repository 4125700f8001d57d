/**
 * The one place that turns credentials into their redacted form. Every record, log line,
 * report and error that could show a header or a URL goes through here, so a secret given
 * on the command line or to the library never leaves the process.
 */
import { truncate } from './text.js';

export const REDACTED = '[REDACTED]';

/**
 * Header names that look like credentials (`X-Api-Token`, `X-Webhook-Secret`, `X-Auth-Key`):
 * redacted even when nobody said they were, since a receiver may be sent credentials under any name.
 */
const SECRET_NAME = /token|secret|passw|api-?key|auth|signature|session/i;

/** Header names whose values are always credentials. */
const ALWAYS_SECRET = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key']);

/**
 * Returns a copy of `headers` with every credential replaced by {@link REDACTED}.
 * `secretHeaderNames` adds the names of user-chosen auth headers (`--header "X-Token: ..."`).
 * The scheme of an Authorization value is kept (`Bearer [REDACTED]`) because it helps debugging
 * and is not secret.
 */
export function redactHeaders(
  headers: Record<string, string | string[] | undefined>,
  secretHeaderNames: Iterable<string> = [],
): Record<string, string> {
  const secret = new Set(ALWAYS_SECRET);
  for (const name of secretHeaderNames) secret.add(name.toLowerCase());
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers)) {
    if (raw === undefined) continue;
    const value = Array.isArray(raw) ? raw.join(', ') : String(raw);
    out[name] = secret.has(name.toLowerCase()) || SECRET_NAME.test(name) ? redactValue(name, value) : value;
  }
  return out;
}

function redactValue(name: string, value: string): string {
  if (name.toLowerCase() === 'authorization' || name.toLowerCase() === 'proxy-authorization') {
    const scheme = /^(\w+)\s+\S/.exec(value);
    if (scheme) return `${scheme[1]} ${REDACTED}`;
  }
  return REDACTED;
}

/** Shows a URL with any user:password inside it redacted. Invalid URLs are returned cut short. */
export function redactUrl(url: string | URL): string {
  try {
    const parsed = new URL(String(url));
    if (!parsed.username && !parsed.password) return parsed.toString();
    // Built by hand: URL's own setters would percent-encode the marker (%5BREDACTED%5D).
    const credentials = parsed.password ? `${REDACTED}:${REDACTED}` : REDACTED;
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace('//', `//${credentials}@`);
  } catch {
    const s = String(url).replace(/\/\/[^@/]*@/, `//${REDACTED}@`);
    return truncate(s, 200);
  }
}

/**
 * Removes every known secret value from free text (an error message, a response body echoing
 * the request). Values shorter than 4 characters are left alone: replacing them would mangle
 * ordinary text and they are not meaningful secrets.
 */
export function scrubSecrets(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    out = out.split(secret).join(REDACTED);
  }
  return out;
}
