import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { makeTlsMaterial, type TlsMaterial, type TlsMode } from '../receiver/certs.js';

/**
 * TLS material for the scenarios, made once per mode per process (the insecure variants reuse
 * their secure twin's certificate), and made ahead, in a worker thread, when a run knows which
 * modes it will need.
 */
const cache = new Map<TlsMode, Promise<TlsMaterial>>();

/** Built JS only: from sources (tests) the material is made inline, on first use. */
const WORKER_URL = new URL('./tls-worker.js', import.meta.url);

/**
 * Starts making the material of `modes` in a worker; a failure falls back to making it inline.
 * Without the built worker (running from sources), makes it now, before any scenario runs, so
 * that no scenario's timers stall while keys are generated.
 */
export function prefetchTlsMaterial(modes: Iterable<TlsMode>): void {
  const wanted = [...new Set(modes)].filter((m) => !cache.has(m));
  if (wanted.length === 0) return;
  if (!existsSync(fileURLToPath(WORKER_URL))) {
    for (const mode of wanted) cache.set(mode, Promise.resolve(makeTlsMaterial(mode)));
    return;
  }
  const worker = new Worker(WORKER_URL, { workerData: { modes: wanted } });
  worker.unref();
  const pending = new Map<TlsMode, { resolve: (m: TlsMaterial) => void }>();
  for (const mode of wanted) {
    cache.set(
      mode,
      new Promise<TlsMaterial>((resolve) => {
        pending.set(mode, { resolve });
      }),
    );
  }
  worker.on('message', (msg: { mode: TlsMode; material: TlsMaterial }) => {
    pending.get(msg.mode)?.resolve(msg.material);
    pending.delete(msg.mode);
  });
  const fallBack = () => {
    for (const [mode, { resolve }] of pending) resolve(makeTlsMaterial(mode));
    pending.clear();
  };
  worker.on('error', fallBack);
  worker.on('exit', fallBack);
}

/** The material of one mode: prefetched, cached, or made now. */
export function tlsMaterial(mode: TlsMode): Promise<TlsMaterial> {
  let material = cache.get(mode);
  if (!material) {
    material = Promise.resolve(makeTlsMaterial(mode));
    cache.set(mode, material);
  }
  return material;
}
