/**
 * The recorded-deliveries format: one JSON object per line (NDJSON), written by
 * `cswm receive --record FILE` and by the inbox's `GET /_cswm/deliveries?format=ndjson`, read
 * back by `cswm send FILE` to replay the bodies byte for byte. Pure: no files, no sockets. The
 * receiver writes it and the delivery engine reads it, so it belongs to neither.
 */
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';

/** The first field of every line: what `cswm send` recognises a recording by. */
export const RECORDING_FORMAT = 'cswm-recorded-delivery/1';

/**
 * What the receiver answered. A recording keeps any fault name (`F`: a file may come from
 * another version); the receiver's own answers name its faults (ReceiverResponse).
 */
export type RecordedAnswer<F extends string = string> =
  | { type: 'status'; status: number }
  | { type: 'fault'; fault: F }
  | { type: 'proxied'; status: number }
  | { type: 'unauthorized'; status: number };

/** The facts of one delivery: a recording's line holds them, and so does a RecordedDelivery. */
export interface DeliveryFacts {
  /** 1-based order of arrival at the receiver. */
  seq: number;
  /** When the request arrived (ISO 8601, ms). A replay that keeps the timing keeps the gaps between these. */
  receivedAt: string;
  method: string;
  path: string;
  /** Request headers with every credential redacted (a replay sends its own auth instead). */
  headers: Record<string, string>;
  eventType: string | null;
  eventId: string | null;
  /** `wrapped` or `flat` (blocking_safe_ip may come either way); null when not recognised. */
  form: 'wrapped' | 'flat' | null;
  valid: boolean;
  /** True when this event_id had been recorded before (whatever the earlier answer was). */
  duplicate: boolean;
  /** Authorised (or no auth configured). */
  authorized: boolean;
  /** The answer the receiver gave. */
  response: RecordedAnswer;
  /** Proxy mode: the upstream's status (also when the sender's response was dropped). */
  upstreamStatus?: number;
}

/** One recorded delivery, as one line of a recording. */
export interface RecordingLine extends DeliveryFacts {
  format: typeof RECORDING_FORMAT;
  /** The exact body, when it is UTF-8 text (JSON always is). */
  body?: string;
  /** The exact body as base64, when it is not UTF-8 (then `body` is absent). */
  bodyBase64?: string;
  /** Size of the body as received, in bytes. */
  bodyBytes: number;
  /** SHA-256 of the exact body (hex): what a replay checks before sending. */
  bodySha256: string;
  /**
   * True when the body kept here is not exactly the body received (cut at the receiver's limit,
   * or bytes that were not UTF-8 exported from the inbox's text): not replayable.
   */
  bodyTruncated?: true;
}

/**
 * One line of a recording, newline included. `body` is the bytes kept; `complete` is false
 * when they are not exactly the body received (only its start, or text decoded from bytes that
 * were not UTF-8): then the line says so and a replay refuses it.
 *
 * @example recordingLine(delivery, Buffer.from('{"a":1}'), true) // '{"format":"cswm-recorded-delivery/1",...}\n'
 */
export function recordingLine(
  facts: DeliveryFacts,
  body: Buffer,
  complete: boolean,
  totalBytes?: number,
): string {
  const text = isUtf8(body) ? body.toString('utf8') : undefined;
  const line: RecordingLine = {
    format: RECORDING_FORMAT,
    seq: facts.seq,
    receivedAt: facts.receivedAt,
    method: facts.method,
    path: facts.path,
    headers: facts.headers,
    ...(text !== undefined ? { body: text } : { bodyBase64: body.toString('base64') }),
    bodyBytes: totalBytes ?? body.length,
    bodySha256: sha256(body),
    ...(complete ? {} : { bodyTruncated: true as const }),
    eventType: facts.eventType,
    eventId: facts.eventId,
    form: facts.form,
    valid: facts.valid,
    duplicate: facts.duplicate,
    authorized: facts.authorized,
    response: facts.response,
    ...(facts.upstreamStatus !== undefined ? { upstreamStatus: facts.upstreamStatus } : {}),
  };
  return `${JSON.stringify(line)}\n`;
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** True when a parsed line (or a file's first line) is a recorded delivery. */
export function isRecordingLine(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && (value as { format?: unknown }).format === RECORDING_FORMAT
  );
}

/** A line's exact body, ready to send again. */
export interface ReplayBody {
  bytes: Buffer;
  /** Milliseconds since the epoch when it was received. */
  receivedAtMs: number;
  eventId: string | null;
  eventType: string | null;
}

/**
 * Checks one parsed line of a recording and returns its exact body, or why it cannot be
 * replayed (a sentence naming the field). The SHA-256 is checked, so an edited body is caught.
 */
export function replayBodyOf(value: unknown): ReplayBody | string {
  if (!isRecordingLine(value))
    return `is not a recorded delivery (its "format" is not "${RECORDING_FORMAT}")`;
  const line = value as Partial<RecordingLine>;
  if (line.bodyTruncated) {
    return `does not hold the exact body (${line.bodyBytes ?? '?'} bytes were received, kept only in part or as text), so it cannot be replayed exactly; record with cswm receive --record to keep exact bodies`;
  }
  let bytes: Buffer;
  if (typeof line.body === 'string') bytes = Buffer.from(line.body, 'utf8');
  else if (typeof line.bodyBase64 === 'string') bytes = Buffer.from(line.bodyBase64, 'base64');
  else return 'has neither "body" nor "bodyBase64"';
  if (typeof line.bodySha256 === 'string' && sha256(bytes) !== line.bodySha256) {
    return 'has a body that does not match its "bodySha256" (was it edited?); fix the body or remove bodySha256';
  }
  const receivedAtMs = Date.parse(String(line.receivedAt));
  if (!Number.isFinite(receivedAtMs))
    return `has a "receivedAt" that is not a time (${String(line.receivedAt).slice(0, 40)})`;
  return {
    bytes,
    receivedAtMs,
    eventId: typeof line.eventId === 'string' ? line.eventId : null,
    eventType: typeof line.eventType === 'string' ? line.eventType : null,
  };
}
