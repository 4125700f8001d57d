// The generator's results carry their type's payload type. `npm test` type-checks this file
// (tsc over test/), so a wrong overload fails the build; the runtime assertions below check
// that what the types promise is what comes back.
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type ConsoleEvent,
  type EventPayload,
  exampleEvent,
  generateEvent,
  generateEvents,
} from '../index.js';

describe('typed generator results', () => {
  it('types generateEvent by its event type', () => {
    const event = generateEvent('alert_triggered', { seed: 7 });
    expectTypeOf(event).toEqualTypeOf<EventPayload<'alert_triggered'>>();
    expectTypeOf(event.details.event_type).toEqualTypeOf<'alert_triggered'>();
    expect(event.details.event_type).toBe('alert_triggered');
  });

  it('types both forms of blocking_safe_ip', () => {
    const event = generateEvent('blocking_safe_ip', { seed: 7 });
    expectTypeOf(event).toEqualTypeOf<EventPayload<'blocking_safe_ip'>>();
    expect('details' in event).toBe(false);
    const wrapped = generateEvent('blocking_safe_ip', { seed: 7, wrapped: true });
    expect('details' in wrapped).toBe(true);
  });

  it('types generateEvents by type, and "all" as any Console event', () => {
    const enrolled = [...generateEvents('security_engine_enrolled', { count: 2, seed: 1 })];
    expectTypeOf(enrolled).toEqualTypeOf<EventPayload<'security_engine_enrolled'>[]>();
    expect(enrolled.map((e) => e.details.event_type)).toEqual([
      'security_engine_enrolled',
      'security_engine_enrolled',
    ]);
    const all = [...generateEvents('all', { seed: 1 })];
    expectTypeOf(all).toEqualTypeOf<ConsoleEvent[]>();
    expect(all).toHaveLength(15);
  });

  it('types exampleEvent, and keeps a plain record for a type known only at run time', () => {
    expectTypeOf(exampleEvent('alert_triggered')).toEqualTypeOf<EventPayload<'alert_triggered'>>();
    const name: string = 'alert_triggered';
    const loose = generateEvent(name, { seed: 1 });
    expectTypeOf(loose).toEqualTypeOf<Record<string, unknown>>();
    expect(loose).toHaveProperty('details.event_type', 'alert_triggered');
  });
});
