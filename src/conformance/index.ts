/** The conformance suite, as `cswm check` loads it: running it and writing its reports. */
export type { ConformanceOptions } from './options.js';
export type { ConformanceReport } from './report.js';
export { renderHtml } from './reporters/html.js';
export { renderJson } from './reporters/json.js';
export { renderText } from './reporters/text.js';
export { runConformance } from './runner.js';
export { REPORT_FORMATS, type ReportFormat, writeReports } from './write.js';
