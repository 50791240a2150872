import { describe, expect, it } from 'vitest';
import { addDaysToDate } from '../../src/lib/dates.js';
import { createChild, createEligibleHelper, createMember } from '../helpers/factories.js';
import { createUser, setupTestApp, TestClient } from '../helpers/test-app.js';

const K = 8;
const M = 50;

describe('offer acceptance under concurrency', () => {
  it(`${K} helpers accepting the same request at once, ${M} times: exactly ${M} winners, no double booking`, async () => {
    const ctx = await setupTestApp();
    const staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
    const parent = await createMember(ctx.deps);
    const child = await createChild(ctx.deps, parent.member.id);
    const helpers: Awaited<ReturnType<typeof createEligibleHelper>>[] = [];
    for (let i = 0; i < K; i++) helpers.push(await createEligibleHelper(ctx.deps));
    const helperClients = await Promise.all(helpers.map((h) => TestClient.signedInAs(ctx, h.user)));

    // M one-hour requests at distinct times (10 per day from 2026-11-25).
    const offersByRequest: { requestId: string; offers: { id: string; helperId: string }[] }[] = [];
    for (let i = 0; i < M; i++) {
      const date = addDaysToDate('2026-11-25', Math.floor(i / 10));
      const hour = String(8 + (i % 10)).padStart(2, '0');
      const created = await staff.json('POST', '/api/v1/requests', {
        requesterId: parent.member.id,
        childIds: [child.id],
        category: 8,
        startsAt: `${date}T${hour}:00:00+09:00`,
        endsAt: `${date}T${hour}:50:00+09:00`,
      });
      expect(created.status).toBe(201);
      const { request } = (await created.json()) as { request: { id: string } };
      const offered = await staff.json('POST', `/api/v1/requests/${request.id}/offers`, {
        helperIds: helpers.map((h) => h.member.id),
      });
      expect(offered.status).toBe(201);
      offersByRequest.push({
        requestId: request.id,
        ...((await offered.json()) as { offers: { id: string; helperId: string }[] }),
      });
    }

    // Every helper accepts every request, all at once.
    const attempts = offersByRequest.flatMap(({ offers }) =>
      offers.map((o) =>
        helperClients[helpers.findIndex((h) => h.member.id === o.helperId)]!.json(
          'POST',
          `/api/v1/offers/${o.id}/accept`,
          {},
        ),
      ),
    );
    const statuses = (await Promise.all(attempts)).map((r) => r.status);
    const winners = statuses.filter((s) => s === 200).length;
    const conflicts = statuses.filter((s) => s === 409).length;

    const accepted = await ctx.deps.db
      .selectFrom('offer')
      .select(['request_id'])
      .where('status', '=', 'accepted')
      .execute();
    const perRequest = new Map<string, number>();
    for (const a of accepted) perRequest.set(a.request_id, (perRequest.get(a.request_id) ?? 0) + 1);
    const matched = await ctx.deps.db
      .selectFrom('care_request')
      .select(['id', 'helper_member_id', 'starts_at', 'ends_at', 'status'])
      .execute();
    let doubleBookings = 0;
    for (const a of matched) {
      for (const b of matched) {
        if (
          a.id < b.id &&
          a.helper_member_id === b.helper_member_id &&
          a.starts_at < b.ends_at &&
          b.starts_at < a.ends_at
        )
          doubleBookings++;
      }
    }
    console.log(
      `[race:${ctx.runtime}] K=${K} M=${M}: winners=${winners} conflicts=${conflicts} doubleBookings=${doubleBookings} maxAcceptedPerRequest=${Math.max(...perRequest.values())}`,
    );
    expect(winners).toBe(M);
    expect(conflicts).toBe(M * (K - 1));
    expect(doubleBookings).toBe(0);
    expect([...perRequest.values()].every((n) => n === 1)).toBe(true);
    expect(matched.every((r) => r.status === 'matched' && r.helper_member_id !== null)).toBe(true);
  }, 120_000);
});
