/**
 * JUnit XML for CI: one testsuite per area, one testcase per check, a <failure> with the
 * summary as message and the fix and evidence as text, <skipped> with the reason (for a blocked
 * check: "not judged: <cause>"), a warning as a passed case with its text in <system-out>.
 * Every text is escaped, and characters XML 1.0 forbids are dropped.
 */
import { escapeXml } from '../../util/xml.js';
import type { CheckReport, ConformanceReport } from '../report.js';

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function evidenceText(check: CheckReport): string {
  return check.evidence
    .filter((e) => !e.ok)
    .map((e) =>
      [
        `probe:    ${e.probe}`,
        `sent:     ${e.sent}`,
        `received: ${e.received}`,
        `expected: ${e.expected}`,
        `Console:  ${e.consoleNext}`,
      ].join('\n'),
    )
    .join('\n\n');
}

function testcase(check: CheckReport): string {
  const open = `    <testcase classname="cswm.${escapeXml(check.area)}" name="${escapeXml(check.id)}: ${escapeXml(check.title)}" time="${seconds(check.timings.durationMs)}"`;
  if (check.result === 'pass') return `${open}/>`;
  if (check.result === 'skip' || check.result === 'blocked')
    return `${open}>\n      <skipped message="${escapeXml(check.summary)}"/>\n    </testcase>`;
  const fix = check.advice ? `fix: ${check.advice}\n\n` : '';
  if (check.result === 'warn') {
    return `${open}>\n      <system-out>${escapeXml(`warning: ${check.summary}\n${fix}`)}</system-out>\n    </testcase>`;
  }
  return `${open}>\n      <failure message="${escapeXml(check.summary)}" type="${escapeXml(check.severity)}">${escapeXml(
    `${check.summary}\n\n${fix}${evidenceText(check)}`,
  )}</failure>\n    </testcase>`;
}

export function renderJunit(report: ConformanceReport): string {
  const areas = [...new Set(report.checks.map((c) => c.area))];
  const suites = areas.map((area) => {
    const checks = report.checks.filter((c) => c.area === area);
    const n = (...r: CheckReport['result'][]) => checks.filter((c) => r.includes(c.result)).length;
    const time = checks.reduce((s, c) => s + c.timings.durationMs, 0);
    return [
      `  <testsuite name="${escapeXml(area)}" tests="${checks.length}" failures="${n('fail')}" errors="0" skipped="${n('skip', 'blocked')}" time="${seconds(time)}" timestamp="${escapeXml(report.startedAt)}">`,
      ...checks.map(testcase),
      '  </testsuite>',
    ].join('\n');
  });
  const { counts } = report;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="cswm check ${escapeXml(report.target.url)}: score ${report.score}/100, ${escapeXml(report.verdictText)}" tests="${counts.checks}" failures="${counts.failed}" errors="0" skipped="${counts.skipped + counts.blocked}" time="${seconds(report.durationMs)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
