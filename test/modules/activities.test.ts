import { beforeEach, describe, expect, it } from 'vitest';
import { runScheduledJobs } from '../../src/jobs/index.js';
import { DEFAULT_FEE_TABLE } from '../../src/modules/fees/fee-table.js';
import { createChild, createEligibleHelper, createMember } from '../helpers/factories.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

// The clock starts on Saturday 2026-11-21 10:00 JST; activities below are in the week after.
let ctx: TestContext;
let staff: TestClient;
let staffUser: Awaited<ReturnType<typeof createUser>>;
beforeEach(async () => {
  ctx = await setupTestApp();
  staffUser = await createUser(ctx.deps, { role: 'staff' });
  staff = await TestClient.signedInAs(ctx, staffUser);
});

/** Moves the clock; staff sessions time out after 30 idle minutes, so staff sign in again. */
async function moveTo(date: string, time: string) {
  ctx.clock.set(jst(date, time));
  staff = await TestClient.signedInAs(ctx, staffUser);
}

const jst = (date: string, time: string) => `${date}T${time}:00+09:00`;

interface Family {
  member: { id: string };
  user: { id: string };
  client: TestClient;
  children: { id: string; birth_date: string }[];
}

async function family(birthDates: string[] = ['2022-06-01']): Promise<Family> {
  const parent = await createMember(ctx.deps, { kind: 'requester' });
  const children = [];
  for (const birthDate of birthDates)
    children.push(await createChild(ctx.deps, parent.member.id, { birthDate }));
  return { ...parent, children, client: await TestClient.signedInAs(ctx, parent.user) };
}

async function helper() {
  const h = await createEligibleHelper(ctx.deps);
  // She takes siblings too (the default is one child at a time).
  await ctx.deps.db
    .updateTable('member')
    .set({ helper_max_children: 2 })
    .where('id', '=', h.member.id)
    .execute();
  return { ...h, client: await TestClient.signedInAs(ctx, h.user) };
}

/** A request entered by staff for the family and assigned to the helper: status matched. */
async function matchedRequest(
  f: Family,
  h: { member: { id: string } },
  options: {
    date?: string;
    start?: string;
    end?: string;
    category?: number;
    childIds?: string[];
  } = {},
) {
  const date = options.date ?? '2026-11-25';
  const res = await staff.json('POST', '/api/v1/requests', {
    requesterId: f.member.id,
    childIds: options.childIds ?? f.children.map((c) => c.id),
    category: options.category ?? 8,
    startsAt: jst(date, options.start ?? '18:30'),
    endsAt: jst(date, options.end ?? '19:40'),
  });
  expect(res.status).toBe(201);
  const id = ((await res.json()) as { request: { id: string } }).request.id;
  const assigned = await staff.json('POST', `/api/v1/requests/${id}/assign`, {
    helperId: h.member.id,
  });
  expect(assigned.status).toBe(200);
  return id;
}

function report(requestId: string, f: Family, overrides: Record<string, unknown> = {}) {
  return {
    requestId,
    startedAt: jst('2026-11-25', '18:30'),
    endedAt: jst('2026-11-25', '19:40'),
    childIds: f.children.map((c) => c.id),
    categories: [8],
    place: '提供会員宅',
    transportCost: 300,
    mealCost: 0,
    notes: '絵本を読んで過ごしました。',
    ...overrides,
  };
}

interface ActivityJson {
  id: string;
  status: string;
  version: number;
  fee: {
    total: number;
    lines: { label: string; minutes: number; rate: number; amount: number }[];
    tableValidFrom: string;
  };
  amountDue: number;
  revisions?: { version: number; reason: string | null; snapshot: { feeTotal: number } }[];
}

async function reported(
  h: { client: TestClient },
  requestId: string,
  f: Family,
  overrides: Record<string, unknown> = {},
) {
  const res = await h.client.json('POST', '/api/v1/activities', report(requestId, f, overrides));
  expect(res.status).toBe(201);
  return ((await res.json()) as { activity: ActivityJson }).activity;
}

const count = async (table: 'activity' | 'activity_child' | 'incident' | 'notification') =>
  Number(
    (
      await ctx.deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('POST /fees/quote', () => {
  it('prices DOMAIN.md’s example exactly: weekday 18:30–19:40, two children = ¥1,950', async () => {
    const parent = await family();
    const res = await parent.client.json('POST', '/api/v1/fees/quote', {
      startsAt: jst('2026-11-25', '18:30'),
      endsAt: jst('2026-11-25', '19:40'),
      children: [{ birthDate: '2022-06-01' }, { birthDate: '2024-01-10' }],
      category: 8,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      total: number;
      childTotals: number[];
      lines: { label: string; minutes: number; rate: number; amount: number }[];
    };
    expect(body.total).toBe(1950);
    expect(body.childTotals).toEqual([1300, 650]);
    expect(
      body.lines.map(({ label, minutes, rate, amount }) => ({ label, minutes, rate, amount })),
    ).toEqual([
      { label: '1人目 平日日中 18:30–19:00', minutes: 30, rate: 800, amount: 400 },
      { label: '1人目 平日時間外 19:00–20:00', minutes: 60, rate: 900, amount: 900 },
      { label: '2人目 平日日中 18:30–19:00', minutes: 30, rate: 400, amount: 200 },
      { label: '2人目 平日時間外 19:00–20:00', minutes: 60, rate: 450, amount: 450 },
    ]);
  });

  it('labels lines in the caller’s language', async () => {
    const user = await createUser(ctx.deps, { locale: 'en' });
    const client = await TestClient.signedInAs(ctx, user);
    const res = await client.json('POST', '/api/v1/fees/quote', {
      startsAt: jst('2026-11-25', '18:30'),
      endsAt: jst('2026-11-25', '19:40'),
      children: [{ birthDate: '2022-06-01' }],
      category: 8,
    });
    const body = (await res.json()) as { lines: { label: string }[] };
    expect(body.lines[0]!.label).toBe('Child 1, weekday daytime 18:30–19:00');
  });

  it.each([
    // [what, start, end, children, category, total]
    [
      'a 10-minute activity is charged the first hour',
      '2026-11-25T10:00',
      '2026-11-25T10:10',
      1,
      8,
      800,
    ],
    ['Saturday', '2026-11-28T10:00', '2026-11-28T11:00', 1, 8, 900],
    ['a national holiday (勤労感謝の日)', '2026-11-23T10:00', '2026-11-23T11:00', 1, 8, 900],
    ['the year-end days', '2026-12-30T10:00', '2026-12-30T11:00', 1, 8, 900],
    ['sick-child care at any time', '2026-11-25T10:00', '2026-11-25T11:00', 1, 10, 1000],
    [
      'three siblings, half rate for the second and third',
      '2026-11-25T10:00',
      '2026-11-25T11:00',
      3,
      8,
      1600,
    ],
    [
      'a started unit counts: 61 minutes = three units',
      '2026-11-25T10:00',
      '2026-11-25T11:01',
      1,
      8,
      1200,
    ],
  ])('%s', async (_what, start, end, children, category, total) => {
    const res = await staff.json('POST', '/api/v1/fees/quote', {
      startsAt: `${start}:00+09:00`,
      endsAt: `${end}:00+09:00`,
      children: Array.from({ length: children }, (_, i) => ({ birthDate: `${2018 + i}-05-01` })),
      category,
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { total: number }).total).toBe(total);
  });

  it('rejects an end before the start, unknown keys and anonymous callers', async () => {
    const body = {
      startsAt: jst('2026-11-25', '12:00'),
      endsAt: jst('2026-11-25', '11:00'),
      children: [{ birthDate: '2022-06-01' }],
      category: 8,
    };
    const bad = await staff.json('POST', '/api/v1/fees/quote', body);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { fields: { endsAt: [expect.any(String)] } } });
    expect(
      (
        await staff.json('POST', '/api/v1/fees/quote', {
          ...body,
          endsAt: jst('2026-11-25', '13:00'),
          role: 'admin',
        })
      ).status,
    ).toBe(400);
    expect((await new TestClient(ctx).json('POST', '/api/v1/fees/quote', body)).status).toBe(401);
  });
});

describe('POST /activities: the assigned helper reports', () => {
  it('stores the report with its fee and asks the requester to confirm', async () => {
    const f = await family(['2022-06-01', '2024-01-10']);
    const h = await helper();
    const requestId = await matchedRequest(f, h);
    await moveTo('2026-11-25', '20:00');
    const activity = await reported(h, requestId, f);
    expect(activity).toMatchObject({
      status: 'reported',
      version: 1,
      fee: { total: 1950, tableValidFrom: DEFAULT_FEE_TABLE.validFrom },
      amountDue: 2250,
    });
    expect(activity.fee.lines).toHaveLength(4);
    const notes = await ctx.deps.db
      .selectFrom('notification')
      .select(['user_id', 'kind', 'link'])
      .where('kind', '=', 'activity_reported')
      .execute();
    expect(notes).toEqual([
      { user_id: f.user.id, kind: 'activity_reported', link: `/activities/${activity.id}` },
    ]);
  });

  it('answers 404 to anyone but the assigned helper, and changes nothing', async () => {
    const f = await family();
    const h = await helper();
    const other = await helper();
    const requestId = await matchedRequest(f, h);
    await moveTo('2026-11-25', '20:00');
    const notificationsBefore = await count('notification');
    for (const client of [other.client, f.client, staff]) {
      const res = await client.json('POST', '/api/v1/activities', report(requestId, f));
      expect(res.status).toBe(404);
    }
    const unknown = await h.client.json('POST', '/api/v1/activities', report('nope', f));
    expect(unknown.status).toBe(404);
    expect(await count('activity')).toBe(0);
    expect(await count('activity_child')).toBe(0);
    expect(await count('notification')).toBe(notificationsBefore);
    const request = await ctx.deps.db
      .selectFrom('care_request')
      .select('status')
      .where('id', '=', requestId)
      .executeTakeFirstOrThrow();
    expect(request.status).toBe('matched');
  });

  it('refuses a second report with 409 already_reported', async () => {
    const f = await family();
    const h = await helper();
    const requestId = await matchedRequest(f, h);
    await moveTo('2026-11-25', '20:00');
    await reported(h, requestId, f);
    const again = await h.client.json('POST', '/api/v1/activities', report(requestId, f));
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'already_reported' } });
    expect(await count('activity')).toBe(1);
  });

  it('two reports sent at once: exactly one is stored, the other gets 409', async () => {
    const f = await family();
    const h = await helper();
    const requestId = await matchedRequest(f, h);
    await moveTo('2026-11-25', '20:00');
    const results = await Promise.all(
      [1, 2, 3].map(() => h.client.json('POST', '/api/v1/activities', report(requestId, f))),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(await count('activity')).toBe(1);
    expect(await count('activity_child')).toBe(1);
    const told = await ctx.deps.db
      .selectFrom('notification')
      .select('id')
      .where('kind', '=', 'activity_reported')
      .execute();
    expect(told).toHaveLength(1);
  });

  it('documents its routes in the OpenAPI document', async () => {
    const doc = (await (await staff.get('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    for (const [path, method] of [
      ['/fees/quote', 'post'],
      ['/activities', 'post'],
      ['/activities', 'get'],
      ['/activities/{id}', 'patch'],
      ['/activities/{id}/confirm', 'post'],
      ['/activities/{id}/dispute', 'post'],
      ['/activities/{id}/approve', 'post'],
      ['/activities/{id}/return', 'post'],
      ['/activities/missing', 'get'],
      ['/members/{id}/statement', 'get'],
      ['/incidents', 'get'],
    ] as const)
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
  });

  it('refuses an end before the start (400 naming endedAt), children outside the request and a future activity', async () => {
    const f = await family(['2022-06-01']);
    const stranger = await family(['2021-01-01']);
    const h = await helper();
    const requestId = await matchedRequest(f, h);
    await moveTo('2026-11-25', '20:00');
    const backwards = await h.client.json(
      'POST',
      '/api/v1/activities',
      report(requestId, f, { endedAt: jst('2026-11-25', '18:00') }),
    );
    expect(backwards.status).toBe(400);
    expect(await backwards.json()).toMatchObject({
      error: { code: 'invalid_input', fields: { endedAt: ['終了は開始より後にしてください。'] } },
    });
    const foreign = await h.client.json(
      'POST',
      '/api/v1/activities',
      report(requestId, f, { childIds: [stranger.children[0]!.id] }),
    );
    expect(foreign.status).toBe(422);
    expect(await foreign.json()).toMatchObject({ error: { code: 'child_not_in_request' } });
    const future = await h.client.json(
      'POST',
      '/api/v1/activities',
      report(requestId, f, { endedAt: jst('2026-11-25', '21:00') }),
    );
    expect(future.status).toBe(422);
    expect(await future.json()).toMatchObject({ error: { code: 'activity_in_future' } });
    const extra = await h.client.json('POST', '/api/v1/activities', {
      ...report(requestId, f),
      status: 'approved',
    });
    expect(extra.status).toBe(400);
    expect(await count('activity')).toBe(0);
  });

  it('a reported activity can no longer be cancelled by anyone', async () => {
    const f = await family();
    const h = await helper();
    const requestId = await matchedRequest(f, h);
    await moveTo('2026-11-25', '20:00');
    await reported(h, requestId, f);
    const res = await f.client.json('POST', `/api/v1/requests/${requestId}/cancel`, {
      reason: '取り消したい',
    });
    expect(res.status).toBe(409);
    const row = await ctx.deps.db
      .selectFrom('care_request')
      .select(['status', 'cancellation_fee'])
      .where('id', '=', requestId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'matched', cancellation_fee: null });
  });

  it('cannot report a cancelled request', async () => {
    const f = await family();
    const h = await helper();
    const requestId = await matchedRequest(f, h);
    expect(
      (
        await f.client.json('POST', `/api/v1/requests/${requestId}/cancel`, {
          reason: '熱が出たため',
        })
      ).status,
    ).toBe(200);
    await moveTo('2026-11-25', '20:00');
    const res = await h.client.json('POST', '/api/v1/activities', report(requestId, f));
    expect([404, 409]).toContain(res.status);
    expect(await count('activity')).toBe(0);
  });
});

describe('review: confirm, dispute, approve, return, correct', () => {
  async function setup() {
    const f = await family();
    const h = await helper();
    const requestId = await matchedRequest(f, h);
    await moveTo('2026-11-25', '20:00');
    const activity = await reported(h, requestId, f);
    return { f, h, requestId, activity };
  }

  it('only the requester confirms or disputes', async () => {
    const { f, h, activity } = await setup();
    const other = await family();
    expect(
      (await h.client.json('POST', `/api/v1/activities/${activity.id}/confirm`, {})).status,
    ).toBe(403);
    expect((await staff.json('POST', `/api/v1/activities/${activity.id}/confirm`, {})).status).toBe(
      403,
    );
    expect(
      (await other.client.json('POST', `/api/v1/activities/${activity.id}/confirm`, {})).status,
    ).toBe(404);
    expect(
      (await h.client.json('POST', `/api/v1/activities/${activity.id}/dispute`, { reason: '違う' }))
        .status,
    ).toBe(403);
    expect(
      (
        await other.client.json('POST', `/api/v1/activities/${activity.id}/dispute`, {
          reason: '違う',
        })
      ).status,
    ).toBe(404);
    expect(
      (await f.client.json('POST', `/api/v1/activities/${activity.id}/dispute`, {})).status,
    ).toBe(400);

    const disputed = await f.client.json('POST', `/api/v1/activities/${activity.id}/dispute`, {
      reason: '終了時刻は19:30でした',
    });
    expect(disputed.status).toBe(200);
    expect(await disputed.json()).toMatchObject({
      status: 'disputed',
      disputeReason: '終了時刻は19:30でした',
    });
    const kinds = await ctx.deps.db
      .selectFrom('notification')
      .select('user_id')
      .where('kind', '=', 'activity_disputed')
      .execute();
    expect(kinds.map((k) => k.user_id)).toContain(h.user.id);

    // After talking it through, the family confirms.
    const confirmed = await f.client.json('POST', `/api/v1/activities/${activity.id}/confirm`, {});
    expect(confirmed.status).toBe(200);
    expect(await confirmed.json()).toMatchObject({ status: 'confirmed', disputeReason: null });
    expect(
      (await f.client.json('POST', `/api/v1/activities/${activity.id}/confirm`, {})).status,
    ).toBe(409);
  });

  it('staff approve a confirmed report: the request is completed and the helper loses the child’s health data', async () => {
    const { f, h, requestId, activity } = await setup();
    const childId = f.children[0]!.id;
    expect((await h.client.get(`/api/v1/children/${childId}`)).status).toBe(200);

    const early = await staff.json('POST', `/api/v1/activities/${activity.id}/approve`, {});
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ error: { code: 'not_confirmed' } });
    expect(
      (await f.client.json('POST', `/api/v1/activities/${activity.id}/confirm`, {})).status,
    ).toBe(200);
    expect(
      (await f.client.json('POST', `/api/v1/activities/${activity.id}/approve`, {})).status,
    ).toBe(403);
    expect(
      (await h.client.json('POST', `/api/v1/activities/${activity.id}/approve`, {})).status,
    ).toBe(403);

    const approved = await staff.json('POST', `/api/v1/activities/${activity.id}/approve`, {});
    expect(approved.status).toBe(200);
    const approvedJson = (await approved.json()) as { status: string; approvedAt: string | null };
    expect(approvedJson.status).toBe('approved');
    expect(approvedJson.approvedAt).not.toBeNull();
    const request = (await (await staff.get(`/api/v1/requests/${requestId}`)).json()) as {
      status: string;
    };
    expect(request.status).toBe('completed');
    expect((await h.client.get(`/api/v1/children/${childId}`)).status).toBe(404);
    expect((await staff.json('POST', `/api/v1/activities/${activity.id}/approve`, {})).status).toBe(
      409,
    );
    // Approved reports are final.
    expect(
      (await h.client.json('PATCH', `/api/v1/activities/${activity.id}`, { mealCost: 100 })).status,
    ).toBe(409);
  });

  it('a returned report is corrected by the helper; the previous version is kept and the fee recomputed', async () => {
    const { f, h, activity } = await setup();
    expect(
      (await h.client.json('POST', `/api/v1/activities/${activity.id}/return`, { reason: 'x' }))
        .status,
    ).toBe(403);
    const returned = await staff.json('POST', `/api/v1/activities/${activity.id}/return`, {
      reason: '終了時刻をご確認ください',
    });
    expect(returned.status).toBe(200);
    expect(await returned.json()).toMatchObject({
      status: 'returned',
      returnReason: '終了時刻をご確認ください',
    });

    expect(
      (
        await f.client.json('PATCH', `/api/v1/activities/${activity.id}`, {
          endedAt: jst('2026-11-25', '19:30'),
        })
      ).status,
    ).toBe(403);
    expect(
      (await h.client.json('PATCH', `/api/v1/activities/${activity.id}`, { reason: 'なし' }))
        .status,
    ).toBe(400);
    const stale = await h.client.json('PATCH', `/api/v1/activities/${activity.id}`, {
      endedAt: jst('2026-11-25', '19:30'),
      version: 7,
    });
    expect(stale.status).toBe(409);
    const backwards = await h.client.json('PATCH', `/api/v1/activities/${activity.id}`, {
      endedAt: jst('2026-11-25', '18:00'),
    });
    expect(backwards.status).toBe(400);
    expect(await backwards.json()).toMatchObject({
      error: { fields: { endedAt: [expect.any(String)] } },
    });

    const corrected = await h.client.json('PATCH', `/api/v1/activities/${activity.id}`, {
      endedAt: jst('2026-11-25', '19:30'),
      reason: '終了時刻の誤り',
      version: 1,
    });
    expect(corrected.status).toBe(200);
    // 18:30 (day ¥400) + 19:00 (other ¥450) = ¥850.
    expect(await corrected.json()).toMatchObject({
      status: 'reported',
      version: 2,
      fee: { total: 850 },
      returnReason: null,
      endedAt: '2026-11-25T19:30:00+09:00',
    });
    const detail = (await (
      await f.client.get(`/api/v1/activities/${activity.id}`)
    ).json()) as ActivityJson;
    expect(detail.revisions).toHaveLength(1);
    expect(detail.revisions![0]).toMatchObject({
      version: 1,
      reason: '終了時刻の誤り',
      snapshot: { feeTotal: 1300 },
    });
    const row = await ctx.deps.db
      .selectFrom('activity_child')
      .select('child_id')
      .where('activity_id', '=', activity.id)
      .execute();
    expect(row).toEqual([{ child_id: f.children[0]!.id }]);
    // The family is asked again, and may now confirm.
    expect(
      (await f.client.json('POST', `/api/v1/activities/${activity.id}/confirm`, { version: 2 }))
        .status,
    ).toBe(200);
  });

  it('lists activities in scope and filters by month and status', async () => {
    const { f, h, activity } = await setup();
    const other = await helper();
    const mine = (await (await h.client.get('/api/v1/activities')).json()) as {
      items: { id: string }[];
      total: number;
    };
    expect(mine.items.map((a) => a.id)).toEqual([activity.id]);
    expect(
      ((await (await f.client.get('/api/v1/activities')).json()) as { total: number }).total,
    ).toBe(1);
    expect(
      ((await (await other.client.get('/api/v1/activities')).json()) as { total: number }).total,
    ).toBe(0);
    expect((await other.client.get(`/api/v1/activities/${activity.id}`)).status).toBe(404);
    const nov = (await (
      await staff.get('/api/v1/activities?month=2026-11&status=reported')
    ).json()) as { total: number };
    expect(nov.total).toBe(1);
    const dec = (await (await staff.get('/api/v1/activities?month=2026-12')).json()) as {
      total: number;
    };
    expect(dec.total).toBe(0);
    expect((await staff.get('/api/v1/activities?month=2026-13')).status).toBe(400);
    const byFamily = (await (
      await staff.get(`/api/v1/activities?requesterId=${f.member.id}`)
    ).json()) as { total: number };
    expect(byFamily.total).toBe(1);
  });
});

describe('fee tables', () => {
  it('a new table valid from a later date does not change an existing activity’s fee', async () => {
    const f = await family(['2022-06-01', '2024-01-10']);
    const h = await helper();
    const requestId = await matchedRequest(f, h);
    await moveTo('2026-11-25', '20:00');
    const activity = await reported(h, requestId, f);

    const admin = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'admin' }));
    const newTable = {
      ...DEFAULT_FEE_TABLE,
      validFrom: '2026-12-01',
      rates: { ...DEFAULT_FEE_TABLE.rates, weekdayDay: 1000, weekdayOther: 1100 },
    };
    const saved = await admin.json('PUT', '/api/v1/settings', {
      fees: [DEFAULT_FEE_TABLE, newTable],
    });
    expect(saved.status).toBe(200);

    const after = (await (
      await f.client.get(`/api/v1/activities/${activity.id}`)
    ).json()) as ActivityJson;
    expect(after.fee).toMatchObject({ total: 1950, tableValidFrom: '2000-01-01' });
    // A correction in November still prices with November's table.
    const corrected = await h.client.json('PATCH', `/api/v1/activities/${activity.id}`, {
      mealCost: 200,
    });
    expect(await corrected.json()).toMatchObject({
      fee: { total: 1950, tableValidFrom: '2000-01-01' },
      // Fields left out keep their values.
      transportCost: 300,
      mealCost: 200,
      childIds: f.children.map((c) => c.id),
      place: '提供会員宅',
    });

    const quote = async (date: string) =>
      (await (
        await f.client.json('POST', '/api/v1/fees/quote', {
          startsAt: jst(date, '10:00'),
          endsAt: jst(date, '11:00'),
          children: [{ birthDate: '2022-06-01' }],
          category: 8,
        })
      ).json()) as { total: number; tableValidFrom: string };
    expect(await quote('2026-11-30')).toMatchObject({ total: 800, tableValidFrom: '2000-01-01' });
    expect(await quote('2026-12-01')).toMatchObject({ total: 1000, tableValidFrom: '2026-12-01' });
    const tables = (await (await f.client.get('/api/v1/fees/tables')).json()) as {
      items: { validFrom: string }[];
    };
    expect(tables.items.map((t) => t.validFrom)).toEqual(['2026-12-01', '2000-01-01']);
  });
});

describe('statements', () => {
  it('separates reimbursable care of a 4-year-old from transport-only, other care, costs and cancellation fees', async () => {
    // Four-year-old (年少 in FY2026: 3 on 2026-04-01) and a one-year-old sibling.
    const f = await family(['2022-06-01', '2025-03-01']);
    const [older, younger] = f.children as [Family['children'][0], Family['children'][0]];
    const h = await helper();
    const both = await matchedRequest(f, h); // Wed 18:30–19:40, both children
    const transport = await matchedRequest(f, h, {
      date: '2026-11-26',
      start: '08:00',
      end: '08:40',
      category: 1,
      childIds: [older.id],
    });
    const mixed = await matchedRequest(f, h, {
      date: '2026-11-27',
      start: '15:00',
      end: '17:00',
      category: 2,
      childIds: [older.id],
    });
    const cancelled = await matchedRequest(f, h, {
      date: '2026-11-28',
      start: '10:00',
      end: '12:00',
      childIds: [older.id],
    });
    const notFinal = await matchedRequest(f, h, {
      date: '2026-11-30',
      start: '10:00',
      end: '11:00',
      childIds: [older.id],
    });

    const approve = async (requestId: string, body: Record<string, unknown>) => {
      const activity = await reported(h, requestId, f, body);
      expect(
        (await f.client.json('POST', `/api/v1/activities/${activity.id}/confirm`, {})).status,
      ).toBe(200);
      expect(
        (await staff.json('POST', `/api/v1/activities/${activity.id}/approve`, {})).status,
      ).toBe(200);
    };
    await moveTo('2026-11-25', '20:00');
    await approve(both, { transportCost: 300 }); // older ¥1,300 (full rate), younger ¥650
    await moveTo('2026-11-26', '09:00');
    await approve(transport, {
      startedAt: jst('2026-11-26', '08:00'),
      endedAt: jst('2026-11-26', '08:40'),
      childIds: [older.id],
      categories: [1],
      transportCost: 200,
    }); // transport only: ¥800
    await moveTo('2026-11-27', '18:00');
    await approve(mixed, {
      startedAt: jst('2026-11-27', '15:00'),
      endedAt: jst('2026-11-27', '17:00'),
      childIds: [older.id],
      categories: [1, 2],
      transportCost: 0,
      mealCost: 500,
    }); // transport and care: care, ¥1,600
    await moveTo('2026-11-28', '09:00');
    const cancel = await f.client.json('POST', `/api/v1/requests/${cancelled}/cancel`, {
      reason: '急用のため',
    });
    expect(await cancel.json()).toMatchObject({ cancellationFee: 900 }); // first hour at the weekend rate
    await moveTo('2026-11-30', '12:00');
    await reported(h, notFinal, f, {
      startedAt: jst('2026-11-30', '10:00'),
      endedAt: jst('2026-11-30', '11:00'),
      childIds: [older.id],
    });

    const res = await f.client.get(`/api/v1/members/${f.member.id}/statement?month=2026-11`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      requester: {
        children: {
          child: { id: string };
          freeChildcareAge: boolean;
          reimbursableCare: { amount: number; minutes: number; count: number };
          otherCare: { amount: number };
          transportOnly: { amount: number; minutes: number };
          reimbursableWithinCap: number;
          cap: number;
          lines: { kind: string; amount: number; startedAt: string }[];
        }[];
        costs: { transport: number; meal: number; total: number };
        cancellations: { total: number; lines: { date: string; amount: number }[] };
        feesTotal: number;
        grandTotal: number;
        pending: number;
      };
      helper: unknown;
    };
    const [first, second] = body.requester.children;
    expect(first).toMatchObject({
      child: { id: older.id },
      freeChildcareAge: true,
      reimbursableCare: { count: 2, minutes: 70 + 120, amount: 1300 + 1600 },
      otherCare: { amount: 0 },
      transportOnly: { amount: 800, minutes: 40 },
      reimbursableWithinCap: 2900,
      cap: 37000,
    });
    expect(first!.lines.map((l) => [l.kind, l.amount])).toEqual([
      ['reimbursable_care', 1300],
      ['transport_only', 800],
      ['reimbursable_care', 1600],
    ]);
    expect(first!.lines[0]!.startedAt).toBe('2026-11-25T18:30:00+09:00');
    expect(second).toMatchObject({
      child: { id: younger.id },
      freeChildcareAge: false,
      reimbursableCare: { amount: 0 },
      otherCare: { amount: 650 },
      reimbursableWithinCap: 0,
    });
    expect(body.requester.costs).toEqual(
      expect.objectContaining({ transport: 500, meal: 500, total: 1000 }),
    );
    expect(body.requester.cancellations).toEqual({
      total: 900,
      lines: [expect.objectContaining({ date: '2026-11-28', amount: 900 })],
    });
    expect(body.requester.feesTotal).toBe(1950 + 800 + 1600);
    expect(body.requester.grandTotal).toBe(4350 + 1000 + 900);
    expect(body.requester.pending).toBe(1);
    expect(body.helper).toBeNull();

    // The helper's summary: approved activities and what she received.
    const summary = await h.client.get(`/api/v1/members/${h.member.id}/statement?month=2026-11`);
    expect(await summary.json()).toMatchObject({
      requester: null,
      helper: { count: 3, fees: 4350, transport: 500, meal: 500, total: 5350, pending: 1 },
    });
    // Staff may read any statement; another family may not.
    expect((await staff.get(`/api/v1/members/${f.member.id}/statement?month=2026-11`)).status).toBe(
      200,
    );
    const other = await family();
    expect(
      (await other.client.get(`/api/v1/members/${f.member.id}/statement?month=2026-11`)).status,
    ).toBe(404);
    expect(
      (await f.client.get(`/api/v1/members/${f.member.id}/statement?month=11-2026`)).status,
    ).toBe(400);
  });
});

describe('missing reports', () => {
  it('lists a matched request without a report from the 11th of the following month, and reminds the helper once', async () => {
    const f = await family();
    const h = await helper();
    const requestId = await matchedRequest(f, h);
    const missing = async () =>
      (
        (await (await staff.get('/api/v1/activities/missing')).json()) as {
          items: { requestId: string; dueOn: string }[];
        }
      ).items;

    await moveTo('2026-12-10', '23:59');
    expect(await missing()).toEqual([]);
    await runScheduledJobs(ctx.deps);
    const reminders = () =>
      ctx.deps.db
        .selectFrom('notification')
        .select(['user_id', 'link'])
        .where('kind', '=', 'activity_report_overdue')
        .execute();
    expect(await reminders()).toEqual([]);

    await moveTo('2026-12-11', '00:00');
    expect(await missing()).toEqual([expect.objectContaining({ requestId, dueOn: '2026-12-10' })]);
    await runScheduledJobs(ctx.deps);
    await runScheduledJobs(ctx.deps);
    expect(await reminders()).toEqual([
      { user_id: h.user.id, link: `/activities/new?request=${requestId}` },
    ]);
    const late = { ...h, client: await TestClient.signedInAs(ctx, h.user) };
    expect((await late.client.get('/api/v1/activities/missing')).status).toBe(403);

    // Once reported (late), it is no longer missing.
    await reported(late, requestId, f);
    expect(await missing()).toEqual([]);
  });
});

describe('incidents', () => {
  it('records a serious accident with the report, flags it for the prefecture and tells staff', async () => {
    const f = await family();
    const h = await helper();
    const requestId = await matchedRequest(f, h);
    await moveTo('2026-11-25', '20:00');
    const incomplete = await h.client.json(
      'POST',
      '/api/v1/activities',
      report(requestId, f, {
        incident: {
          kind: 'accident',
          severity: 'serious',
          description: '転倒',
          actionTaken: '救急搬送',
        },
      }),
    );
    expect(incomplete.status).toBe(400);
    expect(await incomplete.json()).toMatchObject({
      error: { fields: { 'incident.seriousReason': [expect.any(String)] } },
    });

    const staffUser = await ctx.deps.db
      .selectFrom('user')
      .select('id')
      .where('role', '=', 'staff')
      .executeTakeFirstOrThrow();
    const activity = await reported(h, requestId, f, {
      incident: {
        kind: 'accident',
        severity: 'serious',
        seriousReason: 'loss_of_consciousness',
        description: '公園の遊具から転落し、一時意識を失った。',
        actionTaken: '救急車を呼び、保護者に連絡した。',
      },
    });
    const detail = (await (await f.client.get(`/api/v1/activities/${activity.id}`)).json()) as {
      incidents: { id: string; reportToPrefecture: boolean }[];
    };
    expect(detail.incidents).toEqual([expect.objectContaining({ reportToPrefecture: true })]);
    const incidentId = detail.incidents[0]!.id;
    const told = await ctx.deps.db
      .selectFrom('notification')
      .select('user_id')
      .where('kind', '=', 'incident_serious')
      .execute();
    expect(told).toEqual([{ user_id: staffUser.id }]);

    const list = (await (await staff.get('/api/v1/incidents?serious=1')).json()) as {
      items: { id: string }[];
    };
    expect(list.items.map((i) => i.id)).toEqual([incidentId]);
    expect((await f.client.get('/api/v1/incidents')).status).toBe(403);
    const marked = await staff.json('POST', `/api/v1/incidents/${incidentId}/reported`, {});
    expect(marked.status).toBe(200);
    const markedJson = (await marked.json()) as { reportedToPrefectureAt: string | null };
    expect(markedJson.reportedToPrefectureAt).not.toBeNull();
    expect((await staff.json('POST', `/api/v1/incidents/${incidentId}/reported`, {})).status).toBe(
      409,
    );

    // A near-miss noticed later, by the helper; the family may not add one.
    const nearMiss = {
      kind: 'near_miss',
      severity: 'minor',
      description: '道路に飛び出しそうになった。',
      actionTaken: '手をつないで歩くよう声をかけた。',
    };
    expect(
      (await f.client.json('POST', `/api/v1/activities/${activity.id}/incidents`, nearMiss)).status,
    ).toBe(403);
    const added = await h.client.json(
      'POST',
      `/api/v1/activities/${activity.id}/incidents`,
      nearMiss,
    );
    expect(added.status).toBe(201);
    expect(await count('incident')).toBe(2);
  });
});
