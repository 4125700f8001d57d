import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../src/events/catalog.js';
import { documentedExample } from '../../src/events/schemas.js';
import { CLI_PATH, runCli } from '../helpers/cli.js';

beforeAll(() => {
  if (!existsSync(CLI_PATH))
    throw new Error('dist/cli/main.js is missing: run `npm run build` before the tests');
});

describe('cswm events', () => {
  it("lists the 15 types in the page's order with --json", async () => {
    const run = await runCli(['events', '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { events: { type: string }[]; notEmitted: { title: string }[] };
    expect(out.events.map((e) => e.type)).toEqual([...EVENT_TYPES]);
    expect(out.notEmitted.map((e) => e.title)).toEqual(['API Key Expired']);
  });

  it('prints sections, titles and the API Key Expired note for people', async () => {
    const run = await runCli(['events']);
    expect(run.code).toBe(0);
    expect(run.stdout.indexOf('Threat Hunting')).toBeLessThan(run.stdout.indexOf('Stack'));
    expect(run.stdout).toContain('Blocking Known Safe IP');
    expect(run.stdout).toMatch(/API Key Expired.*not emitted/);
  });
});

describe.each(['events', 'generate', 'validate'])('cswm %s --help', (command) => {
  it('prints usage and exits 0', async () => {
    const run = await runCli([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: cswm ${command}`);
  });
});

describe('cswm generate', () => {
  it('gives the same bytes for the same seed in two separate processes', async () => {
    const [a, b] = await Promise.all([
      runCli(['generate', 'all', '--seed', '77', '--count', '3']),
      runCli(['generate', 'all', '--seed', '77', '--count', '3']),
    ]);
    expect(a.code).toBe(0);
    expect(a.stdout.split('\n').filter(Boolean)).toHaveLength(45);
    expect(a.stdout).toBe(b.stdout);
  });

  it('applies --set overrides', async () => {
    const run = await runCli([
      'generate',
      'alert_triggered',
      '--seed',
      '1',
      '--set',
      'details.source.value=1.2.3.4',
      '--set',
      'details.is_manual_decision=true',
    ]);
    expect(run.code).toBe(0);
    const event = JSON.parse(run.stdout) as {
      details: { source: { value: string }; is_manual_decision: boolean };
    };
    expect(event.details.source.value).toBe('1.2.3.4');
    expect(event.details.is_manual_decision).toBe(true);
  });

  it('exits 2 naming the schema path when --set breaks the schema, printing no event', async () => {
    const run = await runCli(['generate', 'alert_triggered', '--set', 'details.scenario_confidence="high"']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('$.details.scenario_confidence');
    expect(run.stderr).toContain('#/properties/details/properties/scenario_confidence/type');
  });

  it('exits 2 listing the valid types for an unknown type', async () => {
    const run = await runCli(['generate', 'alert_trigered']);
    expect(run.code).toBe(2);
    for (const type of EVENT_TYPES) expect(run.stderr).toContain(type);
  });

  it('prints the documented example with --example, wrapped on request', async () => {
    const run = await runCli(['generate', 'blocking_safe_ip', '--example', '--wrapped']);
    expect(JSON.parse(run.stdout)).toEqual({
      metadata: { version: 1, issuer: 'crowdsec.net' },
      details: documentedExample('blocking_safe_ip'),
    });
  });

  it('exits 2 for a --count that is not a whole number', async () => {
    expect((await runCli(['generate', 'all', '--count', 'many'])).code).toBe(2);
  });
});

describe('cswm validate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cswm-validate-'));

  it('accepts generated events piped in and exits 0', async () => {
    const generated = await runCli(['generate', 'all', '--seed', '4']);
    const run = await runCli(['validate', '-'], { input: generated.stdout });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('15 valid, 0 invalid');
  });

  it('names the line and path of each error in a broken NDJSON stream and exits 1', async () => {
    const good = JSON.stringify(documentedExample('payment_failed'));
    const bad = documentedExample('alert_triggered') as { details: Record<string, unknown> };
    bad.details.start_at = 'yesterday';
    delete bad.details.scenario;
    const file = join(dir, 'broken.ndjson');
    writeFileSync(file, `${good}\n${JSON.stringify(bad)}\n{"metadata": \n`);
    const run = await runCli(['validate', file, '--json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as {
      records: { line: number; errors: { path: string; rule: string }[] }[];
    };
    const errors = report.records.flatMap((r) => r.errors.map((e) => `${r.line} ${e.path} ${e.rule}`));
    expect(errors).toEqual(['2 $.details.scenario required', '2 $.details.start_at format', '3 $ json']);
  });

  it('prints line, path and rule for people', async () => {
    const bad = documentedExample('payment_failed') as { details: Record<string, unknown> };
    bad.details.event_id = 7;
    const run = await runCli(['validate'], {
      input: `${JSON.stringify(documentedExample('payment_failed'))}\n${JSON.stringify(bad)}\n`,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/line 2 \$\.details\.event_id +\[type\]/);
  });

  it('exits 2 when the file cannot be read', async () => {
    const run = await runCli(['validate', join(dir, 'missing.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^cswm: cannot read/);
  });

  it('exits 2 when the input is not JSON at all', async () => {
    const run = await runCli(['validate'], { input: '{"oops": \n' });
    expect(run.code).toBe(2);
  });

  it('says once that a broken document is not JSON, with where in it', async () => {
    const run = await runCli(['validate'], { input: '{\n  "a": 1,\n}\n' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'standard input is not JSON or NDJSON: Expected double-quoted property name (line 3, column 1 of the document)',
    );
  });

  it('gives a bad NDJSON line its own line number and its column in that line', async () => {
    const good = JSON.stringify(documentedExample('payment_failed'));
    const run = await runCli(['validate', '-', '--json'], { input: `${good}\n${good}\n{"c" 3}\n` });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { records: { line: number; errors: { message: string }[] }[] };
    expect(report.records[2]).toMatchObject({
      line: 3,
      errors: [{ message: "Expected ':' after property name (column 6)" }],
    });
  });
});
