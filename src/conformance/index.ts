/** The conformance suite: its public names. */
export { ACCEPTS_CHECKS, acceptsCheck } from './checks/delivery.accepts.js';
export { RESPONSE_TIME_DEFAULTS, type ResponseTimeOptions } from './checks/delivery.response-time.js';
export { BURST_DEFAULTS, type BurstOptions } from './checks/load.burst.js';
export { LARGE_DEFAULTS, type LargeOptions } from './checks/payload.large.js';
export { privateHostReason } from './checks/transport.public-address.js';
export { CONFORMANCE_DEFAULTS, type ConformanceOptions } from './options.js';
export { ALL_CHECKS, CHECKS, matches, selectChecks } from './registry.js';
export type { CheckReport, ConformanceReport, ProbeReport } from './report.js';
export { REPORT_VERSION } from './report.js';
export { renderHtml } from './reporters/html.js';
export { renderJson } from './reporters/json.js';
export { escapeXml, renderJunit } from './reporters/junit.js';
export { renderText, type TextOptions } from './reporters/text.js';
export { runConformance } from './runner.js';
export { computeScore, type Score, SEVERITY_WEIGHTS, verdictText } from './score.js';
export type { Check, CheckOutcome, Evidence, Exchange, Probe, ProbePlan, Severity } from './types.js';
export { parseFormats, REPORT_FILES, REPORT_FORMATS, type ReportFormat, writeReports } from './write.js';
