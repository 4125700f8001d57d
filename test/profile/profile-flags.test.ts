/**
 * `--profile FILE` on `cswm check` and `cswm scenario run`: the learned timeout and headers
 * (check), and waits, attempts, timeout and headers (scenarios) replace the defaults. The
 * profile is derived from synthetic observations (a sender waiting 1.5 s then 3 s, 4 attempts,
 * a 7 s timeout, its own User-Agent), so the numbers are exact.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveProfile, type Observation } from '../../src/profile/derive.js';
import { ctx, obs } from '../../src/profile/observations.test-helpers.js';
import { checkSenderProfile } from '../../src/profile/read.js';
import { runCli } from '../helpers/cli.js';
import { startReceive } from '../helpers/receive.js';
import { tempDir } from './learn-helpers.js';

const AGENT = 'synthetic-sender/2.0';

/** A request of the synthetic sender: its own User-Agent, arrived at `at`, ended `tookMs` later. */
const observation = (key: string, probe: Observation['probe'], at: number, answer: string, tookMs: number) =>
  obs(key, probe, at, answer, tookMs, {
    headers: [
      ['Host', 'x'],
      ['User-Agent', AGENT],
      ['Content-Type', 'application/json'],
    ],
    body: null,
  });

let dir: Awaited<ReturnType<typeof tempDir>>;
let profileFile: string;

beforeAll(async () => {
  dir = await tempDir();
  const profile = deriveProfile(
    [
      observation('r', 'retry', 0, 'status-503', 0),
      observation('r', 'retry', 1500, 'status-503', 0),
      observation('r', 'retry', 4500, 'status-503', 0),
      observation('r', 'retry', 8500, 'status-503', 0),
      observation('t', 'timeout', 20_000, 'hang', 7000),
    ],
    ctx({ nowMs: 100_000 }),
  );
  expect(profile).toMatchObject({
    maxAttempts: 4,
    timeoutMs: 7000,
    waitsMs: { summary: [1500, 3000, 4000] },
  });
  checkSenderProfile(profile, 'synthetic');
  profileFile = join(dir.dir, 'profile.json');
  await writeFile(profileFile, JSON.stringify(profile));
});
afterAll(() => dir?.remove());

describe('cswm scenario run --profile', () => {
  it('sends with the learned waits and attempts where the scenario sets none', async () => {
    // retries-exhausted-500 sets no policy of its own: every attempt answered 500.
    const run = await runCli([
      'scenario',
      'run',
      'retries-exhausted-500',
      '--time-scale',
      '0.01',
      '--profile',
      profileFile,
      '--json',
    ]);
    const result = (
      JSON.parse(run.stdout) as { results: { deliveries: { attempts: { waitBeforeMs: number }[] }[] }[] }
    ).results[0];
    const attempts = result?.deliveries[0]?.attempts ?? [];
    expect(attempts.map((a) => a.waitBeforeMs)).toEqual([0, 15, 30, 40]);
    // Its expectations were written for the defaults (5 attempts, 1, 2, 4, 8 s): it fails, as said.
    expect(run.code).toBe(1);
  });
});

describe('cswm check --profile', () => {
  it('probes with the learned timeout and headers', async () => {
    const recording = join(dir.dir, 'check.ndjson');
    const receiver = await startReceive(['--record', recording]);
    let report: { target: { timeoutMs: number } };
    try {
      const run = await runCli([
        'check',
        '--url',
        `${receiver.url}/hook`,
        '--allow-any-port',
        '--only',
        'delivery.accepts.alert_triggered',
        '--profile',
        profileFile,
        '--json',
      ]);
      report = JSON.parse(run.stdout) as typeof report;
    } finally {
      await receiver.stop('SIGTERM');
    }
    expect(report.target.timeoutMs).toBe(7000);
    const lines = (await readFile(recording, 'utf8')).trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect((JSON.parse(line) as { headers: Record<string, string> }).headers['user-agent']).toBe(AGENT);
    }
  });
});
