/**
 * A map that keeps at most `capacity` keys and forgets the oldest-inserted one when a new key
 * would exceed it. The receiver's per-event indexes (event_ids seen, attempts per event) use it
 * so a run of millions of events holds a fixed amount of memory.
 *
 * Insertion order lives in a ring of keys rather than in the Map's own order: evicting through
 * `map.keys().next()` walks over the holes earlier deletions left at the front of V8's table,
 * which turns a long run quadratic.
 */
export class BoundedMap<K, V> {
  private readonly map = new Map<K, V>();
  private readonly ring: (K | undefined)[];
  /** Where the oldest key sits in `ring` once it is full. */
  private head = 0;
  /** Keys forgotten to make room, since construction or the last clear(). */
  evicted = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`capacity must be a whole number, 1 or more (got ${capacity})`);
    }
    this.ring = [];
  }

  get size(): number {
    return this.map.size;
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  /** Sets a value; a new key takes the newest place, an existing key keeps its place. */
  set(key: K, value: V): void {
    if (this.map.has(key)) {
      this.map.set(key, value);
      return;
    }
    if (this.ring.length < this.capacity) {
      this.ring.push(key);
    } else {
      const oldest = this.ring[this.head] as K;
      this.map.delete(oldest);
      this.evicted += 1;
      this.ring[this.head] = key;
      this.head = (this.head + 1) % this.capacity;
    }
    this.map.set(key, value);
  }

  clear(): void {
    this.map.clear();
    this.ring.length = 0;
    this.head = 0;
    this.evicted = 0;
  }
}
