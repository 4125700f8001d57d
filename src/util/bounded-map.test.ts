import { describe, expect, it } from 'vitest';
import { BoundedMap } from './bounded-map.js';

describe('BoundedMap', () => {
  it('forgets the oldest-inserted key when a new one would exceed the capacity', () => {
    const map = new BoundedMap<string, number>(3);
    for (const [i, key] of ['a', 'b', 'c', 'd', 'e'].entries()) map.set(key, i);
    expect(['a', 'b', 'c', 'd', 'e'].map((k) => map.has(k))).toEqual([false, false, true, true, true]);
    expect(map.size).toBe(3);
    expect(map.evicted).toBe(2);
  });

  it('keeps the place of a key that is set again (first sight decides its age)', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 1);
    map.set('a', 2);
    map.set('c', 1);
    expect(map.has('a')).toBe(false);
    expect(map.get('b')).toBe(1);
    expect(map.get('c')).toBe(1);
  });

  it('holds its capacity across many rounds of eviction', () => {
    const map = new BoundedMap<number, true>(1000);
    for (let i = 0; i < 250_000; i++) map.set(i, true);
    expect(map.size).toBe(1000);
    expect(map.has(249_000)).toBe(true);
    expect(map.has(248_999)).toBe(false);
    expect(map.evicted).toBe(249_000);
  });

  it('starts over after clear()', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 1);
    map.set('c', 1);
    map.clear();
    expect([map.size, map.evicted, map.has('b')]).toEqual([0, 0, false]);
    map.set('x', 1);
    map.set('y', 1);
    map.set('z', 1);
    expect([map.has('x'), map.has('y'), map.has('z')]).toEqual([false, true, true]);
  });

  it('refuses a capacity that is not a whole number of 1 or more', () => {
    expect(() => new BoundedMap(0)).toThrow(RangeError);
    expect(() => new BoundedMap(1.5)).toThrow(RangeError);
  });
});
