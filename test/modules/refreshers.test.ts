import { beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/ids.js';
import { getMatchingEligibility } from '../../src/modules/trainings/matching-eligibility.js';
import { createChild, createMember, insertApprovedRecord } from '../helpers/factories.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

// Issue #19, point 2: 救命講習 and 事故防止講習 are repeated at least every 5 years. The clock is
// Saturday 2026-11-21 (FY2026); the curriculum is the API's default (60 months for both).
let ctx: TestContext;
let admin: TestClient;
let staff: TestClient;
let moduleIds: Record<string, string>;

beforeEach(async () => {
  ctx = await setupTestApp();
  admin = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'admin' }));
  staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
  const res = await admin.json('POST', '/api/v1/training-modules/load-defaults', {});
  expect(res.status).toBe(200);
  const body = (await res.json()) as { items: { id: string; code: string; kind: string }[] };
  moduleIds = Object.fromEntries(body.items.map((m) => [m.code, m.id]));
  basic = body.items.filter((m) => m.kind === 'basic').map((m) => m.code);
});

let basic: string[];

async function record(memberId: string, code: string, completedOn: string) {
  await insertApprovedRecord(ctx.deps, memberId, moduleIds[code]!, completedOn);
}

/**
 * An experienced helper: the course on `courseOn`, CPR renewed last January, this fiscal year's
 * follow-up done, available every day. Only the accident-prevention module can lapse.
 */
async function veteran(name: string, courseOn: string) {
  const helper = await createMember(ctx.deps, { kind: 'helper', name });
  for (const code of basic) await record(helper.member.id, code, courseOn);
  await record(helper.member.id, 'cpr', '2026-01-10');
  await record(helper.member.id, 'followup', '2026-06-01');
  for (let weekday = 1; weekday <= 7; weekday++)
    await ctx.deps.db
      .insertInto('availability_slot')
      .values({
        id: newId(),
        member_id: helper.member.id,
        weekday,
        start_time: '07:00',
        end_time: '21:00',
      })
      .execute();
  return helper;
}

async function requestId() {
  const parent = await createMember(ctx.deps, { kind: 'requester' });
  const child = await createChild(ctx.deps, parent.member.id, { birthDate: '2021-05-10' });
  const client = await TestClient.signedInAs(ctx, parent.user);
  const res = await client.json('POST', '/api/v1/requests', {
    childIds: [child.id],
    category: 8,
    startsAt: '2026-11-25T13:00:00+09:00',
    endsAt: '2026-11-25T16:00:00+09:00',
    careLocation: 'helper_home',
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { request: { id: string } }).request.id;
}

type Reason = { code: string; params?: Record<string, string> };
async function candidates(id: string) {
  const res = await staff.get(`/api/v1/requests/${id}/candidates?include=excluded`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as {
    items: { helperId: string }[];
    excluded: { helperId: string; reasons: Reason[] }[];
  };
  return {
    ids: body.items.map((i) => i.helperId),
    why: Object.fromEntries(body.excluded.map((e) => [e.helperId, e.reasons])),
  };
}

describe('refresher training (#19 point 2)', () => {
  it('loads 60-month 救命講習 and 事故防止講習 by default', async () => {
    const res = await staff.get('/api/v1/training-modules');
    const { items } = (await res.json()) as {
      items: { code: string; validityMode: string; validityMonths: number | null }[];
    };
    const byCode = Object.fromEntries(items.map((m) => [m.code, m]));
    expect(byCode.cpr).toMatchObject({ validityMode: 'months', validityMonths: 60 });
    expect(byCode.basic_safety).toMatchObject({ validityMode: 'months', validityMonths: 60 });
    expect(byCode.basic_care).toMatchObject({ validityMonths: null });
  });

  it('a helper whose 事故防止講習 is over 5 years old drops out of the candidates, with the reason', async () => {
    // Course on 2021-11-01: 事故防止講習 valid through 2026-10-31, overdue today.
    const overdue = await veteran('期限 切れ子', '2021-11-01');
    const current = await veteran('有効 ある子', '2022-04-01');
    const id = await requestId();

    const { ids, why } = await candidates(id);
    expect(ids).toEqual([current.member.id]);
    expect(why[overdue.member.id]).toEqual([
      {
        code: 'not_qualified',
        params: {
          titlesJa: '安全・事故防止',
          titlesEn: 'Safety and accident prevention',
          expiredOn: '2026-10-31',
        },
      },
    ]);

    // The coordination page says which course and since when, in both languages.
    const ja = await (await staff.get(`/coordination/requests/${id}`)).text();
    expect(ja).toContain('再受講の期限切れ：安全・事故防止（2026年10月31日');
    const staffEn = await TestClient.signedInAs(
      ctx,
      await createUser(ctx.deps, { role: 'staff', locale: 'en' }),
    );
    const en = await (await staffEn.get(`/coordination/requests/${id}`)).text();
    expect(en).toContain('Refresher overdue: Safety and accident prevention (valid until');

    // Offering it to her anyway is refused like any unqualified helper.
    const offer = await staff.json('POST', `/api/v1/requests/${id}/offers`, {
      helperIds: [overdue.member.id],
    });
    expect(offer.status).toBe(422);
    expect(await offer.json()).toMatchObject({ error: { code: 'not_qualified' } });

    // The qualifications say the same: overdue is part of what is missing.
    const q = await staff.get(`/api/v1/members/${overdue.member.id}/qualifications`);
    expect(await q.json()).toMatchObject({
      eligibleForMatching: false,
      status: 'lapsed',
      missing: ['basic_safety'],
      overdue: [{ code: 'basic_safety', expiredOn: '2026-10-31' }],
      basicCompletedOn: '2021-11-01',
    });

    // Attending the refresher brings her back at once (the stamp triggers drop the cache).
    await record(overdue.member.id, 'basic_safety', '2026-11-21');
    expect((await candidates(id)).ids.sort()).toEqual(
      [overdue.member.id, current.member.id].sort(),
    );
  });

  it('another helper on another reason keeps the plain reason', async () => {
    // Course not finished: nothing overdue, the usual "training not complete".
    const helper = await createMember(ctx.deps, { kind: 'helper' });
    for (const code of basic.slice(0, 5)) await record(helper.member.id, code, '2026-10-01');
    const { why } = await candidates(await requestId());
    expect(why[helper.member.id]).toContainEqual({ code: 'not_qualified' });
  });

  it('shows the refresher due 60 days ahead on the dashboard and the helper page, and overdue on hers', async () => {
    // 2021-12-15 + 60 months - 1 day = 2026-12-14: within 60 days of 2026-11-21.
    const soon = await veteran('近づく 花子', '2021-12-15');
    const late = await veteran('過ぎた 次郎', '2021-11-01');
    const home = await (await staff.get('/')).text();
    expect(home).toContain('近づく 花子');
    expect(home).toContain('2026年12月14日');
    expect(home).not.toContain('過ぎた 次郎');

    const own = await TestClient.signedInAs(ctx, soon.user);
    const mine = await (await own.get('/training')).text();
    expect(mine).toContain('安全・事故防止');
    expect(mine).toContain('2026年12月14日');

    const lateClient = await TestClient.signedInAs(ctx, late.user);
    const lateJa = await (await lateClient.get('/training')).text();
    expect(lateJa).toContain('安全・事故防止の有効期限（2026年10月31日');
    await ctx.deps.db
      .updateTable('user')
      .set({ locale: 'en' })
      .where('id', '=', late.user.id)
      .execute();
    const lateEn = await (await lateClient.get('/training')).text();
    expect(lateEn).toContain('Safety and accident prevention was valid until');
  });

  it('an admin sets any module’s period; the candidates follow at once', async () => {
    const overdue = await veteran('期限 切れ子', '2021-11-01');
    const id = await requestId();
    expect((await candidates(id)).ids).toEqual([]);
    // Warm the cache for the day, then change the period: the stamp must drop it.
    expect(
      (await getMatchingEligibility(ctx.deps, [overdue.member.id], '2026-11-25')).get(
        overdue.member.id,
      )?.eligibleForMatching,
    ).toBe(false);

    // Staff may not; an admin may, through the API…
    const path = `/api/v1/training-modules/${moduleIds.basic_safety}`;
    expect(
      (await staff.json('PATCH', path, { validityMode: 'months', validityMonths: 72 })).status,
    ).toBe(403);
    const res = await admin.json('PATCH', path, { validityMode: 'months', validityMonths: 72 });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ code: 'basic_safety', validityMonths: 72 });
    expect((await candidates(id)).ids).toEqual([overdue.member.id]);

    // …refusing a fiscal-year period with months, and an unknown module…
    expect(
      (await admin.json('PATCH', path, { validityMode: 'fiscal_year_end', validityMonths: 12 }))
        .status,
    ).toBe(400);
    expect(
      (
        await admin.json('PATCH', `/api/v1/training-modules/${newId()}`, {
          validityMode: 'months',
          validityMonths: 12,
        })
      ).status,
    ).toBe(404);

    // …or the curriculum page's form (back to 5 years: she drops out again).
    const form = await admin.form('/training/curriculum/validity', {
      moduleId: moduleIds.basic_safety!,
      validityMode: 'months',
      validityMonths: '60',
    });
    expect(form.status).toBe(303);
    expect((await candidates(id)).ids).toEqual([]);
    const page = await (await admin.get('/training/curriculum')).text();
    expect(page).toContain('再受講の期間');
    const bad = await admin.form('/training/curriculum/validity', {
      moduleId: moduleIds.basic_safety!,
      validityMode: 'months',
      validityMonths: 'five',
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('数字');

    // Each change is audited with the old and the new period.
    const audits = await ctx.deps.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'training_module_validity_set')
      .execute();
    expect(audits).toHaveLength(2);
    expect(JSON.parse(audits[0]!.details!)).toMatchObject({
      code: 'basic_safety',
      from: { months: 60 },
      to: { months: 72 },
    });
  });
});
