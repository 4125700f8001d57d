import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText, FUZZ_SEED, fuzzParams, onlyOwnErrors } from '../../test/hostile/helpers/fuzz.js';
import { formatDurationMs, parseDurationMs } from './duration.js';

describe(`duration parser under fuzzing (seed ${FUZZ_SEED})`, () => {
  it('throws nothing but a CswmError for any text', () => {
    fc.assert(
      fc.property(anyText(), (text) => onlyOwnErrors(() => parseDurationMs(text, '--timeout'))),
      fuzzParams(1000),
    );
  });

  it('returns a whole number of ms, at most 24 h, for every text it accepts', () => {
    fc.assert(
      fc.property(anyText(), (text) => {
        let ms: number | undefined;
        onlyOwnErrors(() => {
          ms = parseDurationMs(text);
        });
        if (ms !== undefined) {
          expect(Number.isInteger(ms)).toBe(true);
          expect(ms).toBeGreaterThanOrEqual(0);
          expect(ms).toBeLessThanOrEqual(24 * 3_600_000);
        }
      }),
      fuzzParams(1000),
    );
  });

  it('reads back what it is given as a number and a unit', () => {
    const unitMs = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.constantFrom('ms', 's', 'm', 'h'), (n, unit) => {
        const expected = n * unitMs[unit as keyof typeof unitMs];
        if (expected > 24 * 3_600_000) onlyOwnErrors(() => parseDurationMs(`${n}${unit}`));
        else expect(parseDurationMs(`${n}${unit}`)).toBe(expected);
      }),
      fuzzParams(500),
    );
  });

  it('formats any non-negative number of ms without throwing', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e12, noNaN: true }), (ms) => {
        expect(typeof formatDurationMs(ms)).toBe('string');
      }),
      fuzzParams(500),
    );
  });
});
