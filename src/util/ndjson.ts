/**
 * Reading JSON and NDJSON, in one place: the byte order mark dropped once, text split into
 * lines by one splitter (whether it is in memory or streamed from a file in large chunks, so
 * memory does not grow with the file), and parse errors said with their line and column.
 * Pure but for the file readers; no ajv.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { CswmError, ErrorCodes, UnreadableFileError } from '../errors.js';

/** Text without its byte order mark (editors on Windows write one). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * A whole file as text, its BOM dropped. Decoded in one piece rather than with
 * readFile(path, 'utf8'), which builds the text from its chunks as a rope: bodies sliced out of
 * a rope keep the young generation's garbage collector busy for as long as they live.
 */
export async function readText(path: string): Promise<string> {
  try {
    return stripBom((await readFile(path)).toString('utf8'));
  } catch (error) {
    throw new UnreadableFileError(path, (error as NodeJS.ErrnoException).code ?? 'unreadable', {
      cause: error,
    });
  }
}

/**
 * Splits text that arrives in chunks into its lines (`\n`; a `\r` before it stays, for the
 * reader's trim), the BOM of the first chunk dropped. Text in memory is one chunk.
 */
export class LineSplitter {
  #rest = '';
  #started = false;

  /** The lines this chunk completes. */
  *push(chunk: string): Generator<string> {
    let text = this.#rest + chunk;
    if (!this.#started && text !== '') {
      this.#started = true;
      text = stripBom(text);
    }
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      yield text.slice(start, end);
      start = end + 1;
    }
    this.#rest = text.slice(start);
  }

  /** The last line, when the text does not end with a line break. */
  *end(): Generator<string> {
    if (this.#rest !== '') yield this.#rest;
    this.#rest = '';
  }
}

/** The lines of text in memory, numbered from 1. */
function* numberedLines(text: string): Generator<{ line: number; raw: string }> {
  const splitter = new LineSplitter();
  let line = 0;
  for (const raw of splitter.push(text)) yield { line: ++line, raw };
  for (const raw of splitter.end()) yield { line: ++line, raw };
}

/** The lines of a file, read in large chunks (cheaper than node:readline), numbered from 1. */
async function* fileLinesRaw(path: string): AsyncGenerator<{ line: number; raw: string }> {
  const splitter = new LineSplitter();
  let line = 0;
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    for (const raw of splitter.push(chunk as string)) yield { line: ++line, raw };
  }
  for (const raw of splitter.end()) yield { line: ++line, raw };
}

/** One non-blank NDJSON line, parsed: its number, its trimmed text and its value. */
export interface JsonLine {
  line: number;
  text: string;
  value: unknown;
}

/** The non-blank lines of NDJSON text, parsed; a line that is not JSON refuses the file (`path`). */
export function* textLines(path: string, text: string): Generator<JsonLine> {
  for (const { line, raw } of numberedLines(text)) {
    const parsed = parseLine(path, line, raw);
    if (parsed) yield parsed;
  }
}

/** The non-blank lines of an NDJSON file, parsed, streamed; a line that is not JSON refuses the file. */
export async function* fileLines(path: string): AsyncGenerator<JsonLine> {
  for await (const { line, raw } of fileLinesRaw(path)) {
    const parsed = parseLine(path, line, raw);
    if (parsed) yield parsed;
  }
}

function parseLine(path: string, line: number, raw: string): JsonLine | null {
  const text = raw.trim();
  if (text === '') return null;
  try {
    return { line, text, value: JSON.parse(text) };
  } catch (error) {
    throw jsonError(path, line, jsonLineError(error, raw));
  }
}

/** ERR_INVALID_JSON for a file, naming the line. */
export function jsonError(path: string, line: number, message: string): CswmError {
  return new CswmError(
    ErrorCodes.INVALID_JSON,
    `${path} line ${line}: not JSON (${message}); write one event per line, or one JSON document`,
  );
}

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
  const body = stripBom(text);
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
  for (const { line, raw } of numberedLines(body)) {
    const text = raw.trim();
    if (text === '') continue;
    const index = records.length;
    try {
      records.push({ ok: true, line, index, value: JSON.parse(text) });
    } catch (error) {
      records.push({ ok: false, line, index, message: jsonLineError(error, raw) });
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
function jsonLineError(error: unknown, raw: string): string {
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
