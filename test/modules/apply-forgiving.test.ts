import { beforeEach, describe, expect, it } from 'vitest';
import { setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await setupTestApp();
});

const PASSWORD = 'sakura no hana 2026';
const form = (overrides: Record<string, string> = {}): Record<string, string> => ({
  kind: 'requester',
  name: '田中 さくら',
  nameKana: 'たなか さくら',
  birthDate: '1990-05-01',
  phone: '090-1111-2222',
  postalCode: '１２３－４５６７',
  address: 'みどり市中央1-2-3',
  area: 'chuo',
  email: 'sakura.tanaka@example.jp',
  password: PASSWORD,
  'children.0.name': '田中 はると',
  'children.0.nameKana': 'タナカ ハルト',
  'children.0.birthDate': '2022-08-15',
  'emergencyContacts.0.name': '田中 一郎',
  'emergencyContacts.0.relation': '夫',
  'emergencyContacts.0.phone': '090-3333-4444',
  'emergencyContacts.1.name': '山田 花子',
  'emergencyContacts.1.relation': '母',
  'emergencyContacts.1.phone': '042-123-4567',
  'consent.terms': 'yes',
  ...overrides,
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const fieldError = (html: string, name: string) =>
  new RegExp(`<p class="field-error" id="field-${escape(name)}-error">([^<]*)</p>`).exec(html)?.[1];

describe('/apply forgives and explains', () => {
  it('shows every mistake of one submit at once, next to each field and linked from the summary', async () => {
    const sent = form({
      phone: '090-1111',
      email: 'sakura.tanaka.example.jp',
      nameKana: 'tanaka',
      'emergencyContacts.1.phone': '42-123-4567',
    });
    delete sent['consent.terms'];
    const res = await new TestClient(ctx).form('/apply', sent);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(fieldError(html, 'phone')).toContain('桁が足りません');
    expect(fieldError(html, 'email')).toContain('「@」がありません');
    expect(fieldError(html, 'nameKana')).toContain('カタカナ');
    expect(fieldError(html, 'emergencyContacts.1.phone')).toContain('0から');
    expect(fieldError(html, 'consent.terms')).toContain('利用規約への同意');
    for (const field of [
      'nameKana',
      'phone',
      'email',
      'emergencyContacts.1.phone',
      'consent.terms',
    ])
      expect(html).toContain(`href="#field-${field}"`);
    // Every value is kept but the password, and the page says so next to it.
    expect(html).toContain('value="みどり市中央1-2-3"');
    expect(html).toContain('value="090-1111"');
    expect(html).not.toContain(PASSWORD);
    expect(html).toContain('パスワードは安全のため消しました');
  });

  it('says the same in English', async () => {
    const res = await new TestClient(ctx).form('/apply', form({ phone: '090-1111' }), {
      'accept-language': 'en',
    });
    const html = await res.text();
    expect(fieldError(html, 'phone')).toContain('too short');
    expect(html).toContain('for your safety the password is not');
  });

  it('accepts full-width digits, ＠, hyphens and spaces where they are unambiguous', async () => {
    const res = await new TestClient(ctx).form(
      '/apply',
      form({
        email: ' ｓａｋｕｒａ＠ｅｘａｍｐｌｅ．ｊｐ ',
        phone: '０９０－１１１１－２２２２',
        'emergencyContacts.0.phone': '０９０　３３３３　４４４４',
      }),
    );
    expect(res.status).toBe(303);
    const row = await ctx.deps.db
      .selectFrom('member')
      .innerJoin('user', 'user.id', 'member.user_id')
      .select(['user.email', 'member.phone', 'member.postal_code'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      email: 'sakura@example.jp',
      phone: '090-1111-2222',
      postal_code: '123-4567',
    });
    const contacts = await ctx.deps.db
      .selectFrom('emergency_contact')
      .select('phone')
      .orderBy('phone')
      .execute();
    expect(contacts.map((c) => c.phone)).toEqual(['042-123-4567', '09033334444']);
  });

  it.each([
    ['さくら@example.jp', '全角の文字'],
    ['sakura。tanaka@example.jp', '「。」'],
    ['sakura tanaka@example.jp', '空白'],
  ])('refuses %j and says why', async (email, why) => {
    const res = await new TestClient(ctx).form('/apply', form({ email }));
    expect(res.status).toBe(422);
    expect(fieldError(await res.text(), 'email')).toContain(why);
  });
});
