import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PAGE_SCRIPT_OUTPUT, renderPageScript } from '../../scripts/generate-page-script.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('the inbox page script', () => {
  it('is src/receiver/page/browser/ as scripts/generate-page-script.ts compiles it today', () => {
    expect(readFileSync(PAGE_SCRIPT_OUTPUT, 'utf8')).toBe(renderPageScript());
  });

  it('leaves the DOM out of the node program: node code cannot name document or window', () => {
    const config = ts.getParsedCommandLineOfConfigFile(
      `${ROOT}tsconfig.json`,
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => {
          throw new Error(String(d.messageText));
        },
      },
    );
    if (!config) throw new Error('cannot read tsconfig.json');
    const roots = [
      'src/index.ts',
      'src/cli/main.ts',
      'src/testing/vitest.ts',
      'src/testing/testcontainers.ts',
    ];
    const program = ts.createProgram(
      roots.map((r) => `${ROOT}${r}`),
      config.options,
    );
    const files = program.getSourceFiles().map((f) => f.fileName);
    expect(files.some((f) => f.endsWith('/src/receiver/page/index.ts'))).toBe(true);
    expect(files.filter((f) => /lib\.dom|\/page\/browser\//.test(f))).toEqual([]);
  });
});
