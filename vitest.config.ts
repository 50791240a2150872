import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Three projects:
 * - node: unit tests and the behaviour tests (test/modules) over in-memory better-sqlite3;
 * - workers: the same behaviour tests inside workerd over D1;
 * - browser: user journeys in Debian's Chromium against a real `npm start` server.
 * `#test-runtime` resolves to the runtime-specific way of building the app's dependencies.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          // A non-Tokyo process zone proves business rules never depend on it.
          env: { TZ: 'America/New_York' },
          include: [
            'test/unit/**/*.test.{ts,tsx}',
            'test/modules/**/*.test.{ts,tsx}',
            'test/node/**/*.test.{ts,tsx}',
          ],
          environment: 'node',
        },
        resolve: { alias: { '#test-runtime': here('./test/helpers/runtime.node.ts') } },
      },
      {
        plugins: [
          cloudflareTest(async () => ({
            main: './src/worker.ts',
            miniflare: {
              compatibilityDate: '2026-04-01',
              compatibilityFlags: ['nodejs_compat'],
              d1Databases: ['DB'],
              r2Buckets: ['FILES'],
              bindings: { TEST_MIGRATIONS: await readD1Migrations(here('./db/migrations')) },
            },
          })),
        ],
        test: {
          name: 'workers',
          include: ['test/modules/**/*.test.{ts,tsx}', 'test/workers/**/*.test.{ts,tsx}'],
        },
        resolve: { alias: { '#test-runtime': here('./test/helpers/runtime.workers.ts') } },
      },
      {
        test: {
          name: 'browser',
          include: ['test/e2e/**/*.test.{ts,tsx}'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
