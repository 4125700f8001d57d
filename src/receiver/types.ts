/**
 * The mock receiver's data: behaviours as data (what to do), kept apart from the express
 * app that does it, so scenarios and reports can describe a fault without running it.
 */
import type { SenderProfile } from '../profile/types.js';
import type { DeliveryFacts, RecordedAnswer } from '../recording/format.js';
import type { TlsMode } from './certs.js';
import type { LearnOptions } from './learn.js';

/** One way of answering (or not answering) a delivery. */
export type Fault =
  /** Statuses by attempt order for the same event (or request order): `503,503,200`; the last repeats. */
  | { type: 'status'; statuses: number[]; location?: string }
  /** Wait, then answer with `status` (default 200). */
  | { type: 'delay'; delayMs: number; status?: number }
  /** Never answer; the socket stays open until the client gives up. */
  | { type: 'hang' }
  /** Read the request, then destroy the socket without a response. */
  | { type: 'reset' }
  /** Write bytes that are not HTTP, then close. */
  | { type: 'malformed' }
  /** Answer 200 with a large streamed body. */
  | { type: 'huge-body'; bytes: number }
  /** Record the delivery as processed, then destroy the socket before answering. */
  | { type: 'drop-response' };

export type FaultType = Fault['type'];

/** When a fault applies. With no match it applies to every delivery. */
export interface FaultRule {
  fault: Fault;
  /** Only requests to this path. */
  path?: string;
  /** Only events of this type. */
  eventType?: string;
  /** Only the first N matching requests; afterwards the reference behaviour (200). */
  times?: number;
}

export type ReceiverAuth =
  | { type: 'header'; name: string; value: string }
  | { type: 'basic'; username: string; password: string };

export interface ReceiverOptions {
  /** @default '127.0.0.1' */
  host?: string;
  /**
   * 0 picks a free port (read it back from `receiver.port`). The library defaults to 0 so tests
   * never collide; `cswm receive` defaults to 8080, a port the Console calls.
   * @default 0
   */
  port?: number;
  /** TLS off (default), a generated mode, or the user's certificate. */
  tls?: TlsMode | { certPem: string; keyPem: string };
  faults?: FaultRule[];
  auth?: ReceiverAuth;
  /** Status for missing or wrong credentials. @default 401 */
  authFailureStatus?: 401 | 403;
  /** Forward each delivery to this URL (after the fault, if any lets it through). */
  proxy?: { upstream: string; insecure?: boolean; ca?: string | string[] };
  /** Write CA files (public and private CA) to this directory when TLS is generated. */
  caDir?: string;
  /**
   * Keep at most this many recorded deliveries; the oldest are dropped (and counted on the
   * inbox page). @default 10000
   */
  maxRecords?: number;
  /**
   * Remember at most this many event_ids for duplicate marks and per-event status sequences;
   * the oldest are forgotten (a retry of a forgotten event is then not marked duplicate).
   * @default 100000
   */
  maxEventIds?: number;
  /**
   * How long close() lets in-flight requests finish before cutting their connections.
   * @default 10000
   */
  closeTimeoutMs?: number;
  /**
   * Append every delivery to this file as NDJSON (`cswm receive --record`): time, method, path,
   * headers with credentials redacted, the exact body (whole, up to the 16 MiB the receiver
   * accepts), the answer. `cswm send FILE` replays it byte for byte.
   * @example 'deliveries.ndjson'
   */
  recordPath?: string;
  /**
   * Learn the sender (`cswm receive --learn`): answer new events with failures to draw out its
   * retries, timeout and redirect handling, and measure it; read the result with `profile()`.
   * Excludes `faults` and `proxy`.
   * @example { probes: ['retry', 'timeout', 'redirect'], timeScale: 0.1 }
   */
  learn?: boolean | LearnOptions;
  /** The inbox's re-send (`POST /_cswm/resend`) may target any port, not only the Console's. @default false */
  allowAnyPort?: boolean;
}

/** What the receiver did with one request. */
export type ReceiverResponse = RecordedAnswer<FaultType>;

/** One delivery as the receiver recorded it. */
export interface RecordedDelivery extends DeliveryFacts {
  /** The body as text (capped at 1 MiB). */
  body: string;
  /** Size of the body as received, in bytes (past the caps too). */
  bodyBytes: number;
  /** Parsed JSON, or undefined when the body is not JSON. */
  payload?: unknown;
  errors: { path: string; rule: string; message: string }[];
  response: ReceiverResponse;
  /** True when `body` was cut at 1 MiB. */
  bodyTruncated?: boolean;
  /**
   * True when the bytes received are not valid UTF-8: `body` holds them decoded with
   * replacement characters, so it is not what was sent (a recording file keeps the bytes).
   */
  bodyNotUtf8?: boolean;
}

export interface Receiver {
  /** Base URL, e.g. `http://127.0.0.1:43123`. */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** Generated TLS material (CA certificates to trust), when TLS is generated. */
  readonly tls?: {
    mode: TlsMode;
    publicCaPem: string;
    privateCaPem: string;
    caFiles?: { public: string; private: string };
  };
  /** Every recorded delivery, oldest first (a copy). */
  deliveries(): RecordedDelivery[];
  /** Forgets every recorded delivery and seen event_id. */
  clear(): void;
  /** Changes behaviour while running. */
  setFaults(rules: FaultRule[]): void;
  /** Calls `listener` for each new recorded delivery; returns an unsubscribe function. */
  onDelivery(listener: (delivery: RecordedDelivery) => void): () => void;
  /** Resolves when at least `count` deliveries are recorded, rejects after `timeoutMs`. */
  waitForDeliveries(count: number, timeoutMs?: number): Promise<RecordedDelivery[]>;
  /** Learn mode: the sender's profile as it stands now; null when not learning. */
  profile(): SenderProfile | null;
  /** Learn mode: calls `listener` after each new measurement; returns an unsubscribe function. */
  onProfileChange(listener: () => void): () => void;
  /** Stops listening; in-flight requests finish first (hanging ones are cut). */
  close(): Promise<void>;
}
