/**
 * A D1 stand-in that counts round trips: a `D1Database` over better-sqlite3 that the app's own
 * D1 dialect (src/lib/d1-dialect.ts) and atomic port (src/lib/atomic.d1.ts) run on unchanged, so
 * the Workers code path is measured in plain Node (tests and `npm run bench`).
 *
 * Every `all/run/raw/first` and every `batch()` is one round trip. Each resolves on a later
 * macrotask, as a network call would, so calls a handler starts together (Promise.all) are in
 * flight together. A call's depth is 1 + the deepest call that had finished before it started;
 * a request's depth is its longest chain of calls that had to wait for each other — what its
 * latency is made of when each round trip costs 1–80 ms.
 */
import type Database from 'better-sqlite3';

export interface RoundTrips {
  /** Round trips (a batch is one). */
  total: number;
  /** The longest chain of round trips that waited for each other. */
  sequential: number;
  /** Statements sent, counting each statement of a batch (D1's per-invocation query limit). */
  statements: number;
}

type Value = string | number | bigint | Buffer | null;
type Bound = Value | boolean | undefined;

const WRITES = /^\s*(insert|update|delete|replace)\b/i;

/** D1 stores booleans as 0/1; better-sqlite3 refuses them. */
const toSqlite = (v: Bound): Value => (typeof v === 'boolean' ? Number(v) : (v ?? null));

export class MeteredD1 {
  private finishedDepth = 0;
  private counts: RoundTrips = { total: 0, sequential: 0, statements: 0 };
  private metering = false;

  constructor(readonly sqlite: Database.Database) {}

  /** Counts the round trips `work` makes; calls outside `measure` are not counted. */
  async measure(work: () => Promise<unknown>): Promise<RoundTrips> {
    this.counts = { total: 0, sequential: 0, statements: 0 };
    this.finishedDepth = 0;
    this.metering = true;
    try {
      await work();
    } finally {
      this.metering = false;
    }
    return { ...this.counts };
  }

  prepare(query: string): MeteredStatement {
    return new MeteredStatement(this, query, []);
  }

  batch(statements: MeteredStatement[]): Promise<D1Result[]> {
    return this.roundTrip(statements.length, () =>
      // The stand-in's batch is what D1's is: one transaction.
      // eslint-disable-next-line no-restricted-syntax
      this.sqlite.transaction(() => statements.map((s) => s.execute()))(),
    );
  }

  exec(query: string): Promise<{ count: number; duration: number }> {
    return this.roundTrip(1, () => {
      this.sqlite.exec(query);
      return { count: 1, duration: 0 };
    });
  }

  /** One call to the database: run now (SQLite is synchronous), answer on a later macrotask. */
  roundTrip<T>(statements: number, run: () => T): Promise<T> {
    const depth = this.finishedDepth + 1;
    if (this.metering) {
      this.counts.total += 1;
      this.counts.statements += statements;
    }
    let result: T;
    try {
      result = run();
    } catch (err) {
      return new Promise((_, reject) => setImmediate(() => reject(err as Error)));
    }
    return new Promise((resolve) =>
      setImmediate(() => {
        if (this.metering) {
          this.finishedDepth = Math.max(this.finishedDepth, depth);
          this.counts.sequential = Math.max(this.counts.sequential, depth);
        }
        resolve(result);
      }),
    );
  }
}

export class MeteredStatement {
  constructor(
    private readonly d1: MeteredD1,
    private readonly query: string,
    private readonly params: Value[],
  ) {}

  bind(...values: Bound[]): MeteredStatement {
    return new MeteredStatement(this.d1, this.query, values.map(toSqlite));
  }

  /** Runs the statement in place (inside a batch's transaction, or for one call). */
  execute(): D1Result {
    const { sqlite } = this.d1;
    const stmt = sqlite.prepare(this.query);
    if (stmt.reader) {
      const results = stmt.all(...this.params) as Record<string, unknown>[];
      // INSERT … RETURNING is a reader too: D1 still reports its changes.
      const writes = WRITES.test(this.query);
      const meta = writes
        ? (sqlite.prepare('SELECT changes() AS c, last_insert_rowid() AS r').get() as {
            c: number;
            r: number;
          })
        : undefined;
      return result(results, meta?.c ?? 0, meta?.r ?? 0);
    }
    const info = stmt.run(...this.params);
    return result([], info.changes, Number(info.lastInsertRowid));
  }

  all<T = Record<string, unknown>>(): Promise<D1Result<T>> {
    return this.d1.roundTrip(1, () => this.execute() as D1Result<T>);
  }

  run<T = Record<string, unknown>>(): Promise<D1Result<T>> {
    return this.all<T>();
  }

  raw<T = unknown[]>(): Promise<T[]> {
    return this.d1.roundTrip(1, () =>
      this.execute().results.map((row) => Object.values(row as object) as T),
    );
  }

  first<T = Record<string, unknown>>(column?: string): Promise<T | null> {
    return this.d1.roundTrip(1, () => {
      const row = this.execute().results[0] as Record<string, unknown> | undefined;
      if (!row) return null;
      return (column === undefined ? row : row[column]) as T;
    });
  }
}

function result<T>(results: unknown[], changes: number, lastRowId: number): D1Result<T> {
  return {
    success: true,
    results: results as T[],
    meta: {
      changes,
      last_row_id: lastRowId,
      duration: 0,
      size_after: 0,
      rows_read: 0,
      rows_written: changes,
      changed_db: changes > 0,
      served_by: 'd1-meter',
    },
  } as D1Result<T>;
}

/** The stand-in where the app expects a `D1Database` binding. */
export const asD1 = (d1: MeteredD1): D1Database => d1 as unknown as D1Database;
