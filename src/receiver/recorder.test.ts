import { describe, expect, it } from 'vitest';
import { Recorder } from './recorder.js';
import type { RecordedDelivery } from './types.js';

function record(recorder: Recorder, eventId: string | null): RecordedDelivery {
  const delivery: RecordedDelivery = {
    seq: recorder.nextSeq(),
    receivedAt: new Date(0).toISOString(),
    method: 'POST',
    path: '/',
    headers: {},
    body: '{}',
    bodyBytes: 2,
    eventType: 'payment_failed',
    eventId,
    form: 'wrapped',
    valid: true,
    errors: [],
    duplicate: recorder.markSeen(eventId),
    authorized: true,
    response: { type: 'status', status: 200 },
  };
  recorder.add(delivery);
  return delivery;
}

describe('Recorder limits', () => {
  it('drops the oldest deliveries beyond maxRecords, counts them and tells onDrop listeners', () => {
    const recorder = new Recorder({ maxRecords: 3 });
    const dropped: number[] = [];
    recorder.onDrop((d) => dropped.push(d.seq));
    for (let i = 1; i <= 5; i++) record(recorder, `e${i}`);
    expect(recorder.list().map((d) => d.seq)).toEqual([3, 4, 5]);
    expect(dropped).toEqual([1, 2]);
    expect(recorder.counts()).toMatchObject({ received: 5, kept: 3, droppedDeliveries: 2 });
  });

  it('forgets the oldest event_ids beyond maxEventIds: a retry of a forgotten event is not a duplicate', () => {
    const recorder = new Recorder({ maxEventIds: 2 });
    const marks = ['a', 'b', 'a', 'c', 'b', 'a'].map((id) => record(recorder, id).duplicate);
    // a, b seen; a again (dup); c evicts a; b again (dup); a was forgotten (not dup, evicts b).
    expect(marks).toEqual([false, false, true, false, true, false]);
    expect(recorder.counts()).toMatchObject({ forgottenEventIds: 2, maxEventIds: 2 });
  });

  it('finds a kept delivery by seq, and nothing once it was dropped', () => {
    const recorder = new Recorder({ maxRecords: 2000 });
    for (let i = 1; i <= 5000; i++) record(recorder, `e${i}`);
    expect(recorder.get(4321)?.eventId).toBe('e4321');
    expect(recorder.get(3001)?.eventId).toBe('e3001');
    expect(recorder.get(3000)).toBeUndefined();
    expect(recorder.get(5001)).toBeUndefined();
    expect(recorder.get(Number.NaN)).toBeUndefined();
  });

  it('visits kept deliveries newest first, from a given seq, until told to stop', () => {
    const recorder = new Recorder({ maxRecords: 4 });
    for (let i = 1; i <= 6; i++) record(recorder, `e${i}`);
    const all: number[] = [];
    recorder.visitNewest((d) => {
      all.push(d.seq);
      return undefined;
    });
    const fromFour: number[] = [];
    recorder.visitNewest((d) => {
      fromFour.push(d.seq);
      return fromFour.length < 2;
    }, 4);
    expect(all).toEqual([6, 5, 4, 3]);
    expect(fromFour).toEqual([4, 3]);
  });

  it('starts over on clear(): counts, seqs and the duplicate index', () => {
    const recorder = new Recorder({ maxRecords: 1 });
    record(recorder, 'a');
    record(recorder, 'b');
    recorder.clear();
    expect(recorder.counts()).toMatchObject({ received: 0, kept: 0, droppedDeliveries: 0 });
    expect(record(recorder, 'a')).toMatchObject({ seq: 1, duplicate: false });
  });
});
