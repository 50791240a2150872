import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { tokyoDateOf } from '../../src/lib/dates.js';
import { childAgeBand, timeBand } from '../../src/modules/reports/report-bands.js';
import {
  createChild,
  createMember,
  insertActivityRow,
  insertRequestRow,
} from '../helpers/factories.js';
import { setupTestApp, type TestContext } from '../helpers/test-app.js';

/**
 * The per-day report totals of migration 0011 are kept by triggers, so they must equal a recount
 * from the base tables after any sequence of changes, made by any code path: approving, undoing
 * an approval, moving an activity, changing its fees, replacing its children or categories,
 * correcting a child's birth date, deleting. The changes here are plain SQL (what a manual fix or
 * a future code path would do); the recount uses the pure band rules of report-bands.ts, not SQL.
 */

let ctx: TestContext;
let requester: string;
let requesterUser: string;
let helper: string;
let children: { id: string; birth: string }[];

beforeEach(async () => {
  ctx = await setupTestApp({ now: '2027-04-10T00:00:00.000Z' });
  const r = await createMember(ctx.deps, { kind: 'requester' });
  requester = r.member.id;
  requesterUser = r.user.id;
  helper = (await createMember(ctx.deps, { kind: 'helper' })).member.id;
  const births = ['2026-12-01', '2021-04-01', '2019-04-02', '2014-07-07'];
  children = [];
  for (const birth of births)
    children.push({ id: (await createChild(ctx.deps, requester, { birthDate: birth })).id, birth });
});

const STATUSES = ['reported', 'approved', 'returned', 'approved'] as const;

async function insertActivity(startsAt: string, minutes: number, status: string, fee: number) {
  const endsAt = new Date(Date.parse(startsAt) + minutes * 60_000).toISOString();
  const parties = { requester_member_id: requester, helper_member_id: helper };
  const requestId = await insertRequestRow(ctx.deps, {
    ...parties,
    starts_at: startsAt,
    ends_at: endsAt,
    matched_at: startsAt,
    created_by_user_id: requesterUser,
  });
  return insertActivityRow(ctx.deps, {
    ...parties,
    request_id: requestId,
    started_at: startsAt,
    ended_at: endsAt,
    transport_cost: 100,
    fee_total: fee,
    status: status as 'approved',
  });
}

/** The totals, recounted in JavaScript from the base rows with the pure band rules. */
async function recount() {
  const db = ctx.deps.db;
  const approved = await db
    .selectFrom('activity')
    .selectAll()
    .where('status', '=', 'approved')
    .execute();
  const childRows = await db.selectFrom('activity_child').selectAll().execute();
  const categoryRows = await db.selectFrom('activity_category').selectAll().execute();
  const births = new Map(
    (await db.selectFrom('child').select(['id', 'birth_date']).execute()).map((c) => [
      c.id,
      c.birth_date,
    ]),
  );
  const days = new Map<string, number[]>();
  const categories = new Map<string, number[]>();
  const childBands = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, values: number[]) => {
    const sum = map.get(key) ?? values.map(() => 0);
    map.set(
      key,
      sum.map((x, i) => x + values[i]!),
    );
  };
  for (const a of approved) {
    const day = tokyoDateOf(a.started_at);
    const minutes = Math.round((Date.parse(a.ended_at) - Date.parse(a.started_at)) / 60_000);
    const time = new Date(Date.parse(a.started_at) + 9 * 3_600_000).toISOString().slice(11, 16);
    add(days, `${day}|${timeBand(time)}`, [1, minutes, a.fee_total, a.transport_cost, a.meal_cost]);
    for (const c of categoryRows.filter((x) => x.activity_id === a.id))
      add(categories, `${day}|${c.category}`, [1, minutes, a.fee_total]);
    for (const c of childRows.filter((x) => x.activity_id === a.id))
      add(childBands, `${day}|${childAgeBand(births.get(c.child_id)!, day)}`, [1, minutes]);
  }
  return { days, categories, childBands };
}

/** The totals tables, zero rows skipped (as every reader does). */
async function stored() {
  const db = ctx.deps.db;
  const nonZero = <T extends { count: number }>(rows: T[]) => rows.filter((r) => r.count !== 0);
  const days = nonZero(await db.selectFrom('report_day_total').selectAll().execute());
  const categories = nonZero(await db.selectFrom('report_category_total').selectAll().execute());
  const childBands = nonZero(await db.selectFrom('report_child_band_total').selectAll().execute());
  return {
    days: new Map(
      days.map((r) => [
        `${r.day}|${r.band}`,
        [r.count, r.minutes, r.fees, r.transport, r.meal].map(Number),
      ]),
    ),
    categories: new Map(
      categories.map((r) => [`${r.day}|${r.category}`, [r.count, r.minutes, r.fees].map(Number)]),
    ),
    childBands: new Map(
      childBands.map((r) => [`${r.day}|${r.band}`, [r.count, r.minutes].map(Number)]),
    ),
  };
}

const sorted = (m: Map<string, number[]>) => [...m].sort(([a], [b]) => a.localeCompare(b));

async function expectTotalsMatch() {
  const [want, got] = [await recount(), await stored()];
  expect(sorted(got.days)).toEqual(sorted(want.days));
  expect(sorted(got.categories)).toEqual(sorted(want.categories));
  expect(sorted(got.childBands)).toEqual(sorted(want.childBands));
}

// Instants around the edges that matter: Tokyo midnight (UTC 15:00), 07:00/17:00/19:00 Tokyo,
// April 1 (school grades move up) and a child's birthday.
const INSTANTS = [
  '2027-03-31T14:59:00.000Z',
  '2027-03-31T15:00:00.000Z',
  '2026-11-30T21:59:00.000Z',
  '2026-11-30T22:00:00.000Z',
  '2027-02-10T08:00:00.000Z',
  '2027-02-10T10:00:00.000Z',
  '2026-04-01T01:30:00.000Z',
];

type Op =
  | { kind: 'insert'; at: number; minutes: number; status: number; fee: number }
  | { kind: 'status'; target: number; status: number }
  | { kind: 'move'; target: number; at: number }
  | { kind: 'fee'; target: number; fee: number }
  | { kind: 'child'; target: number; child: number; remove: boolean }
  | { kind: 'category'; target: number; category: number; remove: boolean }
  | { kind: 'birth'; child: number; birth: string }
  | { kind: 'delete'; target: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(INSTANTS.length - 1),
    minutes: fc.integer({ min: 30, max: 300 }),
    status: fc.nat(STATUSES.length - 1),
    fee: fc.integer({ min: 0, max: 5000 }),
  }),
  fc.record({ kind: fc.constant('status' as const), target: fc.nat(), status: fc.nat(3) }),
  fc.record({ kind: fc.constant('move' as const), target: fc.nat(), at: fc.nat(6) }),
  fc.record({ kind: fc.constant('fee' as const), target: fc.nat(), fee: fc.nat(9000) }),
  fc.record({
    kind: fc.constant('child' as const),
    target: fc.nat(),
    child: fc.nat(3),
    remove: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('category' as const),
    target: fc.nat(),
    category: fc.integer({ min: 1, max: 12 }),
    remove: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('birth' as const),
    child: fc.nat(3),
    birth: fc.constantFrom('2020-04-01', '2020-04-02', '2025-02-10', '2013-05-05'),
  }),
  fc.record({ kind: fc.constant('delete' as const), target: fc.nat() }),
);

async function apply(ids: string[], o: Op) {
  const db = ctx.deps.db;
  if (o.kind === 'insert') {
    ids.push(await insertActivity(INSTANTS[o.at]!, o.minutes, STATUSES[o.status]!, o.fee));
    return;
  }
  if (o.kind === 'birth') {
    await db
      .updateTable('child')
      .set({ birth_date: o.birth })
      .where('id', '=', children[o.child]!.id)
      .execute();
    return;
  }
  if (ids.length === 0) return;
  const id = ids[o.target % ids.length]!;
  if (o.kind === 'status')
    await db
      .updateTable('activity')
      .set({ status: STATUSES[o.status]! })
      .where('id', '=', id)
      .execute();
  else if (o.kind === 'move') {
    const row = await db
      .selectFrom('activity')
      .select(['started_at', 'ended_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const length = Date.parse(row.ended_at) - Date.parse(row.started_at);
    const start = INSTANTS[o.at]!;
    await db
      .updateTable('activity')
      .set({ started_at: start, ended_at: new Date(Date.parse(start) + length).toISOString() })
      .where('id', '=', id)
      .execute();
  } else if (o.kind === 'fee')
    await db
      .updateTable('activity')
      .set({ fee_total: o.fee, meal_cost: o.fee % 700 })
      .where('id', '=', id)
      .execute();
  else if (o.kind === 'child') {
    const childId = children[o.child]!.id;
    if (o.remove)
      await db
        .deleteFrom('activity_child')
        .where('activity_id', '=', id)
        .where('child_id', '=', childId)
        .execute();
    else
      await db
        .insertInto('activity_child')
        .values({ activity_id: id, child_id: childId })
        .onConflict((oc) => oc.doNothing())
        .execute();
  } else if (o.kind === 'category') {
    if (o.remove)
      await db
        .deleteFrom('activity_category')
        .where('activity_id', '=', id)
        .where('category', '=', o.category)
        .execute();
    else
      await db
        .insertInto('activity_category')
        .values({ activity_id: id, category: o.category })
        .onConflict((oc) => oc.doNothing())
        .execute();
  } else {
    await db.deleteFrom('activity_child').where('activity_id', '=', id).execute();
    await db.deleteFrom('activity_category').where('activity_id', '=', id).execute();
    await db.deleteFrom('activity').where('id', '=', id).execute();
    ids.splice(ids.indexOf(id), 1);
  }
}

describe('report totals (migration 0011 triggers)', () => {
  it('equal a recount from the base tables after any sequence of changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const db = ctx.deps.db;
        // Each run starts from no activities (the members and children stay).
        await db.deleteFrom('activity_child').execute();
        await db.deleteFrom('activity_category').execute();
        await db.deleteFrom('activity').execute();
        for (const [i, c] of children.entries())
          await db
            .updateTable('child')
            .set({ birth_date: c.birth })
            .where('id', '=', children[i]!.id)
            .execute();
        const ids: string[] = [];
        for (const o of ops) await apply(ids, o);
        await expectTotalsMatch();
      }),
      { numRuns: 40 },
    );
  }, 30_000); // 40 random histories, each recounted: seconds on D1 on a busy machine

  it('count an activity approved with its children and categories, and forget it when reopened', async () => {
    const id = await insertActivity('2027-03-31T14:59:00.000Z', 61, 'reported', 1800);
    await ctx.deps.db
      .insertInto('activity_child')
      .values({ activity_id: id, child_id: children[1]!.id })
      .execute();
    await ctx.deps.db
      .insertInto('activity_category')
      .values({ activity_id: id, category: 11 })
      .execute();
    expect((await stored()).days.size).toBe(0);

    await ctx.deps.db
      .updateTable('activity')
      .set({ status: 'approved' })
      .where('id', '=', id)
      .execute();
    const got = await stored();
    // 23:59 JST on March 31: that day, the night band, 61 minutes; the April 1 birthday child is
    // still in preschool (3–5) on March 31.
    expect(sorted(got.days)).toEqual([['2027-03-31|night', [1, 61, 1800, 100, 0]]]);
    expect(sorted(got.categories)).toEqual([['2027-03-31|11', [1, 61, 1800]]]);
    expect(sorted(got.childBands)).toEqual([['2027-03-31|age3to5', [1, 61]]]);

    await ctx.deps.db
      .updateTable('activity')
      .set({ status: 'returned' })
      .where('id', '=', id)
      .execute();
    const after = await stored();
    expect([after.days.size, after.categories.size, after.childBands.size]).toEqual([0, 0, 0]);
  });
});
