import fc from 'fast-check';
import { describe, it } from 'vitest';
import { anyText, FUZZ_SEED, fuzzParams, onlyOwnErrors } from '../util/fuzz.test-helpers.js';
import { parseCount, parseDuration, parsePositiveNumber } from './options.js';

describe(`flag value parsers under fuzzing (seed ${FUZZ_SEED})`, () => {
  it('throw nothing but a CswmError for any text', () => {
    const parsers = [parseCount('--count'), parsePositiveNumber('--rate'), parseDuration('--timeout')];
    fc.assert(
      fc.property(anyText(60), (text) => {
        for (const parse of parsers) onlyOwnErrors(() => parse(text));
      }),
      fuzzParams(1000),
    );
  });
});
