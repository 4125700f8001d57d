import Ajv2020Module from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from './catalog.js';
import { schemaOf, wrappedBlockingSafeIpSchema } from './schemas.js';
import { validateEvent } from './validator.js';

// The validator compiles with validateSchema: false (a start-up cost): the meta-schema check it
// skips at run time is made here instead, for every schema it can compile.
describe('the bundled schemas', () => {
  const ajv = new Ajv2020Module.default({ strict: false });

  it.each([...EVENT_TYPES])('%s is a valid draft 2020-12 schema', (type) => {
    expect(ajv.validateSchema(schemaOf(type)), JSON.stringify(ajv.errors)).toBe(true);
  });

  it('wrapped blocking_safe_ip is a valid draft 2020-12 schema', () => {
    expect(ajv.validateSchema(wrappedBlockingSafeIpSchema()), JSON.stringify(ajv.errors)).toBe(true);
  });

  it('still rejects a payload that its schema refuses after the validator compiled it', () => {
    expect(validateEvent({ event_type: 'payment_failed' }).valid).toBe(false);
  });
});
