import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context } from 'hono';
import { API_DOCS_SCRIPT, API_DOCS_SCRIPT_SOURCE } from './http/api-docs.js';
import { createApp } from './app.js';
import { loadNodeConfig } from './config.js';
import { runScheduledJobs } from './jobs/index.js';
import { createNodeDeps } from './node/deps.js';
import { applyMigrations } from '../db/migrate.js';
import { prepareNewDatabase } from '../db/seed/first-start.js';

const config = loadNodeConfig();
const { sqlite, deps } = createNodeDeps(config);

const applied = applyMigrations(sqlite);
if (applied.length) console.log(`Migrations applied: ${applied.join(', ')}`);
const firstStart = await prepareNewDatabase(deps, config);
if (firstStart) console.log(firstStart);

const cacheAnHour = (_path: string, c: Context) =>
  c.header('Cache-Control', 'public, max-age=3600');
const publicAssets = serveStatic({ root: './views/public', onFound: cacheAnHour });
// The API reference's bundle comes straight from its package (see http/api-docs.ts).
const apiDocsScript = serveStatic({ path: API_DOCS_SCRIPT_SOURCE, onFound: cacheAnHour });
const app = createApp(deps, {
  assets: (c, next) =>
    c.req.path === API_DOCS_SCRIPT ? apiDocsScript(c, next) : publicAssets(c, next),
});

// Scheduled jobs (outbox delivery, reminders, expiry notices): a first pass shortly after the
// server is listening, then every 10 minutes, never two runs at once. better-sqlite3 resolves
// every query without yielding to I/O, so a job pass holds the event loop for its whole length
// (seconds on a city-sized database): running it before or right at `listen` kept the server
// from answering anything until it was done. The delay lets the first requests (health checks)
// through first. The timers do not keep the process alive.
const JOB_INTERVAL_MS = 10 * 60_000;
const FIRST_JOBS_DELAY_MS = 2_000;
let firstJobsTimer: ReturnType<typeof setTimeout> | undefined;

const server = serve({ fetch: app.fetch, port: config.PORT }, (info) => {
  console.log(`Tsunagu is listening on http://localhost:${info.port}`);
  if (config.RUN_SCHEDULED_JOBS === '1')
    firstJobsTimer = setTimeout(runJobs, FIRST_JOBS_DELAY_MS).unref();
});
// Keep idle connections longer than the clients and proxies in front of us do (Node's 5 s
// default closes a socket just as a client reuses it: the client sees ECONNRESET). Headers
// must be allowed a little longer than the keep-alive.
if ('keepAliveTimeout' in server) {
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
}

let jobsRunning: Promise<unknown> | null = null;
function runJobs() {
  jobsRunning ??= runScheduledJobs(deps)
    .catch((err: unknown) => console.error('[jobs] run failed:', err))
    .finally(() => (jobsRunning = null));
}
const jobTimer =
  config.RUN_SCHEDULED_JOBS === '1' ? setInterval(runJobs, JOB_INTERVAL_MS).unref() : undefined;

// Clean shutdown: stop accepting, let requests finish, then close the database (checkpoints WAL).
function shutdown(signal: string) {
  console.log(`${signal} received, shutting down`);
  clearTimeout(firstJobsTimer);
  clearInterval(jobTimer);
  server.close(() => {
    // Let a job run in progress finish its current statements before the database closes.
    void Promise.resolve(jobsRunning).finally(() => {
      sqlite.close();
      process.exit(0);
    });
  });
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
