/**
 * How a body is written, as pure facts: envelope or flat, key order, spacing, escapes. The
 * receiver computes these on arrival, so the learner keeps facts, never bodies.
 */
import { formOf, isObject } from '../events/payload.js';
import type { BodyFacts } from './types.js';

/**
 * The facts of a body's text, or null when it is not JSON.
 *
 * @example bodyFacts('{"metadata":{},"details":{"event_id":"x"}}')
 * // { form: 'wrapped', keys: ['metadata', 'details'], detailsKeys: ['event_id'], compact: true, ... }
 */
export function bodyFacts(text: string): BodyFacts | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const trailingNewline = /\r?\n$/.test(text);
  const core = trailingNewline ? text.replace(/\r?\n$/, '') : text;
  return {
    form: formOf(value),
    keys: isObject(value) ? Object.keys(value) : [],
    detailsKeys: isObject(value) && isObject(value.details) ? Object.keys(value.details) : [],
    compact: !hasSpaceOutsideStrings(core),
    sameAsJsonStringify: core === JSON.stringify(value),
    trailingNewline,
  };
}

/** True when JSON text has whitespace between its tokens (indentation, `": "`, `, `). */
function hasSpaceOutsideStrings(text: string): boolean {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) return true;
  }
  return false;
}
