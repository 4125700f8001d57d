/**
 * The runtime side of each fault: how the express app carries out a decision on a real
 * socket. One function per fault type, in a lookup table (the data lives in types.ts).
 */
import type { Response as ExpressResponse, Request } from 'express';
import { DEFAULT_REDIRECT_PATH, isRedirect, REFERENCE_STATUS } from './faults.js';
import type { ForwardedResponse, Forwarder } from './proxy.js';
import type { Runtime } from './runtime.js';
import type { Fault, ReceiverResponse } from './types.js';

export interface ActionContext {
  req: Request;
  res: ExpressResponse;
  rt: Runtime;
  body: Buffer;
  /** True when the body was over the cap: `body` holds only its start, and is never forwarded. */
  tooLarge: boolean;
  /** Records the delivery with how it was answered; call exactly once. */
  record: (response: ReceiverResponse, extra?: { upstreamStatus?: number }) => void;
  /** The reference answer (200, or forwarded upstream in proxy mode); records it. */
  answerReference: () => void;
}

/** Bytes that are not HTTP: a client's parser rejects them at once. */
export const MALFORMED_BYTES = Buffer.from(
  'NOT HTTP \u0000\u00ff\u00fe cswm malformed response\r\n\r\n',
  'latin1',
);

export function answer(ctx: ActionContext, status: number, extraHeaders: Record<string, string> = {}): void {
  const body = status === 200 ? '{"ok":true}' : `{"status":${status}}`;
  ctx.res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    ...(ctx.rt.closing ? { connection: 'close' } : {}),
    ...extraHeaders,
  });
  ctx.res.end(body);
}

type Action<T extends Fault['type']> = (
  ctx: ActionContext,
  fault: Extract<Fault, { type: T }>,
  status?: number,
) => void;

const ACTIONS: { [K in Fault['type']]: Action<K> } = {
  status: (ctx, fault, status = 200) => {
    if (status === 200 && ctx.rt.forwarder) return ctx.answerReference();
    ctx.record({ type: 'status', status });
    const headers: Record<string, string> = isRedirect(status)
      ? { location: fault.location ?? DEFAULT_REDIRECT_PATH }
      : {};
    answer(ctx, status, headers);
  },
  delay: (ctx, fault) => {
    const status = fault.status ?? REFERENCE_STATUS;
    const forward = status === 200 && ctx.rt.forwarder !== null;
    if (!forward) ctx.record({ type: 'fault', fault: 'delay' });
    let fired = false;
    const fire = () => {
      fired = true;
      clearTimeout(timer);
      ctx.rt.hurries.delete(fire);
      if (ctx.res.destroyed || ctx.res.writableEnded) return;
      if (forward) ctx.answerReference();
      else answer(ctx, status);
    };
    const timer = setTimeout(fire, fault.delayMs);
    ctx.rt.hurries.add(fire);
    ctx.res.on('close', () => {
      // The client gave up: nothing left to answer. In proxy mode nothing was recorded yet (the
      // forward records on answering), and the attempt still reached us: record it, unforwarded,
      // as a slow receiver the sender timed out on.
      if (forward && !fired) ctx.record({ type: 'fault', fault: 'delay' });
      clearTimeout(timer);
      ctx.rt.hurries.delete(fire);
    });
  },
  hang: (ctx) => {
    ctx.record({ type: 'fault', fault: 'hang' });
    const socket = ctx.req.socket;
    const cut = () => socket.destroy();
    ctx.rt.cuts.add(cut);
    socket.once('close', () => ctx.rt.cuts.delete(cut));
  },
  reset: (ctx) => {
    ctx.record({ type: 'fault', fault: 'reset' });
    ctx.req.socket.resetAndDestroy();
  },
  malformed: (ctx) => {
    ctx.record({ type: 'fault', fault: 'malformed' });
    const socket = ctx.req.socket;
    // Written on the raw socket, around the HTTP machinery, then closed.
    socket.end(MALFORMED_BYTES, () => socket.destroy());
  },
  'huge-body': (ctx, fault) => {
    ctx.record({ type: 'fault', fault: 'huge-body' });
    streamHugeBody(ctx, fault.bytes);
  },
  'drop-response': (ctx) => {
    if (ctx.rt.forwarder && !ctx.tooLarge) return forwardThenDrop(ctx, ctx.rt.forwarder);
    ctx.record({ type: 'fault', fault: 'drop-response' });
    ctx.req.socket.destroy();
  },
};

/** Carries out a fault on the request; `status` is the one chosen for a status sequence. */
export function runFault(ctx: ActionContext, fault: Fault, status?: number): void {
  (ACTIONS[fault.type] as Action<Fault['type']>)(ctx, fault, status);
}

const CHUNK = Buffer.alloc(64 * 1024, 'x');

/** Streams `bytes` bytes, waiting for 'drain' when the client reads slowly, stopping when it goes away. */
function streamHugeBody(ctx: ActionContext, bytes: number): void {
  const { res, rt } = ctx;
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(bytes) });
  let left = bytes;
  let stopped = false;
  const cut = () => {
    stopped = true;
    res.destroy();
  };
  rt.cuts.add(cut);
  res.on('close', () => {
    stopped = true;
    rt.cuts.delete(cut);
  });
  const pump = () => {
    while (!stopped && left > 0) {
      const chunk = left >= CHUNK.length ? CHUNK : CHUNK.subarray(0, left);
      left -= chunk.length;
      if (left === 0) {
        res.end(chunk);
        return;
      }
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
  };
  pump();
}

/** Sends the delivery upstream as it came: method, path, headers and body (proxy mode). */
export function forward(
  ctx: ActionContext,
  forwarder: Forwarder,
  signal?: AbortSignal,
): Promise<ForwardedResponse> {
  return forwarder({
    method: ctx.req.method,
    path: ctx.req.originalUrl,
    headers: ctx.req.headers,
    body: ctx.body,
    ...(signal ? { signal } : {}),
  });
}

/** Proxy mode's drop-response: the upstream processes the delivery, the sender never hears back. */
function forwardThenDrop(ctx: ActionContext, forwarder: Forwarder): void {
  forward(ctx, forwarder).then(
    (upstream) => {
      ctx.record({ type: 'fault', fault: 'drop-response' }, { upstreamStatus: upstream.status });
      ctx.req.socket.destroy();
    },
    () => {
      ctx.record({ type: 'fault', fault: 'drop-response' }, { upstreamStatus: 502 });
      ctx.req.socket.destroy();
    },
  );
}
