import { formatDurationMs } from '../../util/duration.js';
import type { ResponseTimeOptions } from '../check-options.js';
import { timeoutWords } from '../diagnose.js';
import { attemptOf } from '../exchange.js';
import { percentile } from '../stats.js';
import type { Check, Exchange } from '../types.js';

/** Answered probes count with their duration; timed-out ones with the timeout (a lower bound). */
function sampleOf(x: Exchange, timeoutMs: number): number | null {
  const attempt = attemptOf(x);
  const type = attempt.outcome.type;
  if (type === 'delivered' || type === 'status') return attempt.durationMs;
  if (type === 'timeout') return Math.max(attempt.durationMs, timeoutMs);
  return null;
}

function samplesOf(exchanges: readonly Exchange[], timeoutMs: number): number[] {
  return exchanges.map((x) => sampleOf(x, timeoutMs)).filter((s): s is number => s !== null);
}

/**
 * delivery.response-time: p50 and p95 of the probes sent one at a time (the baseline and the
 * pool), which is how the Console sends; the burst's figures are reported beside them, not
 * judged here (load.burst judges the burst).
 */
export const responseTime: Check<ResponseTimeOptions> = {
  id: 'delivery.response-time',
  title: 'Answers well inside the 30 s timeout',
  severity: 'high',
  rationale:
    'The Console abandons an attempt after 30 s and sends the event again: a slow receiver sees duplicates and, at worst, loses events.',
  needs: 'processing',
  plan: () => ({ type: 'none' }),
  evaluate({ all, target }, options) {
    const single = all.filter((x) => x.phase !== 'burst');
    const samples = samplesOf(single, target.timeoutMs);
    const burstSamples = samplesOf(
      all.filter((x) => x.phase === 'burst'),
      target.timeoutMs,
    );
    const p50 = percentile(samples, 50);
    const p95 = percentile(samples, 95);
    if (p50 === null || p95 === null) return { result: 'skip', reason: 'no probe was answered or timed out' };
    const limitMs = options.p95LimitMs * target.timeScale;
    const maxMs = Math.max(...samples);
    const timeouts = single.filter((x) => attemptOf(x).outcome.type === 'timeout').length;
    const ok = p95 < limitMs;
    const f = formatDurationMs;
    const burstP50 = percentile(burstSamples, 50);
    const burstP95 = percentile(burstSamples, 95);
    const burstWords =
      burstP50 !== null && burstP95 !== null
        ? `; the burst of ${burstSamples.length}: p50 ${f(burstP50)}, p95 ${f(burstP95)}`
        : '';
    const scaled =
      target.timeScale === 1
        ? ''
        : ` (time scale ${target.timeScale}: ${f(options.p95LimitMs)} for the Console)`;
    const evidence = {
      probe: `${samples.length} single probes`,
      ok,
      sent: `${samples.length} probes sent one at a time${burstSamples.length ? ` (and ${burstSamples.length} in a burst, reported apart)` : ''}`,
      received: `p50 ${f(p50)}, p95 ${f(p95)}, slowest ${f(maxMs)}${timeouts ? `, ${timeouts} timed out` : ''}${burstWords}`,
      expected: `p95 under ${f(limitMs)}${scaled}; the Console gives up at ${timeoutWords(target)}`,
      consoleNext: ok
        ? 'the Console gets its answers with ample margin'
        : 'answers this slow risk the timeout; every timed-out attempt is sent again, so the receiver sees duplicates',
    };
    const metrics: Record<string, number> = {
      p50Ms: p50,
      p95Ms: p95,
      maxMs,
      limitMs,
      samples: samples.length,
      timeouts,
    };
    if (burstP50 !== null && burstP95 !== null) {
      metrics.burstP50Ms = burstP50;
      metrics.burstP95Ms = burstP95;
    }
    if (ok)
      return {
        result: 'pass',
        summary: `single probes: p50 ${f(p50)}, p95 ${f(p95)}${burstWords}`,
        evidence: [evidence],
        metrics,
      };
    return {
      result: 'fail',
      summary: `single probes: p95 ${f(p95)} is not under ${f(limitMs)}${scaled}`,
      evidence: [evidence],
      metrics,
      cause: {
        id: 'slow',
        summary: `answers slowly: p95 ${f(p95)} of single deliveries, the Console's timeout being ${timeoutWords(target)}`,
        advice:
          'answer 200 as soon as the event is read, then do the slow work afterwards (a queue or a background task)',
        consequence:
          'a slower day turns into timeouts; each timed-out attempt is sent again, so the receiver sees duplicates',
      },
    };
  },
};
