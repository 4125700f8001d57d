import type { ConformanceReport } from '../report.js';

/** The report as JSON (schemas/report.schema.json), ending with a newline. */
export function renderJson(report: ConformanceReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
