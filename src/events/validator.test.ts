import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from './catalog.js';
import { documentedExample } from './schemas.js';
import { parseJsonOrNdjson, validateEvent, validateText } from './validator.js';

const ENVELOPE = { version: 1, issuer: 'crowdsec.net' };

describe('validateEvent', () => {
  it.each(EVENT_TYPES)('accepts the documented example of %s', (type) => {
    expect(validateEvent(documentedExample(type))).toMatchObject({
      valid: true,
      eventType: type,
      errors: [],
    });
  });

  it('accepts blocking_safe_ip in the envelope and reports the form', () => {
    const result = validateEvent({ metadata: ENVELOPE, details: documentedExample('blocking_safe_ip') });
    expect(result).toMatchObject({ valid: true, form: 'wrapped', eventType: 'blocking_safe_ip' });
  });

  it('recognises a flat blocking_safe_ip without event_type by its false_positives', () => {
    const { event_type: _omit, ...rest } = documentedExample('blocking_safe_ip');
    expect(validateEvent(rest)).toMatchObject({ valid: true, eventType: 'blocking_safe_ip', form: 'flat' });
  });

  it('reports a wrong type as JSON path, rule and schema path', () => {
    const e = documentedExample('alert_triggered') as { details: { source: Record<string, unknown> } };
    e.details.source.as_number = 'x';
    const { errors } = validateEvent(e);
    expect(errors).toEqual([
      expect.objectContaining({
        path: '$.details.source.as_number',
        rule: 'anyOf',
        schemaPath: '#/$defs/AlertSource/properties/as_number/anyOf',
      }),
    ]);
  });

  it('names the missing property in the path of a required error', () => {
    const e = documentedExample('payment_failed') as { details: Record<string, unknown> };
    delete e.details.event_id;
    expect(validateEvent(e).errors).toEqual([
      expect.objectContaining({ path: '$.details.event_id', rule: 'required' }),
    ]);
  });

  it('indexes array items in the path', () => {
    const e = documentedExample('am_i_under_attack') as { details: { watchers: Record<string, unknown>[] } };
    e.details.watchers[1]!.total_signals = '2';
    expect(validateEvent(e).errors[0]).toMatchObject({
      path: '$.details.watchers[1].total_signals',
      rule: 'type',
    });
  });

  it('rejects a date-time without a time zone', () => {
    const e = documentedExample('alert_triggered') as { details: Record<string, unknown> };
    e.details.start_at = '2025-05-26T18:00:00';
    expect(validateEvent(e).errors[0]).toMatchObject({ path: '$.details.start_at', rule: 'format' });
  });

  it('reports an unknown event_type as invalid while still naming it', () => {
    const result = validateEvent({ metadata: ENVELOPE, details: { event_type: 'api_key_expired' } });
    expect(result).toMatchObject({ valid: false, eventType: 'api_key_expired', form: 'wrapped' });
    expect(result.errors[0]!.path).toBe('$.details.event_type');
  });

  it('rejects a value that is not an object', () => {
    expect(validateEvent([1, 2])).toMatchObject({ valid: false, form: null, eventType: null });
  });

  it('accepts extra properties, since no schema forbids them', () => {
    const e = documentedExample('payment_failed') as { details: Record<string, unknown> };
    e.details.future_field = { any: 'thing' };
    expect(validateEvent(e).valid).toBe(true);
  });
});

describe('parseJsonOrNdjson', () => {
  it('numbers NDJSON records by their line, skipping blank lines', () => {
    const records = parseJsonOrNdjson('{"a":1}\n\n{"b":2}\nnot json\n');
    expect(records.map((r) => [r.line, r.ok])).toEqual([
      [1, true],
      [3, true],
      [4, false],
    ]);
  });

  it('reads one pretty-printed document as one record', () => {
    expect(parseJsonOrNdjson('\n{\n  "a": 1\n}\n')).toEqual([
      { ok: true, line: 2, index: 0, value: { a: 1 } },
    ]);
  });

  it('reads a top-level array as one record per item', () => {
    expect(parseJsonOrNdjson('[{"a":1},{"b":2}]').map((r) => r.index)).toEqual([0, 1]);
  });

  it('reports a broken pretty-printed document once, with where in the document', () => {
    expect(parseJsonOrNdjson('{\n  "a": 1,\n}\n')).toEqual([
      {
        ok: false,
        line: 1,
        index: 0,
        message: 'Expected double-quoted property name (line 3, column 1 of the document)',
      },
    ]);
  });

  it('says why a bad NDJSON line is not JSON with its column in that line, the line number on the record', () => {
    const records = parseJsonOrNdjson('{"a":1}\n{"b":2}\n  {"c" 3}\n{"d":4}\n');
    expect(records.map((r) => [r.line, r.ok])).toEqual([
      [1, true],
      [2, true],
      [3, false],
      [4, true],
    ]);
    // Column 8: the two leading blanks count; no "not JSON" prefix (the callers write their own).
    expect(records[2]).toEqual({
      ok: false,
      line: 3,
      index: 2,
      message: "Expected ':' after property name (column 8)",
    });
  });

  it('gives nothing for blank input', () => {
    expect(parseJsonOrNdjson('  \n\n')).toEqual([]);
  });
});

describe('validateText', () => {
  it('validates every NDJSON line and keeps its line number', () => {
    const good = JSON.stringify(documentedExample('payment_failed'));
    const results = validateText(
      `${good}\n${JSON.stringify({ metadata: ENVELOPE, details: { event_type: 'payment_failed' } })}\n`,
    );
    expect(results.map((r) => r.json && r.result.valid)).toEqual([true, false]);
    expect(results[1]!.line).toBe(2);
  });
});
