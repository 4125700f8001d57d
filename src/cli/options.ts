/**
 * Parsers for flag values, shared by every command: text in, typed data out, each mistake an
 * input error (exit 2) naming the flag and what is allowed. Secret values are never echoed.
 */
import { readFile } from 'node:fs/promises';
import { isHeaderName } from '../delivery/headers.js';
import type { Auth } from '../delivery/types.js';
import { CswmError, ErrorCodes, InvalidOptionError } from '../errors.js';
import { parseDurationMs } from '../util/duration.js';
import { truncate } from '../util/text.js';

/** How much of a bad value an error shows. */
const SHOWN_CHARS = 40;

/** The value as an error shows it: quoted, cut when long. */
export function shown(text: string): string {
  return `"${truncate(String(text), SHOWN_CHARS)}"`;
}

export function parseCount(flag: string, min = 1, max = 10_000_000): (text: string) => number {
  return (text) => {
    if (!/^\d+$/.test(text.trim())) {
      throw new InvalidOptionError(
        `${flag}: ${shown(text)} is not a whole number (allowed: ${min} to ${max})`,
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
        `${flag}: ${shown(text)} is not a positive number (allowed: above 0, at most ${max})`,
      );
    }
    return n;
  };
}

/** A fraction from 0 to 1 (`--jitter 0.2`). */
export function parseFraction(flag: string): (text: string) => number {
  return (text) => {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
      throw new InvalidOptionError(`${flag}: ${shown(text)} is not a fraction (allowed: 0 to 1)`);
    }
    return n;
  };
}

export function parseDuration(flag: string): (text: string) => number {
  return (text) => parseDurationMs(text, flag);
}

/** A list of durations (`--backoff 1s,2s,4s,8s`). */
export function parseDurationList(flag: string): (text: string) => number[] {
  const parse = parseDuration(flag);
  return (text) => {
    const parts = text.split(',').map((p) => p.trim());
    if (parts.some((p) => p === '')) {
      throw new InvalidOptionError(`${flag}: expected a list of durations such as 1s,2s,4s,8s`);
    }
    return parts.map(parse);
  };
}

/** Collects a repeatable flag (`--set a=1 --set b=2`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** `"Name: value"` (`--header`, `--require-header`); `example` shows the form in the error. */
export function parseHeader(text: string, flag: string, example: string): { name: string; value: string } {
  const colon = String(text).indexOf(':');
  const name = text.slice(0, Math.max(colon, 0)).trim();
  const value = text.slice(colon + 1).trim();
  if (colon < 0 || !isHeaderName(name) || value === '') {
    // The value may be a secret: never echo the text back.
    throw new InvalidOptionError(
      `${flag}: expected "Name: value" (e.g. "${example}"); the value was not echoed`,
    );
  }
  return { name, value };
}

/** `USER:PASS` (`--basic`, `--require-basic`): both parts non-empty; the password may hold colons. */
export function parseUserPass(text: string, flag: string): { username: string; password: string } {
  const index = String(text).indexOf(':');
  if (index <= 0 || index === text.length - 1) {
    throw new InvalidOptionError(
      `${flag}: expected USER:PASS with both parts non-empty; the value was not echoed`,
    );
  }
  return { username: text.slice(0, index), password: text.slice(index + 1) };
}

/** The credentials flags that `send`, `check` and `scenario run` share. */
export interface AuthFlags {
  header?: string | undefined;
  bearer?: string | undefined;
  basic?: string | undefined;
}

/** The credentials flags, at most one. */
export function authFromFlags(flags: AuthFlags): Auth | undefined {
  const given = (['header', 'bearer', 'basic'] as const).filter((k) => flags[k] !== undefined);
  if (given.length > 1) {
    throw new InvalidOptionError(
      `--${given.join(', --')}: give one way of authenticating (the Console destination has one: a header or Basic)`,
    );
  }
  if (flags.header !== undefined) {
    return { type: 'header', ...parseHeader(flags.header, '--header', 'X-Api-Key: <key>') };
  }
  if (flags.bearer !== undefined) {
    if (flags.bearer.trim() === '') throw new InvalidOptionError('--bearer: the token is empty');
    return { type: 'bearer', token: flags.bearer };
  }
  if (flags.basic !== undefined) return { type: 'basic', ...parseUserPass(flags.basic, '--basic') };
  return undefined;
}

/**
 * A PEM file given with `flag`. One that cannot be read is ERR_INVALID_CERTIFICATE, like one
 * that cannot be used: certificate files are missing or unusable, either way an input error.
 */
async function readPemFile(path: string, flag: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (code ?? 'unreadable');
    throw new CswmError(
      ErrorCodes.INVALID_CERTIFICATE,
      `${flag}: cannot read ${path} (${reason}); give a readable PEM ${what} file`,
      { cause: error },
    );
  }
}

/**
 * Reads a CA certificate given with `flag` (e.g. `--ca`). One that is not PEM is refused too,
 * because Node ignores such a CA and the run would go on trusting nothing extra, silently.
 */
export async function readCaFile(path: string, flag: string): Promise<string> {
  const pem = await readPemFile(path, flag, 'certificate');
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new CswmError(
      ErrorCodes.INVALID_CERTIFICATE,
      `${flag}: ${path} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`,
    );
  }
  return pem;
}

/** Reads `--cert FILE --key FILE` and checks that they make a usable pair. */
export async function readCertificateFiles(
  certFile: string,
  keyFile: string,
): Promise<{ certPem: string; keyPem: string }> {
  const certPem = await readPemFile(certFile, '--cert', 'certificate');
  const keyPem = await readPemFile(keyFile, '--key', 'private key');
  // Loaded here only: node:tls and the certificate generator are not for every command's start.
  const { assertUsableCertificate } = await import('../receiver/tls.js');
  assertUsableCertificate(keyPem, certPem, `${certFile} and ${keyFile}`);
  return { certPem, keyPem };
}
