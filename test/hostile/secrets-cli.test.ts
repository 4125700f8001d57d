import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTlsMaterial } from '../../src/receiver/certs.js';
import { startHttps, type TestServer } from '../delivery/servers.js';
import { type CliRun, runCli } from '../helpers/cli.js';
import { startReceive } from '../helpers/receive.js';
import { AUTH_FLAGS, CANARY, HEADER_NAME, leaksIn, leaksInDir } from './helpers/canary.js';
import { type HostileServer, startHostile } from './servers/hostile.js';
import { type PlainServer, startPlain } from './servers/plain.js';

/**
 * Canary secrets through every command, every output and every error path: stdout, stderr and
 * every written file are searched for each canary (as given, in Basic's base64, and its
 * distinctive middle). Every run is made with --debug, where stack traces may be printed: it only
 * adds a stack after the error line (cli/output.ts), so its output holds all a run without it
 * shows, and one process per case is enough (each is a cold start, most of this file's time).
 */

const dir = mkdtempSync(join(tmpdir(), 'cswm-secrets-cli-'));
/** Inputs that hold the canaries on purpose (scenario files), kept apart from the outputs searched. */
const inputs = mkdtempSync(join(tmpdir(), 'cswm-secrets-in-'));
let plain: PlainServer;
let echo: HostileServer;
let tlsServer: TestServer;
let tlsUrl = '';
let closedPort = 0;

beforeAll(async () => {
  plain = await startPlain({ keep: true });
  echo = await startHostile('echo-headers');
  tlsServer = await startHttps(makeTlsMaterial('self-signed'), (_req, res) => res.end('ok'));
  tlsUrl = tlsServer.url;
  const probe = await startPlain();
  closedPort = probe.port;
  await probe.close();
});
afterAll(async () => {
  await plain.close();
  await echo.close();
  await tlsServer.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(inputs, { recursive: true, force: true });
});

/**
 * Runs each command with --debug, returning the leaks per run. The exit codes
 * must add up to `codes` (exit code -> runs): a run refused before sending anything would
 * also leak nothing, so the codes show each run went as far as it was meant to.
 */
async function leaksOf(
  label: string,
  runs: string[][],
  codes: Record<number, number>,
): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  const seen = new Map<number | null, number>();
  const queue = runs.map((args) => ['--debug', ...args]);
  let next = 0;
  // Four processes at a time: each run is mostly a cold start, so this shortens the file a lot.
  const worker = async (): Promise<void> => {
    while (next < queue.length) {
      const args = queue[next++]!;
      const run: CliRun = await runCli(args, { timeoutMs: 60_000 });
      seen.set(run.code, (seen.get(run.code) ?? 0) + 1);
      const leaks = leaksIn(run.stdout + run.stderr);
      if (leaks.length > 0) found[args.join(' ')] = leaks;
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  console.log(
    `[secrets] ${label}: ${queue.length} runs (exit codes ${JSON.stringify(Object.fromEntries(seen))}), ${Object.keys(found).length} with a canary in their output`,
  );
  expect(Object.fromEntries(seen), `exit codes of ${label}`).toEqual(codes);
  return found;
}

const QUICK = ['--allow-any-port', '--backoff', '1ms'];

describe('canary secrets through cswm send', () => {
  it('never shows a bearer, custom header or Basic secret in any output, the journal or --json', async () => {
    const runs: string[][] = [];
    for (const auth of AUTH_FLAGS) {
      const journal = join(dir, `send-${auth.name.replace(' ', '-')}.ndjson`);
      runs.push([
        'send',
        'alert_triggered',
        '--url',
        plain.url,
        ...QUICK,
        ...auth.flags,
        '--journal',
        journal,
      ]);
      runs.push(['send', 'all', '--url', plain.url, ...QUICK, ...auth.flags, '--json', '--journal', journal]);
    }
    const before = plain.seen.length;
    expect(await leaksOf('send to a 200 receiver', runs, { 0: 6 })).toEqual({});
    expect(leaksInDir(dir)).toEqual({});
    // The canaries did travel: the receiver saw each of them (so the search above could fail).
    const received = plain.seen.slice(before).join('\n');
    expect(received).toContain(CANARY.bearer);
    expect(received).toContain(CANARY.header);
    expect(received).toContain(Buffer.from(`${CANARY.basicUser}:${CANARY.basicPass}`).toString('base64'));
  });

  it('scrubs the secrets from a receiver that echoes the request headers back, in failures too', async () => {
    const runs: string[][] = [];
    for (const auth of AUTH_FLAGS) {
      const journal = join(dir, `echo-${auth.name.replace(' ', '-')}.ndjson`);
      for (const path of ['/hook', '/hook/fail']) {
        const url = echo.url.replace('/hook', path);
        runs.push(['send', 'alert_triggered', '--url', url, ...QUICK, '--attempts', '2', ...auth.flags]);
        runs.push([
          'send',
          'alert_triggered',
          '--url',
          url,
          ...QUICK,
          '--attempts',
          '2',
          ...auth.flags,
          '--json',
        ]);
        runs.push(['send', 'alert_triggered', '--url', url, ...QUICK, ...auth.flags, '--journal', journal]);
      }
    }
    expect(await leaksOf('send to an echoing receiver', runs, { 0: 9, 1: 9 })).toEqual({});
    expect(leaksInDir(dir)).toEqual({});
  });

  it('keeps the secrets out of refused, TLS and DNS failures', async () => {
    const runs: string[][] = [];
    for (const auth of AUTH_FLAGS) {
      const one = [...QUICK, '--attempts', '1', ...auth.flags];
      runs.push(['send', 'alert_triggered', '--url', `http://127.0.0.1:${closedPort}/hook`, ...one]);
      runs.push(['send', 'alert_triggered', '--url', tlsUrl, ...one, '--json']);
      runs.push(['send', 'alert_triggered', '--url', tlsUrl, ...one, '--insecure']);
      runs.push([
        'send',
        'alert_triggered',
        '--url',
        'http://cswm-canary.invalid:8080/hook',
        ...one,
        '--json',
      ]);
    }
    expect(await leaksOf('send failures', runs, { 0: 3, 1: 9 })).toEqual({});
  });

  it('redacts credentials written inside the URL, in deliveries and in errors (exit 2)', async () => {
    const creds = `${CANARY.basicUser}:${CANARY.urlPass}@`;
    const good = plain.url.replace('http://', `http://${creds}`);
    const runs: string[][] = [
      ['send', 'alert_triggered', '--url', good, ...QUICK],
      ['send', 'alert_triggered', '--url', good, ...QUICK, '--json'],
      ['send', 'alert_triggered', '--url', `ftp://${creds}127.0.0.1/hook`],
      ['send', 'alert_triggered', '--url', `javascript://${creds}127.0.0.1/hook`],
      ['send', 'alert_triggered', '--url', `file://${creds}127.0.0.1/etc/passwd`],
      ['send', 'alert_triggered', '--url', `http://${creds}127.0.0.1:3000/hook`],
      ['send', 'alert_triggered', '--url', `http://${creds}[::1/hook`],
      ['send', 'alert_triggered', '--url', `http://${creds}127.0.0.1:99999/hook`],
      ['send', 'alert_triggered', '--url', good, '--bearer', CANARY.bearer],
      ['send', 'alert_triggered', '--url', plain.url, '--header', `${HEADER_NAME}${CANARY.header}`],
      ['send', 'alert_triggered', '--url', plain.url, '--basic', CANARY.basicPass],
      [
        'send',
        'alert_triggered',
        '--url',
        plain.url,
        '--bearer',
        CANARY.bearer,
        '--basic',
        `u:${CANARY.basicPass}`,
      ],
      ['send', 'alert_triggered', '--url', plain.url, '--header', `Content-Type: ${CANARY.header}`, ...QUICK],
      ['send', 'alert_triggered', '--url', plain.url, '--header', `Bad Name: ${CANARY.header}`, ...QUICK],
    ];
    expect(
      await leaksOf('send with credentials in the URL and bad auth flags', runs, { 0: 2, 2: 12 }),
    ).toEqual({});
  });
});

describe('canary secrets through cswm check', () => {
  it('never shows a secret in the text output nor in the json, junit and html report files', async () => {
    const runs: string[][] = [];
    for (const auth of AUTH_FLAGS) {
      for (const [name, url] of [
        ['plain', plain.url],
        ['echo-fail', echo.url.replace('/hook', '/hook/fail')],
      ] as const) {
        const out = join(dir, `check-${name}-${auth.name.replace(' ', '-')}`);
        runs.push([
          'check',
          '--url',
          url,
          '--allow-any-port',
          ...auth.flags,
          '--report',
          'text,json,junit,html',
          '--out',
          out,
        ]);
      }
      runs.push([
        'check',
        '--url',
        plain.url,
        '--allow-any-port',
        ...auth.flags,
        '--json',
        '--only',
        'auth,payload',
      ]);
      runs.push([
        'check',
        '--url',
        tlsUrl,
        '--allow-any-port',
        ...auth.flags,
        '--only',
        'tls,delivery.accepts.alert_triggered',
      ]);
    }
    const creds = `${CANARY.basicUser}:${CANARY.urlPass}@`;
    runs.push([
      'check',
      '--url',
      plain.url.replace('http://', `http://${creds}`),
      '--allow-any-port',
      '--only',
      'auth',
    ]);
    runs.push(['check', '--url', `ftp://${creds}127.0.0.1/hook`]);
    runs.push(['check', '--url', `http://${creds}127.0.0.1:3000/hook`]);
    expect(await leaksOf('check', runs, { 1: 13, 2: 2 })).toEqual({});
    expect(leaksInDir(dir)).toEqual({});
  });
});

/** A scenario file whose receiver and delivery both carry canaries. */
function scenarioFile(id: string, receiverAuth: string, deliveryAuth: string, delivered: boolean): string {
  const file = join(inputs, `${id}.yaml`);
  const outcomes = delivered ? '[delivered]' : '[status-401, status-401]';
  writeFileSync(
    file,
    [
      'version: 1',
      `id: ${id}`,
      `title: canary ${id}`,
      'description: canary secrets must never be shown',
      `receiver: { auth: ${receiverAuth} }`,
      'send: [{ event: alert_triggered, seed: 3 }]',
      `delivery: { maxAttempts: 2, auth: ${deliveryAuth} }`,
      `expect: { attempts: ${delivered ? 1 : 2}, outcomes: ${outcomes}, result: ${delivered ? 'delivered' : 'failed'} }`,
      '',
    ].join('\n'),
  );
  return file;
}

describe('canary secrets through cswm scenario run', () => {
  it('never shows the secrets of a scenario file or of a --target URL, whether it passes or fails', async () => {
    const basic = (pass: string) => `{ basic: { username: ${CANARY.basicUser}, password: ${pass} } }`;
    const header = (value: string) => `{ header: { name: ${HEADER_NAME}, value: ${value} } }`;
    const files = [
      scenarioFile('canary-bearer-ok', `{ bearer: ${CANARY.bearer} }`, `{ bearer: ${CANARY.bearer} }`, true),
      scenarioFile(
        'canary-bearer-wrong',
        `{ bearer: ${CANARY.bearer} }`,
        `{ bearer: ${CANARY.wrong} }`,
        false,
      ),
      scenarioFile('canary-header-ok', header(CANARY.header), header(CANARY.header), true),
      scenarioFile('canary-header-wrong', header(CANARY.header), header(CANARY.wrong), false),
      scenarioFile('canary-basic-ok', basic(CANARY.basicPass), basic(CANARY.basicPass), true),
      scenarioFile('canary-basic-wrong', basic(CANARY.basicPass), basic(CANARY.wrong), false),
      // Expected to pass but fails: the failure message shows what happened.
      scenarioFile('canary-basic-unexpected', basic(CANARY.basicPass), basic(CANARY.wrong), true),
    ];
    const creds = `${CANARY.basicUser}:${CANARY.urlPass}@`;
    const runs: string[][] = [
      ['scenario', 'run', ...files, '--time-scale', '0.01'],
      ['scenario', 'run', ...files, '--time-scale', '0.01', '--json'],
      [
        'scenario',
        'run',
        'retry-then-success',
        '--time-scale',
        '0.01',
        '--target',
        plain.url.replace('http://', `http://${creds}`),
      ],
      // The proxy forwards to an echo of the request: the URL's Basic credentials come back in the body.
      [
        'scenario',
        'run',
        'retry-then-success',
        '--time-scale',
        '0.01',
        '--json',
        '--target',
        echo.url.replace('http://', `http://${creds}`),
      ],
      ['scenario', 'run', 'retry-then-success', '--target', `ftp://${creds}127.0.0.1/`],
    ];
    expect(await leaksOf('scenario run', runs, { 0: 2, 1: 2, 2: 1 })).toEqual({});
  });
});

describe('canary secrets through cswm receive', () => {
  const cases = [
    {
      name: 'custom header',
      flags: ['--require-header', `${HEADER_NAME}: ${CANARY.header}`],
      header: HEADER_NAME,
      right: CANARY.header,
    },
    {
      name: 'basic',
      flags: ['--require-basic', `${CANARY.basicUser}:${CANARY.basicPass}`],
      header: 'Authorization',
      right: `Basic ${Buffer.from(`${CANARY.basicUser}:${CANARY.basicPass}`).toString('base64')}`,
    },
    {
      name: 'bearer header',
      flags: ['--require-header', `Authorization: Bearer ${CANARY.bearer}`],
      header: 'Authorization',
      right: `Bearer ${CANARY.bearer}`,
    },
  ];
  for (const c of cases) {
    for (const json of [false, true]) {
      it(`never shows a required ${c.name} secret${json ? ' (--json)' : ''}: not in lines, inbox API or page`, async () => {
        const receiver = await startReceive([...c.flags, ...(json ? ['--json'] : [])]);
        let seen = '';
        try {
          const body = JSON.stringify({ details: { event_id: 'canary-1', event_type: 'alert_triggered' } });
          const statuses: number[] = [];
          for (const value of [c.right, CANARY.wrong, `Bearer ${CANARY.wrong}`]) {
            const res = await fetch(`${receiver.url}/hook`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', [c.header]: value },
              body,
            });
            seen += await res.text();
            statuses.push(res.status);
          }
          expect(statuses).toEqual([200, 401, 401]);
          for (const path of ['/_cswm/deliveries', '/_cswm/']) {
            seen += await (await fetch(`${receiver.url}${path}`)).text();
          }
        } finally {
          expect(await receiver.stop('SIGTERM')).toBe(0);
        }
        const leaks = leaksIn(receiver.stdout() + receiver.stderr() + seen);
        console.log(
          `[secrets] receive ${c.flags[0]}${json ? ' --json' : ''}: 3 requests, canaries in output: ${leaks.length}`,
        );
        expect(leaks).toEqual([]);
        expect(receiver.stdout()).toMatch(/401/);
      });
    }
  }

  it('never shows the credentials of a --proxy upstream URL, nor bad --require-* values', async () => {
    const creds = `${CANARY.basicUser}:${CANARY.urlPass}@`;
    const receiver = await startReceive([
      '--proxy',
      echo.url.replace('http://', `http://${creds}`),
      '--json',
    ]);
    let seen = '';
    try {
      const res = await fetch(`${receiver.url}/hook`, {
        method: 'POST',
        body: '{"details":{"event_id":"p"}}',
      });
      seen += await res.text();
      seen += await (await fetch(`${receiver.url}/_cswm/deliveries`)).text();
    } finally {
      await receiver.stop('SIGTERM');
    }
    // The echo relayed as it is is the user's upstream talking, not this project's output.
    expect(leaksIn(receiver.stdout() + receiver.stderr())).toEqual([]);
    expect(seen.length).toBeGreaterThan(0);
    const bad = await leaksOf(
      'receive with bad auth flags',
      [
        ['receive', '--port', '0', '--require-header', `${HEADER_NAME}${CANARY.header}`],
        ['receive', '--port', '0', '--require-basic', CANARY.basicPass],
        [
          'receive',
          '--port',
          '0',
          '--require-basic',
          `u:${CANARY.basicPass}`,
          '--require-header',
          `X: ${CANARY.header}`,
        ],
        ['receive', '--port', '0', '--proxy', `ftp://${creds}127.0.0.1/`],
      ],
      { 2: 4 },
    );
    expect(bad).toEqual({});
  });
});

it('left no canary in any file this suite wrote', () => {
  const found = leaksInDir(dir);
  console.log(
    `[secrets] files searched under ${dir}: ${JSON.stringify(Object.keys(found).length)} with a canary`,
  );
  expect(found).toEqual({});
  expect(readFileSync(join(dir, 'send-bearer.ndjson'), 'utf8')).toContain('Bearer [REDACTED]');
});
