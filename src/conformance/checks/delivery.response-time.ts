import { formatDurationMs } from '../../util/duration.js';
import { attemptOf } from '../evidence.js';
import { percentile } from '../stats.js';
import type { Check, Exchange } from '../types.js';

export interface ResponseTimeOptions {
  /**
   * The 95th percentile must stay under this (before time scaling): well inside the Console's
   * 30 s, so that a slower day does not turn into timeouts and redeliveries.
   * @default 10000
   */
  p95LimitMs: number;
}

export const RESPONSE_TIME_DEFAULTS: ResponseTimeOptions = { p95LimitMs: 10_000 };

/** Answered probes count with their duration; timed-out ones with the timeout (a lower bound). */
function sampleOf(x: Exchange, timeoutMs: number): number | null {
  const attempt = attemptOf(x);
  const type = attempt.outcome.type;
  if (type === 'delivered' || type === 'status') return attempt.durationMs;
  if (type === 'timeout') return Math.max(attempt.durationMs, timeoutMs);
  return null;
}

/** delivery.response-time: p50 and p95 over every probe of the run, bursts included. */
export const responseTime: Check<ResponseTimeOptions> = {
  id: 'delivery.response-time',
  title: 'Answers well inside the 30 s timeout',
  severity: 'high',
  rationale:
    'The Console abandons an attempt after 30 s and sends the event again: a slow receiver sees duplicates and, at worst, loses events.',
  defaults: RESPONSE_TIME_DEFAULTS,
  plan: () => ({ type: 'none' }),
  evaluate({ all, target }, options) {
    const samples = all.map((x) => sampleOf(x, target.timeoutMs)).filter((s): s is number => s !== null);
    const p50 = percentile(samples, 50);
    const p95 = percentile(samples, 95);
    if (p50 === null || p95 === null) return { result: 'skip', reason: 'no probe was answered or timed out' };
    const limitMs = options.p95LimitMs * target.timeScale;
    const maxMs = Math.max(...samples);
    const timeouts = all.filter((x) => attemptOf(x).outcome.type === 'timeout').length;
    const ok = p95 < limitMs;
    const f = formatDurationMs;
    const evidence = {
      probe: `${samples.length} probes`,
      ok,
      sent: `${samples.length} probes of this run (bursts included)`,
      received: `p50 ${f(p50)}, p95 ${f(p95)}, slowest ${f(maxMs)}${timeouts ? `, ${timeouts} timed out` : ''}`,
      expected: `p95 under ${f(limitMs)} (the Console gives up at ${f(target.timeoutMs)})`,
      consoleNext: ok
        ? 'the Console gets its answers with ample margin'
        : 'answers this slow risk the timeout; every timed-out attempt is sent again, so the receiver sees duplicates',
    };
    const metrics = { p50Ms: p50, p95Ms: p95, maxMs, limitMs, samples: samples.length, timeouts };
    return ok
      ? { result: 'pass', summary: `p50 ${f(p50)}, p95 ${f(p95)}`, evidence: [evidence], metrics }
      : {
          result: 'fail',
          summary: `p95 ${f(p95)} is not under ${f(limitMs)}; answer first and do slow work afterwards (queue it)`,
          evidence: [evidence],
          metrics,
        };
  },
};
