import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvalidScenarioError } from '../errors.js';
import { EVENT_TYPES } from '../events/catalog.js';
import { BUNDLED_DIR_URL, listScenarios, loadScenario } from './catalog.js';
import { parseScenario } from './parse.js';
import { scenarioSchema } from './schema.js';

const BASE = `version: 1
id: sample
title: Sample
description: A sample.
receiver: { respond: [503, 200] }
send: [{ event: alert_triggered, seed: 1 }]
expect:
  attempts: 2
  outcomes: [status-503, delivered]
`;

function errorOf(text: string): InvalidScenarioError {
  try {
    parseScenario(text, 'scenarios/x.yaml');
  } catch (error) {
    if (error instanceof InvalidScenarioError) return error;
    throw error;
  }
  throw new Error('expected an InvalidScenarioError');
}

describe('parseScenario', () => {
  it('turns shorthands and durations into receiver faults and ms', () => {
    const s = parseScenario(
      `${BASE}  waits: [1s]\ndelivery: { timeout: 2s, backoff: [500ms], auth: { bearer: t } }\n`,
      'x.yaml',
    );
    expect(s.receiver?.faults).toEqual([{ fault: { type: 'status', statuses: [503, 200] } }]);
    expect(s.expect.waits).toEqual([1000]);
    expect(s.delivery).toMatchObject({ timeoutMs: 2000, delaysMs: [500], allowAnyPort: true });
    expect(s.delivery.auth).toEqual({ type: 'bearer', token: 't' });
  });

  it.each([
    ['bad YAML', BASE.replace('[503, 200] }', '[503, 200 }'), 5, undefined],
    [
      'an unknown outcome',
      BASE.replace('status-503, delivered', 'stauts-503, delivered'),
      9,
      'expect.outcomes[0]',
    ],
    ['an unknown fault', BASE.replace('respond: [503, 200]', 'fault: explode'), 5, 'receiver.fault'],
    ['an unknown event type', BASE.replace('alert_triggered', 'alert_trigered'), 6, 'send[0].event'],
    ['an unknown field', `${BASE}colour: red\n`, 10, 'colour'],
    ['a duration without a unit', `${BASE}delivery: { timeout: 30 }\n`, 10, 'delivery.timeout'],
    ['outcomes that contradict attempts', BASE.replace('attempts: 2', 'attempts: 3'), 9, 'expect.outcomes'],
  ])('names the file, line and field of %s', (_what, text, line, field) => {
    const error = errorOf(text);
    expect(error.code).toBe('ERR_INVALID_SCENARIO');
    expect(error.location.file).toBe('scenarios/x.yaml');
    expect(error.location.line).toBe(line);
    expect(error.location.field).toBe(field);
    expect(error.message.startsWith(`scenarios/x.yaml:${line}:`)).toBe(true);
  });

  it('points at the column of the offending value', () => {
    const error = errorOf(BASE.replace('status-503, delivered', 'delivered, stauts-503'));
    expect(error.location).toMatchObject({ line: 9, column: 25, field: 'expect.outcomes[1]' });
    expect(error.message).toContain('"stauts-503" is not an outcome (allowed: delivered, status-<code>');
  });

  it('lists the allowed faults when a fault is unknown', () => {
    expect(errorOf(BASE.replace('respond: [503, 200]', 'fault: explode')).message).toContain(
      'allowed: hang, reset, malformed, huge-body, drop-response',
    );
  });

  it('never shows a credential in an error', () => {
    const error = errorOf(`${BASE}delivery: { auth: { bearer: canary-secret-1, header: 3 } }\n`);
    expect(error.code).toBe('ERR_INVALID_SCENARIO');
    expect(error.message).not.toContain('canary-secret-1');
  });

  it('refuses a scenario with neither receiver nor target', () => {
    expect(errorOf(BASE.replace('receiver: { respond: [503, 200] }\n', '')).location.line).toBe(1);
  });
});

describe('the bundled catalog', () => {
  const files = readdirSync(BUNDLED_DIR_URL).filter((f) => f.endsWith('.yaml'));

  it('holds at least the 22 scenarios the issue lists', () => {
    const ids = listScenarios().map((s) => s.id);
    for (const id of [
      'retry-then-success',
      'retries-exhausted-500',
      '2xx-not-200-retried',
      'redirect-not-followed',
      'timeout-over-30s',
      'answer-inside-timeout',
      'connection-refused',
      'dns-failure',
      'tls-self-signed',
      'tls-self-signed-insecure',
      'tls-expired',
      'tls-wrong-host',
      'tls-untrusted-ca',
      'connection-reset',
      'malformed-response',
      'port-not-allowed',
      'auth-bearer-ok',
      'auth-bearer-wrong',
      'auth-basic-ok',
      'auth-custom-header-ok',
      'lost-response-duplicate',
      'burst',
      'every-event-type',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it.each(files)('%s names itself, points editors at the schema and explains itself', (file) => {
    const text = readFileSync(new URL(file, BUNDLED_DIR_URL), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/scenario.schema.json');
    // The full check, schema included (loading bundled files at run time trusts them).
    const s = parseScenario(text, `scenarios/${file}`);
    expect(s).toEqual(loadScenario(file.replace(/\.yaml$/, '')));
    expect(`${s.id}.yaml`).toBe(file);
    expect(s.description.length).toBeGreaterThan(120);
    expect(s.tags.length).toBeGreaterThan(0);
  });

  it('lists in the schema exactly the event types the Console documents', () => {
    const defs = scenarioSchema().$defs as Record<string, { enum?: string[] }>;
    expect(defs.eventType?.enum).toEqual(['all', ...EVENT_TYPES]);
  });

  it('refuses an id that is not bundled with ERR_UNKNOWN_SCENARIO', () => {
    expect(() => loadScenario('no-such-scenario')).toThrow(
      expect.objectContaining({ code: 'ERR_UNKNOWN_SCENARIO' }),
    );
  });
});
