import { type Document, isMap, isNode, isPair, isScalar, type LineCounter } from 'yaml';
import { InvalidScenarioError } from '../errors.js';

/**
 * Turns a field path (`['expect', 'outcomes', 1]`) into a file position, so every error in a
 * scenario file names the file, the line, the column and the field, the way a compiler does.
 */
export type FieldPath = (string | number)[];

export interface Position {
  line: number;
  column: number;
}

/** `expect.outcomes[1]`: the way a person writes a field. */
function formatField(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  }
  return out === '' ? '(top level)' : out;
}

/** `/expect/outcomes/1` (a JSON pointer) -> `['expect', 'outcomes', 1]`. */
export function pointerToPath(pointer: string): FieldPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * The position of a field's value; of its key when `key` is set (an unknown field is best
 * shown at its name). Falls back to the nearest ancestor that exists in the file.
 */
export function positionOf(
  doc: Document,
  lineCounter: LineCounter,
  path: FieldPath,
  options: { key?: boolean } = {},
): Position {
  for (let depth = path.length; depth >= 0; depth--) {
    const sub = path.slice(0, depth);
    const offset = options.key && depth === path.length ? keyOffset(doc, sub) : valueOffset(doc, sub);
    if (offset !== undefined) {
      const { line, col } = lineCounter.linePos(offset);
      return { line, column: col };
    }
  }
  return { line: 1, column: 1 };
}

function valueOffset(doc: Document, path: FieldPath): number | undefined {
  const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
  return isNode(node) && node.range ? node.range[0] : undefined;
}

function keyOffset(doc: Document, path: FieldPath): number | undefined {
  const name = path.at(-1);
  const parent = path.length <= 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  for (const item of parent.items) {
    if (isPair(item) && isScalar(item.key) && item.key.value === name && item.key.range) {
      return item.key.range[0];
    }
  }
  return undefined;
}

/** Builds the error every scenario problem becomes: `file:line:col: field: message`. */
export function scenarioError(
  file: string,
  position: Position,
  path: FieldPath,
  message: string,
): InvalidScenarioError {
  const field = formatField(path);
  return new InvalidScenarioError(`${file}:${position.line}:${position.column}: ${field}: ${message}`, {
    file,
    line: position.line,
    column: position.column,
    field,
  });
}
