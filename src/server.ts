import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createApp } from './app.js';
import { parseConfig } from './config.js';
import { createNodeDeps } from './node/deps.js';
import { applyMigrations } from '../db/migrate.js';
import { DEMO_LOGINS, DEMO_PASSWORD, isDatabaseEmpty, seedDemoCenter } from '../db/seed/demo.js';

const config = parseConfig(process.env);
const { sqlite, deps } = createNodeDeps(config);

const applied = applyMigrations(sqlite);
if (applied.length) console.log(`Migrations applied: ${applied.join(', ')}`);
if (config.SEED_DEMO && (await isDatabaseEmpty(deps))) {
  await seedDemoCenter(deps);
  console.log(
    `Demo center seeded. Demo logins (password "${DEMO_PASSWORD}"): ${Object.values(DEMO_LOGINS).join(', ')}`,
  );
}

const app = createApp(deps, {
  assets: serveStatic({
    root: './views/public',
    onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=3600'),
  }),
});

const server = serve({ fetch: app.fetch, port: config.PORT }, (info) => {
  console.log(`Tsunagu is listening on http://localhost:${info.port}`);
});

// Clean shutdown: stop accepting, let requests finish, then close the database (checkpoints WAL).
function shutdown(signal: string) {
  console.log(`${signal} received, shutting down`);
  server.close(() => {
    sqlite.close();
    process.exit(0);
  });
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
