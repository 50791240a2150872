/**
 * Counts the D1 queries the Worker makes, for `wrangler dev` checks (test/cf-dev): D1 allows 50
 * queries per Worker invocation on the free plan (1,000 paid), and the local simulator does not
 * enforce that limit, so a check must count. On only when the `D1_QUERY_METER` var is "1"
 * (`wrangler dev --var D1_QUERY_METER:1`); the Worker then answers with
 * `x-d1-queries: <statements>; <calls>` — statements as D1 counts them (each statement of a
 * `batch()` is a query), calls as round trips. The counter is per isolate, so the figures are
 * exact for requests sent one at a time (what the check does), not under concurrent requests;
 * work left to `waitUntil` after the response (the session touch) is not in it.
 */
export interface D1QueryCount {
  statements: number;
  calls: number;
}

export function meteredD1(d1: D1Database, count: D1QueryCount): D1Database {
  // The real statement behind each wrapper: batch() must be given D1's own objects.
  const real = new WeakMap<object, D1PreparedStatement>();
  const one = () => {
    count.statements += 1;
    count.calls += 1;
  };
  const wrap = (stmt: D1PreparedStatement): D1PreparedStatement => {
    const wrapper = {
      bind: (...values: unknown[]) => wrap(stmt.bind(...values)),
      first: (column?: string) => (one(), column === undefined ? stmt.first() : stmt.first(column)),
      all: () => (one(), stmt.all()),
      run: () => (one(), stmt.run()),
      raw: (options?: { columnNames?: boolean }) => (one(), stmt.raw(options as never)),
    };
    real.set(wrapper, stmt);
    return wrapper as unknown as D1PreparedStatement;
  };
  const metered = {
    prepare: (query: string) => wrap(d1.prepare(query)),
    batch: (statements: D1PreparedStatement[]) => {
      count.calls += 1;
      count.statements += statements.length;
      return d1.batch(statements.map((s) => real.get(s) ?? s));
    },
    exec: (query: string) => (one(), d1.exec(query)),
    dump: () => d1.dump(),
    withSession: (constraint?: string) => d1.withSession(constraint),
  };
  return metered as unknown as D1Database;
}
