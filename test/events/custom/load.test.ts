import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CswmError, ErrorCodes, InvalidSchemaError } from '../../../src/errors.js';
import { loadEventSchemas } from '../../../src/events/custom/load.js';
import type { EventSchemas } from '../../../src/events/custom/registry.js';
import { generateEvent } from '../../../src/events/generator.js';
import { validateEvent } from '../../../src/events/validator.js';
import { API_KEY_EXPIRED, LICENSE_QUOTA_DRAFT7, SUSPICIOUS_LOGIN_FLAT, schemaDir } from './fixtures.js';

const apiKeySchema = JSON.parse(readFileSync(API_KEY_EXPIRED, 'utf8')) as Record<string, unknown>;

/** The InvalidSchemaError a load throws (fails the test when it throws nothing or something else). */
async function schemaError(load: Promise<EventSchemas>): Promise<InvalidSchemaError> {
  const error = await load.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidSchemaError);
  expect((error as CswmError).code).toBe(ErrorCodes.INVALID_SCHEMA);
  expect((error as Error).message).not.toContain('\n');
  return error as InvalidSchemaError;
}

describe('loadEventSchemas', () => {
  it('reads the API Key Expired schema as an envelope schema named by its event_type constant', async () => {
    const schemas = await loadEventSchemas([API_KEY_EXPIRED]);
    expect(schemas.types).toEqual(['api_key_expired']);
    expect(schemas.entries[0]).toMatchObject({
      type: 'api_key_expired',
      file: API_KEY_EXPIRED,
      draft: '2020-12',
      layout: 'envelope',
      form: 'wrapped',
      title: 'ApiKeyExpired',
      overrides: false,
    });
    expect(schemas.has('api_key_expired')).toBe(true);
    expect(schemas.has('payment_failed')).toBe(false);
  });

  it('wraps a draft-07 details schema in the envelope and names it with type, written in as the constant', async () => {
    const schemas = await loadEventSchemas({ schema: LICENSE_QUOTA_DRAFT7, type: 'license_quota_reached' });
    expect(schemas.entries[0]).toMatchObject({ draft: 'draft-07', layout: 'details', form: 'wrapped' });
    const event = generateEvent('license_quota_reached', { schemas, seed: 3 }) as {
      metadata: unknown;
      details: Record<string, unknown>;
    };
    expect(event.metadata).toEqual({ version: 1, issuer: 'crowdsec.net' });
    expect(event.details.event_type).toBe('license_quota_reached');
    expect(validateEvent(event, { schemas }).valid).toBe(true);
    // An unknown type's message lists each known type once: the override is not a new type.
    const unknown = validateEvent(
      { ...event, details: { ...event.details, event_type: 'nope' } },
      { schemas },
    );
    const listed = /\(documented or given: (.*)\)/.exec(unknown.errors[0]?.message ?? '')?.[1]?.split(', ');
    expect(listed?.filter((t) => t === 'alert_triggered')).toEqual(['alert_triggered']);
    // The constant is required: a payload without it cannot be this type.
    delete event.details.event_type;
    expect(validateEvent(event, { schemas }).valid).toBe(false);
  });

  it('keeps a schema marked "x-cswm-form": "flat" flat, and accepts it wrapped too', async () => {
    const schemas = await loadEventSchemas({ schema: SUSPICIOUS_LOGIN_FLAT });
    expect(schemas.entries[0]).toMatchObject({ type: 'suspicious_login', layout: 'flat', form: 'flat' });
    const flat = generateEvent('suspicious_login', { schemas, seed: 1 });
    expect(flat).not.toHaveProperty('details');
    expect(validateEvent(flat, { schemas })).toMatchObject({ valid: true, form: 'flat' });
    const wrapped = generateEvent('suspicious_login', { schemas, seed: 1, wrapped: true });
    expect(wrapped).toMatchObject({ metadata: { version: 1, issuer: 'crowdsec.net' }, details: flat });
    expect(validateEvent(wrapped, { schemas })).toMatchObject({ valid: true, form: 'wrapped' });
  });

  it('reads every *.schema.json of a directory, in name order, and nothing else', async () => {
    const dir = schemaDir({
      'b.schema.json': SUSPICIOUS_LOGIN_FLAT,
      'a.schema.json': apiKeySchema,
      'notes.json': { not: 'a schema' },
    });
    const schemas = await loadEventSchemas(dir);
    expect(schemas.types).toEqual(['api_key_expired', 'suspicious_login']);
    expect(schemas.entries.map((e) => e.file)).toEqual([
      join(dir, 'a.schema.json'),
      join(dir, 'b.schema.json'),
    ]);
  });

  it('lets a directory use type for its one schema without a constant', async () => {
    const dir = schemaDir({ 'a.schema.json': apiKeySchema, 'b.schema.json': LICENSE_QUOTA_DRAFT7 });
    const schemas = await loadEventSchemas(dir, { type: 'license_quota_reached' });
    expect(schemas.types).toEqual(['api_key_expired', 'license_quota_reached']);
  });

  it('replaces a documented type with override, and keeps the other documented types on their builder', async () => {
    const alert = structuredClone(apiKeySchema);
    const details = (alert.properties as Record<string, Record<string, unknown>>).details!;
    (details.properties as Record<string, unknown>).event_type = { const: 'alert_triggered', type: 'string' };
    delete alert.examples;
    const refused = await schemaError(loadEventSchemas({ schema: alert, label: 'alert.json' }));
    expect(refused.message).toMatch(
      /^alert\.json: \$\.properties\.details\.properties\.event_type: .*`override: true`/,
    );

    const schemas = await loadEventSchemas({ schema: alert }, { override: true });
    expect(schemas.entries[0]).toMatchObject({ type: 'alert_triggered', overrides: true });
    const event = generateEvent('alert_triggered', { schemas, seed: 7 }) as {
      details: Record<string, unknown>;
    };
    expect(event.details).toHaveProperty('key_name');
    // The documented schema no longer applies to that type in this run; the custom one does.
    expect(validateEvent(event).valid).toBe(false);
    expect(validateEvent(event, { schemas }).valid).toBe(true);
    expect(JSON.stringify(generateEvent('payment_failed', { schemas, seed: 7 }))).toBe(
      JSON.stringify(generateEvent('payment_failed', { seed: 7 })),
    );
  });

  it('refuses an object that loadEventSchemas did not make', () => {
    const fake = { types: ['x'], entries: [], has: () => true };
    expect(() => validateEvent({ event_type: 'x' }, { schemas: fake })).toThrow(
      expect.objectContaining({ code: ErrorCodes.INVALID_OPTION }),
    );
  });
});

describe('loadEventSchemas refuses, naming the file and the JSON path', () => {
  const cases: [string, unknown, RegExp][] = [
    [
      'text that is not JSON',
      '{ "type": "object", }',
      /bad\.schema\.json: \$: not JSON: .*\(line 1, column 21/,
    ],
    [
      'a keyword with a value its draft does not allow',
      { type: 'object', properties: { key_name: { type: 'text' } } },
      /: \$\.properties\.key_name\.type: not valid JSON Schema \(draft 2020-12\): .*"string"/,
    ],
    [
      'a draft-07 schema broken by draft-07 rules',
      { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', required: 'key' },
      /: \$\.required: not valid JSON Schema \(draft draft-07\): must be array/,
    ],
    [
      'a draft other than 2020-12 or 07',
      { $schema: 'http://json-schema.org/draft-04/schema#', type: 'object' },
      /: \$\.\$schema: .*not a supported draft/,
    ],
    [
      'a form other than flat',
      { type: 'object', 'x-cswm-form': 'wrapped', properties: { event_type: { const: 'x_y' } } },
      /: \$\["x-cswm-form"\]: "wrapped" is not a form \(allowed: "flat"/,
    ],
    ['an array at the root', { type: 'array', items: {} }, /: \$\.type: the root must be "type": "object"/],
    ['a boolean schema', true, /: \$: an event schema is a JSON object/],
    [
      'no event_type constant and no type',
      { type: 'object', properties: { key_name: { type: 'string' } } },
      /: \$\.properties\.event_type: no event_type constant.*`type: NAME`/,
    ],
    [
      'an envelope whose details are not an object',
      { type: 'object', properties: { details: { type: 'string' } } },
      /: \$\.properties\.details: details must be an object schema/,
    ],
    [
      'a reference to nothing',
      {
        type: 'object',
        properties: { event_type: { const: 'x_event' }, owner: { $ref: '#/$defs/Owner' } },
      },
      /: \$\.properties\.owner\.\$ref: \$ref "#\/\$defs\/Owner" points at nothing/,
    ],
    [
      'an event type that cannot be a check id',
      { type: 'object', properties: { event_type: { const: 'API Key Expired' } } },
      /: \$\.properties\.event_type: "API Key Expired" cannot name an event type/,
    ],
  ];

  for (const [what, schema, message] of cases) {
    it(`refuses ${what}`, async () => {
      const dir = schemaDir({ 'bad.schema.json': schema });
      const error = await schemaError(loadEventSchemas(join(dir, 'bad.schema.json')));
      expect(error.message).toMatch(message);
      expect(error.file).toBe(join(dir, 'bad.schema.json'));
    });
  }

  it('refuses an example that does not match its own schema when the example is asked for', async () => {
    const schemas = await loadEventSchemas({
      schema: {
        type: 'object',
        properties: { event_type: { const: 'x_event' }, n: { type: 'integer' } },
        examples: [{ event_type: 'x_event', n: 'one' }],
      },
      label: 'x.schema.json',
    });
    const { exampleEvent } = await import('../../../src/events/generator.js');
    expect(() => exampleEvent('x_event', { schemas })).toThrow(
      /^x\.schema\.json: \$\.examples\[0\]: the example does not match the schema: \$\.details\.n must be integer/,
    );
  });

  it('refuses two schemas of one type', async () => {
    const dir = schemaDir({ 'a.schema.json': apiKeySchema, 'b.schema.json': apiKeySchema });
    const error = await schemaError(loadEventSchemas(dir));
    expect(error.message).toMatch(
      /b\.schema\.json: \$: defines event type "api_key_expired" again \(already defined by .*a\.schema\.json\)/,
    );
  });

  it('refuses a type that disagrees with the constant of its own schema', async () => {
    const error = await schemaError(loadEventSchemas({ schema: apiKeySchema, type: 'other_type' }));
    expect(error.message).toMatch(/constant is "api_key_expired" but the type given is "other_type"/);
  });

  it('refuses a set-wide type that no schema needs', async () => {
    const error = await schemaError(loadEventSchemas([API_KEY_EXPIRED], { type: 'unused' }));
    expect(error.message).toMatch(/`type` unused: every schema names its type with an event_type constant/);
  });

  it('refuses a file or directory that is not there, and a directory without schemas', async () => {
    await expect(loadEventSchemas('no/such.schema.json')).rejects.toMatchObject({
      code: ErrorCodes.UNREADABLE_FILE,
    });
    await expect(loadEventSchemas(schemaDir({ 'readme.txt': 'x' }))).rejects.toMatchObject({
      code: ErrorCodes.UNREADABLE_FILE,
      message: expect.stringMatching(/holds no \*\.schema\.json file/),
    });
  });
});
