import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { OUTCOME_LABEL_FORMS } from '../delivery/label.js';
import { truncate } from '../util/text.js';
import { type FieldPath, pointerToPath } from './locate.js';

/**
 * The scenario format's JSON Schema (published at schemas/scenario.schema.json, so editors
 * complete and check files) and the translation of its errors into sentences a person can act
 * on: the field, what was wrong, and the allowed values.
 */

/** Found relative to this module: works from src/ (tests) and dist/ (installed). */
const SCENARIO_SCHEMA_URL = new URL('../../schemas/scenario.schema.json', import.meta.url);

interface SchemaProblem {
  path: FieldPath;
  /** Point at the field's name rather than its value (unknown fields). */
  atKey: boolean;
  message: string;
}

type JsonSchema = Record<string, unknown> & { $defs: Record<string, Record<string, unknown>> };

let compiled: { validate: ValidateFunction; schema: JsonSchema } | undefined;

function compile(): { validate: ValidateFunction; schema: JsonSchema } {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(SCENARIO_SCHEMA_URL, 'utf8')) as JsonSchema;
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false });
    compiled = { validate: ajv.compile(schema), schema };
  }
  return compiled;
}

/** The schema itself (the event types it lists, for a test that keeps it in step). */
export function scenarioSchema(): JsonSchema {
  return compile().schema;
}

/** Validates a parsed scenario; returns the problems, most specific first (empty when valid). */
export function schemaProblems(data: unknown): SchemaProblem[] {
  const { validate, schema } = compile();
  if (validate(data)) return [];
  const errors = validate.errors ?? [];
  // A wrapper (oneOf/anyOf) error is only worth showing when nothing more precise was found
  // at or below the same field; errors inside a branch that did not apply are noise.
  const specific = errors.filter((e) => !isWrapper(e) && !insideFailedBranch(e));
  const chosen = specific.length > 0 ? specific : errors.filter((e) => !insideFailedBranch(e));
  const pool = chosen.length > 0 ? chosen : errors;
  const deepestFirst = [...pool].sort((a, b) => depth(b) - depth(a));
  return deepestFirst.map((e) => describe(e, schema));
}

function isWrapper(error: ErrorObject): boolean {
  return error.keyword === 'oneOf' || error.keyword === 'anyOf';
}

/** `#/.../oneOf/0/const`: an error from one alternative of a oneOf/anyOf. */
function insideFailedBranch(error: ErrorObject): boolean {
  return /\/(oneOf|anyOf)\/\d+\//.test(error.schemaPath);
}

function depth(error: ErrorObject): number {
  return pointerToPath(error.instancePath).length;
}

const NOUNS: Record<string, string> = {
  faultType: 'a fault',
  shortFault: 'a fault',
  eventType: 'an event type',
};

function describe(error: ErrorObject, schema: JsonSchema): SchemaProblem {
  const path = pointerToPath(error.instancePath);
  // Credentials never appear in an error, even a wrong one.
  const value = path.includes('auth') ? '(value hidden)' : error.data;
  const params = error.params as Record<string, unknown>;
  const parent = error.parentSchema as Record<string, unknown> | undefined;
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const allowed = Object.keys((parent?.properties as object | undefined) ?? {}).filter(
        (k) => k !== '$schema',
      );
      return {
        path: [...path, name],
        atKey: true,
        message: `unknown field "${name}" (allowed: ${allowed.join(', ')})`,
      };
    }
    case 'required':
      return { path, atKey: false, message: `missing field "${String(params.missingProperty)}"` };
    case 'enum': {
      const defName = Object.keys(schema.$defs).find((k) => schema.$defs[k] === parent);
      const noun = (defName && NOUNS[defName]) ?? 'allowed here';
      const allowed = (params.allowedValues as unknown[]).map(String).join(', ');
      return { path, atKey: false, message: `${show(value)} is not ${noun} (allowed: ${allowed})` };
    }
    case 'pattern':
      return { path, atKey: false, message: patternMessage(value, parent, schema) };
    case 'const': {
      const what = path.join() === 'version' ? 'a version of this format' : 'allowed';
      return {
        path,
        atKey: false,
        message: `${show(value)} is not ${what} (allowed: ${show(params.allowedValue)})`,
      };
    }
    case 'type':
      if (parent === schema.$defs.duration)
        return { path, atKey: false, message: patternMessage(value, parent, schema) };
      return { path, atKey: false, message: `${show(value)} is not ${article(String(params.type))}` };
    case 'minProperties':
    case 'maxProperties': {
      const names = Object.keys((parent?.properties as object | undefined) ?? {});
      const exactlyOne = parent?.maxProperties === 1;
      return {
        path,
        atKey: false,
        message: exactlyOne
          ? `give exactly one of ${names.join(', ')}`
          : `give at least one of ${names.join(', ')}`,
      };
    }
    case 'oneOf':
    case 'anyOf':
      if (path.length === 0) {
        return {
          path,
          atKey: false,
          message: 'a scenario needs `receiver` (the bundled receiver) or `target` (a URL), or both',
        };
      }
      return {
        path,
        atKey: false,
        message: `${show(value)} is not allowed (allowed: ${String(parent?.description ?? 'see the schema').replace(/\.$/, '')})`,
      };
    default:
      return { path, atKey: false, message: `${show(value)}: ${error.message ?? 'is not allowed'}` };
  }
}

function patternMessage(
  value: unknown,
  parent: Record<string, unknown> | undefined,
  schema: JsonSchema,
): string {
  if (parent === schema.$defs.outcome)
    return `${show(value)} is not an outcome (allowed: ${OUTCOME_LABEL_FORMS.join(', ')})`;
  if (parent === schema.$defs.duration) {
    return `${show(value)} is not a duration (write it like 30s, 500ms, 2m or 1h)`;
  }
  const description = typeof parent?.description === 'string' ? ` (${parent.description})` : '';
  return `${show(value)} does not match ${String(parent?.pattern ?? 'the expected form')}${description}`;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** A value as it appears in a message: strings quoted, long values cut. */
function show(value: unknown): string {
  if (value === '(value hidden)') return value;
  const text = JSON.stringify(value) ?? String(value);
  return truncate(text, 60);
}
