/**
 * Prepares a run off the main thread: the events each scenario sends, then the TLS material.
 * Both take hundreds of ms (keys, faker, schema checks); done inline they would stall the
 * scenarios running meanwhile, and their timings.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { makeTlsMaterial, type TlsMode } from '../receiver/certs.js';
import { payloadsFor } from './payloads.js';
import type { SendSpec } from './types.js';

const { sends, modes } = workerData as { sends: { key: string; specs: SendSpec[] }[]; modes: TlsMode[] };
for (const { key, specs } of sends) {
  parentPort?.postMessage({ type: 'payloads', key, payloads: payloadsFor(specs) });
}
for (const mode of modes) {
  parentPort?.postMessage({ type: 'tls', mode, material: makeTlsMaterial(mode) });
}
