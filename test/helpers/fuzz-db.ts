import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database as Schema } from '../../db/schema.js';
import { applyMigrations } from '../../db/migrate.js';
import { createScryptHasher } from '../../src/auth/password.node.js';
import { createApp } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { ManualClock } from '../../src/lib/clock.js';
import { MemoryMailer } from '../../src/lib/mailer.js';
import { createNodeAtomic } from '../../src/lib/atomic.node.js';
import { openNodeDatabase } from '../../src/node/database.js';
import { nodeFileStore } from '../../src/node/file-store.js';
import { DEFAULT_NOW, type TestContext } from './test-app.js';

// Node-only test plumbing for the fuzz and mass-assignment tests: the same app as
// test/helpers/runtime.node.ts builds, but keeping the raw better-sqlite3 handle so every
// request can be followed by a cheap, exact "did anything change?" check.

const hasher = createScryptHasher({ N: 2 ** 10, r: 8, p: 1 });
/** Uploaded files: one temporary directory for the whole run (each route's copy shares it). */
const files = nodeFileStore(mkdtempSync(join(tmpdir(), 'tsunagu-fuzz-files-')));

/**
 * Tables legitimately written by a request the app rejects (or by the harness itself):
 * - `session`: the harness signs actors in again after a route ended their session (logout,
 *   password change, withdrawal); Lucia may also extend a session it validates. Neither is the
 *   effect of the fuzzed body.
 * - `login_attempt`: a failed login (401) and a throttled one (429) must be recorded, that is
 *   how throttling works (QUALITY.md item 9).
 */
export const CHECKSUM_EXCLUDED_TABLES = ['session', 'login_attempt'] as const;

/**
 * Audit rows a rejection must write (everything else in audit_log is checked):
 * - `login_failed`, `login_throttled`: the security log of refused sign-ins;
 * - `child_health_read`: a refused staff action re-renders the member page, which shows the
 *   children's health fields, and every such read is audited (QUALITY.md item 3).
 */
export const AUDIT_ACTIONS_OF_REJECTIONS = ['login_failed', 'login_throttled', 'child_health_read'];

export interface FuzzContext extends TestContext {
  sqlite: BetterSqlite3.Database;
}

/**
 * A fresh migrated in-memory database, or a copy of `image` (from `sqlite.serialize()`): the
 * fuzz world is built once and each route gets its own copy, opened as openNodeDatabase does.
 */
export function setupFuzzApp(now: string = DEFAULT_NOW, image?: Buffer): FuzzContext {
  const clock = new ManualClock(now);
  const config = parseConfig({ NODE_ENV: 'test' });
  let sqlite: BetterSqlite3.Database;
  let db: Kysely<Schema>;
  let atomic: ReturnType<typeof createNodeAtomic>;
  if (image) {
    sqlite = new Database(image);
    sqlite.pragma('foreign_keys = ON');
    db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
    atomic = createNodeAtomic(sqlite);
  } else {
    ({ sqlite, db, atomic } = openNodeDatabase(':memory:'));
    applyMigrations(sqlite);
  }
  const deps = {
    db,
    atomic,
    clock,
    files,
    config,
    mailer: new MemoryMailer(),
    passwordHasher: hasher,
    peerAddress: () => '192.0.2.1',
  };
  return { app: createApp(deps), deps, clock, runtime: 'node', sqlite };
}

/** A SHA-256 over every row of every table but the excluded ones (row order independent). */
export class DbChecksum {
  private readonly tables: { name: string; stmt: BetterSqlite3.Statement }[];
  private readonly changes: BetterSqlite3.Statement;
  private lastChanges = -1;
  private lastHash = '';
  /** How many times the full hash was computed (for the report). */
  fullHashes = 0;

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    const names = sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all() as string[];
    this.tables = names
      .filter((n) => !(CHECKSUM_EXCLUDED_TABLES as readonly string[]).includes(n))
      .map((name) => ({
        name,
        stmt: sqlite
          .prepare(
            name === 'audit_log'
              ? `SELECT * FROM audit_log WHERE action NOT IN (${AUDIT_ACTIONS_OF_REJECTIONS.map((a) => `'${a}'`).join(', ')})`
              : `SELECT * FROM "${name}"`,
          )
          .raw(),
      }));
    this.changes = sqlite.prepare('SELECT total_changes()').pluck();
  }

  /** Per-table hashes of the last full() run, to name what changed. */
  private tableHashes = new Map<string, string>();
  private previousTableHashes = new Map<string, string>();

  /** The hash of the whole database now. */
  full(): string {
    this.fullHashes += 1;
    this.previousTableHashes = this.tableHashes;
    this.tableHashes = new Map();
    const hash = createHash('sha256');
    for (const { name, stmt } of this.tables) {
      const rows = (stmt.all() as unknown[][]).map((r) =>
        JSON.stringify(r, (_k, v: unknown) =>
          typeof v === 'bigint'
            ? `${v}n`
            : v instanceof Uint8Array
              ? Buffer.from(v).toString('hex')
              : v,
        ),
      );
      rows.sort();
      const text = `${name}:${rows.length}\n${rows.join('\n')}\n`;
      this.tableHashes.set(name, createHash('sha256').update(text).digest('hex'));
      hash.update(text);
    }
    return hash.digest('hex');
  }

  /** The tables whose rows differ between the last two full hashes. */
  changedTables(): string[] {
    return [...this.tableHashes]
      .filter(([name, h]) => this.previousTableHashes.get(name) !== h)
      .map(([name]) => name);
  }

  /**
   * The hash, recomputed only when SQLite's total_changes() moved: the app writes through this
   * one connection, and total_changes() counts every row inserted, updated or deleted on it
   * (triggers included), so an unchanged count proves no row was written since the last hash.
   */
  current(): string {
    const changes = this.changes.get() as number;
    if (changes !== this.lastChanges) {
      this.lastChanges = changes;
      this.lastHash = this.full();
    }
    return this.lastHash;
  }

  /** Every row of every checked table, with column names (for the mass-assignment diffs). */
  rows(): Map<string, Record<string, unknown>[]> {
    const out = new Map<string, Record<string, unknown>[]>();
    for (const { name } of this.tables)
      out.set(
        name,
        this.sqlite.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[],
      );
    return out;
  }
}
