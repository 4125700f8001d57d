/**
 * ajv's errors in plain words: one error per problem (an anyOf's per-branch noise folded), each
 * with a JSON path into the payload (`$.details.source.as_number`). Shared by the Console's
 * schemas (validator.ts) and the custom ones (custom/).
 */
import type { ErrorObject } from 'ajv';
import { truncate } from '../util/text.js';

type JsonSchema = Record<string, unknown>;

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

export function err(path: string, rule: string, message: string, schemaPath: string): ValidationError {
  return { path, rule, message, schemaPath };
}

/** Turns ajv's errors into one plain error per problem (anyOf's per-branch noise folded). */
export function explainErrors(errors: readonly ErrorObject[]): ValidationError[] {
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
  return ` (got ${truncate(String(shown), 60)})`;
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

export function segment(key: string): string {
  if (/^\d+$/.test(key)) return `[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}
