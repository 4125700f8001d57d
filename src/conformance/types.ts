/**
 * The conformance suite's data: a check is a named property with a severity, a probe plan
 * (what to send) and a pure evaluation over what was recorded. The runner does the I/O; checks
 * never touch a socket, so every verdict can be tested from recorded exchanges alone.
 */
import type { Cause } from '../delivery/diagnose.js';
import type { Auth, CertificateInfo, DeliveryRecord } from '../delivery/types.js';
import type { CheckId } from './check-options.js';

export type { Cause, CertificateInfo };

/** How much a failure matters; weights the score (critical 10, high 5, medium 2, low 1). */
export type Severity = 'critical' | 'high' | 'medium' | 'low';

/** Which credentials a probe carries. `configured`: the user's (or none when none are set). */
export type ProbeAuth = 'configured' | 'none' | 'wrong';

/** One request to send, as a single recorded attempt. */
export interface Probe {
  /** Short label shown in reports, e.g. `alert_triggered (documented example)`. */
  label: string;
  /** The JSON body to POST, or a function that builds it when the probe is sent (large bodies are then built one at a time, and not at all when a sequence stops early). */
  payload: unknown;
  /** @default 'configured' */
  auth?: ProbeAuth;
  /** Verify TLS even when the user passed --insecure (the TLS check asks what the Console sees). */
  verifyTls?: boolean;
}

/** What a check wants sent, as data. */
export type ProbePlan =
  /** Nothing to send: the evaluation reads the target (transport checks) or other checks' exchanges. */
  | { type: 'none' }
  /** The check does not apply here, with the reason. */
  | { type: 'skip'; reason: string }
  /** Independent probes, sent alongside the other checks' probes. */
  | { type: 'parallel'; probes: Probe[] }
  /**
   * Probes sent one after the other (a redelivery must follow its first delivery). With
   * `stopAtFirstFailure`, the probes after the first one not answered 200 are not sent (the
   * ascending sizes of payload.large stop at the first refusal). With `lastFirst`, the last
   * probe goes first, and when it is accepted the others are not sent at all (a receiver that
   * takes the largest body takes the smaller ones: one probe instead of the whole walk).
   */
  | {
      type: 'sequential';
      probes: Probe[];
      observe?: boolean;
      stopAtFirstFailure?: boolean;
      lastFirst?: boolean;
    }
  /** Probes sent all at once, after every other probe, so nothing else competes with them. */
  | { type: 'burst'; probes: Probe[] };

/**
 * How a probe was sent: `baseline` is the run's first delivery, alone; `single` any probe sent
 * alongside others in the bounded pool; `burst` the concurrent probes sent last.
 */
export type ProbePhase = 'baseline' | 'single' | 'burst';

/** One probe as it happened. */
export interface Exchange {
  checkId: string;
  phase: ProbePhase;
  /** Index of the probe within its check's plan. */
  index: number;
  label: string;
  auth: ProbeAuth;
  eventType: string | null;
  eventId: string | null;
  form: 'wrapped' | 'flat' | null;
  /** Start of the probe in ms from the start of the run. */
  startMs: number;
  /** The delivery engine's record: exactly one attempt, headers redacted. */
  record: DeliveryRecord;
}

/** What the user's observer said after a sequential plan with `observe`. */
export type Observation =
  | { type: 'none' }
  | { type: 'count'; eventId: string; count: number }
  | { type: 'error'; eventId: string; message: string };

/** What a check knows about the target without sending anything. */
export interface TargetInfo {
  /** Redacted URL. */
  url: string;
  protocol: 'http' | 'https';
  host: string;
  port: number;
  portAllowed: boolean;
  /** The run started the bundled reference receiver itself (no --url). */
  embedded: boolean;
  /** Why the port check does not apply (the embedded receiver fell back to an ephemeral port). */
  portSkipReason?: string;
  /**
   * The host's addresses as looked up when the run started; absent for an address literal,
   * the embedded receiver, or a name that did not resolve (the delivery checks report that).
   */
  addresses?: string[];
  auth: Auth['type'] | 'none';
  insecure: boolean;
  /** The run was declared local (`allowAnyPort`): the transport findings are warnings. */
  localRun: boolean;
  /** The certificate the host presented (https only; absent when no handshake completed). */
  certificate?: CertificateInfo;
  /** The timeout of one attempt after time scaling, in ms. */
  timeoutMs: number;
  /** The timeout of one attempt before time scaling (the Console's: 30 s), in ms. */
  consoleTimeoutMs: number;
  timeScale: number;
  hasObserver: boolean;
  /** Set for evaluation once the baseline was accepted (see DiagnosisContext.plainAccepted). */
  plainAccepted?: boolean;
}

/** What a check's planner may use. */
export interface PlanContext {
  target: TargetInfo;
  /** A fresh, unique event id (hex, 32 characters) for each call. */
  newEventId(): string;
}

/** What an evaluation sees: its own exchanges, every exchange of the run, and the target. */
export interface EvalContext {
  target: TargetInfo;
  exchanges: readonly Exchange[];
  all: readonly Exchange[];
  observation: Observation;
  /** The run's first delivery (a plain documented alert_triggered, configured credentials and TLS). */
  baseline: Exchange | null;
}

/** What a probe showed, in words: the material of a failure message and of the HTML details. */
export interface Evidence {
  /** Which probe (its label). */
  probe: string;
  /** True when this probe behaved as the check expects. */
  ok: boolean;
  sent: string;
  received: string;
  expected: string;
  /** What the real Console would do next. */
  consoleNext: string;
}

type Judged = { summary: string; evidence: Evidence[]; metrics?: Record<string, number> };

export type CheckOutcome =
  | ({ result: 'pass' } & Judged)
  /** A failure, with its cause (the runner derives one from the evidence when a check gives none). */
  | ({ result: 'fail'; cause?: Cause } & Judged)
  /** A finding the run declared acceptable (a local port, disabled verification): never blocks. */
  | ({ result: 'warn'; cause?: Cause } & Judged)
  | { result: 'skip'; reason: string };

/**
 * What a check needs from the baseline to be judged at all; without it the check is `blocked`
 * by the baseline's cause, its probes are not sent, and it earns nothing:
 * - `nothing`: judged from the target or its own probes whatever happened (transport, TLS, accepts);
 * - `processing`: the receiver must process requests (answer 2xx or 3xx, not refuse the
 *   credentials, not time out), or its answers say nothing (auth, response time);
 * - `acceptance`: the baseline must be delivered (200 that is not a refusal in words);
 * - `auth-verdict`: the baseline must say whether credentials are needed: accepted, or refused
 *   with 401/403 (a 204 is the baseline's own failure, and repeating it as "accepted without
 *   credentials" would fan one cause out into two).
 */
export type BaselineNeed = 'nothing' | 'processing' | 'acceptance' | 'auth-verdict';

/**
 * A named property of a receiver, with its severity, its plan and its pure evaluation. A check
 * that takes options (`O`) finds their defaults in CHECK_OPTION_DEFAULTS, by its id.
 */
export interface Check<O extends object = object> {
  /** Stable id `area.property` (never renamed: CI filters and reports key on it). */
  id: CheckId | `delivery.accepts.${string}`;
  title: string;
  severity: Severity;
  /** Why it matters with the real Console, one sentence. */
  rationale: string;
  /** @default 'nothing' */
  needs?: BaselineNeed;
  plan(ctx: PlanContext, options: O): ProbePlan;
  evaluate(ctx: EvalContext, options: O): CheckOutcome;
}

/** The area of a check id: `delivery` for `delivery.accepts.alert_triggered`. */
export function areaOf(id: string): string {
  return id.split('.')[0] ?? id;
}
