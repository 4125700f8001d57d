/**
 * Splits text into events: one JSON document (an object, or an array of them), or NDJSON (one
 * event per line). Pure; no ajv.
 */

/** One event read from text, with where it was. */
export type ParsedRecord =
  | { ok: true; line: number; index: number; value: unknown }
  | { ok: false; line: number; index: number; message: string };

/**
 * What text holds, decided once for every reader: nothing but blanks; one JSON document (its
 * value, and the line where it starts); one broken document (why, and the line where it
 * starts); or NDJSON, to be read line by line.
 */
export type TextShape =
  | { kind: 'empty' }
  | { kind: 'document'; line: number; value: unknown }
  | { kind: 'broken'; line: number; message: string }
  | { kind: 'ndjson' };

/**
 * Parses `text` as one JSON document when it is one (a top-level array gives one record per
 * item, all on the line where the array starts), else as NDJSON: one record per non-blank
 * line, numbered from 1, and a line that is not JSON gives a record with `ok: false`.
 * @example parseJsonOrNdjson('{"a":1}\n{"b":2}\n') // two records, lines 1 and 2
 */
export function parseJsonOrNdjson(text: string): ParsedRecord[] {
  const body = text.replace(/^\uFEFF/, '');
  const shape = shapeOf(body);
  switch (shape.kind) {
    case 'empty':
      return [];
    case 'document':
      if (Array.isArray(shape.value)) {
        return shape.value.map((item, index) => ({ ok: true, line: shape.line, index, value: item }));
      }
      return [{ ok: true, line: shape.line, index: 0, value: shape.value }];
    case 'broken':
      return [{ ok: false, line: shape.line, index: 0, message: shape.message }];
    case 'ndjson':
      break;
  }
  const records: ParsedRecord[] = [];
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = raw.trim();
    if (line === '') continue;
    const index = records.length;
    try {
      records.push({ ok: true, line: i + 1, index, value: JSON.parse(line) });
    } catch (error) {
      records.push({ ok: false, line: i + 1, index, message: jsonLineError(error, raw) });
    }
  }
  return records;
}

/**
 * Decides what `text` (its BOM already removed) holds. It is parsed whole once; a text that
 * fails to parse whole is NDJSON when its first non-blank line is a complete JSON value on its
 * own, else one broken (often pretty-printed) document, reported once rather than once per
 * line. Only the first non-blank line is looked for: the text is not split into lines here.
 */
export function shapeOf(text: string): TextShape {
  const first = firstContentLine(text);
  if (!first) return { kind: 'empty' };
  try {
    return { kind: 'document', line: first.line, value: JSON.parse(text) };
  } catch (error) {
    try {
      JSON.parse(first.text);
      return { kind: 'ndjson' };
    } catch {
      return { kind: 'broken', line: first.line, message: jsonDocumentError(error, text) };
    }
  }
}

/** The first line (numbered from 1) that is not blank, and its text; undefined when all are. */
function firstContentLine(text: string): { line: number; text: string } | undefined {
  // `\S` and trim() agree on what is blank: both use ECMAScript's WhiteSpace and LineTerminator.
  const at = text.search(/\S/);
  if (at < 0) return undefined;
  let line = 1;
  for (let nl = text.indexOf('\n'); nl >= 0 && nl < at; nl = text.indexOf('\n', nl + 1)) line++;
  const end = text.indexOf('\n', at);
  return { line, text: text.slice(text.lastIndexOf('\n', at) + 1, end < 0 ? text.length : end) };
}

/**
 * Why one NDJSON line is not JSON, with the column in that line when the parser gives one:
 * `Expected ':' after property name (column 6)`. `error` is what parsing the trimmed line
 * threw, `raw` the line as it was (columns count its leading blanks). The caller names the line.
 */
export function jsonLineError(error: unknown, raw: string): string {
  const indent = raw.length - raw.trimStart().length;
  return describe(error, raw.trim(), (_, column) => `column ${indent + column}`);
}

/** Why a whole document is not JSON, with where in it: `... (line 3, column 1 of the document)`. */
export function jsonDocumentError(error: unknown, text: string): string {
  return describe(error, text, (line, column) => `line ${line}, column ${column} of the document`);
}

function describe(error: unknown, text: string, where: (line: number, column: number) => string): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (!position) return message;
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${message.replace(/ in JSON at position \d+.*$/, '')} (${where(line, column)})`;
}
