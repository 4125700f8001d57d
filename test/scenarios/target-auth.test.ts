import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runScenarios } from '../../src/scenarios/run-many.js';
import { runCli } from '../helpers/cli.js';

/**
 * `scenario run --target` against a receiver that checks a Bearer token, written as such
 * receivers are (compare the header, 401 otherwise): the scenarios carry the user's credentials
 * through the proxy, and a preflight delivery stops a run that could only fail for one reason.
 */
const TOKEN = 'canary-target-token-51c0';
let server: Server;
let url: string;
const authorizations: (string | undefined)[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    authorizations.push(req.headers.authorization);
    req.resume();
    req.on('end', () => {
      if (req.headers.authorization !== `Bearer ${TOKEN}`)
        return void res.writeHead(401).end('{"error":"unauthorized"}');
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/crowdsec`;
});

afterAll(() => {
  server.close();
});

beforeEach(() => {
  authorizations.length = 0;
});

describe('scenarios against a receiver that requires a Bearer token', () => {
  it('carries the credentials through the proxy, and says which scenarios never reached the receiver', async () => {
    const summary = await runScenarios(['retry-then-success', 'retries-exhausted-500'], {
      target: { url, auth: { type: 'bearer', token: TOKEN } },
      timeScale: 0.01,
    });
    expect(summary.preflight).toMatchObject({ accepted: true, outcome: 'delivered' });
    expect(summary.results.map((r) => [r.id, r.passed, r.reachedTarget])).toEqual([
      ['retry-then-success', true, true],
      ['retries-exhausted-500', true, false],
    ]);
    // The preflight, then attempt 3 of retry-then-success: both with the user's token.
    expect(authorizations).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
    expect(JSON.stringify(summary)).not.toContain(TOKEN);
  });

  it('runs no scenario when the preflight is refused for want of credentials, and says how to pass them', async () => {
    const summary = await runScenarios('all', { target: url, timeScale: 0.01 });
    expect(summary.results).toEqual([]);
    expect(summary.preflight).toMatchObject({
      accepted: false,
      outcome: 'status-401',
      cause: { id: 'credentials-required' },
    });
    expect(summary.preflight?.cause?.advice).toContain('--bearer, --header or --basic');
    expect(authorizations).toHaveLength(1);
  });

  it('names refused credentials as such when they were given but are wrong', async () => {
    const summary = await runScenarios(['retry-then-success'], {
      target: { url, auth: { type: 'bearer', token: 'mistyped' } },
      timeScale: 0.01,
    });
    expect(summary.preflight?.cause).toMatchObject({ id: 'credentials-refused' });
    expect(summary.preflight?.cause?.summary).toContain('the configured Bearer token');
  });
});

describe('cswm scenario run --target with credentials', () => {
  it('stops with exit 1 and one clear message when the target refuses the preflight', async () => {
    const run = await runCli(['scenario', 'run', '--all', '--target', url, '--time-scale', '0.01']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^no scenario ran: your receiver did not accept the preflight delivery .*\(401\)/,
    );
    expect(run.stdout).toContain('fix: pass the credentials the receiver expects');
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(2);
  });

  it('runs with --bearer, never printing the token', async () => {
    const run = await runCli([
      'scenario',
      'run',
      'retry-then-success',
      '--target',
      url,
      '--bearer',
      TOKEN,
      '--time-scale',
      '0.01',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 scenario: 1 passed');
    expect(`${run.stdout}${run.stderr}`).not.toContain(TOKEN);
  });

  it('refuses credentials without --target with exit 2, sending nothing', async () => {
    const run = await runCli(['scenario', 'run', 'retry-then-success', '--bearer', TOKEN]);
    expect([run.code, run.stderr.trim()]).toEqual([
      2,
      'cswm: credentials apply to your receiver: give its URL with --target (the bundled scenarios set their own)',
    ]);
    expect(authorizations).toEqual([]);
  });
});
