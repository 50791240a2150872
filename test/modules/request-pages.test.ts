import { beforeEach, describe, expect, it } from 'vitest';
import {
  createChild,
  createEligibleHelper,
  createMember,
  ensureCurriculum,
} from '../helpers/factories.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

// Saturday 2026-11-21 10:00 JST; requests below are for Wednesday 2026-11-25.
let ctx: TestContext;
let staff: TestClient;
beforeEach(async () => {
  ctx = await setupTestApp();
  staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
});

async function family(options: { childBirth?: string; childName?: string } = {}) {
  const parent = await createMember(ctx.deps, { kind: 'requester' });
  const child = await createChild(ctx.deps, parent.member.id, {
    birthDate: options.childBirth ?? '2021-05-10',
    name: options.childName ?? 'みどり はると',
  });
  return { ...parent, child, client: await TestClient.signedInAs(ctx, parent.user) };
}
type Family = Awaited<ReturnType<typeof family>>;

/** The form as a parent fills it in: Wednesday afternoon care at the helper's home. */
const requestForm = (f: Family, overrides: Record<string, string> = {}) => ({
  [`childIds.${f.child.id}`]: 'yes',
  category: '8',
  date: '2026-11-25',
  startTime: '13:00',
  endTime: '16:00',
  careLocation: 'helper_home',
  careLocationNote: '',
  pickup: 'みどり保育園',
  dropoff: '',
  notes: 'お昼寝のあとに迎えに来てください',
  skipHolidays: 'yes',
  ...overrides,
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function fieldErrorOf(html: string, name: string): string | undefined {
  const m = new RegExp(`<p class="field-error" id="field-${escape(name)}-error">([^<]*)</p>`).exec(
    html,
  );
  return m?.[1];
}

async function submitRequest(f: Family, overrides: Record<string, string> = {}) {
  const res = await f.client.form('/requests/new', {
    ...requestForm(f, overrides),
    step: 'submit',
  });
  expect(res.status).toBe(303);
  return res.headers.get('location')!;
}

async function offerTo(requestId: string, helperIds: string[]) {
  const res = await staff.json('POST', `/api/v1/requests/${requestId}/offers`, { helperIds });
  expect(res.status).toBe(201);
  return ((await res.json()) as { offers: { id: string; helperId: string }[] }).offers;
}

describe('the request form', () => {
  it('renders in Japanese with the children, their ages, the rules and sensible defaults', async () => {
    const f = await family();
    const res = await f.client.get('/requests/new');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('援助の申し込み');
    expect(html).toContain('みどり はると（5歳6か月）');
    expect(html).toContain('利用する日の前日17:00までに申し込んでください');
    expect(html).toContain('援助の時間は、6:00から22:00までです');
    expect(html).toContain('生後6か月未満のお子さんは、1回3時間までです');
    expect(html).toContain('病児・病後児の講習を修了した提供会員が担当します');
    // One child: already chosen. The helper's home is the default place; holidays skipped.
    expect(html).toMatch(new RegExp(`name="childIds\\.${f.child.id}" value="yes" checked`));
    expect(html).toMatch(/id="field-careLocation" name="careLocation" value="helper_home" checked/);
    expect(html).toMatch(/name="skipHolidays" value="yes" checked/);
    expect(html).toContain('type="date"');
    expect(html).toContain('type="time"');
  });

  it('renders in English', async () => {
    const f = await family();
    const en = new TestClient(ctx, { 'accept-language': 'en' });
    for (const [k, v] of f.client.cookies) en.cookies.set(k, v);
    const html = await (await en.get('/requests/new')).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Request help');
    expect(html).toContain('Please request by 17:00 on the day before');
    expect(html).toContain('Continue to check');
  });

  it('is for members with an active requester side only', async () => {
    expect((await staff.get('/requests/new')).status).toBe(404);
    const helper = await createEligibleHelper(ctx.deps);
    const helperClient = await TestClient.signedInAs(ctx, helper.user);
    expect((await helperClient.get('/requests/new')).status).toBe(404);
    const applicant = await createMember(ctx.deps, { requesterStatus: 'applied' });
    const applicantClient = await TestClient.signedInAs(ctx, applicant.user);
    const page = await applicantClient.get('/requests/new');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('依頼会員として承認されてから申し込めます');
  });

  it('shows the expected fee on a confirmation step, then creates the request and redirects', async () => {
    const f = await family();
    const confirm = await f.client.form('/requests/new', { ...requestForm(f), step: 'confirm' });
    expect(confirm.status).toBe(200);
    const html = await confirm.text();
    expect(html).toContain('申し込み内容の確認');
    expect(html).toContain('約 ￥2,400'); // 13:00–16:00 on a weekday: 6 × ¥400
    expect(html).toContain('2026年11月25日(水) 13:00〜16:00');
    expect(html).toContain('当日の取り消しは、最初の1時間分');
    expect(html).toContain('name="notes" value="お昼寝のあとに迎えに来てください"');
    // Nothing is written until the parent confirms.
    expect(await ctx.deps.db.selectFrom('care_request').selectAll().execute()).toHaveLength(0);

    const location = await submitRequest(f);
    const rows = await ctx.deps.db.selectFrom('care_request').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(location).toBe(`/requests/${rows[0]!.id}`);
    expect(rows[0]).toMatchObject({
      category: 8,
      starts_at: '2026-11-25T04:00:00.000Z',
      ends_at: '2026-11-25T07:00:00.000Z',
      care_location: 'helper_home',
      pickup: 'みどり保育園',
      dropoff: null,
      status: 'open',
    });
    const page = await (await f.client.get(location)).text();
    expect(page).toContain('申し込みを受け付けました');
    expect(page).toContain('受付済み');
    expect(page).toContain('センターが提供会員を探しています');
  });

  it('going back from the confirmation keeps every value', async () => {
    const f = await family();
    const res = await f.client.form('/requests/new', { ...requestForm(f), step: 'edit' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('value="2026-11-25"');
    expect(html).toContain('お昼寝のあとに迎えに来てください');
  });

  it('field problems come back as 422 with the message next to the field', async () => {
    const f = await family();
    const res = await f.client.form('/requests/new', {
      ...requestForm(f, { [`childIds.${f.child.id}`]: '', category: '', endTime: '12:00' }),
      step: 'confirm',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(fieldErrorOf(html, 'childIds')).toBe('お子さんを1人以上選んでください。');
    expect(fieldErrorOf(html, 'category')).toBe('援助の内容を選んでください。');
    expect(fieldErrorOf(html, 'endTime')).toBe('終了時刻：終了は開始より後にしてください。');
    expect(html).toContain('入力内容を確認してください。');
    expect(html).toContain('value="2026-11-25"');
  });

  it.each([
    [
      'lead time',
      { date: '2026-11-21', startTime: '14:00', endTime: '15:00' },
      '申し込みは、利用日の前日17時までにお願いします。',
      'date',
      undefined,
    ],
    [
      'service hours',
      { startTime: '21:00', endTime: '22:30' },
      '援助活動は、同じ日の6時から22時までの間でお願いします。',
      'startTime',
      undefined,
    ],
    [
      'infant limit',
      { startTime: '09:00', endTime: '12:30' },
      '生後6か月未満のお子さんの預かりは、1回3時間までです。',
      'endTime',
      '2026-08-01',
    ],
  ])(
    'the %s rule re-renders 422 with the plain message, keeping the values',
    async (_label, times, message, field, birth) => {
      const f = await family({ childBirth: birth });
      for (const step of ['confirm', 'submit']) {
        const res = await f.client.form('/requests/new', { ...requestForm(f, times), step });
        expect(res.status).toBe(422);
        const html = await res.text();
        expect(html).toContain('このままでは申し込めません');
        expect(html).toContain(message);
        expect(fieldErrorOf(html, field)).toBeTruthy();
        expect(html).toContain(`value="${times.startTime}"`);
        expect(html).toContain('お昼寝のあとに迎えに来てください');
        expect(html).toMatch(new RegExp(`name="childIds\\.${f.child.id}" value="yes" checked`));
      }
      expect(await ctx.deps.db.selectFrom('care_request').selectAll().execute()).toHaveLength(0);
    },
  );

  it('an overlapping request is refused on sending, with the values kept', async () => {
    const f = await family();
    await submitRequest(f);
    const res = await f.client.form('/requests/new', {
      ...requestForm(f, { startTime: '15:00', endTime: '17:00' }),
      step: 'submit',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('同じお子さんの申し込みが、この時間帯にすでにあります。');
    expect(fieldErrorOf(html, 'date')).toBe(
      'この日時には、同じお子さんの申し込みがすでにあります。',
    );
    expect(html).toContain('value="15:00"');
  });

  it('a weekday pick-up every week in January becomes a series, shown grouped', async () => {
    const f = await family();
    const series = {
      category: '1',
      date: '2027-01-04',
      startTime: '17:00',
      endTime: '18:00',
      'weekdays.1': 'yes',
      'weekdays.2': 'yes',
      'weekdays.3': 'yes',
      'weekdays.4': 'yes',
      'weekdays.5': 'yes',
      until: '2027-01-29',
      skipHolidays: 'yes',
    };
    const confirm = await f.client.form('/requests/new', {
      ...requestForm(f, series),
      step: 'confirm',
    });
    expect(confirm.status).toBe(200);
    const html = await confirm.text();
    // 20 weekdays minus 成人の日 (Jan 11); 17:00–18:00 is 2 day-band units: ¥800 each time.
    expect(html).toContain('毎週月・火・水・木・金、1月29日(金)まで（全19回）');
    expect(html).toContain('19回で 約 ￥15,200');
    expect(html).toContain('この内容で19回分を申し込む');

    const location = await submitRequest(f, series);
    expect(location).toBe('/requests');
    const rows = await ctx.deps.db.selectFrom('care_request').select('series_id').execute();
    expect(rows).toHaveLength(19);
    expect(new Set(rows.map((r) => r.series_id)).size).toBe(1);
    const list = await (await f.client.get('/requests')).text();
    expect(list).toContain('19回分の申し込みを受け付けました');
    expect(list).toContain('毎週月・火・水・木・金 17:00〜18:00');
    expect(list).toContain('19回の日付をすべて見る');
  });

  it('a series needs its days and its last date', async () => {
    const f = await family();
    const res = await f.client.form('/requests/new', {
      ...requestForm(f, { 'weekdays.3': 'yes' }),
      step: 'confirm',
    });
    expect(res.status).toBe(422);
    expect(fieldErrorOf(await res.text(), 'until')).toBe('くり返す最後の日を入力してください。');
  });
});

describe('the list of requests', () => {
  it('shows upcoming and past requests with their status in words, and filters by status', async () => {
    const f = await family();
    await submitRequest(f);
    await submitRequest(f, { date: '2026-11-26' });
    const id = (
      await ctx.deps.db
        .selectFrom('care_request')
        .select('id')
        .where('starts_at', 'like', '2026-11-26%')
        .executeTakeFirstOrThrow()
    ).id;
    await f.client.form(`/requests/${id}/cancel`, { reason: '予定が変わったため' });
    const res = await f.client.get('/requests');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('これからの申し込み');
    expect(html).toContain('data-status="open">受付済み</span>');
    expect(html).toContain('data-status="cancelled">取り消し</span>');
    const filtered = await (await f.client.get('/requests?status=cancelled')).text();
    expect(filtered).toContain('data-status="cancelled"');
    expect(filtered).not.toContain('data-status="open"');

    ctx.clock.set('2026-11-27T01:00:00.000Z');
    const later = await (await f.client.get('/requests')).text();
    expect(later).toContain('これからの申し込みはありません。');
    expect(later).toContain('2026年11月25日(水) 13:00〜16:00');
  });

  it('sends staff to the coordination board', async () => {
    const res = await staff.get('/requests');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/board');
  });
});

describe('one request', () => {
  it('the parent, the helper and an offered helper each see what they should; others get 404', async () => {
    const f = await family();
    const location = await submitRequest(f);
    const id = location.split('/').pop()!;
    const [winner, other] = await Promise.all([
      createEligibleHelper(ctx.deps, { name: '山田 よしこ' }),
      createEligibleHelper(ctx.deps),
    ]);
    const offers = await offerTo(id, [winner.member.id, other.member.id]);
    const otherClient = await TestClient.signedInAs(ctx, other.user);
    const offered = await (await otherClient.get(location)).text();
    expect(offered).toContain('届いた依頼');
    expect(offered).toContain('5歳6か月');
    expect(offered).not.toContain('みどり はると');
    expect(offered).not.toContain('みどり保育園');
    expect(offered).toContain('引き受ける');

    const winnerClient = await TestClient.signedInAs(ctx, winner.user);
    await winnerClient.form(
      `/offers/${offers.find((o) => o.helperId === winner.member.id)!.id}/accept`,
      {},
    );
    const asHelper = await (await winnerClient.get(location)).text();
    expect(asHelper).toContain('担当する援助活動');
    expect(asHelper).toContain('みどり はると');
    expect(asHelper).toContain('みどり保育園');
    expect(asHelper).toContain(`href="/children/${f.child.id}"`);
    expect(asHelper).toContain('薬を飲ませたり');
    expect(asHelper).toContain('車での送迎はしません');
    expect(asHelper).toContain('事前の打ち合わせが必要です');

    const asParent = await (await f.client.get(location)).text();
    expect(asParent).toContain('山田 よしこさんが引き受けてくださいました。');
    expect(asParent).toContain(
      '<li class="req-timeline__step req-timeline__step--current" aria-current="step">',
    );
    expect(asParent).toContain('事前の打ち合わせが必要です');
    expect(asParent).toContain('この援助を取り消す');

    const stranger = await family();
    expect((await stranger.client.get(location)).status).toBe(404);
    expect((await stranger.client.get(`${location}/cancel`)).status).toBe(404);
    const staffVisit = await staff.get(location);
    expect(staffVisit.status).toBe(303);
    expect(staffVisit.headers.get('location')).toBe(`/coordination/requests/${id}`);
  });

  it('the matched helper reads the child’s health details (audited); another helper gets 404', async () => {
    const f = await family();
    const id = (await submitRequest(f)).split('/').pop()!;
    const [winner, other] = await Promise.all([
      createEligibleHelper(ctx.deps),
      createEligibleHelper(ctx.deps),
    ]);
    const offers = await offerTo(id, [winner.member.id, other.member.id]);
    const winnerClient = await TestClient.signedInAs(ctx, winner.user);
    const otherClient = await TestClient.signedInAs(ctx, other.user);
    expect((await winnerClient.get(`/children/${f.child.id}`)).status).toBe(404);
    await winnerClient.form(
      `/offers/${offers.find((o) => o.helperId === winner.member.id)!.id}/accept`,
      {},
    );
    const res = await winnerClient.get(`/children/${f.child.id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('child-allergy--yes');
    expect(html).toContain('卵');
    expect(html).toContain('喘息の既往あり');
    expect((await otherClient.get(`/children/${f.child.id}`)).status).toBe(404);
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .select('actor_user_id')
      .where('action', '=', 'child_health_read')
      .execute();
    expect(audit).toEqual([{ actor_user_id: winner.user.id }]);
  });

  it('cancelling shows the fee that applies now, asks for a reason, then cancels', async () => {
    const f = await family();
    const id = (await submitRequest(f)).split('/').pop()!;
    const helper = await createEligibleHelper(ctx.deps);
    expect(
      (await staff.json('POST', `/api/v1/requests/${id}/assign`, { helperId: helper.member.id }))
        .status,
    ).toBe(200);

    const before = await (await f.client.get(`/requests/${id}/cancel`)).text();
    expect(before).toContain('<p class="req-fee__amount">0円</p>');
    expect(before).toContain('前日までの取り消しなので');

    ctx.clock.set('2026-11-24T23:00:00.000Z'); // 08:00 JST on the day
    const page = await f.client.get(`/requests/${id}/cancel`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('いま取り消した場合のキャンセル料');
    expect(html).toContain('￥800');
    expect(html).toContain('当日の取り消しのため');

    const missing = await f.client.form(`/requests/${id}/cancel`, { reason: '' });
    expect(missing.status).toBe(422);
    expect(fieldErrorOf(await missing.text(), 'reason')).toBe('取り消しの理由を入力してください。');

    const done = await f.client.form(`/requests/${id}/cancel`, {
      reason: '子どもが熱を出したため',
    });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`/requests/${id}`);
    const row = await ctx.deps.db
      .selectFrom('care_request')
      .select(['status', 'cancellation_fee', 'cancelled_by_role', 'cancel_reason'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      status: 'cancelled',
      cancellation_fee: 800,
      cancelled_by_role: 'requester',
      cancel_reason: '子どもが熱を出したため',
    });
    const after = await (await f.client.get(`/requests/${id}`)).text();
    expect(after).toContain('取り消しました。キャンセル料は￥800です。');
    expect(after).toContain('req-timeline__step--cancelled');
    expect(after).not.toContain('この援助を取り消す');
  });

  it('the assigned helper may cancel too, free of charge for the family', async () => {
    const f = await family();
    const id = (await submitRequest(f)).split('/').pop()!;
    const helper = await createEligibleHelper(ctx.deps);
    await staff.json('POST', `/api/v1/requests/${id}/assign`, { helperId: helper.member.id });
    const helperClient = await TestClient.signedInAs(ctx, helper.user);
    const page = await (await helperClient.get(`/requests/${id}/cancel`)).text();
    expect(page).toContain('ご家庭にキャンセル料はかかりません。');
    const res = await helperClient.form(`/requests/${id}/cancel`, { reason: '発熱のため' });
    expect(res.status).toBe(303);
    const row = await ctx.deps.db
      .selectFrom('care_request')
      .select(['status', 'cancelled_by_role', 'cancellation_fee'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'cancelled', cancelled_by_role: 'helper', cancellation_fee: 0 });
  });
});

describe('offers', () => {
  it('lists an open offer with what a helper needs to decide, and no names', async () => {
    const f = await family();
    const id = (await submitRequest(f)).split('/').pop()!;
    const helper = await createEligibleHelper(ctx.deps);
    const [offer] = await offerTo(id, [helper.member.id]);
    const client = await TestClient.signedInAs(ctx, helper.user);
    const res = await client.get('/offers');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('回答をお待ちしている依頼');
    expect(html).toContain('2026年11月25日(水) 13:00〜16:00');
    expect(html).toContain('3時間');
    expect(html).toContain('買い物等外出・リフレッシュ時の預かり');
    expect(html).toContain('中央地区');
    expect(html).toContain('5歳6か月');
    expect(html).toContain('提供会員の自宅');
    expect(html).toContain('回答の期限まであと24時間0分');
    expect(html).toContain(`action="/offers/${offer!.id}/accept"`);
    expect(html).toContain(`action="/offers/${offer!.id}/decline"`);
    expect(html).not.toContain('みどり はると');
    expect(html).not.toContain('いまは依頼をお届けできません');
  });

  it('accepting by form matches the request and thanks the helper; the next helper is told kindly', async () => {
    const f = await family();
    const id = (await submitRequest(f)).split('/').pop()!;
    const [first, second] = await Promise.all([
      createEligibleHelper(ctx.deps),
      createEligibleHelper(ctx.deps),
    ]);
    const offers = await offerTo(id, [first.member.id, second.member.id]);
    const offerOf = (h: typeof first) => offers.find((o) => o.helperId === h.member.id)!.id;
    const firstClient = await TestClient.signedInAs(ctx, first.user);
    const res = await firstClient.form(`/offers/${offerOf(first)}/accept`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/requests/${id}`);
    const row = await ctx.deps.db
      .selectFrom('care_request')
      .select(['status', 'helper_member_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'matched', helper_member_id: first.member.id });
    expect(await (await firstClient.get(`/requests/${id}`)).text()).toContain(
      '引き受けてくださり、ありがとうございます。',
    );

    const secondClient = await TestClient.signedInAs(ctx, second.user);
    const late = await secondClient.form(`/offers/${offerOf(second)}/accept`, {});
    expect(late.status).toBe(303);
    expect(late.headers.get('location')).toBe('/offers');
    const html = await (await secondClient.get('/offers')).text();
    expect(html).toContain('ほかの提供会員さんがすでに引き受けました。ありがとうございました。');
    expect(html).toContain('いま回答を待っている依頼はありません。');
    expect(html).toContain('data-status="closed">締め切り</span>');
  });

  it('declining with a reason answers the offer and reopens the request', async () => {
    const f = await family();
    const id = (await submitRequest(f)).split('/').pop()!;
    const helper = await createEligibleHelper(ctx.deps);
    const [offer] = await offerTo(id, [helper.member.id]);
    const client = await TestClient.signedInAs(ctx, helper.user);
    const res = await client.form(`/offers/${offer!.id}/decline`, { reason: 'その日は通院です' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/offers');
    const row = await ctx.deps.db
      .selectFrom('offer')
      .select(['status', 'decline_reason'])
      .where('id', '=', offer!.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'declined', decline_reason: 'その日は通院です' });
    const html = await (await client.get('/offers')).text();
    expect(html).toContain('お断りの回答を送りました。');
    expect(html).toContain('お断りしました');
    const request = await ctx.deps.db
      .selectFrom('care_request')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(request.status).toBe('open');
    // Answering twice is refused kindly.
    await client.form(`/offers/${offer!.id}/decline`, {});
    expect(await (await client.get('/offers')).text()).toContain(
      'すでに回答済みか、締め切られています',
    );
  });

  it('a helper not yet eligible sees why and what training to attend', async () => {
    await ensureCurriculum(ctx.deps);
    const trainee = await createMember(ctx.deps, { kind: 'helper' });
    const client = await TestClient.signedInAs(ctx, trainee.user);
    const res = await client.get('/offers');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('いまは依頼をお届けできません');
    expect(html).toContain('次の講習を受けてください');
    expect(html).toContain('href="/training"');
  });

  it('is only for helpers; another helper’s offer cannot be answered', async () => {
    const f = await family();
    expect((await f.client.get('/offers')).status).toBe(404);
    const id = (await submitRequest(f)).split('/').pop()!;
    const [helper, intruder] = await Promise.all([
      createEligibleHelper(ctx.deps),
      createEligibleHelper(ctx.deps),
    ]);
    const [offer] = await offerTo(id, [helper.member.id]);
    const intruderClient = await TestClient.signedInAs(ctx, intruder.user);
    expect((await intruderClient.form(`/offers/${offer!.id}/accept`, {})).status).toBe(404);
  });

  it('the menu and home show the requester and helper entries', async () => {
    const f = await family();
    const home = await (await f.client.get('/')).text();
    expect(home).toContain('href="/requests/new"');
    expect(home).toContain('href="/requests"');
    expect(home).not.toContain('href="/offers"');
    const helper = await createEligibleHelper(ctx.deps);
    const helperHome = await (
      await (await TestClient.signedInAs(ctx, helper.user)).get('/')
    ).text();
    expect(helperHome).toContain('href="/offers"');
    expect(helperHome).not.toContain('href="/requests/new"');
  });
});
