import { beforeEach, describe, expect, it } from 'vitest';
import { lapseNotRenewed } from '../../src/modules/members/renewal.service.js';
import { createChild, createMember } from '../helpers/factories.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

// 年度更新 (issue #19, point 3): members confirm their details for the coming fiscal year on one
// page; staff see who has, remind, record paper forms; the sides not continued end on April 1.

let ctx: TestContext;
let staffUserId: string;
const asStaff = () => TestClient.signedInAs(ctx, { id: staffUserId, role: 'staff' });
const signIn = (m: { user: { id: string } }) =>
  TestClient.signedInAs(ctx, { id: m.user.id, role: 'member' });
const memberRow = (id: string) =>
  ctx.deps.db.selectFrom('member').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const statusEvents = (id: string) =>
  ctx.deps.db
    .selectFrom('member_status_event')
    .selectAll()
    .where('member_id', '=', id)
    .orderBy('at')
    .execute();

beforeEach(async () => {
  ctx = await setupTestApp(); // Saturday 2026-11-21 10:00 JST, fiscal year 2026
  staffUserId = (await createUser(ctx.deps, { role: 'staff' })).id;
});

describe('the annual renewal', () => {
  it('is for the current year until February 1 (the default), then for the coming one', async () => {
    const family = await createMember(ctx.deps, { name: '更新 花子' });
    const client = await signIn(family);
    const before = (await (await client.get('/api/v1/my/renewal')).json()) as {
      fiscalYear: number;
    };
    expect(before.fiscalYear).toBe(2026);
    ctx.clock.set('2027-01-31T15:00:00.000Z'); // 2027-02-01 00:00 JST
    const client2 = await signIn(family);
    const after = (await (await client2.get('/api/v1/my/renewal')).json()) as {
      fiscalYear: number;
      deadline: string;
      confirmation: unknown;
    };
    expect(after).toMatchObject({ fiscalYear: 2027, deadline: '2027-03-31', confirmation: null });
  });

  it("opens when the center's setting says: months before April 1, set on the settings page or the API", async () => {
    const family = await createMember(ctx.deps, { name: '設定 花子' });
    const adminUser = await createUser(ctx.deps, { role: 'admin' });
    let admin = await TestClient.signedInAs(ctx, adminUser);
    const renewalOf = async () =>
      (await (await (await signIn(family)).get('/api/v1/my/renewal')).json()) as {
        fiscalYear: number;
        opensOn: string;
      };

    // The settings page: a value out of range is refused beside the field, kept.
    const page = await admin.get('/settings');
    expect(await page.text()).toContain('action="/settings/renewal"');
    const invalid = await admin.form('/settings/renewal', { opensMonthsBefore: '9' });
    expect(invalid.status).toBe(422);
    expect(await invalid.text()).toContain('value="9"');
    expect((await admin.form('/settings/renewal', { opensMonthsBefore: '3' })).status).toBe(303);

    // 2027-01-01 00:00 JST: with 3 months the renewal for FY2027 is open from January 1.
    ctx.clock.set('2026-12-31T15:00:00.000Z');
    expect(await renewalOf()).toMatchObject({ fiscalYear: 2027, opensOn: '2027-01-01' });

    // Through the API: 1 month, so on January 1 it is still the current year's (late) renewal.
    admin = await TestClient.signedInAs(ctx, adminUser); // a new session after the clock moved
    const res = await admin.json('PUT', '/api/v1/settings', { renewal: { opensMonthsBefore: 1 } });
    expect(res.status).toBe(200);
    expect(await renewalOf()).toMatchObject({ fiscalYear: 2026, opensOn: '2026-03-01' });
    ctx.clock.set('2027-02-28T15:00:00.000Z'); // 2027-03-01 00:00 JST
    expect(await renewalOf()).toMatchObject({ fiscalYear: 2027, opensOn: '2027-03-01' });
    admin = await TestClient.signedInAs(ctx, adminUser);
    expect(
      (await admin.json('PUT', '/api/v1/settings', { renewal: { opensMonthsBefore: 0 } })).status,
    ).toBe(400);
  });

  it('a member checks her details and answers on one page; staff see it, remind the others and record paper', async () => {
    ctx.clock.set('2027-02-10T01:00:00.000Z');
    const hanako = await createMember(ctx.deps, { name: '更新 花子' });
    await createChild(ctx.deps, hanako.member.id, { name: '更新 ひなた', birthDate: '2020-06-01' });
    const quiet = await createMember(ctx.deps, { name: '無回答 太郎', kind: 'helper' });
    const paper = await createMember(ctx.deps, { name: '紙 よし子', kind: 'both' });
    const client = await signIn(hanako);

    const page = await client.get('/my/renewal');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('2027年度の年度更新');
    expect(html).toContain('更新 ひなた');
    expect(html).toContain('090-1234-5678');
    expect(html).toContain('href="/my/contacts"');
    // A requester only answers for her requester side.
    expect(html).toContain('name="continueRequester"');
    expect(html).not.toContain('name="continueHelper"');

    // Nothing answered: each problem shown at its field.
    const empty = await client.form('/my/renewal', {});
    expect(empty.status).toBe(422);
    const emptyHtml = await empty.text();
    expect(emptyHtml).toContain('登録内容を確認したら、チェックを入れてください');
    expect(emptyHtml).toContain('会則・利用規約への同意が必要です');
    const unanswered = await client.form('/my/renewal', { detailsChecked: 'yes', consent: 'yes' });
    expect(unanswered.status).toBe(422);
    expect(await unanswered.text()).toContain('続けるか、やめるかを選んでください');

    const sent = await client.form('/my/renewal', {
      continueRequester: 'yes',
      detailsChecked: 'yes',
      consent: 'yes',
    });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe('/my');
    expect(await (await client.get('/my/renewal')).text()).toContain('確認済みです');

    const staff = await asStaff();
    const list = await (await staff.get('/renewals/confirmations')).text();
    expect(list).toContain('年度更新の確認状況（2027年度）');
    expect(list).toContain('マイページで確認');
    expect(list).toContain('未確認の2名にお知らせを送る');

    // Reminders go to the two who have not answered, once a day however often pressed.
    const remind = await staff.json('POST', '/api/v1/renewals/reminders', {});
    expect(await remind.json()).toEqual({ fiscalYear: 2027, reminded: 2 });
    await staff.json('POST', '/api/v1/renewals/reminders', {});
    const reminders = await ctx.deps.db
      .selectFrom('notification')
      .select(['user_id'])
      .where('kind', '=', 'renewal_reminder')
      .execute();
    expect(reminders.map((r) => r.user_id).sort()).toEqual([quiet.user.id, paper.user.id].sort());
    expect(
      await ctx.deps.db
        .selectFrom('outbox')
        .select('id')
        .where('to_email', 'in', [quiet.user.email, paper.user.email])
        .execute(),
    ).toHaveLength(2);

    // A paper form for a member with both sides: both questions.
    const form = await (await staff.get(`/renewals/confirmations/${paper.member.id}`)).text();
    expect(form).toContain('name="continueRequester"');
    expect(form).toContain('name="continueHelper"');
    const recorded = await staff.form(`/renewals/confirmations/${paper.member.id}`, {
      continueRequester: 'no',
      continueHelper: 'yes',
      detailsChecked: 'yes',
      consent: 'yes',
    });
    expect(recorded.status).toBe(303);
    const api = await staff.get('/api/v1/renewals/confirmations?fiscalYear=2027');
    const body = (await api.json()) as {
      items: { memberId: string; channel: string | null; continueRequester: boolean | null }[];
    };
    expect(body.items.find((i) => i.memberId === paper.member.id)).toMatchObject({
      channel: 'paper',
      continueRequester: false,
    });
    expect(body.items.find((i) => i.memberId === quiet.member.id)).toMatchObject({
      channel: null,
    });
    const pending = await (
      await staff.get('/renewals/confirmations?fiscalYear=2027&show=pending')
    ).text();
    expect(pending).toContain('無回答 太郎');
    expect(pending).not.toContain(`/members/${paper.member.id}`);
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['renewal_confirmed', 'renewal_reminders_sent'])
      .execute();
    expect(audit).toHaveLength(4);
  });

  it('refuses an answer for a side the member does not have (API)', async () => {
    ctx.clock.set('2027-02-10T01:00:00.000Z');
    const family = await createMember(ctx.deps);
    const client = await signIn(family);
    const res = await client.json('POST', '/api/v1/my/renewal', {
      continueRequester: true,
      continueHelper: true,
      detailsChecked: true,
      consent: true,
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('no_such_side');
  });

  it('ends, on April 1, the sides members said they do not continue, keeping the history', async () => {
    ctx.clock.set('2027-03-10T01:00:00.000Z');
    const stops = await createMember(ctx.deps, { name: 'やめる 家族' });
    const halfway = await createMember(ctx.deps, { name: '提供だけ 続ける', kind: 'both' });
    const stays = await createMember(ctx.deps, { name: '続ける 家族' });
    const answer = async (
      m: Awaited<ReturnType<typeof createMember>>,
      body: { continueRequester: boolean | null; continueHelper: boolean | null },
    ) => {
      const res = await (
        await signIn(m)
      ).json('POST', '/api/v1/my/renewal', { ...body, detailsChecked: true, consent: true });
      expect(res.status).toBe(200);
    };
    await answer(stops, { continueRequester: false, continueHelper: null });
    await answer(halfway, { continueRequester: false, continueHelper: true });
    await answer(stays, { continueRequester: true, continueHelper: null });

    // Before the year ends nothing changes.
    await lapseNotRenewed(ctx.deps, ctx.clock.now());
    expect((await memberRow(stops.member.id)).requester_status).toBe('active');

    ctx.clock.set('2027-03-31T15:00:00.000Z'); // 2027-04-01 00:00 JST
    expect(await lapseNotRenewed(ctx.deps, ctx.clock.now())).toMatchObject({
      fiscalYear: 2027,
      confirmations: 2,
      ended: 2,
    });
    const stopped = await memberRow(stops.member.id);
    expect(stopped.requester_status).toBe('withdrawn');
    expect(stopped.withdrawal_reason).toBe('not_renewed');
    expect(stopped.withdrawn_at).not.toBeNull();
    const half = await memberRow(halfway.member.id);
    expect(half.requester_status).toBe('withdrawn');
    expect(half.helper_status).toBe('active');
    expect(half.withdrawn_at).toBeNull();
    expect((await statusEvents(halfway.member.id)).at(-1)).toMatchObject({
      side: 'requester',
      to_status: 'withdrawn',
      reason: 'not_renewed',
      actor_user_id: null,
    });
    expect((await memberRow(stays.member.id)).requester_status).toBe('active');
    // The confirmation stays (history), marked as acted on; a second run does nothing.
    expect(await lapseNotRenewed(ctx.deps, ctx.clock.now())).toMatchObject({ confirmations: 0 });
    const row = await ctx.deps.db
      .selectFrom('renewal_confirmation')
      .selectAll()
      .where('member_id', '=', stops.member.id)
      .executeTakeFirstOrThrow();
    expect(row.lapsed_at).not.toBeNull();
  });
});
