/**
 * The learner at real time (the same at time scale 0.5 is learn.test.ts): two senders known to
 * wait 2, 4, 8, 16 s between attempts and give up after 10 s, the project's emitter and the
 * Python sender (no jitter), learned side by side; then the emitter again, sending with the
 * profile it was learned into. Runs in `vitest.hostile.config.ts` (about 70 s of waiting).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import {
  emitter,
  expectWithin5Percent,
  type Learned,
  learnFrom,
  pythonSender,
  tempDir,
} from './learn-helpers.js';

const WAITS_MS = [2000, 4000, 8000, 16000];
const TIMEOUT_MS = 10_000;
const PROBES = ['--learn-probes', 'accept,retry,retry,retry,timeout,timeout,redirect'];
const EMITTER = ['alert_triggered', '--count', '7', '--seed', '9', '--concurrency', '7', '--rate', '2'];

let dir: Awaited<ReturnType<typeof tempDir>>;
let fromEmitter: Learned;
let fromPython: Learned;
let roundTrip: Learned;

beforeAll(async () => {
  dir = await tempDir();
  const events = (await runCli(['generate', 'alert_triggered', '--count', '7', '--seed', '10'])).stdout;
  [fromEmitter, fromPython] = await Promise.all([
    learnFrom(dir.dir, PROBES, emitter([...EMITTER, '--backoff', '2s,4s,8s,16s', '--timeout', '10s'])),
    learnFrom(
      dir.dir,
      PROBES,
      pythonSender(dir.dir, events, [
        '--waits',
        '2,4,8,16',
        '--jitter',
        '0',
        '--timeout',
        '10',
        '--stagger',
        '0.5',
        '--concurrency',
        '7',
      ]),
    ),
  ]);
  const profileFile = join(dir.dir, 'emitter-profile.json');
  await writeFile(profileFile, JSON.stringify(fromEmitter.profile));
  roundTrip = await learnFrom(dir.dir, PROBES, emitter([...EMITTER, '--profile', profileFile]));
}, 240_000);
afterAll(() => dir?.remove());

describe('at real time, a sender that waits 2, 4, 8, 16 s and gives up after 10 s', () => {
  it.each([
    ['the emitter', () => fromEmitter],
    ['the Python sender', () => fromPython],
  ])('is learned within 5 % from %s', (_name, learned) => {
    const { profile } = learned();
    expectWithin5Percent(profile.waitsMs.summary, WAITS_MS);
    expectWithin5Percent([profile.timeoutMs as number], [TIMEOUT_MS]);
    expect(profile.maxAttempts).toBe(5);
  });

  it('is sent again with the learned schedule through --profile, and learned back within 5 %', () => {
    expectWithin5Percent(roundTrip.profile.waitsMs.summary, fromEmitter.profile.waitsMs.summary);
    expectWithin5Percent([roundTrip.profile.timeoutMs as number], [fromEmitter.profile.timeoutMs as number]);
    expect(roundTrip.profile.maxAttempts).toBe(5);
  });
});
