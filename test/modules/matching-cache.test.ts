import { beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/ids.js';
import { getRecentCounts, matchingTokensOf } from '../../src/modules/matching/matching-cache.js';
import { matchingStampsQuery } from '../../src/modules/matching/matching.queries.js';
import { createChild, createEligibleHelper, createMember } from '../helpers/factories.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

// The ranking caches helpers, their week and their workload (src/modules/matching/matching-cache.ts);
// these tests change each between two rankings and expect the second ranking to see it.
// Saturday 2026-11-21 10:00 JST; the request is for Wednesday 2026-11-25, 13:00–16:00.
let ctx: TestContext;
let staff: TestClient;
beforeEach(async () => {
  ctx = await setupTestApp();
  staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
});

interface Ranked {
  items: { helperId: string; reasons: { code: string; params?: { count?: number } }[] }[];
  excluded: { helperId: string; reasons: { code: string }[] }[];
}

async function newRequest(start = '13:00', end = '16:00') {
  const parent = await createMember(ctx.deps, { kind: 'requester', area: 'kita' });
  const child = await createChild(ctx.deps, parent.member.id, { birthDate: '2021-05-10' });
  const client = await TestClient.signedInAs(ctx, parent.user);
  const res = await client.json('POST', '/api/v1/requests', {
    childIds: [child.id],
    category: 8,
    startsAt: `2026-11-25T${start}:00+09:00`,
    endsAt: `2026-11-25T${end}:00+09:00`,
    careLocation: 'helper_home',
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { request: { id: string } }).request.id;
}

async function rank(id: string): Promise<Ranked> {
  const res = await staff.get(`/api/v1/requests/${id}/candidates?include=excluded`);
  expect(res.status).toBe(200);
  return (await res.json()) as Ranked;
}

describe('ranking caches', () => {
  it('see a new weekly slot, a changed area and a new assignment at once', async () => {
    const id = await newRequest();
    // Available Mondays only: not on Wednesday.
    const helper = await createEligibleHelper(ctx.deps, {
      area: 'minami',
      slots: [{ weekday: 1, start: '09:00', end: '17:00' }],
    });
    let ranked = await rank(id);
    expect(ranked.items).toEqual([]);
    expect(ranked.excluded.find((e) => e.helperId === helper.member.id)?.reasons).toContainEqual(
      expect.objectContaining({ code: 'unavailable' }),
    );

    await ctx.deps.db
      .insertInto('availability_slot')
      .values({
        id: newId(),
        member_id: helper.member.id,
        weekday: 3,
        start_time: '09:00',
        end_time: '18:00',
      })
      .execute();
    ranked = await rank(id);
    expect(ranked.items.map((i) => i.helperId)).toEqual([helper.member.id]);
    expect(ranked.items[0]!.reasons.map((r) => r.code)).not.toContain('same_area');

    await ctx.deps.db
      .updateTable('member')
      .set({ helper_areas: JSON.stringify(['kita']) })
      .where('id', '=', helper.member.id)
      .execute();
    ranked = await rank(id);
    expect(ranked.items[0]!.reasons.map((r) => r.code)).toContain('same_area');

    // Another family's request that morning, assigned to her: one recent activity now.
    const other = await newRequest('09:00', '11:00');
    expect(
      (await staff.json('POST', `/api/v1/requests/${other}/assign`, { helperId: helper.member.id }))
        .status,
    ).toBe(200);
    ranked = await rank(id);
    const recent = ranked.items[0]!.reasons.find((r) => r.code === 'recent_activities');
    expect(recent?.params?.count).toBe(1);
  });

  it('drops a helper who withdraws', async () => {
    const id = await newRequest();
    const helper = await createEligibleHelper(ctx.deps, { area: 'kita' });
    expect((await rank(id)).items.map((i) => i.helperId)).toEqual([helper.member.id]);
    await ctx.deps.db
      .updateTable('member')
      .set({ withdrawn_at: ctx.deps.clock.now().toISOString() })
      .where('id', '=', helper.member.id)
      .execute();
    const ranked = await rank(id);
    expect(ranked.items).toEqual([]);
    expect(ranked.excluded.map((e) => e.helperId)).not.toContain(helper.member.id);
  });

  it('count the recent workload exactly as the window slides past a start, and back', async () => {
    const helper = await createEligibleHelper(ctx.deps, { area: 'kita' });
    const id = await newRequest('09:00', '11:00'); // starts 2026-11-25T00:00Z
    expect(
      (await staff.json('POST', `/api/v1/requests/${id}/assign`, { helperId: helper.member.id }))
        .status,
    ).toBe(200);
    const { workload } = matchingTokensOf(await matchingStampsQuery(ctx.deps.db).execute());
    const countSince = async (since: string) =>
      (await getRecentCounts(ctx.deps, workload, since)).get(helper.member.id) ?? 0;
    expect(await countSince('2026-11-24T00:00:00.000Z')).toBe(1);
    // The window moved, no start crossed: the same answer (reused).
    expect(await countSince('2026-11-24T12:00:00.000Z')).toBe(1);
    expect(await countSince('2026-11-25T00:00:00.000Z')).toBe(1);
    // The start left the window, then came back into it.
    expect(await countSince('2026-11-25T00:00:00.001Z')).toBe(0);
    expect(await countSince('2026-11-26T00:00:00.000Z')).toBe(0);
    expect(await countSince('2026-11-24T23:59:59.999Z')).toBe(1);
  });
});
