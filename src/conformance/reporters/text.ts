/**
 * The terminal report: one line per check (result, severity, id, title or the one-line
 * summary), failures followed by their evidence, the score and the verdict last. Colour only
 * when asked (the CLI asks on a terminal without NO_COLOR).
 */
import { formatDurationMs } from '../../util/duration.js';
import type { CheckReport, ConformanceReport } from '../report.js';

export interface TextOptions {
  /** ANSI colours. @default false */
  color?: boolean;
  /** Evidence lines shown per failed check at most. @default 3 */
  maxEvidence?: number;
}

const ANSI = { red: 31, green: 32, yellow: 33, gray: 90, bold: 1 } as const;
type Paint = (color: keyof typeof ANSI, text: string) => string;

const RESULT_WORD = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' } as const;
const RESULT_COLOR = { pass: 'green', fail: 'red', skip: 'yellow' } as const;

function checkLines(check: CheckReport, paint: Paint, maxEvidence: number, idWidth: number): string[] {
  const word = paint(RESULT_COLOR[check.result], RESULT_WORD[check.result]);
  const took =
    check.timings.probes > 0 ? paint('gray', `  ${formatDurationMs(check.timings.durationMs)}`) : '';
  const head = `  ${word}  ${check.severity.padEnd(8)}  ${check.id.padEnd(idWidth)}  `;
  if (check.result === 'skip') return [`${head}${paint('gray', `skipped: ${check.summary}`)}`];
  if (check.result === 'pass') return [`${head}${check.summary}${took}`];
  const lines = [`${head}${paint('bold', check.summary)}${took}`];
  const failing = check.evidence.filter((e) => !e.ok);
  const pad = ' '.repeat(8);
  for (const e of failing.slice(0, maxEvidence)) {
    lines.push(
      `${pad}${paint('gray', 'probe')}     ${e.probe}`,
      `${pad}${paint('gray', 'sent')}      ${e.sent}`,
      `${pad}${paint('gray', 'received')}  ${e.received}`,
      `${pad}${paint('gray', 'expected')}  ${e.expected}`,
      `${pad}${paint('gray', 'Console')}   ${e.consoleNext}`,
    );
  }
  if (failing.length > maxEvidence)
    lines.push(`${pad}${paint('gray', `and ${failing.length - maxEvidence} more failing probes`)}`);
  return lines;
}

/** The report for people, ending with a newline. */
export function renderText(report: ConformanceReport, options: TextOptions = {}): string {
  const paint: Paint = options.color ? (c, t) => `\u001b[${ANSI[c]}m${t}\u001b[0m` : (_c, t) => t;
  const maxEvidence = options.maxEvidence ?? 3;
  const where = report.target.embedded ? ' (the embedded reference receiver)' : '';
  const { counts } = report;
  const lines = [
    `cswm check ${report.target.url}${where}: ${counts.checks} checks, ${counts.probes} probes in ${formatDurationMs(report.durationMs)}`,
    '',
  ];
  const idWidth = Math.max(...report.checks.map((c) => c.id.length), 0);
  for (const check of report.checks) lines.push(...checkLines(check, paint, maxEvidence, idWidth));
  const ready = report.verdict === 'ready';
  const blocking = report.blocking.length ? ` Blocking: ${report.blocking.join(', ')}.` : '';
  lines.push(
    '',
    `${paint('bold', `Score ${report.score}/100`)}: ${paint(ready ? 'green' : 'red', report.verdictText)} (${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped).${blocking}`,
  );
  return `${lines.join('\n')}\n`;
}
