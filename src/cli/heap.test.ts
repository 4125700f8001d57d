import { beforeEach, describe, expect, it, vi } from 'vitest';

const setFlagsFromString = vi.fn();
vi.mock('node:v8', () => ({ setFlagsFromString }));
const { HEAP_GROWING_PERCENT, keepHeapNearLiveSize } = await import('./heap.js');

describe('keepHeapNearLiveSize', () => {
  beforeEach(() => setFlagsFromString.mockClear());

  it('sets the heap growing percent when the user chose no heap policy', () => {
    expect(keepHeapNearLiveSize(['--enable-source-maps', '--max-old-space-size=512'])).toBe(true);
    expect(setFlagsFromString).toHaveBeenCalledExactlyOnceWith(
      `--heap-growing-percent=${HEAP_GROWING_PERCENT}`,
    );
  });

  it.each([['--heap-growing-percent=200'], ['--heap_growing_percent=80']])(
    "leaves the user's own %s alone",
    (flag) => {
      expect(keepHeapNearLiveSize(['--enable-source-maps', flag])).toBe(false);
      expect(setFlagsFromString).not.toHaveBeenCalled();
    },
  );
});
