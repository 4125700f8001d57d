import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s*['"]([^'"]+)['"]/gm;

/** Every package (bare specifier) the built module graph under `entry` may load, static or dynamic. */
function packagesReachedFrom(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const queue = [resolve(DIST, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      const spec = match[1] ?? match[2] ?? match[3]!;
      if (spec.startsWith('.')) queue.push(resolve(dirname(file), spec));
      else packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  }
  return packages;
}

describe('the built entry points (run `npm run build` first)', () => {
  it('never load vitest or testcontainers from the main entry point', () => {
    const reached = packagesReachedFrom('index.js');
    expect([...reached].filter((p) => p === 'vitest' || p === 'testcontainers')).toEqual([]);
    expect(reached.has('got')).toBe(true);
  });

  it('load vitest only from the vitest entry point and testcontainers only from its own', () => {
    expect(packagesReachedFrom('testing/vitest.js').has('testcontainers')).toBe(false);
    expect(packagesReachedFrom('testing/testcontainers.js').has('vitest')).toBe(false);
    expect(packagesReachedFrom('testing/vitest.js').has('vitest')).toBe(true);
    expect(packagesReachedFrom('testing/testcontainers.js').has('testcontainers')).toBe(true);
  });
});
