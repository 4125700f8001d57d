import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_PATH } from '../helpers/cli.js';

/**
 * The README's command-line examples (the ```sh blocks right after a `<!-- example -->` line)
 * are run here exactly as written, with `cswm` being the built CLI. When port 8080 is taken (by
 * another test), a free port replaces it and `--allow-any-port` is added to `cswm send`, since
 * the Console's policy would otherwise refuse that port. When a ```text block follows, it is the
 * output the README shows: every line of it must come out, ids and numbers aside.
 */
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const examples = [
  ...readme.matchAll(/<!-- example -->\s*```sh\n([\s\S]*?)```(?:\s*```text\n([\s\S]*?)```)?/g),
].map((m) => ({ script: m[1] ?? '', shown: m[2] }));
const blocks = examples.map((e) => e.script);

/** A line with its ids and numbers blanked: what must match between the README and a run. */
const shape = (line: string): string =>
  line
    .trim()
    .replace(/[0-9a-f]{32}/g, '<id>')
    .replace(/\d+/g, '<n>');

const workDir = mkdtempSync(join(tmpdir(), 'cswm-readme-'));
const binDir = join(workDir, 'bin');
mkdirSync(binDir, { recursive: true });
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function freePort(preferred: number): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => {
      const any = createServer();
      any.listen(0, '127.0.0.1', () => {
        const { port } = any.address() as { port: number };
        any.close(() => resolve(port));
      });
    });
    probe.listen(preferred, '127.0.0.1', () => probe.close(() => resolve(preferred)));
  });
}

function runBash(script: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  writeFileSync(join(binDir, 'cswm'), `#!/bin/sh\nexec "${process.execPath}" "${CLI_PATH}" "$@"\n`);
  chmodSync(join(binDir, 'cswm'), 0o755);
  return new Promise((resolve) => {
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script], {
      cwd: workDir,
      env: { ...process.env, NO_COLOR: '1', PATH: `${binDir}:${process.env.PATH}` },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('the README examples', () => {
  it('has command-line examples to run', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
  });

  it('shows the output of at least one example', () => {
    expect(examples.filter((e) => e.shown !== undefined).length).toBeGreaterThan(0);
  });

  it.each(examples.map((example, i) => [i + 1, example] as const))(
    'example block %i runs and exits 0',
    async (_n, { script: block, shown }) => {
      let script = block;
      if (script.includes('8080')) {
        const port = await freePort(8080);
        if (port !== 8080) {
          script = script
            .replaceAll(':8080', `:${port}`)
            .replaceAll('--port 8080', `--port ${port}`)
            .replace(/^cswm send (.*)$/gm, 'cswm send $1 --allow-any-port');
        }
      }
      const run = await runBash(script);
      expect(run.stderr, `stderr of:\n${script}`).not.toMatch(/^\s+at /m);
      expect(run.code, `exit code of:\n${script}\nstderr: ${run.stderr}`).toBe(0);
      expect(run.stdout.length).toBeGreaterThan(0);
      if (shown === undefined) return;
      const printed = run.stdout.split('\n').map(shape);
      for (const line of shown.split('\n').filter((l) => l.trim() !== '')) {
        expect(printed, `README output line not printed:\n${line}\nstdout:\n${run.stdout}`).toContain(
          shape(line),
        );
      }
    },
    120_000,
  );
});
