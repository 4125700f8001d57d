/**
 * One self-contained HTML page: inline CSS, no script, no font, no image, no request of any
 * kind (even the favicon is an empty data: URL). Score and verdict on top, how the run was made,
 * "Fix first" (each root cause once, with its fix), then the checks grouped by area, each with
 * its probes' attempt timeline (inline SVG) and evidence inside <details>.
 */
import { formatDurationMs } from '../../util/duration.js';
import { escapeXml as esc } from '../../util/xml.js';
import type { CheckReport, ConformanceReport } from '../report.js';
import { timelineSvg } from './timeline.js';
import { compressIds, runNotes } from './words.js';

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}
main{max-width:980px;margin:0 auto;padding:24px}
header{display:flex;gap:24px;align-items:center;background:#fff;border:1px solid #d8dde3;border-radius:8px;padding:16px 20px}
.score{font-size:44px;font-weight:700;min-width:120px;text-align:center}
.ready .score,.ready .verdict{color:#1a7f37}.not-ready .score,.not-ready .verdict{color:#cf222e}
.verdict{font-size:20px;font-weight:600;margin:0}
.meta{color:#57606a;margin:4px 0 0}
h2{margin:28px 0 8px}
details.more>summary{cursor:pointer;color:#57606a;margin:6px 0}
details.check{background:#fff;border:1px solid #d8dde3;border-radius:6px;margin:6px 0}
details.check>summary{cursor:pointer;padding:8px 12px;display:flex;gap:10px;align-items:baseline;flex-wrap:wrap}
.badge{font-weight:700;font-size:12px;border-radius:4px;padding:1px 6px;color:#fff}
.badge.pass{background:#1a7f37}.badge.fail{background:#cf222e}.badge.skip{background:#6e7781}.badge.warn{background:#9a6700}.badge.blocked{background:#8250df}
.notes{margin:12px 0 0;padding:8px 12px;background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;color:#3b2e00}
.notes p{margin:2px 0}
section.fix ol{padding-left:22px}
section.fix li{background:#fff;border:1px solid #d8dde3;border-left:4px solid #cf222e;border-radius:6px;padding:8px 12px;margin:8px 0}
section.fix .what{font-weight:600}
section.fix dl{display:grid;grid-template-columns:80px 1fr;gap:2px 8px;margin:6px 0 0}
section.fix dt{color:#57606a;font-weight:600}section.fix dd{margin:0}
.advice{margin:4px 0 0}.advice b{color:#1b1f24}
.sev{font-size:12px;color:#57606a;border:1px solid #d8dde3;border-radius:4px;padding:0 5px}
.sum{color:#57606a;flex-basis:100%;margin-left:52px}
.body{padding:0 12px 12px 64px}
table{border-collapse:collapse;margin:8px 0;width:100%}
th,td{text-align:left;vertical-align:top;padding:3px 8px;border-top:1px solid #eaeef2}
th{width:90px;color:#57606a;font-weight:600}
.ev.bad th:first-child{color:#cf222e}
svg.timeline{display:block;margin:8px 0;max-width:100%;height:auto;background:#fafbfc;border:1px solid #eaeef2}
svg.timeline rect.ok{fill:#2da44e}svg.timeline rect.bad{fill:#cf222e}
svg.timeline .axis{stroke:#8c959f}svg.timeline .timeout{stroke:#9a6700;stroke-dasharray:4 3}
svg.timeline text{font:10px system-ui,sans-serif;fill:#57606a}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace}
`;

const AREA_TITLES: Record<string, string> = {
  transport: 'Transport',
  tls: 'TLS',
  delivery: 'Delivery',
  payload: 'Payload',
  auth: 'Authentication',
  idempotency: 'Idempotency',
  load: 'Load',
};

function evidenceRows(evidence: CheckReport['evidence']): string {
  return evidence
    .map(
      (e) =>
        `<table class="ev ${e.ok ? 'ok' : 'bad'}"><tr><th>${e.ok ? 'probe' : 'failed'}</th><td>${esc(e.probe)}</td></tr>` +
        `<tr><th>sent</th><td>${esc(e.sent)}</td></tr><tr><th>received</th><td>${esc(e.received)}</td></tr>` +
        `<tr><th>expected</th><td>${esc(e.expected)}</td></tr><tr><th>Console</th><td>${esc(e.consoleNext)}</td></tr></table>`,
    )
    .join('');
}

/** Failing probes in full; the ones that behaved as expected folded away when there are failures. */
function evidenceTable(check: CheckReport): string {
  const failing = check.evidence.filter((e) => !e.ok);
  const passing = check.evidence.filter((e) => e.ok);
  if (failing.length === 0) return evidenceRows(passing);
  const folded = passing.length
    ? `<details class="more"><summary>${passing.length} probe${passing.length === 1 ? '' : 's'} behaved as expected</summary>${evidenceRows(passing)}</details>`
    : '';
  return evidenceRows(failing) + folded;
}

function checkSection(check: CheckReport, timeoutMs: number, causeNumber: Map<string, number>): string {
  const word = { pass: 'PASS', fail: 'FAIL', warn: 'WARN', blocked: 'NOT JUDGED', skip: 'SKIP' }[
    check.result
  ];
  const ref = check.cause ?? check.blockedBy;
  const see =
    ref && causeNumber.has(ref) ? ` · <a href="#cause-${esc(ref)}">fix ${causeNumber.get(ref)}</a>` : '';
  const advice =
    check.advice && check.result !== 'fail'
      ? `<p class="advice"><b>Before going live:</b> ${esc(check.advice)}</p>`
      : check.advice
        ? `<p class="advice"><b>Fix:</b> ${esc(check.advice)}</p>`
        : '';
  const took = check.timings.probes
    ? ` · ${check.timings.probes} probe${check.timings.probes === 1 ? '' : 's'}, ${formatDurationMs(check.timings.durationMs)}`
    : '';
  return [
    `<details class="check ${check.result}" id="check-${esc(check.id)}"${check.result === 'fail' ? ' open' : ''}>`,
    `<summary><span class="badge ${check.result}">${word}</span><code>${esc(check.id)}</code><span>${esc(check.title)}</span><span class="sev">${check.severity}</span><span class="sum">${esc(check.summary)}${took}${see}</span></summary>`,
    `<div class="body">${advice}<p class="meta">${esc(check.rationale)}</p>`,
    timelineSvg(check.probes, timeoutMs),
    evidenceTable(check),
    '</div></details>',
  ].join('');
}

/** "Fix first": each root cause once, what was seen, the fix, what the Console does, which checks. */
function fixFirst(report: ConformanceReport): string {
  if (report.rootCauses.length === 0) return '';
  const items = report.rootCauses.map((cause) => {
    const failed = cause.checks.slice(0, cause.failed);
    const blocked = cause.checks.slice(cause.failed);
    const seen =
      cause.baseline && report.baseline
        ? report.baseline.evidence
        : report.checks.find((c) => c.cause === cause.id)?.evidence.find((e) => !e.ok);
    const checks = [
      failed.length ? `${failed.length} failed: ${compressIds(failed)}` : '',
      blocked.length ? `${blocked.length} not judged: ${compressIds(blocked)}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    return `<li id="cause-${esc(cause.id)}"><div class="what">${esc(cause.summary)}</div><dl><dt>Fix</dt><dd>${esc(cause.advice)}</dd><dt>Console</dt><dd>${esc(cause.consequence)}</dd>${
      seen ? `<dt>Seen</dt><dd>${esc(seen.probe)}: ${esc(seen.received)}</dd>` : ''
    }${checks ? `<dt>Checks</dt><dd>${esc(checks)}</dd>` : ''}<dt>Cause</dt><dd><code>${esc(cause.id)}</code>${cause.baseline ? ' (the baseline delivery, the first of the run)' : ''}</dd></dl></li>`;
  });
  return `<section class="fix" id="fix-first"><h2>Fix first</h2><ol>${items.join('')}</ol></section>`;
}

export function renderHtml(report: ConformanceReport): string {
  const areas = [...new Set(report.checks.map((c) => c.area))];
  const { counts, target } = report;
  const areaTitle = (area: string) => AREA_TITLES[area] ?? area;
  const causeNumber = new Map(report.rootCauses.map((c, i) => [c.id, i + 1]));
  const sections = areas.map(
    (area) =>
      `<section id="area-${esc(area)}"><h2>${esc(areaTitle(area))}</h2>${report.checks
        .filter((c) => c.area === area)
        .map((c) => checkSection(c, target.timeoutMs, causeNumber))
        .join('')}</section>`,
  );
  const notes = runNotes(report);
  const tally = [
    `${counts.passed} passed`,
    `${counts.failed} failed`,
    counts.blocked ? `${counts.blocked} not judged` : '',
    counts.warned ? `${counts.warned} warnings` : '',
    `${counts.skipped} skipped`,
  ]
    .filter(Boolean)
    .join(', ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<link rel="icon" href="data:,">
<title>cswm check: ${report.score}/100, ${esc(report.verdictText)}</title><style>${CSS}</style></head>
<body><main>
<header class="${report.verdict}"><div class="score" data-score="${report.score}">${report.score}<small>/100</small></div>
<div><p class="verdict">${esc(report.verdictText)}</p>
<p class="meta">${esc(target.url)}${target.embedded ? ' (the embedded reference receiver)' : ''} · ${tally} · ${counts.probes} probes in ${formatDurationMs(report.durationMs)}</p>
<p class="meta">${esc(report.tool.name)} ${esc(report.tool.version)} · ${esc(report.startedAt)} · timeout ${formatDurationMs(target.timeoutMs)}${target.timeScale === 1 ? '' : ` (time scale ${target.timeScale}; the Console's: ${formatDurationMs(target.consoleTimeoutMs)})`}</p></div></header>
${notes.length ? `<div class="notes">${notes.map((n) => `<p>${esc(n)}</p>`).join('')}</div>` : ''}
${fixFirst(report)}
${sections.join('\n')}
</main></body></html>
`;
}
