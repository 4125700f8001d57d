/**
 * Canary secrets: values that must never leave the process in any form a person or a file
 * could see (stdout, stderr, reports, journals, records, errors). Each is distinctive, so a
 * match can only be a leak.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const CANARY = {
  bearer: 'cnry-bearer-7Hq2Zp9WxV',
  header: 'cnry-header-Xk4m81LqTr',
  basicUser: 'alice',
  basicPass: 'cnry-basic-P0o9i8u7Yt',
  urlPass: 'cnry-urlpass-Qw3eR5tY',
  /** A second, wrong token sent where the receiver expects the first. */
  wrong: 'cnry-wrong-Zm8Nb6Vc4X',
} as const;

export const HEADER_NAME = 'X-Api-Token';

/** Every form in which a canary could leak: as given, inside Basic's base64, URL-encoded. */
export const FORBIDDEN: readonly string[] = [
  CANARY.bearer,
  CANARY.header,
  CANARY.basicPass,
  CANARY.urlPass,
  CANARY.wrong,
  Buffer.from(`${CANARY.basicUser}:${CANARY.basicPass}`).toString('base64'),
  Buffer.from(`${CANARY.basicUser}:${CANARY.urlPass}`).toString('base64'),
  Buffer.from(`${CANARY.basicUser}:${CANARY.wrong}`).toString('base64'),
  // The distinctive middle of each, in case a value is cut or re-encoded around it.
  '7Hq2Zp9WxV',
  'Xk4m81LqTr',
  'P0o9i8u7Yt',
  'Qw3eR5tY',
  'Zm8Nb6Vc4X',
];

/** The canaries found in `text` (empty when none leaked). */
export function leaksIn(text: string): string[] {
  return FORBIDDEN.filter((secret) => text.includes(secret));
}

/** Every file under `dir` (recursively) with the canaries found in it: `{ 'file': [...] }` for leaks only. */
export function leaksInDir(dir: string): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  const walk = (d: string, depth: number): void => {
    if (depth > 5) return;
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path, depth + 1);
      else {
        const leaks = leaksIn(readFileSync(path, 'latin1'));
        if (leaks.length > 0) found[path] = leaks;
      }
    }
  };
  walk(dir, 0);
  return found;
}

/** The three auth forms of the CLI, each with the canary in it. */
export const AUTH_FLAGS: { name: string; flags: string[] }[] = [
  { name: 'bearer', flags: ['--bearer', CANARY.bearer] },
  { name: 'custom header', flags: ['--header', `${HEADER_NAME}: ${CANARY.header}`] },
  { name: 'basic', flags: ['--basic', `${CANARY.basicUser}:${CANARY.basicPass}`] },
];
