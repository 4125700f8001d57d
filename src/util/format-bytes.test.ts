import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes.js';

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
