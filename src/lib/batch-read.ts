import type { InferResult } from 'kysely';
import { compileAll, type Compilable } from './atomic.js';
import type { Db } from './db.js';

type Reads = readonly (Compilable & { compile(): unknown })[];
/** The rows of each query, in order: `[rowsOfFirst, rowsOfSecond, …]`. */
export type BatchReadResult<Q extends Reads> = { -readonly [K in keyof Q]: InferResult<Q[K]> };

/**
 * Runs independent reads in one round trip where the runtime has round trips: one
 * `D1Database.batch()` on Workers (a snapshot, as D1 runs a batch as one transaction), plain
 * calls on Node where a query is a function call. Reads only: writes go through the atomic port.
 */
export type BatchReadPort = (queries: Reads) => Promise<unknown[][]>;

/** The Workers implementation: one `batch()` for all the queries. */
export function createD1BatchRead(d1: D1Database): BatchReadPort {
  return async (queries) => {
    const compiled = compileAll([...queries]);
    if (compiled.length === 0) return [];
    const results = await d1.batch(
      compiled.map((q) => d1.prepare(q.sql).bind(...(q.parameters as unknown[]))),
    );
    return results.map((r) => r.results ?? []);
  };
}

/**
 * `batchRead(deps, [q1, q2])` → `[rows1, rows2]`, typed per query. Without a batch port (Node),
 * the queries run as plain calls.
 */
export async function batchRead<Q extends Reads>(
  deps: { db: Db; batchRead?: BatchReadPort | undefined },
  queries: Q,
): Promise<BatchReadResult<Q>> {
  if (deps.batchRead) return (await deps.batchRead(queries)) as BatchReadResult<Q>;
  const compiled = compileAll([...queries]);
  const rows = await Promise.all(compiled.map(async (q) => (await deps.db.executeQuery(q)).rows));
  return rows as BatchReadResult<Q>;
}
