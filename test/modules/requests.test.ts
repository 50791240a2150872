import { beforeEach, describe, expect, it } from 'vitest';
import { runScheduledJobs } from '../../src/jobs/index.js';
import {
  DEFAULT_ELIGIBILITY,
  DEFAULT_REQUEST_RULES,
} from '../../src/modules/settings/settings.schemas.js';
import { createChild, createEligibleHelper, createMember } from '../helpers/factories.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

// Saturday 2026-11-21 10:00 JST; requests below are for Wednesday 2026-11-25.
let ctx: TestContext;
let staff: TestClient;
beforeEach(async () => {
  ctx = await setupTestApp();
  staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
});

async function family(options: { area?: string; childBirth?: string } = {}) {
  const parent = await createMember(ctx.deps, { kind: 'requester', area: options.area ?? 'chuo' });
  const child = await createChild(ctx.deps, parent.member.id, {
    birthDate: options.childBirth ?? '2021-05-10',
  });
  return { ...parent, child, client: await TestClient.signedInAs(ctx, parent.user) };
}

const wednesday = (start: string, end: string) => ({
  startsAt: `2026-11-25T${start}:00+09:00`,
  endsAt: `2026-11-25T${end}:00+09:00`,
});

async function requestFor(
  f: Awaited<ReturnType<typeof family>>,
  overrides: Record<string, unknown> = {},
) {
  const res = await f.client.json('POST', '/api/v1/requests', {
    childIds: [f.child.id],
    category: 8,
    ...wednesday('13:00', '16:00'),
    careLocation: 'helper_home',
    ...overrides,
  });
  return res;
}

async function newRequest(
  f: Awaited<ReturnType<typeof family>>,
  overrides: Record<string, unknown> = {},
) {
  const res = await requestFor(f, overrides);
  expect(res.status).toBe(201);
  return ((await res.json()) as { request: { id: string } }).request.id;
}

describe('requests', () => {
  it('a parent requests help for their own child; the request is open', async () => {
    const f = await family();
    const res = await requestFor(f, { pickup: 'みどり保育園', notes: '昼寝のあとに迎え' });
    expect(res.status).toBe(201);
    const { request } = (await res.json()) as { request: Record<string, unknown> };
    expect(request).toMatchObject({
      status: 'open',
      category: 8,
      startsAt: '2026-11-25T13:00:00+09:00',
      childIds: [f.child.id],
      preMeetingRequired: false,
    });
  });

  it.each([
    [
      'lead time',
      { startsAt: '2026-11-21T14:00:00+09:00', endsAt: '2026-11-21T15:00:00+09:00' },
      'lead_time',
    ],
    ['service hours', wednesday('21:00', '22:30'), 'service_hours'],
    ['an infant over 3 hours', wednesday('09:00', '12:30'), 'infant_time_limit', '2026-08-01'],
  ])('enforces the %s rule with 422', async (_label, times, code, birth?: string) => {
    const f = await family({ childBirth: birth });
    const res = await requestFor(f, times);
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: { code } });
  });

  it('quotes the center’s configured limits, not the defaults, in the rule messages', async () => {
    const admin = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'admin' }));
    const saved = await admin.json('PUT', '/api/v1/settings', {
      requests: { ...DEFAULT_REQUEST_RULES, leadTimeCutoff: '15:30', serviceEnd: '20:00' },
      eligibility: { ...DEFAULT_ELIGIBILITY, infantMonths: 4, infantMaxHours: 2 },
    });
    expect(saved.status).toBe(200);
    const message = async (res: Response) =>
      ((await res.json()) as { error: { message: string } }).error.message;

    const f = await family({ childBirth: '2026-09-01' });
    expect(await message(await requestFor(f, wednesday('09:00', '11:30')))).toBe(
      '生後4か月未満のお子さんの預かりは、1回2時間までです。',
    );
    expect(await message(await requestFor(f, wednesday('19:00', '20:30')))).toBe(
      '援助活動は、同じ日の6時から20時までの間でお願いします。',
    );
    const late = await requestFor(f, {
      startsAt: '2026-11-21T14:00:00+09:00',
      endsAt: '2026-11-21T15:00:00+09:00',
    });
    expect(await message(late)).toBe(
      '申し込みは、利用日の前日15時30分までにお願いします。お急ぎの場合はセンターにお電話ください。',
    );
    await ctx.deps.db
      .updateTable('user')
      .set({ locale: 'en' })
      .where('id', '=', f.user.id)
      .execute();
    const lateEn = await requestFor(f, {
      startsAt: '2026-11-21T14:00:00+09:00',
      endsAt: '2026-11-21T15:00:00+09:00',
    });
    expect(await message(lateEn)).toMatch(/by 15:30 the day before/);
  });

  it('refuses another family’s child and an overlapping request for the same child', async () => {
    const a = await family();
    const b = await family();
    const foreign = await requestFor(a, { childIds: [b.child.id] });
    expect(foreign.status).toBe(422);
    expect(await foreign.json()).toMatchObject({ error: { code: 'child_not_eligible' } });
    await newRequest(a);
    const overlap = await requestFor(a, wednesday('15:00', '17:00'));
    expect(overlap.status).toBe(422);
    expect(await overlap.json()).toMatchObject({ error: { code: 'overlapping_request' } });
  });

  it('creates a weekday series in January skipping national holidays, each occurrence its own request', async () => {
    const f = await family();
    const res = await f.client.json('POST', '/api/v1/requests', {
      childIds: [f.child.id],
      category: 1,
      startsAt: '2027-01-04T17:00:00+09:00',
      endsAt: '2027-01-04T18:00:00+09:00',
      recurrence: { weekdays: [1, 2, 3, 4, 5], until: '2027-01-29', skipHolidays: true },
    });
    expect(res.status).toBe(201);
    const { requests } = (await res.json()) as {
      requests: { id: string; startsAt: string; seriesId: string }[];
    };
    expect(requests).toHaveLength(19); // 20 weekdays from Jan 4 to Jan 29, minus 成人の日 (Jan 11)
    expect(requests.map((r) => r.startsAt.slice(0, 10))).not.toContain('2027-01-11');
    expect(new Set(requests.map((r) => r.seriesId)).size).toBe(1);
    const cancelOne = await f.client.json('POST', `/api/v1/requests/${requests[3]!.id}/cancel`, {
      reason: '祖母が迎えに行くため',
    });
    expect(cancelOne.status).toBe(200);
    const open = (await (
      await f.client.get('/api/v1/requests?status=open&pageSize=200')
    ).json()) as { total: number };
    expect(open.total).toBe(18);
  });

  it('staff enter a request for a member by phone, even after the lead-time cutoff', async () => {
    const f = await family();
    const res = await staff.json('POST', '/api/v1/requests', {
      requesterId: f.member.id,
      childIds: [f.child.id],
      category: 6,
      startsAt: '2026-11-21T14:00:00+09:00',
      endsAt: '2026-11-21T16:00:00+09:00',
    });
    expect(res.status).toBe(201);
  });

  it('scopes reading: other families get 404; the list holds only one’s own', async () => {
    const a = await family();
    const b = await family();
    const id = await newRequest(a);
    expect((await b.client.get(`/api/v1/requests/${id}`)).status).toBe(404);
    expect(
      ((await (await b.client.get('/api/v1/requests')).json()) as { total: number }).total,
    ).toBe(0);
    expect((await staff.get(`/api/v1/requests/${id}`)).status).toBe(200);
  });
});

describe('candidates', () => {
  it('ranks eligible, available helpers; never the unqualified, the double-booked or one with an exception that day', async () => {
    const f = await family({ area: 'kita' });
    const id = await newRequest(f);
    const good = await createEligibleHelper(ctx.deps, { area: 'kita', name: '北の提供会員' });
    const otherArea = await createEligibleHelper(ctx.deps, {
      area: 'minami',
      name: '南の提供会員',
    });
    const untrained = await createMember(ctx.deps, { kind: 'helper', name: '講習中の提供会員' });
    const away = await createEligibleHelper(ctx.deps, { name: '都合が悪い提供会員' });
    await ctx.deps.db
      .insertInto('availability_exception')
      .values({
        id: 'ex1',
        member_id: away.member.id,
        date: '2026-11-25',
        start_time: null,
        end_time: null,
        note: null,
        created_at: 'x',
      })
      .execute();
    const busy = await createEligibleHelper(ctx.deps, { name: '予定がある提供会員' });
    const other = await family();
    const otherId = await newRequest(other, wednesday('15:00', '17:00'));
    expect(
      (await staff.json('POST', `/api/v1/requests/${otherId}/assign`, { helperId: busy.member.id }))
        .status,
    ).toBe(200);

    const res = await staff.get(`/api/v1/requests/${id}/candidates?include=excluded`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      items: { helperId: string; reasons: { code: string }[] }[];
      excluded: { helperId: string; reasons: { code: string }[] }[];
    };
    expect(body.items.map((i) => i.helperId)).toEqual([good.member.id, otherArea.member.id]);
    expect(body.items[0]!.reasons.map((r) => r.code)).toContain('same_area');
    const why = Object.fromEntries(
      body.excluded.map((e) => [e.helperId, e.reasons.map((r) => r.code)]),
    );
    expect(why[untrained.member.id]).toContain('not_qualified');
    expect(why[away.member.id]).toContain('exception_that_day');
    expect(why[busy.member.id]).toContain('already_assigned');
    expect((await f.client.get(`/api/v1/requests/${id}/candidates`)).status).toBe(403);
  });

  it('refuses to offer a request to an excluded helper', async () => {
    const f = await family();
    const id = await newRequest(f);
    const untrained = await createMember(ctx.deps, { kind: 'helper' });
    const res = await staff.json('POST', `/api/v1/requests/${id}/offers`, {
      helperIds: [untrained.member.id],
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: { code: 'not_qualified' } });
  });
});

describe('offers: the first acceptance wins', () => {
  it('staff offer to three helpers; one accepts; the others see the offer closed and are told', async () => {
    const f = await family();
    const id = await newRequest(f);
    const helpers = await Promise.all([1, 2, 3].map(() => createEligibleHelper(ctx.deps)));
    const res = await staff.json('POST', `/api/v1/requests/${id}/offers`, {
      helperIds: helpers.map((h) => h.member.id),
    });
    expect(res.status).toBe(201);
    const { offers } = (await res.json()) as {
      offers: { id: string; helperId: string; status: string }[];
    };
    expect(offers.map((o) => o.status)).toEqual(['offered', 'offered', 'offered']);

    const clients = await Promise.all(helpers.map((h) => TestClient.signedInAs(ctx, h.user)));
    const offerOf = (i: number) => offers.find((o) => o.helperId === helpers[i]!.member.id)!.id;
    const offered = (await (await clients[1]!.get(`/api/v1/requests/${id}`)).json()) as {
      requesterName: string | null;
    };
    expect(offered.requesterName).toBeNull();

    const win = await clients[1]!.json('POST', `/api/v1/offers/${offerOf(1)}/accept`, {});
    expect(win.status).toBe(200);
    expect(await win.json()).toMatchObject({
      offer: { status: 'accepted' },
      request: { status: 'matched', helperId: helpers[1]!.member.id, preMeetingRequired: true },
    });
    const late = await clients[0]!.json('POST', `/api/v1/offers/${offerOf(0)}/accept`, {});
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ error: { code: 'already_matched' } });

    const mine = (await (await clients[2]!.get('/api/v1/offers')).json()) as {
      items: { status: string }[];
    };
    expect(mine.items.map((o) => o.status)).toEqual(['closed']);
    const inbox = await ctx.deps.db
      .selectFrom('notification')
      .select(['user_id', 'kind'])
      .execute();
    expect(inbox).toEqual(
      expect.arrayContaining([
        { user_id: helpers[0]!.user.id, kind: 'offer_closed' },
        { user_id: f.user.id, kind: 'request_matched' },
      ]),
    );
    expect(await ctx.deps.db.selectFrom('pairing').selectAll().execute()).toHaveLength(1);
  });

  it('a matched helper may read the child’s health data, audited; an offered one may not', async () => {
    const f = await family();
    const id = await newRequest(f);
    const [winner, loser] = await Promise.all([
      createEligibleHelper(ctx.deps),
      createEligibleHelper(ctx.deps),
    ]);
    const { offers } = (await (
      await staff.json('POST', `/api/v1/requests/${id}/offers`, {
        helperIds: [winner.member.id, loser.member.id],
      })
    ).json()) as { offers: { id: string; helperId: string }[] };
    const winnerClient = await TestClient.signedInAs(ctx, winner.user);
    const loserClient = await TestClient.signedInAs(ctx, loser.user);
    expect((await winnerClient.get(`/api/v1/children/${f.child.id}`)).status).toBe(404);
    await winnerClient.json(
      'POST',
      `/api/v1/offers/${offers.find((o) => o.helperId === winner.member.id)!.id}/accept`,
      {},
    );
    const child = await winnerClient.get(`/api/v1/children/${f.child.id}`);
    expect(child.status).toBe(200);
    expect(await child.json()).toMatchObject({ allergies: '卵' });
    expect((await loserClient.get(`/api/v1/children/${f.child.id}`)).status).toBe(404);
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .select('actor_user_id')
      .where('action', '=', 'child_health_read')
      .execute();
    expect(audit).toEqual([{ actor_user_id: winner.user.id }]);
    // After cancellation the access ends.
    await f.client.json('POST', `/api/v1/requests/${id}/cancel`, { reason: '予定変更' });
    expect((await winnerClient.get(`/api/v1/children/${f.child.id}`)).status).toBe(404);
  });

  it('declining reopens the request; an expired offer cannot be accepted', async () => {
    const f = await family();
    const id = await newRequest(f);
    const h = await createEligibleHelper(ctx.deps);
    const { offers } = (await (
      await staff.json('POST', `/api/v1/requests/${id}/offers`, { helperIds: [h.member.id] })
    ).json()) as { offers: { id: string }[] };
    const client = await TestClient.signedInAs(ctx, h.user);
    expect(
      (await client.json('POST', `/api/v1/offers/${offers[0]!.id}/decline`, { reason: '体調不良' }))
        .status,
    ).toBe(200);
    expect(await (await staff.get(`/api/v1/requests/${id}`)).json()).toMatchObject({
      status: 'open',
    });

    await staff.json('POST', `/api/v1/requests/${id}/offers`, { helperIds: [h.member.id] });
    ctx.clock.advance(25 * 3600_000);
    const expired = await client.json('POST', `/api/v1/offers/${offers[0]!.id}/accept`, {});
    expect(expired.status).toBe(409);
    expect(await expired.json()).toMatchObject({ error: { code: 'offer_expired' } });
  });

  it('an expired offer is closed by the scheduler; the helper and staff are told once', async () => {
    const f = await family();
    const id = await newRequest(f);
    const h = await createEligibleHelper(ctx.deps);
    await staff.json('POST', `/api/v1/requests/${id}/offers`, { helperIds: [h.member.id] });
    ctx.clock.advance(25 * 3600_000);
    await runScheduledJobs(ctx.deps);
    await runScheduledJobs(ctx.deps);
    const notes = await ctx.deps.db
      .selectFrom('notification')
      .select(['user_id', 'kind'])
      .where('kind', 'in', ['offer_expired', 'offer_expired_staff'])
      .execute();
    expect(notes.filter((n) => n.user_id === h.user.id)).toEqual([
      { user_id: h.user.id, kind: 'offer_expired' },
    ]);
    expect(notes.filter((n) => n.kind === 'offer_expired_staff')).toHaveLength(1);
    const status = await ctx.deps.db
      .selectFrom('care_request')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(status.status).toBe('open');
  });

  it('only the offered helper can answer an offer', async () => {
    const f = await family();
    const id = await newRequest(f);
    const h = await createEligibleHelper(ctx.deps);
    const other = await createEligibleHelper(ctx.deps);
    const { offers } = (await (
      await staff.json('POST', `/api/v1/requests/${id}/offers`, { helperIds: [h.member.id] })
    ).json()) as { offers: { id: string }[] };
    const intruder = await TestClient.signedInAs(ctx, other.user);
    expect((await intruder.json('POST', `/api/v1/offers/${offers[0]!.id}/accept`, {})).status).toBe(
      404,
    );
    expect((await f.client.json('POST', `/api/v1/offers/${offers[0]!.id}/accept`, {})).status).toBe(
      404,
    );
    expect(await (await staff.get(`/api/v1/requests/${id}`)).json()).toMatchObject({
      status: 'offered',
    });
  });
});

describe('cancellation and pre-meetings', () => {
  async function matched(startHour = '13:00', endHour = '16:00') {
    const f = await family();
    const id = await newRequest(f, wednesday(startHour, endHour));
    const h = await createEligibleHelper(ctx.deps);
    expect(
      (await staff.json('POST', `/api/v1/requests/${id}/assign`, { helperId: h.member.id })).status,
    ).toBe(200);
    return { f, h, id };
  }

  it('is free until the end of the day before', async () => {
    const { f, id } = await matched();
    ctx.clock.set('2026-11-24T14:59:00.000Z'); // 23:59 JST on Tuesday
    const res = await f.client.json('POST', `/api/v1/requests/${id}/cancel`, {
      reason: '子どもの体調が良くなったため',
    });
    expect(await res.json()).toMatchObject({
      cancellationFee: 0,
      request: { status: 'cancelled', cancelledBy: 'requester' },
    });
  });

  it('a same-day cancellation by the requester costs the first hour (weekday daytime ¥800)', async () => {
    const { f, h, id } = await matched();
    ctx.clock.set('2026-11-24T15:00:00.000Z'); // 00:00 JST on Wednesday
    const res = await f.client.json('POST', `/api/v1/requests/${id}/cancel`, {
      reason: '急な予定変更',
    });
    expect(await res.json()).toMatchObject({ cancellationFee: 800 });
    const told = await ctx.deps.db
      .selectFrom('notification')
      .select('kind')
      .where('user_id', '=', h.user.id)
      .where('kind', '=', 'request_cancelled')
      .execute();
    expect(told).toHaveLength(1);
  });

  it('costs nothing when the helper cancels; a no-show recorded by staff costs the full planned fee', async () => {
    const a = await matched();
    const helperClient = await TestClient.signedInAs(ctx, a.h.user);
    ctx.clock.set('2026-11-25T01:00:00.000Z');
    expect(
      await (
        await helperClient.json('POST', `/api/v1/requests/${a.id}/cancel`, { reason: '発熱のため' })
      ).json(),
    ).toMatchObject({ cancellationFee: 0, request: { cancelledBy: 'helper' } });
    ctx.clock.set('2026-11-21T01:00:00.000Z');
    const b = await matched('10:00', '12:00');
    ctx.clock.set('2026-11-25T03:00:00.000Z');
    staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' })); // 30-minute staff sessions
    const noShow = await staff.json('POST', `/api/v1/requests/${b.id}/cancel`, {
      reason: '連絡なく不在',
      kind: 'no_show',
    });
    expect(await noShow.json()).toMatchObject({ cancellationFee: 1600 });
    expect(
      (await b.f.client.json('POST', `/api/v1/requests/${b.id}/cancel`, { reason: 'x' })).status,
    ).toBe(409);
  });

  it('staff record a parent’s same-day phone cancellation: the parent pays the first hour', async () => {
    const { id } = await matched();
    ctx.clock.set('2026-11-25T00:30:00.000Z');
    staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
    const res = await staff.json('POST', `/api/v1/requests/${id}/cancel`, {
      reason: '電話で取消の連絡',
      onBehalfOf: 'requester',
    });
    expect(await res.json()).toMatchObject({
      cancellationFee: 800,
      request: { cancelledBy: 'requester' },
    });
  });

  it('refuses offers for a past request and to the requester herself', async () => {
    const f = await family();
    const id = await newRequest(f);
    const both = await createEligibleHelper(ctx.deps, { kind: 'both' });
    const child = await createChild(ctx.deps, both.member.id);
    const own = await (
      await TestClient.signedInAs(ctx, both.user)
    ).json('POST', '/api/v1/requests', {
      childIds: [child.id],
      category: 8,
      ...wednesday('09:00', '10:00'),
    });
    const ownId = ((await own.json()) as { request: { id: string } }).request.id;
    expect(
      (
        await staff.json('POST', `/api/v1/requests/${ownId}/offers`, {
          helperIds: [both.member.id],
        })
      ).status,
    ).toBe(422);
    const h = await createEligibleHelper(ctx.deps);
    ctx.clock.set('2026-11-25T05:00:00.000Z');
    staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
    const late = await staff.json('POST', `/api/v1/requests/${id}/offers`, {
      helperIds: [h.member.id],
    });
    expect(late.status).toBe(422);
    expect(await late.json()).toMatchObject({ error: { code: 'past_start' } });
  });

  it('only the center may record a weather stop or a no-show (both decide who pays)', async () => {
    const { f, id } = await matched();
    ctx.clock.set('2026-11-25T01:00:00.000Z');
    for (const kind of ['weather', 'no_show']) {
      const res = await f.client.json('POST', `/api/v1/requests/${id}/cancel`, {
        reason: '大雨',
        kind,
      });
      expect(res.status).toBe(422);
    }
    expect(await (await f.client.get(`/api/v1/requests/${id}`)).json()).toMatchObject({
      status: 'matched',
    });
  });

  it('a weekly series sent with a UTC offset keeps its Tokyo times', async () => {
    const f = await family();
    const res = await f.client.json('POST', '/api/v1/requests', {
      childIds: [f.child.id],
      category: 1,
      startsAt: '2026-11-30T08:00:00Z',
      endsAt: '2026-11-30T09:00:00Z',
      recurrence: { weekdays: [1], until: '2026-12-14', skipHolidays: true },
    });
    const { requests } = (await res.json()) as { requests: { startsAt: string }[] };
    expect(requests.map((r) => r.startsAt)).toEqual([
      '2026-11-30T17:00:00+09:00',
      '2026-12-07T17:00:00+09:00',
      '2026-12-14T17:00:00+09:00',
    ]);
  });

  it('a pre-meeting still missing three days before the activity is flagged once to the families and staff', async () => {
    const { f, h } = await matched();
    ctx.clock.set('2026-11-22T12:00:00.000Z'); // 2.5 days before
    await runScheduledJobs(ctx.deps);
    await runScheduledJobs(ctx.deps);
    const notes = await ctx.deps.db
      .selectFrom('notification')
      .select(['user_id', 'kind'])
      .where('kind', 'in', ['pre_meeting_due', 'pre_meeting_due_staff'])
      .execute();
    expect(
      notes
        .filter((n) => n.kind === 'pre_meeting_due')
        .map((n) => n.user_id)
        .sort(),
    ).toEqual([f.user.id, h.user.id].sort());
    expect(notes.filter((n) => n.kind === 'pre_meeting_due_staff').length).toBeGreaterThanOrEqual(
      1,
    );
  });

  it('a new pairing needs a pre-meeting until staff record one for the fiscal year', async () => {
    const { f, h, id } = await matched();
    expect(await (await staff.get(`/api/v1/requests/${id}`)).json()).toMatchObject({
      preMeetingRequired: true,
    });
    const res = await staff.json('POST', '/api/v1/pre-meetings', {
      requesterId: f.member.id,
      helperId: h.member.id,
      heldOn: '2026-11-20',
      place: 'センター相談室',
      attendees: '依頼会員、お子さん、提供会員、アドバイザー',
      emergencyProcedure: '発熱時は母の携帯へ。つながらなければ父の職場へ。',
    });
    expect(res.status).toBe(201);
    expect(await (await staff.get(`/api/v1/requests/${id}`)).json()).toMatchObject({
      preMeetingRequired: false,
    });
    const list = (await (await f.client.get('/api/v1/pre-meetings')).json()) as { total: number };
    expect(list.total).toBe(1);
    expect(
      (
        await f.client.json('POST', '/api/v1/pre-meetings', {
          requesterId: f.member.id,
          helperId: h.member.id,
          heldOn: '2026-11-20',
          place: 'x',
          attendees: 'x',
          emergencyProcedure: 'x',
        })
      ).status,
    ).toBe(403);
  });
});
