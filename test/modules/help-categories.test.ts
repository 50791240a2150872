import { beforeEach, describe, expect, it } from 'vitest';
import { annualReport } from '../../src/modules/reports/reports.service.js';
import { DEFAULT_PROGRAMME } from '../../src/modules/settings/settings.schemas.js';
import {
  createChild,
  createMember,
  insertActivityRow,
  insertRequestRow,
} from '../helpers/factories.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

// Help categories as data (issue #19 point 4), on Node and on D1. The clock starts on Saturday
// 2026-11-21 10:00 JST; fiscal year 2026 runs from April 2026.
let ctx: TestContext;
let admin: TestClient;
let staff: TestClient;
beforeEach(async () => {
  ctx = await setupTestApp();
  admin = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'admin' }));
  staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
});

interface Item {
  code: number;
  labelJa: string;
  labelEn: string;
  sortOrder: number;
  active: boolean;
  transportOnly: boolean;
  sickChild: boolean;
  nationalCategory: string;
  inUse: boolean;
}

const jst = (date: string, time: string) => `${date}T${time}:00+09:00`;
const codeOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string } }).error.code;

async function list(): Promise<Item[]> {
  const res = await staff.get('/api/v1/help-categories');
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Item[] }).items;
}

async function put(code: number, change: Partial<Item>) {
  const { code: _c, inUse: _u, ...body } = (await list()).find((x) => x.code === code)!;
  return admin.json('PUT', `/api/v1/help-categories/${code}`, { ...body, ...change });
}

async function family() {
  const parent = await createMember(ctx.deps, { kind: 'requester' });
  const child = await createChild(ctx.deps, parent.member.id, { birthDate: '2022-06-01' });
  return { ...parent, child, client: await TestClient.signedInAs(ctx, parent.user) };
}

describe('help categories', () => {
  it('are seeded with the 12 codes, their names, flags and national categories', async () => {
    const items = await list();
    expect(items.map((x) => x.code)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(items.filter((x) => x.transportOnly).map((x) => x.code)).toEqual([1, 5]);
    expect(items.filter((x) => x.sickChild).map((x) => x.code)).toEqual([10]);
    expect(items.every((x) => x.active && !x.inUse)).toBe(true);
    expect(items[9]).toMatchObject({
      labelJa: '病児・病後児の預かり',
      labelEn: 'Care of a sick or recovering child',
      nationalCategory: 'sick_child',
    });
    expect(items.map((x) => x.nationalCategory)).toEqual([
      'transport',
      'before_after_childcare',
      'before_after_childcare',
      'after_school',
      'transport',
      'parent_illness',
      'family_events',
      'outings',
      'work',
      'sick_child',
      'emergency',
      'other',
    ]);
  });

  it('are edited by admins: names, order and mapping; the list follows the order', async () => {
    const res = await put(12, { labelJa: 'その他の援助', sortOrder: 0, nationalCategory: 'other' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ code: 12, labelJa: 'その他の援助', sortOrder: 0 });
    const items = await list();
    expect(items.map((x) => x.code)).toEqual([12, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const page = await admin.get('/help-categories');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('その他の援助');
    // Staff may read them, not change them.
    const denied = await staff.json('PUT', '/api/v1/help-categories/12', { labelJa: 'x' });
    expect(denied.status).toBe(403);
    const bad = await put(12, { nationalCategory: 'nowhere' });
    expect(bad.status).toBe(400);
  });

  it('re-render the edit form with 422, the values kept and a message beside the field', async () => {
    const res = await admin.form('/help-categories/8', {
      labelJa: '',
      labelEn: 'Outings',
      sortOrder: '8',
      nationalCategory: 'outings',
      active: 'yes',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('value="Outings"');
    expect(html).toContain('field-labelJa-error');

    const ok = await admin.form('/help-categories/8', {
      labelJa: '買い物・リフレッシュ',
      labelEn: 'Outings',
      sortOrder: '8',
      nationalCategory: 'outings',
    });
    expect(ok.status).toBe(303);
    expect((await list())[7]).toMatchObject({ labelJa: '買い物・リフレッシュ', active: false });
  });

  it('in use cannot be deleted, only deactivated; an inactive one cannot be chosen for a new request', async () => {
    const f = await family();
    const body = {
      childIds: [f.child.id],
      category: 8,
      startsAt: jst('2026-12-02', '10:00'),
      endsAt: jst('2026-12-02', '12:00'),
    };
    expect((await f.client.json('POST', '/api/v1/requests', body)).status).toBe(201);
    expect((await list())[7]!.inUse).toBe(true);
    const refused = await admin.json('DELETE', '/api/v1/help-categories/8', {});
    expect(refused.status).toBe(409);
    expect(await codeOf(refused)).toBe('category_in_use');

    expect((await put(8, { active: false })).status).toBe(200);
    const again = await f.client.json('POST', '/api/v1/requests', {
      ...body,
      startsAt: jst('2026-12-03', '10:00'),
      endsAt: jst('2026-12-03', '12:00'),
    });
    expect(again.status).toBe(422);
    expect(await codeOf(again)).toBe('category_inactive');
    // The form offers only active categories, under the names the center gave them.
    expect((await put(9, { labelJa: '就労・求職のときの預かり' })).status).toBe(200);
    const form = await (await f.client.get('/requests/new')).text();
    expect(form).toContain('name="category" value="9"');
    expect(form).not.toContain('name="category" value="8"');
    expect(form).toContain('就労・求職のときの預かり');

    // One nobody uses is deleted (and then no longer offered either).
    const gone = await admin.json('DELETE', '/api/v1/help-categories/4', {});
    expect(gone.status).toBe(200);
    expect(((await gone.json()) as { items: Item[] }).items.map((x) => x.code)).not.toContain(4);
    const four = await f.client.json('POST', '/api/v1/requests', { ...body, category: 4 });
    expect(await codeOf(four)).toBe('category_inactive');
  });

  it('say which categories go through the sick-child programme', async () => {
    await admin.json('PUT', '/api/v1/settings', {
      programme: { ...DEFAULT_PROGRAMME, enabled: true },
    });
    const f = await family();
    const ordinary = (category: number, day: string) =>
      f.client.json('POST', '/api/v1/requests', {
        childIds: [f.child.id],
        category,
        startsAt: jst(day, '10:00'),
        endsAt: jst(day, '12:00'),
      });
    expect((await ordinary(6, '2026-12-02')).status).toBe(201);
    expect((await put(6, { sickChild: true })).status).toBe(200);
    const refused = await ordinary(6, '2026-12-03');
    expect(refused.status).toBe(422);
    expect(await codeOf(refused)).toBe('programme_required');
    expect((await put(10, { sickChild: false })).status).toBe(200);
    expect((await ordinary(10, '2026-12-04')).status).toBe(201);
  });
});

describe('the annual report by national survey category', () => {
  async function approved(
    startsAt: string,
    minutes: number,
    fee: number,
    categories: number[],
    status: 'approved' | 'reported' = 'approved',
  ) {
    const r = await createMember(ctx.deps, { kind: 'requester' });
    const h = await createMember(ctx.deps, { kind: 'helper' });
    const startIso = new Date(startsAt).toISOString();
    const endsAt = new Date(Date.parse(startsAt) + minutes * 60_000).toISOString();
    const parties = { requester_member_id: r.member.id, helper_member_id: h.member.id };
    const requestId = await insertRequestRow(ctx.deps, {
      ...parties,
      starts_at: startIso,
      ends_at: endsAt,
      matched_at: startIso,
      created_by_user_id: r.user.id,
    });
    const id = await insertActivityRow(ctx.deps, {
      ...parties,
      request_id: requestId,
      started_at: startIso,
      ended_at: endsAt,
      fee_total: fee,
      status,
    });
    for (const category of categories)
      await ctx.deps.db
        .insertInto('activity_category')
        .values({ activity_id: id, category })
        .execute();
  }

  beforeEach(async () => {
    await approved(jst('2026-05-11', '10:00'), 120, 1_600, [1, 5]);
    await approved(jst('2026-06-10', '09:00'), 90, 1_200, [8]);
    await approved(jst('2026-07-08', '13:00'), 60, 1_000, [10]);
    await approved(jst('2026-07-09', '18:00'), 90, 1_500, [11, 6]);
    await approved(jst('2026-08-05', '10:00'), 60, 800, [2], 'reported');
  });

  const zero = { count: 0, hours: 0, fees: 0 };

  it('adds up the per-category rows of the codes mapped to each national category', async () => {
    const report = await annualReport(ctx.deps, 2026);
    expect(report.byNationalCategory).toEqual([
      { category: 'transport', codes: [1, 5], count: 2, hours: 4, fees: 3_200 },
      { category: 'before_after_childcare', codes: [2, 3], ...zero },
      { category: 'after_school', codes: [4], ...zero },
      { category: 'parent_illness', codes: [6], count: 1, hours: 1.5, fees: 1_500 },
      { category: 'family_events', codes: [7], ...zero },
      { category: 'outings', codes: [8], count: 1, hours: 1.5, fees: 1_200 },
      { category: 'work', codes: [9], ...zero },
      { category: 'sick_child', codes: [10], count: 1, hours: 1, fees: 1_000 },
      { category: 'emergency', codes: [11], count: 1, hours: 1.5, fees: 1_500 },
      { category: 'other', codes: [12], ...zero },
    ]);
    expect(report.activities.sickChild).toEqual({ count: 1, minutes: 60, hours: 1 });

    const json = await staff.get('/api/v1/reports/annual?fiscalYear=2026');
    expect(json.status).toBe(200);
    const body = (await json.json()) as { byNationalCategory: { category: string }[] };
    expect(body.byNationalCategory[0]).toEqual(report.byNationalCategory[0]);
    const csv = await (await staff.get('/api/v1/reports/annual.csv?fiscalYear=2026')).text();
    expect(csv).toContain('国の実施状況調査の区分別,送迎（保育施設・習い事等）（件数）,2');
    const page = await (await staff.get('/staff/reports/annual?fiscalYear=2026')).text();
    expect(page).toContain('国の実施状況調査の区分別');
  });

  it('follows a changed mapping and sick-child flag', async () => {
    expect((await put(8, { nationalCategory: 'other' })).status).toBe(200);
    expect((await put(11, { sickChild: true })).status).toBe(200);
    const report = await annualReport(ctx.deps, 2026);
    const row = (c: string) => report.byNationalCategory.find((x) => x.category === c);
    expect(row('outings')).toEqual({ category: 'outings', codes: [], ...zero });
    expect(row('other')).toEqual({
      category: 'other',
      codes: [8, 12],
      count: 1,
      hours: 1.5,
      fees: 1_200,
    });
    expect(report.activities.sickChild).toEqual({ count: 2, minutes: 150, hours: 2.5 });
    const sick = report.previousYear.items.find((i) => i.key === 'sickChild');
    expect(sick?.current).toBe(2);
  });

  it('shows the names admins gave the categories wherever categories are listed', async () => {
    const before = await (await staff.get('/staff/reports/annual?fiscalYear=2026')).text();
    expect(before).toContain('8 買い物等外出・リフレッシュ時の預かり');
    expect((await put(8, { labelJa: '外出・息抜きの預かり' })).status).toBe(200);
    const page = await (await staff.get('/staff/reports/annual?fiscalYear=2026')).text();
    expect(page).toContain('8 外出・息抜きの預かり');
    expect(page).not.toContain('買い物等外出・リフレッシュ時の預かり');
    const csv = await (await staff.get('/api/v1/reports/annual.csv?fiscalYear=2026')).text();
    expect(csv).toContain('8 外出・息抜きの預かり');
  });
});
