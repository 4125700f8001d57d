import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CLI_PATH, runCli } from '../helpers/cli.js';
import { within } from '../helpers/wait.js';
import { startHttp, statuses, type TestServer } from './servers.js';

const CANARY = 'canary-Q9x-secret-4417';
const dir = mkdtempSync(join(tmpdir(), 'cswm-send-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// Real 30 s timeout (a cold CLI must not time out), waits of 1 ms.
const quick = ['--allow-any-port', '--backoff', '1ms'];
const event = (id: string) => ({
  metadata: { version: 1, issuer: 'crowdsec.net' },
  details: { event_id: id, event_type: 'no_such_type_yet' },
});

describe('cswm send', () => {
  it('exits 0 and prints a timeline and a summary when every event is delivered', async () => {
    server = await startHttp(statuses(503, 200));
    const run = await runCli(['send', 'alert_triggered', '--url', server.url, ...quick, '--seed', '7']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/attempt 1 at \+\S+: status-503/);
    expect(run.stdout).toMatch(/attempt 2 at \+\S+: delivered/);
    expect(run.stdout).toMatch(/1 sent: 1 delivered, 0 failed, 0 interrupted; 2 attempts/);
  });

  it('exits 1 when an event is not delivered after every attempt', async () => {
    server = await startHttp(statuses(204));
    const run = await runCli(['send', 'alert_triggered', '--url', server.url, ...quick]);
    expect(run.code).toBe(1);
    expect(server.requests).toHaveLength(5);
  });

  it('sends one event of each of the 15 types with "all"', async () => {
    server = await startHttp(statuses(200));
    const run = await runCli(['send', 'all', '--url', server.url, ...quick, '--json']);
    expect(run.code).toBe(0);
    const types = server.requests.map((r) => {
      const body = JSON.parse(r.body) as { details?: { event_type?: string }; event_type?: string };
      return body.details?.event_type ?? body.event_type ?? 'blocking_safe_ip';
    });
    expect(new Set(types).size).toBe(15);
    const out = JSON.parse(run.stdout) as { summary: { sent: number }; deliveries: unknown[] };
    expect(out.summary.sent).toBe(15);
    expect(out.deliveries).toHaveLength(15);
  });

  it('prints one JSON object with the summary and every attempt with --json', async () => {
    server = await startHttp(statuses(500, 200));
    const run = await runCli(['send', 'alert_triggered', '--url', server.url, ...quick, '--json']);
    const out = JSON.parse(run.stdout) as {
      summary: Record<string, number>;
      deliveries: { attempts: { label: string }[] }[];
    };
    expect(out.summary).toMatchObject({ sent: 1, delivered: 1, failed: 0, interrupted: 0, attempts: 2 });
    expect(out.deliveries[0]?.attempts.map((a) => a.label)).toEqual(['status-500', 'delivered']);
  });

  it('sends an NDJSON file byte for byte', async () => {
    server = await startHttp(statuses(200));
    const lines = ['{"metadata":{"version":1,"issuer":"crowdsec.net"},"details":{"event_id":"a"}}'];
    const file = join(dir, 'raw.ndjson');
    writeFileSync(file, `${lines[0]}\n{ "spaced" :  true }\n`);
    const run = await runCli(['send', file, '--url', server.url, ...quick, '--no-validate']);
    expect(run.code).toBe(0);
    expect(server.requests.map((r) => r.body)).toEqual([lines[0], '{ "spaced" :  true }']);
  });

  it('sends a pretty-printed JSON event byte for byte', async () => {
    server = await startHttp(statuses(200));
    const file = join(dir, 'pretty.json');
    const text = JSON.stringify({ spaced: true, n: [1, 2] }, null, 2);
    writeFileSync(file, `\n${text}\n`);
    const run = await runCli(['send', file, '--url', server.url, ...quick, '--no-validate']);
    expect(run.code).toBe(0);
    expect(server.requests.map((r) => r.body)).toEqual([text]);
  });

  it('sends each item of a JSON array as one event', async () => {
    server = await startHttp(statuses(200));
    const file = join(dir, 'array.json');
    writeFileSync(file, JSON.stringify([{ a: 1 }, { b: 2 }, { c: 3 }]));
    const run = await runCli(['send', file, '--url', server.url, ...quick, '--no-validate', '--json']);
    expect(run.code).toBe(0);
    expect(server.requests.map((r) => r.body)).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
  });

  it('refuses an NDJSON file with a line that is not JSON, naming the line, and sends nothing', async () => {
    server = await startHttp(statuses(200));
    const file = join(dir, 'broken.ndjson');
    writeFileSync(file, '{"a":1}\n{"b":2}\n{"c":\n');
    const run = await runCli(['send', file, '--url', server.url, ...quick, '--no-validate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/line 3/);
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a file with an invalid event, exits 2 and sends nothing', async () => {
    server = await startHttp(statuses(200));
    const file = join(dir, 'invalid.ndjson');
    writeFileSync(file, `${JSON.stringify(event('x'))}\n`);
    const run = await runCli(['send', file, '--url', server.url, ...quick]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^cswm: .*line 1/);
    expect(run.stderr).toContain('--no-validate');
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ['an unknown event type', ['send', 'alert_trigered', '--url', 'http://127.0.0.1:8080/']],
    ['a file: URL', ['send', 'alert_triggered', '--url', 'file:///etc/passwd']],
    [
      'two auth methods',
      ['send', 'alert_triggered', '--url', 'http://h/', '--bearer', 'a', '--basic', 'u:p'],
    ],
    ['a bad duration', ['send', 'alert_triggered', '--url', 'http://h/', '--timeout', '30']],
    [
      'a --set that breaks the schema',
      ['send', 'alert_triggered', '--url', 'http://h/', '--set', 'details.event_id=5'],
    ],
    ['a missing CA file', ['send', 'alert_triggered', '--url', 'https://h/', '--ca', '/no/such.pem']],
  ])('exits 2 with one line on stderr for %s', async (_name, args) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^cswm: /);
    expect(run.stdout).toBe('');
  });

  it('refuses a port the Console refuses with one line, before any connection is made', async () => {
    server = await startHttp(statuses(200));
    const run = await runCli(['send', 'alert_triggered', '--url', server.url]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^cswm: port \d+ .*80, 8080, 443, 8443.*--allow-any-port/);
    expect(run.stdout).toBe('');
    expect(server.connections).toBe(0);
  });

  it.each([
    ['an empty --bearer', ['--bearer', ''], 'cswm: --bearer: the token is empty\n'],
    [
      'a --basic without a password',
      ['--basic', 'user:'],
      'cswm: --basic: expected USER:PASS with both parts non-empty; the value was not echoed\n',
    ],
    [
      'a --header with a bad name',
      ['--header', 'Bad Name: v'],
      'cswm: --header: expected "Name: value" (e.g. "X-Api-Key: <key>"); the value was not echoed\n',
    ],
  ])('refuses %s with the same one line as cswm check, exit 2', async (_name, auth, line) => {
    server = await startHttp(statuses(200));
    const args = ['--url', server.url, '--allow-any-port', ...auth];
    const send = await runCli(['send', 'alert_triggered', ...args]);
    const check = await runCli(['check', ...args]);
    expect({ code: send.code, stderr: send.stderr, stdout: send.stdout }).toEqual({
      code: 2,
      stderr: line,
      stdout: '',
    });
    expect({ code: check.code, stderr: check.stderr, stdout: check.stdout }).toEqual({
      code: 2,
      stderr: line,
      stdout: '',
    });
    expect(server.connections).toBe(0);
  });

  it.each([
    [
      'a missing file',
      (d: string) => join(d, 'missing.pem'),
      /^cswm: --ca: cannot read \S+missing\.pem \(no such file\); give a readable PEM certificate file\n$/,
    ],
    [
      'a file that is not PEM',
      (d: string) => join(d, 'not-a-cert.pem'),
      /^cswm: --ca: \S+not-a-cert\.pem holds no PEM certificate/,
    ],
  ])('refuses --ca with %s the same way in send and check, exit 2', async (_name, file, message) => {
    writeFileSync(join(dir, 'not-a-cert.pem'), 'this is not a certificate\n');
    const ca = file(dir);
    const send = await runCli(['send', 'alert_triggered', '--url', 'https://127.0.0.1:8443/', '--ca', ca]);
    const check = await runCli(['check', '--url', 'https://127.0.0.1:8443/', '--ca', ca]);
    expect([send.code, check.code]).toEqual([2, 2]);
    expect(send.stderr).toMatch(message);
    expect(check.stderr).toBe(send.stderr);
  });

  it('prints only the failures and the summary for many events', async () => {
    server = await startHttp((_req, res, index) => res.writeHead(index === 0 ? 500 : 200).end());
    const run = await runCli([
      'send',
      'alert_triggered',
      '--count',
      '40',
      '--url',
      server.url,
      ...quick,
      '--attempts',
      '1',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/40 sent: 39 delivered, 1 failed/);
    expect(run.stdout.match(/^alert_triggered /gm)).toHaveLength(1);
  });

  it('never shows a secret in stdout, stderr, --json, the journal or an error', async () => {
    server = await startHttp((req, res) => res.writeHead(401).end(`echo ${JSON.stringify(req.headers)}`));
    const journal = join(dir, 'canary.ndjson');
    const runs = [
      await runCli([
        'send',
        'alert_triggered',
        '--url',
        server.url,
        ...quick,
        '--bearer',
        CANARY,
        '--journal',
        journal,
      ]),
      await runCli([
        'send',
        'alert_triggered',
        '--url',
        server.url,
        ...quick,
        '--basic',
        `ops:${CANARY}`,
        '--json',
      ]),
      await runCli([
        'send',
        'alert_triggered',
        '--url',
        server.url,
        ...quick,
        '--header',
        `X-Token: ${CANARY}`,
        '--json',
      ]),
      await runCli([
        'send',
        'alert_triggered',
        '--url',
        server.url.replace('//', `//ops:${CANARY}@`),
        ...quick,
      ]),
      await runCli([
        'send',
        'alert_triggered',
        '--url',
        `http://ops:${CANARY}@127.0.0.1:3000/`,
        '--bearer',
        CANARY,
      ]),
      await runCli(['send', 'alert_triggered', '--url', `http://ops:${CANARY}@127.0.0.1:3000/`]),
      await runCli(['send', 'alert_triggered', '--url', `ftp://ops:${CANARY}@h/`]),
      await runCli([
        'send',
        'alert_triggered',
        '--url',
        'http://127.0.0.1:8080/',
        '--header',
        `Bad Name: ${CANARY}`,
      ]),
      await runCli(['send', 'alert_triggered', '--url', 'http://127.0.0.1:8080/', '--header', `${CANARY}`]),
    ];
    expect(server.requests.length).toBeGreaterThan(0);
    expect(server.requests.some((r) => JSON.stringify(r.headers).includes(CANARY))).toBe(true);
    for (const run of runs) {
      expect(run.stdout + run.stderr).not.toContain(CANARY);
      expect(run.stdout + run.stderr).not.toContain(Buffer.from(`ops:${CANARY}`).toString('base64'));
    }
    expect(runs.map((r) => r.code)).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 2]);
    expect(readFileSync(journal, 'utf8')).not.toContain(CANARY);
    expect(readFileSync(journal, 'utf8')).toContain('[REDACTED]');
  });

  it('stops on SIGINT, marks the in-flight delivery interrupted, prints the summary and exits 1', async () => {
    let requested: () => void = () => {};
    const firstRequest = new Promise<void>((resolve) => {
      requested = resolve;
    });
    // Never answers: the first delivery stays in flight until the signal.
    server = await startHttp(() => requested());
    const child = spawn(
      process.execPath,
      [
        CLI_PATH,
        'send',
        'alert_triggered',
        '--count',
        '3',
        '--concurrency',
        '1',
        '--url',
        server.url,
        '--allow-any-port',
      ],
      { env: { ...process.env, NO_COLOR: '1' } },
    );
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    await within('cswm send to make its first request', firstRequest, { seen: () => stdout }).catch((e) => {
      child.kill('SIGKILL');
      throw e;
    });
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(stdout).toMatch(/3 sent: 0 delivered, 0 failed, 3 interrupted/);
    expect(server.requests).toHaveLength(1);
  });
});
