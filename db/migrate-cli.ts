// `npm run db:migrate`: applies pending migrations to DATABASE_PATH. Its own file, so that the
// server (which imports db/migrate.ts) never runs this when bundled (src/node/start.mjs).
import { applyMigrations } from './migrate.js';
import { loadNodeConfig } from '../src/config.js';
import { openNodeDatabase } from '../src/node/database.js';

const config = loadNodeConfig();
const { sqlite } = openNodeDatabase(config.DATABASE_PATH, config.SQLITE_SYNCHRONOUS);
const applied = applyMigrations(sqlite);
console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
sqlite.close();
