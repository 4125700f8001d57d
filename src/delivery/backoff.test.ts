import { describe, expect, it } from 'vitest';
import { backoffDelaysMs } from './backoff.js';

describe('backoffDelaysMs', () => {
  it.each([
    ['the default schedule', {}, 5, 1, [1000, 2000, 4000, 8000]],
    ['the default schedule at time scale 0.01', {}, 5, 0.01, [10, 20, 40, 80]],
    ['one attempt: no waits', {}, 1, 1, []],
    ['three attempts', {}, 3, 1, [1000, 2000]],
    ['a custom base and factor', { baseMs: 500, factor: 3 }, 4, 1, [500, 1500, 4500]],
    ['a cap', { baseMs: 1000, factor: 10, maxMs: 5000 }, 4, 1, [1000, 5000, 5000]],
    ['explicit delays', { delaysMs: [100, 200] }, 3, 1, [100, 200]],
    ['explicit delays, the last repeating', { delaysMs: [100, 200] }, 5, 1, [100, 200, 200, 200]],
    ['explicit delays win over base', { delaysMs: [7], baseMs: 1 }, 2, 2, [14]],
  ])('gives %s', (_name, backoff, maxAttempts, timeScale, expected) => {
    expect(backoffDelaysMs(backoff, maxAttempts, timeScale)).toEqual(expected);
  });

  it('spreads each wait by at most the jitter fraction', () => {
    expect(backoffDelaysMs({ jitter: 0.5 }, 3, 1, () => 0)).toEqual([500, 1000]);
    expect(backoffDelaysMs({ jitter: 0.5 }, 3, 1, () => 1)).toEqual([1500, 3000]);
    expect(backoffDelaysMs({ jitter: 0.5 }, 3, 1, () => 0.5)).toEqual([1000, 2000]);
  });

  it('adds no jitter by default', () => {
    expect(backoffDelaysMs({}, 5, 1, () => 0)).toEqual([1000, 2000, 4000, 8000]);
  });
});
