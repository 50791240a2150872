import type Database from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * Kysely's SQLite driver prepares every statement anew on each query; at API rates compiling
 * the same SQL dominated the short reads (about a tenth of a request's CPU in `npm run bench`).
 * This keeps the most recently used prepared statements by SQL text. Safe because better-sqlite3
 * runs a statement to completion synchronously (the app never streams), and SQLite re-prepares
 * a cached statement by itself after a schema change.
 */
export function withStatementCache(sqlite: Database.Database, capacity = 500): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare: (sql: string) => {
      let stmt = cache.get(sql);
      if (stmt) {
        // Re-insert: a Map iterates in insertion order, so the first key is the least recent.
        cache.delete(sql);
      } else {
        stmt = sqlite.prepare(sql);
        if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}
