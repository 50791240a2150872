import { defineConfig } from 'vitest/config';

/**
 * `npm run test:reliability`: the slow, Node-only reliability checks (kill -9 crash rounds).
 * Kept out of `npm test`; .ci/run runs it after the main suite.
 */
export default defineConfig({
  test: {
    name: 'reliability',
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/reliability/**/*.test.ts'],
    environment: 'node',
    testTimeout: 600_000,
    fileParallelism: false,
  },
});
