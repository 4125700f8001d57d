import { describe, expect, it } from 'vitest';
import { bodyFacts } from './body-form.js';

describe('bodyFacts', () => {
  it.each([
    [
      '{"metadata":{"v":1},"details":{"event_id":"x","a":1}}',
      { form: 'wrapped', compact: true, sameAsJsonStringify: true, trailingNewline: false },
    ],
    [
      '{"details":{"event_id":"x"},"metadata":{}}\n',
      { form: 'wrapped', keys: ['details', 'metadata'], trailingNewline: true, compact: true },
    ],
    [
      '{\n  "ip": "1.2.3.4",\n  "false_positives": []\n}',
      { form: 'flat', keys: ['ip', 'false_positives'], compact: false },
    ],
    ['{"a":"x y, z: w"}', { compact: true, sameAsJsonStringify: true }],
    ['{"a":"\\u003cb\\u003e"}', { compact: true, sameAsJsonStringify: false }],
    ['{"a":"quote \\" then space"}', { compact: true }],
  ])('reads %j', (text, expected) => {
    expect(bodyFacts(text)).toMatchObject(expected);
  });

  it('keeps the details keys in the order sent', () => {
    expect(bodyFacts('{"metadata":{},"details":{"b":1,"a":2,"event_id":"x"}}')?.detailsKeys).toEqual([
      'b',
      'a',
      'event_id',
    ]);
  });

  it('says nothing of a body that is not JSON', () => {
    expect(bodyFacts('not json')).toBeNull();
  });
});
