import { describe, expect, it } from 'vitest';
import { type DeliveryFacts, RECORDING_FORMAT, recordingLine, replayBodyOf } from './format.js';

const FACTS: DeliveryFacts = {
  seq: 1,
  receivedAt: '2025-06-01T12:00:00.000Z',
  method: 'POST',
  path: '/hook',
  headers: { authorization: 'Bearer [REDACTED]' },
  eventType: 'alert_triggered',
  eventId: 'e1',
  form: 'wrapped',
  valid: true,
  duplicate: false,
  authorized: true,
  response: { type: 'status', status: 200 },
};

const roundTrip = (body: Buffer, complete = true) =>
  replayBodyOf(JSON.parse(recordingLine(FACTS, body, complete)) as unknown);

describe('the recording format', () => {
  it.each([
    ['compact JSON', '{"a":1}'],
    ['JSON with spacing, a trailing newline and non-ASCII', '{ "msg": "été ✓ 🚀" }\n'],
    ['escapes that JSON.stringify would not write', '{"a":"\\u003cb\\u003e\\/"}'],
  ])('gives back the exact bytes of %s', (_name, text) => {
    const body = Buffer.from(text, 'utf8');
    const back = roundTrip(body);
    expect(typeof back).toBe('object');
    expect((back as { bytes: Buffer }).bytes.equals(body)).toBe(true);
  });

  it('keeps a body that is not UTF-8 as base64, exactly', () => {
    const body = Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0x7d]);
    const line = JSON.parse(recordingLine(FACTS, body, true)) as Record<string, unknown>;
    expect(line.body).toBeUndefined();
    expect((roundTrip(body) as { bytes: Buffer }).bytes.equals(body)).toBe(true);
  });

  it('starts every line with its format, the field a replay recognises it by', () => {
    expect(recordingLine(FACTS, Buffer.from('{}'), true)).toMatch(
      new RegExp(`^\\{"format":"${RECORDING_FORMAT}"`),
    );
  });

  it.each([
    ['cut', (l: Record<string, unknown>) => ({ ...l, bodyTruncated: true }), 'does not hold the exact body'],
    ['edited', (l: Record<string, unknown>) => ({ ...l, body: '{"a":2}' }), 'bodySha256'],
    ['without a body', (l: Record<string, unknown>) => ({ ...l, body: undefined }), 'neither'],
    ['of another format', (l: Record<string, unknown>) => ({ ...l, format: 'x' }), 'not a recorded delivery'],
    ['without a time', (l: Record<string, unknown>) => ({ ...l, receivedAt: 'soon' }), 'receivedAt'],
  ])('refuses a line %s, saying why', (_name, change, why) => {
    const line = JSON.parse(recordingLine(FACTS, Buffer.from('{"a":1}'), true)) as Record<string, unknown>;
    expect(replayBodyOf(change(line))).toContain(why);
  });
});
