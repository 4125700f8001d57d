/**
 * startReceiver(): the express app on a real socket (http or https), and its graceful close.
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import express from 'express';
import { CswmError, ErrorCodes, InvalidOptionError } from '../errors.js';
import { precompileValidators } from '../events/validator.js';
import { PROBES } from '../profile/types.js';
import { makeAuthCheck } from './auth.js';
import { newRuleStates } from './faults.js';
import { createDeliveryHandler } from './handler.js';
import { createInbox } from './inbox.js';
import { Learner, type LearnOptions } from './learn.js';
import { makeForwarder } from './proxy.js';
import { openRecordFile } from './record-file.js';
import { DEFAULT_MAX_EVENT_IDS, DEFAULT_MAX_RECORDS, Recorder } from './recorder.js';
import type { Runtime } from './runtime.js';
import { resolveTls } from './tls.js';
import type { FaultRule, Receiver, ReceiverOptions } from './types.js';

/** @default '127.0.0.1' */
export const DEFAULT_HOST = '127.0.0.1';

/**
 * Starts the mock receiver. With no faults it is the reference receiver: 200 to every delivery
 * it can parse, idempotent on event_id, auth enforced when configured.
 *
 * @example
 * const receiver = await startReceiver({ faults: [{ fault: { type: 'status', statuses: [503, 503, 200] } }] });
 * // ... deliver to receiver.url ...
 * console.log(receiver.deliveries().length);
 * await receiver.close();
 */
export async function startReceiver(options: ReceiverOptions = {}): Promise<Receiver> {
  const host = options.host ?? DEFAULT_HOST;
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new InvalidOptionError(`port ${port} is not a TCP port (allowed: 0 to 65535; 0 picks a free one)`);
  }
  checkRules(options.faults ?? []);
  const limits = checkLimits(options);
  const learn = checkLearn(options);
  const tls = await resolveTls(options, host);
  const auth = options.auth ? makeAuthCheck(options.auth) : null;
  const learner = learn ? new Learner(learn, auth ? [auth.headerName] : []) : null;
  const recordFile = options.recordPath ? await openRecordFile(options.recordPath) : null;
  let server: Server;
  const rt: Runtime = {
    recorder: new Recorder(limits),
    states: newRuleStates(options.faults ?? [], limits.maxEventIds),
    auth,
    authFailureStatus: options.authFailureStatus ?? 401,
    forwarder: options.proxy ? makeForwarder(options.proxy) : null,
    closing: false,
    cuts: new Set(),
    hurries: new Set(),
    onResponseDone: () => {
      if (rt.closing) server.closeIdleConnections();
    },
    taps: new Set([...(recordFile ? [recordFile.tap] : []), ...(learner ? [learner.tap] : [])]),
    learner,
    allowAnyPort: options.allowAnyPort ?? false,
  };
  // Compile the schemas now, not on the first delivery (which would then answer slowly).
  precompileValidators();

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', false);
  const listenPort = () => (server.address() as { port: number }).port;
  app.use('/_cswm', createInbox(rt, { host, port: listenPort }));
  app.use(createDeliveryHandler(rt));

  server = tls ? createHttpsServer({ key: tls.keyPem, cert: tls.certPem }, app) : createHttpServer(app);
  // The Console allows 30 s; a client may take longer to send a body under test, never forever.
  server.requestTimeout = 120_000;
  await listen(server, host, port);
  const actualPort = listenPort();
  const url = `${tls ? 'https' : 'http'}://${urlHost(host)}:${actualPort}`;
  const closeTimeoutMs = options.closeTimeoutMs ?? 10_000;
  let closed: Promise<void> | null = null;

  return {
    url,
    port: actualPort,
    host,
    ...(tls?.generated ? { tls: tls.generated } : {}),
    deliveries: () => rt.recorder.list(),
    clear: () => rt.recorder.clear(),
    setFaults: (rules: FaultRule[]) => {
      checkRules(rules);
      rt.states = newRuleStates(rules, limits.maxEventIds);
    },
    onDelivery: (listener) => rt.recorder.onDelivery(listener),
    waitForDeliveries: (count, timeoutMs = 10_000) => rt.recorder.waitFor(count, timeoutMs),
    profile: () => learner?.profile() ?? null,
    onProfileChange: (listener) => learner?.onChange(listener) ?? (() => {}),
    close: () => {
      closed ??= shutdown(server, rt, closeTimeoutMs).then(() => recordFile?.close());
      return closed;
    },
  };
}

/** The host to put in the URL: a wildcard address is reached through loopback. */
function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        new CswmError(
          ErrorCodes.LISTEN_FAILED,
          `cannot listen on ${host}:${port} (${error.code ?? error.message}); choose another \`port\` or \`host\``,
          { cause: error },
        ),
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

/**
 * Graceful close: stop accepting, cut what never ends by design (hang, huge bodies, the live
 * page), answer pending delays now, let every other in-flight request finish, and cut whatever
 * is left after `closeTimeoutMs`. Deliveries are recorded on arrival, so none is lost.
 */
function shutdown(server: Server, rt: Runtime, closeTimeoutMs: number): Promise<void> {
  rt.closing = true;
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), closeTimeoutMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    for (const cut of [...rt.cuts]) cut();
    for (const hurry of [...rt.hurries]) hurry();
    server.closeIdleConnections();
  });
}

/** The memory limits, checked where they enter (a limit of 0 would keep nothing to show). */
function checkLimits(options: ReceiverOptions): { maxRecords: number; maxEventIds: number } {
  const limits = {
    maxRecords: options.maxRecords ?? DEFAULT_MAX_RECORDS,
    maxEventIds: options.maxEventIds ?? DEFAULT_MAX_EVENT_IDS,
  };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1 || value > MAX_LIMIT) {
      throw new InvalidOptionError(
        `${name} ${value} is not allowed (a whole number from 1 to ${MAX_LIMIT}); the oldest are dropped beyond it`,
      );
    }
  }
  return limits;
}

/** Ten million: far beyond what one process should hold, small enough to catch a typo. */
const MAX_LIMIT = 10_000_000;

/** Learn mode chooses every answer itself: fault rules and a proxy would contradict it. */
function checkLearn(options: ReceiverOptions): LearnOptions | null {
  if (!options.learn) return null;
  const learn = options.learn === true ? {} : options.learn;
  if ((options.faults ?? []).length > 0 || options.proxy) {
    throw new InvalidOptionError('learn mode chooses the answers itself: leave out `faults` and `proxy`');
  }
  const timeScale = learn.timeScale ?? 1;
  if (!(Number.isFinite(timeScale) && timeScale > 0 && timeScale <= 100)) {
    throw new InvalidOptionError(
      `learn.timeScale: ${String(timeScale)} is not allowed (a number above 0, at most 100)`,
    );
  }
  if (learn.maxHangMs !== undefined && !(Number.isFinite(learn.maxHangMs) && learn.maxHangMs > 0)) {
    throw new InvalidOptionError(
      `learn.maxHangMs: ${String(learn.maxHangMs)} is not allowed (a number above 0)`,
    );
  }
  if (learn.probes?.some((p) => !(PROBES as readonly string[]).includes(p))) {
    throw new InvalidOptionError(`learn.probes: allowed values are ${PROBES.join(', ')}`);
  }
  return learn;
}

function checkRules(rules: readonly FaultRule[]): void {
  for (const [i, rule] of rules.entries()) {
    const where = `faults[${i}]`;
    const fault = rule.fault;
    if (fault.type === 'status') {
      if (
        fault.statuses.length === 0 ||
        fault.statuses.some((s) => !Number.isInteger(s) || s < 200 || s > 599)
      ) {
        throw new InvalidOptionError(
          `${where}: statuses must be HTTP statuses from 200 to 599 (e.g. [503, 503, 200])`,
        );
      }
    }
    if (fault.type === 'delay' && !(fault.delayMs >= 0 && Number.isFinite(fault.delayMs))) {
      throw new InvalidOptionError(`${where}: delayMs must be a number of milliseconds, 0 or more`);
    }
    if (fault.type === 'huge-body' && !(Number.isInteger(fault.bytes) && fault.bytes >= 0)) {
      throw new InvalidOptionError(`${where}: bytes must be a whole number, 0 or more`);
    }
    if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times >= 1)) {
      throw new InvalidOptionError(`${where}: times must be a whole number, 1 or more`);
    }
  }
}
