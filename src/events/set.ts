/**
 * `set` overrides (`--set PATH=VALUE` on the command line): a dotted path into the event (array
 * items by index, `details.watchers.0.total_signals` or `details.watchers[0].total_signals`) and
 * a value, parsed as JSON when it parses, else taken as a string. Paths are written against the envelope; on a
 * flat payload (blocking_safe_ip as documented) a leading `details.` is dropped.
 */
import { CswmError, ErrorCodes } from '../errors.js';
import type { PayloadForm } from './payload.js';

/**
 * Overrides as `PATH=VALUE` strings (values parsed as JSON when they parse) or as a path -> value
 * record (values used as they are).
 * @example ['details.source.value=1.2.3.4', 'details.scenario_confidence=99']
 * @example { 'details.source.value': '1.2.3.4' }
 */
export type SetOverrides = readonly string[] | Readonly<Record<string, unknown>>;

export interface SetOverride {
  /** The path as written. */
  path: string;
  segments: (string | number)[];
  value: unknown;
}

const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);
const SEGMENT = /^([^.[\]]+)?((?:\[\d+\])*)$/;

function invalid(message: string): CswmError {
  return new CswmError(ErrorCodes.INVALID_SET, message);
}

/** Splits `a.b[0].c` / `a.b.0.c` into segments; numbers are array indexes. */
export function parsePath(path: string): (string | number)[] {
  const hint = 'write a dotted path such as details.source.value or details.watchers[0].total_signals';
  if (path === '') throw invalid(`\`set\`: the path is empty; ${hint}`);
  const segments: (string | number)[] = [];
  for (const part of path.split('.')) {
    const match = SEGMENT.exec(part);
    if (part === '' || !match) throw invalid(`\`set\`: "${path}" is not a valid path; ${hint}`);
    const [, key, indexes] = match;
    if (key !== undefined) segments.push(/^\d+$/.test(key) ? Number(key) : key);
    for (const index of (indexes ?? '').match(/\d+/g) ?? []) segments.push(Number(index));
    if (key !== undefined && FORBIDDEN.has(key)) throw invalid(`\`set\`: "${key}" cannot be set`);
  }
  return segments;
}

/** Parses one `PATH=VALUE`. */
export function parseSetExpression(expression: string): SetOverride {
  const eq = expression.indexOf('=');
  if (eq < 0)
    throw invalid(`\`set\`: "${expression}" has no "="; write PATH=VALUE, e.g. details.source.value=1.2.3.4`);
  const path = expression.slice(0, eq).trim();
  const text = expression.slice(eq + 1);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = text;
  }
  return { path, segments: parsePath(path), value };
}

/** Normalises either form of overrides into a list (validating every path once). */
export function normalizeOverrides(set: SetOverrides | undefined): SetOverride[] {
  if (!set) return [];
  if (Array.isArray(set)) return (set as readonly string[]).map(parseSetExpression);
  return Object.entries(set).map(([path, value]) => ({ path, segments: parsePath(path), value }));
}

/** Applies overrides to a payload in place. Throws ERR_INVALID_SET when a path cannot be followed. */
export function applyOverrides(
  payload: Record<string, unknown>,
  overrides: readonly SetOverride[],
  form: PayloadForm,
): void {
  for (const override of overrides) {
    let segments = override.segments;
    if (form === 'flat' && segments[0] === 'details') segments = segments.slice(1);
    else if (form === 'flat' && segments[0] === 'metadata') {
      throw invalid(
        `\`set\` ${override.path}: this event is flat (no metadata); pass \`wrapped: true\` to put it in the envelope`,
      );
    }
    if (segments.length === 0) throw invalid(`\`set\` ${override.path}: cannot replace the whole event`);
    setAt(payload, segments, override);
  }
}

function setAt(root: Record<string, unknown>, segments: (string | number)[], override: SetOverride): void {
  let node: unknown = root;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const last = i === segments.length - 1;
    const container = node as Record<string | number, unknown> | unknown[];
    if (Array.isArray(container)) {
      if (typeof segment !== 'number' || segment > container.length) {
        throw invalid(
          `\`set\` ${override.path}: "${segment}" is not an index of an array of ${container.length} (allowed: 0 to ${container.length})`,
        );
      }
    }
    const record = container as Record<string | number, unknown>;
    if (last) {
      record[segment] = override.value;
      return;
    }
    let next = record[segment];
    if (next === undefined || next === null) {
      next = typeof segments[i + 1] === 'number' ? [] : {};
      record[segment] = next;
    } else if (typeof next !== 'object') {
      throw invalid(
        `\`set\` ${override.path}: "${segment}" holds ${JSON.stringify(next)}, which has no fields to set`,
      );
    }
    node = next;
  }
}
