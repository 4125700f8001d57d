import { createConnection } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { AttemptRecord, DeliveryRecord } from '../delivery/types.js';
import { loadScenario } from './catalog.js';
import { parseScenario } from './parse.js';
import { requiredWaitMs, scalesTimeout } from './run.js';
import { runsAlone } from './run-many.js';
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
