import { eventIdOf, eventTypeOf } from '../events/payload.js';

/** The identity of an event, for records: cheap, no schema validation. */
export interface EventMeta {
  eventId: string | null;
  eventType: string | null;
}

/** Reads `event_id` and `event_type` from a payload in either form (wrapped, or flat). */
export function eventMetaOf(payload: unknown): EventMeta {
  return { eventId: eventIdOf(payload), eventType: eventTypeOf(payload) };
}
