import { describe, expect, it } from 'vitest';
import { decide, explainFault, explainRule, newRuleStates } from './faults.js';
import type { Fault } from './types.js';

const req = (eventId: string | null, extra: { path?: string; eventType?: string | null } = {}) => ({
  path: extra.path ?? '/',
  eventType: extra.eventType ?? 'alert_triggered',
  eventId,
});

describe('explainFault', () => {
  const cases: [Fault, string][] = [
    [
      { type: 'status', statuses: [503, 503, 200] },
      "answers 503, 503, then 200 to each event's attempts in order",
    ],
    [{ type: 'status', statuses: [500] }, 'answers 500 to every attempt'],
    [
      { type: 'status', statuses: [302] },
      'answers 302 to every attempt (redirecting to /cswm-redirect-target)',
    ],
    [{ type: 'delay', delayMs: 31_000 }, 'waits 31s, then answers 200'],
    [{ type: 'hang' }, 'reads the request and never answers, until the client gives up'],
    [{ type: 'huge-body', bytes: 1024 ** 3 }, 'answers 200 with a 1 GiB body, streamed'],
  ];
  it.each(cases)('explains %j in one sentence', (fault, sentence) => {
    expect(explainFault(fault)).toBe(sentence);
  });

  it('explains every fault type without a trailing period or line break', () => {
    const all: Fault[] = [
      { type: 'status', statuses: [200] },
      { type: 'delay', delayMs: 1 },
      { type: 'hang' },
      { type: 'reset' },
      { type: 'malformed' },
      { type: 'huge-body', bytes: 10 },
      { type: 'drop-response' },
    ];
    for (const fault of all) expect(explainFault(fault)).toMatch(/^[a-z][^\n]*[^.]$/);
  });

  it('names the scope and the count of a rule', () => {
    expect(explainRule({ fault: { type: 'reset' }, times: 2, path: '/hook' })).toBe(
      'reads the request, then resets the connection without answering for the first 2 requests to /hook, then answers 200',
    );
  });
});

describe('decide', () => {
  it('walks a status sequence by attempt of the same event and repeats the last status', () => {
    const states = newRuleStates([{ fault: { type: 'status', statuses: [503, 503, 200] } }]);
    const statuses = [1, 2, 3, 4].map(() => decide(states, req('e1')).status);
    expect(statuses).toEqual([503, 503, 200, 200]);
  });

  it('counts attempts separately for each event_id', () => {
    const states = newRuleStates([{ fault: { type: 'status', statuses: [503, 200] } }]);
    expect([
      decide(states, req('a')).status,
      decide(states, req('b')).status,
      decide(states, req('a')).status,
    ]).toEqual([503, 503, 200]);
  });

  it('remembers attempts of at most maxEventIds events: a forgotten event starts its sequence again', () => {
    const states = newRuleStates([{ fault: { type: 'status', statuses: [503, 200] } }], 2);
    const order = ['a', 'b', 'c', 'a', 'c'];
    expect(order.map((id) => decide(states, req(id)).status)).toEqual([503, 503, 503, 503, 200]);
    expect(states[0]?.attemptsByEvent.size).toBe(2);
  });

  it('counts by request order when the request has no event_id', () => {
    const states = newRuleStates([{ fault: { type: 'status', statuses: [500, 201] } }]);
    expect([decide(states, req(null)).status, decide(states, req(null)).status]).toEqual([500, 201]);
  });

  it('applies a rule with times to the first N matching requests only', () => {
    const states = newRuleStates([{ fault: { type: 'reset' }, times: 2 }]);
    const faults = [1, 2, 3].map(() => decide(states, req('x')).fault?.type ?? 'reference');
    expect(faults).toEqual(['reset', 'reset', 'reference']);
  });

  it('applies a rule only to its path and its event type', () => {
    const states = newRuleStates([
      { fault: { type: 'hang' }, path: '/slow' },
      { fault: { type: 'reset' }, eventType: 'payment_failed' },
    ]);
    expect(decide(states, req('1', { path: '/slow' })).fault?.type).toBe('hang');
    expect(decide(states, req('2', { eventType: 'payment_failed' })).fault?.type).toBe('reset');
    expect(decide(states, req('3')).fault).toBeNull();
  });
});
