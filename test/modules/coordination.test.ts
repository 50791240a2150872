import { beforeEach, describe, expect, it } from 'vitest';
import { rankRequests } from '../../src/modules/matching/board.queries.js';
import { findCandidates } from '../../src/modules/matching/candidates.js';
import { findRequestById } from '../../src/modules/requests/requests.queries.js';
import { createChild, createEligibleHelper, createMember } from '../helpers/factories.js';
import {
  createUser,
  ORIGIN,
  setupTestApp,
  TestClient,
  type TestContext,
} from '../helpers/test-app.js';

// Saturday 2026-11-21 10:00 JST (DEFAULT_NOW). Staff enter requests, so no lead time applies.
let ctx: TestContext;
let staff: TestClient;
beforeEach(async () => {
  ctx = await setupTestApp();
  staff = await TestClient.signedInAs(
    ctx,
    await createUser(ctx.deps, { role: 'staff', name: '佐藤 美香' }),
  );
});

async function family(options: { area?: string; name?: string } = {}) {
  const parent = await createMember(ctx.deps, {
    kind: 'requester',
    area: options.area ?? 'chuo',
    name: options.name,
  });
  const child = await createChild(ctx.deps, parent.member.id, { birthDate: '2021-05-10' });
  return { ...parent, child };
}
type Family = Awaited<ReturnType<typeof family>>;

const at = (date: string, start: string, end: string) => ({
  startsAt: `${date}T${start}:00+09:00`,
  endsAt: `${date}T${end}:00+09:00`,
});

async function newRequest(f: Family, when = at('2026-11-25', '13:00', '16:00'), category = 8) {
  const res = await staff.json('POST', '/api/v1/requests', {
    requesterId: f.member.id,
    childIds: [f.child.id],
    category,
    ...when,
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { request: { id: string } }).request.id;
}

/** A same-origin form post with repeated fields (checkboxes), as a browser sends it. */
function postForm(client: TestClient, path: string, fields: [string, string][]) {
  return client.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
    body: new URLSearchParams(fields).toString(),
  });
}

/** The HTML of one <section aria-labelledby="…"> of a page. */
function section(html: string, id: string): string {
  const start = html.indexOf(`aria-labelledby="${id}"`);
  expect(start, `section ${id}`).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</section>', start));
}

async function offersOf(requestId: string) {
  return ctx.deps.db
    .selectFrom('offer')
    .select(['helper_member_id', 'status'])
    .where('request_id', '=', requestId)
    .execute();
}

async function statusOf(requestId: string) {
  return await ctx.deps.db
    .selectFrom('care_request')
    .select(['status', 'helper_member_id'])
    .where('id', '=', requestId)
    .executeTakeFirstOrThrow();
}

describe('調整ボード', () => {
  it('puts an unfilled request starting in 30 h under 至急, later ones under 未決定, today’s matches under 今日の活動', async () => {
    await createEligibleHelper(ctx.deps, { name: '鈴木 恵子' });
    const urgentFamily = await family({ name: '至急 花子' });
    const urgentId = await newRequest(urgentFamily, at('2026-11-22', '16:00', '18:00'));
    const laterFamily = await family({ name: '来週 太郎' });
    const laterId = await newRequest(laterFamily, at('2026-11-25', '13:00', '16:00'));
    const farFamily = await family({ name: '再来週 次郎' });
    await newRequest(farFamily, at('2026-12-01', '10:00', '12:00'));
    const todayFamily = await family({ name: '今日 桜' });
    const todayId = await newRequest(todayFamily, at('2026-11-21', '14:00', '16:00'));
    const todayHelper = await createEligibleHelper(ctx.deps, { name: '田村 今日子' });
    expect(
      (
        await staff.json('POST', `/api/v1/requests/${todayId}/assign`, {
          helperId: todayHelper.member.id,
        })
      ).status,
    ).toBe(200);

    const res = await staff.get('/board');
    expect(res.status).toBe(200);
    const html = await res.text();
    const urgent = section(html, 'urgent-title');
    expect(urgent).toContain('至急 花子さん');
    expect(urgent).toContain('あと30時間');
    expect(urgent).toContain(`/coordination/requests/${urgentId}/offer-top`);
    expect(urgent).not.toContain('来週 太郎');
    const open = section(html, 'open-title');
    expect(open).toContain('来週 太郎さん');
    expect(open).toContain(`href="/coordination/requests/${laterId}"`);
    expect(open).not.toContain('至急 花子');
    expect(open).not.toContain('再来週 次郎'); // 10 days ahead: beyond the default 7
    // One eligible helper is free for each open request (the other is busy only today).
    expect(open).toMatch(/<strong class="coord-count__n">2人<\/strong>/);
    const today = section(html, 'today-title');
    expect(today).toContain('今日 桜さん');
    expect(today).toContain('田村 今日子さん');
    expect(today).toContain('事前打ち合わせ未実施');

    const wider = await (await staff.get('/board?days=14')).text();
    expect(section(wider, 'open-title')).toContain('再来週 次郎さん');
  });

  it('filters by area', async () => {
    const chuo = await family({ area: 'chuo', name: '中央 一家' });
    const kita = await family({ area: 'kita', name: '北 一家' });
    await newRequest(chuo);
    await newRequest(kita);
    const html = await (await staff.get('/board?area=kita')).text();
    expect(section(html, 'open-title')).toContain('北 一家さん');
    expect(section(html, 'open-title')).not.toContain('中央 一家');
  });

  it('「上位3人に紹介」 offers to exactly the top 3 candidates and returns to the board', async () => {
    const f = await family({ area: 'kita' });
    const id = await newRequest(f);
    const paired = await createEligibleHelper(ctx.deps, { area: 'minami', name: '継続 さん' });
    await ctx.deps.db
      .insertInto('pairing')
      .values({
        id: 'p1',
        requester_member_id: f.member.id,
        helper_member_id: paired.member.id,
        created_at: '2026-04-01T00:00:00.000Z',
      })
      .execute();
    const near = await Promise.all(
      [1, 2].map(() => createEligibleHelper(ctx.deps, { area: 'kita' })),
    );
    const far = await Promise.all(
      [1, 2].map(() => createEligibleHelper(ctx.deps, { area: 'minami' })),
    );
    const ranked = (await (await staff.get(`/api/v1/requests/${id}/candidates`)).json()) as {
      items: { helperId: string }[];
    };
    const top3 = ranked.items.slice(0, 3).map((x) => x.helperId);
    expect(top3[0]).toBe(paired.member.id);
    expect(top3.slice(1).sort()).toEqual(near.map((h) => h.member.id).sort());

    const res = await postForm(staff, `/coordination/requests/${id}/offer-top`, [
      ['next', '/board?days=7'],
    ]);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/board?days=7');
    const offers = await offersOf(id);
    expect(offers.map((o) => o.helper_member_id).sort()).toEqual([...top3].sort());
    expect(offers.every((o) => o.status === 'offered')).toBe(true);
    expect((await statusOf(id)).status).toBe('offered');
    expect(await (await staff.get('/board')).text()).toContain('3人に紹介しました');

    // The next click moves on to the candidates not asked yet.
    const again = await postForm(staff, `/coordination/requests/${id}/offer-top`, [
      ['next', '/board'],
    ]);
    expect(again.status).toBe(303);
    expect((await offersOf(id)).map((o) => o.helper_member_id).sort()).toEqual(
      [...top3, ...far.map((h) => h.member.id)].sort(),
    );
  });
  it('counts candidates for a whole page exactly as findCandidates ranks each request', async () => {
    const kita = await family({ area: 'kita' });
    const chuo = await family({ area: 'chuo' });
    const both = await createMember(ctx.deps, { kind: 'both', area: 'kita' });
    const bothChild = await createChild(ctx.deps, both.member.id);
    const helpers = [
      await createEligibleHelper(ctx.deps, { area: 'kita' }),
      await createEligibleHelper(ctx.deps, { area: 'chuo' }),
      await createEligibleHelper(ctx.deps, { area: 'minami', sickChild: true }),
      // Wednesdays only, mornings.
      await createEligibleHelper(ctx.deps, {
        slots: [{ weekday: 3, start: '08:00', end: '12:00' }],
      }),
    ];
    // Available and otherwise fine, but not (fully) qualified: only the qualifications exclude them.
    helpers.push(await createEligibleHelper(ctx.deps, { area: 'nishi' }));
    const untrained = await createMember(ctx.deps, { kind: 'helper', name: '講習中' });
    for (let weekday = 1; weekday <= 7; weekday++)
      await ctx.deps.db
        .insertInto('availability_slot')
        .values({
          id: `slot-${weekday}`,
          member_id: untrained.member.id,
          weekday,
          start_time: '07:00',
          end_time: '21:00',
        })
        .execute();
    await ctx.deps.db
      .updateTable('member')
      .set({ helper_child_age_max_months: 24, helper_categories: '[1, 8]' })
      .where('id', '=', helpers[1]!.member.id)
      .execute();
    await ctx.deps.db
      .insertInto('availability_exception')
      .values({
        id: 'ex1',
        member_id: helpers[0]!.member.id,
        date: '2026-11-26',
        start_time: '12:00',
        end_time: '18:00',
        note: null,
        created_at: '2026-11-01T00:00:00.000Z',
      })
      .execute();
    await ctx.deps.db
      .insertInto('pairing')
      .values({
        id: 'p1',
        requester_member_id: chuo.member.id,
        helper_member_id: helpers[2]!.member.id,
        created_at: '2026-04-01T00:00:00.000Z',
      })
      .execute();
    await ctx.deps.db
      .insertInto('blocked_helper')
      .values({
        requester_member_id: kita.member.id,
        helper_member_id: helpers[1]!.member.id,
        reason: null,
        created_at: '2026-04-01T00:00:00.000Z',
      })
      .execute();
    const ids = [
      await newRequest(kita, at('2026-11-25', '09:00', '11:00')),
      await newRequest(kita, at('2026-11-26', '13:00', '15:00'), 10),
      await newRequest(chuo, at('2026-11-25', '10:00', '12:00'), 1),
      await newRequest(chuo, at('2026-11-26', '14:00', '16:00')),
    ];
    const bothRes = await staff.json('POST', '/api/v1/requests', {
      requesterId: both.member.id,
      childIds: [bothChild.id],
      category: 8,
      ...at('2026-11-27', '13:00', '15:00'),
    });
    ids.push(((await bothRes.json()) as { request: { id: string } }).request.id);
    // helpers[0] is booked on Wednesday morning by another family.
    const other = await family();
    const busyId = await newRequest(other, at('2026-11-25', '08:30', '09:30'));
    await staff.json('POST', `/api/v1/requests/${busyId}/assign`, {
      helperId: helpers[0]!.member.id,
    });

    const rows = await Promise.all(
      ids.map(async (id) => (await findRequestById(ctx.deps.db, id))!),
    );
    const batch = await rankRequests(ctx.deps, rows);
    const codes = new Set<string>();
    const onlyReason = new Set<string>();
    let paired = false;
    for (const row of rows) {
      const one = await findCandidates(ctx.deps, row);
      expect(batch.get(row.id)!.candidates).toEqual(one.candidates);
      for (const e of one.excluded) for (const r of e.reasons) codes.add(r.code);
      for (const e of one.excluded) if (e.reasons.length === 1) onlyReason.add(e.reasons[0]!.code);
      paired ||= one.candidates.some((c) => c.paired);
    }
    // The fixture does exercise the filters and the score.
    for (const code of [
      'not_qualified',
      'unavailable',
      'exception_that_day',
      'already_assigned',
      'blocked_by_family',
      'no_sick_child_qualification',
      'child_age_outside_preference',
    ])
      expect(codes, code).toContain(code);
    expect(paired).toBe(true);
    // Helpers out for their qualifications alone: the second pass must drop them too.
    expect(onlyReason).toContain('not_qualified');
    expect(onlyReason).toContain('no_sick_child_qualification');
  });
});

describe('the request page', () => {
  it('lists candidates with translated reasons and 継続, and every excluded helper with why', async () => {
    const f = await family({ area: 'kita' });
    const id = await newRequest(f);
    await createEligibleHelper(ctx.deps, { area: 'kita', name: '北野 良子' });
    const paired = await createEligibleHelper(ctx.deps, { area: 'minami', name: '南田 継子' });
    await ctx.deps.db
      .insertInto('pairing')
      .values({
        id: 'p1',
        requester_member_id: f.member.id,
        helper_member_id: paired.member.id,
        created_at: '2026-04-01T00:00:00.000Z',
      })
      .execute();
    await createMember(ctx.deps, { kind: 'helper', name: '講習中 未子' });
    const away = await createEligibleHelper(ctx.deps, { name: '留守 多恵' });
    await ctx.deps.db
      .insertInto('availability_exception')
      .values({
        id: 'ex1',
        member_id: away.member.id,
        date: '2026-11-25',
        start_time: null,
        end_time: null,
        note: null,
        created_at: '2026-11-01T00:00:00.000Z',
      })
      .execute();

    const res = await staff.get(`/coordination/requests/${id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const candidates = section(html, 'candidates-title');
    expect(candidates).toContain('候補の提供会員（2人）');
    // The paired helper ranks first despite the other area.
    expect(candidates.indexOf('南田 継子')).toBeLessThan(candidates.indexOf('北野 良子'));
    expect(candidates).toContain('継続');
    expect(candidates).toContain('このご家庭を担当したことがある');
    expect(candidates).toContain('同じ地区（北地区）');
    expect(candidates).toContain('別の地区');
    expect(candidates).toContain('どの活動も可');
    expect(candidates).toContain('直近90日の活動 0回');
    expect(candidates).toContain('選んだ人に紹介する');
    expect(candidates).toContain('電話で了承済み：この人に決定');
    // Two candidates: the quick offer says two, not three (#17).
    expect(candidates).toContain('上位2人に紹介');
    expect(candidates).not.toContain('上位3人に紹介');

    const excluded = html.slice(html.indexOf('class="disclosure coord-excluded"'));
    expect(excluded).toContain('<summary>対象外の提供会員（2人）</summary>');
    expect(excluded).toMatch(/講習中 未子さん<\/a>：[^<]*講習が未修了または期限切れ/);
    expect(excluded).toMatch(/留守 多恵さん<\/a>：[^<]*11月25日\(水\)は都合が悪い日/);
  });

  it('offers the request to the selected helpers from the form, then shows those offers', async () => {
    const f = await family();
    const id = await newRequest(f);
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => createEligibleHelper(ctx.deps)));
    const res = await postForm(staff, `/coordination/requests/${id}/offers`, [
      ['helperIds', a!.member.id],
      ['helperIds', c!.member.id],
    ]);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/coordination/requests/${id}`);
    const offers = await offersOf(id);
    expect(offers.map((o) => o.helper_member_id).sort()).toEqual(
      [a!.member.id, c!.member.id].sort(),
    );
    expect((await statusOf(id)).status).toBe('offered');

    const html = await (await staff.get(`/coordination/requests/${id}`)).text();
    expect(html).toContain('2人に紹介しました');
    const offersTable = section(html, 'offers-title');
    expect(offersTable.match(/回答待ち/g)).toHaveLength(2);
    // Already-offered helpers cannot be ticked again; the third still can.
    expect(html).toMatch(new RegExp(`value="${a!.member.id}"[^>]*disabled`));
    expect(html).not.toMatch(new RegExp(`value="${b!.member.id}"[^>]*disabled`));

    const none = await postForm(staff, `/coordination/requests/${id}/offers`, []);
    expect(none.status).toBe(422);
    expect(await none.text()).toContain('紹介する提供会員を1人以上選んでください。');
  });

  it('refuses an excluded helper posted by hand with a 422 page, writing nothing', async () => {
    const f = await family();
    const id = await newRequest(f);
    const good = await createEligibleHelper(ctx.deps);
    const untrained = await createMember(ctx.deps, { kind: 'helper', name: '講習中 未子' });
    const auditBefore = await ctx.deps.db.selectFrom('audit_log').select('id').execute();

    const res = await postForm(staff, `/coordination/requests/${id}/offers`, [
      ['helperIds', good.member.id],
      ['helperIds', untrained.member.id],
    ]);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('この提供会員は、講習の修了状況により紹介できません。');
    expect(html).toContain('role="alert"');
    // The ticks survive, so the adviser only untick the one that failed.
    expect(html).toMatch(new RegExp(`value="${good.member.id}"[^>]*checked`));
    expect(await offersOf(id)).toEqual([]);
    expect((await statusOf(id)).status).toBe('open');
    expect(await ctx.deps.db.selectFrom('audit_log').select('id').execute()).toHaveLength(
      auditBefore.length,
    );

    // Nor can a helper be assigned directly, and the requester herself is never a candidate.
    const assign = await postForm(staff, `/coordination/requests/${id}/assign`, [
      ['helperId', untrained.member.id],
    ]);
    expect(assign.status).toBe(422);
    const both = await createMember(ctx.deps, { kind: 'both' });
    await createChild(ctx.deps, both.member.id);
    const ownChild = (
      await ctx.deps.db
        .selectFrom('child')
        .select('id')
        .where('member_id', '=', both.member.id)
        .executeTakeFirstOrThrow()
    ).id;
    const ownRes = await staff.json('POST', '/api/v1/requests', {
      requesterId: both.member.id,
      childIds: [ownChild],
      category: 8,
      ...at('2026-11-26', '13:00', '15:00'),
    });
    const ownId = ((await ownRes.json()) as { request: { id: string } }).request.id;
    const self = await postForm(staff, `/coordination/requests/${ownId}/offers`, [
      ['helperIds', both.member.id],
    ]);
    expect(self.status).toBe(422);
    expect(await offersOf(ownId)).toEqual([]);
  });

  it('assigns directly when a helper agreed by phone, then records the pre-meeting and the notice goes', async () => {
    const f = await family();
    const id = await newRequest(f);
    const h = await createEligibleHelper(ctx.deps, { name: '鈴木 恵子' });
    const res = await postForm(staff, `/coordination/requests/${id}/assign`, [
      ['helperId', h.member.id],
    ]);
    expect(res.status).toBe(303);
    expect(await statusOf(id)).toEqual({ status: 'matched', helper_member_id: h.member.id });

    let html = await (await staff.get(`/coordination/requests/${id}`)).text();
    expect(html).toContain('鈴木 恵子さんに決定しました。');
    expect(html).toContain('id="pre-meeting-required"');
    expect(html).not.toContain('候補の提供会員');

    const invalid = await postForm(staff, `/coordination/requests/${id}/pre-meeting`, [
      ['heldOn', '2026-11-20'],
      ['place', ''],
      ['attendees', '依頼会員、提供会員'],
      ['emergencyProcedure', ''],
    ]);
    expect(invalid.status).toBe(422);
    const invalidHtml = await invalid.text();
    expect(invalidHtml).toContain('入力してください。');
    expect(invalidHtml).toContain('value="依頼会員、提供会員"');
    expect(await ctx.deps.db.selectFrom('pre_meeting').select('id').execute()).toEqual([]);

    const ok = await postForm(staff, `/coordination/requests/${id}/pre-meeting`, [
      ['heldOn', '2026-11-20'],
      ['place', 'センター相談室'],
      ['attendees', '依頼会員、お子さん、提供会員、アドバイザー'],
      ['emergencyProcedure', '発熱時は母の携帯へ。つながらなければ父の職場へ。'],
      ['agreedDetails', 'おやつは持参'],
      ['notes', ''],
    ]);
    expect(ok.status).toBe(303);
    const rows = await ctx.deps.db.selectFrom('pre_meeting').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      requester_member_id: f.member.id,
      helper_member_id: h.member.id,
      fiscal_year: 2026,
      place: 'センター相談室',
      agreed_details: 'おやつは持参',
      notes: null,
    });
    html = await (await staff.get(`/coordination/requests/${id}`)).text();
    expect(html).not.toContain('id="pre-meeting-required"');
    expect(html).toContain('事前打ち合わせ済みです');

    const list = await (await staff.get('/coordination/pre-meetings')).text();
    expect(section(list, 'recorded-title')).toContain(`href="/coordination/requests/${id}"`);
    expect(section(list, 'needed-title')).not.toContain(f.member.name);

    // A later offer on the matched request is a 409 with the rule in words.
    const late = await postForm(staff, `/coordination/requests/${id}/offers`, [
      ['helperIds', h.member.id],
    ]);
    expect(late.status).toBe(409);
    expect(await late.text()).toContain('ほかの提供会員さんがすでに引き受けました');
  });

  it('offering again tells only the helpers who did not already hold an offer', async () => {
    const f = await family();
    const id = await newRequest(f);
    const [a, b] = await Promise.all([1, 2].map(() => createEligibleHelper(ctx.deps)));
    const first = await staff.json('POST', `/api/v1/requests/${id}/offers`, {
      helperIds: [a!.member.id],
    });
    expect(first.status).toBe(201);
    const again = await staff.json('POST', `/api/v1/requests/${id}/offers`, {
      helperIds: [a!.member.id, b!.member.id],
    });
    expect(again.status).toBe(201);
    const received = async (userId: string) =>
      (
        await ctx.deps.db
          .selectFrom('notification')
          .select('id')
          .where('user_id', '=', userId)
          .where('kind', '=', 'offer_received')
          .execute()
      ).length;
    expect(await received(a!.user.id)).toBe(1);
    expect(await received(b!.user.id)).toBe(1);
  });

  it('two advisers assigning different helpers at once: one wins, the loser leaves no offer behind', async () => {
    const f = await family();
    const id = await newRequest(f);
    const [a, b] = await Promise.all([1, 2].map(() => createEligibleHelper(ctx.deps)));
    const results = await Promise.all(
      [a!, b!].map((h) =>
        staff.json('POST', `/api/v1/requests/${id}/assign`, { helperId: h.member.id }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const offers = await offersOf(id);
    expect(offers).toHaveLength(1);
    expect(offers[0]!.status).toBe('accepted');
    expect((await statusOf(id)).helper_member_id).toBe(offers[0]!.helper_member_id);
  });

  it('staff cancel with a reason; the request shows as cancelled', async () => {
    const f = await family();
    const id = await newRequest(f);
    const missing = await postForm(staff, `/coordination/requests/${id}/cancel`, [['reason', '']]);
    expect(missing.status).toBe(422);
    const res = await postForm(staff, `/coordination/requests/${id}/cancel`, [
      ['reason', '祖母が見てくれることになった'],
      ['kind', 'cancel'],
    ]);
    expect(res.status).toBe(303);
    expect((await statusOf(id)).status).toBe('cancelled');
    const html = await (await staff.get(`/coordination/requests/${id}`)).text();
    expect(html).toContain('祖母が見てくれることになった');
    expect(html).not.toContain('候補の提供会員');
  });
});

describe('phone intake', () => {
  it('finds the member, shows her children and creates the request for her', async () => {
    const f = await family({ name: '電話 かけ子' });
    const search = await (
      await staff.get(`/coordination/requests/new?q=${encodeURIComponent('電話')}`)
    ).text();
    expect(search).toContain('電話 かけ子');
    expect(search).toContain(`/coordination/requests/new?member=${f.member.id}`);

    const form = await (await staff.get(`/coordination/requests/new?member=${f.member.id}`)).text();
    expect(form).toContain(`value="${f.child.id}"`);
    expect(form).toContain('電話 かけ子さん');

    // Today at 15:00: past the parents' lead time, fine for staff.
    const fields: [string, string][] = [
      ['requesterId', f.member.id],
      ['childIds', f.child.id],
      ['category', '6'],
      ['date', '2026-11-21'],
      ['start', '15:00'],
      ['end', '17:00'],
      ['careLocation', 'requester_home'],
      ['pickup', 'みどり保育園'],
      ['notes', '母が通院のため'],
      ['repeatShown', '1'],
      ['skipHolidays', '1'],
    ];
    const res = await postForm(staff, '/coordination/requests/new', fields);
    expect(res.status).toBe(303);
    const created = await ctx.deps.db
      .selectFrom('care_request')
      .selectAll()
      .where('requester_member_id', '=', f.member.id)
      .execute();
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      category: 6,
      starts_at: '2026-11-21T06:00:00.000Z',
      care_location: 'requester_home',
      pickup: 'みどり保育園',
      status: 'open',
    });
    expect(res.headers.get('location')).toBe(`/coordination/requests/${created[0]!.id}`);

    // A rule breach re-renders the form with its message and the values.
    const late = await postForm(
      staff,
      '/coordination/requests/new',
      fields.map(([k, v]): [string, string] =>
        k === 'start'
          ? [k, '21:00']
          : k === 'end'
            ? [k, '23:00']
            : k === 'date'
              ? [k, '2026-11-28']
              : [k, v],
      ),
    );
    expect(late.status).toBe(422);
    const lateHtml = await late.text();
    expect(lateHtml).toContain('援助活動は、同じ日の6時から22時までの間でお願いします。');
    expect(lateHtml).toContain('value="みどり保育園"');
  });

  it('asks for the children and a valid time next to the fields', async () => {
    const f = await family();
    const res = await postForm(staff, '/coordination/requests/new', [
      ['requesterId', f.member.id],
      ['category', '8'],
      ['date', '2026-11-28'],
      ['start', '9時'],
      ['end', '12:00'],
    ]);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('時刻を「09:30」の形で入力してください。');
    const noChild = await postForm(staff, '/coordination/requests/new', [
      ['requesterId', f.member.id],
      ['category', '8'],
      ['date', '2026-11-28'],
      ['start', '09:00'],
      ['end', '12:00'],
    ]);
    expect(noChild.status).toBe(422);
    expect(await noChild.text()).toContain('お子さんを1人以上選んでください。');
    expect(await ctx.deps.db.selectFrom('care_request').select('id').execute()).toEqual([]);
  });
});

describe('access', () => {
  it('answers 403 to members on every staff page and action', async () => {
    const f = await family();
    const id = await newRequest(f);
    const helper = await createEligibleHelper(ctx.deps);
    for (const user of [f.user, helper.user]) {
      const member = await TestClient.signedInAs(ctx, user);
      for (const path of [
        '/board',
        `/coordination/requests/${id}`,
        '/coordination/requests/new',
        `/coordination/requests/new?member=${f.member.id}`,
        '/coordination/pre-meetings',
      ]) {
        expect((await member.get(path)).status, path).toBe(403);
      }
      for (const [path, fields] of [
        [`/coordination/requests/${id}/offers`, [['helperIds', helper.member.id]]],
        [`/coordination/requests/${id}/offer-top`, []],
        [`/coordination/requests/${id}/assign`, [['helperId', helper.member.id]]],
        [`/coordination/requests/${id}/cancel`, [['reason', 'x']]],
        [`/coordination/requests/${id}/pre-meeting`, []],
        ['/coordination/requests/new', [['requesterId', f.member.id]]],
      ] as [string, [string, string][]][]) {
        expect((await postForm(member, path, fields)).status, path).toBe(403);
      }
    }
    expect(await offersOf(id)).toEqual([]);
    expect((await statusOf(id)).status).toBe('open');
  });

  it('shows staff the board in the menu and on the home page', async () => {
    const html = await (await staff.get('/')).text();
    expect(html).toContain('href="/board"');
    expect(html).toContain('href="/coordination/requests/new"');
  });
});
