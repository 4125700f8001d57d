/**
 * `toBeConsoleReady()` as a plain function (no vitest import): passes on a conformance report
 * whose verdict is `ready`; otherwise names the root causes first (each with its one fix), then
 * which checks failed, each with its evidence (what was sent, what came back, what was
 * expected, what the real Console would do next), then the checks that could not be judged.
 */
import type { CheckReport, ConformanceReport } from '../conformance/report.js';
import type { Evidence } from '../conformance/types.js';
import type { MatcherContext, MatcherResult } from './delivery-matchers.js';

/** Evidence items shown per failing check; the rest are counted. */
const MAX_EVIDENCE_PER_CHECK = 3;

function isReport(value: unknown): value is ConformanceReport {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<ConformanceReport>;
  return Array.isArray(v.checks) && typeof v.verdict === 'string' && typeof v.score === 'number';
}

function describeEvidence(e: Evidence): string {
  return [
    `      probe:    ${e.probe}`,
    `      sent:     ${e.sent}`,
    `      received: ${e.received}`,
    `      expected: ${e.expected}`,
    `      Console:  ${e.consoleNext}`,
  ].join('\n');
}

/** One failing check: id, severity, summary, then its failing evidence. */
export function describeFailedCheck(check: CheckReport, blocking: boolean): string {
  const failing = check.evidence.filter((e) => !e.ok);
  const shown = (failing.length > 0 ? failing : check.evidence).slice(0, MAX_EVIDENCE_PER_CHECK);
  const more = (failing.length > 0 ? failing : check.evidence).length - shown.length;
  const lines = [
    `  ✗ ${check.id} [${check.severity}${blocking ? '' : ', does not block the verdict'}]: ${check.summary}`,
    ...shown.map(describeEvidence),
  ];
  if (more > 0) lines.push(`      (${more} more failing probe${more === 1 ? '' : 's'} in the report)`);
  return lines.join('\n');
}

/** Every failing check, those that block the verdict first. */
export function describeFailures(report: ConformanceReport): string {
  const failed = report.checks.filter((c) => c.result === 'fail');
  const blocking = new Set(report.blocking);
  const ordered = [...failed.filter((c) => blocking.has(c.id)), ...failed.filter((c) => !blocking.has(c.id))];
  return ordered.map((c) => describeFailedCheck(c, blocking.has(c.id))).join('\n');
}

/** "Fix first": each root cause once with its fix, as the text report opens. */
function describeRootCauses(report: ConformanceReport): string {
  if (report.rootCauses.length === 0) return '';
  const causes = report.rootCauses.map(
    (c, i) => `  ${i + 1}. ${c.summary}\n     fix: ${c.advice}\n     Console: ${c.consequence}`,
  );
  return `Fix first:\n${causes.join('\n')}\n`;
}

/** Passes when the report's verdict is `ready` (every critical and high check passed, none blocked). */
export function toBeConsoleReady(this: MatcherContext, received: unknown): MatcherResult {
  if (!isReport(received)) {
    return {
      pass: false,
      message: () =>
        'toBeConsoleReady() expects a conformance report (what runConformance() or checkContainer() returns)',
    };
  }
  const report = received;
  const pass = report.verdict === 'ready';
  const where = `the receiver at ${report.target.url}`;
  const { passed, failed, blocked, warned, skipped } = report.counts;
  const counts = `score ${report.score}/100, ${passed} passed, ${failed} failed, ${blocked} not judged, ${warned} warnings, ${skipped} skipped`;
  return {
    pass,
    actual: report.blocking,
    expected: [],
    message: () => {
      if (pass) {
        return `expected ${where} not to be ready for the Console, but every critical and high check passed (${counts})`;
      }
      if (report.counts.checks - report.counts.skipped === 0) {
        return `expected ${where} to be ready for the Console, but no check ran (${counts}): a run where nothing ran is never ready`;
      }
      const failing = report.checks.filter((c) => c.result === 'fail').map((c) => c.id);
      const unjudged = report.checks.filter((c) => c.result === 'blocked').map((c) => c.id);
      const n = report.blocking.length;
      return (
        `expected ${where} to be ready for the Console, but ${n} critical or high check${n === 1 ? '' : 's'} failed or could not be judged (${counts}).\n` +
        describeRootCauses(report) +
        `Failing checks: ${failing.join(', ')}\n${describeFailures(report)}` +
        (unjudged.length ? `\nNot judged (the baseline delivery failed): ${unjudged.join(', ')}` : '')
      );
    },
  };
}
