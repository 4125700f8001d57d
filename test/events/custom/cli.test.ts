import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver } from '../../../src/receiver/index.js';
import { CLI_PATH, runCli } from '../../helpers/cli.js';
import { API_KEY_EXPIRED, schemaDir } from './fixtures.js';

// Runs the built CLI (`npm run build` first) as a user does, end to end.
const S = ['--schema', API_KEY_EXPIRED];
const dir = schemaDir({});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const { existsSync } = await import('node:fs');
  if (!existsSync(CLI_PATH)) throw new Error('dist/cli/main.js is missing: run `npm run build` first');
});

function lines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('the API Key Expired schema through the command line', () => {
  let receiver: Receiver | undefined;
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });

  it('cswm events lists it after the documented types', async () => {
    const run = await runCli(['events', ...S]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /From --schema\n {2}api_key_expired +ApiKeyExpired: An API key .* in the envelope/,
    );
    const json = await runCli(['events', '--json', ...S]);
    expect(JSON.parse(json.stdout).custom).toEqual([
      expect.objectContaining({ type: 'api_key_expired', layout: 'envelope', draft: '2020-12' }),
    ]);
  });

  it('cswm generate gives the same bytes for a seed in two processes (with different time zones and locales)', async () => {
    const args = ['generate', 'api_key_expired', ...S, '--seed', '7', '--count', '25'];
    const [a, b] = await Promise.all([
      runCli(args, { env: { TZ: 'UTC', LANG: 'C' } }),
      runCli(args, { env: { TZ: 'Asia/Kolkata', LANG: 'fr_FR.UTF-8' } }),
    ]);
    expect(a.code).toBe(0);
    expect(a.stderr).toBe('');
    expect(lines(a.stdout)).toHaveLength(25);
    expect(b.stdout).toBe(a.stdout);
  });

  it('cswm validate accepts what generate made, and refuses it without the schema', async () => {
    const generated = await runCli(['generate', 'all', ...S, '--seed', '3']);
    expect(generated.code).toBe(0);
    const valid = await runCli(['validate', '-', ...S], { input: generated.stdout });
    expect(valid.code).toBe(0);
    expect(valid.stdout).toContain('line 16: api_key_expired wrapped');
    expect(valid.stdout).toContain('16 valid, 0 invalid, 16 in all');
    const unknown = await runCli(['validate', '-'], { input: generated.stdout });
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toMatch(
      /line 16 \$\.details\.event_type {2}\[const\] {2}unknown event_type "api_key_expired"/,
    );
  });

  it('cswm validate names the field a hand-written api_key_expired event gets wrong', async () => {
    const [event] = lines((await runCli(['generate', 'api_key_expired', ...S, '--example'])).stdout);
    (event!.details as Record<string, unknown>).key_type = 'root';
    const run = await runCli(['validate', '-', ...S, '--json'], { input: JSON.stringify(event) });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { records: { errors: { path: string; rule: string }[] }[] };
    expect(report.records[0]!.errors).toEqual([
      expect.objectContaining({ path: '$.details.key_type', rule: 'enum' }),
    ]);
  });

  it('cswm send delivers it to a real receiver on loopback, the same bytes generate prints', async () => {
    receiver = await startReceiver({ port: 0 });
    const args = [...S, '--seed', '5', '--count', '3'];
    const run = await runCli([
      'send',
      'api_key_expired',
      '--url',
      `${receiver.url}/hook`,
      '--allow-any-port',
      ...args,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('3 sent: 3 delivered, 0 failed');
    const printed = (await runCli(['generate', 'api_key_expired', ...args])).stdout
      .split('\n')
      .filter(Boolean);
    const received = receiver.deliveries();
    expect(received.map((d) => d.eventType)).toEqual([
      'api_key_expired',
      'api_key_expired',
      'api_key_expired',
    ]);
    expect(received.map((d) => d.body).sort()).toEqual([...printed].sort());
  });

  it('cswm send refuses a file of api_key_expired events that break the schema, sending nothing', async () => {
    receiver = await startReceiver({ port: 0 });
    const [event] = lines((await runCli(['generate', 'api_key_expired', ...S, '--seed', '1'])).stdout);
    (event!.details as Record<string, unknown>).scopes = 'read';
    const file = join(dir, 'broken.ndjson');
    writeFileSync(file, `${JSON.stringify(event)}\n`);
    const run = await runCli(['send', file, '--url', `${receiver.url}/hook`, '--allow-any-port', ...S]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^cswm: .*broken\.ndjson line 1: \$\.details\.scopes must be array .*nothing was sent/,
    );
    expect(receiver.deliveries()).toEqual([]);
  });

  it('cswm check adds delivery.accepts.api_key_expired and fails it when the receiver refuses that type only', async () => {
    receiver = await startReceiver({
      port: 0,
      faults: [{ fault: { type: 'status', statuses: [500] }, eventType: 'api_key_expired' }],
    });
    const url = `${receiver.url}/hook`;
    const run = await runCli([
      'check',
      '--url',
      url,
      '--allow-any-port',
      '--only',
      'delivery.accepts',
      '--json',
      ...S,
    ]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { checks: { id: string; result: string; summary: string }[] };
    expect(report.checks.map((c) => c.id).slice(-2)).toEqual([
      'delivery.accepts.payment_failed',
      'delivery.accepts.api_key_expired',
    ]);
    expect(report.checks.filter((c) => c.result === 'fail').map((c) => c.id)).toEqual([
      'delivery.accepts.api_key_expired',
    ]);
    const probe = receiver.deliveries().find((d) => d.eventType === 'api_key_expired');
    // The schema's example, with a fresh event_id.
    expect(JSON.parse(probe!.body).details.key_name).toBe('ci-pipeline');
    expect(probe!.eventId).not.toBe('0d6a2f7c9b3e41f08a5c2d7e9f1b3a64');
  });

  it('cswm check passes the custom check against the reference receiver, and keeps the unknown-type probe undefined', async () => {
    receiver = await startReceiver({ port: 0 });
    const run = await runCli([
      'check',
      '--url',
      `${receiver.url}/hook`,
      '--allow-any-port',
      '--only',
      'delivery.accepts.api_key_expired,payload.unknown-event-type',
      '--json',
      ...S,
    ]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { score: number; checks: { id: string; result: string }[] };
    expect(report.checks).toEqual([
      expect.objectContaining({ id: 'delivery.accepts.api_key_expired', result: 'pass' }),
      expect.objectContaining({ id: 'payload.unknown-event-type', result: 'pass' }),
    ]);
    expect(report.score).toBe(100);
    const types = receiver.deliveries().map((d) => d.eventType);
    expect(types).toContain('cswm_future_event_probe');
    expect(types).toContain('api_key_expired');
  });

  it('cswm scenario run sends a custom type a scenario file names, given its schema', async () => {
    const scenario = join(dir, 'key-expired-retried.yaml');
    writeFileSync(
      scenario,
      [
        'version: 1',
        'id: key-expired-retried',
        'title: An expired key notification is retried after a 503',
        'description: The Console retries a new event type like any other.',
        'receiver: { respond: [503, 200] }',
        'send: [{ event: api_key_expired, seed: 4 }]',
        'expect:',
        '  outcomes: [status-503, delivered]',
        '  received: { deliveries: 2, duplicates: 1, eventTypes: [api_key_expired] }',
        '',
      ].join('\n'),
    );
    const run = await runCli(['scenario', 'run', scenario, '--time-scale', '0.01', ...S]);
    expect(run.stdout).toContain('PASS key-expired-retried');
    expect(run.code).toBe(0);
    const without = await runCli(['scenario', 'run', scenario, '--time-scale', '0.01']);
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(
      /key-expired-retried\.yaml:\d+:\d+: .*"api_key_expired" is not an event type/,
    );
  });
});

describe('bad schemas and flags on the command line', () => {
  const bad = schemaDir({
    'broken.schema.json': '{ "type": "object",\n  "properties": { "a": { "type": "string" }, }\n}',
    'not-an-object.schema.json': { type: 'array', items: { type: 'string' } },
    'untyped.schema.json': { type: 'object', properties: { key_name: { type: 'string' } } },
    'alert.schema.json': {
      type: 'object',
      properties: { event_type: { const: 'alert_triggered' }, note: { type: 'strin' } },
    },
  });
  const cases: [string, string[], RegExp][] = [
    [
      'not JSON',
      ['--schema', join(bad, 'broken.schema.json')],
      /broken\.schema\.json: \$: not JSON: .*line 2/,
    ],
    [
      'no object at the root',
      ['--schema', join(bad, 'not-an-object.schema.json')],
      /not-an-object\.schema\.json: \$\.type: /,
    ],
    [
      'no event type',
      ['--schema', join(bad, 'untyped.schema.json')],
      /untyped\.schema\.json: \$\.properties\.event_type: .*--type NAME/,
    ],
    [
      'not valid JSON Schema',
      ['--schema', join(bad, 'alert.schema.json'), '--override'],
      /alert\.schema\.json: \$\.properties\.note\.type: not valid JSON Schema \(draft 2020-12\)/,
    ],
    [
      'a missing file',
      ['--schema', join(bad, 'nope.schema.json')],
      /cannot read .*nope\.schema\.json: no such file/,
    ],
    ['--type without --schema', ['--type', 'x'], /--type applies to --schema FILE/],
  ];
  const expectOneLine = (run: { code: number | null; stdout: string; stderr: string }, message: RegExp) => {
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(run.stderr).toMatch(/^cswm: /);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
  };
  for (const [what, flags, message] of cases) {
    it(`generate exits 2 with one line for ${what}`, async () => {
      expectOneLine(await runCli(['generate', 'all', ...flags]), message);
    });
  }
  const [, invalidFlags, invalidMessage] = cases[3]!;
  const commands = [
    ['validate', '-'],
    ['send', 'all', '--url', 'http://127.0.0.1:9/h', '--allow-any-port'],
    ['check', '--url', 'http://127.0.0.1:9/h', '--allow-any-port'],
    ['events'],
    ['scenario', 'run', 'retry-then-success'],
  ];
  for (const command of commands) {
    it(`${command.slice(0, 2).join(' ')} exits 2 with one line for a schema that is not valid JSON Schema`, async () => {
      expectOneLine(await runCli([...command, ...invalidFlags], { input: '{}' }), invalidMessage);
    });
  }
});
