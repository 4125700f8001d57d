import { describe, expect, it } from 'vitest';
import { describePolicy, senderProfileOptions } from './apply.js';
import type { SenderProfile } from './types.js';

const measured = {
  deliveries: 9,
  events: 3,
  waitsMs: { summary: [2000, 4000, 8000, 16000], jitter: 0.004, perEvent: [] },
  maxAttempts: 5,
  timeoutMs: 10_000,
  headers: { 'user-agent': 'py-sender/1.0', 'content-type': 'application/json' },
} as unknown as SenderProfile;

describe('senderProfileOptions', () => {
  it('maps the measured waits, attempts, timeout and headers to delivery options', () => {
    expect(senderProfileOptions(measured)).toEqual({
      timeoutMs: 10_000,
      maxAttempts: 5,
      backoff: { delaysMs: [2000, 4000, 8000, 16000] },
      headers: { 'user-agent': 'py-sender/1.0', 'content-type': 'application/json' },
    });
  });

  it('keeps a jitter above measurement noise', () => {
    const jittery = { ...measured, waitsMs: { ...measured.waitsMs, jitter: 0.12 } };
    expect(senderProfileOptions(jittery).backoff).toEqual({
      delaysMs: [2000, 4000, 8000, 16000],
      jitter: 0.12,
    });
  });

  it('leaves what was not measured to the defaults', () => {
    const empty = {
      deliveries: 0,
      events: 0,
      waitsMs: { summary: [], jitter: null, perEvent: [] },
      maxAttempts: null,
      timeoutMs: null,
      headers: {},
    } as unknown as SenderProfile;
    expect(senderProfileOptions(empty)).toEqual({});
    expect(describePolicy({})).toBe('nothing measured yet: the defaults stand');
  });

  it('says what it sets in one line', () => {
    expect(describePolicy(senderProfileOptions(measured))).toBe(
      'waits 2s, 4s, 8s, 16s; 5 attempts; timeout 10s; headers user-agent, content-type',
    );
  });
});
