/**
 * A plain node:http receiver that counts what reaches it (not the project's receiver, so a
 * bug there cannot hide a bug here). Answers 200 unless told otherwise, after `delayMs`.
 */
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PlainServer {
  url: string;
  port: number;
  /** Requests whose body arrived in full. */
  requests: number;
  /** TCP connections accepted (a request that never completes still shows here). */
  connections: number;
  /** Requests answered 200, by `details.event_id` (or top-level `event_id`). */
  okByEventId: Map<string, number>;
  /** Raw request heads and bodies, when `keep` is on. */
  seen: string[];
  close(): Promise<void>;
}

export interface PlainOptions {
  status?: number;
  delayMs?: number;
  /** Keep every request's headers and body as text. @default false */
  keep?: boolean;
  host?: string;
}

export async function startPlain(options: PlainOptions = {}): Promise<PlainServer> {
  const timers = new Set<NodeJS.Timeout>();
  const state: PlainServer = {
    url: '',
    port: 0,
    requests: 0,
    connections: 0,
    okByEventId: new Map(),
    seen: [],
    close: async () => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.requests++;
      const body = Buffer.concat(chunks).toString('utf8');
      if (options.keep) state.seen.push(`${JSON.stringify(req.headers)}\n${req.url}\n${body}`);
      const status = options.status ?? 200;
      const reply = (): void => {
        timers.delete(timer);
        if (res.destroyed) return;
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
        if (status === 200) {
          const id = eventIdOf(body);
          if (id) state.okByEventId.set(id, (state.okByEventId.get(id) ?? 0) + 1);
        }
      };
      const timer = setTimeout(reply, options.delayMs ?? 0);
      timers.add(timer);
    });
  });
  server.on('connection', () => {
    state.connections++;
  });
  server.listen(0, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  state.port = (server.address() as AddressInfo).port;
  state.url = `http://127.0.0.1:${state.port}/hook`;
  return state;
}

function eventIdOf(body: string): string | null {
  try {
    const p = JSON.parse(body) as { details?: { event_id?: string }; event_id?: string };
    return p.details?.event_id ?? p.event_id ?? null;
  } catch {
    return null;
  }
}
