/**
 * Builds the report from the checks' outcomes and exchanges, and scrubs every secret from it:
 * the last gate before anything is rendered or returned.
 */
import { scrubSecrets } from '../util/redact.js';
import { attemptOf, isDelivered } from './evidence.js';
import type { CheckReport, ConformanceReport, ProbeReport } from './report.js';
import { computeScore, verdictText } from './score.js';
import { areaOf, type Check, type CheckOutcome, type Evidence, type Exchange } from './types.js';

function probeReport(x: Exchange, evidence: readonly Evidence[]): ProbeReport {
  const attempt = attemptOf(x);
  const judged = evidence.find((e) => e.probe === x.label);
  return {
    label: x.label,
    auth: x.auth,
    eventType: x.eventType,
    eventId: x.eventId,
    startMs: Math.round(x.startMs * 10) / 10,
    durationMs: Math.round(attempt.durationMs * 10) / 10,
    outcome: attempt.label,
    ...(attempt.status === undefined ? {} : { status: attempt.status }),
    ...(attempt.errorCode === undefined ? {} : { errorCode: attempt.errorCode }),
    ok: judged?.ok ?? isDelivered(x),
    bodyBytes: x.record.bodyBytes,
    requestHeaders: x.record.requestHeaders,
  };
}

export function checkReport(
  check: Check,
  outcome: CheckOutcome,
  exchanges: readonly Exchange[],
): CheckReport {
  const evidence = outcome.result === 'skip' ? [] : outcome.evidence;
  const probes = [...exchanges].sort((a, b) => a.index - b.index).map((x) => probeReport(x, evidence));
  const start = Math.min(...probes.map((p) => p.startMs));
  const end = Math.max(...probes.map((p) => p.startMs + p.durationMs));
  return {
    id: check.id,
    title: check.title,
    severity: check.severity,
    area: areaOf(check.id),
    result: outcome.result,
    summary: outcome.result === 'skip' ? outcome.reason : outcome.summary,
    rationale: check.rationale,
    evidence,
    probes,
    timings: { durationMs: probes.length ? Math.round((end - start) * 10) / 10 : 0, probes: probes.length },
    ...(outcome.result !== 'skip' && outcome.metrics ? { metrics: outcome.metrics } : {}),
  };
}

/** Replaces every secret value in every string of `value` (a deep copy). */
function scrubDeep<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  return JSON.parse(JSON.stringify(value), (_key, v: unknown) =>
    typeof v === 'string' ? scrubSecrets(v, secrets) : v,
  ) as T;
}

export function assembleReport(
  parts: Omit<ConformanceReport, 'score' | 'verdict' | 'verdictText' | 'blocking' | 'counts'>,
  secrets: readonly string[],
): ConformanceReport {
  const score = computeScore(parts.checks);
  const count = (result: CheckReport['result']) => parts.checks.filter((c) => c.result === result).length;
  const report: ConformanceReport = {
    ...parts,
    score: score.score,
    verdict: score.ready ? 'ready' : 'not-ready',
    verdictText: verdictText(score.ready),
    blocking: score.blocking,
    counts: {
      checks: parts.checks.length,
      passed: count('pass'),
      failed: count('fail'),
      skipped: count('skip'),
      probes: parts.checks.reduce((n, c) => n + c.probes.length, 0),
    },
  };
  return scrubDeep(report, secrets);
}
