import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDurationMs, parseDurationMs } from './duration.js';
import { anyText, FUZZ_SEED, fuzzParams, onlyOwnErrors } from './fuzz.test-helpers.js';

describe(`duration parser under fuzzing (seed ${FUZZ_SEED})`, () => {
  it('throws nothing but a CswmError for any text', () => {
    fc.assert(
      fc.property(anyText(), (text) => onlyOwnErrors(() => parseDurationMs(text, '--timeout'))),
      fuzzParams(1000),
    );
  });

  it('returns a whole number of ms, at most 24 h, for every text it accepts', () => {
    // Random text is rarely a duration, so texts written in the grammar are mixed in and the
    // accepted ones are counted: the property must have been checked on some.
    const written = fc
      .tuple(
        fc.integer({ min: 0, max: 100_000 }),
        fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined }),
        fc.constantFrom('ms', 's', 'm', 'h'),
      )
      .map(([whole, fraction, unit]) => `${whole}${fraction === undefined ? '' : `.${fraction}`}${unit}`);
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(anyText(), written), (text) => {
        let ms: number | undefined;
        onlyOwnErrors(() => {
          ms = parseDurationMs(text);
        });
        if (ms === undefined) return;
        accepted++;
        expect(Number.isInteger(ms)).toBe(true);
        expect(ms).toBeGreaterThanOrEqual(0);
        expect(ms).toBeLessThanOrEqual(24 * 3_600_000);
      }),
      fuzzParams(1000),
    );
    expect(accepted).toBeGreaterThan(100);
  });

  it('reads back what it is given as a number and a unit', () => {
    const unitMs = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.constantFrom('ms', 's', 'm', 'h'), (n, unit) => {
        const expected = n * unitMs[unit as keyof typeof unitMs];
        if (expected > 24 * 3_600_000) {
          expect(() => parseDurationMs(`${n}${unit}`)).toThrow(
            expect.objectContaining({ code: 'ERR_INVALID_DURATION' }),
          );
        } else expect(parseDurationMs(`${n}${unit}`)).toBe(expected);
      }),
      fuzzParams(500),
    );
  });

  it('formats any non-negative number of ms in one of its shapes, seconds below 60', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e12, noNaN: true }), (ms) => {
        expect(formatDurationMs(ms)).toMatch(
          /^(\d{1,3}ms|\d(\.\d?[1-9])?s|[1-5]\d(\.[1-9])?s|\d+m[0-5]\ds)$/,
        );
      }),
      fuzzParams(500),
    );
  });
});
