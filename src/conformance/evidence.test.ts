import { describe, expect, it } from 'vitest';
import { evidenceOf } from './evidence.js';
import { exchange, OK } from './exchanges.test-helpers.js';

describe('evidenceOf', () => {
  it.each([
    [512, '512 bytes'],
    [1536, '1.5 KiB'],
    [4 * 1024 * 1024, '4 MiB'],
  ])('says a %i-byte body was sent as %s', (bytes, shown) => {
    const x = exchange(OK);
    x.record.bodyBytes = bytes;
    expect(evidenceOf(x, true, 'exactly 200').sent).toBe(
      `POST alert_triggered (wrapped, event_id ${x.eventId}, ${shown})`,
    );
  });

  it('says when a probe was sent without credentials', () => {
    const x = exchange(OK, { auth: 'none' });
    expect(evidenceOf(x, true, 'a refusal').sent).toMatch(/\) without credentials$/);
  });
});
