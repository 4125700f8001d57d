import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { makeTlsMaterial, type TlsMaterial, type TlsMode } from '../receiver/certs.js';
import type { Scenario } from './types.js';

/**
 * The TLS material of the scenarios: made once per mode per process (the insecure variants
 * reuse their twin's certificate) and, when a run knows its scenarios, made ahead in a worker
 * thread while the main thread does work that no timer depends on.
 */
const tlsCache = new Map<TlsMode, Promise<TlsMaterial>>();

/** Built JS only: from sources (tests), the material is made inline. */
const WORKER_URL = new URL('./prepare-worker.js', import.meta.url);

/**
 * Starts making the TLS material of `scenarios` in a worker. Without the built worker it is
 * made now, inline; if the worker fails, whatever it did not deliver is made inline on demand.
 */
export function prepareTls(scenarios: readonly Scenario[]): void {
  const modes = [...new Set(scenarios.flatMap((s) => (s.receiver?.tls ? [s.receiver.tls] : [])))].filter(
    (m) => !tlsCache.has(m),
  );
  if (modes.length === 0) return;
  if (!existsSync(fileURLToPath(WORKER_URL))) {
    for (const mode of modes) tlsCache.set(mode, Promise.resolve(makeTlsMaterial(mode)));
    return;
  }
  const waiting = new Map<TlsMode, (material: TlsMaterial) => void>();
  for (const mode of modes) tlsCache.set(mode, new Promise((settle) => waiting.set(mode, settle)));
  const worker = new Worker(WORKER_URL, { workerData: { modes } });
  worker.unref();
  worker.on('message', (msg: { mode: TlsMode; material: TlsMaterial }) => {
    waiting.get(msg.mode)?.(msg.material);
    waiting.delete(msg.mode);
  });
  const fallBack = () => {
    for (const [mode, settle] of waiting) settle(makeTlsMaterial(mode));
    waiting.clear();
  };
  worker.on('error', fallBack);
  worker.on('exit', fallBack);
}

/** Resolves when the material of every TLS mode of `scenarios` is made. */
export async function tlsReady(scenarios: readonly Scenario[]): Promise<void> {
  await Promise.all(scenarios.flatMap((s) => (s.receiver?.tls ? [tlsMaterial(s.receiver.tls)] : [])));
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
