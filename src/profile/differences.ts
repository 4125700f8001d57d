/**
 * Where a learned sender differs from what the emitter assumes (src/delivery/defaults.ts and
 * the request it builds), one sentence each, for the page, the command line and the profile's
 * `differences`. Pure. Numbers within 5 % of the default count as the same: that much is
 * measurement (a busy machine's timers, the network).
 */
import { backoffDelaysMs } from '../delivery/backoff.js';
import { DEFAULTS } from '../delivery/defaults.js';
import { DEFAULT_REQUEST_HEADERS } from '../delivery/headers.js';
import { isEventType } from '../events/catalog.js';
import { schemaOf } from '../events/schemas.js';
import { formatDurationMs } from '../util/duration.js';
import type { BodyForm, SenderProfile } from './types.js';

/** Relative difference under which a measured duration counts as the default. */
export const SAME_WITHIN = 0.05;
/** Jitter under this fraction is taken as measurement noise, not the sender's. */
export const JITTER_NOISE = 0.02;

const durations = (list: readonly number[]) => list.map(formatDurationMs).join(', ');

function differs(measured: number, assumed: number): boolean {
  return Math.abs(measured - assumed) > SAME_WITHIN * Math.max(assumed, 1);
}

/**
 * The differences, in a stable order: schedule, timeout, headers, bodies, redirects,
 * connections.
 *
 * @example describeDifferences(profile) // ['waits 2s, 4s, 8s, 16s between attempts (the emitter: 1s, 2s, 4s, 8s)', ...]
 */
export function describeDifferences(p: SenderProfile): string[] {
  return [...schedule(p), ...timeout(p), ...headers(p), ...bodies(p), ...transport(p)];
}

function schedule(p: SenderProfile): string[] {
  const out: string[] = [];
  const summary = p.waitsMs.summary;
  if (summary.length > 0) {
    const assumed = backoffDelaysMs({}, summary.length + 1, 1);
    if (summary.some((w, i) => differs(w, assumed[i] as number))) {
      out.push(`waits ${durations(summary)} between attempts (the emitter: ${durations(assumed)})`);
    }
  }
  if (p.waitsMs.jitter !== null && p.waitsMs.jitter >= JITTER_NOISE) {
    out.push(`its waits vary by up to ±${Math.round(p.waitsMs.jitter * 100)} % (the emitter: no jitter)`);
  }
  if (p.maxAttempts !== null && p.maxAttempts !== DEFAULTS.maxAttempts) {
    out.push(
      `makes ${p.maxAttempts} attempt${p.maxAttempts === 1 ? '' : 's'} in all for an event answered failures (the emitter: ${DEFAULTS.maxAttempts})`,
    );
  }
  return out;
}

function timeout(p: SenderProfile): string[] {
  if (p.timeoutMs !== null && differs(p.timeoutMs, DEFAULTS.timeoutMs)) {
    return [
      `gives up on an unanswered request after ${formatDurationMs(p.timeoutMs)} (the emitter: ${formatDurationMs(DEFAULTS.timeoutMs)})`,
    ];
  }
  if (p.timeoutLongerThanMs !== null && p.timeoutLongerThanMs > DEFAULTS.timeoutMs * (1 + SAME_WITHIN)) {
    return [
      `still waited for an answer after ${formatDurationMs(p.timeoutLongerThanMs)} (the emitter gives up after ${formatDurationMs(DEFAULTS.timeoutMs)})`,
    ];
  }
  return [];
}

function headers(p: SenderProfile): string[] {
  if (p.events === 0) return [];
  const out: string[] = [];
  const agent = DEFAULT_REQUEST_HEADERS['user-agent'] as string;
  if (p.userAgent === null) out.push(`sends no User-Agent (the emitter: ${agent})`);
  else if (p.userAgent !== agent) out.push(`User-Agent "${p.userAgent}" (the emitter: ${agent})`);
  const type = p.headers['content-type'];
  const assumedType = DEFAULT_REQUEST_HEADERS['content-type'] as string;
  if (type === undefined && !p.varyingHeaders.includes('content-type')) {
    out.push(`sends no Content-Type (the emitter: ${assumedType})`);
  } else if (type !== undefined && type !== assumedType) {
    out.push(`Content-Type "${type}" (the emitter: ${assumedType})`);
  }
  for (const [name, value] of Object.entries(p.headers)) {
    if (name in DEFAULT_REQUEST_HEADERS) continue;
    out.push(`sends ${name}: ${value} (the emitter does not)`);
  }
  if (p.varyingHeaders.length > 0) {
    out.push(
      `sends headers whose value changes between requests: ${p.varyingHeaders.join(', ')} (the emitter sends none)`,
    );
  }
  return out;
}

function bodies(p: SenderProfile): string[] {
  const out: string[] = [];
  for (const [type, form] of Object.entries(p.bodyForms)) {
    if (!isEventType(type)) continue;
    if (type === 'blocking_safe_ip' && form.form === 'wrapped') {
      out.push('sends blocking_safe_ip wrapped in {metadata, details} (the emitter: flat, as documented)');
    }
    const order = keyOrderDifference(type, form);
    if (order) out.push(order);
  }
  const all = Object.values(p.bodyForms);
  if (all.some((f) => !f.compact))
    out.push('writes JSON with whitespace between tokens (the emitter: compact)');
  else if (all.some((f) => !f.sameAsJsonStringify)) {
    out.push(
      'escapes characters differently from JSON.stringify (e.g. \\u003c for <), which the emitter does not',
    );
  }
  if (all.some((f) => f.trailingNewline)) out.push('ends bodies with a newline (the emitter does not)');
  return out;
}

/** The emitter writes an event's fields in its schema's order, and the envelope metadata first. */
function keyOrderDifference(type: string & Parameters<typeof schemaOf>[0], form: BodyForm): string | null {
  if (form.form === 'wrapped' && form.keys.join() !== 'metadata,details') {
    return `writes ${type} with its top-level keys in the order ${form.keys.join(', ')} (the emitter: metadata, details)`;
  }
  const fields = form.form === 'wrapped' ? form.detailsKeys : form.keys;
  const documented = Object.keys(schemaFields(type));
  const known = fields.filter((k) => documented.includes(k));
  const expected = documented.filter((k) => known.includes(k));
  if (known.join() === expected.join()) return null;
  return `writes ${type}'s fields in another order than the emitter (first: ${known.slice(0, 3).join(', ')}; the emitter, as documented: ${expected.slice(0, 3).join(', ')})`;
}

function schemaFields(type: Parameters<typeof schemaOf>[0]): Record<string, unknown> {
  const schema = schemaOf(type) as { properties?: Record<string, { properties?: Record<string, unknown> }> };
  // Wrapped schemas document the fields under `details`; blocking_safe_ip's at the top.
  return schema.properties?.details?.properties ?? schema.properties ?? {};
}

function transport(p: SenderProfile): string[] {
  const out: string[] = [];
  if (p.redirects.followed === true) {
    out.push(
      `follows redirects (with ${p.redirects.method ?? 'a request'}; the emitter does not: a 3xx is a failed attempt)`,
    );
  }
  const versions = p.httpVersions.filter((v) => v !== '1.1');
  if (versions.length > 0) out.push(`speaks HTTP/${versions.join(', HTTP/')} (the emitter: HTTP/1.1)`);
  if (p.maxConcurrentConnections > DEFAULTS.concurrency) {
    out.push(
      `opened up to ${p.maxConcurrentConnections} connections at once (the emitter: ${DEFAULTS.concurrency} by default, --concurrency)`,
    );
  }
  return out;
}
