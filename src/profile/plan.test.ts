import { describe, expect, it } from 'vitest';
import { parseProbes } from '../cli/commands/receive-learn.js';
import { newLearnPlan, nextAnswer, REDIRECT_PREFIX } from './plan.js';

const answers = (plan: ReturnType<typeof newLearnPlan>, keys: (string | null)[], path = '/hook') =>
  keys.map((key) => nextAnswer(plan, { key, path }).answer);

describe('the learn plan', () => {
  it('answers every attempt of a retry-probed event 503', () => {
    const plan = newLearnPlan(['retry']);
    expect(answers(plan, ['a', 'a', 'a', 'a', 'a'])).toEqual(Array(5).fill({ type: 'status', status: 503 }));
  });

  it('hangs on the first attempt of a timeout-probed event, then answers 200', () => {
    const plan = newLearnPlan(['timeout']);
    expect(answers(plan, ['a', 'a'])).toEqual([{ type: 'hang' }, { type: 'status', status: 200 }]);
  });

  it('redirects the first attempt to a path of its own, answers 200 there and to the retry', () => {
    const plan = newLearnPlan(['redirect']);
    const first = nextAnswer(plan, { key: 'a', path: '/hook' });
    expect(first.answer).toEqual({ type: 'redirect', location: `${REDIRECT_PREFIX}1` });
    const follow = nextAnswer(plan, { key: null, path: `${REDIRECT_PREFIX}1` });
    expect(follow).toMatchObject({
      answer: { type: 'status', status: 200 },
      key: 'a',
      probe: 'redirect-target',
    });
    expect(nextAnswer(plan, { key: 'a', path: '/hook' }).answer).toEqual({ type: 'status', status: 200 });
  });

  it.each([
    [
      ['retry', 'timeout', 'redirect'],
      ['retry', 'timeout', 'redirect', 'none', 'none'],
    ],
    [
      ['accept', 'retry'],
      ['accept', 'retry', 'none', 'none', 'none'],
    ],
    [
      ['retry', 'retry'],
      ['retry', 'retry', 'none', 'none', 'none'],
    ],
  ] as const)('hands the probes %j to new events in order of arrival: %j', (probes, expected) => {
    const plan = newLearnPlan(probes);
    const got = ['e1', 'e2', 'e3', 'e4', 'e5'].map((key) => nextAnswer(plan, { key, path: '/' }).probe);
    expect(got).toEqual(expected);
  });

  it('keeps an event on its probe across attempts while other events arrive', () => {
    const plan = newLearnPlan(['retry', 'timeout']);
    const got = ['a', 'b', 'a', 'b', 'a'].map((key) => nextAnswer(plan, { key, path: '/' }));
    expect(got.map((g) => [g.probe, g.attempt])).toEqual([
      ['retry', 1],
      ['timeout', 1],
      ['retry', 2],
      ['timeout', 2],
      ['retry', 3],
    ]);
  });

  it('remembers no event past the probes, however many arrive', () => {
    const plan = newLearnPlan(['retry', 'accept']);
    for (let i = 0; i < 1000; i++) nextAnswer(plan, { key: `e${i}`, path: '/' });
    expect(plan.byKey.size).toBe(2);
    expect(nextAnswer(plan, { key: 'e999', path: '/' })).toMatchObject({
      answer: { type: 'reference' },
      probe: 'none',
    });
    expect(nextAnswer(plan, { key: 'e0', path: '/' })).toMatchObject({ probe: 'retry', attempt: 2 });
  });

  it('gives a request without a body the reference answer and no probe', () => {
    const plan = newLearnPlan(['retry']);
    expect(nextAnswer(plan, { key: null, path: '/' })).toMatchObject({
      answer: { type: 'reference' },
      probe: 'none',
    });
    expect(nextAnswer(plan, { key: 'a', path: '/' }).probe).toBe('retry');
  });

  it.each([
    ['retry,timeout,redirect', ['retry', 'timeout', 'redirect']],
    [' accept , retry ', ['accept', 'retry']],
    ['retry,explode', 'not a probe'],
    ['', 'not a probe'],
  ])('parses --learn-probes %j', (text, expected) => {
    if (Array.isArray(expected)) expect(parseProbes(text)).toEqual(expected);
    else
      expect(() => parseProbes(text)).toThrow(
        expect.objectContaining({ code: 'ERR_INVALID_OPTION', message: expect.stringContaining(expected) }),
      );
  });
});
