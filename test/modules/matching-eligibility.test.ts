import { beforeEach, describe, expect, it } from 'vitest';
import { getMatchingEligibility } from '../../src/modules/trainings/matching-eligibility.js';
import { getQualificationsForMembers } from '../../src/modules/trainings/qualification.service.js';
import { newId } from '../../src/lib/ids.js';
import { createMember, ensureCurriculum, qualifyHelper } from '../helpers/factories.js';
import { setupTestApp, type TestContext } from '../helpers/test-app.js';

// The clock is 2026-11-21 (FY2026). qualifyHelper records every basic and CPR module on that day.
let ctx: TestContext;
beforeEach(async () => {
  ctx = await setupTestApp();
});

const eligible = async (ids: string[], date: string) =>
  Object.fromEntries(
    [...(await getMatchingEligibility(ctx.deps, ids, date))].map(([id, e]) => [
      id,
      e.eligibleForMatching,
    ]),
  );

describe('cached matching eligibility', () => {
  it('follows the calendar: from the completion day, until the follow-up falls due next April', async () => {
    const { member } = await createMember(ctx.deps, { kind: 'helper' });
    await qualifyHelper(ctx.deps, member.id);
    expect(await eligible([member.id], '2026-11-20')).toEqual({ [member.id]: false });
    expect(await eligible([member.id], '2026-11-21')).toEqual({ [member.id]: true });
    expect(await eligible([member.id], '2027-03-31')).toEqual({ [member.id]: true });
    // FY2027 needs a follow-up, which this helper never attended.
    expect(await eligible([member.id], '2027-04-01')).toEqual({ [member.id]: false });
    // Earlier dates again, from the memoised segments: unchanged.
    expect(await eligible([member.id], '2026-12-24')).toEqual({ [member.id]: true });
  });

  it('sees new records and a suspension at once (the stamp triggers)', async () => {
    const a = (await createMember(ctx.deps, { kind: 'helper' })).member.id;
    const b = (await createMember(ctx.deps, { kind: 'helper' })).member.id;
    const parent = (await createMember(ctx.deps, { kind: 'requester' })).member.id;
    await qualifyHelper(ctx.deps, a);
    const day = '2026-11-25';
    expect(await eligible([a, b, parent, 'no-such-id'], day)).toEqual({ [a]: true, [b]: false });

    await qualifyHelper(ctx.deps, b);
    expect(await eligible([a, b], day)).toEqual({ [a]: true, [b]: true });

    await ctx.deps.db
      .updateTable('member')
      .set({ helper_status: 'suspended' })
      .where('id', '=', a)
      .execute();
    expect(await eligible([a, b], day)).toEqual({ [a]: false, [b]: true });

    const modules = await ensureCurriculum(ctx.deps);
    const sick = modules.find((m) => m.kind === 'sick_child')!;
    await ctx.deps.db
      .insertInto('training_record')
      .values({
        id: newId(),
        member_id: b,
        module_id: sick.id,
        completed_on: '2026-11-21',
        source: 'external',
        session_id: null,
        evidence_note: null,
        status: 'approved',
        recorded_by: null,
        reviewed_by: null,
        reviewed_at: null,
        review_note: null,
        created_at: ctx.deps.clock.now().toISOString(),
      })
      .execute();
    const sickOnly = await getMatchingEligibility(ctx.deps, [b], day);
    // The default curriculum has several sick-child modules: one record is not enough.
    expect(sickOnly.get(b)).toEqual({ eligibleForMatching: true, sickChildCare: false });
  });

  it('answers exactly what the uncached qualifications answer, week by week over a year', async () => {
    const ids: string[] = [];
    for (const completedOn of ['2024-02-29', '2025-03-31', '2025-04-01', '2026-11-21']) {
      const { member } = await createMember(ctx.deps, { kind: 'helper' });
      await qualifyHelper(ctx.deps, member.id, { completedOn });
      ids.push(member.id);
    }
    ids.push((await createMember(ctx.deps, { kind: 'helper', helperStatus: 'applied' })).member.id);
    for (let d = 0; d < 400; d += 7) {
      const date = new Date(Date.UTC(2026, 3, 1) + d * 86_400_000).toISOString().slice(0, 10);
      const cached = await getMatchingEligibility(ctx.deps, ids, date);
      const fresh = await getQualificationsForMembers(ctx.deps, ids, date);
      for (const id of ids)
        expect(cached.get(id), `${id} on ${date}`).toEqual({
          eligibleForMatching: fresh.get(id)!.eligibleForMatching,
          sickChildCare: fresh.get(id)!.sickChildCare,
        });
    }
  });
});
