/**
 * The learner's answers as pure policy: which failure each new event gets, and what each of
 * its attempts is answered. No sockets and no clocks here: the receiver asks, then carries the
 * answer out (learn.ts).
 */
import type { Probe } from './types.js';

/** Where a `redirect` probe points: a path of its own per event, so a follow-up is recognised. */
export const REDIRECT_PREFIX = '/cswm-learn/redirected/';

export type LearnAnswer =
  /** Answer this status at once. */
  | { type: 'status'; status: number }
  /** Do not answer: the sender's timeout ends the exchange (bounded by the learner's maximum). */
  | { type: 'hang' }
  /** Answer 302 pointing at `location`. */
  | { type: 'redirect'; location: string }
  /** What the reference receiver answers (200 to JSON, 400 to anything else). */
  | { type: 'reference' };

/** What the plan decided for one request, with what it knows of the request's event. */
export interface PlannedAnswer {
  answer: LearnAnswer;
  /** The event's key; for a followed redirect, the key of the event that was redirected. */
  key: string | null;
  probe: Probe | 'none' | 'redirect-target';
  /** 1-based attempt of this event (0 when not counted: a redirect follow-up, an event past the probes). */
  attempt: number;
}

interface KeyState {
  probe: Probe;
  attempts: number;
}

export interface LearnPlan {
  readonly probes: readonly Probe[];
  /** Probes handed out so far. */
  assigned: number;
  readonly byKey: Map<string, KeyState>;
  /** Redirect locations handed out, to the key of the event they redirected. */
  readonly redirects: Map<string, string>;
}

export function newLearnPlan(probes: readonly Probe[]): LearnPlan {
  return { probes, assigned: 0, byKey: new Map(), redirects: new Map() };
}

/** The status the `retry` probe answers: "unavailable" is what a sender is surest to retry. */
export const RETRY_STATUS = 503;

/**
 * Decides the answer to one request and advances the plan. `key` identifies the event (its
 * event_id, or a hash of its body); null for a request with no body, which gets the reference
 * answer. The first request of each new key takes the next probe; once they are used up, new
 * events get 200.
 *
 * @example
 * const plan = newLearnPlan(['retry']);
 * nextAnswer(plan, { key: 'a', path: '/hook' }).answer; // { type: 'status', status: 503 }
 */
export function nextAnswer(plan: LearnPlan, req: { key: string | null; path: string }): PlannedAnswer {
  const redirected = plan.redirects.get(req.path);
  if (redirected !== undefined) {
    return { answer: { type: 'status', status: 200 }, key: redirected, probe: 'redirect-target', attempt: 0 };
  }
  if (req.key === null) return { answer: { type: 'reference' }, key: null, probe: 'none', attempt: 1 };
  let state = plan.byKey.get(req.key);
  if (!state) {
    const probe = plan.probes[plan.assigned];
    // Past the probes, events are neither probed nor remembered: the plan stays as small as
    // its probe list however long the learner listens.
    if (probe === undefined)
      return { answer: { type: 'reference' }, key: req.key, probe: 'none', attempt: 0 };
    state = { probe, attempts: 0 };
    plan.assigned++;
    plan.byKey.set(req.key, state);
  }
  state.attempts++;
  const attempt = state.attempts;
  const planned = (answer: LearnAnswer): PlannedAnswer => ({
    answer,
    key: req.key,
    probe: state.probe,
    attempt,
  });
  switch (state.probe) {
    case 'retry':
      return planned({ type: 'status', status: RETRY_STATUS });
    case 'timeout':
      return planned(attempt === 1 ? { type: 'hang' } : { type: 'status', status: 200 });
    case 'redirect': {
      if (attempt > 1) return planned({ type: 'status', status: 200 });
      const location = `${REDIRECT_PREFIX}${plan.redirects.size + 1}`;
      plan.redirects.set(location, req.key);
      return planned({ type: 'redirect', location });
    }
    case 'accept':
      return planned({ type: 'status', status: 200 });
  }
}
