import { readFile } from 'node:fs/promises';
import type { Auth } from '../delivery/types.js';
import { CswmError, ErrorCodes, InvalidOptionError, UnreadableFileError } from '../errors.js';
import { parseDurationMs } from '../util/duration.js';
import { truncate } from '../util/text.js';

/** Parsers for flag values, shared by every command. Each throws an InvalidOptionError (exit 2). */

export function parseCount(flag: string, min = 1, max = 10_000_000): (text: string) => number {
  return (text) => {
    if (!/^\d+$/.test(text.trim())) {
      throw new InvalidOptionError(
        `${flag}: "${truncate(text, 40)}" is not a whole number (allowed: ${min} to ${max})`,
      );
    }
    const n = Number(text);
    if (n < min || n > max)
      throw new InvalidOptionError(`${flag}: ${n} is out of range (allowed: ${min} to ${max})`);
    return n;
  };
}

export function parsePositiveNumber(flag: string, max = 1e6): (text: string) => number {
  return (text) => {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n) || n <= 0 || n > max) {
      throw new InvalidOptionError(
        `${flag}: "${truncate(text, 40)}" is not a positive number (allowed: above 0, at most ${max})`,
      );
    }
    return n;
  };
}

export function parseDuration(flag: string): (text: string) => number {
  return (text) => parseDurationMs(text, flag);
}

/** Collects a repeatable flag (`--set a=1 --set b=2`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** The credentials flags that `send` and `check` share. */
export interface AuthFlags {
  header?: string | undefined;
  bearer?: string | undefined;
  basic?: string | undefined;
}

/** The credentials flags, at most one; secret values are never echoed in errors. */
export function authFromFlags(flags: AuthFlags): Auth | undefined {
  const given = (['header', 'bearer', 'basic'] as const).filter((k) => flags[k] !== undefined);
  if (given.length > 1) {
    throw new InvalidOptionError(
      `--${given.join(', --')}: give one way of authenticating (the Console destination has one: a header or Basic)`,
    );
  }
  if (flags.header !== undefined) {
    const match = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*:\s*(.+)$/.exec(flags.header.trim());
    if (!match) {
      throw new InvalidOptionError(
        '--header: expected "Name: value" (e.g. "X-Api-Key: <key>"); the value was not echoed',
      );
    }
    return { type: 'header', name: match[1] as string, value: (match[2] as string).trim() };
  }
  if (flags.bearer !== undefined) {
    if (flags.bearer.trim() === '') throw new InvalidOptionError('--bearer: the token is empty');
    return { type: 'bearer', token: flags.bearer };
  }
  if (flags.basic !== undefined) {
    const i = flags.basic.indexOf(':');
    if (i <= 0 || i === flags.basic.length - 1) {
      throw new InvalidOptionError(
        '--basic: expected USER:PASS with both parts non-empty; the value was not echoed',
      );
    }
    return { type: 'basic', username: flags.basic.slice(0, i), password: flags.basic.slice(i + 1) };
  }
  return undefined;
}

/**
 * Reads a CA certificate given with `flag` (e.g. `--ca`). A file that cannot be read is an
 * UnreadableFileError; one that is not PEM is refused too, because Node ignores such a CA and
 * the run would go on trusting nothing extra, silently. Both are input errors (exit 2).
 */
export async function readCaFile(path: string, flag: string): Promise<string> {
  let pem: string;
  try {
    pem = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? 'unreadable');
    throw new UnreadableFileError(path, `${reason} (${flag} expects a PEM certificate file)`, {
      cause: error,
    });
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new CswmError(
      ErrorCodes.INVALID_CERTIFICATE,
      `${flag}: ${path} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`,
    );
  }
  return pem;
}
