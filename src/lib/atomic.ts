import { sql, type CompiledQuery, type Kysely } from 'kysely';

/** Anything Kysely can compile: a query builder or an already compiled query. */
export type Compilable = { compile(): CompiledQuery } | CompiledQuery;

export interface AtomicResult {
  rows: unknown[];
  numAffectedRows: number;
}

/**
 * Runs statements all-or-nothing: a better-sqlite3 transaction on Node, `D1Database.batch()` on
 * Workers. Statements cannot read each other's results, so generate ids first and make
 * conditions part of the SQL (INSERT ... SELECT ... WHERE, conditional UPDATE).
 */
export type Atomic = (statements: Compilable[]) => Promise<AtomicResult[]>;

export function compileAll(statements: Compilable[]): CompiledQuery[] {
  return statements.map((s) => ('compile' in s ? s.compile() : s));
}

/**
 * An INSERT that happens only if the statement just before it in the same atomic batch changed
 * a row (SQLite's `changes()`). This chains a history or audit row to a conditional UPDATE
 * without reading in between, which D1 batches cannot do.
 */
export function insertIfPreviousChanged<DB>(
  db: Kysely<DB>,
  table: keyof DB & string,
  row: Record<string, unknown>,
): CompiledQuery {
  const columns = Object.keys(row);
  return sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) SELECT ${sql.join(
    columns.map((c) => sql.val(row[c])),
  )} WHERE changes() > 0`.compile(db);
}

/** A unique index refused the row (SQLite and D1 word it alike). */
export const isUniqueViolation = (err: unknown) =>
  err instanceof Error && /UNIQUE constraint failed/i.test(err.message);

/**
 * Runs ONE conditional INSERT (`INSERT … SELECT … WHERE`, maybe with RETURNING) in a batch of
 * its own: throws `refuse.duplicate()` when a unique index refuses the row (a second live
 * registration) and `refuse.skipped()` when its condition inserted nothing (full, cancelled,
 * started); otherwise answers its result (the RETURNING rows).
 */
export async function insertOrRefuse(
  atomic: Atomic,
  insert: Compilable,
  refuse: { duplicate: () => Error; skipped: () => Error },
): Promise<AtomicResult> {
  let result: AtomicResult | undefined;
  try {
    [result] = await atomic([insert]);
  } catch (err) {
    throw isUniqueViolation(err) ? refuse.duplicate() : err;
  }
  if (!result || (result.rows.length === 0 && result.numAffectedRows === 0)) throw refuse.skipped();
  return result;
}
