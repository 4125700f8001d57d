import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// A correct plain receiver that counts requests, so a test can tell that nothing was sent.
let server: Server;
let url: string;
let requests = 0;
const TOKEN = 'canary-cli-token-a81f';

beforeAll(async () => {
  server = createServer((req, res) => {
    requests++;
    req.resume();
    req.on('end', () => {
      res.writeHead(req.headers.authorization === `Bearer ${TOKEN}` ? 200 : 401).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});

afterAll(() => {
  server.close();
});

describe('cswm check', () => {
  it('is what npm start runs', async () => {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(pkg.scripts.start).toBe('node dist/cli/main.js check');
  });

  it('checks the embedded reference receiver with no --url, prints the report and exits 0 with 100', async () => {
    const run = await runCli(['check']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^Score 100\/100: ready for the Console/);
    // The 15 accepts checks answering alike fold into one line.
    expect(run.stdout).toMatch(/PASS +critical +delivery\.accepts\.\* \(15 of 15\) +each answered 200/);
    expect(run.stdout).not.toContain('Fix first');
  });

  it('runs the auth checks in the embedded default too, with a token made for the run', async () => {
    const run = await runCli(['check', '--only', 'auth', '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { checks: { id: string; result: string }[] };
    expect(report.checks.map((c) => [c.id, c.result])).toEqual([
      ['auth.required', 'skip'],
      ['auth.rejects-missing', 'pass'],
      ['auth.rejects-wrong', 'pass'],
    ]);
  });

  it('makes the embedded reference receiver require given credentials, so the auth checks run', async () => {
    const run = await runCli(['check', '--basic', `admin:${TOKEN}`, '--only', 'auth']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/PASS +high +auth\.rejects-missing/);
    expect(run.stdout).not.toContain(TOKEN);
  });

  it('exits 2 with the port error and sends nothing for a port the Console will not call', async () => {
    const before = requests;
    const run = await runCli(['check', '--url', url]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^cswm: port \d+ is not allowed .*--allow-any-port/);
    expect(requests).toBe(before);
  });

  it('goes on with --allow-any-port, declaring a local run: the port is a warning and a correct receiver is ready', async () => {
    const run = await runCli([
      'check',
      '--url',
      url,
      '--bearer',
      TOKEN,
      '--allow-any-port',
      '--only',
      'transport,auth',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /WARN +critical +transport\.port-allowed +port \d+ is not one the Console calls/,
    );
    expect(run.stdout).toContain('Local run (--allow-any-port)');
    expect(run.stdout).toMatch(/PASS +high +auth\.rejects-wrong/);
    expect(run.stdout).toMatch(/ready for the Console/);
  });

  it('exits 2 naming the valid ids when --only matches no check', async () => {
    const run = await runCli(['check', '--only', 'payload.nope']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no check matches "payload.nope"');
    expect(run.stderr).toContain('idempotency.duplicate-event-id');
  });

  it('exits 2 when file reports are asked for without --out', async () => {
    const run = await runCli(['check', '--report', 'text,html']);
    expect([run.code, run.stderr]).toEqual([
      2,
      'cswm: --report html writes files: pass --out DIR to say where\n',
    ]);
  });

  it('exits 2 on two ways of authenticating, without echoing either', async () => {
    const run = await runCli(['check', '--url', url, '--bearer', TOKEN, '--basic', `u:${TOKEN}`]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain(TOKEN);
  });

  it('writes every report file and prints JSON with --json, never showing the token', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cswm-cli-'));
    try {
      const args = ['check', '--url', url, '--bearer', TOKEN, '--allow-any-port', '--skip', 'transport'];
      const run = await runCli([...args, '--report', 'text,json,junit,html', '--out', dir, '--json']);
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout);
      expect([report.score, report.verdict, report.target.auth]).toEqual([100, 'ready', 'bearer']);
      const files = (await readdir(dir)).sort();
      expect(files).toHaveLength(4);
      const texts = [
        run.stdout,
        run.stderr,
        ...(await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')))),
      ];
      for (const text of texts) expect(text).not.toContain(TOKEN);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
