/**
 * The delivery handler: reads the body, recognises and validates the event, records it, then
 * answers as the fault rules decide (the reference behaviour when none applies).
 */
import { isUtf8 } from 'node:buffer';
import type { Response as ExpressResponse, NextFunction, Request } from 'express';
import { validateEvent } from '../events/validator.js';
import { redactHeaders } from '../util/redact.js';
import { type ActionContext, answer, forward, runFault } from './actions.js';
import { decide } from './faults.js';
import { MAX_BODY_BYTES, MAX_RECORDED_BODY_CHARS, type Runtime } from './runtime.js';
import type { ReceiverResponse, RecordedDelivery } from './types.js';

interface Parsed {
  body: Buffer;
  tooLarge: boolean;
  /** Bytes received, those past the cap included. */
  size: number;
}

function readBody(req: Request, done: (parsed: Parsed) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) tooLarge = true;
    else chunks.push(chunk);
  });
  req.on('end', () => {
    done({ body: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks), tooLarge, size });
  });
}

type Validation = Pick<RecordedDelivery, 'eventType' | 'eventId' | 'form' | 'valid' | 'errors'>;

function notJson(message: string): Validation {
  return {
    eventType: null,
    eventId: null,
    form: null,
    valid: false,
    errors: [{ path: '', rule: 'json', message }],
  };
}

function inspect(text: string, tooLarge: boolean): { payload?: unknown; validation: Validation } {
  if (tooLarge) return { validation: notJson(`the body is larger than ${MAX_BODY_BYTES} bytes`) };
  if (text.length === 0) return { validation: notJson('the body is empty') };
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return { validation: notJson('the body is not JSON') };
  }
  const result = validateEvent(payload);
  return {
    payload,
    validation: {
      eventType: result.eventType,
      eventId: result.eventId,
      form: result.form,
      valid: result.valid,
      errors: result.errors,
    },
  };
}

export function createDeliveryHandler(rt: Runtime) {
  return (req: Request, res: ExpressResponse, _next: NextFunction): void => {
    const receivedAt = new Date().toISOString();
    const learning = rt.learner?.begin(req, res) ?? null;
    res.on('finish', rt.onResponseDone);
    res.on('close', rt.onResponseDone);
    readBody(req, ({ body, tooLarge, size }) => {
      const text = body.toString('utf8');
      const { payload, validation } = inspect(text, tooLarge);
      const authorized = rt.auth ? rt.auth.check(req.headers) : true;
      const duplicate = rt.recorder.markSeen(validation.eventId);
      let recorded = false;
      const record = (response: ReceiverResponse, extra: { upstreamStatus?: number } = {}) => {
        if (recorded) return;
        recorded = true;
        const delivery: RecordedDelivery = {
          seq: rt.recorder.nextSeq(),
          receivedAt,
          method: req.method,
          path: req.originalUrl,
          headers: redactHeaders(req.headers, rt.auth ? [rt.auth.headerName] : []),
          body: text.length > MAX_RECORDED_BODY_CHARS ? text.slice(0, MAX_RECORDED_BODY_CHARS) : text,
          bodyBytes: size,
          ...(payload !== undefined ? { payload } : {}),
          ...validation,
          duplicate,
          authorized,
          response,
          ...(text.length > MAX_RECORDED_BODY_CHARS ? { bodyTruncated: true } : {}),
          ...(isUtf8(body) ? {} : { bodyNotUtf8: true }),
          ...extra,
        };
        rt.recorder.add(delivery);
        // The recording file and the learner get the exact bytes, not the capped text.
        for (const tap of rt.taps) tap(delivery, body, !tooLarge, req);
      };
      const ctx: ActionContext = {
        req,
        res,
        rt,
        body,
        tooLarge,
        record,
        answerReference: () => answerReference(ctx, payload !== undefined),
      };
      if (!authorized) {
        record({ type: 'unauthorized', status: rt.authFailureStatus });
        const scheme: Record<string, string> =
          rt.auth?.headerName === 'authorization' ? { 'www-authenticate': 'Basic realm="cswm"' } : {};
        answer(ctx, rt.authFailureStatus, rt.authFailureStatus === 401 ? scheme : {});
        return;
      }
      const facts = { path: req.path, eventType: validation.eventType, eventId: validation.eventId };
      // Learning, the learner chooses every answer (the fault flags are refused with --learn).
      const decision = learning?.decide(facts, body) ?? decide(rt.states, facts);
      if (decision.fault) runFault(ctx, decision.fault, decision.status);
      else ctx.answerReference();
    });
  };
}

/**
 * The reference behaviour: 200 to every delivery that parses (unknown fields and unknown event
 * types included: the Console may add them any day, and anything but 200 makes it retry), 400
 * to a body that is not JSON, 413 to one too large. In proxy mode: forward and relay, except a
 * body too large, which gets its 413 here.
 */
function answerReference(ctx: ActionContext, parsed: boolean): void {
  const forwarder = ctx.rt.forwarder;
  // A body over the cap was cut while read: never forward what is left of it.
  if (forwarder && !ctx.tooLarge) {
    // When the sender gives up (its timeout), the upstream exchange is cut too.
    const abandoned = new AbortController();
    // The sender may have given up already (a busy process, a short scaled timeout): then its
    // 'close' has fired and will not fire again.
    if (ctx.res.destroyed || ctx.res.closed || ctx.req.socket.destroyed) abandoned.abort();
    else ctx.res.once('close', () => abandoned.abort());
    forward(ctx, forwarder, abandoned.signal).then(
      (upstream) => {
        ctx.record({ type: 'proxied', status: upstream.status });
        if (ctx.res.destroyed) return;
        ctx.res.writeHead(upstream.status, {
          ...upstream.headers,
          'content-length': String(upstream.body.length),
          ...(ctx.rt.closing ? { connection: 'close' } : {}),
        });
        ctx.res.end(upstream.body);
      },
      () => {
        ctx.record({ type: 'proxied', status: 502 });
        if (!ctx.res.destroyed) answer(ctx, 502);
      },
    );
    return;
  }
  const status = ctx.tooLarge ? 413 : parsed ? 200 : 400;
  ctx.record({ type: 'status', status });
  answer(ctx, status);
}
