import { describe, expect, it } from 'vitest';
import { runPool } from './pool.js';

/** Tasks that record when they start and end, each finishing when the test says. */
function gatedTasks(count: number) {
  const events: string[] = [];
  const release: (() => void)[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const tasks = Array.from({ length: count }, (_, i) => async () => {
    events.push(`start ${i}`);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise<void>((resolve) => {
      release[i] = resolve;
    });
    inFlight--;
    events.push(`end ${i}`);
  });
  return { tasks, events, release, maxInFlight: () => maxInFlight };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('runPool', () => {
  it('keeps at most `limit` tasks in flight and starts the next one as soon as a slot frees', async () => {
    const { tasks, events, release, maxInFlight } = gatedTasks(5);
    const done = runPool(tasks, 2);
    await tick();
    expect(events).toEqual(['start 0', 'start 1']);
    release[1]?.();
    await tick();
    expect(events).toEqual(['start 0', 'start 1', 'end 1', 'start 2']);
    for (const i of [0, 2, 3, 4]) {
      release[i]?.();
      await tick();
    }
    await done;
    expect(events.filter((e) => e.startsWith('start'))).toEqual([
      'start 0',
      'start 1',
      'start 2',
      'start 3',
      'start 4',
    ]);
    expect(events.filter((e) => e.startsWith('end'))).toHaveLength(5);
    expect(maxInFlight()).toBe(2);
  });

  it('runs one at a time, in order, with a limit of 1 (or less)', async () => {
    for (const limit of [1, 0, -3]) {
      const order: number[] = [];
      await runPool(
        [3, 1, 2].map((n) => async () => {
          order.push(n);
          await tick();
          order.push(-n);
        }),
        limit,
      );
      expect(order).toEqual([3, -3, 1, -1, 2, -2]);
    }
  });

  it('resolves at once for no tasks, and rejects when a task throws', async () => {
    await expect(runPool([], 4)).resolves.toBeUndefined();
    await expect(runPool([async () => {}, async () => Promise.reject(new Error('boom'))], 4)).rejects.toThrow(
      'boom',
    );
  });
});
