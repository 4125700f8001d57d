/**
 * Splits text into events: one JSON document (an object, or an array of them), or NDJSON (one
 * event per line). Pure; no ajv.
 */

/** One event read from text, with where it was. */
export type ParsedRecord =
  | { ok: true; line: number; index: number; value: unknown }
  | { ok: false; line: number; index: number; message: string };

/**
 * Parses `text` as one JSON document when it is one (a top-level array gives one record per
 * item, all on the line where the array starts), else as NDJSON: one record per non-blank
 * line, numbered from 1, and a line that is not JSON gives a record with `ok: false`.
 * @example parseJsonOrNdjson('{"a":1}\n{"b":2}\n') // two records, lines 1 and 2
 */
export function parseJsonOrNdjson(text: string): ParsedRecord[] {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = firstContentLine(body);
  if (firstLine === 0) return [];
  try {
    const value: unknown = JSON.parse(body);
    if (Array.isArray(value)) {
      return value.map((item, index) => ({ ok: true, line: firstLine, index, value: item }));
    }
    return [{ ok: true, line: firstLine, index: 0, value }];
  } catch (error) {
    if (!looksLikeNdjson(body)) {
      return [{ ok: false, line: firstLine, index: 0, message: jsonErrorMessage(error, body) }];
    }
  }
  const records: ParsedRecord[] = [];
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '') continue;
    const index = records.length;
    try {
      records.push({ ok: true, line: i + 1, index, value: JSON.parse(line) });
    } catch (error) {
      records.push({ ok: false, line: i + 1, index, message: jsonErrorMessage(error, line) });
    }
  }
  return records;
}

function firstContentLine(text: string): number {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.trim() !== '');
  return i < 0 ? 0 : i + 1;
}

/**
 * A document that fails to parse whole is NDJSON when its first non-blank line is a complete
 * JSON value on its own; otherwise it is one broken (often pretty-printed) document, reported
 * once rather than once per line.
 */
function looksLikeNdjson(text: string): boolean {
  const first = text.split('\n').find((l) => l.trim() !== '') ?? '';
  try {
    JSON.parse(first);
    return true;
  } catch {
    return false;
  }
}

function jsonErrorMessage(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (!position) return `not JSON: ${message}`;
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `not JSON: ${message.replace(/ in JSON at position \d+.*$/, '')} (line ${line}, column ${column} of the document)`;
}
