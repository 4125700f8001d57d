/**
 * Writes report files atomically: each goes to a temporary file beside its destination and is
 * renamed into place, so a reader (or a crash) never sees half a report.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomically } from '../util/atomic-write.js';
import type { ConformanceReport } from './report.js';
import { renderHtml } from './reporters/html.js';
import { renderJson } from './reporters/json.js';
import { renderJunit } from './reporters/junit.js';
import { renderText } from './reporters/text.js';

export const REPORT_FORMATS = ['text', 'json', 'junit', 'html'] as const;
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
