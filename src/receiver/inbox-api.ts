/**
 * The inbox routes added for recording and learning, apart from inbox.ts (the page and the
 * JSON API): the recorded deliveries as NDJSON (the `--record` shape), re-sending one of them,
 * and the sender profile as it forms. Mounted behind the inbox's own-host guard.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { recordingLine } from '../recording/format.js';
import { exactBody } from './recorder.js';
import { resend } from './resend.js';
import type { Runtime } from './runtime.js';

/** Adds the routes to the inbox router; call before its own `/deliveries` route. */
export function mountRecordingRoutes(router: Router, rt: Runtime, own: { port: () => number }): void {
  router.get('/deliveries', (req: Request, res: Response, next: NextFunction) => {
    if (queryOf(req).get('format') !== 'ndjson') return next();
    exportNdjson(rt, res);
  });
  router.post(
    '/resend',
    sameOriginJson(own),
    express.json({ limit: '64kb' }),
    (req: Request, res: Response, next: NextFunction) => {
      resend(rt, req.body).then((reply) => res.status(reply.status).json(reply.body), next);
    },
    // express.json's own errors (not JSON, too large) as one line of JSON, like every answer here.
    (error: { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
      const status = typeof error.status === 'number' && error.status < 500 ? error.status : 500;
      const reason =
        error.type === 'entity.too.large'
          ? 'the request is larger than 64 KiB'
          : status < 500
            ? 'the request body is not JSON: send {"seq": <number>, "url": "<http(s) URL>"}'
            : 're-sending failed inside the receiver';
      res.status(status).json({ error: reason });
    },
  );
  router.get('/profile', (_req, res) => {
    const profile = rt.learner?.profile();
    res.set('cache-control', 'no-store');
    if (!profile) {
      res.status(404).json({ error: 'not learning: start the receiver with cswm receive --learn' });
      return;
    }
    res.json(profile);
  });
}

/** The receiver runs with the query parser off: read the query from the URL itself. */
function queryOf(req: Request): URLSearchParams {
  const at = req.originalUrl.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : req.originalUrl.slice(at + 1));
}

/**
 * The in-memory records, one `--record` line each. Bodies over 1 MiB are kept only in part in
 * memory: their lines say so (`bodyTruncated`), and a replay refuses them.
 */
function exportNdjson(rt: Runtime, res: Response): void {
  const stamp = new Date().toISOString().replaceAll(':', '-').slice(0, 19);
  res.writeHead(200, {
    'content-type': 'application/x-ndjson; charset=utf-8',
    'content-disposition': `attachment; filename="cswm-deliveries-${stamp}.ndjson"`,
    'cache-control': 'no-store',
  });
  for (const d of rt.recorder.list()) {
    const exact = exactBody(d);
    res.write(recordingLine(d, exact ?? Buffer.from(d.body, 'utf8'), exact !== undefined, d.bodyBytes));
  }
  res.end();
}

/**
 * A re-send makes the receiver send a recorded body anywhere: only the page itself may ask.
 * JSON only (a cross-origin page cannot send it without a preflight the inbox never grants),
 * and an Origin, when present, must be the receiver's own.
 */
function sameOriginJson(own: { port: () => number }) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      res.status(415).json({ error: 'send the request as JSON (Content-Type: application/json)' });
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !isOwnOrigin(origin, req.headers.host, own.port())) {
      res.status(403).json({ error: "re-sending is allowed from the inbox page's own origin only" });
      return;
    }
    next();
  };
}

function isOwnOrigin(origin: string, host: string | undefined, port: number): boolean {
  try {
    const url = new URL(origin);
    return host !== undefined && url.host === host && (url.port === '' || Number(url.port) === port);
  } catch {
    return false;
  }
}
