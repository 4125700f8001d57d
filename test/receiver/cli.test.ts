import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { type ReceiveProcess, startReceive } from '../helpers/receive.js';
import { waitUntil } from '../helpers/wait.js';
import { alertEvent, post, response } from './helpers.js';

const CANARY = 'canary-cli-s3cret-91b2';

/** Waits until the receiver's output shows `text` (output arrives through a pipe, after the answer). */
function waitForOutput(run: ReceiveProcess, text: string): Promise<boolean> {
  return waitUntil(`cswm receive to print ${text}`, () => run.stdout().includes(text), { seen: run.stdout });
}

let running: ReceiveProcess | undefined;
let dir: string | undefined;
afterEach(async () => {
  await running?.stop('SIGKILL');
  running = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('cswm receive', () => {
  it('prints its URL, one line per delivery, and stops cleanly on SIGTERM', async () => {
    const run = await startReceive([]);
    running = run;
    const { url } = run;
    expect(response(await post(`${url}/hook`, alertEvent('cli-1'))).status).toBe(200);
    await waitForOutput(run, 'alert_triggered');
    expect(await run.stop('SIGTERM')).toBe(0);
    expect(run.stdout()).toMatch(/#1 POST \/hook alert_triggered valid -> 200/);
  });

  it('prints one NDJSON line per delivery with --json, and never an auth value', async () => {
    const run = await startReceive(['--json', '--require-header', `X-Token: ${CANARY}`]);
    running = run;
    const { url } = run;
    await post(url, alertEvent('cli-2'), { headers: { 'x-token': CANARY } });
    await post(url, alertEvent('cli-3'), { headers: { 'x-token': 'wrong' } });
    await waitForOutput(run, 'cli-3');
    expect(await run.stop('SIGTERM')).toBe(0);
    const lines = run
      .stdout()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; eventId?: string; response?: { status: number } });
    expect(lines.map((l) => l.type)).toEqual(['listening', 'delivery', 'delivery', 'closed']);
    expect(lines.filter((l) => l.type === 'delivery').map((l) => l.response?.status)).toEqual([200, 401]);
    expect(run.stdout() + run.stderr()).not.toContain(CANARY);
  });

  it('applies --respond with --times', async () => {
    const run = await startReceive(['--respond', '503', '--times', '2']);
    running = run;
    const { url } = run;
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push(response(await post(url, alertEvent('cli-4'))).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('writes the CA files with --tls and prints where they are', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cswm-cli-ca-'));
    const run = await startReceive(['--tls', 'untrusted-ca', '--ca-dir', dir]);
    running = run;
    const { url } = run;
    expect(url.startsWith('https://')).toBe(true);
    const privateFile = join(dir, 'cswm-private-ca.pem');
    expect(run.stdout()).toContain(privateFile);
    expect(await readFile(privateFile, 'utf8')).toContain('BEGIN CERTIFICATE');
  });

  it.each([
    [['--fault', 'explode']],
    [['--respond', '99']],
    [['--tls', 'self-signed', '--cert', 'a.pem', '--key', 'b.pem']],
    [['--auth-status', '500']],
  ])('refuses %j with exit 2 and one line', async (args) => {
    const result = await runCli(['receive', '--port', '0', ...args], { timeoutMs: 20_000 });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });

  it('refuses missing --cert/--key files with exit 2', async () => {
    const result = await runCli([
      'receive',
      '--port',
      '0',
      '--cert',
      '/nonexistent/c.pem',
      '--key',
      '/nonexistent/k.pem',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^cswm: --cert: cannot read \/nonexistent\/c\.pem \(no such file\)/);
  });
});
