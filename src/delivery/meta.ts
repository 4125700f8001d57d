/** The identity of an event, for records: cheap, no schema validation. */
export interface EventMeta {
  eventId: string | null;
  eventType: string | null;
}

/**
 * Reads `event_id` and `event_type` from a payload in either form: wrapped
 * (`{ metadata, details: { event_id, ... } }`) or flat (`blocking_safe_ip` as documented).
 */
export function eventMetaOf(payload: unknown): EventMeta {
  if (payload === null || typeof payload !== 'object') return { eventId: null, eventType: null };
  const p = payload as Record<string, unknown>;
  const details =
    p.details !== null && typeof p.details === 'object' ? (p.details as Record<string, unknown>) : p;
  return {
    eventId: stringOrNull(details.event_id ?? p.event_id),
    eventType: stringOrNull(details.event_type ?? p.event_type),
  };
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
