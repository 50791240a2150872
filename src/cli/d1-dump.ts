import type Database from 'better-sqlite3';

/** SQL text for one value, as SQLite reads it back. */
function literal(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (Buffer.isBuffer(v)) return `X'${v.toString('hex')}'`;
  // What else SQLite returns: text.
  return `'${(v as string).replace(/'/g, "''")}'`;
}

/** Tables a trigger writes to (stamps, report totals). */
function derivedTables(sqlite: Database.Database): Set<string> {
  const derived = new Set<string>();
  const triggers = sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger'").all() as {
    sql: string;
  }[];
  for (const { sql } of triggers) {
    const body = sql.slice(sql.search(/\bBEGIN\b/i));
    for (const m of body.matchAll(/\b(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|UPDATE)\s+"?(\w+)"?/gi))
      derived.add(m[1]!);
  }
  return derived;
}

/**
 * Reference tables the migrations themselves fill (0027: the help categories). A freshly
 * migrated target already holds their rows, so the scratch database's replace them; a live
 * center's are its own (staff may have renamed a category) and are left alone.
 */
const FILLED_BY_MIGRATIONS = new Set(['help_category']);

function insertsOf(sqlite: Database.Database, table: string, verb = 'INSERT'): string[] {
  const rows = sqlite.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
  return rows.map((row) => {
    const columns = Object.keys(row);
    const values = columns.map((c) => literal(row[c])).join(', ');
    return `${verb} INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${values});`;
  });
}

/**
 * The rows of a scratch database as SQL for `wrangler d1 execute --file` (one transaction, so
 * foreign keys are checked at its end and the table order does not matter).
 *
 * Tables written by triggers are never inserted directly: the triggers fire on D1 as the rows go
 * in. Stamps (random tokens, versions) may differ, which is all they need to do. The report
 * totals depend on the order rows go in (an activity counts its children's bands only if they
 * are there first), so with `totals: 'copy'` — for a freshly migrated database only — they are
 * replaced by the scratch database's own after the rows; `'keep'` leaves them to the triggers
 * (rows that touch no totals, such as an admin account on a live center).
 */
export function dumpInserts(
  sqlite: Database.Database,
  { totals }: { totals: 'copy' | 'keep' },
): string {
  const derived = derivedTables(sqlite);
  const tables = (
    sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'migrations' AND name NOT LIKE '\\_cf%' ESCAPE '\\' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((t) => t.name);
  const lines = ['PRAGMA defer_foreign_keys = on;'];
  for (const table of tables) {
    if (derived.has(table)) continue;
    if (!FILLED_BY_MIGRATIONS.has(table)) lines.push(...insertsOf(sqlite, table));
    else if (totals === 'copy') lines.push(...insertsOf(sqlite, table, 'INSERT OR REPLACE'));
  }
  if (totals === 'copy')
    for (const table of tables)
      if (derived.has(table) && !table.endsWith('_stamp'))
        lines.push(`DELETE FROM "${table}";`, ...insertsOf(sqlite, table));
  return `${lines.join('\n')}\n`;
}
