/**
 * Makes TLS material off the main thread: the first mode makes three RSA key pairs (0.5 to 0.9 s
 * on two CPUs: the prime search is random), each other mode one signature (~30 ms). Made inline,
 * that would add to a run's wall time (~0.45 s measured on `cswm scenario run --all`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { makeTlsMaterial, type TlsMode } from '../receiver/certs.js';

for (const mode of (workerData as { modes: TlsMode[] }).modes) {
  parentPort?.postMessage({ mode, material: makeTlsMaterial(mode) });
}
