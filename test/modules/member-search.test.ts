import { beforeEach, describe, expect, it } from 'vitest';
import { backfillMemberSearchKeys } from '../../src/modules/members/search-keys.js';
import { createMember } from '../helpers/factories.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

let ctx: TestContext;
let staff: TestClient;
beforeEach(async () => {
  ctx = await setupTestApp();
  staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
});

/** A family entered as staff enter a paper application (the insert path writes the keys). */
const suzukiForm = {
  kind: 'requester',
  name: '鈴木　恵子',
  nameKana: 'すずき けいこ',
  birthDate: '1988-04-01',
  phone: '０９０－１２３４－５６７８',
  postalCode: '',
  address: 'みどり市港町３丁目',
  area: 'chuo',
  email: 'keiko.suzuki@example.jp',
  password: 'umi no kaze 2026',
  'children.0.name': '鈴木 はな',
  'children.0.nameKana': 'スズキ ハナ',
  'children.0.birthDate': '2021-06-01',
  'emergencyContacts.0.name': '鈴木 一郎',
  'emergencyContacts.0.relation': '夫',
  'emergencyContacts.0.phone': '080-1111-2222',
  'emergencyContacts.1.name': '山本 花子',
  'emergencyContacts.1.relation': '母',
  'emergencyContacts.1.phone': '042-123-4567',
  'consent.terms': 'yes',
};

async function enterSuzuki(): Promise<string> {
  const res = await staff.form('/members/new', suzukiForm);
  expect(res.status).toBe(303);
  return res.headers.get('location')!.replace('/members/', '');
}

const listedIds = (html: string) =>
  [...html.matchAll(/<a href="\/members\/([0-9a-f-]{36})">/g)].map((m) => m[1]);
const directory = async (q: string) =>
  listedIds(await (await staff.get('/members?q=' + encodeURIComponent(q))).text());
const intake = async (q: string) =>
  (await staff.get('/coordination/requests/new?q=' + encodeURIComponent(q))).text();

describe('finding people as they are typed', () => {
  it.each([
    '鈴木　恵子',
    '鈴木 恵子',
    '鈴木恵子',
    '恵子',
    'すずきけいこ',
    'スズキケイコ',
    'スズキ　ケイコ',
    'ｽｽﾞｷｹｲｺ',
    '090-1234-5678',
    '09012345678',
    '０９０１２３４５６７８',
    '1234 5678',
    '港町3丁目',
    '港町３丁目',
  ])('%j finds her in the directory and on the phone-intake page', async (q) => {
    const id = await enterSuzuki();
    const other = await createMember(ctx.deps, { name: '佐藤 花子' });
    await ctx.deps.db
      .updateTable('member')
      .set({ phone: '080-5555-6666', address: '北町1-1' })
      .where('id', '=', other.member.id)
      .execute();
    expect(await directory(q)).toEqual([id]);
    const page = await intake(q);
    expect(page).toContain('見つかった依頼会員（1人）');
    expect(page).toContain('鈴木　恵子');
  });

  it('stores the phone number as entered after NFKC and shows it with hyphens', async () => {
    const id = await enterSuzuki();
    const row = await ctx.deps.db
      .selectFrom('member')
      .select(['phone', 'search_key', 'phone_key'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      phone: '090-1234-5678',
      search_key: '鈴木恵子 すずきけいこ みどり市港町3丁目',
      phone_key: '09012345678',
    });
    await ctx.deps.db
      .updateTable('member')
      .set({ phone: '09012345678' })
      .where('id', '=', id)
      .execute();
    expect(await (await staff.get(`/members/${id}`)).text()).toContain('090-1234-5678');
  });

  it('keeps the keys in step when staff change the name, kana, address or phone', async () => {
    const id = await enterSuzuki();
    const res = await staff.json('PATCH', `/api/v1/members/${id}`, {
      name: '高橋 恵子',
      nameKana: 'タカハシ ケイコ',
      phone: '080 9999 0000',
    });
    expect(res.status).toBe(200);
    expect(await directory('たかはし')).toEqual([id]);
    expect(await directory('高橋　恵子')).toEqual([id]);
    expect(await directory('08099990000')).toEqual([id]);
    expect(await directory('鈴木')).toEqual([]);
    expect(await directory('09012345678')).toEqual([]);
  });

  it('finds rows written before the keys, then fills their keys in the scheduled backfill', async () => {
    // Factory rows are inserted without keys, as every row was before migration 0016.
    const { member } = await createMember(ctx.deps, { name: '伊藤 美咲' });
    expect(await directory('伊藤')).toEqual([member.id]);
    expect(await backfillMemberSearchKeys(ctx.deps)).toEqual({ filled: 1 });
    const row = await ctx.deps.db
      .selectFrom('member')
      .select(['search_key', 'phone_key'])
      .where('id', '=', member.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      search_key: '伊藤美咲 かいいん みどり市中央1-2-3',
      phone_key: '09012345678',
    });
    expect(await directory('伊藤　美咲')).toEqual([member.id]);
    expect(await backfillMemberSearchKeys(ctx.deps)).toEqual({ filled: 0 });
  });

  it('matches a typed % or _ literally', async () => {
    await enterSuzuki();
    expect(await directory('%')).toEqual([]);
    expect(await directory('_')).toEqual([]);
  });
});
