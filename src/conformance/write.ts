/**
 * Writes report files atomically: each goes to a temporary file beside its destination and is
 * renamed into place, so a reader (or a crash) never sees half a report.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidOptionError } from '../errors.js';
import { writeAtomically } from '../util/atomic-write.js';
import type { ConformanceReport } from './report.js';
import { renderHtml } from './reporters/html.js';
import { renderJson } from './reporters/json.js';
import { renderJunit } from './reporters/junit.js';
import { renderText } from './reporters/text.js';

const REPORT_FORMATS = ['text', 'json', 'junit', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** File names inside the output directory. */
const REPORT_FILES: Readonly<Record<ReportFormat, string>> = Object.freeze({
  text: 'conformance-report.txt',
  json: 'conformance-report.json',
  junit: 'conformance-report.junit.xml',
  html: 'conformance-report.html',
});

const RENDER: Record<ReportFormat, (r: ConformanceReport) => string> = {
  text: (r) => renderText(r),
  json: renderJson,
  junit: renderJunit,
  html: renderHtml,
};

/** Parses `text,json,junit,html`; throws ERR_INVALID_OPTION naming the allowed formats. */
export function parseFormats(list: string): ReportFormat[] {
  const names = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = names.filter((n) => !(REPORT_FORMATS as readonly string[]).includes(n));
  if (bad.length > 0 || names.length === 0) {
    throw new InvalidOptionError(
      `--report: ${bad.length ? bad.map((b) => `"${b}"`).join(', ') : 'nothing'} is not a report format (allowed: ${REPORT_FORMATS.join(', ')}, comma-separated)`,
    );
  }
  return [...new Set(names)] as ReportFormat[];
}

/** Renders every format first, then writes each file atomically. Returns the paths written. */
export async function writeReports(
  report: ConformanceReport,
  formats: readonly ReportFormat[],
  dir: string,
): Promise<string[]> {
  const rendered = formats.map((f) => ({ path: join(dir, REPORT_FILES[f]), text: RENDER[f](report) }));
  await mkdir(dir, { recursive: true });
  for (const { path, text } of rendered) await writeAtomically(path, text);
  return rendered.map((r) => r.path);
}
