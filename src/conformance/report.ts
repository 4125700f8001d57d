/**
 * The report: one stable, documented shape (schemas/report.schema.json) that every reporter
 * renders and that the library returns. Built from plain data only; secrets were scrubbed by
 * the runner before anything lands here.
 */
import type { CheckResultType } from './score.js';
import type { Evidence, ProbeAuth, Severity } from './types.js';

/** Version of this shape; bumped only on a breaking change. */
export const REPORT_VERSION = 1;

/** One probe as the reports show it (timelines, evidence tables). */
export interface ProbeReport {
  label: string;
  auth: ProbeAuth;
  eventType: string | null;
  eventId: string | null;
  /** Start, in ms from the start of the run. */
  startMs: number;
  durationMs: number;
  /** The outcome label: `delivered`, `status-204`, `timeout`, `tls-self-signed`, ... */
  outcome: string;
  status?: number;
  errorCode?: string;
  /** True when this probe behaved as its check expects (a 401 is right for an auth probe). */
  ok: boolean;
  bodyBytes: number;
  /** Request headers as sent, credentials redacted. */
  requestHeaders: Record<string, string>;
}

export interface CheckReport {
  id: string;
  title: string;
  severity: Severity;
  /** The part of the id before the first dot. */
  area: string;
  result: CheckResultType;
  /** One line: what happened (for a skip, the reason). */
  summary: string;
  /** Why it matters with the real Console. */
  rationale: string;
  evidence: Evidence[];
  probes: ProbeReport[];
  timings: { durationMs: number; probes: number };
  metrics?: Record<string, number>;
}

export interface ConformanceReport {
  reportVersion: typeof REPORT_VERSION;
  tool: { name: string; version: string };
  target: {
    /** Credentials redacted. */
    url: string;
    embedded: boolean;
    auth: 'none' | 'header' | 'bearer' | 'basic';
    insecure: boolean;
    /** Timeout of one attempt after time scaling. */
    timeoutMs: number;
    timeScale: number;
  };
  startedAt: string;
  durationMs: number;
  score: number;
  verdict: 'ready' | 'not-ready';
  verdictText: string;
  /** Failed critical and high checks. */
  blocking: string[];
  counts: { checks: number; passed: number; failed: number; skipped: number; probes: number };
  checks: CheckReport[];
}
