import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type BetterSqlite3 from 'better-sqlite3';

// Relative to the repository root, not to this file, so that it holds for the sources (db/) and
// for the server bundle (dist/, src/node/start.mjs) alike.
export const MIGRATIONS_DIR = fileURLToPath(new URL('../db/migrations/', import.meta.url));

export function listMigrationFiles(dir = MIGRATIONS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort();
}

/**
 * Applies pending migrations in order, each in its own transaction, recording them in a
 * `migrations` table. The same SQL files are applied to D1 by `wrangler d1 migrations apply`.
 */
export function applyMigrations(sqlite: BetterSqlite3.Database, dir = MIGRATIONS_DIR): string[] {
  sqlite.exec(
    'CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)',
  );
  const done = new Set(
    (sqlite.prepare('SELECT name FROM migrations').all() as { name: string }[]).map((r) => r.name),
  );
  const applied: string[] = [];
  for (const file of listMigrationFiles(dir)) {
    if (done.has(file)) continue;
    const sql = readFileSync(join(dir, file), 'utf8');
    sqlite.transaction(() => {
      sqlite.exec(sql);
      sqlite
        .prepare('INSERT INTO migrations (name, applied_at) VALUES (?, ?)')
        .run(file, new Date().toISOString());
    })();
    applied.push(file);
  }
  return applied;
}
