/**
 * Hostile receivers, written on raw node:net sockets so that they can break HTTP in ways a
 * well-behaved server library would refuse to. Each one reads whatever request comes, then
 * misbehaves in one way. They only ever listen on loopback, and every loop they run is bounded
 * (by the bytes they may send, by a timer cleared on close, or by the client going away).
 */
import { once } from 'node:events';
import net from 'node:net';
import { gzipSync } from 'node:zlib';

export type HostileKind =
  /** 200 with a 1 GiB body, streamed as fast as the client reads it. */
  | 'huge-body'
  /** The whole response, one byte per second. */
  | 'trickle'
  /** A status line, then header lines that never stop (until the client goes). */
  | 'endless-headers'
  /** Bytes that are not HTTP at all. */
  | 'not-http'
  /** 302 to itself, every time. */
  | 'redirect-loop'
  /** 200, `Content-Encoding: gzip`, a body that inflates to 1 GiB of zeros. */
  | 'gzip-bomb'
  /** Accepts every connection and resets it at once (RST, not FIN). */
  | 'reset-storm'
  /** Reads half of the request's body, then closes the connection. */
  | 'half-read'
  /** 200 (500 on a path with "fail") with the request's head echoed in the body and a header. */
  | 'echo-headers';

export interface HostileStats {
  /** TCP connections accepted. */
  connections: number;
  /** Request heads seen in full (the kinds that answer per request). */
  requests: number;
  /** Response bytes the server managed to write (the client's reading bounds it). */
  bytesWritten: number;
}

export interface HostileServer {
  kind: HostileKind;
  url: string;
  port: number;
  stats: HostileStats;
  close(): Promise<void>;
}

export const GIB = 1024 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 0x61);

/** One gzip member that inflates to 16 MiB of zeros; 64 of them in a row (a valid gzip stream) are 1 GiB. */
let bombMember: Buffer | undefined;
const BOMB_MEMBER_INFLATED = 16 * 1024 * 1024;
function gzipBombMember(): Buffer {
  bombMember ??= gzipSync(Buffer.alloc(BOMB_MEMBER_INFLATED), { level: 9 });
  return bombMember;
}

/** Starts one hostile receiver on 127.0.0.1 (or `host`), port 0. */
export async function startHostile(kind: HostileKind, host = '127.0.0.1'): Promise<HostileServer> {
  const sockets = new Set<net.Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const stats: HostileStats = { connections: 0, requests: 0, bytesWritten: 0 };
  const ctx: Ctx = { stats, timers };
  const server = net.createServer((socket) => {
    stats.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    BEHAVIOURS[kind](socket, ctx);
  });
  server.maxConnections = 10_000;
  server.listen(0, host);
  await once(server, 'listening');
  const port = (server.address() as net.AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    kind,
    port,
    url: `http://${shownHost}:${port}/hook`,
    stats,
    close: async () => {
      for (const t of timers) clearInterval(t);
      timers.clear();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface Ctx {
  stats: HostileStats;
  timers: Set<NodeJS.Timeout>;
}
type Behaviour = (socket: net.Socket, ctx: Ctx) => void;

const BEHAVIOURS: Record<HostileKind, Behaviour> = {
  'huge-body': (socket, ctx) =>
    afterHead(socket, ctx, () => {
      write(socket, ctx, `HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${GIB}\r\n\r\n`);
      pump(socket, ctx, GIB, () => CHUNK);
    }),
  trickle: (socket, ctx) =>
    afterHead(socket, ctx, () => {
      const bytes = Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
      let i = 0;
      const timer = setInterval(() => {
        if (socket.destroyed || i >= bytes.length) {
          clearInterval(timer);
          ctx.timers.delete(timer);
          return;
        }
        write(socket, ctx, bytes.subarray(i, i + 1));
        i++;
      }, 1000);
      ctx.timers.add(timer);
    }),
  'endless-headers': (socket, ctx) =>
    afterHead(socket, ctx, () => {
      write(socket, ctx, 'HTTP/1.1 200 OK\r\n');
      let n = 0;
      const line = (): Buffer => Buffer.from(`X-Never-Ends-${n++}: ${'h'.repeat(100)}\r\n`);
      // At most 64 MiB of header lines, whatever the client does.
      pump(socket, ctx, 64 * 1024 * 1024, line);
    }),
  'not-http': (socket, ctx) =>
    afterHead(socket, ctx, () => {
      const junk = Buffer.alloc(4096);
      for (let i = 0; i < junk.length; i++) junk[i] = (i * 131 + 7) % 256;
      write(socket, ctx, Buffer.concat([Buffer.from('SSH-2.0-OpenSSH_9.6\r\n'), junk]));
      socket.end();
    }),
  'redirect-loop': (socket, ctx) =>
    onEachRequest(socket, ctx, (head) => {
      const path = /^\S+ (\S+)/.exec(head)?.[1] ?? '/';
      write(socket, ctx, `HTTP/1.1 302 Found\r\nLocation: ${path}\r\nContent-Length: 0\r\n\r\n`);
    }),
  'gzip-bomb': (socket, ctx) =>
    afterHead(socket, ctx, () => {
      const member = gzipBombMember();
      const members = GIB / BOMB_MEMBER_INFLATED;
      write(
        socket,
        ctx,
        `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: ${member.length * members}\r\n\r\n`,
      );
      pump(socket, ctx, member.length * members, () => member);
    }),
  'reset-storm': (socket) => {
    socket.resetAndDestroy();
  },
  'half-read': (socket, ctx) => {
    let seen = 0;
    let head = '';
    let wanted = Number.POSITIVE_INFINITY;
    socket.on('data', (chunk: Buffer) => {
      if (wanted === Number.POSITIVE_INFINITY) {
        head += chunk.toString('latin1');
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        ctx.stats.requests++;
        const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 2);
        wanted = Math.floor(length / 2);
        seen = Buffer.byteLength(head, 'latin1') - end - 4;
      } else {
        seen += chunk.length;
      }
      if (seen >= wanted) socket.destroy();
    });
  },
  'echo-headers': (socket, ctx) =>
    onEachRequest(socket, ctx, (head) => {
      // A path with "fail" in it gets a 500, so the echo also shows in failure output.
      const status = /^\S+ \S*fail/.test(head) ? '500 Internal Server Error' : '200 OK';
      const body = Buffer.from(`you sent:\n${head}`, 'latin1');
      write(
        socket,
        ctx,
        Buffer.concat([
          Buffer.from(
            `HTTP/1.1 ${status}\r\nContent-Type: text/plain\r\nX-Echo: ${head.split('\r\n').slice(1).join(' | ')}\r\nContent-Length: ${body.length}\r\n\r\n`,
            'latin1',
          ),
          body,
        ]),
      );
    }),
};

/** Calls `then` once, when the first request's head has arrived (its body is not waited for). */
function afterHead(socket: net.Socket, ctx: Ctx, then: () => void): void {
  let head = '';
  const onData = (chunk: Buffer): void => {
    head += chunk.toString('latin1');
    if (!head.includes('\r\n\r\n')) return;
    socket.off('data', onData);
    socket.resume();
    ctx.stats.requests++;
    then();
  };
  socket.on('data', onData);
}

/** Calls `answer` with each request's head once its body (Content-Length) has arrived too. */
function onEachRequest(socket: net.Socket, ctx: Ctx, answer: (head: string) => void): void {
  let buffered = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    for (let guard = 0; guard < 100; guard++) {
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buffered.subarray(0, end).toString('latin1');
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      if (buffered.length < end + 4 + length) return;
      buffered = buffered.subarray(end + 4 + length);
      ctx.stats.requests++;
      answer(head);
    }
  });
}

function write(socket: net.Socket, ctx: Ctx, data: string | Buffer): boolean {
  if (socket.destroyed || !socket.writable) return false;
  const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
  ctx.stats.bytesWritten += bytes.length;
  return socket.write(bytes);
}

/** Writes chunks until `limit` bytes are out or the client goes, waiting for 'drain' each time. */
function pump(socket: net.Socket, ctx: Ctx, limit: number, next: () => Buffer): void {
  let sent = 0;
  const go = (): void => {
    while (sent < limit && !socket.destroyed) {
      const chunk = next();
      const piece = sent + chunk.length > limit ? chunk.subarray(0, limit - sent) : chunk;
      sent += piece.length;
      if (!write(socket, ctx, piece)) {
        socket.once('drain', go);
        return;
      }
    }
    if (sent >= limit) socket.end();
  };
  go();
}
