import { describe, expect, it } from 'vitest';
import { painter, plain } from './style.js';

describe('painter', () => {
  it('leaves text as it is unless colour was asked for', () => {
    expect(painter(false)('red', 'FAIL')).toBe('FAIL');
    expect(plain('bold', 'x')).toBe('x');
  });

  it('styles text when asked, whatever stdout is (a report may be written to a file)', () => {
    expect(painter(true)('red', 'FAIL')).toBe('\u001b[31mFAIL\u001b[39m');
    expect(painter(true)('bold', 'x')).toBe('\u001b[1mx\u001b[22m');
  });
});
