import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUZZ_SEED, fuzzParams, onlyOwnErrors } from '../util/fuzz.test-helpers.js';
import { parseJsonOrNdjson } from '../util/ndjson.js';
import { EVENT_TYPES } from './catalog.js';
import { generateEvent } from './generator.js';
import { validateEvent } from './validator.js';

/** The validator sees whatever a receiver or a file hands it: it must never throw. */

function expectResultShape(result: ReturnType<typeof validateEvent>): void {
  expect(typeof result.valid).toBe('boolean');
  expect(Array.isArray(result.errors)).toBe(true);
  if (!result.valid) expect(result.errors.length).toBeGreaterThan(0);
  for (const e of result.errors) expect(typeof e.message).toBe('string');
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** One mutation of a JSON tree at a random path: delete, replace, retype or add a key. */
function mutate(value: Json, path: number[], replacement: Json, key: string, op: number): Json {
  if (path.length === 0 || value === null || typeof value !== 'object') {
    return op === 0 ? replacement : value;
  }
  const [step, ...rest] = path as [number, ...number[]];
  if (Array.isArray(value)) {
    if (value.length === 0) return op === 1 ? [replacement] : value;
    const i = step % value.length;
    const copy = [...value];
    if (rest.length === 0 && op === 2) copy.splice(i, 1);
    else copy[i] = mutate(copy[i] as Json, rest, replacement, key, op);
    return copy;
  }
  const keys = Object.keys(value);
  const copy: { [k: string]: Json } = { ...value };
  if (keys.length === 0 || (rest.length === 0 && op === 3)) {
    Object.defineProperty(copy, key, {
      value: replacement,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return copy;
  }
  const k = keys[step % keys.length] as string;
  if (rest.length === 0 && op === 2) delete copy[k];
  else copy[k] = mutate(copy[k] as Json, rest, replacement, key, op);
  return copy;
}

const validEvent = fc
  .tuple(fc.constantFrom(...EVENT_TYPES), fc.integer({ min: 0, max: 1_000_000 }), fc.boolean())
  .map(([type, seed, wrapped]) => generateEvent(type, { seed, wrapped }) as Json);

const mutation = fc.record({
  path: fc.array(fc.nat(50), { minLength: 0, maxLength: 6 }),
  replacement: fc.oneof(
    fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
    fc.constantFrom<Json>(null, '', [], {}, -1, 1e308, 'x'.repeat(5000)),
  ),
  key: fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'event_type', 'details', 'metadata'),
  ),
  op: fc.nat(3),
});

describe(`validateEvent under fuzzing (seed ${FUZZ_SEED})`, () => {
  it('never throws on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        expectResultShape(validateEvent(value));
      }),
      fuzzParams(1000),
    );
  });

  it('never throws on arbitrary JavaScript values (functions, symbols, cycles aside)', () => {
    fc.assert(
      fc.property(
        fc.anything({ maxDepth: 4, withBigInt: true, withDate: true, withMap: true, withTypedArray: true }),
        (value) => {
          expectResultShape(validateEvent(value));
        },
      ),
      fuzzParams(500),
    );
  });

  it('never throws on valid events with 1 to 4 mutations, as objects and reparsed from text', () => {
    fc.assert(
      fc.property(validEvent, fc.array(mutation, { minLength: 1, maxLength: 4 }), (event, mutations) => {
        let payload = event;
        for (const m of mutations) payload = mutate(payload, m.path, m.replacement, m.key, m.op);
        const result = validateEvent(payload);
        expectResultShape(result);
        // Reparsed from text, as a receiver would see it (a "__proto__" key becomes an own key).
        expectResultShape(validateEvent(JSON.parse(JSON.stringify(payload))));
      }),
      fuzzParams(500),
    );
  });

  it('accepts every unmutated generated event', () => {
    fc.assert(
      fc.property(validEvent, (event) => {
        expect(validateEvent(event).valid).toBe(true);
      }),
      fuzzParams(200),
    );
  });

  it('parseJsonOrNdjson throws nothing but a CswmError for any text', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc
        .array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 5 })
        .map((vs) => vs.map((v) => JSON.stringify(v)).join('\n')),
      fc.tuple(validEvent, fc.nat(400)).map(([e, cut]) => JSON.stringify(e).slice(0, cut)),
    );
    fc.assert(
      fc.property(text, (t) => onlyOwnErrors(() => parseJsonOrNdjson(t))),
      fuzzParams(500),
    );
  });
});
