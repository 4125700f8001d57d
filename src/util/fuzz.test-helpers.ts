/**
 * Shared settings for the fast-check fuzz tests: a fixed seed (override with CSWM_FUZZ_SEED to
 * explore), bounded runs, and a check that anything thrown is one of the project's own errors.
 * fast-check prints the seed and the failing path on failure, so a failure replays exactly.
 */
import fc from 'fast-check';
import { CswmError } from '../errors.js';

export const FUZZ_SEED = Number(process.env.CSWM_FUZZ_SEED ?? 20_261_127);

export function fuzzParams(numRuns: number): fc.Parameters<unknown> {
  return { numRuns, seed: FUZZ_SEED, endOnFailure: true };
}

/** Calls `fn`; returns normally when it returns or throws a CswmError, rethrows anything else. */
export function onlyOwnErrors(fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    if (error instanceof CswmError) return;
    throw new Error(`threw something other than a CswmError: ${String(error)}`, { cause: error });
  }
}

/** Arbitrary text, ASCII and full Unicode (lone surrogates included), up to `max` characters. */
export function anyText(max = 200): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ maxLength: max }),
    fc.string({ unit: 'binary', maxLength: max }),
    fc.string({ unit: fc.constantFrom(...'0123456789.smh-+e _[]=:,"{}\n\t\\'.split('')), maxLength: max }),
  );
}
