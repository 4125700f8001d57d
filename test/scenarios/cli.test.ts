import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// Needs `npm run build` first (runs dist/cli/main.js as a user does).
const dir = mkdtempSync(join(tmpdir(), 'cswm-scenarios-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GOOD = `# yaml-language-server: $schema=../schemas/scenario.schema.json
version: 1
id: mine
title: Mine
description: A scenario of my own.
receiver: { respond: [503, 200] }
send: [{ event: alert_triggered, seed: 1 }]
expect:
  attempts: 2
  outcomes: [status-503, delivered]
`;

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('cswm scenario list', () => {
  it('prints every bundled scenario with its title and tags as JSON', async () => {
    const run = await runCli(['scenario', 'list', '--json']);
    expect(run.code).toBe(0);
    const { scenarios } = JSON.parse(run.stdout) as {
      scenarios: { id: string; title: string; tags: string[] }[];
    };
    expect(scenarios.length).toBeGreaterThanOrEqual(22);
    expect(scenarios.find((s) => s.id === 'retry-then-success')?.tags).toContain('retry');
  });

  it('prints one line per scenario for people', async () => {
    const run = await runCli(['scenario', 'list']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^burst +300 events/m);
  });
});

describe('cswm scenario run', () => {
  it('prints the timeline and passes retry-then-success at time scale 0.01', async () => {
    const run = await runCli(['scenario', 'run', 'retry-then-success', '--time-scale', '0.01']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('PASS retry-then-success');
    expect(run.stdout).toMatch(/attempt 1 at \+\d+ms \(\d+ms unscaled\): status-503/);
    expect(run.stdout).toMatch(/attempt 3 at \+\d+ms .*: delivered/);
    expect(run.stdout).toContain('1 scenario: 1 passed, 0 failed');
  });

  it('runs a scenario file of the user', async () => {
    const run = await runCli(['scenario', 'run', file('mine.yaml', GOOD), '--time-scale', '0.01']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('PASS mine');
  });

  it('exits 1 and names the failing expectation when a scenario fails', async () => {
    const path = file(
      'fails.yaml',
      GOOD.replace('attempts: 2', 'attempts: 3').replace(
        '[status-503, delivered]',
        '[status-503, status-503, delivered]',
      ),
    );
    const run = await runCli(['scenario', 'run', path, '--time-scale', '0.01']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('FAIL mine');
    expect(run.stdout).toContain('expected attempts: expected 3 attempt(s), got 2');
    expect(run.stdout).toContain('failed: mine');
  });

  it('prints one JSON object with --json', async () => {
    const run = await runCli(['scenario', 'run', 'port-not-allowed', '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { passed: number; results: { error?: { code: string } }[] };
    expect(out.passed).toBe(1);
    expect(out.results[0]?.error?.code).toBe('ERR_PORT_NOT_ALLOWED');
  });

  it.each([
    ['bad YAML', GOOD.replace('[503, 200] }', '[503, 200 }'), /bad-yaml\.yaml:6:\d+: not valid YAML/],
    [
      'a schema violation',
      GOOD.replace('attempts: 2', 'attempts: two'),
      /schema\.yaml:9:13: expect\.attempts: "two" is not an integer/,
    ],
    [
      'an unknown fault',
      GOOD.replace('respond: [503, 200]', 'fault: explode'),
      /fault\.yaml:6:20: receiver\.fault: "explode" is not a fault \(allowed: hang, reset/,
    ],
    [
      'an unknown event type',
      GOOD.replace('alert_triggered', 'alert_trigered'),
      /event\.yaml:7:17: send\[0\]\.event: "alert_trigered" is not an event type \(allowed: all, am_i_under_attack/,
    ],
  ])('exits 2 with a line-accurate error for %s', async (what, text, pattern) => {
    const name = {
      'bad YAML': 'bad-yaml',
      'a schema violation': 'schema',
      'an unknown fault': 'fault',
      'an unknown event type': 'event',
    }[what as string];
    const run = await runCli(['scenario', 'run', file(`${name}.yaml`, text), '--time-scale', '0.01']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^cswm: /);
    expect(run.stderr).toMatch(pattern);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
  });

  it('checks every file before running any', async () => {
    const bad = file('late-bad.yaml', GOOD.replace('respond: [503, 200]', 'fault: explode'));
    const run = await runCli(['scenario', 'run', file('early-good.yaml', GOOD), bad, '--time-scale', '0.01']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });

  it.each([
    ['no scenario at all', ['scenario', 'run']],
    ['an unknown id', ['scenario', 'run', 'no-such-scenario']],
    ['a time scale of zero', ['scenario', 'run', 'burst', '--time-scale', '0']],
    ['a target that is not a URL', ['scenario', 'run', 'burst', '--target', 'nowhere']],
  ])('exits 2 on %s', async (_what, args) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^cswm: /);
  });

  it('never prints a credential of the auth scenarios', async () => {
    const ids = ['auth-bearer-ok', 'auth-bearer-wrong', 'auth-basic-ok', 'auth-custom-header-ok'];
    const text = await runCli(['scenario', 'run', ...ids, '--time-scale', '0.01']);
    const json = await runCli(['scenario', 'run', ...ids, '--time-scale', '0.01', '--json']);
    expect(text.code).toBe(0);
    expect(json.code).toBe(0);
    for (const out of [text.stdout, text.stderr, json.stdout, json.stderr]) {
      expect(out).not.toMatch(/canary-(token|pass|key)/);
    }
  });
});
