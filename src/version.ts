import { readFileSync } from 'node:fs';

/**
 * The package version, read once per process from package.json (one level above src/ and
 * dist/). The User-Agent, `cswm --version` and report metadata all name it.
 */
export const version: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
