/**
 * Reads one custom event schema: which draft it is written in, whether it is valid JSON Schema
 * of that draft, how its payload is laid out, and which event type it defines. Every problem is
 * an InvalidSchemaError naming the file and the JSON path inside it.
 *
 * Layout, decided from the schema alone:
 * - `envelope`: the root has a `details` property: the schema is the whole `{metadata, details}`
 *   payload, as the Console's own schemas are written (payment_failed.schema.json).
 * - `flat`: the root says `"x-cswm-form": "flat"`: the schema is the whole payload, with the
 *   event's fields at the top, as the Console documents blocking_safe_ip.
 * - `details`: anything else describes the event's fields, and events are sent inside the
 *   envelope (`metadata` is the Console's: version 1, issuer crowdsec.net).
 */
import { InvalidSchemaError } from '../../errors.js';
import { segment } from '../ajv-errors.js';
import { isEventType } from '../catalog.js';
import { isObject } from '../payload.js';
import type { JsonSchema } from '../schemas.js';
import { ajvFor, DRAFT_URIS, type SchemaDraft } from './ajv.js';

/** How a custom schema lays its payload out (see the module comment). */
export type SchemaLayout = 'envelope' | 'details' | 'flat';

/** The keyword that marks a schema as flat, and its value. */
const FLAT_KEYWORD = 'x-cswm-form';

/** Event type names: lower case, digits, `_` and `-`, as the Console's (they become check ids). */
const TYPE_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export interface SchemaInput {
  /** Shown in errors: the file, or `<schema N>` for a schema given as an object. */
  file: string;
  schema: unknown;
  /** The event type when the schema has no event_type constant (`--type`). */
  type?: string | undefined;
  /**
   * `type` is a fallback for a set of schemas (`--type` beside a directory): a schema with its
   * own constant keeps it instead of being refused for disagreeing.
   */
  typeIsFallback?: boolean;
  /** Allow redefining one of the 15 documented types (`--override`). */
  override: boolean;
}

export interface AnalyzedSchema {
  type: string;
  file: string;
  draft: SchemaDraft;
  layout: SchemaLayout;
  title: string;
  description: string;
  /** True when it replaces a documented type. */
  overrides: boolean;
  /** True when the type came from `type` (the schema has no event_type constant). */
  named: boolean;
  /** The schema validated against: a copy, `$schema` dropped, `--type` written in as the event_type constant. */
  schema: JsonSchema;
  /** Path segments of the event's fields object inside `schema` ([] for the root). */
  fieldsAt: string[];
}

type Path = (string | number)[];

function jsonPath(path: Path): string {
  return `$${path.map((p) => segment(String(p))).join('')}`;
}

export function analyzeSchema(input: SchemaInput): AnalyzedSchema {
  const fail = (path: Path, problem: string): never => {
    throw new InvalidSchemaError(input.file, jsonPath(path), problem);
  };
  if (!isObject(input.schema)) {
    fail(
      [],
      'an event schema is a JSON object with "type": "object" at its root (an event is a JSON object)',
    );
  }
  const schema = structuredClone(input.schema) as JsonSchema;
  const draft = draftOf(schema, fail);
  delete schema.$schema;
  checkMetaSchema(schema, draft, fail);
  if (schema.type !== 'object') {
    fail(
      ['type'],
      `the root must be "type": "object" (got ${JSON.stringify(schema.type ?? null)}): an event is a JSON object`,
    );
  }
  const properties = isObject(schema.properties) ? schema.properties : {};
  if (FLAT_KEYWORD in schema && schema[FLAT_KEYWORD] !== 'flat') {
    fail(
      [FLAT_KEYWORD],
      `${JSON.stringify(schema[FLAT_KEYWORD])} is not a form (allowed: "flat", for a payload without the envelope; leave it out otherwise)`,
    );
  }
  const layout: SchemaLayout =
    'details' in properties ? 'envelope' : schema[FLAT_KEYWORD] === 'flat' ? 'flat' : 'details';
  const fieldsAt = layout === 'envelope' ? detailsPath(schema, fail) : [];
  const fields = at(schema, fieldsAt);
  const { type, named } = eventTypeOf(schema, fieldsAt, input, fail);
  if (isEventType(type) && !input.override) {
    fail(
      [...fieldsAt, 'properties', 'event_type'],
      `"${type}" is one of the Console's documented types; pass \`override: true\` to replace its schema for this run, or name your type differently`,
    );
  }
  const text = (node: JsonSchema, key: string) =>
    typeof node[key] === 'string' ? (node[key] as string) : '';
  return {
    type,
    file: input.file,
    draft,
    layout,
    title: text(fields, 'title') || text(schema, 'title') || type,
    description: text(fields, 'description') || text(schema, 'description'),
    overrides: isEventType(type),
    named,
    schema,
    fieldsAt,
  };
}

function draftOf(schema: JsonSchema, fail: (path: Path, problem: string) => never): SchemaDraft {
  const declared = schema.$schema;
  if (declared === undefined) return '2020-12';
  const draft = typeof declared === 'string' ? DRAFT_URIS[declared] : undefined;
  if (!draft) {
    fail(
      ['$schema'],
      `${JSON.stringify(declared)} is not a supported draft (allowed: "https://json-schema.org/draft/2020-12/schema" or "http://json-schema.org/draft-07/schema#"; without $schema, 2020-12)`,
    );
  }
  return draft as SchemaDraft;
}

/** Checks the schema against its draft's meta-schema; the deepest error is the one reported. */
function checkMetaSchema(
  schema: JsonSchema,
  draft: SchemaDraft,
  fail: (path: Path, problem: string) => never,
): void {
  const ajv = ajvFor(draft);
  if (ajv.validateSchema(schema) === true) return;
  const errors = (ajv.errors ?? []).filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf');
  const depth = (pointer: string) => pointer.split('/').length;
  const [first] = [...errors].sort((a, b) => depth(b.instancePath) - depth(a.instancePath));
  if (!first) fail([], `not valid JSON Schema (draft ${draft})`);
  const path = first!.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const allowed = (first!.params as { allowedValues?: unknown[] }).allowedValues;
  const detail = allowed ? ` (allowed: ${allowed.map((v) => JSON.stringify(v)).join(', ')})` : '';
  fail(path, `not valid JSON Schema (draft ${draft}): ${first!.message ?? 'invalid'}${detail}`);
}

/** Follows a local reference (`#/$defs/Name`, `#/definitions/Name`) to the path it names. */
function refTarget(node: unknown): Path | null {
  const ref = isObject(node) ? node.$ref : undefined;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return null;
  return ref
    .slice(2)
    .split('/')
    .map((p) => decodeURIComponent(p).replace(/~1/g, '/').replace(/~0/g, '~'));
}

function at(schema: JsonSchema, path: Path): JsonSchema {
  let node: unknown = schema;
  for (const key of path) node = isObject(node) ? node[key as string] : undefined;
  return (isObject(node) ? node : {}) as JsonSchema;
}

/** Where the event's fields are described in an envelope schema (following one local $ref). */
function detailsPath(schema: JsonSchema, fail: (path: Path, problem: string) => never): string[] {
  const direct = ['properties', 'details'];
  const target = refTarget(at(schema, direct));
  const path = (target ?? direct) as string[];
  const node = at(schema, path);
  if (node.type !== 'object' && !isObject(node.properties)) {
    fail(direct, 'details must be an object schema ("type": "object" with the event\'s properties)');
  }
  return path;
}

/**
 * The event type: the `event_type` constant of the fields (a `const`, or an `enum` of one), or
 * the name given for a schema that has none, which is then written into the schema as the
 * constant (and made required), so generated events say what they are.
 */
function eventTypeOf(
  schema: JsonSchema,
  fieldsAt: string[],
  input: SchemaInput,
  fail: (path: Path, problem: string) => never,
): { type: string; named: boolean } {
  const fields = at(schema, fieldsAt);
  const propertyPath = [...fieldsAt, 'properties', 'event_type'];
  const properties = (isObject(fields.properties) ? fields.properties : {}) as Record<string, JsonSchema>;
  const declared = properties.event_type;
  const target = refTarget(declared);
  const constant = constantOf(target ? at(schema, target) : declared);
  if (constant !== undefined && typeof constant !== 'string') {
    fail(propertyPath, `the event_type constant must be a string (got ${JSON.stringify(constant)})`);
  }
  const given = input.type;
  if (constant !== undefined && given !== undefined && constant !== given && !input.typeIsFallback) {
    fail(
      propertyPath,
      `the schema's event_type constant is "${String(constant)}" but the type given is "${given}"; drop \`type\` or make them agree`,
    );
  }
  const type = (constant as string | undefined) ?? given;
  if (type === undefined) {
    fail(
      propertyPath,
      'no event_type constant, so the event type is unknown: add "event_type": { "const": "your_type" } to the properties, or pass `type: NAME`',
    );
  }
  if (!TYPE_NAME.test(type!) || type === 'all') {
    fail(
      propertyPath,
      `"${type}" cannot name an event type (allowed: lower case letters, digits, _ and -, at most 64, not "all")`,
    );
  }
  if (constant === undefined) {
    const base = target ? at(schema, target) : isObject(declared) ? declared : { type: 'string' };
    properties.event_type = { ...base, const: type };
    fields.properties = properties;
    const required = Array.isArray(fields.required) ? (fields.required as string[]) : [];
    if (!required.includes('event_type')) fields.required = [...required, 'event_type'];
  }
  return { type: type!, named: constant === undefined };
}

function constantOf(node: unknown): unknown {
  if (!isObject(node)) return undefined;
  if ('const' in node) return node.const;
  if (Array.isArray(node.enum) && node.enum.length === 1) return node.enum[0];
  return undefined;
}
