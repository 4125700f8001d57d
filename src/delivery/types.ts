/**
 * The delivery engine's data: options in, records out. Kept apart from the code that sends,
 * so scenarios, conformance checks and reports can depend on the shapes alone.
 */

/** How the Console authenticates to the destination, as configured on the webhook. */
export type Auth =
  /** Any header with any value (the Console's "Bearer (HTTP Header)" method). */
  | { type: 'header'; name: string; value: string }
  /** Shorthand for `Authorization: Bearer <token>`. */
  | { type: 'bearer'; token: string }
  /** HTTP Basic with a user and a password. */
  | { type: 'basic'; username: string; password: string };

/** Why a TLS handshake failed, in words a receiver's author knows. */
export type TlsReason = 'self-signed' | 'expired' | 'hostname-mismatch' | 'unknown-ca' | 'other';

/** The class of one attempt's outcome. Success is `delivered`, on status 200 exactly. */
export type Outcome =
  | { type: 'delivered'; status: 200 }
  | { type: 'status'; status: number }
  | { type: 'timeout' }
  | { type: 'dns' }
  | { type: 'refused' }
  | { type: 'reset' }
  | { type: 'tls'; reason: TlsReason }
  | { type: 'protocol' }
  /** Any other network error (kept with its code so nothing is hidden). */
  | { type: 'network'; code: string };

export type OutcomeType = Outcome['type'];

/** One POST and what came of it. */
export interface AttemptRecord {
  /** 1-based attempt number. */
  attempt: number;
  /** Start of this attempt, in ms from the start of the delivery (scaled time, as measured). */
  startOffsetMs: number;
  /** Wall time the attempt took, in ms. */
  durationMs: number;
  /** Planned wait before this attempt, in ms (0 for the first). */
  waitBeforeMs: number;
  outcome: Outcome;
  /** Short label: `delivered`, `status-503`, `timeout`, `tls-self-signed`, ... (see outcomeLabel). */
  label: string;
  /** HTTP status when a response arrived. */
  status?: number;
  /** The transport's error code (`ECONNREFUSED`, `ETIMEDOUT`, `DEPTH_ZERO_SELF_SIGNED_CERT`, ...). */
  errorCode?: string;
  /** The first bytes of the response body (at most 512 characters, secrets scrubbed). */
  responseSnippet?: string;
  /** Response headers (a few, redacted), for evidence. */
  responseHeaders?: Record<string, string>;
}

/** The final state of one event's delivery. */
export type DeliveryResult = 'delivered' | 'failed' | 'interrupted';

export interface DeliveryRecord {
  /** `details.event_id` (or top-level `event_id` for the flat form); null when the body has none. */
  eventId: string | null;
  eventType: string | null;
  /** The destination, credentials redacted. */
  url: string;
  result: DeliveryResult;
  attempts: AttemptRecord[];
  /** ISO time the first attempt started. */
  startedAt: string;
  /** Total wall time, waits included, in ms. */
  durationMs: number;
  /** Request headers as sent, auth redacted. */
  requestHeaders: Record<string, string>;
  /** Size of the body sent, in bytes. */
  bodyBytes: number;
}

/** Waits between attempts. `delaysMs` wins when given; otherwise base * factor^(n-1), capped. */
export interface BackoffOptions {
  /**
   * Explicit waits before attempts 2, 3, ...; the last repeats if there are more attempts.
   * Without it, the waits are baseMs * factor^(n-1) (1 s, 2 s, 4 s, 8 s by default).
   */
  delaysMs?: number[];
  /** @default 1000 */
  baseMs?: number;
  /** @default 2 */
  factor?: number;
  /** @default 60000 */
  maxMs?: number;
  /** Random spread as a fraction of each wait (0.2 = +/-20%). The Console's is unknown. @default 0 */
  jitter?: number;
}

export interface DeliveryOptions {
  /** Destination URL (http or https). */
  url: string;
  auth?: Auth;
  /** Skip TLS verification, the Console's "disable SSL verification". @default false */
  insecure?: boolean;
  /** Extra trusted CA certificates (PEM), standing for public roots in local tests. */
  ca?: string | string[];
  /**
   * Headers sent with every attempt in place of the defaults (`Content-Type: application/json`
   * and this project's `User-Agent`), e.g. a learned sender profile's. A name left out is not
   * sent at all. `auth` is still added on top. Host, Content-Length, Transfer-Encoding and
   * Connection are the transport's and are refused here.
   * @default { 'content-type': 'application/json', 'user-agent': USER_AGENT }
   * @example { 'content-type': 'application/json', 'user-agent': 'Go-http-client/1.1', 'accept-encoding': 'gzip' }
   */
  headers?: Record<string, string>;
  /** Whole-exchange timeout of one attempt, before scaling. @default 30000 */
  timeoutMs?: number;
  /** Attempts in all. @default 5 */
  maxAttempts?: number;
  backoff?: BackoffOptions;
  /** Multiplies every wait and the timeout (0.01 runs a 5-attempt schedule in ~150 ms). @default 1 */
  timeScale?: number;
  /** Allow ports other than 80, 8080, 443, 8443 (local tests only). @default false */
  allowAnyPort?: boolean;
  /** Response bytes read at most; the attempt stops reading there (a short snippet is kept). @default 65536 */
  maxResponseBytes?: number;
  /** Stops new attempts; an attempt in flight is aborted and the delivery is `interrupted`. */
  signal?: AbortSignal;
  /** Called after every attempt, before the next wait. */
  onAttempt?: (
    attempt: AttemptRecord,
    delivery: { eventId: string | null; eventType: string | null },
  ) => void;
  /** Injected clock (ms). @default performance.now */
  now?: () => number;
  /** Injected sleep, for fake timers. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface SendManyOptions extends DeliveryOptions {
  /** Deliveries in flight at once. @default 10 */
  concurrency?: number;
  /** Deliveries started per second at most. @default unlimited */
  ratePerSecond?: number;
  /** Append NDJSON for every attempt and every final outcome to this file. */
  journalPath?: string;
  /** Keep every DeliveryRecord in the summary (memory grows with the count). @default true */
  keepRecords?: boolean;
  /** Called when each delivery ends. */
  onDelivery?: (record: DeliveryRecord) => void;
  /**
   * How many events the source holds, when known. On abort, the events not yet taken count as
   * interrupted; without `total` the rest of the source is read (not sent) to count them.
   */
  total?: number;
}

export interface SendSummary {
  sent: number;
  delivered: number;
  failed: number;
  interrupted: number;
  attempts: number;
  durationMs: number;
  /** Every delivery, when `keepRecords` is on. */
  deliveries: DeliveryRecord[];
}

/** The certificate a TLS host presented, read with verification off, for advice. */
export interface CertificateInfo {
  /** The subject's common name (or the whole subject when it has none). */
  subject: string;
  /** The names it is valid for: DNS and IP subject alternative names (the CN when it has none). */
  names: string[];
  /** The issuer's common name (or the whole issuer). */
  issuer: string;
  /** ISO dates. */
  validFrom: string;
  validTo: string;
  /** Subject and issuer are the same certificate. */
  selfSigned: boolean;
  /** How many certificates the host sent (1: the leaf alone, no intermediates). */
  chainLength: number;
  /** Why verification (with the run's trusted CAs) fails, as OpenSSL says it; absent when it passes. */
  verifyError?: string;
}
