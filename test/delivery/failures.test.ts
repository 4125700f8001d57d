import { afterEach, describe, expect, it } from 'vitest';
import { deliver } from '../../src/delivery/index.js';
import { measureLag, watchLag } from '../helpers/lag.js';
import { within } from '../helpers/wait.js';
import { closedPort, startHttp, startRaw, statuses, type TestServer } from './servers.js';

const event = { details: { event_id: 'e-2', event_type: 'x' } };
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('timeouts, time-scaled', () => {
  it('classifies an answer after the timeout as timeout and retries it', async () => {
    const server = await startHttp((_req, res, index) => {
      if (index === 0) setTimeout(() => res.writeHead(200).end(), 1500);
      else res.writeHead(200).end();
    });
    servers.push(server);
    // 30 s at time scale 0.01 is 300 ms; the late answer and the timeout are timers of this one
    // process, so the timeout always fires first, however busy the machine.
    const lag = watchLag();
    const record = await deliver(event, { url: server.url, allowAnyPort: true, timeScale: 0.01 });
    lag.stop();
    expect(record.attempts.map((a) => a.label)).toEqual(['timeout', 'delivered']);
    expect(record.attempts[0]?.errorCode).toBe('ETIMEDOUT');
    expect(record.attempts[0]?.durationMs).toBeGreaterThanOrEqual(290);
    // Cut at its own 300 ms, late only by what the event loop was kept waiting.
    expect(record.attempts[0]?.durationMs).toBeLessThan(300 + lag.allowanceMs());
  });

  it('delivers on the first attempt an answer well inside the timeout', async () => {
    const answerAfterMs = 50;
    const server = await startHttp((_req, res) => setTimeout(() => res.writeHead(200).end(), answerAfterMs));
    servers.push(server);
    // The scaled timeout (600 ms at 0.02) leaves the answer twice the slack this machine shows.
    const { allowanceMs } = await measureLag();
    const timeScale = Math.max(0.02, (2 * (answerAfterMs + allowanceMs())) / 30_000);
    const record = await deliver(event, { url: server.url, allowAnyPort: true, timeScale });
    expect(record.attempts.map((a) => a.label)).toEqual(['delivered']);
  });

  it('counts a body that never finishes as a timeout, even after a 200 status line', async () => {
    const server = await startHttp((_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('partial');
    });
    servers.push(server);
    const record = await deliver(event, {
      url: server.url,
      allowAnyPort: true,
      timeScale: 0.005,
      maxAttempts: 1,
    });
    expect(record.attempts[0]).toMatchObject({ label: 'timeout', status: 200 });
  });
});

describe('transport failures', () => {
  it('classifies a closed port as refused', async () => {
    const port = await closedPort();
    // Short waits, the real timeout: a scaled 30 ms one could fire before a busy loop reads the refusal.
    const record = await deliver(event, {
      url: `http://127.0.0.1:${port}/`,
      allowAnyPort: true,
      maxAttempts: 2,
      backoff: { delaysMs: [1] },
    });
    expect(record.attempts.map((a) => a.label)).toEqual(['refused', 'refused']);
    expect(record.attempts[0]?.errorCode).toBe('ECONNREFUSED');
  });

  it('classifies a .invalid host as dns', async () => {
    const record = await deliver(event, { url: 'http://no-such-host.invalid/', maxAttempts: 1 });
    expect(record.attempts[0]?.label).toBe('dns');
    expect(['ENOTFOUND', 'EAI_AGAIN']).toContain(record.attempts[0]?.errorCode);
  });

  it('classifies a socket destroyed mid-response as reset', async () => {
    const server = await startHttp((_req, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('half an answer');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    servers.push(server);
    const record = await deliver(event, { url: server.url, allowAnyPort: true, maxAttempts: 1 });
    expect(record.attempts[0]).toMatchObject({ label: 'reset', errorCode: 'ECONNRESET' });
  });

  it('classifies a connection closed before any answer as reset', async () => {
    const server = await startHttp((req) => req.socket.destroy());
    servers.push(server);
    const record = await deliver(event, { url: server.url, allowAnyPort: true, maxAttempts: 1 });
    expect(record.attempts[0]?.label).toBe('reset');
  });

  it('classifies bytes that are not HTTP as protocol', async () => {
    const server = await startRaw((socket) => socket.end('HTTP/1.1 2OO OK\r\n\r\n'));
    servers.push(server);
    const record = await deliver(event, { url: server.url, allowAnyPort: true, maxAttempts: 1 });
    expect(record.attempts[0]?.label).toBe('protocol');
    expect(record.attempts[0]?.errorCode).toMatch(/^HPE_/);
  });

  it('reads at most the response cap of a huge answer and still sees its status', async () => {
    let written = 0;
    let closed: (writtenMeanwhile: number) => void = () => {};
    const writtenWhenClosed = new Promise<number>((resolve) => {
      closed = resolve;
    });
    const server = await startHttp((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const pump = (): void => {
        while (written < 512 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      res.on('close', () => closed(written));
      pump();
    });
    servers.push(server);
    const record = await deliver(event, { url: server.url, allowAnyPort: true, maxAttempts: 1 });
    expect(record.attempts[0]).toMatchObject({ label: 'delivered', status: 200 });
    expect(record.attempts[0]?.responseSnippet?.length).toBe(512);
    // The client stopped at the 64 KiB cap: the server got out what socket buffers hold
    // (a few MiB at most), nowhere near the 512 MiB it had to send.
    const bytes = await within('the client to close the huge answer', writtenWhenClosed);
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(32 * 1024 * 1024);
  });

  it('never inflates a gzip answer', async () => {
    const { gzipSync } = await import('node:zlib');
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 0));
    const server = await startHttp((_req, res) =>
      res.writeHead(200, { 'content-encoding': 'gzip' }).end(bomb),
    );
    servers.push(server);
    const record = await deliver(event, { url: server.url, allowAnyPort: true, maxAttempts: 1 });
    expect(record.attempts[0]?.label).toBe('delivered');
    expect(server.requests[0]?.headers['accept-encoding']).toBeUndefined();
  });
});

describe('interruption', () => {
  it('marks a delivery interrupted when its signal aborts an attempt in flight, without recording that attempt', async () => {
    const controller = new AbortController();
    // Never answers; aborts once the request is in.
    const server = await startHttp(() => controller.abort());
    servers.push(server);
    const record = await deliver(event, { url: server.url, allowAnyPort: true, signal: controller.signal });
    expect(record.result).toBe('interrupted');
    expect(record.attempts).toHaveLength(0);
  });

  it('marks a delivery interrupted when its signal aborts during a wait, keeping the attempts made', async () => {
    const server = await startHttp(statuses(503));
    servers.push(server);
    const controller = new AbortController();
    const record = await deliver(event, {
      url: server.url,
      allowAnyPort: true,
      signal: controller.signal,
      onAttempt: () => controller.abort(),
    });
    expect(record.result).toBe('interrupted');
    expect(record.attempts.map((a) => a.label)).toEqual(['status-503']);
    expect(server.requests).toHaveLength(1);
  });
});
