import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText, FUZZ_SEED, fuzzParams, onlyOwnErrors } from '../util/fuzz.test-helpers.js';
import { EVENT_TYPES } from './catalog.js';
import { generateEvent } from './generator.js';
import { applyOverrides, parsePath, parseSetExpression } from './set.js';

/** `--set PATH=VALUE` comes from the command line as any text: only the project's errors may come out. */

const pathSegment = fc.oneof(
  fc.constantFrom(
    'details',
    'metadata',
    'source',
    'value',
    'watchers',
    'scenario',
    '__proto__',
    'constructor',
    'prototype',
    '0',
    '1',
    '999999999999',
  ),
  fc.string({ maxLength: 8 }),
);
const pathText = fc
  .array(fc.tuple(pathSegment, fc.option(fc.nat(5))), { minLength: 0, maxLength: 6 })
  .map((parts) => parts.map(([s, i]) => (i === null ? s : `${s}[${i}]`)).join('.'));
const valueText = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const expression = fc.oneof(
  anyText(80),
  fc.tuple(pathText, valueText).map(([p, v]) => `${p}=${v}`),
);

describe(`--set parser under fuzzing (seed ${FUZZ_SEED})`, () => {
  it('parseSetExpression and parsePath throw nothing but a CswmError for any text', () => {
    fc.assert(
      fc.property(expression, (text) => {
        onlyOwnErrors(() => parseSetExpression(text));
        onlyOwnErrors(() => parsePath(text));
      }),
      fuzzParams(1000),
    );
  });

  it('applying any parsed override to a real event throws nothing but a CswmError and pollutes no prototype', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EVENT_TYPES),
        fc.boolean(),
        fc.array(
          fc.tuple(pathText, valueText).map(([p, v]) => `${p}=${v}`),
          { minLength: 1, maxLength: 3 },
        ),
        (type, wrapped, sets) => {
          const event = generateEvent(type, { seed: 1, wrapped }) as Record<string, unknown>;
          const form = 'details' in event ? 'wrapped' : 'flat';
          onlyOwnErrors(() => applyOverrides(event, sets.map(parseSetExpression), form));
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          expect(Object.prototype).not.toHaveProperty('0');
        },
      ),
      fuzzParams(500),
    );
  });

  it('generateEvent with any --set overrides throws nothing but a CswmError', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EVENT_TYPES),
        fc.array(
          fc.tuple(pathText, valueText).map(([p, v]) => `${p}=${v}`),
          { minLength: 1, maxLength: 3 },
        ),
        (type, set) => onlyOwnErrors(() => generateEvent(type, { seed: 2, set })),
      ),
      fuzzParams(300),
    );
  });
});
