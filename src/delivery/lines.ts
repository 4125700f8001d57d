/**
 * Reading NDJSON for `cswm send`: a file's lines (streamed in large chunks, so memory does not
 * grow with the file) or text already in memory, each parsed, blank lines skipped, and a line
 * that is not JSON refusing the whole file with its line number.
 */
import { createReadStream } from 'node:fs';
import { CswmError, ErrorCodes } from '../errors.js';
import { jsonLineError } from '../events/ndjson.js';

export interface FileLine {
  line: number;
  text: string;
  value: unknown;
}

/** The non-blank lines of NDJSON text (its BOM already removed), parsed. */
export function* textLines(path: string, text: string): Generator<FileLine> {
  let line = 0;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    const parsed = parseLine(path, line, text.slice(start, end));
    if (parsed) yield parsed;
    start = end + 1;
  }
}

/** The non-blank lines of an NDJSON file, parsed, read in large chunks (cheaper than node:readline). */
export async function* fileLines(path: string): AsyncGenerator<FileLine> {
  let line = 0;
  let rest = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const lines = (rest + (chunk as string)).split('\n');
    rest = lines.pop() ?? '';
    for (const raw of lines) {
      line++;
      const parsed = parseLine(path, line, line === 1 ? raw.replace(/^\uFEFF/, '') : raw);
      if (parsed) yield parsed;
    }
  }
  if (rest !== '') {
    line++;
    const parsed = parseLine(path, line, line === 1 ? rest.replace(/^\uFEFF/, '') : rest);
    if (parsed) yield parsed;
  }
}

/** A line parsed, or null for a blank one; a line that is not JSON refuses the file. */
function parseLine(path: string, line: number, raw: string): FileLine | null {
  const text = raw.trim();
  if (text === '') return null;
  try {
    return { line, text, value: JSON.parse(text) };
  } catch (error) {
    throw jsonError(path, line, jsonLineError(error, raw));
  }
}

export function jsonError(path: string, line: number, message: string): CswmError {
  return new CswmError(
    ErrorCodes.INVALID_JSON,
    `${path} line ${line}: not JSON (${message}); write one event per line, or one JSON document`,
  );
}
