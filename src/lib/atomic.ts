import type { CompiledQuery } from 'kysely';

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
