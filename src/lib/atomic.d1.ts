import { compileAll, type Atomic } from './atomic.js';

/** The Workers implementation of the atomic port: one `D1Database.batch()` (a transaction). */
export function createD1Atomic(d1: D1Database): Atomic {
  return async (statements) => {
    const compiled = compileAll(statements);
    if (compiled.length === 0) return [];
    const results = await d1.batch(
      compiled.map((q) => d1.prepare(q.sql).bind(...(q.parameters as unknown[]))),
    );
    return results.map((r) => ({ rows: r.results ?? [], numAffectedRows: r.meta?.changes ?? 0 }));
  };
}
