import { describe, expect, it } from 'vitest';
import { deriveProfile, median, type Observation } from './derive.js';
import { ctx, obs } from './observations.test-helpers.js';

/** Attempts of one event answered 503, separated by `waits` (from the end of each exchange). */
function retried(
  key: string,
  start: number,
  waits: number[],
  probe: Observation['probe'] = 'retry',
): Observation[] {
  const out: Observation[] = [];
  let at = start;
  for (let i = 0; i <= waits.length; i++) {
    out.push(obs(key, probe, at, 'status-503'));
    at += 5 + (waits[i] ?? 0);
  }
  return out;
}

describe('deriveProfile: waits and attempts', () => {
  it.each([
    ['the emitter defaults', [1000, 2000, 4000, 8000], 1],
    ['2, 4, 8, 16 s', [2000, 4000, 8000, 16000], 1],
    ['2, 4, 8, 16 s measured at time scale 0.1', [200, 400, 800, 1600], 0.1],
    ['a constant 30 s', [30000, 30000], 1],
  ])('reads %s back per event and in the summary', (_name, measured, timeScale) => {
    const p = deriveProfile(retried('a', 0, measured), ctx({ timeScale }));
    const real = measured.map((w) => Math.round(w / timeScale));
    expect(p.waitsMs.perEvent[0]).toMatchObject({
      key: 'a',
      probe: 'retry',
      attempts: measured.length + 1,
      waitsMs: real,
    });
    expect(p.waitsMs.summary).toEqual(real);
    expect(p.maxAttempts).toBe(measured.length + 1);
  });

  it('takes the median of each position over events, and the spread as jitter', () => {
    const events = [
      ...retried('a', 0, [1900, 4000]),
      ...retried('b', 100_000, [2000, 4400]),
      ...retried('c', 200_000, [2100, 3600]),
    ];
    const p = deriveProfile(events, ctx());
    expect(p.waitsMs.summary).toEqual([2000, 4000]);
    expect(p.waitsMs.jitter).toBe(0.1);
  });

  it('leaves a wait that followed a hang out of the summary (the timeout may be in it)', () => {
    const hung = [obs('t', 'timeout', 0, 'hang', 10_000), obs('t', 'timeout', 12_000, 'status-200')];
    const p = deriveProfile([...hung, ...retried('a', 50_000, [1000])], ctx());
    expect(p.waitsMs.perEvent.find((e) => e.key === 't')?.waitsMs).toEqual([2000]);
    expect(p.waitsMs.summary).toEqual([1000]);
  });

  it('has no jitter with one sample per position, and no attempts without a retry probe', () => {
    const p = deriveProfile([obs('a', 'accept', 0, 'status-200')], ctx());
    expect(p.waitsMs).toMatchObject({ summary: [], jitter: null });
    expect(p.maxAttempts).toBeNull();
  });

  it.each([
    ['delivered', true, [obs('a', 'accept', 0, 'status-200')], 10],
    ['quiet for more than twice its longest wait', true, retried('a', 0, [1000]), 1000 + 10 + 2001],
    ['within twice its longest wait', false, retried('a', 0, [1000]), 1000 + 10 + 1999],
    [
      'with one failed attempt, quiet less than 2 min (no wait known)',
      false,
      [obs('a', 'retry', 0, 'status-503')],
      100_000,
    ],
  ])('an event %s: settled %s', (_name, settled, events, nowMs) => {
    expect(deriveProfile(events, ctx({ nowMs })).waitsMs.perEvent[0]?.settled).toBe(settled);
  });
});

describe('deriveProfile: timeout', () => {
  it.each([
    ['one sample', [10_000], 1, 10_000],
    ['several (median)', [9_900, 10_050, 10_000], 1, 10_000],
    ['at time scale 0.1', [1_000], 0.1, 10_000],
  ])('reads the time the sender held an unanswered request: %s', (_name, held, timeScale, expected) => {
    const events = held.map((ms, i) => obs(`t${i}`, 'timeout', i * 100_000, 'hang', ms));
    const p = deriveProfile(events, ctx({ timeScale }));
    expect(p.timeoutMs).toBe(expected);
    expect(p.timeoutLongerThanMs).toBeNull();
  });

  it('says the sender waits longer than the learner held on when the hang was answered first', () => {
    const p = deriveProfile([obs('t', 'timeout', 0, 'hang', 300_000, { abandoned: false })], ctx());
    expect(p).toMatchObject({ timeoutMs: null, timeoutLongerThanMs: 300_000, timeoutSamplesMs: [] });
  });
});

describe('deriveProfile: redirects, forms, connections', () => {
  it.each([
    [
      'followed',
      [
        obs('r', 'redirect', 0, 'status-302'),
        obs('r', 'redirect-target', 10, 'status-200', 5, { method: 'GET', body: null }),
      ],
      { followed: true, method: 'GET' },
    ],
    [
      'retried instead',
      [obs('r', 'redirect', 0, 'status-302'), obs('r', 'redirect', 2000, 'status-200')],
      { followed: false, method: null },
    ],
    ['not yet known', [obs('r', 'redirect', 0, 'status-302')], { followed: null, method: null }],
  ])('a 302 %s', (_name, events, expected) => {
    expect(deriveProfile(events, ctx()).redirects).toEqual(expected);
  });

  it('does not count a followed redirect as an attempt or an event', () => {
    const p = deriveProfile(
      [obs('r', 'redirect', 0, 'status-302'), obs('r', 'redirect-target', 10, 'status-200')],
      ctx(),
    );
    expect(p.events).toBe(1);
    expect(p.deliveries).toBe(2);
    expect(p.waitsMs.perEvent[0]?.attempts).toBe(1);
  });

  it('keeps the body form by event type and counts them', () => {
    const flat = {
      form: 'flat' as const,
      keys: ['ip', 'event_id'],
      detailsKeys: [],
      compact: true,
      sameAsJsonStringify: true,
      trailingNewline: false,
    };
    const p = deriveProfile(
      [
        obs('a', 'accept', 0, 'status-200'),
        obs('b', 'accept', 10, 'status-200'),
        obs('c', 'accept', 20, 'status-200', 5, { eventType: 'blocking_safe_ip', body: flat }),
      ],
      ctx(),
    );
    expect(p.bodyForms.alert_triggered?.count).toBe(2);
    expect(p.form).toBe('wrapped (blocking_safe_ip: flat); compact JSON');
    expect(p.bodyForms.blocking_safe_ip).toMatchObject({ form: 'flat', keys: ['ip', 'event_id'], count: 1 });
  });

  it('takes the headers from requests that carried an event, not from a bodiless health check', () => {
    const check = obs(null, 'none', 50, 'status-400', 1, {
      method: 'GET',
      body: null,
      headers: [['User-Agent', 'probe/1']],
    });
    const p = deriveProfile([obs('a', 'accept', 0, 'status-200'), check], ctx());
    expect(p.userAgent).toBe('test-sender/1');
    expect(p.varyingHeaders).toEqual([]);
    expect(p.deliveries).toBe(2);
  });

  it('reports the connection figures and HTTP versions it was given and saw', () => {
    const p = deriveProfile(
      [obs('a', 'accept', 0, 'status-200', 5, { httpVersion: '1.0' })],
      ctx({ maxConcurrentConnections: 3, maxConcurrentRequests: 2 }),
    );
    expect(p).toMatchObject({ maxConcurrentConnections: 3, maxConcurrentRequests: 2, httpVersions: ['1.0'] });
  });
});

describe('median', () => {
  it.each([
    [[3, 1, 2], 2],
    [[1, 2, 3, 4], 3],
    [[5], 5],
  ])('of %j is %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});
