import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type * as Certs from '../../src/receiver/certs.js';
import type * as Prepare from '../../src/scenarios/prepare.js';
import type { Scenario } from '../../src/scenarios/types.js';

// Needs `npm run build` first: the worker that makes the certificates exists only as built JS
// (from sources the material is made inline), so this is the test that runs it.
const dist = (path: string) => new URL(`../../dist/${path}`, import.meta.url).href;

// The main thread's certificate maker, watched: with the worker working, it is never called.
vi.mock('../../dist/receiver/certs.js', async (importOriginal) => {
  const actual = await importOriginal<typeof Certs>();
  return { ...actual, makeTlsMaterial: vi.fn(actual.makeTlsMaterial) };
});

describe('the built TLS worker', () => {
  it('exists beside the built prepare module', () => {
    expect(existsSync(fileURLToPath(dist('scenarios/prepare-worker.js')))).toBe(true);
  });

  it('makes the material of every TLS mode of a run off the main thread', async () => {
    const { prepareTls, tlsMaterial, tlsReady } = (await import(
      dist('scenarios/prepare.js')
    )) as typeof Prepare;
    const { makeTlsMaterial } = (await import(dist('receiver/certs.js'))) as typeof Certs;
    const scenarios = [
      { receiver: { tls: 'self-signed' } },
      { receiver: { tls: 'expired' } },
      {},
    ] as Scenario[];
    prepareTls(scenarios);
    await tlsReady(scenarios);
    const selfSigned = await tlsMaterial('self-signed');
    const expired = await tlsMaterial('expired');
    expect(selfSigned.mode).toBe('self-signed');
    expect(expired.mode).toBe('expired');
    for (const m of [selfSigned, expired]) {
      expect(m.certPem).toMatch(/^-----BEGIN CERTIFICATE-----/);
      expect(m.keyPem).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    }
    // One process's keys: both certificates carry the same server key and the same public CA.
    expect(expired.keyPem).toBe(selfSigned.keyPem);
    expect(expired.publicCaPem).toBe(selfSigned.publicCaPem);
    expect(vi.mocked(makeTlsMaterial)).not.toHaveBeenCalled();
  });
});
