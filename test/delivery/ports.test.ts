import { once } from 'node:events';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { deliver } from '../../src/delivery/index.js';
import { ErrorCodes } from '../../src/errors.js';
import { startHttp, statuses, type TestServer } from './servers.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Opens a TCP connection to `port` and resolves once the server side has it, then closes it. */
async function probeConnection(port: number): Promise<void> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  // An answer proves the server has counted the connection (in its 'connection' event).
  socket.resume();
  socket.end('GET /probe HTTP/1.1\r\nHost: probe\r\nConnection: close\r\n\r\n');
  await once(socket, 'close');
}

async function serverOn3000OrAny(): Promise<TestServer> {
  try {
    return await startHttp(statuses(200), 3000);
  } catch {
    // Port 3000 is busy on this machine: any ephemeral port is just as disallowed.
    return await startHttp(statuses(200));
  }
}

describe('the port allow-list', () => {
  it('refuses a port outside the list before any connection is made', async () => {
    server = await serverOn3000OrAny();
    await expect(deliver({ a: 1 }, { url: server.url })).rejects.toMatchObject({
      code: ErrorCodes.PORT_NOT_ALLOWED,
    });
    // A connection of our own after the refusal: the server accepts connections in order, so
    // one that deliver had opened would be counted before ours.
    await probeConnection(server.port);
    expect(server.connections).toBe(1);
    expect(server.requests.map((r) => r.path)).toEqual(['/probe']);
  });

  it('sends to the same port when allowAnyPort is given', async () => {
    server = await serverOn3000OrAny();
    const record = await deliver({ a: 1 }, { url: server.url, allowAnyPort: true });
    expect(record.result).toBe('delivered');
    expect(server.connections).toBe(1);
  });
});
