import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/ids.js';
import { buildAnonymiseChildren } from '../../src/modules/members/purge.queries.js';
import {
  childAgeBand,
  memberAgeBand,
  schoolGrade,
} from '../../src/modules/reports/report-bands.js';
import {
  countChildrenAt,
  countChildrenAtByScan,
  countMembersAt,
  countMembersAtByScan,
  countMembersAtMonthEnds,
} from '../../src/modules/reports/reports.queries.js';
import type { ReportPeriod } from '../../src/modules/reports/report.types.js';
import { instantRange, monthPeriod } from '../../src/modules/reports/reports.service.js';
import { createChild, createMember } from '../helpers/factories.js';
import { setupTestApp, type TestContext } from '../helpers/test-app.js';

/**
 * The members and children counted at a month end come from the census tables of migration
 * 0026, kept by triggers. After any history of changes, made as plain SQL (what any code path or
 * a manual fix would do): sides approved or unapproved, members withdrawn, side withdrawal events
 * recorded, moved, changed or deleted, purges (birth dates cut to the month), children added,
 * removed, moved to another family, deleted, their birth dates corrected, they must equal a
 * recount member by member with the pure rules of report-bands.ts, and the count from the base
 * tables (countMembersAtByScan, countChildrenAtByScan). Birth dates and instants sit on the edges
 * that matter: Tokyo midnight at a month end, February 29, April 1 and 2 (school grades),
 * birthdays falling on a month end, children born after a month end or past the eligible grade.
 */

const MONTHS = [
  '2026-02',
  '2026-12',
  '2027-01',
  '2027-02',
  '2027-03',
  '2027-04',
  '2027-05',
  '2028-02',
];
const INSTANTS = [
  '2026-12-31T14:59:59.999Z', // December 31, 23:59:59.999 Tokyo
  '2026-12-31T15:00:00.000Z', // January 1, 00:00 Tokyo
  '2027-02-28T14:59:00.000Z',
  '2027-02-28T15:00:00.000Z',
  '2027-03-31T15:00:00.000Z',
  '2027-04-15T03:00:00.000Z',
  '2026-10-01T00:00:00.000Z',
  '2025-06-01T00:00:00.000Z',
];
const MEMBER_BIRTHS = ['1997-02-28', '1997-03-01', '1996-02-29', '1957-04-01', '1986-02-28'];
const CHILD_BIRTHS = [
  '2020-04-01',
  '2020-04-02',
  '2024-02-29',
  '2027-02-15', // born after some month ends
  '2014-04-01', // leaves elementary school at the end of fiscal 2026
  '2011-04-02', // junior high until March 2027
  '2026-05-31',
];
const SIDES = ['requester', 'helper'] as const;

let ctx: TestContext;
let members: string[];
let children: string[];

beforeAll(async () => {
  ctx = await setupTestApp({ now: '2027-06-01T00:00:00.000Z' });
  // Four members holding both sides since June 2025, the first two with every kind of child.
  members = [];
  children = [];
  for (let i = 0; i < 4; i++) {
    const birthDate = MEMBER_BIRTHS[i]!;
    const id = (await createMember(ctx.deps, { kind: 'both', birthDate })).member.id;
    members.push(id);
    await ctx.deps.db
      .updateTable('member')
      .set({ requester_approved_at: INSTANTS[7]!, helper_approved_at: INSTANTS[7]! })
      .where('id', '=', id)
      .execute();
    if (i < 2)
      for (const birth of CHILD_BIRTHS)
        children.push((await createChild(ctx.deps, id, { birthDate: birth })).id);
  }
});

type Op =
  | { kind: 'approve'; member: number; side: number; at: number | null }
  | { kind: 'withdraw'; member: number; at: number | null }
  | { kind: 'event'; member: number; side: number; at: number; withdrawn: boolean }
  | { kind: 'moveEvent'; target: number; member: number; at: number; withdrawn: boolean }
  | { kind: 'deleteEvent'; target: number }
  | { kind: 'memberBirth'; member: number; birth: number }
  | { kind: 'purge'; member: number }
  | { kind: 'addChild'; member: number; birth: number }
  | { kind: 'removeChild'; target: number; at: number | null }
  | { kind: 'moveChild'; target: number; member: number }
  | { kind: 'childBirth'; target: number; birth: number }
  | { kind: 'deleteChild'; target: number };

const member = fc.nat(3);
const side = fc.nat(1);
const at = fc.nat(INSTANTS.length - 1);
const maybeAt = fc.option(at, { nil: null });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('approve' as const), member, side, at: maybeAt }),
  fc.record({ kind: fc.constant('approve' as const), member, side, at: maybeAt }),
  fc.record({ kind: fc.constant('withdraw' as const), member, at: maybeAt }),
  fc.record({ kind: fc.constant('event' as const), member, side, at, withdrawn: fc.boolean() }),
  fc.record({
    kind: fc.constant('moveEvent' as const),
    target: fc.nat(),
    member,
    at,
    withdrawn: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('deleteEvent' as const), target: fc.nat() }),
  fc.record({
    kind: fc.constant('memberBirth' as const),
    member,
    birth: fc.nat(MEMBER_BIRTHS.length - 1),
  }),
  fc.record({ kind: fc.constant('purge' as const), member }),
  fc.record({
    kind: fc.constant('addChild' as const),
    member,
    birth: fc.nat(CHILD_BIRTHS.length - 1),
  }),
  fc.record({ kind: fc.constant('addChild' as const), member, birth: fc.nat(6) }),
  fc.record({ kind: fc.constant('removeChild' as const), target: fc.nat(), at: maybeAt }),
  fc.record({ kind: fc.constant('moveChild' as const), target: fc.nat(), member }),
  fc.record({
    kind: fc.constant('childBirth' as const),
    target: fc.nat(),
    birth: fc.nat(CHILD_BIRTHS.length - 1),
  }),
  fc.record({ kind: fc.constant('deleteChild' as const), target: fc.nat() }),
);

const instant = (i: number | null) => (i === null ? null : INSTANTS[i]!);

async function apply(o: Op) {
  const db = ctx.deps.db;
  const events = async () =>
    (await db.selectFrom('member_status_event').select('id').orderBy('id').execute()).map(
      (e) => e.id,
    );
  if (o.kind === 'approve') {
    const value = instant(o.at);
    await db
      .updateTable('member')
      .set(o.side === 0 ? { requester_approved_at: value } : { helper_approved_at: value })
      .where('id', '=', members[o.member]!)
      .execute();
  } else if (o.kind === 'withdraw')
    await db
      .updateTable('member')
      .set({ withdrawn_at: instant(o.at) })
      .where('id', '=', members[o.member]!)
      .execute();
  else if (o.kind === 'event')
    await db
      .insertInto('member_status_event')
      .values({
        id: newId(),
        member_id: members[o.member]!,
        side: SIDES[o.side]!,
        from_status: 'active',
        to_status: o.withdrawn ? 'withdrawn' : 'suspended',
        reason: null,
        actor_user_id: null,
        at: INSTANTS[o.at]!,
      })
      .execute();
  else if (o.kind === 'moveEvent' || o.kind === 'deleteEvent') {
    const ids = await events();
    if (ids.length === 0) return;
    const id = ids[o.target % ids.length]!;
    if (o.kind === 'deleteEvent')
      await db.deleteFrom('member_status_event').where('id', '=', id).execute();
    else
      await db
        .updateTable('member_status_event')
        .set({
          member_id: members[o.member]!,
          at: INSTANTS[o.at]!,
          to_status: o.withdrawn ? 'withdrawn' : 'active',
        })
        .where('id', '=', id)
        .execute();
  } else if (o.kind === 'memberBirth')
    await db
      .updateTable('member')
      .set({ birth_date: MEMBER_BIRTHS[o.birth]! })
      .where('id', '=', members[o.member]!)
      .execute();
  else if (o.kind === 'purge') {
    // What the purge does to dates (members/purge.ts): birth dates cut to the month.
    const id = members[o.member]!;
    const m = await db
      .selectFrom('member')
      .select('birth_date')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('member')
      .set({ birth_date: `${m.birth_date.slice(0, 7)}-01` })
      .where('id', '=', id)
      .execute();
    await buildAnonymiseChildren(db, id, { name: '—', now: '2027-06-01T00:00:00.000Z' }).execute();
  } else if (o.kind === 'addChild')
    children.push(
      (await createChild(ctx.deps, members[o.member]!, { birthDate: CHILD_BIRTHS[o.birth]! })).id,
    );
  else {
    if (children.length === 0) return;
    const id = children[o.target % children.length]!;
    const change =
      o.kind === 'removeChild'
        ? { removed_at: instant(o.at) }
        : o.kind === 'moveChild'
          ? { member_id: members[o.member]! }
          : o.kind === 'childBirth'
            ? { birth_date: CHILD_BIRTHS[o.birth]! }
            : null;
    if (change) await db.updateTable('child').set(change).where('id', '=', id).execute();
    else {
      await db.deleteFrom('child').where('id', '=', id).execute();
      children.splice(children.indexOf(id), 1);
    }
  }
}

/** The counts at the end of a period, member by member with the pure rules. */
async function recount(period: ReportPeriod) {
  const db = ctx.deps.db;
  const { toIso: at, endDate: end } = instantRange(period);
  const memberRows = await db.selectFrom('member').selectAll().execute();
  const eventRows = await db
    .selectFrom('member_status_event')
    .selectAll()
    .where('to_status', '=', 'withdrawn')
    .execute();
  const sideOn = (m: (typeof memberRows)[number], s: (typeof SIDES)[number]) => {
    const approved = m[`${s}_approved_at`];
    const ends = [
      m.withdrawn_at,
      ...eventRows.filter((e) => e.member_id === m.id && e.side === s).map((e) => e.at),
    ];
    return approved !== null && approved < at && ends.every((e) => e === null || e >= at);
  };
  const membersAt: string[] = [];
  const requesterOn = new Set<string>();
  for (const m of memberRows) {
    const r = sideOn(m, 'requester');
    const h = sideOn(m, 'helper');
    if (r) requesterOn.add(m.id);
    const kind = r && h ? 'both' : r ? 'requester' : h ? 'helper' : null;
    if (kind) membersAt.push(`${kind}|${memberAgeBand(m.birth_date, end)}`);
  }
  const childRows = await db.selectFrom('child').selectAll().execute();
  const childrenAt = (maxGrade: number) =>
    childRows
      .filter(
        (c) =>
          requesterOn.has(c.member_id) &&
          (c.removed_at === null || c.removed_at >= at) &&
          c.birth_date <= end &&
          schoolGrade(c.birth_date, end) <= maxGrade,
      )
      .map((c) => childAgeBand(c.birth_date, end));
  return { members: membersAt, childrenAt };
}

/** Rows of (key, count) as a sorted list of "key×count". */
const tally = (keys: string[]) => {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].map(([k, c]) => `${k}×${c}`).sort();
};
const memberRows = (xs: { kind: string; band: string; count: number }[]) =>
  xs.map((x) => `${x.kind}|${x.band}×${x.count}`).sort();
const childRows = (xs: { band: string; count: number }[]) =>
  xs.map((x) => `${x.band}×${x.count}`).sort();

// The months checked, and one period ending mid-month (counted from the base tables: a birth
// key stands for its birth dates only at a month end).
const PERIODS: ReportPeriod[] = [
  ...MONTHS.map(monthPeriod),
  { from: '2027-02-01', to: '2027-02-14' },
];

async function expectCensusMatches() {
  const db = ctx.deps.db;
  const trend = await countMembersAtMonthEnds(db, MONTHS);
  for (const period of PERIODS) {
    const r = instantRange(period);
    const label = period.to;
    const want = await recount(period);
    const members = memberRows(await countMembersAt(db, r));
    expect(members, label).toEqual(tally(want.members));
    expect(members, label).toEqual(memberRows(await countMembersAtByScan(db, r)));
    for (const maxGrade of [0, 6, 9]) {
      const kids = childRows(await countChildrenAt(db, r, maxGrade));
      expect(kids, `${label} ${maxGrade}`).toEqual(tally(want.childrenAt(maxGrade)));
      expect(kids, `${label} ${maxGrade}`).toEqual(
        childRows(await countChildrenAtByScan(db, r, maxGrade)),
      );
    }
    const month = MONTHS.find((m) => monthPeriod(m).to === period.to);
    if (month)
      expect(
        trend
          .filter((t) => t.month === month)
          .map((t) => `${t.kind}×${t.count}`)
          .sort(),
        label,
      ).toEqual(tally(want.members.map((k) => k.split('|')[0]!)));
  }
}

describe('report census (migration 0026 triggers)', () => {
  it('equals a recount after any history of members, withdrawals, purges and children', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        for (const o of ops) await apply(o);
        await expectCensusMatches();
      }),
      { numRuns: 15 },
    );
    // Runs build on each other (members and children carry over), so histories grow long;
    // ~30 s on D1 on a shared machine with 25 runs, hence 15.
  }, 120_000);
});
