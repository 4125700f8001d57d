import { describe, expect, it } from 'vitest';
import { formatDurationMs, parseDurationMs } from './duration.js';

describe('parseDurationMs', () => {
  it.each([
    ['30s', 30_000],
    ['500ms', 500],
    ['2m', 120_000],
    ['1h', 3_600_000],
    ['1.5s', 1500],
    [' 29s ', 29_000],
  ])('reads %s as %i ms', (text, ms) => {
    expect(parseDurationMs(text)).toBe(ms);
  });

  it.each(['30', '', 's', '-1s', '1d', '1e3s', 'NaNs', '25h'])(
    'refuses %j with ERR_INVALID_DURATION',
    (text) => {
      expect(() => parseDurationMs(text, '--timeout')).toThrowError(
        expect.objectContaining({ code: 'ERR_INVALID_DURATION' }),
      );
    },
  );
});

describe('formatDurationMs', () => {
  it.each([
    [850, '850ms'],
    [1234, '1.23s'],
    [30_000, '30s'],
    [1500, '1.5s'],
    [2000, '2s'],
    [20_000, '20s'],
    [1200, '1.2s'],
    [125_000, '2m05s'],
    [999.6, '1s'],
    [9_996, '10s'],
    [59_960, '1m00s'],
    [119_600, '2m00s'],
    [3_599_700, '60m00s'],
  ])('shows %i ms as %s', (ms, text) => {
    expect(formatDurationMs(ms)).toBe(text);
  });
});
