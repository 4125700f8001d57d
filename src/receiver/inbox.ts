/**
 * The inbox: what the receiver saw, as JSON (`GET|DELETE /_cswm/deliveries`), as a live page
 * (`/_cswm/`) and as Server-Sent Events (`/_cswm/events`: every delivery in full;
 * `/_cswm/changes`: a short note at most ten times a second, for the page). The page reads
 * through small queries (`/_cswm/groups`, `/_cswm/group`, `/_cswm/deliveries/:seq`,
 * `/_cswm/stats`), never the whole list. It answers only when the Host header names the
 * receiver itself (a loopback name or its own host), so a web page on another origin cannot
 * read it through DNS rebinding. Records are redacted when made, so no auth value can show
 * here. Inbox requests are never recorded as deliveries.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { InvalidOptionError } from '../errors.js';
import { mountRecordingRoutes } from './inbox-api.js';
import { InboxIndex } from './inbox-index.js';
import { parseFilter, parseSlice, whole } from './inbox-query.js';
import { INBOX_PAGE } from './page/index.js';
import type { Runtime } from './runtime.js';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** At most one change note per this many milliseconds: a flood of deliveries costs the page little. */
export const CHANGE_NOTE_INTERVAL_MS = 100;

/** True when the Host header is one of the receiver's own names, on its own port. */
export function isOwnHost(hostHeader: string | undefined, ownHost: string, ownPort: number): boolean {
  if (!hostHeader) return false;
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostHeader.trim().toLowerCase());
  if (!match) return false;
  const name = match[1] as string;
  if (match[2] !== undefined && Number(match[2]) !== ownPort) return false;
  const bare = name.startsWith('[') ? name.slice(1, -1) : name;
  return LOOPBACK.has(name) || bare === ownHost.toLowerCase();
}

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  // Self-contained: the page may talk to its own origin and nothing else.
  'content-security-policy':
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'",
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export function createInbox(rt: Runtime, own: { host: string; port: () => number }) {
  const index = new InboxIndex(rt.recorder);
  const router = express.Router();
  router.use((req: Request, res: Response, next: NextFunction) => {
    if (isOwnHost(req.headers.host, own.host, own.port())) return next();
    res
      .status(403)
      .json({ error: "the inbox answers only on the receiver's own host (e.g. 127.0.0.1 or localhost)" });
  });
  mountRecordingRoutes(router, rt, own);
  router.get('/deliveries', (_req, res) => {
    res.set('cache-control', 'no-store').json({ deliveries: rt.recorder.list() });
  });
  router.get('/deliveries/:seq', (req, res) => {
    const seq = Number(req.params.seq);
    const delivery = /^\d+$/.test(String(req.params.seq)) ? rt.recorder.get(seq) : undefined;
    if (delivery) return void res.set('cache-control', 'no-store').json(delivery);
    res.status(404).json({
      error: `no delivery #${String(req.params.seq).slice(0, 20)} is kept (dropped, cleared or never received)`,
    });
  });
  router.delete('/deliveries', (_req, res) => {
    const cleared = rt.recorder.counts().kept;
    rt.recorder.clear();
    res.json({ cleared });
  });
  router.get('/stats', (_req, res) => {
    res.set('cache-control', 'no-store').json(index.stats());
  });
  router.get('/groups', (req, res) => {
    const params = searchParams(req);
    const slice = parseSlice(params);
    const result = index.query(parseFilter(params), slice);
    res.set('cache-control', 'no-store').json({ stats: index.stats(), offset: slice.offset, ...result });
  });
  router.get('/group', (req, res) => {
    const params = searchParams(req);
    const key = params.get('key') ?? '';
    const group = index.group(key, whole(params, 'asOf', 0, Number.MAX_SAFE_INTEGER));
    if (group) return void res.set('cache-control', 'no-store').json(group);
    res.status(404).json({ error: 'no attempt of this event is kept (dropped or cleared)' });
  });
  router.get('/events', (req, res) => streamEvents(rt, req, res));
  router.get('/changes', (req, res) => streamChanges(rt, req, res));
  router.get('/', (req, res) => {
    // `/_cswm` without the slash: relative fetches from the page need the slash.
    if (!req.originalUrl.split('?')[0]?.endsWith('/')) return res.redirect(301, '/_cswm/');
    res.set(PAGE_HEADERS).send(INBOX_PAGE);
  });
  // Everything under /_cswm is the inbox's: an unknown path there is not a delivery.
  router.use((_req: Request, res: Response) => {
    res.status(404).json({
      error: 'no such inbox route (try /_cswm/, /_cswm/deliveries, /_cswm/events or /_cswm/profile)',
    });
  });
  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (!(error instanceof InvalidOptionError)) return next(error);
    res.status(400).json({ error: error.message });
  });
  return router;
}

/** The app turns express's query parser off (deliveries are recorded as sent); the inbox reads its own. */
function searchParams(req: Request): URLSearchParams {
  return new URL(req.originalUrl, 'http://inbox.invalid').searchParams;
}

function openStream(
  rt: Runtime,
  req: Request,
  res: Response,
  cleanups: (() => void)[],
): (text: string) => void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write(': cswm inbox\n\n');
  const write = (text: string) => void res.write(text);
  const heartbeat = setInterval(() => write(': keep-alive\n\n'), 15_000);
  heartbeat.unref();
  const cut = () => res.destroy();
  rt.cuts.add(cut);
  cleanups.push(rt.recorder.onClear(() => write('event: clear\ndata: {}\n\n')));
  req.on('close', () => {
    for (const cleanup of cleanups) cleanup();
    clearInterval(heartbeat);
    rt.cuts.delete(cut);
  });
  return write;
}

function streamEvents(rt: Runtime, req: Request, res: Response): void {
  const cleanups: (() => void)[] = [];
  const write = openStream(rt, req, res, cleanups);
  cleanups.push(
    rt.recorder.onDelivery((delivery) => write(`event: delivery\ndata: ${JSON.stringify(delivery)}\n\n`)),
  );
}

/** `event: change` with the newest seq, coalesced: the page asks for what it shows when told. */
function streamChanges(rt: Runtime, req: Request, res: Response): void {
  const cleanups: (() => void)[] = [];
  const write = openStream(rt, req, res, cleanups);
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    timer = null;
    write(`event: change\ndata: ${JSON.stringify({ seq: rt.recorder.total })}\n\n`);
  };
  cleanups.push(
    rt.recorder.onDelivery(() => {
      timer ??= setTimeout(flush, CHANGE_NOTE_INTERVAL_MS);
    }),
    () => {
      if (timer) clearTimeout(timer);
    },
  );
}
