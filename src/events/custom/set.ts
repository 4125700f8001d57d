/**
 * A loaded set of custom event types: each schema analysed, compiled once by ajv and prepared
 * once for json-schema-faker, registered (registry.ts) so that the generator and the validator
 * reach it without loading this module.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { InvalidSchemaError } from '../../errors.js';
import { explainErrors, type ValidationError } from '../ajv-errors.js';
import { formOf, isObject, wrap } from '../payload.js';
import { mixSeed } from '../random.js';
import { envelopeMetadataSchema, type JsonSchema } from '../schemas.js';
import { ajvFor } from './ajv.js';
import type { AnalyzedSchema } from './analyze.js';
import { type GenerateSync, generateWithFaker, typeSalt } from './generate.js';
import { prepareForFaker } from './prepare.js';
import {
  type CustomEventType,
  type CustomRun,
  type EventSchemas,
  type Internals,
  registerInternals,
} from './registry.js';

class Entry {
  #faker: Record<string, unknown> | undefined;

  constructor(
    readonly info: CustomEventType,
    readonly analyzed: AnalyzedSchema,
    readonly validateFn: ValidateFunction,
  ) {}

  /** The schema as json-schema-faker reads it, prepared on first use (validation alone never needs it). */
  get fakerSchema(): Record<string, unknown> {
    this.#faker ??= prepareForFaker(this.analyzed.schema);
    return this.#faker;
  }

  /**
   * A payload's errors against this type. The envelope schema is the whole payload; a details
   * schema (and a flat one sent wrapped) checks `metadata` as the Console's and `details` with
   * the user's schema.
   */
  validate = (payload: unknown): ValidationError[] => {
    const { layout } = this.analyzed;
    if (layout === 'envelope' || (layout === 'flat' && formOf(payload) !== 'wrapped')) {
      return run(this.validateFn, payload, '');
    }
    const errors = run(envelopeValidator(), payload, '');
    const details = isObject(payload) ? payload.details : undefined;
    return isObject(details) ? [...errors, ...run(this.validateFn, details, '/details')] : errors;
  };
}

function run(validate: ValidateFunction, value: unknown, prefix: string): ValidationError[] {
  if (validate(value)) return [];
  const errors = (validate.errors ?? []).map(
    (e): ErrorObject => ({ ...e, instancePath: `${prefix}${e.instancePath}` }),
  );
  return explainErrors(errors);
}

let envelope: ValidateFunction | undefined;

/** `{metadata, details}` with the Console's metadata and any object as details. */
function envelopeValidator(): ValidateFunction {
  envelope ??= ajvFor('2020-12').compile({
    type: 'object',
    properties: { metadata: envelopeMetadataSchema(), details: { type: 'object' } },
    required: ['metadata', 'details'],
  } as JsonSchema);
  return envelope;
}

class SetInternals implements Internals {
  readonly #entries: ReadonlyMap<string, Entry>;

  constructor(
    entries: readonly Entry[],
    readonly faker: GenerateSync,
  ) {
    this.#entries = new Map(entries.map((e) => [e.info.type, e]));
  }

  entry(type: string): Entry | undefined {
    return this.#entries.get(type);
  }

  /** Event `index` of `type` in a run: json-schema-faker with realism, validated. */
  generate(type: string, index: number, run: CustomRun): Record<string, unknown> {
    const entry = this.#entries.get(type)!;
    const seed = mixSeed(run.seed, typeSalt(type), index);
    return generateWithFaker(
      this.faker,
      {
        type,
        file: entry.info.file,
        layout: entry.analyzed.layout,
        fakerSchema: entry.fakerSchema,
        validate: entry.validate,
      },
      seed,
      { nowMs: run.nowMs, organizationId: run.organizationId },
    );
  }

  /**
   * The first of the schema's root `examples` that is an object (wrapped for a details schema),
   * or null; an example that does not match its own schema is the schema's error.
   */
  example(type: string): Record<string, unknown> | null {
    const entry = this.#entries.get(type)!;
    const examples = entry.analyzed.schema.examples;
    const index = Array.isArray(examples) ? examples.findIndex(isObject) : -1;
    if (index < 0) return null;
    const copy = structuredClone((examples as Record<string, unknown>[])[index]!);
    const payload = entry.analyzed.layout === 'details' ? wrap(copy) : copy;
    const [first] = entry.validate(payload);
    if (first) {
      throw new InvalidSchemaError(
        entry.info.file,
        `$.examples[${index}]`,
        `the example does not match the schema: ${first.path} ${first.message}; fix the example or the schema`,
      );
    }
    return payload;
  }
}

export function createEventSchemas(
  analyzed: readonly { schema: AnalyzedSchema; validate: ValidateFunction }[],
  faker: GenerateSync,
): EventSchemas {
  const entries = analyzed.map(({ schema, validate }) => {
    const info: CustomEventType = Object.freeze({
      type: schema.type,
      file: schema.file,
      draft: schema.draft,
      layout: schema.layout,
      form: schema.layout === 'flat' ? 'flat' : 'wrapped',
      title: schema.title,
      description: schema.description,
      overrides: schema.overrides,
    });
    return new Entry(info, schema, validate);
  });
  const types = Object.freeze(entries.map((e) => e.info.type));
  const set: EventSchemas = Object.freeze({
    types,
    entries: Object.freeze(entries.map((e) => e.info)),
    has: (type: string) => types.includes(type),
  });
  registerInternals(set, new SetInternals(entries, faker));
  return set;
}
