import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { EVENT_TYPES } from '../events/catalog.js';
import { makeTlsMaterial, type TlsMaterial, type TlsMode } from '../receiver/certs.js';
import { payloadsFor } from './payloads.js';
import type { Scenario, SendSpec } from './types.js';

/**
 * What a run needs before its scenarios send anything: their events and their TLS material.
 * Made once per process (cached by send list and by TLS mode; the insecure variants reuse their
 * twin's certificate) and, when a run knows its scenarios, made ahead in a worker thread so the
 * main thread stays free for the scenarios' timers.
 */
const payloadCache = new Map<string, Promise<unknown[]>>();
const tlsCache = new Map<TlsMode, Promise<TlsMaterial>>();

/** Built JS only: from sources (tests), everything is made inline, before the run starts. */
const WORKER_URL = new URL('./prepare-worker.js', import.meta.url);

const keyOf = (specs: readonly SendSpec[]): string => JSON.stringify(specs);

type Settle<T> = (value: T) => void;

/** Events of a send list made inline on first use: a few cost a few ms, not worth a thread. */
const INLINE_EVENTS = 20;

/**
 * Starts preparing `scenarios`, in the order they will run: the large send lists in one worker,
 * the TLS material in another (so neither waits for the other). Without the built worker, or if
 * it fails, the same work is done inline (before any scenario starts, or on first use).
 */
export function prepareInBackground(scenarios: readonly Scenario[]): void {
  const sends = unique(
    scenarios.map((s) => s.send),
    keyOf,
  ).filter((specs) => !payloadCache.has(keyOf(specs)) && eventCount(specs) > INLINE_EVENTS);
  const modes = unique(
    scenarios.flatMap((s) => (s.receiver?.tls ? [s.receiver.tls] : [])),
    (m) => m,
  ).filter((m) => !tlsCache.has(m));
  const inline = !existsSync(fileURLToPath(WORKER_URL));
  if (sends.length > 0) {
    if (inline)
      for (const specs of sends) payloadCache.set(keyOf(specs), Promise.resolve(payloadsFor(specs)));
    else startWorker(sends, []);
  }
  if (modes.length > 0) {
    if (inline) for (const mode of modes) tlsCache.set(mode, Promise.resolve(makeTlsMaterial(mode)));
    else startWorker([], modes);
  }
}

type Message =
  | { type: 'payloads'; key: string; payloads: unknown[] }
  | { type: 'tls'; mode: TlsMode; material: TlsMaterial };

function startWorker(sends: SendSpec[][], modes: TlsMode[]): void {
  const waitingPayloads = new Map<string, { specs: SendSpec[]; settle: Settle<unknown[]> }>();
  const waitingTls = new Map<TlsMode, Settle<TlsMaterial>>();
  for (const specs of sends) {
    const key = keyOf(specs);
    payloadCache.set(key, new Promise((settle) => waitingPayloads.set(key, { specs, settle })));
  }
  for (const mode of modes) tlsCache.set(mode, new Promise((settle) => waitingTls.set(mode, settle)));
  const worker = new Worker(WORKER_URL, {
    workerData: { sends: sends.map((specs) => ({ key: keyOf(specs), specs })), modes },
  });
  worker.unref();
  worker.on('message', (msg: Message) => {
    if (msg.type === 'payloads') {
      waitingPayloads.get(msg.key)?.settle(msg.payloads);
      waitingPayloads.delete(msg.key);
    } else {
      waitingTls.get(msg.mode)?.(msg.material);
      waitingTls.delete(msg.mode);
    }
  });
  // Whatever the worker did not deliver is made inline, so a run never hangs on it.
  const fallBack = () => {
    for (const { specs, settle } of waitingPayloads.values()) settle(payloadsFor(specs));
    for (const [mode, settle] of waitingTls) settle(makeTlsMaterial(mode));
    waitingPayloads.clear();
    waitingTls.clear();
  };
  worker.on('error', fallBack);
  worker.on('exit', fallBack);
}

function eventCount(specs: readonly SendSpec[]): number {
  return specs.reduce((n, spec) => n + spec.count * (spec.event === 'all' ? EVENT_TYPES.length : 1), 0);
}

/** The events a send list produces: prepared, cached, or made now. */
export function preparedPayloads(specs: readonly SendSpec[]): Promise<unknown[]> {
  const key = keyOf(specs);
  let payloads = payloadCache.get(key);
  if (!payloads) {
    payloads = Promise.resolve(payloadsFor(specs));
    payloadCache.set(key, payloads);
  }
  return payloads;
}

/** The material of one TLS mode: prepared, cached, or made now. */
export function tlsMaterial(mode: TlsMode): Promise<TlsMaterial> {
  let material = tlsCache.get(mode);
  if (!material) {
    material = Promise.resolve(makeTlsMaterial(mode));
    tlsCache.set(mode, material);
  }
  return material;
}

function unique<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
