import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_AREAS,
  DEFAULT_ELIGIBILITY,
  DEFAULT_LABELS,
  DEFAULT_REQUEST_RULES,
  defaultSettings,
  type CenterSettings,
} from '../../src/modules/settings/settings.schemas.js';
import {
  getAreas,
  getCenterSettings,
  getEligibility,
  getRequestRules,
} from '../../src/modules/settings/settings.service.js';
import {
  countRows,
  createUser,
  setupTestApp,
  TestClient,
  type TestContext,
} from '../helpers/test-app.js';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await setupTestApp();
});

const asAdmin = async () =>
  TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'admin' }));

async function storeRaw(key: string, value: string) {
  await ctx.deps.db
    .insertInto('setting')
    .values({ key, value, updated_at: '2026-01-01T00:00:00.000Z', updated_by: null })
    .execute();
}

/** The current value of every field of the /settings page's `requests` form. */
const requestsForm = (overrides: Record<string, string> = {}) => ({
  leadTimeCutoff: '17:00',
  firstRequestLeadDays: '14',
  serviceStart: '06:00',
  serviceEnd: '22:00',
  offerExpiryHours: '24',
  plannerMaxPerDay: '3',
  maxSiblings: '2',
  carTransportAllowed: 'false',
  ...overrides,
});

describe('reading settings', () => {
  it('gives DOMAIN.md defaults when nothing is stored', async () => {
    const settings = await getCenterSettings(ctx.deps);
    expect(settings).toEqual(defaultSettings());
    expect(settings.labels).toEqual(DEFAULT_LABELS);
    expect(settings.eligibility).toMatchObject({
      requesterChildMinAgeDays: 57,
      helperMinAgeYears: 20,
      infantMaxHours: 3,
      infantMonths: 6,
    });
    expect(settings.requests).toMatchObject({
      leadTimeCutoff: '17:00',
      firstRequestLeadDays: 14,
      maxSiblings: 2,
      carTransportAllowed: false,
    });
    expect(settings.retention.withdrawnMemberYears).toBe(5);
    expect(settings.reports.activityReportDueDay).toBe(10);
    expect(settings.training.expiryNoticeDays).toEqual([60, 30]);
    expect(settings.areas).toHaveLength(8);
    expect(await getAreas(ctx.deps)).toEqual(DEFAULT_AREAS);

    const res = await (await asAdmin()).get('/api/v1/settings');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(defaultSettings());
  });

  it('falls back to the default of a section whose stored value is broken, and logs it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await storeRaw('eligibility', '{not json');
    await storeRaw('requests', JSON.stringify({ ...DEFAULT_REQUEST_RULES, maxSiblings: 'many' }));
    await storeRaw('retention', JSON.stringify({ withdrawnMemberYears: 7 }));
    await storeRaw('some_future_section', '{"x":1}');
    const settings = await getCenterSettings(ctx.deps);
    expect(settings.eligibility).toEqual(DEFAULT_ELIGIBILITY);
    expect(settings.requests).toEqual(DEFAULT_REQUEST_RULES);
    expect(settings.retention).toEqual({ withdrawnMemberYears: 7 });
    expect(await getEligibility(ctx.deps)).toEqual(DEFAULT_ELIGIBILITY);
    expect(warn).toHaveBeenCalled();
    const res = await (await asAdmin()).get('/settings');
    expect(res.status).toBe(200);
    warn.mockRestore();
  });

  it('fills a field missing from a stored section with its default', async () => {
    const { plannerMaxPerDay: _, ...older } = { ...DEFAULT_REQUEST_RULES, maxSiblings: 3 };
    await storeRaw('requests', JSON.stringify(older));
    expect(await getRequestRules(ctx.deps)).toEqual({ ...DEFAULT_REQUEST_RULES, maxSiblings: 3 });
  });

  it('lists the areas to anyone, signed in or not', async () => {
    const res = await new TestClient(ctx).get('/api/v1/areas');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ items: DEFAULT_AREAS });
  });
});

describe('PUT /settings', () => {
  it('saves one section; GET shows it and the other sections keep their defaults', async () => {
    const admin = await asAdmin();
    const requests = {
      ...DEFAULT_REQUEST_RULES,
      leadTimeCutoff: '18:00',
      carTransportAllowed: true,
    };
    const res = await admin.json('PUT', '/api/v1/settings', { requests });
    expect(res.status).toBe(200);
    const expected: CenterSettings = { ...defaultSettings(), requests };
    expect(await res.json()).toEqual(expected);
    expect(await (await admin.get('/api/v1/settings')).json()).toEqual(expected);
    expect(await getRequestRules(ctx.deps)).toEqual(requests);
    const rows = await ctx.deps.db.selectFrom('setting').selectAll().execute();
    expect(rows.map((r) => r.key)).toEqual(['requests']);
  });

  it('writes one settings_updated audit row naming the changed sections, by the admin', async () => {
    const adminUser = await createUser(ctx.deps, { role: 'admin' });
    const admin = await TestClient.signedInAs(ctx, adminUser);
    const areas = [
      { code: 'chuo', nameJa: '中央地区', nameEn: 'Chuo' },
      { code: 'yamate', nameJa: '山手地区', nameEn: 'Yamate' },
    ];
    const labels = { ...DEFAULT_LABELS, helper: { ja: '協力会員', en: 'Supporter' } };
    const res = await admin.json('PUT', '/api/v1/settings', {
      areas,
      labels,
      eligibility: DEFAULT_ELIGIBILITY,
    });
    expect(res.status).toBe(200);
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'settings_updated')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_user_id).toBe(adminUser.id);
    // eligibility was sent unchanged: neither written nor listed.
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({
      sections: ['labels', 'areas'],
      after: { areas, labels },
    });
    const rows = await ctx.deps.db
      .selectFrom('setting')
      .select(['key', 'updated_by'])
      .orderBy('key')
      .execute();
    expect(rows).toEqual([
      { key: 'areas', updated_by: adminUser.id },
      { key: 'labels', updated_by: adminUser.id },
    ]);
    expect(await (await new TestClient(ctx).get('/api/v1/areas')).json()).toEqual({ items: areas });

    // Sending the same values again changes nothing and records nothing.
    expect((await admin.json('PUT', '/api/v1/settings', { areas })).status).toBe(200);
    expect(await countRows(ctx.deps, 'audit_log')).toBe(1);
  });

  it('is admin only: staff and members get 403, anonymous 401', async () => {
    const body = { retention: { withdrawnMemberYears: 3 } };
    const staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
    const member = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'member' }));
    const anonymous = new TestClient(ctx);
    for (const [client, status] of [
      [staff, 403],
      [member, 403],
      [anonymous, 401],
    ] as const) {
      expect((await client.json('PUT', '/api/v1/settings', body)).status).toBe(status);
      expect((await client.get('/api/v1/settings')).status).toBe(status);
    }
    expect(await countRows(ctx.deps, 'audit_log')).toBe(0);
    expect((await getCenterSettings(ctx.deps)).retention.withdrawnMemberYears).toBe(5);
  });

  it('refuses an invalid section with 400 and per-field messages, saving nothing', async () => {
    const admin = await asAdmin();
    const res = await admin.json('PUT', '/api/v1/settings', {
      retention: { withdrawnMemberYears: 3 },
      requests: { ...DEFAULT_REQUEST_RULES, maxSiblings: 0, leadTimeCutoff: '25:00' },
    });
    expect(res.status).toBe(400);
    const body = await res.json<{ error: { code: string; fields: Record<string, string[]> } }>();
    expect(body.error.code).toBe('invalid_input');
    expect(Object.keys(body.error.fields).sort()).toEqual([
      'requests.leadTimeCutoff',
      'requests.maxSiblings',
    ]);
    expect(body.error.fields['requests.maxSiblings']![0]).toBe(
      '範囲内の整数を半角数字で入力してください。',
    );

    const incomplete = await admin.json('PUT', '/api/v1/settings', {
      eligibility: { helperMinAgeYears: 18 },
    });
    expect(incomplete.status).toBe(400);
    expect(await incomplete.json()).toMatchObject({
      error: {
        code: 'invalid_input',
        fields: { 'eligibility.infantMaxHours': [expect.any(String)] },
      },
    });

    const duplicate = await admin.json('PUT', '/api/v1/settings', {
      areas: [
        { code: 'kita', nameJa: '北地区', nameEn: 'Kita' },
        { code: 'kita', nameJa: '北部', nameEn: 'North' },
      ],
    });
    expect(duplicate.status).toBe(400);
    expect(await duplicate.json()).toMatchObject({
      error: { fields: { areas: ['同じコードの地区が複数あります。'] } },
    });

    const hours = await admin.json('PUT', '/api/v1/settings', {
      requests: { ...DEFAULT_REQUEST_RULES, serviceStart: '22:00', serviceEnd: '06:00' },
    });
    expect(await hours.json()).toMatchObject({
      error: { fields: { 'requests.serviceEnd': [expect.any(String)] } },
    });

    expect(await countRows(ctx.deps, 'audit_log')).toBe(0);
    expect(await ctx.deps.db.selectFrom('setting').selectAll().execute()).toEqual([]);
  });

  it('refuses unknown sections and unknown keys inside a section with 400 unknown_fields', async () => {
    const admin = await asAdmin();
    const unknownSection = await admin.json('PUT', '/api/v1/settings', { secretMode: true });
    expect(unknownSection.status).toBe(400);
    expect(await unknownSection.json()).toMatchObject({
      error: { code: 'unknown_fields', fields: { secretMode: [expect.any(String)] } },
    });
    const unknownKey = await admin.json('PUT', '/api/v1/settings', {
      retention: { withdrawnMemberYears: 3, purgeNow: true },
    });
    expect(unknownKey.status).toBe(400);
    expect(await unknownKey.json()).toMatchObject({
      error: { code: 'unknown_fields', fields: { 'retention.purgeNow': [expect.any(String)] } },
    });
    expect(await countRows(ctx.deps, 'audit_log')).toBe(0);
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = await (
      await new TestClient(ctx).get('/api/v1/openapi.json')
    ).json<{ paths: Record<string, Record<string, unknown>> }>();
    expect(Object.keys(doc.paths['/settings'] ?? {}).sort()).toEqual(['get', 'put']);
    expect(doc.paths['/areas']?.get).toMatchObject({ 'x-access': 'public' });
  });
});

describe('the /settings page', () => {
  it('renders every section form for an admin, in Japanese and English', async () => {
    const admin = await asAdmin();
    const res = await admin.get('/settings');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<h1>センター設定<\/h1>/);
    for (const section of [
      'labels',
      'areas',
      'eligibility',
      'retention',
      'renewal',
      'consent',
      'requests',
      'reports',
      'training',
    ]) {
      expect(html).toContain(`action="/settings/${section}"`);
    }
    expect(html).toContain('<legend>');
    expect(html).toContain('chuo,中央地区,Chuo');
    expect(html).toContain('href="/settings"'); // the admin's menu

    const english = await admin.get('/settings', { 'accept-language': 'en' });
    expect(await english.text()).toMatch(/<h1>Center settings<\/h1>/);
  });

  it('is for admins only', async () => {
    const staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
    expect((await staff.get('/settings')).status).toBe(403);
    expect((await staff.form('/settings/retention', { withdrawnMemberYears: '3' })).status).toBe(
      403,
    );
    const anonymous = await new TestClient(ctx).get('/settings');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/login/);
    expect((await (await asAdmin()).form('/settings/nonsense', {})).status).toBe(404);
  });

  it('re-renders a bad value with 422 and the message next to the field; saves nothing', async () => {
    const admin = await asAdmin();
    const res = await admin.form(
      '/settings/requests',
      requestsForm({ maxSiblings: '0', serviceEnd: '05:00' }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('id="field-maxSiblings-error"');
    expect(html).toContain('範囲内の整数を半角数字で入力してください。');
    expect(html).toContain('終了時刻は開始時刻より後にしてください。');
    expect(html).toMatch(/name="maxSiblings"[^>]*value="0"|value="0"[^>]*name="maxSiblings"/);
    expect(html).toContain('aria-invalid="true"');
    expect(await countRows(ctx.deps, 'audit_log')).toBe(0);

    const areas = await admin.form('/settings/areas', {
      areas: 'chuo,中央地区,Chuo\nKita North\n',
    });
    expect(areas.status).toBe(422);
    expect(await areas.text()).toContain('2行目：');
    const badCode = await admin.form('/settings/areas', {
      areas: 'chuo,中央地区,Chuo\n北,北地区,Kita',
    });
    expect(await badCode.text()).toContain('2行目：コードは半角英小文字');
  });

  it('saves a good form with 303 and a notice, and the value persists', async () => {
    const admin = await asAdmin();
    const res = await admin.form(
      '/settings/requests',
      requestsForm({ leadTimeCutoff: '１６：３０', maxSiblings: '3', carTransportAllowed: 'true' }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/settings');
    expect(await getRequestRules(ctx.deps)).toEqual({
      ...DEFAULT_REQUEST_RULES,
      leadTimeCutoff: '16:30',
      maxSiblings: 3,
      carTransportAllowed: true,
    });
    const page = await (await admin.get('/settings')).text();
    expect(page).toContain('「援助の申し込みとマッチング」を保存しました。');
    expect(page).toContain('value="16:30"');

    expect(
      (
        await admin.form('/settings/areas', {
          areas: 'chuo,中央地区,Chuo\r\n\r\nyamate,山手地区,Yamate',
        })
      ).status,
    ).toBe(303);
    expect(await getAreas(ctx.deps)).toEqual([
      { code: 'chuo', nameJa: '中央地区', nameEn: 'Chuo' },
      { code: 'yamate', nameJa: '山手地区', nameEn: 'Yamate' },
    ]);
    expect(
      (
        await admin.form('/settings/labels', {
          'requester.ja': '利用会員',
          'requester.en': 'Parent',
          'helper.ja': 'まかせて会員',
          'helper.en': 'Helper',
          'both.ja': '両方会員',
          'both.en': 'Both',
        })
      ).status,
    ).toBe(303);
    expect((await getCenterSettings(ctx.deps)).labels.helper).toEqual({
      ja: 'まかせて会員',
      en: 'Helper',
    });
    expect((await admin.form('/settings/training', { expiryNoticeDays: '30, 90' })).status).toBe(
      303,
    );
    expect((await getCenterSettings(ctx.deps)).training.expiryNoticeDays).toEqual([90, 30]);
    expect(await countRows(ctx.deps, 'audit_log')).toBe(4);
  });
});
