import { createConnection } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { AttemptRecord, DeliveryRecord } from '../delivery/types.js';
import { loadScenario } from './catalog.js';
import { parseScenario } from './parse.js';
import { requiredWaitMs, scalesTimeout } from './run.js';
import { expectedWaitMs, runsAlone } from './run-many.js';
import { closedPort, scaleFaults } from './setup.js';

function delivery(attempts: Partial<AttemptRecord>[]): DeliveryRecord {
  return {
    eventId: 'e',
    eventType: 'alert_triggered',
    url: '',
    result: 'failed',
    attempts: attempts.map((a, i) => ({
      attempt: i + 1,
      startOffsetMs: 0,
      durationMs: 1,
      waitBeforeMs: 0,
      outcome: { type: 'timeout' },
      label: 'timeout',
      ...a,
    })),
    startedAt: '',
    durationMs: 0,
    requestHeaders: {},
    bodyBytes: 0,
  };
}

describe('requiredWaitMs', () => {
  it('adds the waits between attempts and every timeout that fired, scaled', () => {
    const s = loadScenario('hang-until-timeout');
    const d = delivery([
      { label: 'timeout' },
      { label: 'status-500', waitBeforeMs: 10 },
      { label: 'status-500', waitBeforeMs: 20 },
    ]);
    expect(requiredWaitMs(s, [d], 0.01)).toBe(300 + 10 + 20);
  });

  it('counts a receiver delay that was answered, only for the requests it applied to', () => {
    const s = loadScenario('timeout-over-30s');
    const d = delivery([{ label: 'timeout' }, { label: 'delivered', waitBeforeMs: 10 }]);
    expect(requiredWaitMs(s, [d], 0.01)).toBe(300 + 10);
  });

  it('counts a fired timeout at its real length where the timeout is not scaled', () => {
    const s = loadScenario('burst');
    expect(requiredWaitMs(s, [delivery([{ label: 'timeout' }])], 0.01)).toBe(30_000);
  });

  it('takes the longest of deliveries made in parallel', () => {
    const s = loadScenario('burst');
    const short = delivery([{ label: 'delivered' }, { label: 'delivered', waitBeforeMs: 10 }]);
    const long = delivery([{ label: 'delivered' }, { label: 'delivered', waitBeforeMs: 40 }]);
    expect(requiredWaitMs(s, [short, long], 0.01)).toBe(40);
  });
});

describe('runsAlone', () => {
  it.each([
    ['burst', true],
    ['every-event-type', false],
    ['answer-inside-timeout', true],
    ['timeout-over-30s', true],
    ['retries-exhausted-500', true],
    ['retry-then-success', false],
    ['tls-self-signed', false],
  ])('%s runs alone: %s', (id, alone) => {
    expect(runsAlone(loadScenario(id))).toBe(alone);
  });
});

describe('expectedWaitMs', () => {
  it('adds the backoff waits its attempts sit through, at the run time scale', () => {
    const s = loadScenario('retries-exhausted-500');
    expect(expectedWaitMs(s, 1)).toBe(15_000);
    expect(expectedWaitMs(s, 0.01)).toBeCloseTo(150, 9);
    expect(expectedWaitMs(s, 0.1)).toBeCloseTo(1500, 9);
  });

  it("follows the engine's doubling past the fifth attempt, and the file's own waits", () => {
    const scenario = (delivery: string, attempts: number) =>
      parseScenario(
        `version: 1\nid: x\ntitle: X\ndescription: D\n${delivery}receiver: { respond: [500] }\nsend: [{ event: alert_triggered }]\nexpect: { attempts: ${attempts} }\n`,
        'x.yaml',
      );
    expect(expectedWaitMs(scenario('delivery: { maxAttempts: 7 }\n', 7), 1)).toBe(63_000);
    expect(expectedWaitMs(scenario('delivery: { backoff: [5s, 1s] }\n', 4), 1)).toBe(7000);
  });

  it('counts timeouts and receiver delays at the larger of the run and the scenario scales', () => {
    // A 29 s delay, at the scenario's own minimum 0.05 rather than the run's 0.01.
    expect(expectedWaitMs(loadScenario('answer-inside-timeout'), 0.01)).toBeCloseTo(1450, 9);
    // One 30 s timeout, then a 1 s wait before the attempt that is delivered.
    expect(expectedWaitMs(loadScenario('hang-until-timeout'), 1)).toBe(31_000);
    expect(expectedWaitMs(loadScenario('hang-until-timeout'), 0.01)).toBeCloseTo(310, 9);
  });
});

describe('scaleFaults', () => {
  it('multiplies a delay by the time scale and leaves other faults as they are', () => {
    const rules = loadScenario('timeout-over-30s').receiver?.faults ?? [];
    expect(scaleFaults(rules, 0.01)).toEqual([
      { fault: { type: 'delay', delayMs: 310, status: 200 }, times: 1 },
    ]);
    const status = [{ fault: { type: 'status' as const, statuses: [503] } }];
    expect(scaleFaults(status, 0.01)).toEqual(status);
  });
});

describe('closedPort', () => {
  it('gives a loopback port that refuses connections', async () => {
    const port = await closedPort();
    const code = await new Promise<string | undefined>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port });
      socket.on('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code));
    });
    expect(code).toBe('ECONNREFUSED');
  });
});

describe('minTimeScale', () => {
  it('is read from the file', () => {
    expect(loadScenario('answer-inside-timeout').minTimeScale).toBe(0.05);
    const text = `version: 1\nid: x\ntitle: X\ndescription: D\nminTimeScale: 0\nreceiver: {}\nsend: [{ event: alert_triggered }]\nexpect: { attempts: 1 }\n`;
    expect(() => parseScenario(text, 'x.yaml')).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_SCENARIO' }),
    );
  });
});

describe('scalesTimeout', () => {
  it.each([
    ['timeout-over-30s', true],
    ['retry-then-success', true],
    ['tls-self-signed', true],
    ['burst', false],
  ])('%s scales its timeout: %s', (id, scaled) => {
    expect(scalesTimeout(loadScenario(id))).toBe(scaled);
  });
});
