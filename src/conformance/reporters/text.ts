/**
 * The terminal report. The first screen names what to fix: how the run was made (local, time
 * scale), then "Fix first" (each root cause once: what was seen, the one fix, what the Console
 * does), then one line per check (a family failing or passing alike, such as the 15
 * delivery.accepts checks, folds into one line), the score and the verdict last. Colour only
 * when asked (the CLI asks on a terminal without NO_COLOR).
 */
import { formatDurationMs } from '../../util/duration.js';
import { type Paint, painter } from '../../util/style.js';
import type { CheckReport, ConformanceReport, RootCause } from '../report.js';
import { compressIds, runNotes } from './words.js';

export interface TextOptions {
  /** ANSI colours. @default false */
  color?: boolean;
  /** Failing probes shown per root cause at most. @default 1 */
  maxEvidence?: number;
}

const RESULT_WORD = { pass: 'PASS', fail: 'FAIL', warn: 'WARN', blocked: 'BLOCKED', skip: 'SKIP' } as const;
const RESULT_COLOR = { pass: 'green', fail: 'red', warn: 'yellow', blocked: 'yellow', skip: 'gray' } as const;
const WORD_WIDTH = 7;

/** A line of the check list: one check, or a family of alike checks folded together. */
interface Row {
  checks: CheckReport[];
  id: string;
}

/** Folds runs of 3 or more checks of one family (`delivery.accepts.*`) with the same result and cause. */
function rows(checks: readonly CheckReport[]): Row[] {
  const out: Row[] = [];
  const family = (c: CheckReport) => c.id.slice(0, c.id.lastIndexOf('.'));
  const key = (c: CheckReport) => `${family(c)}|${c.result}|${c.cause ?? ''}|${c.blockedBy ?? ''}`;
  for (let i = 0; i < checks.length; ) {
    let j = i + 1;
    const first = checks[i] as CheckReport;
    while (j < checks.length && key(checks[j] as CheckReport) === key(first) && first.result !== 'warn')
      j += 1;
    const run = checks.slice(i, j);
    const familySize = checks.filter((c) => family(c) === family(first)).length;
    if (run.length >= 3 && family(first).includes('.')) {
      out.push({ checks: run, id: `${family(first)}.* (${run.length} of ${familySize})` });
    } else {
      for (const c of run) out.push({ checks: [c], id: c.id });
    }
    i = j;
  }
  return out;
}

function rowLines(row: Row, causeNumber: Map<string, number>, paint: Paint, idWidth: number): string[] {
  const first = row.checks[0] as CheckReport;
  const folded = row.checks.length > 1;
  const word = paint(RESULT_COLOR[first.result], RESULT_WORD[first.result].padEnd(WORD_WIDTH));
  const head = `  ${word}  ${first.severity.padEnd(8)}  ${row.id.padEnd(idWidth)}  `;
  const ref = first.cause ?? first.blockedBy;
  const see = ref && causeNumber.has(ref) ? paint('gray', `  [fix ${causeNumber.get(ref)}]`) : '';
  if (first.result === 'skip') return [`${head}${paint('gray', `skipped: ${first.summary}`)}`];
  if (first.result === 'pass') {
    const took =
      first.timings.probes > 0 && !folded
        ? paint('gray', `  ${formatDurationMs(first.timings.durationMs)}`)
        : '';
    return [`${head}${folded ? 'each answered 200' : first.summary}${took}`];
  }
  if (first.result === 'blocked') return [`${head}${paint('gray', first.summary)}${see}`];
  const lines = [`${head}${first.result === 'fail' ? paint('bold', first.summary) : first.summary}${see}`];
  const pad = ' '.repeat(WORD_WIDTH + 16);
  if (first.result === 'warn' && first.advice)
    lines.push(`${pad}${paint('gray', 'before going live:')} ${first.advice}`);
  const failing = folded ? [] : first.evidence.filter((e) => !e.ok);
  if (failing.length > 1) {
    const shown = failing.slice(0, 3).map((e) => e.probe);
    const more = failing.length > 3 ? ` (and ${failing.length - 3} more)` : '';
    lines.push(`${pad}${paint('gray', 'failing:')} ${shown.join('; ')}${more}`);
  }
  return lines;
}

function causeLines(
  cause: RootCause,
  n: number,
  report: ConformanceReport,
  paint: Paint,
  maxEvidence: number,
): string[] {
  const where = cause.baseline ? 'seen on the baseline delivery, the first of the run' : cause.id;
  const lines = [`  ${paint('bold', `${n}. ${cause.summary}`)}  ${paint('gray', `[${where}]`)}`];
  const pad = '     ';
  lines.push(
    `${pad}${paint('gray', 'fix     ')} ${cause.advice}`,
    `${pad}${paint('gray', 'Console ')} ${cause.consequence}`,
  );
  const check = report.checks.find((c) => c.cause === cause.id && c.result === 'fail');
  const evidence =
    cause.baseline && report.baseline
      ? [report.baseline.evidence]
      : (check?.evidence.filter((e) => !e.ok) ?? []);
  for (const e of evidence.slice(0, maxEvidence)) {
    lines.push(`${pad}${paint('gray', 'seen    ')} ${e.probe}: ${e.received}`);
  }
  const failed = cause.checks.slice(0, cause.failed);
  const blocked = cause.checks.slice(cause.failed);
  const parts = [
    failed.length ? `${failed.length} failed (${compressIds(failed)})` : '',
    blocked.length ? `${blocked.length} not judged (${compressIds(blocked)})` : '',
  ].filter(Boolean);
  if (parts.length) lines.push(`${pad}${paint('gray', 'checks  ')} ${parts.join('; ')}`);
  return lines;
}

/** The report for people, ending with a newline. */
export function renderText(report: ConformanceReport, options: TextOptions = {}): string {
  const paint = painter(options.color ?? false);
  const maxEvidence = options.maxEvidence ?? 1;
  const where = report.target.embedded ? ' (the embedded reference receiver)' : '';
  const { counts } = report;
  const lines = [
    `cswm check ${report.target.url}${where}: ${counts.checks} checks, ${counts.probes} probes in ${formatDurationMs(report.durationMs)}`,
    ...runNotes(report).map((note) => paint('gray', note)),
    '',
  ];
  const causeNumber = new Map(report.rootCauses.map((c, i) => [c.id, i + 1]));
  if (report.rootCauses.length > 0) {
    lines.push(paint('bold', 'Fix first'));
    report.rootCauses.forEach((cause, i) => {
      lines.push(...causeLines(cause, i + 1, report, paint, maxEvidence));
    });
    lines.push('', paint('bold', 'Checks'));
  }
  const list = rows(report.checks);
  const idWidth = Math.max(...list.map((r) => r.id.length), 0);
  for (const row of list) lines.push(...rowLines(row, causeNumber, paint, idWidth));
  const ready = report.verdict === 'ready';
  const tally = [
    `${counts.passed} passed`,
    `${counts.failed} failed`,
    counts.blocked ? `${counts.blocked} not judged` : '',
    counts.warned ? `${counts.warned} warning${counts.warned === 1 ? '' : 's'}` : '',
    `${counts.skipped} skipped`,
  ].filter(Boolean);
  lines.push(
    '',
    `${paint('bold', `Score ${report.score}/100`)}: ${paint(ready ? 'green' : 'red', report.verdictText)} (${tally.join(', ')}).`,
  );
  return `${lines.join('\n')}\n`;
}
