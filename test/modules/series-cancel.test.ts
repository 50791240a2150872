import { beforeEach, describe, expect, it } from 'vitest';
import { createChild, createEligibleHelper, createMember } from '../helpers/factories.js';
import { setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await setupTestApp(); // Saturday 2026-11-21
});

/** A family with a weekly Monday series: 11-30, 12-07, 12-14 and 12-21, 17:00–18:00. */
async function seriesFamily() {
  const parent = await createMember(ctx.deps, { kind: 'requester' });
  const child = await createChild(ctx.deps, parent.member.id, { birthDate: '2021-05-10' });
  const client = await TestClient.signedInAs(ctx, parent.user);
  const res = await client.json('POST', '/api/v1/requests', {
    childIds: [child.id],
    category: 1,
    startsAt: '2026-11-30T17:00:00+09:00',
    endsAt: '2026-11-30T18:00:00+09:00',
    careLocation: 'helper_home',
    recurrence: { weekdays: [1], until: '2026-12-21', skipHolidays: true },
  });
  expect(res.status).toBe(201);
  const { requests } = (await res.json()) as { requests: { id: string; startsAt: string }[] };
  const helper = await createEligibleHelper(ctx.deps);
  // The helper took 12-07: cancelling it on the day costs the family.
  await ctx.deps.db
    .updateTable('care_request')
    .set({
      status: 'matched',
      helper_member_id: helper.member.id,
      matched_at: ctx.clock.now().toISOString(),
    })
    .where('id', '=', requests[1]!.id)
    .execute();
  return { parent, client, helper, ids: requests.map((r) => r.id) };
}

const statuses = async (ids: string[]) =>
  (
    await ctx.deps.db
      .selectFrom('care_request')
      .select(['id', 'status', 'cancellation_fee'])
      .where('id', 'in', ids)
      .orderBy('starts_at')
      .execute()
  ).map((r) => [r.status, r.cancellation_fee]);

describe('cancelling a series from a date onwards', () => {
  it('shows the fee policy of every date first, then cancels them all in one action', async () => {
    const { parent, ids } = await seriesFamily();
    ctx.clock.set('2026-12-07T00:00:00.000Z'); // 09:00 on Monday 12-07: the same day
    const client = await TestClient.signedInAs(ctx, parent.user);
    const detail = await (await client.get(`/requests/${ids[1]}`)).text();
    expect(detail).toContain(`href="/requests/${ids[1]}/cancel-series"`);

    const page = await client.get(`/requests/${ids[1]}/cancel-series`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('この日から後の3回分を取り消します');
    expect(html).toContain('まだ提供会員が決まっていないので');
    expect(html).toMatch(/のキャンセル料を確認して3回分を取り消す/);
    // Nothing is cancelled by looking.
    expect((await statuses(ids)).map(([s]) => s)).toEqual(['open', 'matched', 'open', 'open']);

    const res = await client.form(`/requests/${ids[1]}/cancel-series`, {
      reason: '引っ越しのため',
    });
    expect(res.status).toBe(303);
    const after = await statuses(ids);
    expect(after[0]).toEqual(['open', null]); // the earlier date is left alone
    expect(after.slice(1).map(([s]) => s)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(Number(after[1]![1])).toBeGreaterThan(0); // matched, same day: charged
    expect(after.slice(2).map(([, fee]) => fee)).toEqual([0, 0]);
  });

  it('asks for a reason, keeping everything as it was', async () => {
    const { client, ids } = await seriesFamily();
    const res = await client.form(`/requests/${ids[2]}/cancel-series`, { reason: '' });
    expect(res.status).toBe(422);
    expect((await statuses(ids)).map(([s]) => s)).toEqual(['open', 'matched', 'open', 'open']);
  });

  it('is the family’s: the helper and other families get 404, a single request the one-date page', async () => {
    const { ids, helper } = await seriesFamily();
    const helperClient = await TestClient.signedInAs(ctx, helper.user);
    expect((await helperClient.get(`/requests/${ids[1]}/cancel-series`)).status).toBe(404);
    expect(
      (await helperClient.form(`/requests/${ids[1]}/cancel-series`, { reason: 'x' })).status,
    ).toBe(404);
    const other = await seriesFamily();
    expect(
      (await other.client.form(`/requests/${ids[1]}/cancel-series`, { reason: 'x' })).status,
    ).toBe(404);
    expect((await statuses(ids)).map(([s]) => s)).toEqual(['open', 'matched', 'open', 'open']);

    const single = await other.client.json('POST', '/api/v1/requests', {
      childIds: [
        (
          await ctx.deps.db
            .selectFrom('child')
            .select('id')
            .where('member_id', '=', other.parent.member.id)
            .executeTakeFirstOrThrow()
        ).id,
      ],
      category: 1,
      startsAt: '2026-12-02T17:00:00+09:00',
      endsAt: '2026-12-02T18:00:00+09:00',
      careLocation: 'helper_home',
    });
    const { request } = (await single.json()) as { request: { id: string } };
    const res = await other.client.get(`/requests/${request.id}/cancel-series`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/requests/${request.id}/cancel`);
  });
});
