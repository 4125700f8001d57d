import { afterEach, describe, expect, it, vi } from 'vitest';
import { deliver } from '../../src/delivery/index.js';
import { startHttp, statuses, type TestServer } from './servers.js';

let server: TestServer | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

describe('injected clock and sleep', () => {
  it('runs the full 15 s schedule under vitest fake timers with an injected sleep', async () => {
    server = await startHttp(statuses(500));
    const url = server.url;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const waits: number[] = [];
    const sleep = (ms: number): Promise<void> => {
      waits.push(ms);
      return new Promise((resolve) => setTimeout(resolve, ms));
    };
    const done = deliver({ a: 1 }, { url, allowAnyPort: true, sleep, now: () => Date.now() });
    let settled = false;
    void done.finally(() => {
      settled = true;
    });
    for (let i = 0; i < 200 && !settled; i++) await vi.advanceTimersByTimeAsync(500);
    const record = await done;
    expect(record.attempts).toHaveLength(5);
    expect(waits).toEqual([1000, 2000, 4000, 8000]);
    const starts = record.attempts.map((a) => a.startOffsetMs);
    for (let i = 1; i < starts.length; i++)
      expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(waits[i - 1]!);
  });

  it('records offsets from an injected clock and waits with an injected sleep, without real time passing', async () => {
    server = await startHttp(statuses(503, 503, 200));
    let clock = 0;
    const record = await deliver(
      { a: 1 },
      {
        url: server.url,
        allowAnyPort: true,
        now: () => clock,
        sleep: async (ms) => {
          clock += ms;
        },
      },
    );
    expect(record.attempts.map((a) => a.startOffsetMs)).toEqual([0, 1000, 3000]);
    expect(record.durationMs).toBe(3000);
  });
});
