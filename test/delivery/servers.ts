import { once } from 'node:events';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

export { closedPort } from '../../src/scenarios/setup.js';

/** A plain loopback server for delivery tests (deliberately not the project's receiver). */
export interface TestServer {
  url: string;
  port: number;
  /** Requests seen, in order. */
  requests: { path: string; headers: http.IncomingHttpHeaders; rawHeaders: string[]; body: string }[];
  /** TCP connections accepted. */
  connections: number;
  close(): Promise<void>;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, index: number) => void;

function track(server: http.Server | net.Server, scheme: string, host = '127.0.0.1'): TestServer {
  const state: TestServer = {
    url: '',
    port: 0,
    requests: [],
    connections: 0,
    close: async () => {
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  server.on(scheme === 'https' ? 'secureConnection' : 'connection', () => {
    state.connections++;
  });
  const port = (server.address() as net.AddressInfo).port;
  state.port = port;
  state.url = `${scheme}://${host}:${port}/hook`;
  return state;
}

function recording(handler: Handler, get: () => TestServer): http.RequestListener {
  return (req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      const state = get();
      const index = state.requests.length;
      state.requests.push({ path: req.url ?? '', headers: req.headers, rawHeaders: req.rawHeaders, body });
      handler(req, res, index);
    });
  };
}

/** Starts a node:http server on 127.0.0.1, port 0 unless given. */
export async function startHttp(handler: Handler, port = 0): Promise<TestServer> {
  let state: TestServer | undefined;
  const server = http.createServer(recording(handler, () => state!));
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  state = track(server, 'http');
  return state;
}

/** Starts a node:https server on 127.0.0.1, port 0. */
export async function startHttps(
  tls: { keyPem: string; certPem: string },
  handler: Handler,
): Promise<TestServer> {
  let state: TestServer | undefined;
  const server = https.createServer(
    { key: tls.keyPem, cert: tls.certPem },
    recording(handler, () => state!),
  );
  server.on('tlsClientError', () => {});
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  state = track(server, 'https');
  return state;
}

/** A raw TCP server that answers each connection with `onData` (for malformed responses). */
export async function startRaw(onData: (socket: net.Socket) => void): Promise<TestServer> {
  const server = net.createServer((socket) => {
    socket.on('error', () => {});
    socket.once('data', () => onData(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return track(server, 'http');
}

/** Answers with the statuses in turn, the last repeating. */
export function statuses(...codes: number[]): Handler {
  return (_req, res, index) => {
    res.writeHead(codes[Math.min(index, codes.length - 1)] ?? 200, { 'content-type': 'text/plain' });
    res.end('ok');
  };
}
