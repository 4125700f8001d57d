import { describe, expect, it } from 'vitest';
import { LineSplitter, parseJsonOrNdjson, stripBom, textLines } from './ndjson.js';

function split(chunks: string[]): string[] {
  const splitter = new LineSplitter();
  return [...chunks.flatMap((c) => [...splitter.push(c)]), ...splitter.end()];
}

describe('LineSplitter', () => {
  it('gives the same lines whatever the chunks, and drops the BOM of the first chunk only', () => {
    const text = '\uFEFF{"a":1}\r\n\n{"b":2}\n\uFEFF{"c":3}';
    const whole = split([text]);
    expect(whole).toEqual(['{"a":1}\r', '', '{"b":2}', '\uFEFF{"c":3}']);
    for (let cut = 0; cut <= text.length; cut++) {
      expect(split([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
    }
  });

  it('gives no line for a text ending with a line break, nor for empty text', () => {
    expect(split(['a\n'])).toEqual(['a']);
    expect(split([''])).toEqual([]);
  });
});

describe('reading NDJSON text', () => {
  it('numbers lines from 1, blank ones counted and skipped', () => {
    expect([...textLines('f', '\uFEFF{"a":1}\n\n  {"b":2}  \n')].map((l) => [l.line, l.text])).toEqual([
      [1, '{"a":1}'],
      [3, '{"b":2}'],
    ]);
    expect(parseJsonOrNdjson('{"a":1}\n\n{"b":2}\n').map((r) => r.line)).toEqual([1, 3]);
  });

  it('refuses a file at its first line that is not JSON, with the line', () => {
    expect(() => [...textLines('f.ndjson', '{"a":1}\n{"b":\n')]).toThrow(/f\.ndjson line 2: not JSON/);
  });

  it('strips a byte order mark only at the start', () => {
    expect(stripBom('\uFEFFx\uFEFF')).toBe('x\uFEFF');
  });
});
