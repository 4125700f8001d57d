/**
 * The attempt timeline of a check's probes as inline SVG: one row per probe, a bar from its
 * start to its end on a shared time axis, green when the probe behaved as expected, red when
 * not, and a dashed line at the timeout. Pure string building; every text is escaped.
 */
import { formatDurationMs } from '../../util/duration.js';
import { escapeXml } from '../../util/xml.js';
import type { ProbeReport } from '../report.js';

const WIDTH = 640;
const LABEL = 0;
const ROW = 14;
const TOP = 6;
const AXIS = 18;

export function timelineSvg(probes: readonly ProbeReport[], timeoutMs: number): string {
  if (probes.length === 0) return '';
  const start = Math.min(...probes.map((p) => p.startMs));
  const end = Math.max(...probes.map((p) => p.startMs + p.durationMs));
  const anyTimeout = probes.some((p) => p.outcome === 'timeout');
  const spanMs = Math.max(end - start, anyTimeout ? timeoutMs : 0, 1);
  const x = (ms: number) => LABEL + ((WIDTH - LABEL - 4) * ms) / spanMs;
  const height = TOP + probes.length * ROW + AXIS;
  const bars = probes.map((p, i) => {
    const y = TOP + i * ROW;
    const w = Math.max(2, x(p.durationMs) - x(0));
    const title = `${p.label}: ${p.outcome}${p.status ? ` (${p.status})` : ''} after ${formatDurationMs(p.durationMs)}, started at +${formatDurationMs(p.startMs - start)}`;
    return `<rect class="${p.ok ? 'ok' : 'bad'}" x="${x(p.startMs - start).toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${ROW - 4}" rx="2"><title>${escapeXml(title)}</title></rect>`;
  });
  const axisY = TOP + probes.length * ROW + 2;
  const ticks = [0, spanMs / 2, spanMs].map(
    (ms, i) =>
      `<text x="${x(ms).toFixed(1)}" y="${axisY + 12}" text-anchor="${['start', 'middle', 'end'][i]}">${escapeXml(formatDurationMs(ms))}</text>`,
  );
  const timeout =
    timeoutMs <= spanMs
      ? `<line class="timeout" x1="${x(timeoutMs).toFixed(1)}" x2="${x(timeoutMs).toFixed(1)}" y1="0" y2="${axisY}"><title>timeout ${escapeXml(formatDurationMs(timeoutMs))}</title></line>`
      : '';
  return [
    `<svg class="timeline" role="img" aria-label="attempt timeline of ${probes.length} probe${probes.length === 1 ? '' : 's'}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" xmlns="http://www.w3.org/2000/svg">`,
    `<line class="axis" x1="0" x2="${WIDTH}" y1="${axisY}" y2="${axisY}"/>`,
    ...bars,
    timeout,
    ...ticks,
    '</svg>',
  ].join('');
}
