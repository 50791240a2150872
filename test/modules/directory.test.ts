/**
 * The directory of local groups and places: search, filters by kind, area and a child's age,
 * staff-only writes (403 for members), the printable list, a parent's shortcuts, and the
 * "referred to" notes on a member. Runs on better-sqlite3 and on D1.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_GROUPS, seedDirectoryDemo } from '../../src/modules/directory/directory.seed.js';
import { createChild, createMember } from '../helpers/factories.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

// The clock: Saturday 2026-11-21, 10:00 in Tokyo.
let ctx: TestContext;
let staff: TestClient;
let staffUser: Awaited<ReturnType<typeof createUser>>;

beforeEach(async () => {
  ctx = await setupTestApp();
  staffUser = await createUser(ctx.deps, { role: 'staff', name: '佐藤 美香' });
  staff = await TestClient.signedInAs(ctx, staffUser);
});

interface GroupJson {
  id: string;
  name: string;
  kind: string;
  area: string;
  ageMin: number | null;
  ageMax: number | null;
}

const GROUP = {
  name: 'みどり中央こども食堂',
  kind: 'food',
  area: 'chuo',
  schedule: '毎月第2土曜日 11:30〜14:00',
  contact: '電話 0120-000-201',
  ageMin: 0,
  ageMax: 15,
  description: '手作りの昼ごはんを囲みます。',
  url: 'https://hidamari.example.jp/',
};

async function add(overrides: Record<string, unknown> = {}) {
  const res = await staff.json('POST', '/api/v1/directory', { ...GROUP, ...overrides });
  expect(res.status).toBe(201);
  return (await res.json()) as GroupJson;
}

async function parentWithChild(birthDate: string, area = 'chuo') {
  const { user, member } = await createMember(ctx.deps, { kind: 'requester', area });
  await createChild(ctx.deps, member.id, { birthDate, name: '田中 ゆい' });
  return { user, member, client: await TestClient.signedInAs(ctx, user) };
}

const names = async (client: TestClient, query: string) => {
  const res = await client.get(`/api/v1/directory${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: GroupJson[] }).items.map((g) => g.name).sort();
};

describe('search and filters', () => {
  beforeEach(async () => {
    await add();
    await add({
      name: '北町こども食堂 もぐもぐ',
      area: 'kita',
      ageMin: 3,
      ageMax: 18,
      description: '夕ごはん',
    });
    await add({
      name: 'みどり川プレーパーク',
      kind: 'play',
      area: 'kawabe',
      ageMin: 0,
      ageMax: 12,
      description: '冒険遊び場（100%手作り）',
    });
    await add({
      name: '子育てサロン ぽかぽか',
      kind: 'parents',
      area: 'chuo',
      ageMin: 0,
      ageMax: 3,
      description: '赤ちゃんと一緒に',
    });
    await add({
      name: 'グリーフケアの会',
      kind: 'grief',
      area: 'nishi',
      ageMin: null,
      ageMax: null,
      description: '分かち合いの会',
    });
    await add({
      name: 'まなびば北町',
      kind: 'study',
      area: 'kita',
      ageMin: 9,
      ageMax: null,
      description: '宿題',
    });
  });

  it('filters by kind, area and a child age (open ends count as no limit)', async () => {
    const parent = await parentWithChild('2022-05-10');
    expect(await names(parent.client, '?kind=food')).toEqual(
      ['みどり中央こども食堂', '北町こども食堂 もぐもぐ'].sort(),
    );
    expect(await names(parent.client, '?area=chuo')).toEqual(
      ['みどり中央こども食堂', '子育てサロン ぽかぽか'].sort(),
    );
    // Age 4: not the salon (0–3), not study support (9+); the grief group has no limits.
    expect(await names(parent.client, '?age=4')).toEqual(
      [
        'みどり中央こども食堂',
        '北町こども食堂 もぐもぐ',
        'みどり川プレーパーク',
        'グリーフケアの会',
      ].sort(),
    );
    // The edges are inside the range.
    expect(await names(parent.client, '?age=3&area=chuo')).toEqual(
      ['みどり中央こども食堂', '子育てサロン ぽかぽか'].sort(),
    );
    expect(await names(parent.client, '?age=18&kind=study')).toEqual(['まなびば北町']);
    expect(await names(parent.client, '?age=2&kind=food&area=kita')).toEqual([]);
  });

  it('searches the name and description; LIKE wildcards are literal', async () => {
    const parent = await parentWithChild('2022-05-10');
    expect(await names(parent.client, `?q=${encodeURIComponent('食堂')}`)).toEqual(
      ['みどり中央こども食堂', '北町こども食堂 もぐもぐ'].sort(),
    );
    expect(await names(parent.client, `?q=${encodeURIComponent('赤ちゃん')}`)).toEqual([
      '子育てサロン ぽかぽか',
    ]);
    expect(await names(parent.client, `?q=${encodeURIComponent('100%')}`)).toEqual([
      'みどり川プレーパーク',
    ]);
    expect(await names(parent.client, `?q=${encodeURIComponent('%')}`)).toEqual([
      'みどり川プレーパーク',
    ]);
    expect(await names(parent.client, '?q=_')).toEqual([]);
    expect((await parent.client.get('/api/v1/directory?age=42')).status).toBe(400);
  });

  it('the page: a parent gets shortcuts for her area and her child; the filters show results', async () => {
    const parent = await parentWithChild('2022-05-10'); // 4 years old on 2026-11-21
    const page = await parent.client.get('/directory');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('田中 ゆいさん（4歳）に合う中央地区の情報');
    expect(html).toContain('href="/directory?area=chuo&amp;age=4#results"');
    const filtered = await (await parent.client.get('/directory?area=chuo&age=4')).text();
    expect(filtered).toContain('みどり中央こども食堂');
    expect(filtered).not.toContain('子育てサロン ぽかぽか');
    expect(filtered).not.toContain('北町こども食堂');
    // Unknown filter values are simply not applied.
    expect((await parent.client.get('/directory?area=mars&kind=x&age=99')).status).toBe(200);
  });

  it('prints a list grouped by area, with the conditions', async () => {
    const parent = await parentWithChild('2022-05-10');
    const res = await parent.client.get('/directory/print?kind=food');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('class="cl-print-list"');
    expect(html).toContain('条件：子ども食堂');
    expect(html.indexOf('中央地区')).toBeLessThan(html.indexOf('北地区'));
    expect(html).not.toContain('みどり川プレーパーク');
  });

  it('is for members and staff only', async () => {
    const anonymous = new TestClient(ctx);
    expect((await anonymous.get('/api/v1/directory')).status).toBe(401);
    expect((await anonymous.get('/directory')).status).toBe(303);
  });
});

describe('API paging', () => {
  it('counts every match and pages through more than one page of groups', async () => {
    const now = '2026-11-01T00:00:00.000Z';
    const rows = Array.from({ length: 503 }, (_, i) => ({
      id: `g${String(i).padStart(4, '0')}`,
      name: `グループ${String(i).padStart(4, '0')}`,
      kind: 'parents' as const,
      area: 'chuo',
      age_min: null,
      age_max: null,
      url: null,
      archived_at: i === 502 ? now : null,
      created_by: null,
      created_at: now,
      updated_at: now,
    }));
    // Chunks keep each statement under D1's 100 bound parameters.
    for (let i = 0; i < rows.length; i += 8)
      await ctx.deps.db
        .insertInto('local_group')
        .values(rows.slice(i, i + 8))
        .execute();
    const page1 = (await (await staff.get('/api/v1/directory')).json()) as {
      items: GroupJson[];
      total: number;
      pageSize: number;
    };
    expect(page1).toMatchObject({ total: 502, page: 1, pageSize: 500 });
    expect(page1.items).toHaveLength(500);
    const page2 = (await (await staff.get('/api/v1/directory?page=2')).json()) as {
      items: GroupJson[];
    };
    expect(page2.items.map((g) => g.name)).toEqual(['グループ0500', 'グループ0501']);
    const filtered = (await (await staff.get('/api/v1/directory?q=グループ000')).json()) as {
      total: number;
    };
    expect(filtered.total).toBe(10);
  });
});

describe('staff maintain the directory', () => {
  it('members get 403 for every write; nothing changes', async () => {
    const g = await add();
    const { user } = await createMember(ctx.deps, { kind: 'both' });
    const member = await TestClient.signedInAs(ctx, user);
    expect((await member.json('POST', '/api/v1/directory', GROUP)).status).toBe(403);
    expect((await member.json('PUT', `/api/v1/directory/${g.id}`, GROUP)).status).toBe(403);
    expect((await member.json('DELETE', `/api/v1/directory/${g.id}`)).status).toBe(403);
    expect((await member.form('/directory', { ...GROUP, ageMin: '0', ageMax: '15' })).status).toBe(
      403,
    );
    expect(
      (await member.form(`/directory/${g.id}/edit`, { ...GROUP, ageMin: '0', ageMax: '15' }))
        .status,
    ).toBe(403);
    expect((await member.form(`/directory/${g.id}/archive`, {})).status).toBe(403);
    expect((await member.get('/directory/new')).status).toBe(403);
    const rows = await ctx.deps.db.selectFrom('local_group').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: GROUP.name, archived_at: null });
  });

  it('validates: areas from the settings, ages in order, web links only', async () => {
    const bad = async (body: object) =>
      (await staff.json('POST', '/api/v1/directory', { ...GROUP, ...body })).status;
    expect(await bad({ area: 'mars' })).toBe(422);
    expect(await bad({ ageMin: 10, ageMax: 3 })).toBe(400);
    expect(await bad({ url: 'javascript:alert(1)' })).toBe(400);
    expect(await bad({ url: 'data:text/html,x' })).toBe(400);
    expect(await bad({ archived_at: null })).toBe(400);

    const form = await staff.form('/directory', {
      name: '',
      kind: 'food',
      area: 'chuo',
      ageMin: '10',
      ageMax: '3',
      url: 'javascript:alert(1)',
    });
    expect(form.status).toBe(422);
    const html = await form.text();
    expect(html).toContain('id="field-name-error"');
    expect(html).toContain('id="field-ageMax-error"');
    expect(html).toContain('id="field-url-error"');
    expect(await ctx.deps.db.selectFrom('local_group').select('id').execute()).toEqual([]);
  });

  it('edits and archives through the pages', async () => {
    const g = await add();
    const edit = await staff.form(`/directory/${g.id}/edit`, {
      ...GROUP,
      name: 'こども食堂 ひだまり',
      ageMin: '',
      ageMax: '12',
    });
    expect(edit.status).toBe(303);
    const row = await ctx.deps.db.selectFrom('local_group').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: 'こども食堂 ひだまり', age_min: null, age_max: 12 });
    expect((await staff.form(`/directory/${g.id}/archive`, {})).status).toBe(303);
    expect(await names(staff, '')).toEqual([]);
    expect((await staff.get(`/api/v1/directory/${g.id}`)).status).toBe(404);
  });

  it('the demo network has 20+ groups in every area of the settings', async () => {
    expect(DEMO_GROUPS.length).toBeGreaterThanOrEqual(20);
    await seedDirectoryDemo(ctx.deps, {
      id: staffUser.id,
      email: staffUser.email,
      name: staffUser.name,
      role: 'staff',
      locale: null,
    });
    const rows = await ctx.deps.db.selectFrom('local_group').select(['area', 'kind']).execute();
    expect(rows.length).toBe(DEMO_GROUPS.length);
    expect(new Set(rows.map((r) => r.area))).toEqual(
      new Set(['chuo', 'kita', 'higashi', 'minami', 'nishi', 'midorigaoka', 'sakuradai', 'kawabe']),
    );
    expect(new Set(rows.map((r) => r.kind)).size).toBeGreaterThanOrEqual(7);
  });
});

describe('"referred to" notes', () => {
  it('staff record a referral and see it on the member page; members cannot', async () => {
    const g = await add();
    const parent = await parentWithChild('2022-05-10');
    const res = await staff.json('POST', `/api/v1/members/${parent.member.id}/referrals`, {
      groupId: g.id,
      referredOn: '2026-11-20',
      note: '食事づくりの負担が大きいとのこと。',
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ groupName: GROUP.name, staffName: '佐藤 美香' });

    const form = await staff.form(`/members/${parent.member.id}/referrals`, {
      groupId: g.id,
      referredOn: '2026-11-21',
      note: '',
    });
    expect(form.status).toBe(303);
    const page = await (await staff.get(`/members/${parent.member.id}/referrals`)).text();
    expect(page).toContain('食事づくりの負担が大きいとのこと。');
    expect(page.indexOf('2026年11月21日')).toBeLessThan(page.indexOf('2026年11月20日'));
    const memberPage = await staff.get(`/members/${parent.member.id}`);
    expect(memberPage.status).toBe(200);
    expect(await memberPage.text()).toContain('食事づくりの負担が大きいとのこと。');

    // Bad input and unknown things.
    expect(
      (
        await staff.json('POST', `/api/v1/members/${parent.member.id}/referrals`, {
          groupId: 'nope',
          referredOn: '2026-11-21',
        })
      ).status,
    ).toBe(422);
    expect(
      (await staff.form(`/members/${parent.member.id}/referrals`, { groupId: '', referredOn: 'x' }))
        .status,
    ).toBe(422);
    expect(
      (
        await staff.json('POST', '/api/v1/members/00000000-0000-4000-8000-000000000000/referrals', {
          groupId: g.id,
          referredOn: '2026-11-21',
        })
      ).status,
    ).toBe(404);

    // The family itself never sees the notes.
    expect((await parent.client.get(`/members/${parent.member.id}/referrals`)).status).toBe(403);
    expect((await parent.client.get(`/api/v1/members/${parent.member.id}/referrals`)).status).toBe(
      403,
    );
    expect(
      (
        await parent.client.json('POST', `/api/v1/members/${parent.member.id}/referrals`, {
          groupId: g.id,
          referredOn: '2026-11-21',
        })
      ).status,
    ).toBe(403);
    expect(await ctx.deps.db.selectFrom('referral').select('id').execute()).toHaveLength(2);
    const audits = await ctx.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'referral_recorded')
      .execute();
    expect(audits).toHaveLength(2);
  });
});
