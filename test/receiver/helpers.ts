/**
 * Plain clients for driving the receiver in tests: node:http / node:https only, never the
 * project's own delivery code, so a bug there cannot hide one here.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { documentedExample } from '../../src/events/schemas.js';
import { WaitTimeoutError } from '../helpers/wait.js';

/** A documented alert_triggered event with its own event_id. */
export function alertEvent(eventId: string): Record<string, unknown> {
  const event = documentedExample('alert_triggered') as { details: Record<string, unknown> };
  event.details.event_id = eventId;
  return event;
}

export type PostResult =
  | {
      ok: true;
      status: number;
      headers: Record<string, string | string[] | undefined>;
      body: string;
      bytes: number;
    }
  | { ok: false; code: string; message: string };

export interface PostOptions {
  method?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
  ca?: string;
  /** Read at most this many body bytes, then close the connection. */
  maxBodyBytes?: number;
}

/** One request; network failures come back as `{ ok: false, code }`, never thrown. */
export function post(url: string, body: unknown, options: PostOptions = {}): Promise<PostResult> {
  const data = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: PostResult) => {
      if (!settled) {
        settled = true;
        resolve(result);
      }
    };
    const req = send(target, {
      method: options.method ?? 'POST',
      agent: false,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(data),
        ...options.headers,
      },
      ...(options.ca ? { ca: options.ca } : {}),
    });
    const timer = setTimeout(
      () => req.destroy(Object.assign(new Error('client timeout'), { code: 'CLIENT_TIMEOUT' })),
      options.timeoutMs ?? 5_000,
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      settle({ ok: false, code: error.code ?? 'UNKNOWN', message: error.message });
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes <= 64 * 1024) chunks.push(chunk);
        if (options.maxBodyBytes !== undefined && bytes >= options.maxBodyBytes) {
          clearTimeout(timer);
          settle({ ok: true, status: res.statusCode ?? 0, headers: res.headers, body: '', bytes });
          req.destroy();
        }
      });
      res.on('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        settle({ ok: false, code: error.code ?? 'UNKNOWN', message: error.message });
      });
      res.on('end', () => {
        clearTimeout(timer);
        settle({
          ok: true,
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          bytes,
        });
      });
    });
    req.end(data);
  });
}

/** A GET with a Host header of the test's choosing. */
export function get(url: string, headers: Record<string, string> = {}): Promise<PostResult> {
  return new Promise((resolve) => {
    const req = httpRequest(url, { method: 'GET', agent: false, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        resolve({ ok: true, status: res.statusCode ?? 0, headers: res.headers, body, bytes: body.length });
      });
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ ok: false, code: error.code ?? 'UNKNOWN', message: error.message }),
    );
    req.end();
  });
}

/** Narrows a result to a response, failing the test with the network error otherwise. */
export function response(result: PostResult): Extract<PostResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected a response, got ${result.code}: ${result.message}`);
  return result;
}

/**
 * Reads the inbox's Server-Sent Events (`/_cswm/events`, or `path`) while `act` runs once the
 * stream is open, until `done(text)` holds; returns the text read. Fails with the text read so
 * far when `timeoutMs` passes first.
 */
export function readEvents(
  receiverUrl: string,
  act: () => Promise<unknown>,
  done: (text: string) => boolean,
  timeoutMs = 5_000,
  path = '/_cswm/events',
): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const end = (outcome: () => void) => {
      clearTimeout(timer);
      req.destroy();
      outcome();
    };
    const timer = setTimeout(
      () =>
        end(() =>
          reject(
            new WaitTimeoutError(
              `waited ${timeoutMs} ms for ${path} to show what the test expects; it read:\n${text}`,
            ),
          ),
        ),
      timeoutMs,
    );
    const req = httpRequest(`${receiverUrl}${path}`, { agent: false }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        if (done(text)) end(() => resolve(text));
      });
      act().catch((error: unknown) => end(() => reject(error)));
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end();
  });
}
