import { beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/ids.js';
import { DEFAULT_ELIGIBILITY } from '../../src/modules/settings/settings.schemas.js';
import { updateCenterSettings } from '../../src/modules/settings/settings.service.js';
import { createChild, createMember, type MemberOptions } from '../helpers/factories.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

let ctx: TestContext;
let staff: TestClient;
let staffUserId: string;
/** Moves the clock and signs staff in again (a session does not survive weeks of idleness). */
async function moveClockTo(instant: string) {
  ctx.clock.set(instant);
  staff = await TestClient.signedInAs(ctx, { id: staffUserId, role: 'staff' });
}
beforeEach(async () => {
  ctx = await setupTestApp(); // Saturday 2026-11-21 10:00 JST, fiscal year 2026
  const user = await createUser(ctx.deps, { role: 'staff' });
  staffUserId = user.id;
  staff = await TestClient.signedInAs(ctx, user);
});

/** A member with the name, kana, phone and number a test needs. */
async function member(
  options: MemberOptions & { kana?: string; phone?: string; memberNo?: number | null } = {},
) {
  const created = await createMember(ctx.deps, options);
  const set: Record<string, unknown> = {};
  if (options.kana) set.name_kana = options.kana;
  if (options.phone) set.phone = options.phone;
  if (options.memberNo !== undefined) set.member_no = options.memberNo;
  if (Object.keys(set).length)
    await ctx.deps.db.updateTable('member').set(set).where('id', '=', created.member.id).execute();
  return created;
}

const text = async (res: Response) => res.text();
const auditRows = (action: string) =>
  ctx.deps.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();
const memberRow = (id: string) =>
  ctx.deps.db.selectFrom('member').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
/** The member links of the directory's results table, in order. */
const listedIds = (html: string) =>
  [...html.matchAll(/<a href="\/members\/([0-9a-f-]{36})">/g)].map((m) => m[1]);

describe('member directory', () => {
  it('finds members by kana (also typed in hiragana), member number and phone', async () => {
    const tanaka = await member({
      name: '田中 さくら',
      kana: 'タナカ サクラ',
      phone: '090-1111-2222',
      memberNo: 12,
    });
    const sato = await member({
      name: '佐藤 花子',
      kana: 'サトウ ハナコ',
      phone: '080-3333-4444',
      memberNo: 345,
    });

    const byKana = await text(await staff.get('/members?q=' + encodeURIComponent('たなか')));
    expect(listedIds(byKana)).toEqual([tanaka.member.id]);
    expect(byKana).toContain('田中 さくら');
    expect(byKana).toContain('タナカ サクラ');

    const byNumber = await text(await staff.get('/members?q=00345'));
    expect(listedIds(byNumber)).toEqual([sato.member.id]);

    const byPhone = await text(await staff.get('/members?q=09011112222'));
    expect(listedIds(byPhone)).toEqual([tanaka.member.id]);

    const byName = await text(await staff.get('/members?q=' + encodeURIComponent('佐藤')));
    expect(listedIds(byName)).toEqual([sato.member.id]);

    const none = await staff.get('/members?q=' + encodeURIComponent('存在しない'));
    expect(none.status).toBe(200);
    expect(await none.text()).toContain('条件に合う会員はいません');
  });

  it('filters by kind, status and area, shows status badges in words and the kind label', async () => {
    const helper = await member({ kind: 'helper', helperStatus: 'applied', area: 'kita' });
    const requester = await member({ kind: 'requester', area: 'kita' });
    const both = await member({ kind: 'both', area: 'chuo', helperStatus: 'suspended' });

    const helpers = await text(await staff.get('/members?kind=helper'));
    expect(listedIds(helpers).sort()).toEqual([helper.member.id, both.member.id].sort());

    const appliedHelpers = await text(await staff.get('/members?kind=helper&status=applied'));
    expect(listedIds(appliedHelpers)).toEqual([helper.member.id]);
    expect(appliedHelpers).toContain('提供会員：承認待ち');

    const kita = await text(await staff.get('/members?area=kita'));
    expect(listedIds(kita).sort()).toEqual([helper.member.id, requester.member.id].sort());
    expect(kita).toContain('北地区');

    const suspended = await text(await staff.get('/members?status=suspended'));
    expect(listedIds(suspended)).toEqual([both.member.id]);
    expect(suspended).toContain('依頼会員：有効');
    expect(suspended).toContain('提供会員：停止中');
    expect(suspended).toContain('両方会員');
    // The CSV link carries the same filter.
    expect(suspended).toContain('href="/members.csv?status=suspended"');

    // Unknown filter values are ignored rather than failing the page.
    const odd = await staff.get('/members?kind=boss&status=x&area=atlantis&page=-3');
    expect(odd.status).toBe(200);
    expect(listedIds(await odd.text())).toHaveLength(3);
  });

  it('pages through the results, 50 at a time, with page links and a count', async () => {
    for (let i = 0; i < 53; i++) await member({ kana: `カイイン ${String(i).padStart(2, '0')}` });
    const first = await text(await staff.get('/members'));
    expect(listedIds(first)).toHaveLength(50);
    expect(first).toContain('53件中 1〜50件目');
    expect(first).toContain('href="/members?page=2"');
    expect(first).toMatch(/aria-current="page"[^>]*>1</);

    const second = await text(await staff.get('/members?page=2'));
    expect(listedIds(second)).toHaveLength(3);
    expect(second).toContain('53件中 51〜53件目');
    expect(new Set([...listedIds(first), ...listedIds(second)]).size).toBe(53);
  });

  it('is for staff only: members get 403, visitors are sent to sign in', async () => {
    const { user } = await member();
    const client = await TestClient.signedInAs(ctx, user);
    expect((await client.get('/members')).status).toBe(403);
    expect((await client.get('/members.csv')).status).toBe(403);
    expect((await client.get('/orientations')).status).toBe(403);
    expect((await client.get('/renewals')).status).toBe(403);
    const other = await member();
    expect((await client.get(`/members/${other.member.id}`)).status).toBe(403);
    const anonymous = await new TestClient(ctx).get('/members');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/login?next=%2Fmembers');
  });
});

describe('CSV export', () => {
  it('opens in Excel: BOM, Japanese headers, CRLF, formula cells neutralised; no health data; audited', async () => {
    const risky = await member({
      name: '=HYPERLINK("http://evil.example")',
      kana: 'アク',
      memberNo: 7,
    });
    await createChild(ctx.deps, risky.member.id, { allergies: 'ピーナッツ' });
    await member({ name: '山田 太郎', kana: 'ヤマダ タロウ', kind: 'helper', area: 'kita' });

    const res = await staff.get('/members.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="members-20261121.csv"',
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes.slice(3));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      '会員番号,氏名,フリガナ,会員種別,依頼会員の状態,提供会員の状態,地区,電話番号,メールアドレス,登録日',
    );
    expect(lines).toHaveLength(4); // header, two members, final empty string after CRLF
    expect(csv).toContain(
      `00007,"'=HYPERLINK(""http://evil.example"")",アク,依頼会員,有効,,中央地区`,
    );
    expect(csv).toContain('ヤマダ タロウ,提供会員,,有効,北地区,090-1234-5678');
    expect(csv).toContain(',2026-11-21');
    expect(csv).not.toContain('ピーナッツ');
    expect(csv).not.toContain('喘息');

    const audit = await auditRows('members_exported');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_user_id).toBe(staffUserId);
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({ count: 2, filter: {} });
  });

  it('uses the same filters, English headers for English speakers, and logs the filter', async () => {
    await member({ kind: 'helper', area: 'kita', kana: 'キタ' });
    await member({ kind: 'requester', area: 'chuo' });
    const res = await staff.get('/members.csv?area=kita', { 'accept-language': 'en-US,en;q=0.9' });
    const csv = (await res.text()).replace(/^\uFEFF/, '');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'Member no.,Name,Name (kana),Member type,Requester status,Helper status,Area,Phone,Email,Registered on',
    );
    expect(lines[1]).toContain(',Helper,,Active,Kita,');
    expect(lines).toHaveLength(3);
    const [audit] = await auditRows('members_exported');
    expect(JSON.parse(audit!.details!)).toMatchObject({ filter: { area: 'kita' }, count: 1 });
  });
});

describe('member page', () => {
  it('shows the children with their health details, writing one audit row per child per view', async () => {
    const { member: m } = await member({ name: '鈴木 恵', kana: 'スズキ メグミ' });
    const a = await createChild(ctx.deps, m.id, { name: '鈴木 はると', allergies: '卵・乳' });
    const b = await createChild(ctx.deps, m.id, { name: '鈴木 ゆい', birthDate: '2023-02-01' });
    await ctx.deps.db
      .insertInto('emergency_contact')
      .values({
        id: newId(),
        member_id: m.id,
        name: '鈴木 一郎',
        relation: '夫',
        phone: '090-5555-6666',
        created_at: '2026-01-01T00:00:00.000Z',
      })
      .execute();
    await ctx.deps.db
      .insertInto('authorized_pickup')
      .values({
        id: newId(),
        member_id: m.id,
        name: '高橋 和子',
        relation: '祖母',
        phone: '042-111-2222',
        created_at: '2026-01-01T00:00:00.000Z',
      })
      .execute();

    const res = await staff.get(`/members/${m.id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const s of [
      '鈴木 はると',
      '卵・乳',
      '喘息の既往あり',
      'みどり小児科',
      '鈴木 一郎',
      '高橋 和子',
      'この画面の表示は記録されています',
    ])
      expect(html).toContain(s);

    let reads = await auditRows('child_health_read');
    expect(reads.map((r) => r.subject_id).sort()).toEqual([a.id, b.id].sort());
    expect(reads.every((r) => r.actor_user_id === staffUserId)).toBe(true);
    await staff.get(`/members/${m.id}`);
    reads = await auditRows('child_health_read');
    expect(reads).toHaveLength(4);
  });

  it('answers 404 for an unknown member and leaves /members/new to its own page', async () => {
    expect((await staff.get(`/members/${newId()}`)).status).toBe(404);
    expect((await staff.get('/members/not-an-id')).status).toBe(404);
  });

  it('refuses to approve a requester who has not attended an orientation (422, nothing changes)', async () => {
    const { member: m } = await member({ requesterStatus: 'applied' });
    const page = await text(await staff.get(`/members/${m.id}`));
    expect(page).toContain('依頼会員として承認するには、会員説明会への出席が必要です。');

    const res = await staff.form(`/members/${m.id}/approve`, { side: 'requester' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain(
      '依頼会員として承認するには、会員説明会への出席が必要です。',
    );
    const row = await memberRow(m.id);
    expect(row.requester_status).toBe('applied');
    expect(row.member_no).toBeNull();
    expect(await auditRows('member_approved')).toHaveLength(0);
  });

  it('after attendance, approval assigns the member number; the card shows it', async () => {
    const { member: m } = await member({ requesterStatus: 'applied', name: '田中 さくら' });
    const scheduled = await staff.form('/orientations', {
      date: '2026-12-05',
      startTime: '10:00',
      endTime: '11:30',
      venue: 'みどり市子育て支援センター',
      capacity: '10',
      notes: '',
    });
    expect(scheduled.status).toBe(303);
    const { id: sessionId } = await ctx.deps.db
      .selectFrom('orientation')
      .select('id')
      .executeTakeFirstOrThrow();

    // Signed up from the member page, attended on the day.
    const signUp = await staff.form(`/members/${m.id}/orientation`, { orientationId: sessionId });
    expect(signUp.status).toBe(303);
    await moveClockTo('2026-12-05T02:00:00.000Z');
    const attendance = await staff.form(`/orientations/${sessionId}/attendance`, {
      attended: m.id,
      walkIns: '',
    });
    expect(attendance.status).toBe(303);

    const approved = await staff.form(`/members/${m.id}/approve`, { side: 'requester' });
    expect(approved.status).toBe(303);
    expect(approved.headers.get('location')).toBe(`/members/${m.id}`);
    const row = await memberRow(m.id);
    expect(row.requester_status).toBe('active');
    expect(row.member_no).toBe(1);
    const page = await text(await staff.get(`/members/${m.id}`));
    expect(page).toContain('田中 さくらさんを承認しました（会員番号 00001）。');
    expect(page).toContain('承認待ち → 有効');
    expect(await auditRows('member_approved')).toHaveLength(1);

    const card = await staff.get(`/members/${m.id}/card`);
    expect(card.status).toBe(200);
    const cardHtml = await card.text();
    expect(cardHtml).toContain('会員証');
    expect(cardHtml).toContain('00001');
    expect(cardHtml).toContain('田中 さくら');
    expect(cardHtml).toContain('依頼会員');
    expect(cardHtml).toContain('中央地区');
    expect(cardHtml).toContain('2026年12月5日');
    expect(cardHtml).toContain('みどり市ファミリー・サポート・センター');
  });

  it('a member without a number has no card yet', async () => {
    const { member: m } = await member({ requesterStatus: 'applied' });
    await ctx.deps.db
      .updateTable('member')
      .set({ member_no: null })
      .where('id', '=', m.id)
      .execute();
    const html = await text(await staff.get(`/members/${m.id}/card`));
    expect(html).toContain('会員番号は、承認されると発行されます');
  });

  it('suspension needs a reason; the reason shows in the history; reactivation restores the side', async () => {
    const { member: m } = await member({ kind: 'both' });
    const missing = await staff.form(`/members/${m.id}/suspend`, { side: 'helper', reason: '  ' });
    expect(missing.status).toBe(422);
    const html = await missing.text();
    expect(html).toContain('入力してください。');
    expect(html).toMatch(/<details class="disclosure" open/);
    expect((await memberRow(m.id)).helper_status).toBe('active');

    const ok = await staff.form(`/members/${m.id}/suspend`, {
      side: 'helper',
      reason: '活動中の事故について確認中',
    });
    expect(ok.status).toBe(303);
    const row = await memberRow(m.id);
    expect(row.helper_status).toBe('suspended');
    expect(row.requester_status).toBe('active');
    const page = await text(await staff.get(`/members/${m.id}`));
    expect(page).toContain('提供会員：停止中');
    expect(page).toContain('活動中の事故について確認中');
    expect(page).toContain('有効 → 停止中');

    // Suspending again is a stale action: the page says so instead of failing silently.
    const again = await staff.form(`/members/${m.id}/suspend`, { side: 'helper', reason: 'x' });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('この会員の状態では、その操作はできません。');

    expect((await staff.form(`/members/${m.id}/reactivate`, { side: 'helper' })).status).toBe(303);
    expect((await memberRow(m.id)).helper_status).toBe('active');
    const events = await ctx.deps.db
      .selectFrom('member_status_event')
      .select(['to_status', 'reason', 'actor_user_id'])
      .where('member_id', '=', m.id)
      .orderBy('at')
      .execute();
    expect(events).toEqual([
      { to_status: 'suspended', reason: '活動中の事故について確認中', actor_user_id: staffUserId },
      { to_status: 'active', reason: null, actor_user_id: staffUserId },
    ]);
  });

  it('withdrawal asks for confirmation, then ends the membership', async () => {
    const { member: m } = await member();
    const unconfirmed = await staff.form(`/members/${m.id}/withdraw`, { reason: '転居' });
    expect(unconfirmed.status).toBe(422);
    expect(await unconfirmed.text()).toContain('確認のチェックを入れてください。');
    expect((await memberRow(m.id)).withdrawn_at).toBeNull();

    const done = await staff.form(`/members/${m.id}/withdraw`, { reason: '転居', confirm: 'yes' });
    expect(done.status).toBe(303);
    const row = await memberRow(m.id);
    expect(row.withdrawn_at).not.toBeNull();
    expect(row.requester_status).toBe('withdrawn');
    const page = await text(await staff.get(`/members/${m.id}`));
    expect(page).toContain('退会理由：転居');
    expect(page).not.toContain(`/members/${m.id}/withdraw`);
    expect((await staff.get(`/members/${m.id}/card`)).status).toBe(404);
  });
});

describe('orientation pages', () => {
  const valid = {
    date: '2026-12-12',
    startTime: '10:00',
    endTime: '11:30',
    venue: '中央公民館 第1会議室',
    capacity: '８',
    notes: '筆記用具をお持ちください',
  };

  it('the schedule form re-renders with field messages, and saves a valid session', async () => {
    const bad = await staff.form('/orientations', {
      ...valid,
      date: '2026-02-30',
      endTime: '09:00',
      venue: '',
      capacity: 'たくさん',
    });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('正しい日付を入力してください');
    expect(html).toContain('1から500までの数字で入力してください。');
    expect(html).toContain('value="09:00"');
    expect(html).toContain('入力してください。');
    const endBeforeStart = await staff.form('/orientations', { ...valid, endTime: '09:00' });
    expect(endBeforeStart.status).toBe(422);
    expect(await endBeforeStart.text()).toContain('終了は開始より後にしてください。');
    expect(await ctx.deps.db.selectFrom('orientation').select('id').execute()).toHaveLength(0);

    const ok = await staff.form('/orientations', { ...valid, startTime: '9:30' });
    expect(ok.status).toBe(303);
    const row = await ctx.deps.db.selectFrom('orientation').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      starts_at: '2026-12-12T00:30:00.000Z',
      ends_at: '2026-12-12T02:30:00.000Z',
      capacity: 8,
      venue: '中央公民館 第1会議室',
      notes: '筆記用具をお持ちください',
    });
    const list = await text(await staff.get('/orientations'));
    expect(list).toContain('2026年12月12日(土) 09:30〜11:30');
    expect(list).toContain('0 / 8名');
  });

  it('the attendance sheet records the whole session: ticked attended, others absent, walk-ins added', async () => {
    await staff.form('/orientations', valid);
    const { id } = await ctx.deps.db
      .selectFrom('orientation')
      .select('id')
      .executeTakeFirstOrThrow();
    const came = await member({
      requesterStatus: 'applied',
      name: '来た 人',
      email: 'came@example.jp',
    });
    const absent = await member({
      requesterStatus: 'applied',
      name: '来ない 人',
      phone: '080-1212-3434',
    });
    const walkIn = await member({
      requesterStatus: 'applied',
      name: '飛び入り 人',
      phone: '070-9999-8888',
    });
    expect(
      (await staff.form(`/orientations/${id}/registrations`, { member: 'came@example.jp' })).status,
    ).toBe(303);
    expect(
      (await staff.form(`/orientations/${id}/registrations`, { member: '080-1212-3434' })).status,
    ).toBe(303);
    const dup = await staff.form(`/orientations/${id}/registrations`, {
      member: 'came@example.jp',
    });
    expect(dup.status).toBe(409);
    expect(await dup.text()).toContain('すでに申し込み済みです');
    const unknown = await staff.form(`/orientations/${id}/registrations`, { member: '99999' });
    expect(unknown.status).toBe(422);

    const before = await text(await staff.get(`/orientations/${id}`));
    expect(before).toContain('来た 人');
    expect(before).toContain('来ない 人');
    expect(before).toContain('未記録');

    await moveClockTo('2026-12-12T01:00:00.000Z');
    const badWalkIn = await staff.form(`/orientations/${id}/attendance`, {
      attended: came.member.id,
      walkIns: '070-0000-0000',
    });
    expect(badWalkIn.status).toBe(422);
    expect(await badWalkIn.text()).toContain(
      '070-0000-0000：この会員番号・電話番号・メールアドレスの会員は見つかりません。',
    );

    const res = await staff.form(`/orientations/${id}/attendance`, {
      attended: came.member.id,
      walkIns: '07099998888',
    });
    expect(res.status).toBe(303);
    const rows = await ctx.deps.db
      .selectFrom('orientation_registration')
      .select(['member_id', 'attended'])
      .where('orientation_id', '=', id)
      .execute();
    expect(Object.fromEntries(rows.map((r) => [r.member_id, r.attended]))).toEqual({
      [came.member.id]: 1,
      [absent.member.id]: 0,
      [walkIn.member.id]: 1,
    });
    const after = await text(await staff.get(`/orientations/${id}`));
    expect(after).toContain('出欠を記録しました（出席 2名）。');
    expect(after).toMatch(new RegExp(`value="${came.member.id}" checked`));
    expect(after).not.toMatch(new RegExp(`value="${absent.member.id}" checked`));
    expect(after).toContain('欠席');
    expect(after).toContain(`/members/${came.member.id}#side-requester`);
    expect(await auditRows('orientation_attendance_recorded')).toHaveLength(1);
  });
});

describe('fiscal-year renewals', () => {
  it('lists requesters whose youngest child leaves elementary school this fiscal year, and lapses them after it ends', async () => {
    // Born 2014-05-01: 6th grade in FY2026, elementary school ends 2027-03-31.
    const agedOut = await member({ name: '卒業 家族', kana: 'ソツギョウ' });
    await createChild(ctx.deps, agedOut.member.id, { name: '長女', birthDate: '2014-05-01' });
    const withYounger = await member({ name: '弟あり 家族', kana: 'オトウトアリ' });
    await createChild(ctx.deps, withYounger.member.id, { name: '兄', birthDate: '2014-05-01' });
    await createChild(ctx.deps, withYounger.member.id, { name: '弟', birthDate: '2019-01-01' });
    // Born 2014-04-01: a year ahead in school, so already past elementary school in FY2026.
    const both = await member({ kind: 'both', name: '両方 家族', kana: 'リョウホウ' });
    await createChild(ctx.deps, both.member.id, { name: '次女', birthDate: '2014-04-01' });

    const page = await staff.get('/renewals');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('年度更新リスト（2026年度）');
    expect(html).toContain('卒業 家族');
    expect(html).toContain('2027年3月31日');
    expect(html).toContain('両方 家族');
    expect(html).not.toContain('弟あり 家族');
    expect(html).toContain('年度末（2027年3月31日(水)）を過ぎてから');

    const early = await staff.form('/renewals/lapse', { fiscalYear: '2026', confirm: 'yes' });
    expect(early.status).toBe(422);
    expect(await early.text()).toContain('この年度はまだ終わっていません。');
    expect((await memberRow(agedOut.member.id)).withdrawn_at).toBeNull();

    // The year before: only the child born on April 1 (a school year ahead) had already left.
    const lastYear = await text(await staff.get('/renewals?fiscalYear=2025'));
    expect(lastYear).toContain('両方 家族');
    expect(lastYear).not.toContain('卒業 家族');

    await moveClockTo('2027-04-01T01:00:00.000Z');
    const lapsed = await staff.form('/renewals/lapse', { fiscalYear: '2026', confirm: 'yes' });
    expect(lapsed.status).toBe(303);
    expect(lapsed.headers.get('location')).toBe('/renewals?fiscalYear=2026');
    const row = await memberRow(agedOut.member.id);
    expect(row.requester_status).toBe('withdrawn');
    expect(row.withdrawal_reason).toBe('aged_out');
    expect((await memberRow(withYounger.member.id)).requester_status).toBe('active');
    // A member who is also a helper is listed for a conversation, not withdrawn.
    expect((await memberRow(both.member.id)).withdrawn_at).toBeNull();
    const after = await text(await staff.get('/renewals?fiscalYear=2026'));
    expect(after).toContain('1名を年度末で退会にしました。');
    expect(after).not.toContain('卒業 家族');
  });

  it('follows the requesterChildUntil setting: a center serving junior-high children lists families only when their youngest leaves junior high', async () => {
    const admin = await createUser(ctx.deps, { role: 'admin' });
    await updateCenterSettings(
      ctx.deps,
      { id: admin.id, email: admin.email, name: admin.name, role: 'admin', locale: null },
      { eligibility: { ...DEFAULT_ELIGIBILITY, requesterChildUntil: 'end_of_junior_high' } },
    );
    // Born 2014-05-01: leaves elementary school 2027-03-31 but stays eligible until 2030-03-31.
    const sixthGrader = await member({ name: '六年生 家族', kana: 'ロクネンセイ' });
    await createChild(ctx.deps, sixthGrader.member.id, { name: '長女', birthDate: '2014-05-01' });
    // Born 2011-05-01: 9th grade in FY2026, junior high ends 2027-03-31.
    const ninthGrader = await member({ name: '中三 家族', kana: 'チュウサン' });
    await createChild(ctx.deps, ninthGrader.member.id, { name: '長男', birthDate: '2011-05-01' });

    const html = await text(await staff.get('/renewals'));
    expect(html).toContain('中三 家族');
    expect(html).not.toContain('六年生 家族');
    expect(html).toContain('中学校卒業まで');

    await moveClockTo('2027-04-01T01:00:00.000Z');
    expect(
      (await staff.form('/renewals/lapse', { fiscalYear: '2026', confirm: 'yes' })).status,
    ).toBe(303);
    expect((await memberRow(sixthGrader.member.id)).requester_status).toBe('active');
    expect((await memberRow(ninthGrader.member.id)).withdrawal_reason).toBe('aged_out');
    // The sixth grader's family comes up in the year she leaves junior high.
    expect(await text(await staff.get('/renewals?fiscalYear=2029'))).toContain('六年生 家族');
  });
});
