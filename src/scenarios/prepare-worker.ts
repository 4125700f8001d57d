/**
 * Makes TLS material off the main thread: each mode costs a key pair and signatures, hundreds
 * of ms, which would otherwise stall whatever the main thread is doing.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { makeTlsMaterial, type TlsMode } from '../receiver/certs.js';

for (const mode of (workerData as { modes: TlsMode[] }).modes) {
  parentPort?.postMessage({ mode, material: makeTlsMaterial(mode) });
}
