import { beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/ids.js';
import { createChild, createMember } from '../helpers/factories.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await setupTestApp(); // 2026-11-21 10:00 JST
});

type Table = 'user' | 'member' | 'child' | 'emergency_contact' | 'authorized_pickup' | 'session';
async function count(table: Table): Promise<number> {
  const row = await ctx.deps.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
const counts = async () => ({
  user: await count('user'),
  member: await count('member'),
  child: await count('child'),
  contact: await count('emergency_contact'),
});

const PASSWORD = 'sakura no hana 2026';

/** The application form as a parent on a phone fills it in: one child, two contacts. */
const applicationForm = (overrides: Record<string, string> = {}): Record<string, string> => ({
  kind: 'requester',
  name: '田中 さくら',
  nameKana: 'たなか さくら',
  birthDate: '1990-05-01',
  phone: '０９０－１１１１－２２２２',
  postalCode: '123-4567',
  address: 'みどり市中央1-2-3',
  area: 'chuo',
  email: 'sakura.tanaka@example.jp',
  password: PASSWORD,
  'children.0.name': '田中 はると',
  'children.0.nameKana': 'タナカ ハルト',
  'children.0.sex': 'male',
  'children.0.birthDate': '2022-08-15',
  'children.0.school': 'みどり保育園',
  'children.0.allergies': 'えび',
  'children.0.healthNotes': '',
  'children.0.familyDoctor': '',
  'children.1.name': '',
  'children.1.nameKana': '',
  'children.1.birthDate': '',
  'children.1.school': '',
  'children.1.allergies': '',
  'children.1.healthNotes': '',
  'children.1.familyDoctor': '',
  'emergencyContacts.0.name': '田中 一郎',
  'emergencyContacts.0.relation': '夫',
  'emergencyContacts.0.phone': '090-3333-4444',
  'emergencyContacts.1.name': '山田 花子',
  'emergencyContacts.1.relation': '母',
  'emergencyContacts.1.phone': '042-123-4567',
  'emergencyContacts.2.name': '',
  'emergencyContacts.2.relation': '',
  'emergencyContacts.2.phone': '',
  'consent.terms': 'yes',
  'consent.healthData': 'yes',
  ...overrides,
});

const without = (form: Record<string, string>, ...keys: string[]) =>
  Object.fromEntries(Object.entries(form).filter(([k]) => !keys.includes(k)));

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The message written next to a field (`<p class="field-error" id="field-<name>-error">`). */
function fieldErrorOf(html: string, name: string): string | undefined {
  const m = new RegExp(`<p class="field-error" id="field-${escape(name)}-error">([^<]*)</p>`).exec(
    html,
  );
  return m?.[1];
}

const signedInMember = async (options: Parameters<typeof createMember>[1] = {}) => {
  const { user, member } = await createMember(ctx.deps, options);
  return { user, member, client: await TestClient.signedInAs(ctx, user) };
};

describe('the application page', () => {
  it('shows the form in Japanese and in English, with the center’s member-type labels', async () => {
    const ja = await new TestClient(ctx).get('/apply');
    expect(ja.status).toBe(200);
    const jaHtml = await ja.text();
    expect(jaHtml).toContain('会員登録の申し込み');
    expect(jaHtml).toContain('依頼会員');
    expect(jaHtml).toContain('カタカナ（ひらがなも可）');
    expect(jaHtml).toContain('name="children.1.name"');
    expect(jaHtml).toContain('name="emergencyContacts.2.phone"');
    expect(jaHtml).toMatch(/利用規約の主な内容（2026-04版）/);

    const en = await new TestClient(ctx).get('/apply', { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.status).toBe(200);
    const enHtml = await en.text();
    expect(enHtml).toContain('Apply for membership');
    expect(enHtml).toContain('Requester');
    expect(enHtml).toContain('<html lang="en"');
  });

  it('signs a valid requester in and sends them to book an orientation', async () => {
    const client = new TestClient(ctx);
    const res = await client.form('/apply', applicationForm());
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/my/orientations');
    expect(client.cookies.get('tsunagu_session')).toBeTruthy();

    const member = await ctx.deps.db
      .selectFrom('member')
      .selectAll()
      .where('name', '=', '田中 さくら')
      .executeTakeFirstOrThrow();
    expect(member).toMatchObject({
      kind: 'requester',
      name_kana: 'タナカ サクラ',
      phone: '090-1111-2222',
      requester_status: 'applied',
      consent_terms_version: '2026-04',
      consent_health_version: '2026-04',
      entered_by_user_id: null,
    });
    expect(await counts()).toEqual({ user: 1, member: 1, child: 1, contact: 2 });

    const next = await client.get('/my/orientations');
    expect(next.status).toBe(200);
    const html = await next.text();
    expect(html).toContain('会員説明会の日程を選んで申し込んでください');
  });

  it.each([
    ['an impossible date', { birthDate: '1990-02-30' }, 'birthDate', '正しい日付'],
    ['non-katakana kana', { nameKana: 'Tanaka' }, 'nameKana', 'カタカナで入力'],
    ['an oversized name', { name: 'あ'.repeat(101) }, 'name', '100文字以内'],
    [
      'one emergency contact only',
      {
        'emergencyContacts.1.name': '',
        'emergencyContacts.1.relation': '',
        'emergencyContacts.1.phone': '',
      },
      'emergencyContacts',
      '緊急連絡先を2件以上',
    ],
    [
      'a bad kana for a child in the second slot (the first left empty)',
      {
        'children.0.name': '',
        'children.0.nameKana': '',
        'children.0.birthDate': '',
        'children.0.school': '',
        'children.0.allergies': '',
        'children.1.name': '田中 はると',
        'children.1.nameKana': 'Haruto',
        'children.1.birthDate': '2022-08-15',
      },
      'children.1.nameKana',
      'カタカナで入力',
    ],
  ])(
    'answers %s with 422 and a message next to the field, saving nothing',
    async (_l, o, field, text) => {
      const res = await new TestClient(ctx).form('/apply', applicationForm(o));
      expect(res.status).toBe(422);
      const html = await res.text();
      if (field === 'emergencyContacts') {
        expect(html).toMatch(
          /<div id="field-emergencyContacts"[^>]*><p class="field-error">[^<]*緊急連絡先を2件以上/,
        );
      } else {
        expect(fieldErrorOf(html, field)).toContain(text);
      }
      expect(html).toContain(`href="#field-${field}"`); // the summary links to it
      expect(html).not.toContain(PASSWORD); // never written back
      expect(html).toContain('value="みどり市中央1-2-3"'); // the rest is kept
      expect(await counts()).toEqual({ user: 0, member: 0, child: 0, contact: 0 });
    },
  );

  it('reports every problem in one round: missing lists and blank fields in plain words', async () => {
    const res = await new TestClient(ctx).form(
      '/apply',
      applicationForm({
        email: '',
        birthDate: '',
        area: '',
        'emergencyContacts.1.name': '',
        'emergencyContacts.1.relation': '',
        'emergencyContacts.1.phone': '',
      }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(fieldErrorOf(html, 'email')).toBe('入力してください。');
    expect(fieldErrorOf(html, 'birthDate')).toBe('入力してください。');
    expect(fieldErrorOf(html, 'area')).toBe('選択肢から選んでください。');
    expect(html).toContain('緊急連絡先を2件以上');
    // The summary follows the order of the form.
    expect(html.indexOf('href="#field-birthDate"')).toBeLessThan(
      html.indexOf('href="#field-area"'),
    );
    expect(html.indexOf('href="#field-area"')).toBeLessThan(html.indexOf('href="#field-email"'));
  });

  it('answers a missing consent to the terms with 422 next to the checkbox', async () => {
    const res = await new TestClient(ctx).form(
      '/apply',
      without(applicationForm(), 'consent.terms'),
    );
    expect(res.status).toBe(422);
    expect(fieldErrorOf(await res.text(), 'consent.terms')).toContain('利用規約への同意が必要です');
    expect(await counts()).toEqual({ user: 0, member: 0, child: 0, contact: 0 });
  });

  it('explains an eligibility rule in plain words: a helper under 20', async () => {
    const form = applicationForm({ kind: 'helper', birthDate: '2007-01-01' });
    const res = await new TestClient(ctx).form('/apply', form);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/role="alert"[\s\S]*提供会員は20歳以上の方が登録できます。/);
    expect(html).toContain('value="田中 さくら"');
    expect(html).toMatch(/value="helper"[^>]*checked/);
    expect(await counts()).toEqual({ user: 0, member: 0, child: 0, contact: 0 });
  });

  it('registers a helper without children even when the hidden child slots hold text', async () => {
    const client = new TestClient(ctx);
    const res = await client.form('/apply', applicationForm({ kind: 'helper' }));
    expect(res.status).toBe(303);
    expect(await counts()).toMatchObject({ member: 1, child: 0, contact: 2 });
    expect((await client.get('/my/orientations')).status).toBe(200);
  });

  it('tells an applicant whose email is already registered, next to the email field', async () => {
    await createUser(ctx.deps, { email: 'sakura.tanaka@example.jp' });
    const res = await new TestClient(ctx).form('/apply', applicationForm());
    expect(res.status).toBe(422);
    expect(fieldErrorOf(await res.text(), 'email')).toContain('すでに登録されています');
    expect(await count('member')).toBe(0);
  });

  it('lets staff enter a paper application on the member’s behalf', async () => {
    const staffUser = await createUser(ctx.deps, { role: 'staff' });
    const staff = await TestClient.signedInAs(ctx, staffUser);
    const page = await staff.get('/members/new');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('申込書の代理入力');

    const res = await staff.form('/members/new', applicationForm());
    expect(res.status).toBe(303);
    const member = await ctx.deps.db.selectFrom('member').selectAll().executeTakeFirstOrThrow();
    expect(res.headers.get('location')).toBe(`/members/${member.id}`);
    expect(member.entered_by_user_id).toBe(staffUser.id);
    // Staff stay signed in as themselves.
    expect((await staff.get('/members/new')).status).toBe(200);

    const member2 = await TestClient.signedInAs(ctx, (await createMember(ctx.deps)).user);
    expect((await member2.get('/members/new')).status).toBe(403);
  });
});

describe('マイページ', () => {
  it('shows a member their status, number and next step; others get 404 or the login', async () => {
    const { client } = await signedInMember({ requesterStatus: 'applied' });
    const res = await client.get('/my');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('申し込み中');
    expect(html).toContain('会員説明会に申し込んでください');
    expect(html).toContain('承認されると発行されます');

    const staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
    expect((await staff.get('/my')).status).toBe(404);
    const anonymous = await new TestClient(ctx).get('/my/children');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/login?next=%2Fmy%2Fchildren');
  });

  it('changes contact details, and refuses a bad phone number without saving', async () => {
    const { client, member } = await signedInMember();
    const form = {
      phone: '080-9999-8888',
      postalCode: '',
      address: 'みどり市北1-1',
      area: 'kita',
      email: 'new@example.jp',
    };
    const bad = await client.form('/my/profile', { ...form, phone: '12' });
    expect(bad.status).toBe(422);
    expect(fieldErrorOf(await bad.text(), 'phone')).toContain('電話番号');

    const ok = await client.form('/my/profile', form);
    expect(ok.status).toBe(303);
    const row = await ctx.deps.db
      .selectFrom('member')
      .innerJoin('user', 'user.id', 'member.user_id')
      .select(['member.phone', 'member.area', 'member.address', 'user.email'])
      .where('member.id', '=', member.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      phone: '080-9999-8888',
      area: 'kita',
      address: 'みどり市北1-1',
      email: 'new@example.jp',
    });
  });

  it('lets a member add a second child and see both listed', async () => {
    const { client, member } = await signedInMember();
    await createChild(ctx.deps, member.id, { name: '山田 はな' });
    const form = await client.get('/my/children/new');
    expect(form.status).toBe(200);

    const res = await client.form('/my/children/new', {
      name: '山田 たろう',
      nameKana: 'やまだ たろう',
      sex: 'male',
      birthDate: '2024-03-03',
      school: '',
      allergies: '小麦',
      healthNotes: '',
      familyDoctor: '',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/my/children');
    const list = await client.get('/my/children');
    const html = await list.text();
    expect(html).toContain('山田 はな');
    expect(html).toContain('山田 たろう');
    expect(html).toContain('ヤマダ タロウ');
    expect(html).toContain('小麦');
    expect(html).toContain('山田 たろうさんを追加しました。');
  });

  it('asks for the health-data consent before saving health details, then records it', async () => {
    const { client, member } = await signedInMember({ healthConsent: false });
    const child = {
      name: '山田 たろう',
      nameKana: 'ヤマダ タロウ',
      birthDate: '2024-03-03',
      allergies: '卵',
    };
    const page = await client.get('/my/children/new');
    expect(await page.text()).toContain('name="healthConsent"');

    const refused = await client.form('/my/children/new', child);
    expect(refused.status).toBe(422);
    expect(fieldErrorOf(await refused.text(), 'healthConsent')).toContain('同意にチェック');
    expect(await count('child')).toBe(0);

    const bad = await client.form('/my/children/new', { ...child, birthDate: '2024-02-30' });
    expect(bad.status).toBe(422);
    expect(fieldErrorOf(await bad.text(), 'birthDate')).toContain('正しい日付');

    const ok = await client.form('/my/children/new', { ...child, healthConsent: 'yes' });
    expect(ok.status).toBe(303);
    expect(await count('child')).toBe(1);
    const row = await ctx.deps.db
      .selectFrom('member')
      .select(['consent_health_version', 'consent_health_at'])
      .where('id', '=', member.id)
      .executeTakeFirstOrThrow();
    expect(row.consent_health_version).toBe('2026-04');
    expect(row.consent_health_at).not.toBeNull();
  });

  it('edits an own child, and answers 404 for another family’s child', async () => {
    const { client, member } = await signedInMember();
    const own = await createChild(ctx.deps, member.id, { name: '山田 はな' });
    const other = await createMember(ctx.deps);
    const theirs = await createChild(ctx.deps, other.member.id, { name: 'よその子' });

    expect((await client.get(`/my/children/${theirs.id}/edit`)).status).toBe(404);
    const post = await client.form(`/my/children/${theirs.id}/edit`, {
      name: '書き換え',
      nameKana: 'カキカエ',
      birthDate: '2021-05-10',
    });
    expect(post.status).toBe(404);
    const unchanged = await ctx.deps.db
      .selectFrom('child')
      .select('name')
      .where('id', '=', theirs.id)
      .executeTakeFirstOrThrow();
    expect(unchanged.name).toBe('よその子');

    const edit = await client.get(`/my/children/${own.id}/edit`);
    expect(edit.status).toBe(200);
    expect(await edit.text()).toContain('value="山田 はな"');
    const saved = await client.form(`/my/children/${own.id}/edit`, {
      name: '山田 はな',
      nameKana: 'ヤマダ ハナ',
      sex: '',
      birthDate: '2021-05-10',
      school: 'みどり小学校',
      allergies: '',
      healthNotes: '',
      familyDoctor: '',
    });
    expect(saved.status).toBe(303);
    const row = await ctx.deps.db
      .selectFrom('child')
      .selectAll()
      .where('id', '=', own.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ school: 'みどり小学校', allergies: null, sex: null });
  });

  it('adds and removes emergency contacts, keeping at least two for a requester', async () => {
    const { client, member } = await signedInMember();
    const add = (name: string) =>
      client.form('/my/contacts', {
        'contact.name': name,
        'contact.relation': '母',
        'contact.phone': '090-0000-1111',
      });
    expect((await add('一人目')).status).toBe(303);
    expect((await add('二人目')).status).toBe(303);
    const bad = await client.form('/my/contacts', {
      'contact.name': '',
      'contact.relation': '母',
      'contact.phone': '090-0000-1111',
    });
    expect(bad.status).toBe(422);
    expect(fieldErrorOf(await bad.text(), 'contact.name')).toBeTruthy();

    const [first] = await ctx.deps.db
      .selectFrom('emergency_contact')
      .select('id')
      .where('member_id', '=', member.id)
      .execute();
    const refused = await client.form(`/my/contacts/${first!.id}/remove`, {});
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('緊急連絡先は2件以上必要なため、削除できません。');
    expect(await count('emergency_contact')).toBe(2);

    const pickup = await client.form('/my/pickups', {
      'pickup.name': '祖母 みどり',
      'pickup.relation': '祖母',
      'pickup.phone': '042-111-2222',
    });
    expect(pickup.status).toBe(303);
    const page = await (await client.get('/my/contacts')).text();
    expect(page).toContain('祖母 みどり');
    const other = await createMember(ctx.deps);
    const theirs = await ctx.deps.db
      .insertInto('authorized_pickup')
      .values({
        id: newId(),
        member_id: other.member.id,
        name: 'x',
        relation: 'y',
        phone: '090-0000-0000',
        created_at: '2026-01-01T00:00:00.000Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await client.form(`/my/pickups/${theirs.id}/remove`, {})).status).toBe(404);
  });

  it('saves a helper profile with categories, areas and ages; requesters have none', async () => {
    const { client, member } = await signedInMember({ kind: 'helper' });
    const page = await client.get('/my/helper-profile');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('保育施設等までの送迎');

    const form = {
      'helperAreas.chuo': 'yes',
      'helperAreas.kita': 'yes',
      'helperCategories.1': 'yes',
      'helperCategories.10': 'yes',
      'ageMin.years': '1',
      'ageMin.months': '',
      'ageMax.years': '６',
      'ageMax.months': '0',
      helperMaxChildren: '2',
      helperHasPets: 'yes',
      helperHouseholdNotes: '小型犬1匹',
    };
    const bad = await client.form('/my/helper-profile', { ...form, 'ageMin.years': '7' });
    expect(bad.status).toBe(422);
    expect(fieldErrorOf(await bad.text(), 'helperChildAgeMaxMonths')).toContain('下限が上限');

    const res = await client.form('/my/helper-profile', form);
    expect(res.status).toBe(303);
    const row = await ctx.deps.db
      .selectFrom('member')
      .selectAll()
      .where('id', '=', member.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.helper_categories)).toEqual([1, 10]);
    expect(JSON.parse(row.helper_areas)).toEqual(['chuo', 'kita']);
    expect(row).toMatchObject({
      helper_child_age_min_months: 12,
      helper_child_age_max_months: 72,
      helper_max_children: 2,
      helper_has_pets: 1,
      helper_smoker_in_home: 0,
      helper_household_notes: '小型犬1匹',
    });
    const again = await (await client.get('/my/helper-profile')).text();
    expect(again).toMatch(/name="helperCategories\.10" value="yes" checked/);

    const requester = await signedInMember({ kind: 'requester' });
    expect((await requester.client.get('/my/helper-profile')).status).toBe(404);
  });

  it('books an orientation, then shows it as booked; a full session cannot be booked', async () => {
    const { client } = await signedInMember({ requesterStatus: 'applied' });
    const session = (capacity: number, startsAt: string) => ({
      id: newId(),
      starts_at: startsAt,
      ends_at: new Date(Date.parse(startsAt) + 90 * 60_000).toISOString(),
      venue: 'みどり市子育て支援センター',
      capacity,
      notes: null,
      created_by: null,
      created_at: '2026-11-01T00:00:00.000Z',
    });
    const open = session(10, '2026-12-05T01:00:00.000Z');
    const full = session(1, '2026-12-12T01:00:00.000Z');
    await ctx.deps.db.insertInto('orientation').values([open, full]).execute();
    const someoneElse = await createMember(ctx.deps, { requesterStatus: 'applied' });
    await ctx.deps.db
      .insertInto('orientation_registration')
      .values({
        id: newId(),
        orientation_id: full.id,
        member_id: someoneElse.member.id,
        registered_at: '2026-11-02T00:00:00.000Z',
        attended: null,
        attendance_recorded_at: null,
      })
      .execute();

    const before = await (await client.get('/my/orientations')).text();
    expect(before).toContain('みどり市子育て支援センター');
    expect(before).toContain(`action="/my/orientations/${open.id}/register"`);
    expect(before).not.toContain(`action="/my/orientations/${full.id}/register"`);
    expect(before).toContain('満員です');

    const res = await client.form(`/my/orientations/${open.id}/register`, {});
    expect(res.status).toBe(303);
    const after = await (await client.get('/my/orientations')).text();
    expect(after).toContain('申し込み済みです');
    expect(after).toContain('10:00〜11:30');
    const overview = await (await client.get('/my')).text();
    expect(overview).toContain('の会員説明会に出席してください');

    const refused = await client.form(`/my/orientations/${full.id}/register`, {});
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('この説明会は定員に達しています。');
  });

  it('downloads the member’s own data as JSON, and records the export', async () => {
    const { client, member, user } = await signedInMember();
    await createChild(ctx.deps, member.id, { name: '自分の子', allergies: 'そば' });
    const other = await createMember(ctx.deps);
    await createChild(ctx.deps, other.member.id, { name: 'よその子' });

    const res = await client.get('/my/data.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="tsunagu-my-data-2026-11-21\.json"$/,
    );
    const text = await res.text();
    expect(text).not.toContain('よその子');
    const data = JSON.parse(text) as {
      member: { id: string };
      children: { name: string; allergies: string }[];
      emergencyContacts: unknown[];
      orientationRegistrations: unknown[];
    };
    expect(data.member.id).toBe(member.id);
    expect(data.children).toEqual([
      expect.objectContaining({ name: '自分の子', allergies: 'そば' }),
    ]);
    expect(data.emergencyContacts).toEqual([]);
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'member_data_exported')
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({ actor_user_id: user.id, subject_id: member.id }),
    ]);
  });

  it('withdraws after confirmation, ending the session and refusing the login', async () => {
    const { client, member, user } = await signedInMember();
    expect((await client.get('/my/withdraw')).status).toBe(200);
    const unconfirmed = await client.form('/my/withdraw', { reason: '引っ越し' });
    expect(unconfirmed.status).toBe(422);
    expect(fieldErrorOf(await unconfirmed.text(), 'confirm')).toContain('チェック');

    const res = await client.form('/my/withdraw', { reason: '引っ越し', confirm: 'yes' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login');
    const sessions = await ctx.deps.db
      .selectFrom('session')
      .select('id')
      .where('user_id', '=', user.id)
      .execute();
    expect(sessions).toEqual([]);
    const row = await ctx.deps.db
      .selectFrom('member')
      .select(['requester_status', 'withdrawal_reason'])
      .where('id', '=', member.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ requester_status: 'withdrawn', withdrawal_reason: '引っ越し' });
    const after = await client.get('/my');
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toMatch(/^\/login/);
    const login = await new TestClient(ctx).form('/login', {
      email: user.email,
      password: user.password,
    });
    expect(login.status).toBe(422);
  });
});
