import { defineConfig } from 'vitest/config';

/**
 * The slowest tests, kept out of the main `vitest run` so that it stays quick: the hostile load
 * test (50,000 deliveries at concurrency 100) and learning senders at real time (about 70 s of
 * waiting). CI runs them after `npm test` with `npx vitest run --config vitest.hostile.config.ts`.
 * They use dist/ (run `npm run build` first).
 */
export default defineConfig({
  test: {
    include: ['test/hostile/**/*.slow.ts', 'test/profile/**/*.slow.ts'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
