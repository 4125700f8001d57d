/**
 * The shared live state of one running receiver: the recorder, the current fault rules, auth,
 * the optional upstream, and what must be cut or hurried along when it shuts down.
 */
import type { IncomingMessage } from 'node:http';
import type { AuthCheck } from './auth.js';
import type { RuleState } from './faults.js';
import type { Learner } from './learn.js';
import type { Forwarder } from './proxy.js';
import type { Recorder } from './recorder.js';
import type { RecordedDelivery } from './types.js';

/**
 * Told of each recorded delivery with the exact bytes of its body (`complete` false when it was
 * over the size cap and only its start was kept): the `recordPath` file, the learner.
 */
export type Tap = (delivery: RecordedDelivery, body: Buffer, complete: boolean, req: IncomingMessage) => void;

export interface Runtime {
  recorder: Recorder;
  states: RuleState[];
  auth: AuthCheck | null;
  authFailureStatus: 401 | 403;
  forwarder: Forwarder | null;
  /** True once close() was called: responses then ask the client to close the connection. */
  closing: boolean;
  /** Cut at shutdown: hanging sockets, huge-body streams, live-page streams. */
  cuts: Set<() => void>;
  /** Hurried at shutdown: pending delays answer at once, so in-flight requests finish. */
  hurries: Set<() => void>;
  /** Called whenever a response finished (shutdown waits for the last one). */
  onResponseDone: () => void;
  taps: Set<Tap>;
  /** Learn mode: chooses the answers and measures the sender. */
  learner: Learner | null;
  /** The inbox's re-send may go to any port (else only the Console's). */
  allowAnyPort: boolean;
}

/** Bodies larger than this are answered 413 (the Console's events are a few KiB; big ones a few MiB). */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** Recorded bodies are cut to this many characters, so a flood of big events cannot exhaust memory. */
export const MAX_RECORDED_BODY_CHARS = 1024 * 1024;
