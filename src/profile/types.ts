/**
 * A sender profile: how a webhook sender (the real Console, or any other) behaves, measured by
 * `cswm receive --learn`. The JSON shape is published as schemas/sender-profile.schema.json;
 * `cswm send`, `cswm check` and `cswm scenario run` take one with `--profile FILE` in place of
 * the emitter's assumed defaults.
 */

/** The shape's version: fields are only added; a breaking change bumps it. */
export const PROFILE_VERSION = 1;

/**
 * How the learner answers new events, one kind per new event, in order: `retry` answers 503
 * to every attempt (the waits and the attempt count), `timeout` never answers the first
 * attempt (how long the sender waits), `redirect` answers the first attempt 302 (whether the
 * sender follows it), `accept` answers 200 (an event only observed: e.g. a first one while a
 * freshly started sender warms up).
 */
export const PROBES = ['retry', 'timeout', 'redirect', 'accept'] as const;
/** @example const probes: Probe[] = ['accept', 'retry', 'retry', 'timeout'] */
export type Probe = (typeof PROBES)[number];

/** @default ['retry', 'timeout', 'redirect'] */
export const DEFAULT_PROBES: readonly Probe[] = ['retry', 'timeout', 'redirect'];

/** One event's attempts as the receiver saw them. */
export interface EventWaits {
  /** The event's `event_id`, or `sha256:<16 hex>` of its body when it has none. */
  key: string;
  eventType: string | null;
  /** The failure its attempts were answered with (`none`: answered 200). */
  probe: Probe | 'none';
  attempts: number;
  /**
   * Waits before attempts 2..n, in ms (divided by the time scale): from the end of the previous
   * exchange (the answer sent, or the sender closing the connection) to the next arrival.
   */
  waitsMs: number[];
  /** The answer each attempt got: `status-503`, `hang`, `status-302`, `status-200`, ... */
  answers: string[];
  /**
   * True when no further attempt is expected: the last answer was 200, or the sender has been
   * quiet for more than twice its longest wait (or twice the profile's, or 60 s).
   */
  settled: boolean;
}

/** How a body is written (src/profile/body-form.ts reads these from its text). */
export interface BodyFacts {
  /** `wrapped` in `{metadata, details}`, `flat`, or null when not an event object. */
  form: 'wrapped' | 'flat' | null;
  /** Top-level keys in the order sent. */
  keys: string[];
  /** Keys of `details` in the order sent (wrapped bodies). */
  detailsKeys: string[];
  /** No whitespace outside strings (a trailing newline aside). */
  compact: boolean;
  /** The body is exactly what JSON.stringify writes for it (same escapes, same spacing). */
  sameAsJsonStringify: boolean;
  trailingNewline: boolean;
}

/** How the sender writes one event type's body. */
export interface BodyForm extends BodyFacts {
  /** Deliveries of this type seen. */
  count: number;
}

/**
 * @example
 * const profile = receiver.profile(); // learn mode
 * profile?.waitsMs.summary; // [2003, 4001, 8004, 16002]
 * profile?.differences; // ['waits 2s, 4s, 8s, 16s between attempts (the emitter: ...)']
 */
export interface SenderProfile {
  /** Where the shape is described (relative to a profile kept in the package's folder). */
  $schema?: string;
  profileVersion: typeof PROFILE_VERSION;
  tool: { name: 'crowdsec-webhook-mock'; version: string };
  /** When this profile was derived (ISO 8601). */
  updatedAt: string;
  /** The measurements were divided by this (the sender ran at this time scale). */
  timeScale: number;
  /** Requests seen (redirect follow-ups included). */
  deliveries: number;
  /** Distinct events seen. */
  events: number;
  waitsMs: {
    /**
     * The waits before attempts 2, 3, ...: at each position the median over events whose
     * previous attempt was answered at once (a status), in ms. What `--profile` sends with.
     */
    summary: number[];
    /**
     * How much the waits vary, as a fraction: twice the median relative deviation of each
     * position's samples from its median (about the ± of a uniform jitter); null when no
     * position has 2 samples.
     */
    jitter: number | null;
    perEvent: EventWaits[];
  };
  /** Attempts per event, when an event was answered failures to the end (the `retry` probe). */
  maxAttempts: number | null;
  /** How long the sender waited for an answer before closing the connection (median), in ms. */
  timeoutMs: number | null;
  timeoutSamplesMs: number[];
  /** Set when the learner answered a hanging request before the sender gave up: it waits longer than this. */
  timeoutLongerThanMs: number | null;
  userAgent: string | null;
  /**
   * Headers every delivery carried with the same value, lower-case names, transport headers
   * (Host, Content-Length, Connection, ...) and credentials left out. What `--profile` sends.
   */
  headers: Record<string, string>;
  /** Every header name seen, as written, in the order first sent. */
  headerNames: string[];
  /** Headers whose value changed between deliveries, or that only some carried. */
  varyingHeaders: string[];
  /** Headers that carried credentials (values never kept). */
  credentialHeaders: string[];
  /**
   * The body form in a few words, e.g. `wrapped (blocking_safe_ip: flat); compact JSON`; null
   * before any body was seen. The details by event type are in `bodyForms`.
   */
  form: string | null;
  /** How bodies are written, by event type (`(not an event)` for bodies that are not one). */
  bodyForms: Record<string, BodyForm>;
  redirects: {
    /** True when a 302 was followed, false when the sender retried instead, null until seen. */
    followed: boolean | null;
    /** The method of the followed request. */
    method: string | null;
  };
  /** Connections that carried deliveries open at once, at most. */
  maxConcurrentConnections: number;
  /** Requests in flight at once, at most. */
  maxConcurrentRequests: number;
  /** HTTP versions seen (`1.1`, `1.0`). */
  httpVersions: string[];
  /** Where the sender differs from the emitter's defaults, one sentence each. */
  differences: string[];
}
