import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_EXCLUSIONS } from '../../src/modules/settings/settings.schemas.js';
import { getSetting } from '../../src/modules/settings/settings.service.js';
import { FEE_TABLE_FORM } from '../helpers/fuzz-world.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

/*
 * Issue #20, point 1: the sick-child and emergency programme's settings (on/off, hours,
 * overnight, partner institutions, the exclusion checklist) on the settings page and the API,
 * and its rates in the fee tables (valid-from).
 */

let ctx: TestContext;
beforeEach(async () => {
  ctx = await setupTestApp();
});

const asAdmin = async () =>
  TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'admin' }));

const programmeForm = (overrides: Record<string, string> = {}) => ({
  'programme.enabled': 'true',
  'programme.serviceStart': '5:00',
  'programme.serviceEnd': '24:00',
  'programme.overnight': 'true',
  'programme.maxHours': '24',
  'programme.partners':
    'みどり市民病院 小児科,0120-000-111,夜間は救急外来\n中央こどもクリニック,0120-000-222',
  'programme.exclusions':
    'fever,38.0℃以上の発熱がある,A temperature of 38.0 °C or higher\nrash,発しんがある,A rash, spots or blisters',
  ...overrides,
});

describe('programme settings', () => {
  it('is off by default, with the default checklist and no partners', async () => {
    const programme = await getSetting(ctx.deps, 'programme');
    expect(programme).toMatchObject({ enabled: false, overnight: true, partners: [] });
    expect(programme.exclusions).toEqual(DEFAULT_EXCLUSIONS);
  });

  it('the settings page shows the section in ja and en, with the checklist to edit', async () => {
    const admin = await asAdmin();
    const ja = await (await admin.get('/settings')).text();
    expect(ja).toContain('病児・緊急対応強化事業');
    expect(ja).toContain('38.0℃以上の発熱がある');
    expect(ja).toContain('name="programme.exclusions"');
    await admin.form('/locale', { locale: 'en', next: '/settings' });
    const en = await (await admin.get('/settings')).text();
    expect(en).toContain('Sick-child and emergency programme');
    expect(en).toContain('Exclusion checklist');
  });

  it('an admin saves it from the page: lists read line by line, commas kept in the last field', async () => {
    const admin = await asAdmin();
    const res = await admin.form('/settings/programme', programmeForm());
    expect(res.status).toBe(303);
    const saved = await getSetting(ctx.deps, 'programme');
    expect(saved).toMatchObject({ enabled: true, serviceStart: '05:00', serviceEnd: '24:00' });
    expect(saved.partners).toEqual([
      { name: 'みどり市民病院 小児科', phone: '0120-000-111', note: '夜間は救急外来' },
      { name: '中央こどもクリニック', phone: '0120-000-222', note: '' },
    ]);
    expect(saved.exclusions[1]).toEqual({
      code: 'rash',
      ja: '発しんがある',
      en: 'A rash, spots or blisters',
    });
    // The page shows it back as it was typed (and saving it again changes nothing).
    const page = await (await admin.get('/settings')).text();
    expect(page).toContain('rash,発しんがある,A rash, spots or blisters');
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .select(['action', 'subject_id'])
      .where('action', '=', 'settings_updated')
      .execute();
    expect(audit).toEqual([{ action: 'settings_updated', subject_id: 'programme' }]);
  });

  it('refuses a line without its parts, a repeated code, an empty checklist and hours out of order (422)', async () => {
    const admin = await asAdmin();
    const cases: [Record<string, string>, string][] = [
      [{ 'programme.exclusions': 'fever' }, 'カンマで区切って入力してください'],
      [
        { 'programme.exclusions': 'fever,発熱,Fever\nfever,熱がある,Fever again' },
        '同じ記号の項目が2つあります',
      ],
      [{ 'programme.exclusions': '' }, 'チェック項目を1つ以上入力してください'],
      [{ 'programme.serviceStart': '23:00', 'programme.serviceEnd': '22:00' }, ''],
      [{ 'programme.partners': 'みどり市民病院' }, 'カンマで区切って入力してください'],
    ];
    for (const [overrides, message] of cases) {
      const res = await admin.form('/settings/programme', programmeForm(overrides));
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain('error-summary');
      if (message) expect(html).toContain(message);
    }
    expect((await getSetting(ctx.deps, 'programme')).enabled).toBe(false);
  });

  it('the JSON API reads and replaces the section; an invalid one is a 400', async () => {
    const admin = await asAdmin();
    const all = (await (await admin.get('/api/v1/settings')).json()) as {
      programme: { enabled: boolean };
    };
    expect(all.programme.enabled).toBe(false);
    const programme = {
      enabled: true,
      serviceStart: '05:00',
      serviceEnd: '24:00',
      overnight: false,
      maxHours: 12,
      partners: [{ name: 'みどり市民病院', phone: '0120-000-111', note: '' }],
      exclusions: DEFAULT_EXCLUSIONS,
    };
    const put = await admin.json('PUT', '/api/v1/settings', { programme });
    expect(put.status).toBe(200);
    expect(((await put.json()) as { programme: unknown }).programme).toEqual(programme);
    const bad = await admin.json('PUT', '/api/v1/settings', {
      programme: { ...programme, serviceEnd: '24:30' },
    });
    expect(bad.status).toBe(400);
  });

  it('a parent or staff member cannot change it', async () => {
    const staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
    expect((await staff.form('/settings/programme', programmeForm())).status).toBe(403);
    expect((await getSetting(ctx.deps, 'programme')).enabled).toBe(false);
  });
});

describe('programme rates in the fee tables', () => {
  // The ordinary fields as the fuzzer's world sends them, plus the programme's.
  const feeForm = {
    ...FEE_TABLE_FORM,
    'programme.earlyStart': '5:00',
    'programme.dayStart': '7:00',
    'programme.lateStart': '18:00',
    'programme.overnightStart': '22:00',
    'programme.sick': '1,100',
    'programme.emergency': '1000',
    'programme.holiday': '1100',
    'programme.early': '1200',
    'programme.late': '1200',
    'programme.overnight': '1300',
  };

  it('a new table carries its programme rates and band edges from its valid-from date', async () => {
    const admin = await asAdmin();
    const page = await (await admin.get('/settings/fees')).text();
    expect(page).toContain('name="programme.overnight"');
    expect((await admin.form('/settings/fees/tables', feeForm)).status).toBe(303);
    const fees = await getSetting(ctx.deps, 'fees');
    expect(fees.find((t) => t.validFrom === '2027-04-01')?.programme).toEqual({
      earlyStart: '05:00',
      dayStart: '07:00',
      lateStart: '18:00',
      overnightStart: '22:00',
      rates: {
        sick: 1100,
        emergency: 1000,
        holiday: 1100,
        early: 1200,
        late: 1200,
        overnight: 1300,
      },
    });
  });

  it('band edges out of order or a missing rate are shown next to their fields (422)', async () => {
    const admin = await asAdmin();
    const order = await admin.form('/settings/fees/tables', {
      ...feeForm,
      'programme.lateStart': '23:00',
    });
    expect(order.status).toBe(422);
    expect(await order.text()).toContain('href="#field-programme.overnightStart"');
    const res = await admin.form('/settings/fees/tables', {
      ...feeForm,
      'programme.overnight': '',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('href="#field-programme.overnight"');
  });
});
