import { beforeEach, describe, expect, it } from 'vitest';
import type { SideStatus } from '../../db/schema.js';
import { newId } from '../../src/lib/ids.js';
import { annualReport, monthlyReport } from '../../src/modules/reports/reports.service.js';
import { createChild, createMember } from '../helpers/factories.js';
import { setupTestApp, type TestContext } from '../helpers/test-app.js';

/**
 * Withdrawals recorded only as member_status_event rows (one side of a 両方会員, or a side
 * without the member-level withdrawn_at): the member counts, and the trend, must follow them.
 * Hand-computed fixture (instants JST), every member approved on both of its sides 2026-01-01:
 *   B both: helper side withdrawn 2026-06-15 (event only)        → requester only from then
 *   R requester: member withdrawn 2026-08-10 (withdrawn_at only)
 *   X requester: suspended 2026-05-01 (not a withdrawal), withdrawn 2026-10-20 and again
 *     2026-12-01 (events only; the first one counts)
 * Children: B's born 2020-06-01 (grade 0, age 6 → 3–5 in FY2026), X's born 2018-05-01 (grade 2).
 */
const jst = (date: string, time = '00:00') => new Date(`${date}T${time}:00+09:00`).toISOString();

let ctx: TestContext;

async function member(kind: 'requester' | 'both', withdrawnAt: string | null = null) {
  const m = await createMember(ctx.deps, { kind, birthDate: '1985-06-15' });
  const approved = jst('2026-01-01');
  await ctx.deps.db
    .updateTable('member')
    .set({
      requester_approved_at: approved,
      helper_approved_at: kind === 'both' ? approved : null,
      withdrawn_at: withdrawnAt,
    })
    .where('id', '=', m.member.id)
    .execute();
  return m.member.id;
}

async function event(memberId: string, side: 'requester' | 'helper', to: SideStatus, at: string) {
  await ctx.deps.db
    .insertInto('member_status_event')
    .values({
      id: newId(),
      member_id: memberId,
      side,
      from_status: 'active',
      to_status: to,
      reason: null,
      actor_user_id: null,
      at,
    })
    .execute();
}

beforeEach(async () => {
  ctx = await setupTestApp({ now: jst('2027-04-20', '10:00') });
  const b = await member('both');
  await event(b, 'helper', 'withdrawn', jst('2026-06-15', '10:00'));
  await member('requester', jst('2026-08-10', '10:00'));
  const x = await member('requester');
  await event(x, 'requester', 'suspended', jst('2026-05-01', '10:00'));
  await event(x, 'requester', 'withdrawn', jst('2026-10-20', '10:00'));
  await event(x, 'requester', 'withdrawn', jst('2026-12-01', '10:00'));
  await createChild(ctx.deps, b, { birthDate: '2020-06-01' });
  await createChild(ctx.deps, x, { birthDate: '2018-05-01' });
});

const kinds = (requester: number, helper: number, both: number) => ({
  requester,
  helper,
  both,
  total: requester + helper + both,
});

describe('reports follow side withdrawals recorded as status events', () => {
  it('counts members and children at the month end', async () => {
    const sep = await monthlyReport(ctx.deps, '2026-09');
    expect(sep.members.byKind).toEqual(kinds(2, 0, 0));
    expect(sep.children.total).toBe(2);
    expect(sep.children.byAgeBand.age3to5).toBe(1);
    expect(sep.children.byAgeBand.elementary1to3).toBe(1);

    const may = await monthlyReport(ctx.deps, '2026-05');
    expect(may.members.byKind).toEqual(kinds(2, 0, 1));

    const oct = await monthlyReport(ctx.deps, '2026-10');
    expect(oct.members.byKind).toEqual(kinds(1, 0, 0));
    expect(oct.children.total).toBe(1);
    expect(oct.children.byAgeBand.age3to5).toBe(1);
  });

  it('carries them in the fiscal-year member trend', async () => {
    const r = await annualReport(ctx.deps, 2026);
    const expected: Record<string, ReturnType<typeof kinds>> = {
      '2026-04': kinds(2, 0, 1),
      '2026-05': kinds(2, 0, 1),
      '2026-06': kinds(3, 0, 0),
      '2026-07': kinds(3, 0, 0),
      '2026-08': kinds(2, 0, 0),
      '2026-09': kinds(2, 0, 0),
    };
    expect(r.memberTrend).toEqual(
      r.memberTrend.map((p) => ({ month: p.month, ...(expected[p.month] ?? kinds(1, 0, 0)) })),
    );
    expect(r.memberTrend.map((p) => p.month)).toEqual([
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
    ]);
  });
});
