import type BetterSqlite3 from 'better-sqlite3';
import { compileAll, type Atomic } from './atomic.js';

/** The Node implementation of the atomic port: one better-sqlite3 transaction. */
export function createNodeAtomic(sqlite: BetterSqlite3.Database): Atomic {
  // async: a failing statement must surface as a rejected promise, as on D1.
  // eslint-disable-next-line @typescript-eslint/require-await
  return async (statements) => {
    const compiled = compileAll(statements);
    const run = sqlite.transaction(() =>
      compiled.map((q) => {
        const stmt = sqlite.prepare(q.sql);
        const params = q.parameters as unknown[];
        if (stmt.reader) return { rows: stmt.all(...params), numAffectedRows: 0 };
        const info = stmt.run(...params);
        return { rows: [], numAffectedRows: info.changes };
      }),
    );
    return run();
  };
}
