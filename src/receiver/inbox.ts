/**
 * The inbox: what the receiver saw, as JSON (`GET|DELETE /_cswm/deliveries`), as a live page
 * (`/_cswm/`) and as a Server-Sent Events stream (`/_cswm/events`). It answers only when the
 * Host header names the receiver itself (a loopback name or its own host), so a web page on
 * another origin cannot read it through DNS rebinding. Records are redacted when made, so no
 * auth value can show here. Inbox requests are never recorded as deliveries.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { INBOX_PAGE } from './page.js';
import type { Runtime } from './runtime.js';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

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
  const router = express.Router();
  router.use((req: Request, res: Response, next: NextFunction) => {
    if (isOwnHost(req.headers.host, own.host, own.port())) return next();
    res
      .status(403)
      .json({ error: "the inbox answers only on the receiver's own host (e.g. 127.0.0.1 or localhost)" });
  });
  router.get('/deliveries', (_req, res) => {
    res.set('cache-control', 'no-store').json({ deliveries: rt.recorder.list() });
  });
  router.delete('/deliveries', (_req, res) => {
    const cleared = rt.recorder.list().length;
    rt.recorder.clear();
    res.json({ cleared });
  });
  router.get('/events', (req, res) => streamEvents(rt, req, res));
  router.get('/', (req, res) => {
    // `/_cswm` without the slash: relative fetches from the page need the slash.
    if (!req.originalUrl.split('?')[0]?.endsWith('/')) return res.redirect(301, '/_cswm/');
    res.set(PAGE_HEADERS).send(INBOX_PAGE);
  });
  // Everything under /_cswm is the inbox's: an unknown path there is not a delivery.
  router.use((_req: Request, res: Response) => {
    res.status(404).json({ error: 'no such inbox route (try /_cswm/, /_cswm/deliveries or /_cswm/events)' });
  });
  return router;
}

function streamEvents(rt: Runtime, req: Request, res: Response): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write(': cswm inbox\n\n');
  const offDelivery = rt.recorder.onDelivery((delivery) => {
    res.write(`event: delivery\ndata: ${JSON.stringify(delivery)}\n\n`);
  });
  const offClear = rt.recorder.onClear(() => res.write('event: clear\ndata: {}\n\n'));
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
  heartbeat.unref();
  const cut = () => res.destroy();
  rt.cuts.add(cut);
  req.on('close', () => {
    offDelivery();
    offClear();
    clearInterval(heartbeat);
    rt.cuts.delete(cut);
  });
}
