/**
 * The bodies the probes send, built from the page's documented examples so that a receiver
 * written from the documentation has no excuse to refuse them. Each variant changes one
 * property (nulls, unknown fields, size, form) so a failure points at that property alone.
 */
import { EVENT_TYPES, type EventType } from '../events/catalog.js';
import { detailsOf, formOf, isObject, wrap } from '../events/payload.js';
import { documentedExample, schemaOf } from '../events/schemas.js';

type Json = Record<string, unknown>;

/** The 14 types the page documents inside the `{metadata, details}` envelope. */
export const WRAPPED_TYPES: readonly EventType[] = EVENT_TYPES.filter((t) => t !== 'blocking_safe_ip');

/**
 * The page's example of `type` with a fresh event_id, so that no probe looks like a
 * redelivery of another (a receiver that deduplicates would otherwise be judged on that).
 */
export function documented(type: EventType, eventId: string, options: { wrapped?: boolean } = {}): Json {
  const example = documentedExample(type);
  const payload = options.wrapped && formOf(example) === 'flat' ? wrap(example) : example;
  detailsOf(payload)!.event_id = eventId;
  return payload;
}

type Schema = Record<string, unknown>;

/** Follows a local `#/$defs/Name` reference. */
function resolve(node: Schema, root: Schema): Schema {
  const ref = node.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/$defs/')) return node;
  const defs = (root.$defs ?? {}) as Record<string, Schema>;
  return defs[ref.slice('#/$defs/'.length)] ?? node;
}

/** The branches of a property schema: itself, or each `anyOf` / `oneOf` alternative. */
function branches(node: Schema, root: Schema): Schema[] {
  const resolved = resolve(node, root);
  const alternatives = (resolved.anyOf ?? resolved.oneOf) as Schema[] | undefined;
  return alternatives ? alternatives.map((b) => resolve(b, root)) : [resolved];
}

function allows(branch: Schema, type: string): boolean {
  return branch.type === type || (Array.isArray(branch.type) && branch.type.includes(type));
}

/**
 * Sets every field the schema allows to be null to null, and every list it allows to be empty
 * to [], top-down (a nullable object is nulled whole). Read from the schema itself (no ajv, so
 * checking a receiver does not pay for compiling validators); payloads.test.ts proves every
 * result still validates. Returns the payload and the paths changed.
 */
export function nullified(type: EventType, payload: Json): { payload: Json; paths: string[] } {
  const root = schemaOf(type) as Schema;
  const wrapped = formOf(payload) === 'wrapped';
  const properties = (root.properties ?? {}) as Record<string, Schema>;
  const fieldsSchema = wrapped ? resolve(properties.details ?? {}, root) : root;
  const paths: string[] = [];
  const visit = (obj: Json, schema: Schema, path: string): void => {
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of Object.keys(obj)) {
      const prop = props[key];
      if (!prop || key === 'event_id' || key === 'event_type' || obj[key] === null) continue;
      const options = branches(prop, root);
      if (options.some((b) => allows(b, 'null'))) {
        obj[key] = null;
        paths.push(`${path}${key}`);
        continue;
      }
      const list = options.find((b) => allows(b, 'array'));
      if (
        Array.isArray(obj[key]) &&
        list &&
        !(Number(list.minItems) > 0) &&
        (obj[key] as unknown[]).length > 0
      ) {
        obj[key] = [];
        paths.push(`${path}${key}[]`);
        continue;
      }
      const object = options.find((b) => allows(b, 'object') || b.properties !== undefined);
      if (object && isObject(obj[key])) visit(obj[key] as Json, object, `${path}${key}.`);
    }
  };
  visit(detailsOf(payload)!, fieldsSchema, wrapped ? 'details.' : '');
  return { payload, paths };
}

/** The name of the fields no schema knows; chosen to look like a future Console addition. */
export const UNKNOWN_FIELD = 'x_cswm_future_field';

/**
 * Adds unknown properties at the top, in `metadata`, in the event's fields and in each nested
 * object of them: no schema forbids extra properties, so the Console may add fields anywhere.
 */
export function withUnknownFields(payload: Json): Json {
  const extra = () => ({ note: 'a field this version of the schema does not know', n: 1, tags: ['new'] });
  payload[UNKNOWN_FIELD] = extra();
  if (isObject(payload.metadata)) payload.metadata[UNKNOWN_FIELD] = 'future';
  const fields = detailsOf(payload)!;
  fields[UNKNOWN_FIELD] = extra();
  for (const value of Object.values(fields)) {
    if (isObject(value)) value[UNKNOWN_FIELD] = 'future';
    if (Array.isArray(value)) for (const item of value) if (isObject(item)) item[UNKNOWN_FIELD] = 'future';
  }
  return payload;
}

/** The event_type of the "future event" probe: not documented, shaped like the others. */
export const FUTURE_EVENT_TYPE = 'cswm_future_event_probe';

/** An event the Console might add tomorrow: the envelope and the common fields, an unknown type. */
export function futureEvent(eventId: string, now = new Date()): Json {
  return wrap({
    event_id: eventId,
    organization_id: '12345678-1234-1234-1234-123456789012',
    event_timestamp: now.toISOString(),
    event_type: FUTURE_EVENT_TYPE,
    message: 'An event type that did not exist when this receiver was written',
  });
}

/**
 * A large but valid am_i_under_attack: `segments` anomaly timestamps and `watchers` watcher
 * reports (a long attack seen by a big fleet).
 */
export function largeEvent(eventId: string, counts: { segments: number; watchers: number }): Json {
  const payload = documented('am_i_under_attack', eventId);
  const details = detailsOf(payload)!;
  const start = Date.parse('2025-05-26T12:00:00Z');
  details.segments_with_anomaly = Array.from({ length: counts.segments }, (_, i) =>
    new Date(start + i * 15 * 60_000).toISOString().replace('.000Z', 'Z'),
  );
  details.watchers = Array.from({ length: counts.watchers }, (_, i) => ({
    watcher_uuid: `watcher-${String(i).padStart(6, '0')}-${eventId.slice(0, 8)}`,
    // Three digits each, so that every entry has one length and a size can be hit exactly.
    total_signals: 100 + ((i * 7) % 900),
  }));
  details.total_signals = (details.watchers as { total_signals: number }[]).reduce(
    (sum, w) => sum + w.total_signals,
    0,
  );
  return payload;
}

/** A week of 15-minute windows: the anomaly segments of a long attack. */
const WEEK_OF_SEGMENTS = 7 * 24 * 4;

/**
 * A valid am_i_under_attack of exactly `bytes` bytes of JSON (when that is above its smallest
 * form): up to a week of anomaly segments, then as many watcher reports as fit (one per
 * security engine that saw the attack), the last watcher's UUID taking up what is left.
 */
export function largeEventOfSize(eventId: string, bytes: number): Json {
  const size = (payload: unknown) => Buffer.byteLength(JSON.stringify(payload));
  const empty = size(largeEvent(eventId, { segments: 0, watchers: 0 }));
  const perSegment = size(largeEvent(eventId, { segments: 2, watchers: 0 })) - empty;
  const segments = Math.max(0, Math.min(WEEK_OF_SEGMENTS, Math.floor((bytes - empty) / perSegment)));
  const withSegments = size(largeEvent(eventId, { segments, watchers: 0 }));
  const one = largeEvent(eventId, { segments: 0, watchers: 1 });
  const entry = size(((detailsOf(one)?.watchers ?? []) as unknown[])[0]) + 1;
  // Every watcher entry has the same length (and a comma); total_signals grows by 9 digits at most.
  const watchers = Math.max(0, Math.floor((bytes - withSegments - 12) / entry));
  const payload = largeEvent(eventId, { segments, watchers });
  const last = ((detailsOf(payload)?.watchers ?? []) as { watcher_uuid: string }[]).at(-1);
  const missing = bytes - size(payload);
  if (last && missing > 0) last.watcher_uuid += 'f'.repeat(missing);
  return payload;
}
