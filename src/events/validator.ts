/**
 * Validates payloads against the Console's schemas with ajv (draft 2020-12: the schemas use
 * `$defs`) and ajv-formats. Each schema is compiled once, on first use. The type comes from
 * `event_type`; blocking_safe_ip is accepted flat (as documented) and wrapped (its flat schema
 * as `details`).
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { EVENT_TYPES, type EventType, isEventType } from './catalog.js';
import { type ParsedRecord, parseJsonOrNdjson } from './ndjson.js';
import { eventIdOf, eventTypeOf, formOf, type PayloadForm } from './payload.js';
import { type JsonSchema, schemaOf, wrappedBlockingSafeIpSchema } from './schemas.js';

export { type ParsedRecord, parseJsonOrNdjson };

/** One reason a payload does not match its schema. */
export interface ValidationError {
  /** Where in the payload, as a JSON path: `$.details.source.as_number`. */
  path: string;
  /** The schema keyword that failed: `required`, `type`, `const`, `format`, `anyOf`, ... */
  rule: string;
  /** What is wrong, in plain words. */
  message: string;
  /**
   * Where in the schema the rule is, e.g. `#/$defs/AlertSource/properties/as_number/anyOf`;
   * '' when no schema applies (not an object, no or unknown `event_type`).
   */
  schemaPath: string;
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
 * event's schema. Never throws; an unknown or missing `event_type` is an invalid result.
 * @example validateEvent(JSON.parse(body)).valid
 */
export function validateEvent(payload: unknown): ValidationResult {
  const form = formOf(payload);
  const eventType = eventTypeOf(payload);
  const result: ValidationResult = { valid: false, eventType, eventId: eventIdOf(payload), form, errors: [] };
  const typePath = form === 'wrapped' ? '$.details.event_type' : '$.event_type';
  if (form === null) {
    result.errors.push(err('$', 'type', 'an event must be a JSON object', ''));
  } else if (eventType === null) {
    result.errors.push(
      err(typePath, 'required', 'missing "event_type": cannot tell which event this is', ''),
    );
  } else if (!isEventType(eventType)) {
    result.errors.push(
      err(typePath, 'const', `unknown event_type "${eventType}" (documented: ${EVENT_TYPES.join(', ')})`, ''),
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
export function validateText(text: string): RecordValidation[] {
  return parseJsonOrNdjson(text).map((record: ParsedRecord) =>
    record.ok
      ? { line: record.line, index: record.index, json: true, result: validateEvent(record.value) }
      : { line: record.line, index: record.index, json: false, message: record.message },
  );
}

function err(path: string, rule: string, message: string, schemaPath: string): ValidationError {
  return { path, rule, message, schemaPath };
}

/** Turns ajv's errors into one plain error per problem (anyOf's per-branch noise folded). */
function explainErrors(errors: readonly ErrorObject[]): ValidationError[] {
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const out: ValidationError[] = [];
  for (const e of errors) {
    if (e.keyword === 'anyOf') {
      // Only when every branch failed on type alone is the anyOf the whole story.
      const others = errors.filter(
        (o) =>
          o !== e &&
          !(o.instancePath === e.instancePath && o.keyword === 'type') &&
          (o.instancePath === e.instancePath || o.instancePath.startsWith(`${e.instancePath}/`)),
      );
      if (others.length === 0) {
        out.push(
          err(toJsonPath(e.instancePath), 'anyOf', `must be ${anyOfTypes(e)}${got(e.data)}`, e.schemaPath),
        );
      }
      continue;
    }
    if (e.keyword === 'type' && anyOfPaths.has(e.instancePath)) continue;
    out.push(plainError(e));
  }
  return out;
}

function plainError(e: ErrorObject): ValidationError {
  const path = toJsonPath(e.instancePath);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      return err(
        `${path}${segment(missing)}`,
        'required',
        `missing required property "${missing}"`,
        e.schemaPath,
      );
    }
    case 'type':
      return err(
        path,
        'type',
        `must be ${String(params.type).replace(/,/g, ' or ')}${got(e.data)}`,
        e.schemaPath,
      );
    case 'const':
      return err(path, 'const', `must be ${JSON.stringify(params.allowedValue)}${got(e.data)}`, e.schemaPath);
    case 'format':
      return err(
        path,
        'format',
        `must be a ${describeFormat(String(params.format))}${got(e.data)}`,
        e.schemaPath,
      );
    default:
      return err(path, e.keyword, e.message ?? 'does not match the schema', e.schemaPath);
  }
}

function anyOfTypes(e: ErrorObject): string {
  const branches = Array.isArray(e.schema) ? (e.schema as JsonSchema[]) : [];
  const names = branches.map((b) =>
    typeof b.$ref === 'string' ? `${b.$ref.split('/').pop()} object` : String(b.type ?? 'a value'),
  );
  return names.length > 0 ? names.join(' or ') : 'one of the allowed forms';
}

function describeFormat(format: string): string {
  return format === 'date-time' ? 'date-time with a time zone (RFC 3339, e.g. 2025-05-26T12:00:00Z)' : format;
}

function got(data: unknown): string {
  if (data === undefined) return '';
  const type = data === null ? 'null' : Array.isArray(data) ? 'array' : typeof data;
  const shown = typeof data === 'object' && data !== null ? type : JSON.stringify(data);
  return ` (got ${shown && shown.length > 60 ? `${shown.slice(0, 60)}…` : shown})`;
}

/** `/details/watchers/0/total_signals` -> `$.details.watchers[0].total_signals`. */
function toJsonPath(instancePath: string): string {
  if (instancePath === '') return '$';
  return `$${instancePath
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map(segment)
    .join('')}`;
}

function segment(key: string): string {
  if (/^\d+$/.test(key)) return `[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}
