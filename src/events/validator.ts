/**
 * Validates payloads against the Console's schemas with ajv (draft 2020-12: the schemas use
 * `$defs`) and ajv-formats. Each schema is compiled once, on first use. The type comes from
 * `event_type`; blocking_safe_ip is accepted flat (as documented) and wrapped (its flat schema
 * as `details`).
 */
import type { ValidateFunction } from 'ajv';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { type ParsedRecord, parseJsonOrNdjson } from '../util/ndjson.js';
import { err, explainErrors, type ValidationError } from './ajv-errors.js';
import { EVENT_TYPES, type EventType, isEventType } from './catalog.js';
import { type EventSchemas, internalsOf, knownTypes } from './custom/registry.js';
import { eventIdOf, eventTypeOf, formOf, type PayloadForm } from './payload.js';
import { type JsonSchema, schemaOf, wrappedBlockingSafeIpSchema } from './schemas.js';

export { type ParsedRecord, parseJsonOrNdjson, type ValidationError };

export interface ValidateOptions {
  /**
   * Custom event types (from loadEventSchemas): a payload of one of them is checked against its
   * schema; one that redefines a documented type (override) replaces that type's schema.
   */
  schemas?: EventSchemas | undefined;
}

export interface ValidationResult {
  valid: boolean;
  /** The payload's `event_type` (reported even when it is not a documented one), else null. */
  eventType: string | null;
  eventId: string | null;
  form: PayloadForm | null;
  errors: ValidationError[];
}

// ajv and ajv-formats are CommonJS: the default import is module.exports, whose `default` is the class.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

type Key = EventType | 'blocking_safe_ip:wrapped';
let ajv: InstanceType<typeof Ajv2020> | null = null;
const compiled = new Map<Key, ValidateFunction>();

function compiledFor(key: Key): ValidateFunction {
  const validate = compiled.get(key);
  if (!validate) {
    if (!ajv) {
      // strict: false because the schemas go in unchanged, and they carry keywords (examples,
      // a default beside anyOf) that ajv's strict mode would reject; verbose gives the failing
      // subschema so anyOf errors can say which types are allowed.
      // Compile cost only (what a payload is judged by is the same): the bundled schemas are
      // not checked against the draft 2020-12 meta-schema at run time (that compiles the
      // meta-schema first, ~80 ms; the tests check the schemas), and ajv's generated code is
      // not post-optimised (about half of each schema's compile time, no measurable change in
      // validation time).
      ajv = new Ajv2020({
        allErrors: true,
        strict: false,
        verbose: true,
        validateSchema: false,
        code: { optimize: false },
      });
      addFormats(ajv);
    }
    const schema: JsonSchema =
      key === 'blocking_safe_ip:wrapped' ? wrappedBlockingSafeIpSchema() : schemaOf(key);
    const fresh = ajv.compile(schema);
    compiled.set(key, fresh);
    return fresh;
  }
  return validate;
}

/**
 * Validates one payload: recognises the event from `event_type` and checks it against that
 * event's schema (a custom type's, when `schemas` defines it). Never throws for a payload; an
 * unknown or missing `event_type` is an invalid result.
 * @example validateEvent(JSON.parse(body)).valid
 * @example validateEvent(body, { schemas: await loadEventSchemas(['api_key_expired.schema.json']) })
 */
export function validateEvent(payload: unknown, options: ValidateOptions = {}): ValidationResult {
  const form = formOf(payload);
  const eventType = eventTypeOf(payload);
  const result: ValidationResult = { valid: false, eventType, eventId: eventIdOf(payload), form, errors: [] };
  const typePath = form === 'wrapped' ? '$.details.event_type' : '$.event_type';
  const custom =
    options.schemas && eventType !== null ? internalsOf(options.schemas).entry(eventType) : undefined;
  if (form === null) {
    result.errors.push(err('$', 'type', 'an event must be a JSON object', ''));
  } else if (eventType === null) {
    result.errors.push(
      err(typePath, 'required', 'missing "event_type": cannot tell which event this is', ''),
    );
  } else if (custom) {
    result.errors = custom.validate(payload);
    result.valid = result.errors.length === 0;
  } else if (!isEventType(eventType)) {
    const known = knownTypes(options.schemas);
    const what = options.schemas ? 'documented or given' : 'documented';
    result.errors.push(
      err(typePath, 'const', `unknown event_type "${eventType}" (${what}: ${known.join(', ')})`, ''),
    );
  } else {
    const key: Key =
      eventType === 'blocking_safe_ip' && form === 'wrapped' ? 'blocking_safe_ip:wrapped' : eventType;
    const validate = compiledFor(key);
    if (validate(payload)) result.valid = true;
    else result.errors = explainErrors(validate.errors ?? []);
  }
  return result;
}

/** Compiles every schema now rather than on first use (for benchmarks and long-running servers). */
export function precompileValidators(): void {
  for (const type of EVENT_TYPES) compiledFor(type);
  compiledFor('blocking_safe_ip:wrapped');
}

/** A record of text validated: where it was, and the result (or why it is not JSON). */
export type RecordValidation =
  | { line: number; index: number; json: true; result: ValidationResult }
  | { line: number; index: number; json: false; message: string };

/** Parses JSON or NDJSON text and validates every event in it, with line numbers. */
export function validateText(text: string, options: ValidateOptions = {}): RecordValidation[] {
  return parseJsonOrNdjson(text).map((record: ParsedRecord) =>
    record.ok
      ? { line: record.line, index: record.index, json: true, result: validateEvent(record.value, options) }
      : { line: record.line, index: record.index, json: false, message: record.message },
  );
}
