import { beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/ids.js';
import {
  annualReport,
  familySummaries,
  helperSummaries,
  monthlyReport,
} from '../../src/modules/reports/reports.service.js';
import {
  createChild,
  createMember,
  ensureCurriculum,
  qualifyHelper,
} from '../helpers/factories.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

/**
 * One hand-computed fixture for March 2027 (the last month of fiscal year 2026) and fiscal year
 * 2026 (2026-04-01 – 2027-03-31). Rows are inserted directly with explicit dates (going through
 * the whole request → offer → report → approval flow for each would be slow and would pin the
 * clock); every expected figure below is worked out by hand from this list.
 *
 * Members (approval instants JST):
 *   R1 requester, born 1990-05-10, approved 2025-06-01            → age 36 at FY end (30s)
 *   R2 requester, born 1985-01-20, approved 2026-05-10, withdrew 2027-03-15 10:00 (mid-month)
 *   R3 requester, born 1995-08-01, approved 2027-03-31 23:30      → counts at March end (31, 30s)
 *   R4 requester, approved 2027-04-01 00:00                       → not a member at March end
 *   H1 helper,    born 1960-03-03, approved 2024-04-10            → 67 (60s)
 *   H2 both,      born 1975-11-30, requester 2025-01-01, helper 2026-04-01 00:00 → 51 (50s);
 *                 only a requester at the end of March 2026
 *   H3 helper,    born 2000-01-01, approved 2027-03-05            → 27 (under 30), qualified 03-05
 *   H4 helper, applied only                                       → never counted
 * Children:
 *   C1 (R1) born 2025-10-15: age 0 until 2026-10-14, then 1 — its band changes mid-year
 *   C2 (R1) born 2019-05-01: elementary grade 1 in FY2026 (age 6 / preschool in March 2026)
 *   C8 (R1) born 2020-01-01, removed 2027-02-01                   → not counted
 *   C3 (R2) born 2021-04-01: an April 1 birthday, preschool in FY2026 (grade 1 in FY2027)
 *   C4 (R3) born 2023-02-10: age 4 → 3–5;  C5 (R3) born 2026-12-01 → age 0
 *   C6 (H2) born 2014-07-07: grade 6;      C7 (H2) born 2013-05-05: grade 7, past eligibility
 * Requests / activities (JST; 2027-03-01 is a Monday):
 *   Q1/A1  R1+H1 03-03 (Wed) 08:00–09:30, C1+C2, cats 1,2, fee 1200, transport 300, approved;
 *          made 02-20 10:00, matched 02-21 10:00 (24 h)
 *   Q2/A2  R1+H2 03-31 (Wed) 23:59 – 04-01 01:00 (61 min), C1, cat 11, fee 1800, approved;
 *          made 03-25 09:00, matched 15:00 (6 h)
 *   Q3/A3  R1+H1 04-01 00:00–01:00, cat 11, fee 900, approved   → next month, next fiscal year
 *   Q4/A4  R3+H2 03-20 (Sat) 13:00–17:30, C4, cat 10 (sick child), fee 4500, meal 500,
 *          approved, a near-miss; made 03-18 09:00, matched 21:00 (12 h)
 *   Q5     R1, 03-10 10:00–12:00, matched to H1 03-01 10:00 (made 02-28 10:00, 24 h), then
 *          cancelled by the requester the same day, fee 800
 *   Q6     R3, 03-12 09:00–11:00, never matched                → unfilled
 *   Q7     R3, 03-15 10:00–12:00, cancelled by staff before any match
 *   Q8     R1+H2, 03-25 16:00–18:00, matched 03-22 10:00 (made 03-20 10:00, 48 h), no report
 *   Q9/A9  R3+H3 03-28 17:30–19:00, reported, not approved; made 03-26 10:00, matched 12:00 (2 h)
 *   Q10/A10 R1+H1 2026-09-01 (Tue) 18:00–20:00, C1 (age 0), cat 2, fee 1700, approved, a
 *          serious accident reported to the prefecture; made 08-25 10:00, matched 11:00 (1 h)
 *   Q11/A11 R1+H1 2026-03-15 10:00–12:00, C2, cat 8, fee 1600, approved (the previous year)
 *   Q12/A12 R2+H1 03-05 (Fri) 06:30–07:30, C3, cat 9, fee 900, approved; made 03-01 09:00,
 *          matched 03-02 15:00 (30 h)
 * Training: a session 2027-03-13 10:00–15:00 teaching cpr (3 h) + followup (2 h); H1 attends
 * both modules.
 */

const jst = (date: string, time = '00:00') => new Date(`${date}T${time}:00+09:00`).toISOString();

let ctx: TestContext;

interface Ids {
  staff: Awaited<ReturnType<typeof createUser>>;
  r1: string;
  r2: string;
  r3: string;
  h1: string;
  h2: string;
  h3: string;
  requesterUser: Awaited<ReturnType<typeof createUser>>;
  helperUser: Awaited<ReturnType<typeof createUser>>;
}

async function member(
  kind: 'requester' | 'helper' | 'both',
  name: string,
  birthDate: string,
  approved: { requester?: string; helper?: string },
  extra: { withdrawnAt?: string; helperStatus?: 'applied' } = {},
) {
  const m = await createMember(ctx.deps, {
    kind,
    name,
    birthDate,
    ...(extra.helperStatus ? { helperStatus: extra.helperStatus } : {}),
  });
  await ctx.deps.db
    .updateTable('member')
    .set({
      requester_approved_at: approved.requester ?? null,
      helper_approved_at: approved.helper ?? null,
      withdrawn_at: extra.withdrawnAt ?? null,
      ...(extra.withdrawnAt
        ? {
            requester_status: kind === 'helper' ? null : 'withdrawn',
            helper_status: kind === 'requester' ? null : 'withdrawn',
          }
        : {}),
    })
    .where('id', '=', m.member.id)
    .execute();
  return m;
}

interface RequestSpec {
  requester: string;
  helper?: string;
  start: string;
  end: string;
  made: string;
  matched?: string;
  cancelled?: { by: 'requester' | 'helper' | 'staff'; at: string; fee: number | null };
}

async function request(spec: RequestSpec, userId: string) {
  const id = newId();
  const status = spec.cancelled ? 'cancelled' : spec.matched ? 'matched' : 'open';
  await ctx.deps.db
    .insertInto('care_request')
    .values({
      id,
      requester_member_id: spec.requester,
      series_id: null,
      category: 1,
      starts_at: spec.start,
      ends_at: spec.end,
      care_location: 'helper_home',
      care_location_note: null,
      pickup: null,
      dropoff: null,
      notes: null,
      status,
      helper_member_id: spec.helper ?? null,
      matched_at: spec.matched ?? null,
      cancelled_at: spec.cancelled?.at ?? null,
      cancelled_by_user_id: spec.cancelled ? userId : null,
      cancelled_by_role: spec.cancelled?.by ?? null,
      cancel_kind: spec.cancelled ? 'cancel' : null,
      cancel_reason: spec.cancelled ? '都合により' : null,
      cancellation_fee: spec.cancelled?.fee ?? null,
      created_by_user_id: userId,
      created_at: spec.made,
      updated_at: spec.made,
    })
    .execute();
  return id;
}

async function activity(
  spec: RequestSpec & { helper: string; matched: string },
  a: {
    children: string[];
    categories: number[];
    fee: number;
    transport?: number;
    meal?: number;
    status?: 'approved' | 'reported';
  },
  userId: string,
) {
  const requestId = await request(spec, userId);
  const id = newId();
  await ctx.deps.db
    .updateTable('care_request')
    .set({ status: 'completed' })
    .where('id', '=', requestId)
    .execute();
  await ctx.deps.db
    .insertInto('activity')
    .values({
      id,
      request_id: requestId,
      helper_member_id: spec.helper,
      requester_member_id: spec.requester,
      started_at: spec.start,
      ended_at: spec.end,
      place: null,
      transport_cost: a.transport ?? 0,
      meal_cost: a.meal ?? 0,
      notes: null,
      fee_total: a.fee,
      fee_lines: '[]',
      fee_child_totals: '[]',
      fee_table_valid_from: '2020-04-01',
      status: a.status ?? 'approved',
      dispute_reason: null,
      return_reason: null,
      reported_at: spec.end,
      confirmed_at: null,
      approved_at: a.status === 'reported' ? null : spec.end,
      approved_by: null,
      version: 1,
      created_at: spec.end,
      updated_at: spec.end,
    })
    .execute();
  for (const childId of a.children)
    await ctx.deps.db
      .insertInto('activity_child')
      .values({ activity_id: id, child_id: childId })
      .execute();
  for (const category of a.categories)
    await ctx.deps.db
      .insertInto('activity_category')
      .values({ activity_id: id, category })
      .execute();
  return id;
}

async function incident(
  activityId: string,
  userId: string,
  i: { kind: 'near_miss' | 'accident'; serious?: boolean; reportedAt?: string },
) {
  await ctx.deps.db
    .insertInto('incident')
    .values({
      id: newId(),
      activity_id: activityId,
      kind: i.kind,
      severity: i.serious ? 'serious' : 'minor',
      serious_reason: i.serious ? 'treatment_30_days' : null,
      description: '転倒',
      action_taken: '保護者に連絡',
      reported_to_prefecture_at: i.reportedAt ?? null,
      created_by: userId,
      created_at: jst('2027-03-01'),
    })
    .execute();
}

async function buildFixture(): Promise<Ids> {
  const staff = await createUser(ctx.deps, { role: 'staff' });
  const r1 = await member('requester', 'R1', '1990-05-10', {
    requester: jst('2025-06-01', '10:00'),
  });
  const r2 = await member(
    'requester',
    'R2',
    '1985-01-20',
    { requester: jst('2026-05-10', '10:00') },
    { withdrawnAt: jst('2027-03-15', '10:00') },
  );
  const r3 = await member('requester', 'R3', '1995-08-01', {
    requester: jst('2027-03-31', '23:30'),
  });
  const r4 = await member('requester', 'R4', '1988-02-29', { requester: jst('2027-04-01') });
  const h1 = await member('helper', 'H1', '1960-03-03', { helper: jst('2024-04-10', '10:00') });
  const h2 = await member('both', 'H2', '1975-11-30', {
    requester: jst('2025-01-01', '10:00'),
    helper: jst('2026-04-01'),
  });
  const h3 = await member('helper', 'H3', '2000-01-01', { helper: jst('2027-03-05', '10:00') });
  await member('helper', 'H4', '1970-01-01', {}, { helperStatus: 'applied' });

  const child = async (parent: string, birthDate: string) =>
    (await createChild(ctx.deps, parent, { birthDate })).id;
  const c1 = await child(r1.member.id, '2025-10-15');
  const c2 = await child(r1.member.id, '2019-05-01');
  const c8 = await child(r1.member.id, '2020-01-01');
  await ctx.deps.db
    .updateTable('child')
    .set({ removed_at: jst('2027-02-01') })
    .where('id', '=', c8)
    .execute();
  const c3 = await child(r2.member.id, '2021-04-01');
  const c4 = await child(r3.member.id, '2023-02-10');
  await child(r3.member.id, '2026-12-01');
  await child(h2.member.id, '2014-07-07');
  await child(h2.member.id, '2013-05-05');
  await child(r4.member.id, '2024-06-01');

  const R1 = r1.member.id;
  const R2 = r2.member.id;
  const R3 = r3.member.id;
  const H1 = h1.member.id;
  const H2 = h2.member.id;
  const H3 = h3.member.id;
  const u = staff.id;

  await activity(
    {
      requester: R1,
      helper: H1,
      start: jst('2027-03-03', '08:00'),
      end: jst('2027-03-03', '09:30'),
      made: jst('2027-02-20', '10:00'),
      matched: jst('2027-02-21', '10:00'),
    },
    { children: [c1, c2], categories: [1, 2], fee: 1200, transport: 300 },
    u,
  );
  await activity(
    {
      requester: R1,
      helper: H2,
      start: jst('2027-03-31', '23:59'),
      end: jst('2027-04-01', '01:00'),
      made: jst('2027-03-25', '09:00'),
      matched: jst('2027-03-25', '15:00'),
    },
    { children: [c1], categories: [11], fee: 1800 },
    u,
  );
  await activity(
    {
      requester: R1,
      helper: H1,
      start: jst('2027-04-01', '00:00'),
      end: jst('2027-04-01', '01:00'),
      made: jst('2027-03-25', '09:00'),
      matched: jst('2027-03-25', '10:00'),
    },
    { children: [c1], categories: [11], fee: 900 },
    u,
  );
  const a4 = await activity(
    {
      requester: R3,
      helper: H2,
      start: jst('2027-03-20', '13:00'),
      end: jst('2027-03-20', '17:30'),
      made: jst('2027-03-18', '09:00'),
      matched: jst('2027-03-18', '21:00'),
    },
    { children: [c4], categories: [10], fee: 4500, meal: 500 },
    u,
  );
  await incident(a4, u, { kind: 'near_miss' });
  await request(
    {
      requester: R1,
      helper: H1,
      start: jst('2027-03-10', '10:00'),
      end: jst('2027-03-10', '12:00'),
      made: jst('2027-02-28', '10:00'),
      matched: jst('2027-03-01', '10:00'),
      cancelled: { by: 'requester', at: jst('2027-03-10', '08:00'), fee: 800 },
    },
    u,
  );
  await request(
    {
      requester: R3,
      start: jst('2027-03-12', '09:00'),
      end: jst('2027-03-12', '11:00'),
      made: jst('2027-03-05', '09:00'),
    },
    u,
  );
  await request(
    {
      requester: R3,
      start: jst('2027-03-15', '10:00'),
      end: jst('2027-03-15', '12:00'),
      made: jst('2027-03-06', '09:00'),
      cancelled: { by: 'staff', at: jst('2027-03-08', '09:00'), fee: null },
    },
    u,
  );
  await request(
    {
      requester: R1,
      helper: H2,
      start: jst('2027-03-25', '16:00'),
      end: jst('2027-03-25', '18:00'),
      made: jst('2027-03-20', '10:00'),
      matched: jst('2027-03-22', '10:00'),
    },
    u,
  );
  await activity(
    {
      requester: R3,
      helper: H3,
      start: jst('2027-03-28', '17:30'),
      end: jst('2027-03-28', '19:00'),
      made: jst('2027-03-26', '10:00'),
      matched: jst('2027-03-26', '12:00'),
    },
    { children: [c4], categories: [3], fee: 1300, status: 'reported' },
    u,
  );
  const a10 = await activity(
    {
      requester: R1,
      helper: H1,
      start: jst('2026-09-01', '18:00'),
      end: jst('2026-09-01', '20:00'),
      made: jst('2026-08-25', '10:00'),
      matched: jst('2026-08-25', '11:00'),
    },
    { children: [c1], categories: [2], fee: 1700 },
    u,
  );
  await incident(a10, u, { kind: 'accident', serious: true, reportedAt: jst('2026-09-02') });
  await activity(
    {
      requester: R1,
      helper: H1,
      start: jst('2026-03-15', '10:00'),
      end: jst('2026-03-15', '12:00'),
      made: jst('2026-03-10', '10:00'),
      matched: jst('2026-03-11', '10:00'),
    },
    { children: [c2], categories: [8], fee: 1600 },
    u,
  );
  await activity(
    {
      requester: R2,
      helper: H1,
      start: jst('2027-03-05', '06:30'),
      end: jst('2027-03-05', '07:30'),
      made: jst('2027-03-01', '09:00'),
      matched: jst('2027-03-02', '15:00'),
    },
    { children: [c3], categories: [9], fee: 900 },
    u,
  );

  // Training: H1 and H3 qualified (H3 newly, on 2027-03-05); a session in March.
  await qualifyHelper(ctx.deps, H1, { completedOn: '2024-04-10' });
  await qualifyHelper(ctx.deps, H3, { completedOn: '2027-03-05' });
  const modules = await ensureCurriculum(ctx.deps);
  const taught = modules.filter((m) => m.code === 'cpr' || m.code === 'followup');
  expect(taught).toHaveLength(2);
  const sessionId = newId();
  await ctx.deps.db
    .insertInto('training_session')
    .values({
      id: sessionId,
      starts_at: jst('2027-03-13', '10:00'),
      ends_at: jst('2027-03-13', '15:00'),
      venue: '市民センター',
      instructor: null,
      capacity: 20,
      notes: null,
      created_by: null,
      created_at: jst('2027-02-01'),
      cancelled_at: null,
    })
    .execute();
  for (const m of taught) {
    await ctx.deps.db
      .insertInto('training_session_module')
      .values({ session_id: sessionId, module_id: m.id })
      .execute();
    await ctx.deps.db
      .insertInto('training_record')
      .values({
        id: newId(),
        member_id: H1,
        module_id: m.id,
        completed_on: '2027-03-13',
        source: 'attendance',
        session_id: sessionId,
        evidence_note: null,
        status: 'approved',
        recorded_by: null,
        reviewed_by: null,
        reviewed_at: null,
        review_note: null,
        created_at: jst('2027-03-13', '15:00'),
      })
      .execute();
  }
  return {
    staff,
    r1: R1,
    r2: R2,
    r3: R3,
    h1: H1,
    h2: H2,
    h3: H3,
    requesterUser: r1.user,
    helperUser: h1.user,
  };
}

const ch = (count: number, minutes: number, hours: number) => ({ count, minutes, hours });
const zero = ch(0, 0, 0);
const kinds = (requester: number, helper: number, both: number) => ({
  requester,
  helper,
  both,
  total: requester + helper + both,
});
const noKinds = kinds(0, 0, 0);

/** Members, children: the same at the end of March 2027 and of fiscal year 2026. */
const membersAtEnd = {
  byKind: kinds(2, 2, 1),
  byAgeBand: {
    under30: kinds(0, 1, 0),
    age30s: kinds(2, 0, 0),
    age40s: noKinds,
    age50s: kinds(0, 0, 1),
    age60s: kinds(0, 1, 0),
    age70plus: noKinds,
  },
};
const childrenAtEnd = {
  byAgeBand: {
    age0: 1,
    age1to2: 1,
    age3to5: 1,
    elementary1to3: 1,
    elementary4to6: 1,
    older: 0,
  },
  total: 5,
};
const training = {
  sessionsHeld: 1,
  hoursDelivered: 5,
  attendances: 1,
  attendees: 1,
  newlyQualified: 1,
};

let ids: Ids;
beforeEach(async () => {
  ctx = await setupTestApp({ now: jst('2027-04-20', '10:00') });
  ids = await buildFixture();
});

describe('monthly report (March 2027)', () => {
  it('proves every figure against the hand-computed fixture', async () => {
    const r = await monthlyReport(ctx.deps, '2027-03');
    expect(r.month).toBe('2027-03');
    expect(r.period).toEqual({ from: '2027-03-01', to: '2027-03-31' });
    expect(r.showOlderChildren).toBe(false);
    expect(r.members).toEqual({
      ...membersAtEnd,
      newMembers: kinds(1, 1, 0),
      withdrawn: kinds(1, 0, 0),
    });
    expect(r.children).toEqual(childrenAtEnd);
    expect(r.requests).toEqual({
      received: 9,
      matched: 7,
      unfilled: 1,
      open: 0,
      cancelled: 2,
      cancelledBy: { requester: 1, helper: 0, staff: 1 },
      fillRate: 0.875,
      // 2, 6, 12, 24, 24, 30, 48 hours.
      medianHoursToMatch: 24,
    });
    const noCategory = Object.fromEntries([3, 4, 5, 6, 7, 8, 12].map((c) => [c, zero]));
    expect(r.activities).toEqual({
      count: 4,
      minutes: 481,
      hours: 8.02,
      childCount: 5,
      byCategory: {
        ...noCategory,
        1: ch(1, 90, 1.5),
        2: ch(1, 90, 1.5),
        9: ch(1, 60, 1),
        10: ch(1, 270, 4.5),
        11: ch(1, 61, 1.02),
      },
      byTimeBand: {
        early: ch(1, 60, 1),
        daytime: ch(2, 360, 6),
        evening: zero,
        night: ch(1, 61, 1.02),
      },
      byChildAgeBand: {
        age0: zero,
        age1to2: ch(2, 151, 2.52),
        age3to5: ch(2, 330, 5.5),
        elementary1to3: ch(1, 90, 1.5),
        elementary4to6: zero,
        older: zero,
      },
      byDayType: { weekday: ch(3, 211, 3.52), holiday: ch(1, 270, 4.5) },
      sickChild: ch(1, 270, 4.5),
      pendingApproval: 1,
      missingReports: 1,
    });
    const noFees = Object.fromEntries([3, 4, 5, 6, 7, 8, 12].map((c) => [c, 0]));
    expect(r.fees).toEqual({
      total: 8400,
      byCategory: { ...noFees, 1: 1200, 2: 1200, 9: 900, 10: 4500, 11: 1800 },
      transportCost: 300,
      mealCost: 500,
      cancellationFees: 800,
    });
    expect(r.training).toEqual(training);
    expect(r.incidents).toEqual({
      total: 1,
      nearMiss: 1,
      accident: 0,
      reportable: 0,
      reportedToPrefecture: 0,
    });
    expect(r.generatedAt).toBe('2027-04-20T10:00:00+09:00');
  });

  it('compares with March 2026', async () => {
    const r = await monthlyReport(ctx.deps, '2027-03');
    expect(r.previousYear.previousPeriod).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    const byKey = Object.fromEntries(
      r.previousYear.items.map((i) => [i.key, [i.current, i.previous, i.delta]]),
    );
    expect(byKey).toEqual({
      // At the end of March 2026 H2 was a requester only (her helper side began April 1).
      membersTotal: [5, 3, 2],
      requesters: [2, 2, 0],
      helpers: [2, 1, 1],
      both: [1, 0, 1],
      newMembers: [2, 0, 2],
      withdrawnMembers: [1, 0, 1],
      requestsReceived: [9, 1, 8],
      requestsMatched: [7, 1, 6],
      requestsCancelled: [2, 0, 2],
      activities: [4, 1, 3],
      hours: [8.02, 2, 6.02],
      sickChild: [1, 0, 1],
      feesTotal: [8400, 1600, 6800],
      incidents: [1, 0, 1],
    });
  });

  it('sums per helper and per family', async () => {
    const period = { from: '2027-03-01', to: '2027-03-31' };
    const helpers = await helperSummaries(ctx.deps, period);
    expect(
      helpers.map((h) => [
        h.memberId,
        h.activities,
        h.minutes,
        h.hours,
        h.fees,
        h.costs,
        h.families,
      ]),
    ).toEqual([
      [ids.h2, 2, 331, 5.52, 6300, 500, 2],
      [ids.h1, 2, 150, 2.5, 2100, 300, 2],
    ]);
    const families = await familySummaries(ctx.deps, period);
    expect(
      families.map((f) => [
        f.memberId,
        f.activities,
        f.minutes,
        f.hours,
        f.fees,
        f.costs,
        f.helpers,
      ]),
    ).toEqual([
      [ids.r3, 1, 270, 4.5, 4500, 500, 1],
      [ids.r1, 2, 151, 2.52, 3000, 300, 2],
      [ids.r2, 1, 60, 1, 900, 0, 1],
    ]);
    expect(families[0]!.name).toBe('R3');
  });
});

describe('fiscal-year report (FY2026)', () => {
  it('proves every figure against the hand-computed fixture', async () => {
    const r = await annualReport(ctx.deps, 2026);
    expect(r.fiscalYear).toBe(2026);
    expect(r.period).toEqual({ from: '2026-04-01', to: '2027-03-31' });
    expect(r.members).toEqual({
      ...membersAtEnd,
      newMembers: kinds(2, 1, 0),
      withdrawn: kinds(1, 0, 0),
    });
    expect(r.children).toEqual(childrenAtEnd);
    expect(r.requests).toEqual({
      received: 10,
      matched: 8,
      unfilled: 1,
      open: 0,
      cancelled: 2,
      cancelledBy: { requester: 1, helper: 0, staff: 1 },
      fillRate: 0.8889,
      // 1, 2, 6, 12 | 24, 24, 30, 48 hours: (12 + 24) / 2.
      medianHoursToMatch: 18,
    });
    const noCategory = Object.fromEntries([3, 4, 5, 6, 7, 8, 12].map((c) => [c, zero]));
    expect(r.activities).toEqual({
      count: 5,
      minutes: 601,
      hours: 10.02,
      childCount: 6,
      byCategory: {
        ...noCategory,
        1: ch(1, 90, 1.5),
        2: ch(2, 210, 3.5),
        9: ch(1, 60, 1),
        10: ch(1, 270, 4.5),
        11: ch(1, 61, 1.02),
      },
      byTimeBand: {
        early: ch(1, 60, 1),
        daytime: ch(2, 360, 6),
        evening: ch(1, 120, 2),
        night: ch(1, 61, 1.02),
      },
      byChildAgeBand: {
        // C1 was 0 in September and 1 in March.
        age0: ch(1, 120, 2),
        age1to2: ch(2, 151, 2.52),
        age3to5: ch(2, 330, 5.5),
        elementary1to3: ch(1, 90, 1.5),
        elementary4to6: zero,
        older: zero,
      },
      byDayType: { weekday: ch(4, 331, 5.52), holiday: ch(1, 270, 4.5) },
      sickChild: ch(1, 270, 4.5),
      pendingApproval: 1,
      missingReports: 1,
    });
    expect(r.fees.total).toBe(10100);
    expect(r.fees.byCategory[2]).toBe(2900);
    expect(r.fees.transportCost).toBe(300);
    expect(r.fees.mealCost).toBe(500);
    expect(r.fees.cancellationFees).toBe(800);
    expect(r.training).toEqual(training);
    expect(r.incidents).toEqual({
      total: 2,
      nearMiss: 1,
      accident: 1,
      reportable: 1,
      reportedToPrefecture: 1,
    });
  });

  it('carries the twelve months, the member trend and the previous fiscal year', async () => {
    const r = await annualReport(ctx.deps, 2026);
    const months = [
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
    ];
    expect(r.months).toEqual(
      months.map((month) =>
        month === '2026-09'
          ? { month, activities: 1, minutes: 120, hours: 2 }
          : month === '2027-03'
            ? { month, activities: 4, minutes: 481, hours: 8.02 }
            : { month, activities: 0, minutes: 0, hours: 0 },
      ),
    );
    expect(r.memberTrend).toEqual(
      months.map((month) =>
        month === '2026-04'
          ? { month, ...kinds(1, 1, 1) }
          : month === '2027-03'
            ? { month, ...kinds(2, 2, 1) }
            : { month, ...kinds(2, 1, 1) },
      ),
    );
    expect(r.previousYear.previousPeriod).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    const byKey = Object.fromEntries(r.previousYear.items.map((i) => [i.key, i.previous]));
    expect(byKey).toMatchObject({
      membersTotal: 3,
      newMembers: 1,
      requestsReceived: 1,
      activities: 1,
      hours: 2,
      feesTotal: 1600,
      incidents: 0,
    });
  });

  it('counts the March 31 activity in FY2026 and the April 1 one in FY2027', async () => {
    const next = await annualReport(ctx.deps, 2027);
    expect(next.activities.count).toBe(1);
    expect(next.activities.byCategory[11]).toEqual(ch(1, 60, 1));
    expect(next.months[0]).toEqual({ month: '2027-04', activities: 1, minutes: 60, hours: 1 });
    const april = await monthlyReport(ctx.deps, '2027-04');
    expect(april.activities.count).toBe(1);
    expect(april.members.newMembers).toEqual(kinds(1, 0, 0));
  });
});

/** A minimal RFC 4180 reader, enough to prove the export parses back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  return rows;
}

describe('reports API', () => {
  it('answers staff with JSON', async () => {
    const staff = await TestClient.signedInAs(ctx, ids.staff);
    const monthly = await staff.get('/api/v1/reports/monthly?month=2027-03');
    expect(monthly.status).toBe(200);
    const body = (await monthly.json()) as { activities: { count: number }; month: string };
    expect(body.month).toBe('2027-03');
    expect(body.activities.count).toBe(4);
    const annual = await staff.get('/api/v1/reports/annual?fiscalYear=2026');
    expect(annual.status).toBe(200);
    expect(((await annual.json()) as { months: unknown[] }).months).toHaveLength(12);
    const helpers = await staff.get('/api/v1/reports/helpers?month=2027-03');
    expect(((await helpers.json()) as { items: { memberId: string }[] }).items[0]!.memberId).toBe(
      ids.h2,
    );
    const families = await staff.get('/api/v1/reports/families?fiscalYear=2026');
    expect(((await families.json()) as { items: unknown[] }).items).toHaveLength(3);
  });

  it('documents every reports route in the OpenAPI document', async () => {
    const res = await new TestClient(ctx).get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { paths: Record<string, { get?: unknown }> };
    for (const path of [
      '/reports/monthly',
      '/reports/monthly.csv',
      '/reports/annual',
      '/reports/annual.csv',
      '/reports/helpers',
      '/reports/families',
    ])
      expect([path, Boolean(doc.paths[path]?.get)]).toEqual([path, true]);
  });

  it('rejects an invalid month or fiscal year with 400', async () => {
    const staff = await TestClient.signedInAs(ctx, ids.staff);
    for (const path of [
      '/api/v1/reports/monthly?month=2026-13',
      '/api/v1/reports/monthly?month=abc',
      '/api/v1/reports/monthly',
      '/api/v1/reports/monthly.csv?month=2026-00',
      '/api/v1/reports/annual?fiscalYear=abc',
      '/api/v1/reports/annual?fiscalYear=20261',
      '/api/v1/reports/annual.csv?fiscalYear=',
      '/api/v1/reports/helpers',
      '/api/v1/reports/families?month=2027-03&fiscalYear=2026',
    ]) {
      const res = await staff.get(path);
      expect([path, res.status]).toEqual([path, 400]);
      const body = (await res.json()) as { error: { code: string } };
      expect(body.error.code).toBeTruthy();
    }
  });

  it('refuses members with 403 and strangers with 401', async () => {
    const paths = [
      '/api/v1/reports/monthly?month=2027-03',
      '/api/v1/reports/monthly.csv?month=2027-03',
      '/api/v1/reports/annual?fiscalYear=2026',
      '/api/v1/reports/annual.csv?fiscalYear=2026',
      '/api/v1/reports/helpers?month=2027-03',
      '/api/v1/reports/families?month=2027-03',
    ];
    const requester = await TestClient.signedInAs(ctx, ids.requesterUser);
    const helper = await TestClient.signedInAs(ctx, ids.helperUser);
    const anonymous = new TestClient(ctx);
    for (const path of paths) {
      expect([path, (await requester.get(path)).status]).toEqual([path, 403]);
      expect([path, (await helper.get(path)).status]).toEqual([path, 403]);
      expect([path, (await anonymous.get(path)).status]).toEqual([path, 401]);
    }
  });

  it('exports CSV for Excel in Japanese by default and in English for English users', async () => {
    const staff = await TestClient.signedInAs(ctx, ids.staff);
    const res = await staff.get('/api/v1/reports/monthly.csv?month=2027-03');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="tsunagu-monthly-2027-03.csv"',
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['区分', '項目', '値', '前年同期']);
    expect(rows.every((r) => r.length === 4)).toBe(true);
    const find = (section: string, item: string) =>
      rows.find((r) => r[0] === section && r[1] === item);
    expect(find('援助活動', '活動件数')).toEqual(['援助活動', '活動件数', '4', '1']);
    expect(find('援助活動', '活動時間（時間）')).toEqual([
      '援助活動',
      '活動時間（時間）',
      '8.02',
      '2',
    ]);
    expect(find('会員数（期末）', '合計')).toEqual(['会員数（期末）', '合計', '5', '3']);
    expect(find('援助の申し込み', '成立率（%）')).toEqual([
      '援助の申し込み',
      '成立率（%）',
      '87.5',
      '',
    ]);
    expect(find('援助活動（活動内容別）', '10 病児・病後児の預かり（件数）')?.[2]).toBe('1');
    expect(find('子どもの数（年齢区分別・期末）', '中学生以上')).toBeUndefined();

    const englishUser = await createUser(ctx.deps, { role: 'staff', locale: 'en' });
    const english = await TestClient.signedInAs(ctx, englishUser);
    const annual = await english.get('/api/v1/reports/annual.csv?fiscalYear=2026');
    expect(annual.status).toBe(200);
    expect(annual.headers.get('content-disposition')).toBe(
      'attachment; filename="tsunagu-annual-2026.csv"',
    );
    const enRows = parseCsv((await annual.text()).replace(/^\uFEFF/, ''));
    expect(enRows[0]).toEqual(['Section', 'Item', 'Value', 'Same period last year']);
    expect(enRows.find((r) => r[0] === 'Activities' && r[1] === 'Activities')).toEqual([
      'Activities',
      'Activities',
      '5',
      '1',
    ]);
    expect(
      enRows.find((r) => r[0] === 'Activities per month' && r[1] === '2027-03 (count)')?.[2],
    ).toBe('4');
    expect(
      enRows.find((r) => r[0] === 'Members at each month end' && r[1] === '2026-04 (Total)')?.[2],
    ).toBe('3');
  });
});
