/**
 * Learn mode's runtime: asks the pure plan (src/profile/plan.ts) how to answer each request,
 * turns the answer into a fault the receiver already knows how to carry out, and measures the
 * exchange on the socket (arrival, end, whether the sender gave up first, connections open at
 * once). The profile is derived from these observations on demand (src/profile/derive.ts).
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { bodyFacts } from '../profile/body-form.js';
import { deriveProfile, type Observation } from '../profile/derive.js';
import { type LearnPlan, newLearnPlan, nextAnswer, type PlannedAnswer } from '../profile/plan.js';
import { DEFAULT_PROBES, type Probe, type SenderProfile } from '../profile/types.js';
import { sha256 } from '../recording/format.js';
import { redactHeaders } from '../util/redact.js';
import { version } from '../version.js';
import type { Decision, RequestFacts } from './faults.js';
import type { ReceiverResponse, RecordedDelivery } from './types.js';

/** @example await startReceiver({ learn: { probes: ['accept', 'retry', 'timeout'], timeScale: 0.5 } }) */
export interface LearnOptions {
  /**
   * The failures new events are answered with, one per new event, in order (then 200).
   * @default ['retry', 'timeout', 'redirect']
   */
  probes?: Probe[];
  /**
   * The time scale the sender runs at: measured waits and timeouts are divided by it, so the
   * profile holds real-time values. The longest hang is multiplied by it.
   * @default 1
   */
  timeScale?: number;
  /** A `timeout` probe's request is answered 200 after this long if the sender has not given up (before scaling). @default 300000 */
  maxHangMs?: number;
}

/** @default 5 minutes: longer than any sender's timeout worth learning, short of holding a socket forever. */
export const DEFAULT_MAX_HANG_MS = 300_000;
/** Observations kept; later requests still count towards the connection figures. */
const MAX_OBSERVATIONS = 10_000;

/** One request being measured. */
export interface LearnSession {
  /** The learner's answer, or null for the reference answer. */
  decide(facts: RequestFacts, body: Buffer): Decision | null;
}

interface Pending {
  arrivedMs: number;
  endedMs?: number;
  abandoned: boolean;
  planned?: PlannedAnswer;
  delivery?: RecordedDelivery;
  body?: Buffer;
  headers: (readonly [string, string])[];
}

export class Learner {
  readonly #plan: LearnPlan;
  readonly #timeScale: number;
  readonly #maxHangMs: number;
  readonly #secretNames: string[];
  readonly #observations: Observation[] = [];
  readonly #pending = new WeakMap<IncomingMessage, Pending>();
  readonly #sockets = new Set<Socket>();
  readonly #listeners = new Set<() => void>();
  #inFlight = 0;
  #maxConnections = 0;
  #maxRequests = 0;

  constructor(options: LearnOptions, secretHeaderNames: string[] = []) {
    this.#plan = newLearnPlan(options.probes ?? DEFAULT_PROBES);
    this.#timeScale = options.timeScale ?? 1;
    this.#maxHangMs = (options.maxHangMs ?? DEFAULT_MAX_HANG_MS) * this.#timeScale;
    this.#secretNames = secretHeaderNames;
  }

  /** Starts measuring a request as soon as its headers are in. */
  begin(req: IncomingMessage, res: ServerResponse): LearnSession {
    const pending: Pending = {
      arrivedMs: performance.now(),
      abandoned: false,
      headers: this.#headersOf(req),
    };
    this.#pending.set(req, pending);
    this.#track(req.socket);
    this.#inFlight++;
    this.#maxRequests = Math.max(this.#maxRequests, this.#inFlight);
    const end = () => {
      if (pending.endedMs !== undefined) return;
      pending.endedMs = performance.now();
      // 'close' before 'finish': the sender hung up on an answer not yet (fully) given.
      pending.abandoned = !res.writableFinished;
      this.#inFlight--;
      this.#complete(req, pending);
    };
    res.once('finish', end);
    res.once('close', end);
    return {
      decide: (facts, body) => {
        const key = facts.eventId ?? (body.length > 0 ? `sha256:${sha256(body).slice(0, 16)}` : null);
        pending.planned = nextAnswer(this.#plan, { key, path: facts.path });
        return this.#toDecision(pending.planned);
      },
    };
  }

  /** The tap the handler calls with each recorded delivery and its exact body. */
  readonly tap = (
    delivery: RecordedDelivery,
    body: Buffer,
    _complete: boolean,
    req: IncomingMessage,
  ): void => {
    const pending = this.#pending.get(req);
    if (!pending) return;
    pending.delivery = delivery;
    pending.body = body;
    this.#complete(req, pending);
  };

  /** The profile as it stands now. */
  profile(): SenderProfile {
    return deriveProfile(this.#observations, {
      timeScale: this.#timeScale,
      nowMs: performance.now(),
      updatedAt: new Date().toISOString(),
      version,
      maxConcurrentConnections: this.#maxConnections,
      maxConcurrentRequests: this.#maxRequests,
    });
  }

  /** Calls `listener` after each new observation (derive the profile there, as often as wanted). */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #track(socket: Socket): void {
    if (this.#sockets.has(socket)) return;
    this.#sockets.add(socket);
    this.#maxConnections = Math.max(this.#maxConnections, this.#sockets.size);
    socket.once('close', () => this.#sockets.delete(socket));
  }

  #headersOf(req: IncomingMessage): (readonly [string, string])[] {
    const pairs: (readonly [string, string])[] = [];
    const raw = req.rawHeaders;
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const name = raw[i] as string;
      const redacted = redactHeaders({ [name]: raw[i + 1] as string }, this.#secretNames);
      pairs.push([name, redacted[name] as string]);
    }
    return pairs;
  }

  #toDecision(planned: PlannedAnswer): Decision | null {
    const answer = planned.answer;
    switch (answer.type) {
      case 'status':
        return { fault: { type: 'status', statuses: [answer.status] }, status: answer.status };
      case 'redirect':
        return { fault: { type: 'status', statuses: [302], location: answer.location }, status: 302 };
      case 'hang':
        // A delay the sender's timeout cuts short; 200 if it waits longer than anyone should.
        return { fault: { type: 'delay', delayMs: this.#maxHangMs, status: 200 } };
      case 'reference':
        return null;
    }
  }

  /** Both halves are in (the record and the end of the exchange): one observation. */
  #complete(req: IncomingMessage, pending: Pending): void {
    if (pending.endedMs === undefined || !pending.delivery) return;
    this.#pending.delete(req);
    if (this.#observations.length >= MAX_OBSERVATIONS) return;
    const d = pending.delivery;
    const planned = pending.planned;
    this.#observations.push({
      key: planned?.key ?? d.eventId,
      probe: planned?.probe ?? 'none',
      eventType: d.eventType,
      method: d.method,
      httpVersion: req.httpVersion,
      headers: pending.headers,
      body: pending.body && pending.body.length > 0 ? bodyFacts(pending.body.toString('utf8')) : null,
      arrivedMs: pending.arrivedMs,
      endedMs: pending.endedMs,
      abandoned: pending.abandoned,
      answer: planned?.answer.type === 'hang' ? 'hang' : answerLabel(d.response),
    });
    for (const listener of this.#listeners) listener();
  }
}

/** The answer in the delivery engine's words: `status-503`, or the fault's name. */
function answerLabel(response: ReceiverResponse): string {
  return response.type === 'fault' ? response.fault : `status-${response.status}`;
}
