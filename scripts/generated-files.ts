/**
 * What the generators share: formatting with the project's Biome configuration, and writing
 * their files (or, with `--check`, saying which are out of date and exiting 1).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = new URL('../', import.meta.url);

/** Formats TypeScript meant for `path` as Biome formats it there. */
export function formatTs(code: string, path: string): string {
  const biome = fileURLToPath(new URL('node_modules/.bin/biome', ROOT));
  const run = spawnSync(biome, ['format', `--stdin-file-path=${path}`], {
    input: code,
    encoding: 'utf8',
    cwd: fileURLToPath(ROOT),
  });
  if (run.status !== 0) throw new Error(`biome format failed: ${run.stderr}`);
  return run.stdout;
}

/** Writes each file, or with `--check` compares it; `script` is the command that regenerates them. */
export async function writeOrCheck(
  files: readonly (readonly [path: string, render: () => string | Promise<string>])[],
  script: string,
): Promise<void> {
  for (const [path, render] of files) {
    const code = await render();
    if (process.argv.includes('--check')) {
      if (readFileSync(path, 'utf8') !== code) {
        process.stderr.write(`${path} is out of date; run npx tsx ${script}\n`);
        process.exitCode = 1;
      }
      continue;
    }
    writeFileSync(path, code);
    process.stdout.write(`wrote ${path}\n`);
  }
}
