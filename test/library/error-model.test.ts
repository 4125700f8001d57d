import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type CswmError,
  ErrorCodes,
  InvalidEventError,
  InvalidOptionError,
  InvalidScenarioError,
  InvalidSchemaError,
  InvalidUrlError,
  PortNotAllowedError,
  UnknownEventTypeError,
  UnreadableFileError,
} from '../../src/index.js';

/** Each subclass made once, with the code it always has. */
const SUBCLASSES: [CswmError, string][] = [
  [new InvalidOptionError('x'), ErrorCodes.INVALID_OPTION],
  [new UnknownEventTypeError('x', []), ErrorCodes.UNKNOWN_EVENT_TYPE],
  [new InvalidEventError('x'), ErrorCodes.INVALID_EVENT],
  [new InvalidSchemaError('f', '$', 'x'), ErrorCodes.INVALID_SCHEMA],
  [new InvalidUrlError('x'), ErrorCodes.INVALID_URL],
  [new PortNotAllowedError(1, []), ErrorCodes.PORT_NOT_ALLOWED],
  [new InvalidScenarioError('x'), ErrorCodes.INVALID_SCENARIO],
  [new UnreadableFileError('f', 'x'), ErrorCodes.UNREADABLE_FILE],
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

describe('the error model', () => {
  it('gives each subclass one code, and no two subclasses the same', () => {
    for (const [error, code] of SUBCLASSES)
      expect({ name: error.name, code: error.code }).toEqual({ name: error.name, code });
    const codes = SUBCLASSES.map(([, code]) => code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('throws a code that has a subclass only through that subclass', () => {
    const subclassed = new Set(SUBCLASSES.map(([, code]) => code));
    const keyOf = Object.fromEntries(Object.entries(ErrorCodes).map(([key, code]) => [key, code]));
    const misuses: string[] = [];
    for (const file of sources(fileURLToPath(new URL('../../src', import.meta.url)))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/new CswmError\(\s*ErrorCodes\.([A-Z_]+)/g)) {
        if (subclassed.has(keyOf[match[1] as string] as string)) misuses.push(`${file}: ${match[1]}`);
      }
    }
    expect(misuses).toEqual([]);
  });
});
