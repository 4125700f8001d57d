/**
 * Cheap, pure readers of a webhook payload: where its event_type and event_id are, whether it
 * is in the `{metadata, details}` envelope or flat. No ajv here: the receiver and delivery
 * code call these on every request.
 */

/** The envelope every documented event but the flat blocking_safe_ip comes in. */
const ENVELOPE_METADATA = Object.freeze({ version: 1, issuer: 'crowdsec.net' } as const);

/** `wrapped`: `{metadata, details}`; `flat`: the event's fields at the top (blocking_safe_ip as documented). */
export type PayloadForm = 'wrapped' | 'flat';

/** A plain JSON object: not null, not an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `wrapped` when the payload has a `details` object, `flat` for any other object, null for
 * anything that is not an object.
 */
export function formOf(payload: unknown): PayloadForm | null {
  if (!isObject(payload)) return null;
  return isObject(payload.details) ? 'wrapped' : 'flat';
}

/** The object that holds the event's own fields: `details` when wrapped, the payload when flat. */
export function detailsOf(payload: unknown): Record<string, unknown> | null {
  if (!isObject(payload)) return null;
  return isObject(payload.details) ? payload.details : payload;
}

/**
 * The payload's `event_type`, or null. A flat payload without `event_type` but with
 * `false_positives` is a blocking_safe_ip: its schema does not require `event_type`, and
 * `false_positives` is a field only that event has and requires.
 */
export function eventTypeOf(payload: unknown): string | null {
  const details = detailsOf(payload);
  if (!details) return null;
  if (typeof details.event_type === 'string') return details.event_type;
  if (details === payload && 'false_positives' in details) return 'blocking_safe_ip';
  return null;
}

/** The payload's `event_id` (the idempotency key a receiver has), or null. */
export function eventIdOf(payload: unknown): string | null {
  const id = detailsOf(payload)?.event_id;
  return typeof id === 'string' ? id : null;
}

/** Puts a flat event's fields into the documented envelope. */
export function wrap(details: Record<string, unknown>): {
  metadata: { version: 1; issuer: 'crowdsec.net' };
  details: Record<string, unknown>;
} {
  return { metadata: { ...ENVELOPE_METADATA }, details };
}
