import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CswmError, ErrorCodes, UnreadableFileError } from '../errors.js';
import { parseScenario } from './parse.js';
import type { Scenario, ScenarioInfo } from './types.js';

/** The bundled scenarios, found relative to this module: works from src/ and from dist/. */
export const BUNDLED_DIR_URL = new URL('../../scenarios/', import.meta.url);

let files: readonly string[] | undefined;

/** The bundled scenario files, sorted by name (`<id>.yaml`): read once per process, as they are parsed once. */
function bundledFiles(): readonly string[] {
  if (files) return files;
  const dir = fileURLToPath(BUNDLED_DIR_URL);
  files = existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.yaml'))
        .sort((a, b) => a.replace(/\.yaml$/, '').localeCompare(b.replace(/\.yaml$/, '')))
    : [];
  return files;
}

/** Shown in messages: `scenarios/retry-then-success.yaml` for bundled files. */
function bundledLabel(name: string): string {
  return `scenarios/${name}`;
}

const cache = new Map<string, Scenario>();

function loadBundled(name: string): Scenario {
  const cached = cache.get(name);
  if (cached) return cached;
  const text = readFileSync(new URL(name, BUNDLED_DIR_URL), 'utf8');
  const scenario = parseScenario(text, bundledLabel(name), { trusted: true });
  cache.set(name, scenario);
  return scenario;
}

/**
 * Every bundled scenario: id, title, tags and file, sorted by id.
 *
 * @example listScenarios().map((s) => s.id) // ['2xx-not-200-retried', 'answer-inside-timeout', ...]
 */
export function listScenarios(): ScenarioInfo[] {
  return bundledFiles().map((name) => {
    const s = loadBundled(name);
    return { id: s.id, title: s.title, tags: s.tags, file: s.file ?? bundledLabel(name) };
  });
}

/** Every bundled scenario, parsed. */
export function bundledScenarios(): Scenario[] {
  return bundledFiles().map(loadBundled);
}

function looksLikePath(ref: string): boolean {
  return ref.includes('/') || ref.includes('\\') || /\.ya?ml$/i.test(ref);
}

/**
 * A bundled scenario by id, or a scenario file by path. Throws InvalidScenarioError for a bad
 * file (with file, line, column and field), ERR_UNKNOWN_SCENARIO for an id that is not bundled.
 * `eventTypes`: custom types (from --schema) a file may name in `send`.
 *
 * @example loadScenario('retry-then-success'); loadScenario('./my-scenarios/slow.yaml')
 */
export function loadScenario(idOrFile: string, options: { eventTypes?: readonly string[] } = {}): Scenario {
  if (!looksLikePath(idOrFile)) {
    const name = `${idOrFile}.yaml`;
    if (bundledFiles().includes(name)) return loadBundled(name);
    if (!existsSync(idOrFile)) {
      const ids = bundledFiles().map((f) => f.replace(/\.yaml$/, ''));
      throw new CswmError(
        ErrorCodes.UNKNOWN_SCENARIO,
        `unknown scenario "${idOrFile}" (bundled: ${ids.join(', ')}); give a bundled id or a .yaml file path, or run \`cswm scenario list\``,
      );
    }
  }
  let text: string;
  try {
    text = readFileSync(idOrFile, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((error as Error).message);
    throw new UnreadableFileError(idOrFile, reason, { cause: error });
  }
  const shown = relative(process.cwd(), idOrFile) || idOrFile;
  return parseScenario(text, shown.startsWith('..') ? idOrFile : shown, options);
}
