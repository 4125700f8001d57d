/**
 * The learner against senders of known behaviour, at a time scale (the same run at real time
 * is learn-real-time.slow.ts). The emitter runs with waits 2, 4, 8, 16 s and a 10 s timeout;
 * the learned profile must give those back within 5 %, and round-trip through --profile.
 */
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { senderProfileOptions } from '../../src/profile/apply.js';
import { checkSenderProfile } from '../../src/profile/read.js';
import type { SenderProfile } from '../../src/profile/types.js';
import { runCli } from '../helpers/cli.js';
import { emitter, expectWithin5Percent, type Learned, learnFrom, tempDir } from './learn-helpers.js';

/**
 * Half speed: a loaded 2-core machine makes timers and event loops late by 10 to 30 ms, which
 * is 5 % of the first wait (2 s) at time scale 0.25; at 0.5 it is under 3 %.
 */
const SCALE = 0.5;
const WAITS_MS = [2000, 4000, 8000, 16000];
const TIMEOUT_MS = 10_000;
/**
 * The first event is only observed while the freshly started sender process warms up; the
 * others start half a second apart (so each gets the probe of its turn) and run side by side.
 * Five events are answered 503 to the end and three are left hanging: the profile's values are
 * medians, so a few exchanges slowed by a busy machine do not move them.
 */
const PROBES = [
  '--learn-probes',
  'accept,retry,retry,retry,retry,retry,timeout,timeout,timeout,redirect',
  '--time-scale',
  String(SCALE),
];
const KNOWN_SENDER = [
  'alert_triggered',
  '--count',
  '10',
  '--seed',
  '5',
  '--concurrency',
  '10',
  '--rate',
  '2',
];
const SCHEDULE = ['--backoff', '2s,4s,8s,16s', '--timeout', '10s', '--time-scale', String(SCALE)];

let dir: { dir: string; remove: () => Promise<void> };
let learned: Learned;

beforeAll(async () => {
  dir = await tempDir();
  learned = await learnFrom(dir.dir, PROBES, emitter([...KNOWN_SENDER, ...SCHEDULE]));
}, 120_000);
afterAll(() => dir?.remove());

describe(`a profile learned from the emitter at time scale ${SCALE} (waits 2, 4, 8, 16 s; timeout 10 s)`, () => {
  it('gives back every wait within 5 % (the summary: at each position the median over the events)', () => {
    const { profile } = learned;
    const retried = profile.waitsMs.perEvent.filter((e) => e.probe === 'retry');
    expect(retried.map((e) => e.waitsMs.length)).toEqual([4, 4, 4, 4, 4]);
    expect(profile.waitsMs.summary).toHaveLength(4);
    expectWithin5Percent(profile.waitsMs.summary, WAITS_MS);
  });

  it('gives back the timeout within 5 % and the 5 attempts', () => {
    expect(learned.profile.timeoutMs).not.toBeNull();
    expect(learned.profile.timeoutSamplesMs).toHaveLength(3);
    expectWithin5Percent([learned.profile.timeoutMs as number], [TIMEOUT_MS]);
    expect(learned.profile.maxAttempts).toBe(5);
  });

  it('sees the rest of the emitter: its headers, no redirect following, compact wrapped bodies', () => {
    const { profile } = learned;
    expect(profile.userAgent).toMatch(/^crowdsec-webhook-mock\//);
    expect(profile.headers['content-type']).toBe('application/json');
    expect(profile.redirects).toEqual({ followed: false, method: null });
    expect(profile.form).toBe('wrapped; compact JSON');
    expect(profile.bodyForms.alert_triggered).toMatchObject({
      form: 'wrapped',
      keys: ['metadata', 'details'],
      compact: true,
    });
    expect(profile.maxConcurrentConnections).toBeGreaterThanOrEqual(2);
    expect(
      profile.differences.some((d) => /^waits .* between attempts \(the emitter: 1s, 2s, 4s, 8s\)$/.test(d)),
    ).toBe(true);
  });

  it('writes a file that matches schemas/sender-profile.schema.json, and says what it learned on stop', () => {
    expect(() => checkSenderProfile(learned.profile, 'profile')).not.toThrow();
    expect(learned.receiveStderr).toContain('cswm receive: learned from');
    expect(learned.receiveStderr).toContain('differs: gives up on an unanswered request after');
  });
});

describe('the learned profile, through --profile', () => {
  let again: Learned;
  let profileFile: string;

  beforeAll(async () => {
    profileFile = `${dir.dir}/learned.json`;
    await writeFile(profileFile, JSON.stringify(learned.profile));
    const withProfile = ['--profile', profileFile, '--time-scale', String(SCALE), '--json'];
    again = await learnFrom(dir.dir, PROBES, emitter([...KNOWN_SENDER, ...withProfile]));
  }, 120_000);

  it('makes the emitter send with the learned schedule, attempts and timeout', () => {
    const out = JSON.parse(again.sender.stdout) as {
      deliveries: { attempts: { waitBeforeMs: number; label: string }[] }[];
    };
    const retried = out.deliveries.filter((d) => d.attempts.length > 2);
    expect(retried).toHaveLength(5);
    // The learned schedule, spread by the learned jitter when it is over measurement noise.
    const { backoff } = senderProfileOptions(learned.profile);
    const jitter = backoff?.jitter ?? 0;
    for (const d of retried) {
      const planned = d.attempts.slice(1).map((a) => a.waitBeforeMs);
      expect(planned).toHaveLength(4);
      planned.forEach((ms, i) => {
        const learnedMs = (backoff?.delaysMs?.[i] as number) * SCALE;
        expect(ms).toBeGreaterThanOrEqual(learnedMs * (1 - jitter));
        expect(ms).toBeLessThanOrEqual(learnedMs * (1 + jitter));
      });
    }
    const timedOut = out.deliveries.find((d) => d.attempts[0]?.label === 'timeout');
    expect(timedOut).toBeDefined();
  });

  it('is learned back from that emitter within 5 % of the first profile', () => {
    const first: SenderProfile = learned.profile;
    const second = again.profile;
    expectWithin5Percent(second.waitsMs.summary, first.waitsMs.summary);
    expectWithin5Percent([second.timeoutMs as number], [first.timeoutMs as number]);
    expect(second.maxAttempts).toBe(first.maxAttempts);
    expect(second.headers).toEqual(first.headers);
  });
});

describe('cswm send --profile', () => {
  it('refuses a file that is not a profile with exit 2 and one line, sending nothing', async () => {
    const bad = `${dir.dir}/not-a-profile.json`;
    await writeFile(bad, JSON.stringify({ profileVersion: 1 }));
    const run = await runCli([
      'send',
      'alert_triggered',
      '--url',
      'http://127.0.0.1:9/hook',
      '--allow-any-port',
      '--profile',
      bad,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('sender-profile.schema.json');
    expect(run.stdout).toBe('');
  });
});
