import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assertEventType, EVENT_CATALOG, EVENT_TYPES, isEventType } from './catalog.js';

const index = JSON.parse(readFileSync(new URL('../../schemas/index.json', import.meta.url), 'utf8')) as {
  events: Record<string, unknown>[];
};

describe('the event catalog', () => {
  it('matches schemas/index.json (type, schema title, section, title, description, form) in order', () => {
    const fromIndex = index.events.map(({ type, schemaTitle, section, title, description, note, form }) => ({
      type,
      schemaTitle,
      section,
      title,
      description,
      form,
      ...(note ? { note } : {}),
    }));
    expect(EVENT_CATALOG.map((e) => ({ ...e }))).toEqual(fromIndex);
  });

  it('lists the same types as EVENT_TYPES, in the same order', () => {
    expect(EVENT_CATALOG.map((e) => e.type)).toEqual([...EVENT_TYPES]);
  });

  it('says honestly that the page gives no description for security_engine_long_pending_enroll', () => {
    const entry = EVENT_CATALOG.find((e) => e.type === 'security_engine_long_pending_enroll')!;
    expect(entry.description).toBe('');
    expect(entry.note).toBeTruthy();
  });

  it('recognises documented types and rejects others', () => {
    expect(isEventType('alert_triggered')).toBe(true);
    expect(isEventType('api_key_expired')).toBe(false);
    expect(isEventType(42)).toBe(false);
  });

  it('throws ERR_UNKNOWN_EVENT_TYPE listing the valid types for an unknown one', () => {
    expect(() => assertEventType('nope')).toThrow(
      expect.objectContaining({ code: 'ERR_UNKNOWN_EVENT_TYPE' }),
    );
    expect(() => assertEventType('nope')).toThrow(/payment_failed/);
  });
});
