/**
 * loadEventSchemas: custom event types from JSON Schema files (or directories of
 * `*.schema.json`, or schema objects). Everything is checked here, before anything is generated
 * or sent: each file is read and parsed, checked against its draft's meta-schema, analysed
 * (analyze.ts) and compiled once. json-schema-faker is imported here, so it is loaded only
 * when custom schemas are in play.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidSchemaError, UnreadableFileError } from '../../errors.js';
import { jsonDocumentError, readText } from '../../util/ndjson.js';
import { ajvFor } from './ajv.js';
import { type AnalyzedSchema, analyzeSchema, type SchemaInput } from './analyze.js';
import type { EventSchemas } from './registry.js';
import { createEventSchemas } from './set.js';

/**
 * Where a custom schema comes from: a file path (a directory stands for its `*.schema.json`
 * files, in name order), or a schema object, with an optional label for errors and the type it
 * defines when it has no event_type constant.
 * @example 'schemas/custom/api_key_expired.schema.json'
 * @example { schema: { type: 'object', properties: { key_name: { type: 'string' } } }, type: 'api_key_expired' }
 */
export type EventSchemaSource = string | { schema: object; label?: string; type?: string };

export interface LoadEventSchemasOptions {
  /**
   * The event type of the one schema that has no `event_type` constant (the CLI's `--type`).
   * A schema with its own constant keeps it.
   */
  type?: string;
  /**
   * Allow a schema to redefine one of the 15 documented types: its events are then generated
   * from it (by json-schema-faker) and validated against it, for this run.
   * @default false
   */
  override?: boolean;
}

const SCHEMA_SUFFIX = '.schema.json';

/**
 * Loads custom event types. Throws InvalidSchemaError (`ERR_INVALID_SCHEMA`, with the file and
 * the JSON path) for a schema that cannot be used, UnreadableFileError for a missing file.
 * @example const schemas = await loadEventSchemas(['test/fixtures/api_key_expired.schema.json']);
 *          generateEvent('api_key_expired', { schemas, seed: 7 });
 */
export async function loadEventSchemas(
  sources: EventSchemaSource | readonly EventSchemaSource[],
  options: LoadEventSchemasOptions = {},
): Promise<EventSchemas> {
  const list: readonly EventSchemaSource[] = Array.isArray(sources)
    ? sources
    : [sources as EventSchemaSource];
  const inputs: SchemaInput[] = [];
  for (const [index, source] of list.entries()) inputs.push(...(await inputsOf(source, index, options)));
  const analyzed = inputs.map(analyzeSchema);
  checkNames(analyzed, options.type);
  const compiled = analyzed.map((schema) => ({ schema, validate: compile(schema) }));
  const { generateSync } = await import('json-schema-faker');
  return createEventSchemas(compiled, generateSync);
}

async function inputsOf(
  source: EventSchemaSource,
  index: number,
  options: LoadEventSchemasOptions,
): Promise<SchemaInput[]> {
  const override = options.override ?? false;
  if (typeof source !== 'string') {
    const label = source.label ?? `<schema ${index + 1}>`;
    const type = source.type ?? options.type;
    return [
      { file: label, schema: source.schema, type, typeIsFallback: source.type === undefined, override },
    ];
  }
  const files = await filesOf(source);
  const read = await Promise.all(files.map(async (file) => ({ file, text: await readText(file) })));
  return read.map(({ file, text }) => ({
    file,
    schema: parseJson(file, text),
    type: options.type,
    typeIsFallback: true,
    override,
  }));
}

/** A file, or the `*.schema.json` files of a directory in name order. */
async function filesOf(path: string): Promise<string[]> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnreadableFileError(
      path,
      `${code === 'ENOENT' ? 'no such file or directory' : (code ?? 'unreadable')} (--schema takes a JSON Schema file or a directory of *${SCHEMA_SUFFIX} files)`,
      { cause: error },
    );
  }
  if (!isDirectory) return [path];
  const names = (await readdir(path)).filter((n) => n.endsWith(SCHEMA_SUFFIX)).sort();
  if (names.length === 0) {
    throw new UnreadableFileError(
      path,
      `the directory holds no *${SCHEMA_SUFFIX} file; name your schemas like api_key_expired${SCHEMA_SUFFIX}`,
    );
  }
  return names.map((n) => join(path, n));
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InvalidSchemaError(file, '$', `not JSON: ${jsonDocumentError(error, text)}`, { cause: error });
  }
}

/** Each type defined once; `--type` used by exactly one schema. */
function checkNames(analyzed: readonly AnalyzedSchema[], type: string | undefined): void {
  const seen = new Map<string, string>();
  for (const schema of analyzed) {
    const earlier = seen.get(schema.type);
    if (earlier !== undefined) {
      throw new InvalidSchemaError(
        schema.file,
        '$',
        `defines event type "${schema.type}" again (already defined by ${earlier}); give each type one schema`,
      );
    }
    seen.set(schema.type, schema.file);
  }
  if (type === undefined) return;
  const named = analyzed.filter((s) => s.named);
  if (named.length === 0) {
    throw new InvalidSchemaError(
      analyzed[0]?.file ?? '<schemas>',
      '$',
      `\`type\` ${type}: every schema names its type with an event_type constant; leave \`type\` out`,
    );
  }
}

/** Compiles the schema; a reference that does not resolve is reported where it is written. */
function compile(schema: AnalyzedSchema) {
  try {
    return ajvFor(schema.draft).compile(schema.schema);
  } catch (error) {
    const missing = (error as { missingRef?: string }).missingRef;
    const path = missing === undefined ? '$' : (refPath(schema.schema, missing) ?? '$');
    const problem =
      missing === undefined
        ? `cannot be compiled: ${(error as Error).message}`
        : `$ref "${missing}" points at nothing in this schema (write local references like #/$defs/Name, and define Name there)`;
    throw new InvalidSchemaError(schema.file, path, problem, { cause: error });
  }
}

/** The JSON path of the first `$ref` whose value is `ref`. */
function refPath(node: unknown, ref: string, path = '$'): string | null {
  if (typeof node !== 'object' || node === null) return null;
  for (const [key, child] of Object.entries(node)) {
    const here = Array.isArray(node) ? `${path}[${key}]` : `${path}.${key}`;
    if (key === '$ref' && child === ref) return here;
    const found = refPath(child, ref, here);
    if (found) return found;
  }
  return null;
}
