import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { InvalidScenarioError } from '../errors.js';
import { anyText, FUZZ_SEED, fuzzParams, onlyOwnErrors } from '../util/fuzz.test-helpers.js';
import { BUNDLED_DIR_URL } from './catalog.js';
import { parseScenario } from './parse.js';

/**
 * Scenario files are written by people: whatever their text, the loader either returns a
 * scenario or throws the project's own error (with file, line and field), never a TypeError.
 */

const bundled = readdirSync(BUNDLED_DIR_URL)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => readFileSync(new URL(f, BUNDLED_DIR_URL), 'utf8'));

/** A bundled file with a few lines deleted, duplicated, cut or overwritten. */
const mutatedBundled = fc
  .tuple(
    fc.constantFrom(...bundled),
    fc.array(
      fc.record({
        line: fc.nat(60),
        op: fc.nat(3),
        at: fc.nat(80),
        text: fc.string({ unit: 'binary', maxLength: 20 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([text, edits]) => {
    const lines = text.split('\n');
    for (const e of edits) {
      const i = e.line % lines.length;
      const line = lines[i] ?? '';
      if (e.op === 0) lines.splice(i, 1);
      else if (e.op === 1) lines.splice(i, 0, line);
      else if (e.op === 2) lines[i] = line.slice(0, e.at % (line.length + 1));
      else lines[i] = `${line.slice(0, e.at % (line.length + 1))}${e.text}`;
    }
    return lines.join('\n');
  });

/** Objects with the required keys holding arbitrary values, written as YAML. */
const scenarioShaped = fc
  .record(
    {
      version: fc.oneof(fc.constant(1), fc.jsonValue({ maxDepth: 1 })),
      id: fc.oneof(fc.constant('fuzzed'), fc.string({ maxLength: 10 })),
      title: fc.oneof(fc.constant('t'), fc.jsonValue({ maxDepth: 1 })),
      description: fc.oneof(fc.constant('d'), fc.jsonValue({ maxDepth: 1 })),
      receiver: fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.record({ respond: fc.array(fc.integer({ min: 0, max: 700 }), { maxLength: 3 }) }),
        fc.record({ fault: fc.string({ maxLength: 12 }), times: fc.integer({ min: -2, max: 3 }) }),
        fc.record({ delay: fc.string({ maxLength: 6 }), status: fc.integer({ min: 0, max: 700 }) }),
      ),
      target: fc.jsonValue({ maxDepth: 2 }),
      send: fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.array(
          fc.record({
            event: fc.constantFrom('alert_triggered', 'all', 'nope'),
            count: fc.integer({ min: -1, max: 3 }),
          }),
          {
            maxLength: 2,
          },
        ),
      ),
      delivery: fc.jsonValue({ maxDepth: 2 }),
      expect: fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.record({
          attempts: fc.integer({ min: -1, max: 7 }),
          outcomes: fc.array(fc.constantFrom('delivered', 'status-503', 'timeout', 'x'), { maxLength: 6 }),
          result: fc.constantFrom('delivered', 'failed', 'interrupted', 'x'),
          waits: fc.constantFrom('growing', 'x'),
        }),
      ),
    },
    { requiredKeys: ['version', 'id', 'title', 'description', 'send', 'expect'] },
  )
  .map((o) => stringify(o));

describe(`scenario loader under fuzzing (seed ${FUZZ_SEED})`, () => {
  it('throws nothing but a CswmError for arbitrary text', () => {
    fc.assert(
      fc.property(anyText(400), (text) => onlyOwnErrors(() => parseScenario(text, 'fuzz.yaml'))),
      fuzzParams(1000),
    );
  });

  it('throws nothing but a CswmError for bundled files with lines deleted, repeated, cut or overwritten', () => {
    fc.assert(
      fc.property(mutatedBundled, (text) => onlyOwnErrors(() => parseScenario(text, 'mutated.yaml'))),
      fuzzParams(500),
    );
  });

  it('throws nothing but a CswmError for YAML shaped like a scenario with arbitrary values', () => {
    fc.assert(
      fc.property(scenarioShaped, (text) => onlyOwnErrors(() => parseScenario(text, 'shaped.yaml'))),
      fuzzParams(500),
    );
  });

  it('names the file in every error it throws', () => {
    fc.assert(
      fc.property(fc.oneof(anyText(200), mutatedBundled, scenarioShaped), (text) => {
        try {
          parseScenario(text, 'named.yaml');
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidScenarioError);
          expect((error as Error).message.startsWith('named.yaml')).toBe(true);
        }
      }),
      fuzzParams(300),
    );
  });
});
