import { defineConfig } from 'vitest/config';

/**
 * `npm run test:cf-dev`: the app on `wrangler dev` (workerd + a local D1), set up as the README's
 * Workers section says. Kept out of `npm test`: starting wrangler and workerd takes about a
 * minute on a quiet machine and several on a busy one.
 */
export default defineConfig({
  test: {
    name: 'cf-dev',
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/cf-dev/**/*.test.ts'],
    environment: 'node',
    testTimeout: 300_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
