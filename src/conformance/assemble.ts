/**
 * Builds the report from the checks' outcomes and exchanges: each failure's cause named once
 * (rootCauses, the baseline's first), the score, and every secret scrubbed from all of it:
 * the last gate before anything is rendered or returned.
 */
import { scrubSecrets } from '../util/redact.js';
import { isAccepted } from './diagnose.js';
import { attemptOf } from './exchange.js';
import type { CheckReport, ConformanceReport, ProbeReport, RootCause } from './report.js';
import { computeScore, SEVERITY_WEIGHTS, verdictText } from './score.js';
import { areaOf, type Cause, type Check, type CheckOutcome, type Evidence, type Exchange } from './types.js';

export function probeReport(x: Exchange, evidence: readonly Evidence[]): ProbeReport {
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
    ok: judged?.ok ?? isAccepted(x),
    bodyBytes: x.record.bodyBytes,
    requestHeaders: x.record.requestHeaders,
  };
}

function base(check: Check) {
  return {
    id: check.id,
    title: check.title,
    severity: check.severity,
    area: areaOf(check.id),
    rationale: check.rationale,
  };
}

export function checkReport(
  check: Check,
  outcome: CheckOutcome,
  exchanges: readonly Exchange[],
  cause?: Cause,
): CheckReport {
  const evidence = outcome.result === 'skip' ? [] : outcome.evidence;
  const probes = [...exchanges].sort((a, b) => a.index - b.index).map((x) => probeReport(x, evidence));
  const start = Math.min(...probes.map((p) => p.startMs));
  const end = Math.max(...probes.map((p) => p.startMs + p.durationMs));
  return {
    ...base(check),
    result: outcome.result,
    summary: outcome.result === 'skip' ? outcome.reason : outcome.summary,
    ...(cause ? { advice: cause.advice } : {}),
    ...(cause && outcome.result === 'fail' ? { cause: cause.id } : {}),
    evidence,
    probes,
    timings: { durationMs: probes.length ? Math.round((end - start) * 10) / 10 : 0, probes: probes.length },
    ...(outcome.result !== 'skip' && outcome.metrics ? { metrics: outcome.metrics } : {}),
  };
}

/** A check the baseline left nothing to judge for: not sent, not failed, earning nothing. */
export function blockedReport(check: Check, cause: Cause): CheckReport {
  return {
    ...base(check),
    result: 'blocked',
    summary: `not judged: ${cause.summary}`,
    blockedBy: cause.id,
    evidence: [],
    probes: [],
    timings: { durationMs: 0, probes: 0 },
  };
}

/**
 * Each cause once, with the checks it explains: the baseline's first (it explains the blocked
 * checks too), then by the weight of the checks failing for it, heaviest first.
 */
function rootCausesOf(
  checks: readonly CheckReport[],
  causes: { baseline: Cause | null; others: ReadonlyMap<string, Cause> },
): RootCause[] {
  const ids = [
    ...(causes.baseline ? [causes.baseline.id] : []),
    ...[...causes.others.keys()].filter((id) => id !== causes.baseline?.id),
  ];
  const roots = ids.map((id) => {
    const cause = (id === causes.baseline?.id ? causes.baseline : causes.others.get(id)) as Cause;
    const failed = checks.filter((c) => c.result === 'fail' && c.cause === id);
    const blocked = checks.filter((c) => c.result === 'blocked' && c.blockedBy === id);
    const weight = failed.reduce((sum, c) => sum + SEVERITY_WEIGHTS[c.severity], 0);
    // "To every event type": the one line that says the cause is not about any one event.
    const accepts = checks.filter((c) => c.id.startsWith('delivery.accepts.'));
    const everywhere = accepts.length > 1 && accepts.every((c) => c.result === 'fail' && c.cause === id);
    return {
      weight,
      root: {
        id,
        summary: everywhere ? `${cause.summary}, to every event type` : cause.summary,
        advice: cause.advice,
        consequence: cause.consequence,
        baseline: id === causes.baseline?.id,
        checks: [...failed, ...blocked].map((c) => c.id),
        failed: failed.length,
        blocked: blocked.length,
      } satisfies RootCause,
    };
  });
  return roots
    .filter((r) => r.root.checks.length > 0 || r.root.baseline)
    .sort((a, b) => Number(b.root.baseline) - Number(a.root.baseline) || b.weight - a.weight)
    .map((r) => r.root);
}

/** Replaces every secret value in every string of `value` (a deep copy). */
function scrubDeep<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  return JSON.parse(JSON.stringify(value), (_key, v: unknown) =>
    typeof v === 'string' ? scrubSecrets(v, secrets) : v,
  ) as T;
}

export function assembleReport(
  parts: Omit<ConformanceReport, 'score' | 'verdict' | 'verdictText' | 'blocking' | 'counts' | 'rootCauses'>,
  causes: { baseline: Cause | null; others: ReadonlyMap<string, Cause> },
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
      warned: count('warn'),
      blocked: count('blocked'),
      skipped: count('skip'),
      probes: parts.checks.reduce((n, c) => n + c.probes.length, parts.baseline ? 1 : 0),
    },
    rootCauses: rootCausesOf(parts.checks, causes),
  };
  return scrubDeep(report, secrets);
}
