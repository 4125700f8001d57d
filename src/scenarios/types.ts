/**
 * The scenario's data: a parsed, checked scenario file (durations in ms, unscaled), and the
 * result of running one. Kept apart from the loader and the runner so reports and the CLI can
 * depend on the shapes alone.
 */
import type { Cause } from '../delivery/diagnose.js';
import type { Auth, DeliveryRecord } from '../delivery/types.js';
import type { TlsMode } from '../receiver/certs.js';
import type { FaultRule, ReceiverAuth } from '../receiver/types.js';
import type { Expect } from './file.generated.js';

/** The events to send, one line of `send:`. */
export interface SendSpec {
  /** An event type, or `all` for one of each in the page's order. */
  event: string;
  /** @default 1 */
  count: number;
  seed?: number;
  wrapped?: boolean;
}

/** How the bundled receiver behaves (it proxies to the target when there is one). */
export interface ReceiverSpec {
  faults: FaultRule[];
  tls?: TlsMode;
  auth?: ReceiverAuth;
}

/** Where deliveries go when not (only) to the bundled receiver. */
export type TargetSpec =
  /** A receiver's URL; replaced by the caller's `target`. */
  | { type: 'url'; url: string }
  /** A destination nothing answers at: a closed port, or a name that does not resolve. */
  | { type: 'unreachable'; reason: 'refused' | 'dns' };

/** The delivery policy a scenario pins; anything left out is the Console's default. */
export interface DeliveryPolicy {
  maxAttempts?: number;
  timeoutMs?: number;
  delaysMs?: number[];
  auth?: Auth;
  insecure?: boolean;
  concurrency?: number;
  /**
   * Whether the time scale shrinks the timeout too.
   * @default true (false for load scenarios: their work does not shrink with the scale)
   */
  scaleTimeout?: boolean;
  /** @default true (the bundled receiver listens on an ephemeral loopback port) */
  allowAnyPort: boolean;
}

/** Bounds in unscaled ms. */
export interface Bounds {
  minMs?: number;
  maxMs?: number;
}

/**
 * What must follow. Every field is optional; each present one is one expectation. As the file
 * writes it, but for durations, read into ms.
 */
export interface Expectations extends Omit<Expect, 'waits' | 'waitTolerance' | 'duration'> {
  /** `growing`, or the exact waits between attempts in unscaled ms. */
  waits?: 'growing' | number[];
  /** For an exact `waits` schedule: a fraction (0.1 = 10%) or an absolute ms tolerance. */
  waitTolerance?: { fraction: number } | { ms: number };
  duration?: Bounds;
}

export interface Scenario {
  version: 1;
  id: string;
  title: string;
  description: string;
  tags: string[];
  /** The smallest time scale the scenario keeps its meaning at; a smaller one is raised to it. */
  minTimeScale?: number;
  /** The file it came from, when it came from one. */
  file?: string;
  receiver?: ReceiverSpec;
  target?: TargetSpec;
  send: SendSpec[];
  delivery: DeliveryPolicy;
  expect: Expectations;
}

/** One line of `cswm scenario list`. */
export interface ScenarioInfo {
  id: string;
  title: string;
  tags: string[];
  file: string;
}

export type ExpectationKind =
  | 'attempts'
  | 'outcomes'
  | 'waits'
  | 'result'
  | 'error'
  | 'delivered'
  | 'failed'
  | 'duration'
  | 'received.deliveries'
  | 'received.duplicates'
  | 'received.uniqueEvents'
  | 'received.eventTypes'
  | 'received.valid';

export interface ExpectationResult {
  kind: ExpectationKind;
  passed: boolean;
  expected: unknown;
  actual: unknown;
  /** One sentence: what was expected and what happened. */
  message: string;
}

/** What the receiver recorded, in brief. */
export interface ReceivedSummary {
  deliveries: number;
  duplicates: number;
  uniqueEvents: number;
  duplicateEventIds: string[];
  eventTypes: string[];
  invalid: number;
}

/** The user's receiver, with the credentials and TLS settings its Console destination has. */
export interface ScenarioTarget {
  /** @example 'https://hooks.example.com/crowdsec' */
  url: string;
  /** Sent on every delivery that reaches it (through the proxy, or directly). */
  auth?: Auth;
  /** Its "disable SSL verification". @default false */
  insecure?: boolean;
  /** Extra trusted CA certificates (PEM), standing for public roots in local tests. */
  ca?: string | string[];
}

/** The delivery sent to the target before any scenario, and what came of it. */
export interface PreflightResult {
  /** The target answered 200 (and nothing in its body said it refused). */
  accepted: boolean;
  /** The attempt's outcome label: `delivered`, `status-401`, `tls-expired`, ... */
  outcome: string;
  /** Why it was not accepted, with the one fix. */
  cause?: Cause;
}

export interface ScenarioResult {
  id: string;
  title: string;
  passed: boolean;
  expectations: ExpectationResult[];
  deliveries: DeliveryRecord[];
  /** What the bundled receiver recorded; null when no bundled receiver ran. */
  received: ReceivedSummary | null;
  /** The error thrown before any attempt (a refused port), by code. */
  error?: { code: string; message: string };
  /** Where the deliveries went: the bundled receiver, a proxy in front of a URL, or the URL. */
  mode: 'receiver' | 'proxy' | 'direct';
  /** One sentence: what the deliveries met (the receiver's faults, the target). */
  setup: string;
  /** The time scale this scenario ran at (raised to its `minTimeScale` when the run's was smaller). */
  timeScale: number;
  /** Wall time of the whole run, in ms. */
  durationMs: number;
  /** The sum of the waits and timeouts the scenario had to sit through (scaled), in ms. */
  requiredWaitMs: number;
  /**
   * With a target: whether any of its deliveries reached the target. False when the outcome was
   * decided before it (the bundled receiver's faults, a TLS or port refusal, an unreachable host).
   */
  reachedTarget?: boolean;
}

/** The outcome of running several scenarios. */
export interface ScenarioRunSummary {
  /**
   * With a target: the preflight delivery. When it was not accepted, no scenario ran
   * (`results` is empty) and `cause` says why, with the fix.
   */
  preflight?: PreflightResult;
  results: ScenarioResult[];
  /** The time scale the run asked for (a scenario may have run at a larger one). */
  timeScale: number;
  total: number;
  passed: number;
  failed: number;
  /** Wall time of the whole run, in ms. */
  durationMs: number;
  /** The sum of every scenario's required waiting, in scaled ms. */
  requiredWaitMs: number;
}
