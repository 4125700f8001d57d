/**
 * The learner against a sender it shares no code with: a small Python program (standard library
 * only) with its own schedule (waits 3, 6, 12 s, so 4 attempts), ±10 % jitter, a 5 s timeout,
 * urllib's redirect following and its own headers, run at time scale 0.5.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { startReceive } from '../helpers/receive.js';
import {
  emitter,
  expectWithin5Percent,
  type Learned,
  learnFrom,
  pythonSender,
  tempDir,
} from './learn-helpers.js';

const SCALE = 0.5;
/** Two events answered 503 to the end, three left hanging: the profile's values are medians. */
const PROBES = [
  '--learn-probes',
  'retry,retry,timeout,timeout,timeout,redirect',
  '--time-scale',
  String(SCALE),
];
/** Its events start a second apart (so each gets the probe of its turn), then run side by side. */
const SENDER = [
  '--waits',
  '3,6,12',
  '--jitter',
  '0.1',
  '--timeout',
  '5',
  '--time-scale',
  String(SCALE),
  '--stagger',
  '1',
];

interface PythonAttempt {
  event: string;
  attempt: number;
  result: string;
  sleptMs: number;
}

let dir: Awaited<ReturnType<typeof tempDir>>;
let learned: Learned;
let attempts: PythonAttempt[];

beforeAll(async () => {
  dir = await tempDir();
  const events = (await runCli(['generate', 'alert_triggered', '--count', '6', '--seed', '21'])).stdout;
  learned = await learnFrom(
    dir.dir,
    PROBES,
    pythonSender(dir.dir, events, [...SENDER, '--concurrency', '6']),
  );
  attempts = learned.sender.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as PythonAttempt);
}, 120_000);
afterAll(() => dir?.remove());

describe('a profile learned from the Python sender', () => {
  it('gives back the waits it really slept, per event, within 5 %', () => {
    const retried = learned.profile.waitsMs.perEvent.filter((e) => e.probe === 'retry');
    expect(retried).toHaveLength(2);
    for (const event of retried) {
      expect(event.attempts).toBe(4);
      const slept = attempts
        .filter((a) => a.event === event.key && a.attempt > 1)
        .map((a) => a.sleptMs / SCALE);
      expectWithin5Percent(event.waitsMs, slept);
    }
  });

  it('sees its 4 attempts, its jitter and its 5 s timeout (within 5 %)', () => {
    const { profile } = learned;
    expect(profile.maxAttempts).toBe(4);
    expect(profile.waitsMs.summary).toHaveLength(3);
    expect(profile.waitsMs.jitter).toBeGreaterThan(0);
    expectWithin5Percent([profile.timeoutMs as number], [5000]);
  });

  it('sees its headers, that it follows a 302 with a GET, and its connections', () => {
    const { profile } = learned;
    expect(profile.userAgent).toBe('py-webhook-sender/1.0');
    expect(profile.headers).toMatchObject({ 'x-sender': 'python', 'content-type': 'application/json' });
    expect(profile.redirects).toEqual({ followed: true, method: 'GET' });
    expect(profile.maxConcurrentConnections).toBeGreaterThanOrEqual(2);
    expect(profile.differences).toContain(
      'makes 4 attempts in all for an event answered failures (the emitter: 5)',
    );
    expect(profile.differences).toContain(
      'follows redirects (with GET; the emitter does not: a 3xx is a failed attempt)',
    );
  });

  it("makes the emitter send the Python sender's headers through --profile", async () => {
    const profileFile = join(dir.dir, 'python-profile.json');
    const recording = join(dir.dir, 'python-headers.ndjson');
    await writeFile(profileFile, JSON.stringify(learned.profile));
    const receiver = await startReceive(['--record', recording]);
    try {
      const run = await emitter(['alert_triggered', '--profile', profileFile])(`${receiver.url}/hook`);
      expect(run.code).toBe(0);
      expect(run.stderr).toContain(`cswm send: profile ${profileFile}: waits`);
    } finally {
      await receiver.stop('SIGTERM');
    }
    const line = JSON.parse((await readFile(recording, 'utf8')).trim()) as {
      headers: Record<string, string>;
    };
    expect(line.headers).toMatchObject({ 'user-agent': 'py-webhook-sender/1.0', 'x-sender': 'python' });
  });
});
