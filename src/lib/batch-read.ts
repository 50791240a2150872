import {
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type InferResult,
  type QueryResult,
} from 'kysely';
import type { Database as Schema } from '../../db/schema.js';
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
export type BatchReadPort = (queries: readonly Compilable[]) => Promise<unknown[][]>;

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

/**
 * A `Db` whose reads started together travel together: every query it is asked to run before
 * the next macrotask goes out in one `batchRead` (one D1 `batch()`), each caller getting its own
 * rows. So a page's `Promise.all` of read functions costs one round trip on Workers without
 * rewriting those functions as builders. Reads only (a batch on D1 is also a transaction; keep
 * writes on `deps.db` and the atomic port). Without a batch port (Node) it is `deps.db` itself.
 */
export function batchingDb(deps: { db: Db; batchRead?: BatchReadPort | undefined }): Db {
  const port = deps.batchRead;
  if (!port) return deps.db;
  let pending: {
    query: CompiledQuery;
    resolve: (r: QueryResult<unknown>) => void;
    reject: (e: unknown) => void;
  }[] = [];
  const flush = async () => {
    const batch = pending;
    pending = [];
    try {
      const results = await port(batch.map((p) => p.query));
      batch.forEach((p, i) => p.resolve({ rows: results[i] ?? [] }));
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  };
  const connection: DatabaseConnection = {
    executeQuery<R>(query: CompiledQuery) {
      return new Promise<QueryResult<R>>((resolve, reject) => {
        // Kysely reaches here a few microtasks after the call: the group's other reads arrive
        // within a few more. A timer would also wait for I/O that finished meanwhile.
        if (pending.length === 0) void afterMicrotasks(FLUSH_HOPS).then(flush);
        pending.push({ query, resolve: resolve as (r: QueryResult<unknown>) => void, reject });
      });
    },
    // eslint-disable-next-line require-yield, @typescript-eslint/require-await
    async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
      throw new Error('batched reads do not stream');
    },
  };
  const noTransactions = () => Promise.reject(new Error('batched reads: no transactions'));
  const batching: Db = new Kysely<Schema>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createQueryCompiler: () => new SqliteQueryCompiler(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createDriver: () => ({
        init: () => Promise.resolve(),
        acquireConnection: () => Promise.resolve(connection),
        beginTransaction: noTransactions,
        commitTransaction: noTransactions,
        rollbackTransaction: noTransactions,
        releaseConnection: () => Promise.resolve(),
        destroy: () => Promise.resolve(),
      }),
    },
  });
  underlying.set(batching, underlyingDb(deps.db));
  return batching;
}

const underlying = new WeakMap<Db, Db>();

/** Microtask hops before a batch goes out (reads of one `Promise.all` take far fewer). */
const FLUSH_HOPS = 50;

async function afterMicrotasks(hops: number) {
  for (let i = 0; i < hops; i++) await Promise.resolve();
}

/** The database a `batchingDb` reads (the same `Db` otherwise): a key for per-database caches. */
export const underlyingDb = (db: Db): Db => underlying.get(db) ?? db;

/**
 * `deps` for a group of reads: their queries issued together go out together (`batchingDb`),
 * nested groups included (the port is consumed here, so an inner call does not batch apart).
 */
export function withBatchedReads<D extends { db: Db; batchRead?: BatchReadPort | undefined }>(
  deps: D,
): D {
  return deps.batchRead ? { ...deps, db: batchingDb(deps), batchRead: undefined } : deps;
}
