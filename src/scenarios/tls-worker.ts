/**
 * Makes the TLS material of the given modes off the main thread: key generation and signing
 * take hundreds of ms per certificate, and done inline they would stall the scenarios running
 * meanwhile (and their timings).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { makeTlsMaterial, type TlsMode } from '../receiver/certs.js';

for (const mode of (workerData as { modes: TlsMode[] }).modes) {
  parentPort?.postMessage({ mode, material: makeTlsMaterial(mode) });
}
