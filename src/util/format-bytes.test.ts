import { describe, expect, it } from 'vitest';
import { formatBytes, formatSizeExactly } from './format-bytes.js';

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [512, '512 bytes'],
    [1023, '1023 bytes'],
    [1024, '1 KiB'],
    [1536, '1.5 KiB'],
    [4 * 1024 * 1024, '4 MiB'],
    [4 * 1024 * 1024 + 512 * 1024, '4.5 MiB'],
    [3 * 1024 ** 3, '3 GiB'],
    [2048 * 1024 ** 3, '2048 GiB'],
  ])('writes %i as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('formatSizeExactly', () => {
  it.each([
    [512, '512 bytes'],
    [110_000, '110,000 bytes (107.4 KiB)'],
    [1_100_000, '1,100,000 bytes (1.05 MiB)'],
    [1_048_576, '1,048,576 bytes (1 MiB)'],
  ])('writes %i as %s', (bytes, text) => {
    expect(formatSizeExactly(bytes)).toBe(text);
  });
});
