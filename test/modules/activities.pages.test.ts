import { beforeEach, describe, expect, it } from 'vitest';
import { createChild, createEligibleHelper, createMember } from '../helpers/factories.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

// The web pages of activity reports: the report form with its confirmation step, the review
// buttons, statements, incidents and the admin fee-table page (the API is in activities.test.ts).
let ctx: TestContext;
let staffUser: Awaited<ReturnType<typeof createUser>>;
beforeEach(async () => {
  ctx = await setupTestApp();
  staffUser = await createUser(ctx.deps, { role: 'staff' });
});

const jst = (date: string, time: string) => `${date}T${time}:00+09:00`;

async function scenario() {
  const parent = await createMember(ctx.deps, { kind: 'requester', name: '田中 さくら' });
  const older = await createChild(ctx.deps, parent.member.id, {
    birthDate: '2022-06-01',
    name: '田中 はると',
  });
  const younger = await createChild(ctx.deps, parent.member.id, {
    birthDate: '2024-01-10',
    name: '田中 ゆい',
  });
  const helper = await createEligibleHelper(ctx.deps, { name: '鈴木 恵子' });
  await ctx.deps.db
    .updateTable('member')
    .set({ helper_max_children: 2 })
    .where('id', '=', helper.member.id)
    .execute();
  const staff = await TestClient.signedInAs(ctx, staffUser);
  const created = await staff.json('POST', '/api/v1/requests', {
    requesterId: parent.member.id,
    childIds: [older.id, younger.id],
    category: 8,
    startsAt: jst('2026-11-25', '18:30'),
    endsAt: jst('2026-11-25', '19:40'),
    careLocationNote: 'みどり公園',
  });
  expect(created.status).toBe(201);
  const requestId = ((await created.json()) as { request: { id: string } }).request.id;
  expect(
    (
      await staff.json('POST', `/api/v1/requests/${requestId}/assign`, {
        helperId: helper.member.id,
      })
    ).status,
  ).toBe(200);
  ctx.clock.set(jst('2026-11-25', '20:00'));
  return {
    parent: { ...parent, client: await TestClient.signedInAs(ctx, parent.user) },
    helper: { ...helper, client: await TestClient.signedInAs(ctx, helper.user) },
    staff: await TestClient.signedInAs(ctx, staffUser),
    older,
    younger,
    requestId,
  };
}

function reportForm(
  s: Awaited<ReturnType<typeof scenario>>,
  overrides: Record<string, string> = {},
) {
  return {
    date: '2026-11-25',
    startTime: '18:30',
    endTime: '19:40',
    [`child.${s.older.id}`]: 'yes',
    [`child.${s.younger.id}`]: 'yes',
    'category.8': 'yes',
    place: 'みどり公園',
    transportCost: '３００',
    mealCost: '0',
    notes: '元気に遊びました。',
    ...overrides,
  };
}

describe('the activity report pages', () => {
  it('the helper fills the form, sees the fee line by line, then submits; the parent confirms; staff approve', async () => {
    const s = await scenario();
    const url = `/activities/new?request=${s.requestId}`;
    const form = await s.helper.client.get(url);
    expect(form.status).toBe(200);
    const html = await form.text();
    // Planned times and the request's children are filled in; the safety rules are shown.
    expect(html).toContain('value="18:30"');
    expect(html).toContain('value="19:40"');
    expect(html).toContain('田中 はると');
    expect(html).toContain('入浴や水遊びはさせません');
    expect(html).toContain('value="みどり公園"');
    // The end on a later day is for the programme's overnight care only (programme-requests).
    expect(html).not.toContain('name="endDate"');
    expect((await s.parent.client.get(url)).status).toBe(404);
    expect((await s.staff.get(url)).status).toBe(404);

    const review = await s.helper.client.form(url, { ...reportForm(s), step: 'review' });
    expect(review.status).toBe(200);
    const reviewHtml = await review.text();
    expect(reviewHtml).toContain('1人目 平日日中 18:30–19:00');
    expect(reviewHtml).toContain('2人目 平日時間外 19:00–20:00');
    expect(reviewHtml).toContain('￥1,950');
    expect(reviewHtml).toContain('￥2,250'); // with ¥300 transport
    expect(await ctx.deps.db.selectFrom('activity').select('id').execute()).toEqual([]);

    const submitted = await s.helper.client.form(url, { ...reportForm(s), step: 'submit' });
    expect(submitted.status).toBe(303);
    const location = submitted.headers.get('location')!;
    expect(location).toMatch(/^\/activities\/[\w-]+$/);
    const activity = await ctx.deps.db.selectFrom('activity').selectAll().executeTakeFirstOrThrow();
    expect(activity).toMatchObject({ fee_total: 1950, transport_cost: 300, status: 'reported' });
    // The form now leads to the report.
    expect((await s.helper.client.get(url)).headers.get('location')).toBe(location);

    const parentList = await (await s.parent.client.get('/activities')).text();
    expect(parentList).toContain('確認をお願いします');
    expect(parentList).toContain(`action="/activities/${activity.id}/confirm"`);
    expect(
      (await s.parent.client.form(`/activities/${activity.id}/confirm`, { version: '1' })).status,
    ).toBe(303);

    const queue = await (await s.staff.get('/activities')).text();
    expect(queue).toContain(`action="/activities/${activity.id}/approve"`);
    expect((await s.helper.client.form(`/activities/${activity.id}/approve`, {})).status).toBe(403);
    expect(
      (await s.staff.form(`/activities/${activity.id}/approve`, { version: '1' })).status,
    ).toBe(303);
    const request = await ctx.deps.db
      .selectFrom('care_request')
      .select('status')
      .where('id', '=', s.requestId)
      .executeTakeFirstOrThrow();
    expect(request.status).toBe('completed');

    const statement = await s.parent.client.get(`/statements/${s.parent.member.id}/2026-11`);
    expect(statement.status).toBe(200);
    const text = await statement.text();
    expect(text).toContain('2026年11月の明細');
    expect(text).toContain('預かり（無償化の対象）');
    expect(text).toContain('￥1,300');
    expect(text).toContain('￥650');
    expect((await s.helper.client.get(`/statements/${s.parent.member.id}/2026-11`)).status).toBe(
      404,
    );
    expect((await s.helper.client.get(`/statements/${s.helper.member.id}/2026-11`)).status).toBe(
      200,
    );
  });

  it('renders the form for a one-child family, with the incident part folded until ticked', async () => {
    const parent = await createMember(ctx.deps, { kind: 'requester' });
    const child = await createChild(ctx.deps, parent.member.id, { name: '山田 りく' });
    const helper = await createEligibleHelper(ctx.deps);
    const staff = await TestClient.signedInAs(ctx, staffUser);
    const created = await staff.json('POST', '/api/v1/requests', {
      requesterId: parent.member.id,
      childIds: [child.id],
      category: 1,
      startsAt: jst('2026-11-26', '08:00'),
      endsAt: jst('2026-11-26', '08:40'),
    });
    const requestId = ((await created.json()) as { request: { id: string } }).request.id;
    await staff.json('POST', `/api/v1/requests/${requestId}/assign`, {
      helperId: helper.member.id,
    });
    const client = await TestClient.signedInAs(ctx, helper.user);
    ctx.clock.set(jst('2026-11-26', '08:45')); // the form is offered once the help has ended
    const res = await client.get(`/activities/new?request=${requestId}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('山田 りく');
    expect(html).toContain(`name="child.${child.id}" value="yes" checked`);
    expect(html).toContain('class="act-incident__details"');
  });

  it('shows field errors for a bad form (422) and keeps what was typed', async () => {
    const s = await scenario();
    const url = `/activities/new?request=${s.requestId}`;
    const res = await s.helper.client.form(url, {
      ...reportForm(s, { endTime: '18:00', transportCost: 'たくさん' }),
      [`child.${s.older.id}`]: '',
      [`child.${s.younger.id}`]: '',
      step: 'review',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('終了は開始より後にしてください。');
    expect(html).toContain('0以上の整数（円）で入力してください。');
    expect(html).toContain('活動にいたお子さんを1人以上選んでください。');
    expect(html).toContain('value="たくさん"');
    const future = await s.helper.client.form(url, {
      ...reportForm(s, { endTime: '21:00' }),
      step: 'review',
    });
    expect(future.status).toBe(422);
    expect(await future.text()).toContain('終了時刻がまだ来ていません');
    expect(await ctx.deps.db.selectFrom('activity').select('id').execute()).toEqual([]);
  });

  it('staff return a report; the helper corrects it through the form and the history shows the old version', async () => {
    const s = await scenario();
    const url = `/activities/new?request=${s.requestId}`;
    await s.helper.client.form(url, { ...reportForm(s), step: 'submit' });
    const activity = await ctx.deps.db
      .selectFrom('activity')
      .select('id')
      .executeTakeFirstOrThrow();
    const empty = await s.staff.form(`/activities/${activity.id}/return`, { reason: '' });
    expect(empty.status).toBe(422);
    expect(
      (
        await s.staff.form(`/activities/${activity.id}/return`, {
          reason: '終了時刻をご確認ください',
        })
      ).status,
    ).toBe(303);
    const detail = await (await s.helper.client.get(`/activities/${activity.id}`)).text();
    expect(detail).toContain('終了時刻をご確認ください');
    expect(detail).toContain(`/activities/${activity.id}/edit`);

    const edit = `/activities/${activity.id}/edit`;
    expect((await s.helper.client.get(edit)).status).toBe(200);
    expect((await s.parent.client.get(edit)).status).toBe(404);
    const review = await s.helper.client.form(edit, {
      ...reportForm(s, { endTime: '19:30' }),
      reason: '時刻の誤り',
      version: '1',
      step: 'review',
    });
    expect(review.status).toBe(200);
    expect(await review.text()).toContain('￥1,275'); // 1st ¥850 + 2nd ¥425
    expect(
      (
        await s.helper.client.form(edit, {
          ...reportForm(s, { endTime: '19:30' }),
          reason: '時刻の誤り',
          version: '1',
          step: 'submit',
        })
      ).status,
    ).toBe(303);
    const after = await (await s.parent.client.get(`/activities/${activity.id}`)).text();
    expect(after).toContain('修正の履歴');
    expect(after).toContain('第1版');
    expect(after).toContain('時刻の誤り');
    expect(after).toContain('￥1,950'); // the old fee, in the history
  });

  it('the parent disputes with a reason; an empty reason is a 422', async () => {
    const s = await scenario();
    await s.helper.client.form(`/activities/new?request=${s.requestId}`, {
      ...reportForm(s),
      step: 'submit',
    });
    const activity = await ctx.deps.db
      .selectFrom('activity')
      .select('id')
      .executeTakeFirstOrThrow();
    expect(
      (await s.parent.client.form(`/activities/${activity.id}/dispute`, { reason: '' })).status,
    ).toBe(422);
    expect(
      (
        await s.parent.client.form(`/activities/${activity.id}/dispute`, {
          reason: '19時30分に帰宅しました',
        })
      ).status,
    ).toBe(303);
    const row = await ctx.deps.db
      .selectFrom('activity')
      .select(['status', 'dispute_reason'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'disputed', dispute_reason: '19時30分に帰宅しました' });
    expect(await (await s.staff.get('/activities')).text()).toContain('異議あり');
  });

  it('a serious accident on the form is flagged; staff see it and print the report form', async () => {
    const s = await scenario();
    const res = await s.helper.client.form(`/activities/new?request=${s.requestId}`, {
      ...reportForm(s),
      incident: 'yes',
      incidentKind: 'accident',
      incidentSeverity: 'serious',
      incidentSeriousReason: 'treatment_30_days',
      incidentDescription: '滑り台から落ちて腕を骨折した。',
      incidentActionTaken: '病院へ付き添い、保護者に連絡した。',
      step: 'submit',
    });
    expect(res.status).toBe(303);
    const list = await (await s.staff.get('/incidents?serious=1')).text();
    expect(list).toContain('都道府県への報告が必要です');
    const incident = await ctx.deps.db
      .selectFrom('incident')
      .select('id')
      .executeTakeFirstOrThrow();
    const print = await s.staff.get(`/incidents/${incident.id}/print`);
    expect(print.status).toBe(200);
    const printHtml = await print.text();
    expect(printHtml).toContain('事故報告書');
    expect(printHtml).toContain('治療に30日以上かかるけが・病気');
    expect((await s.parent.client.get(`/incidents/${incident.id}/print`)).status).toBe(403);
    expect((await s.staff.form(`/incidents/${incident.id}/reported`, {})).status).toBe(303);
    const row = await ctx.deps.db
      .selectFrom('incident')
      .select('reported_to_prefecture_at')
      .executeTakeFirstOrThrow();
    expect(row.reported_to_prefecture_at).not.toBeNull();
  });

  it('staff see the missing reports page on the 11th of the next month', async () => {
    const s = await scenario();
    ctx.clock.set(jst('2026-12-11', '09:00'));
    const staff = await TestClient.signedInAs(ctx, staffUser);
    const page = await staff.get('/activities/missing');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('田中 さくら');
    expect(html).toContain('1件あります');
    const parent = await TestClient.signedInAs(ctx, s.parent.user);
    expect((await parent.get('/activities/missing')).status).toBe(403);
  });
});

describe('the fee-table page (admin)', () => {
  it('adds a table valid from a later date; the existing one stays in force until then', async () => {
    const admin = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'admin' }));
    const page = await admin.get('/settings/fees');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('現在適用中');
    const staff = await TestClient.signedInAs(ctx, staffUser);
    expect((await staff.get('/settings/fees')).status).toBe(403);

    const fields = {
      validFrom: '2027-04-01',
      weekdayDay: '1,000',
      weekdayOther: '1100',
      weekendHoliday: '1100',
      yearEnd: '1100',
      sickChild: '1200',
      dayStart: '7:00',
      dayEnd: '19:00',
      siblingPercent: '50',
      unitMinutes: '30',
      minimumUnits: '2',
      yearEndFrom: '12-29',
      yearEndTo: '01-03',
      sickChildCategory: '10',
      sameDayUnits: '2',
      noShow: 'full',
    };
    const bad = await admin.form('/settings/fees/tables', { ...fields, weekdayDay: '-5' });
    expect(bad.status).toBe(422);
    expect((await admin.form('/settings/fees/tables', fields)).status).toBe(303);
    const duplicate = await admin.form('/settings/fees/tables', fields);
    expect(duplicate.status).toBe(422);
    expect(await duplicate.text()).toContain('この日から適用の料金表はすでにあります。');

    const tables = (await (await admin.get('/api/v1/fees/tables')).json()) as {
      items: {
        validFrom: string;
        rates: { weekdayDay: number };
        weekdayDayBand: { start: string };
      }[];
    };
    expect(tables.items[0]).toMatchObject({
      validFrom: '2027-04-01',
      rates: { weekdayDay: 1000 },
      weekdayDayBand: { start: '07:00' },
    });
    const quote = async (date: string) =>
      (
        (await (
          await admin.json('POST', '/api/v1/fees/quote', {
            startsAt: jst(date, '10:00'),
            endsAt: jst(date, '11:00'),
            children: [{ birthDate: '2022-06-01' }],
            category: 8,
          })
        ).json()) as { total: number }
      ).total;
    expect(await quote('2027-03-31')).toBe(800);
    expect(await quote('2027-04-01')).toBe(1000);

    // A scheduled table may be deleted; the one in force may not.
    expect((await admin.form('/settings/fees/tables/2000-01-01/delete', {})).status).toBe(409);
    expect((await admin.form('/settings/fees/tables/2027-04-01/delete', {})).status).toBe(303);
    expect(await quote('2027-04-01')).toBe(800);
  });
});

describe('the report is offered once the help has ended (#17)', () => {
  it('before the end the form is not offered: the page and the list say when, in Tokyo time', async () => {
    const s = await scenario();
    ctx.clock.set(jst('2026-11-25', '19:00')); // the help runs 18:30–19:40
    const url = `/activities/new?request=${s.requestId}`;
    const page = await s.helper.client.get(url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(
      'この活動報告は、活動が終わる11月25日(水) 19:40（日本時間）から書けます。',
    );
    expect(html).not.toContain(`action="${url}"`);
    const list = await (await s.helper.client.get('/activities')).text();
    expect(list).toContain('11月25日(水) 19:40（日本時間）から書けます');
    expect(list).not.toContain(`href="${url}"`);

    await ctx.deps.db
      .updateTable('user')
      .set({ locale: 'en' })
      .where('id', '=', s.helper.user.id)
      .execute();
    const en = await (await s.helper.client.get(url)).text();
    expect(en).toContain(
      'You can write this report once the help has ended: from Wed 25 Nov, 19:40 (Tokyo time).',
    );

    // From the end on, the form is there.
    ctx.clock.set(jst('2026-11-25', '19:40'));
    expect(await (await s.helper.client.get(url)).text()).toContain(`action="${url}"`);
    expect(await (await s.helper.client.get('/activities')).text()).toContain(`href="${url}"`);
  });

  it('the fee lines say when the minimum charge applies (40 minutes charged as 1 hour)', async () => {
    const s = await scenario();
    const url = `/activities/new?request=${s.requestId}`;
    const short = reportForm(s, { startTime: '18:30', endTime: '19:10' });
    delete short[`child.${s.younger.id}`];
    const review = await (await s.helper.client.form(url, { ...short, step: 'review' })).text();
    expect(review).toContain('最低料金の適用：活動は40分でしたが、報酬は最低1時間分です。');
    expect((await s.helper.client.form(url, { ...short, step: 'submit' })).status).toBe(303);
    const activity = await ctx.deps.db
      .selectFrom('activity')
      .select('id')
      .executeTakeFirstOrThrow();
    const detail = await (await s.parent.client.get(`/activities/${activity.id}`)).text();
    expect(detail).toContain('最低料金の適用：活動は40分でしたが、報酬は最低1時間分です。');

    // A report as long as the minimum or longer says nothing of it.
    const full = await (await s.helper.client.get(`/activities/${activity.id}/edit`)).text();
    expect(full).not.toContain('最低料金の適用');
    const longer = await (
      await s.helper.client.form(`/activities/${activity.id}/edit`, {
        ...short,
        endTime: '19:40',
        version: '1',
        reason: '終了時刻の訂正',
        step: 'review',
      })
    ).text();
    expect(longer).not.toContain('最低料金の適用');
  });
});

describe('words that are right (#17 pt 5)', () => {
  it('one handover rule from settings, the same on the request page and the report form', async () => {
    const s = await scenario();
    const registered = '保護者か、登録された「お迎えできる人」にだけ、直接引き渡します。';
    const form = await (await s.helper.client.get(`/activities/new?request=${s.requestId}`)).text();
    const request = await (await s.helper.client.get(`/requests/${s.requestId}`)).text();
    expect(form).toContain(registered);
    expect(request).toContain(registered);
    expect(form + request).not.toContain('責任を持てるおとなに直接');

    const admin = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'admin' }));
    const { requests: rules } = (await (await admin.get('/api/v1/settings')).json()) as {
      requests: object;
    };
    const saved = await admin.json('PUT', '/api/v1/settings', {
      requests: { ...rules, handoverTo: 'responsible_adult' },
    });
    expect(saved.status).toBe(200);
    const adult = '保護者か、保護者が指定した責任を持てるおとなにだけ、直接引き渡します。';
    expect(
      await (await s.helper.client.get(`/activities/new?request=${s.requestId}`)).text(),
    ).toContain(adult);
    expect(await (await s.helper.client.get(`/requests/${s.requestId}`)).text()).toContain(adult);
  });

  it('the family reads about herself; the default fee table applies "from the start"', async () => {
    const s = await scenario();
    const url = `/activities/new?request=${s.requestId}`;
    await s.helper.client.form(url, { ...reportForm(s), step: 'submit' });
    const { id } = await ctx.deps.db.selectFrom('activity').select('id').executeTakeFirstOrThrow();
    const parentView = await (await s.parent.client.get(`/activities/${id}`)).text();
    expect(parentView).toContain('内容を確認してください。');
    expect(parentView).not.toContain('依頼会員さん');
    expect(parentView).toContain('報酬基準（当初からの基準）で計算しています。');
    expect(parentView).not.toContain('2000年');
    const helperView = await (await s.helper.client.get(`/activities/${id}`)).text();
    expect(helperView).toContain('依頼会員さんの確認を待っています。');
  });
});
