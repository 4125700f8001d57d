/**
 * Plain clients for the zoo's smoke tests: one POST with node:http(s) (a CA can be trusted, no
 * retry, no redirect), and a bounded wait for a line in a receiver's output.
 */
import http from 'node:http';
import https from 'node:https';
import { waitUntil } from '../helpers/wait.js';
import type { ZooReceiver } from './process.js';

export type PostResult =
  | { type: 'answer'; status: number; body: string; durationMs: number }
  | { type: 'error'; code: string; message: string };

const REQUEST_TIMEOUT_MS = 15_000;

export function post(
  url: string,
  body: string | Buffer,
  options: { headers?: Record<string, string>; ca?: string } = {},
): Promise<PostResult> {
  const started = performance.now();
  const client = url.startsWith('https:') ? https : http;
  return new Promise((resolve) => {
    const req = client.request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
        ...(options.ca === undefined ? {} : { ca: options.ca }),
        timeout: REQUEST_TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            type: 'answer',
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            durationMs: performance.now() - started,
          }),
        );
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ type: 'error', code: error.code ?? 'UNKNOWN', message: error.message }),
    );
    req.end(body);
  });
}

/** A JSON body of exactly `bytes` bytes: `{"pad":"aaa..."}`. */
export function jsonOfSize(bytes: number): Buffer {
  const overhead = '{"pad":""}'.length;
  return Buffer.from(`{"pad":"${'a'.repeat(bytes - overhead)}"}`);
}

const LOG_DEADLINE_MS = 10_000;

/** How many times the receiver's output matches `pattern` so far. */
export function logCount(receiver: ZooReceiver, pattern: RegExp): number {
  return [...receiver.logs().matchAll(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))]
    .length;
}

/**
 * Waits (bounded) until the receiver's output matches `pattern` at least `count` times: output
 * reaches this process through a pipe, possibly after the HTTP answer did.
 */
export async function waitForLog(receiver: ZooReceiver, pattern: RegExp, count = 1): Promise<void> {
  await waitUntil(
    `${receiver.name} to print ${pattern} ${count} time(s)`,
    () => logCount(receiver, pattern) >= count,
    {
      timeoutMs: LOG_DEADLINE_MS,
      seen: () => receiver.logs(),
    },
  );
}
