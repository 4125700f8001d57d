import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { BAD_CASES, type BadCase, FIXTURES } from './bad-input-cases.js';
import { hasStackTrace } from './helpers/run.js';
import { startPlain } from './servers/plain.js';

/**
 * Every command refuses bad input the same way: exit 2, exactly one line on stderr (`cswm: ...`),
 * no stack trace, nothing on stdout, no file written, and nothing sent: a plain receiver listens
 * at the URL each case is given and must see no connection at all.
 */

const root = mkdtempSync(join(tmpdir(), 'cswm-bad-input-'));
const fixtures = join(root, 'fixtures');
const seen = { cases: 0, exit2: 0, requests: 0, connections: 0 };

beforeAll(() => {
  mkdirSync(fixtures);
  for (const [name, content] of Object.entries(FIXTURES)) writeFileSync(join(fixtures, name), content);
});
afterAll(() => {
  console.log(
    `[bad-input] ${seen.cases} bad-input runs, ${seen.exit2} exited 2; requests seen by the listening receivers: ${seen.requests}, connections: ${seen.connections}`,
  );
  rmSync(root, { recursive: true, force: true });
});

function expand(args: string[], url: string, dir: string): string[] {
  return args.map((a) =>
    a
      .replaceAll('{URL}', url)
      .replaceAll('{DIR}', dir)
      .replace(/\{F:([^}]+)\}/g, (_, f: string) => join(fixtures, f)),
  );
}

let n = 0;
function caseDir(): string {
  const dir = join(root, `case-${n++}`);
  mkdirSync(dir);
  return dir;
}

describe.concurrent('bad input', () => {
  for (const c of BAD_CASES as BadCase[]) {
    it(`cswm ${c.command}: ${c.what} exits 2 with one line, sends nothing, writes nothing`, async () => {
      const server = await startPlain();
      const dir = caseDir();
      try {
        const run = await runCli(expand(c.args, server.url, dir), { timeoutMs: 20_000, cwd: dir });
        seen.cases++;
        if (run.code === 2) seen.exit2++;
        seen.requests += server.requests;
        seen.connections += server.connections;
        const lines = run.stderr.split('\n').filter((l) => l !== '');
        expect({ code: run.code, stderr: lines }).toEqual({
          code: 2,
          stderr: [expect.stringMatching(/^cswm: \S/)],
        });
        expect(hasStackTrace(run.stderr)).toBe(false);
        // The library names its options in backticks (`only`, `allowAnyPort: true`); the CLI says flags.
        expect(run.stderr).not.toMatch(/`[A-Za-z]+(: [A-Za-z]+)?`/);
        expect(run.stdout).toBe('');
        expect(readdirSync(dir)).toEqual([]);
        expect({ requests: server.requests, connections: server.connections }).toEqual({
          requests: 0,
          connections: 0,
        });
      } finally {
        await server.close();
      }
    });
  }
});
