/**
 * The report: one stable, documented shape (schemas/report.schema.json) that every reporter
 * renders and that the library returns. Built from plain data only; secrets were scrubbed by
 * the runner before anything lands here.
 */
import type { CheckResultType } from './score.js';
import type { CertificateInfo, Evidence, ProbeAuth, Severity } from './types.js';

/**
 * Version of this shape; bumped only on a breaking change (2: results `warn` and `blocked`,
 * which a consumer switching on 1's three results would not know).
 */
export const REPORT_VERSION = 2;

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
  /** One line: what happened (for a skip, the reason; for a blocked check, `not judged: <cause>`). */
  summary: string;
  /** The fix, chosen from the evidence (failed and warned checks). */
  advice?: string;
  /** The id of the root cause in `rootCauses` that explains this failure. */
  cause?: string;
  /** The id of the root cause that kept this check from being judged (blocked checks). */
  blockedBy?: string;
  /** Why it matters with the real Console. */
  rationale: string;
  evidence: Evidence[];
  probes: ProbeReport[];
  timings: { durationMs: number; probes: number };
  metrics?: Record<string, number>;
}

/** One cause, named once, with the one fix and every check it explains (failed or blocked). */
export interface RootCause {
  /** Stable id: `answers-204`, `credentials-refused`, `tls-expired`, `body-limit`, ... */
  id: string;
  summary: string;
  advice: string;
  /** What the real Console does about it. */
  consequence: string;
  /** True when the run's baseline delivery showed it (then it is first). */
  baseline: boolean;
  /** The failed checks it explains, then the blocked ones. */
  checks: string[];
  /** How many of `checks` failed, and how many were blocked. */
  failed: number;
  blocked: number;
}

/** The run's first delivery: a plain documented alert_triggered with the configured settings. */
export interface BaselineReport {
  probe: ProbeReport;
  /** What was sent and what came back, in words. */
  evidence: Evidence;
  /** The Console would count it delivered and its body did not say otherwise. */
  accepted: boolean;
  /** The root cause it showed, when not accepted. */
  cause?: string;
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
    /** Timeout of one attempt before scaling: the Console's figure (30000). */
    consoleTimeoutMs: number;
    timeScale: number;
    /** The run declared itself local (allowAnyPort): transport findings are warnings. */
    localRun: boolean;
    /** The certificate the host presented (https, when a handshake completed). */
    certificate?: CertificateInfo;
  };
  startedAt: string;
  durationMs: number;
  score: number;
  verdict: 'ready' | 'not-ready';
  verdictText: string;
  /** Failed or blocked critical and high checks. */
  blocking: string[];
  counts: {
    checks: number;
    passed: number;
    failed: number;
    warned: number;
    blocked: number;
    skipped: number;
    probes: number;
  };
  /** Absent when no selected check needed a delivery. */
  baseline?: BaselineReport;
  /** Each cause of a failure or a blocked check, once: the baseline's first, then by weight. */
  rootCauses: RootCause[];
  checks: CheckReport[];
}
