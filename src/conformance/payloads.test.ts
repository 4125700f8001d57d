import { describe, expect, it } from 'vitest';
import { validateEvent } from '../events/validator.js';
import {
  documented,
  FUTURE_EVENT_TYPE,
  futureEvent,
  largeEvent,
  largeEventOfSize,
  nullified,
  WRAPPED_TYPES,
  withUnknownFields,
} from './payloads.js';

describe('probe payloads', () => {
  it.each(WRAPPED_TYPES)('keeps %s schema-valid with its nullable fields nulled', (type) => {
    const { payload } = nullified(type, documented(type, 'a'.repeat(32)));
    expect(validateEvent(payload).errors).toEqual([]);
  });

  it('nulls the alert uuid and message that the schema requires but allows to be null', () => {
    const { paths } = nullified('alert_triggered', documented('alert_triggered', 'a'.repeat(32)));
    expect(paths).toEqual(expect.arrayContaining(['details.uuid', 'details.message']));
  });

  it.each(WRAPPED_TYPES)('keeps %s schema-valid with unknown fields added', (type) => {
    expect(validateEvent(withUnknownFields(documented(type, 'b'.repeat(32)))).valid).toBe(true);
  });

  it('builds a large am_i_under_attack that is still schema-valid', () => {
    const payload = largeEvent('c'.repeat(32), { segments: 500, watchers: 300 });
    expect(validateEvent(payload).valid).toBe(true);
    expect(JSON.stringify(payload).length).toBeGreaterThan(20_000);
  });

  it.each([32_768, 70_000, 110_000, 1_000_000, 1_100_000])(
    'builds a schema-valid am_i_under_attack of exactly %i bytes of JSON',
    (bytes) => {
      const payload = largeEventOfSize('c'.repeat(32), bytes);
      expect(Buffer.byteLength(JSON.stringify(payload))).toBe(bytes);
      expect(validateEvent(payload).errors).toEqual([]);
    },
  );

  it('wraps blocking_safe_ip on request, keeping it valid in both forms', () => {
    expect(validateEvent(documented('blocking_safe_ip', 'd'.repeat(32))).form).toBe('flat');
    const wrapped = validateEvent(documented('blocking_safe_ip', 'd'.repeat(32), { wrapped: true }));
    expect([wrapped.form, wrapped.valid]).toEqual(['wrapped', true]);
  });

  it('gives the future event a type no schema documents', () => {
    expect(validateEvent(futureEvent('e'.repeat(32))).eventType).toBe(FUTURE_EVENT_TYPE);
  });
});
