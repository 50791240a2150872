/**
 * The Worker's D1 query counter (src/lib/d1-query-meter.ts, read by the wrangler dev check in
 * test/cf-dev) counts what the round-trip meter counts: every statement of a batch as a query,
 * every call as a round trip, and hands D1 its own statements in a batch.
 */
import Database from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createD1Atomic } from '../../src/lib/atomic.d1.js';
import { batchRead, createD1BatchRead } from '../../src/lib/batch-read.js';
import { D1Dialect } from '../../src/lib/d1-dialect.js';
import { meteredD1 } from '../../src/lib/d1-query-meter.js';
import { asD1, MeteredD1 } from '../helpers/d1-meter.js';

describe('meteredD1', () => {
  it('counts queries and calls as the round-trip meter does, through the app’s D1 ports', async () => {
    const sqlite = new Database(':memory:');
    sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
    const stand = new MeteredD1(sqlite);
    const count = { statements: 0, calls: 0 };
    const d1 = meteredD1(asD1(stand), count);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const db = new Kysely<any>({ dialect: new D1Dialect(d1) });
    const atomic = createD1Atomic(d1);
    const deps = { db, batchRead: createD1BatchRead(d1) };

    const measured = await stand.measure(async () => {
      await atomic([
        db.insertInto('t').values({ id: 1, v: 'a' }),
        db.insertInto('t').values({ id: 2, v: 'b' }),
      ]);
      const [rows, [n]] = await batchRead(deps, [
        db.selectFrom('t').selectAll(),
        db.selectFrom('t').select(sql<number>`count(*)`.as('n')),
      ] as const);
      expect(rows).toHaveLength(2);
      expect(n?.n).toBe(2);
      expect(await db.selectFrom('t').select('v').where('id', '=', 2).executeTakeFirst()).toEqual({
        v: 'b',
      });
    });
    expect(count).toEqual({ statements: 5, calls: 3 });
    expect(count.statements).toBe(measured.statements);
    expect(count.calls).toBe(measured.total);
  });
});
