/**
 * Shared by the container tests: whether an engine answers (else they skip, with one line that
 * says why), and the two images scripts/ci/build-test-images.sh builds. .ci/run builds them
 * before `npm test`; on a developer's machine with Docker they are built here on first use
 * (CSWM_REBUILD_TEST_IMAGES=1 rebuilds them from the current dist/).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { getContainerRuntimeClient, ImageName } from 'testcontainers';
import { probeDocker } from '../../src/testing/docker-probe.js';

export const REFERENCE_IMAGE = process.env.CSWM_REFERENCE_IMAGE ?? 'cswm-reference:test';
export const BROKEN_204_IMAGE = process.env.CSWM_BROKEN_204_IMAGE ?? 'cswm-broken-204:test';

/**
 * The reference receiver's command inside a container: listening on every interface at 8080 and
 * refusing deliveries without this Bearer token (so a check that sends it can score 100).
 */
export function receiveRequiringToken(token: string): string[] {
  return [
    'receive',
    '--host',
    '0.0.0.0',
    '--port',
    '8080',
    '--require-header',
    `Authorization: Bearer ${token}`,
  ];
}

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

// Ryuk (the reaper) comes from a registry; these tests stop every container they start.
process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';

const probe = await probeDocker();
/** True when a Docker engine answers; the container tests skip otherwise. */
export const dockerAvailable = probe.available;
if (!probe.available) {
  console.log(`testcontainers tests skipped: ${probe.reason}`);
}

let rebuilt = false;

/** Builds the test images when one of them is missing (or once per worker when asked to rebuild). */
export async function ensureTestImages(): Promise<void> {
  const client = await getContainerRuntimeClient();
  const missing = [];
  for (const tag of [REFERENCE_IMAGE, BROKEN_204_IMAGE]) {
    if (!(await client.image.exists(ImageName.fromString(tag)))) missing.push(tag);
  }
  const rebuild = process.env.CSWM_REBUILD_TEST_IMAGES === '1' && !rebuilt;
  if (missing.length === 0 && !rebuild) return;
  rebuilt = true;
  const args = rebuild ? [] : ['--if-missing'];
  const built = spawnSync('bash', ['scripts/ci/build-test-images.sh', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (built.status !== 0) {
    throw new Error(
      `building the test images (${missing.join(', ')}) failed:\n${built.stdout}\n${built.stderr}`,
    );
  }
}
