import { describe, expect, it } from 'vitest';
import { truncate } from './text.js';
import { escapeXml } from './xml.js';

describe('truncate', () => {
  it('leaves text of at most maxChars characters as it is', () => {
    expect(truncate('abc', 3)).toBe('abc');
  });

  it('keeps maxChars characters of longer text and marks the cut', () => {
    expect(truncate('abcdef', 3)).toBe('abc…');
  });
});

describe('escapeXml', () => {
  it('escapes markup and both quotes, and drops characters XML 1.0 forbids', () => {
    expect(escapeXml(`<a b="c" d='e'>&\u0001</a>`)).toBe(
      '&lt;a b=&quot;c&quot; d=&apos;e&apos;&gt;&amp;&lt;/a&gt;',
    );
  });
});
