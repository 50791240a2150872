import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PROGRAMME } from '../../src/modules/settings/settings.schemas.js';
import { createChild, createEligibleHelper, createMember } from '../helpers/factories.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

/*
 * Issue #20, point 2: requests in the sick-child and emergency programme. The clock starts on
 * Saturday 2026-11-21 10:00 JST. 2027-02-10 is a Wednesday, 2027-02-11 建国記念の日 (Thursday).
 * Default programme rates per 30-minute unit: overnight ¥600, early ¥550, late ¥550.
 */

let ctx: TestContext;
let admin: TestClient;
let staff: TestClient;
let staffUser: Awaited<ReturnType<typeof createUser>>;
beforeEach(async () => {
  ctx = await setupTestApp();
  admin = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'admin' }));
  staffUser = await createUser(ctx.deps, { role: 'staff' });
  staff = await TestClient.signedInAs(ctx, staffUser);
});

const jst = (date: string, time: string) => `${date}T${time}:00+09:00`;

async function runProgramme(overrides: Partial<typeof DEFAULT_PROGRAMME> = {}) {
  const res = await admin.json('PUT', '/api/v1/settings', {
    programme: { ...DEFAULT_PROGRAMME, enabled: true, ...overrides },
  });
  expect(res.status).toBe(200);
}

async function family() {
  const parent = await createMember(ctx.deps, { kind: 'requester' });
  const child = await createChild(ctx.deps, parent.member.id, { birthDate: '2022-06-01' });
  return { ...parent, child, client: await TestClient.signedInAs(ctx, parent.user) };
}

type Family = Awaited<ReturnType<typeof family>>;

const overnight = (f: Family, overrides: Record<string, unknown> = {}) =>
  f.client.json('POST', '/api/v1/requests', {
    childIds: [f.child.id],
    category: 11,
    programme: 'emergency',
    startsAt: jst('2027-02-10', '22:00'),
    endsAt: jst('2027-02-11', '07:00'),
    ...overrides,
  });

const codeOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string } }).error.code;

describe('programme requests: who may ask for what', () => {
  it('without the programme, an overnight request is refused either way', async () => {
    const f = await family();
    const programme = await overnight(f);
    expect(programme.status).toBe(422);
    expect(await codeOf(programme)).toBe('programme_off');
    const ordinary = await overnight(f, { programme: undefined, category: 9 });
    expect(ordinary.status).toBe(422);
    expect(await codeOf(ordinary)).toBe('service_hours');
  });

  it('with the programme, an overnight emergency request across midnight is taken', async () => {
    await runProgramme();
    const f = await family();
    const res = await overnight(f);
    expect(res.status).toBe(201);
    const { request } = (await res.json()) as { request: { id: string; programme: string } };
    expect(request.programme).toBe('emergency');
    const row = await ctx.deps.db
      .selectFrom('care_request')
      .select(['programme', 'category'])
      .where('id', '=', request.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ programme: 'emergency', category: 11 });
  });

  it('ordinary requests keep every rule they had: no overnight, 6:00–22:00', async () => {
    await runProgramme();
    const f = await family();
    const res = await overnight(f, { programme: undefined, category: 9 });
    expect(res.status).toBe(422);
    expect(await codeOf(res)).toBe('service_hours');
    const early = await overnight(f, {
      programme: undefined,
      category: 11,
      startsAt: jst('2027-02-10', '05:00'),
      endsAt: jst('2027-02-10', '07:00'),
    });
    expect(await codeOf(early)).toBe('service_hours');
  });

  it('the kind is explicit and fits the category; sick-child care only in the programme; no series', async () => {
    await runProgramme();
    const f = await family();
    expect(await codeOf(await overnight(f, { category: 10 }))).toBe('programme_category');
    const ordinarySick = await overnight(f, {
      programme: undefined,
      category: 10,
      startsAt: jst('2027-02-10', '09:00'),
      endsAt: jst('2027-02-10', '17:00'),
    });
    expect(await codeOf(ordinarySick)).toBe('programme_required');
    const series = await overnight(f, {
      startsAt: jst('2027-02-10', '20:00'),
      endsAt: jst('2027-02-10', '21:00'),
      recurrence: { weekdays: [3], until: '2027-02-24' },
    });
    expect(await codeOf(series)).toBe('programme_once');
    const tooLong = await overnight(f, { endsAt: jst('2027-02-11', '22:30') });
    expect(tooLong.status).toBe(422);
    expect(await codeOf(tooLong)).toBe('programme_max_hours');
  });

  it('without overnight care, programme care stays within its hours (an end at 24:00 is allowed)', async () => {
    await runProgramme({ overnight: false });
    const f = await family();
    const res = await overnight(f);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
      '5時から24時まで',
    );
    const late = await overnight(f, {
      startsAt: jst('2027-02-10', '20:00'),
      endsAt: jst('2027-02-11', '00:00'),
    });
    expect(late.status).toBe(201);
    const early = await overnight(f, {
      startsAt: jst('2027-02-12', '05:00'),
      endsAt: jst('2027-02-12', '08:00'),
    });
    expect(early.status).toBe(201);
  });
});

describe('programme helpers', () => {
  it('an emergency request goes only to helpers with the programme (sick-child) training', async () => {
    await runProgramme();
    const f = await family();
    const id = ((await (await overnight(f)).json()) as { request: { id: string } }).request.id;
    const night = [
      { weekday: 3, start: '18:00', end: '24:00' },
      { weekday: 4, start: '00:00', end: '09:00' },
    ];
    const trained = await createEligibleHelper(ctx.deps, { sickChild: true, slots: night });
    const untrained = await createEligibleHelper(ctx.deps, { slots: night });
    const ranking = (await (
      await staff.json('GET', `/api/v1/requests/${id}/candidates?include=excluded`)
    ).json()) as {
      items: { helperId: string }[];
      excluded: { helperId: string; reasons: { code: string }[] }[];
    };
    expect(ranking.items.map((c) => c.helperId)).toEqual([trained.member.id]);
    expect(
      ranking.excluded.find((e) => e.helperId === untrained.member.id)?.reasons.map((r) => r.code),
    ).toEqual(['no_sick_child_qualification']);
    const refused = await staff.json('POST', `/api/v1/requests/${id}/assign`, {
      helperId: untrained.member.id,
    });
    expect(refused.status).toBe(422);
  });
});

describe('programme fees', () => {
  it('the helper reports the night: lines split across bands and days, as computed by hand', async () => {
    await runProgramme();
    const f = await family();
    const created = await overnight(f);
    const id = ((await created.json()) as { request: { id: string } }).request.id;
    const h = await createEligibleHelper(ctx.deps, {
      sickChild: true,
      slots: [
        { weekday: 3, start: '18:00', end: '24:00' },
        { weekday: 4, start: '00:00', end: '09:00' },
      ],
    });
    const assigned = await staff.json('POST', `/api/v1/requests/${id}/assign`, {
      helperId: h.member.id,
    });
    expect(assigned.status).toBe(200);

    ctx.clock.set(jst('2027-02-11', '08:00'));
    const helper = await TestClient.signedInAs(ctx, h.user);
    const res = await helper.json('POST', '/api/v1/activities', {
      requestId: id,
      startedAt: jst('2027-02-10', '22:00'),
      endedAt: jst('2027-02-11', '07:00'),
      childIds: [f.child.id],
      categories: [11],
      place: '依頼会員宅',
      transportCost: 0,
      mealCost: 0,
      notes: '夜はよく眠りました。',
    });
    expect(res.status).toBe(201);
    const { activity } = (await res.json()) as {
      activity: { fee: { total: number; lines: { label: string; amount: number }[] } };
    };
    // 22:00–24:00 overnight 4 × 600 + 00:00–05:00 overnight 10 × 600 + 05:00–07:00 early 4 × 550.
    expect(activity.fee.lines.map((l) => [l.label, l.amount])).toEqual([
      ['1人目 宿泊（深夜） 2027-02-10 22:00–24:00', 2400],
      ['1人目 宿泊（深夜） 2027-02-11 00:00–05:00', 6000],
      ['1人目 早朝 2027-02-11 05:00–07:00', 2200],
    ]);
    expect(activity.fee.total).toBe(10_600);
  });

  it('the report form takes an end on the next day for a programme request (only there)', async () => {
    await runProgramme();
    const f = await family();
    const id = ((await (await overnight(f)).json()) as { request: { id: string } }).request.id;
    const h = await createEligibleHelper(ctx.deps, {
      sickChild: true,
      slots: [
        { weekday: 3, start: '18:00', end: '24:00' },
        { weekday: 4, start: '00:00', end: '09:00' },
      ],
    });
    await staff.json('POST', `/api/v1/requests/${id}/assign`, { helperId: h.member.id });
    ctx.clock.set(jst('2027-02-11', '08:00'));
    const helper = await TestClient.signedInAs(ctx, h.user);
    const url = `/activities/new?request=${id}`;
    const html = await (await helper.get(url)).text();
    // The planned night is filled in: from 22:00 on the 10th to 07:00 on the 11th.
    expect(html).toContain('name="endDate"');
    expect(html).toContain('value="2027-02-11"');
    const fields = {
      date: '2027-02-10',
      startTime: '22:00',
      endTime: '07:00',
      endDate: '2027-02-11',
      [`child.${f.child.id}`]: 'yes',
      'category.11': 'yes',
      place: '依頼会員宅',
      transportCost: '0',
      mealCost: '0',
      notes: '',
    };
    // Without the end date, 07:00 is before 22:00 on the same day.
    const sameDay = await helper.form(url, { ...fields, endDate: '', step: 'review' });
    expect(sameDay.status).toBe(422);
    const review = await helper.form(url, { ...fields, step: 'review' });
    expect(review.status).toBe(200);
    const reviewHtml = await review.text();
    // As in the API test above: 2,400 + 6,000 + 2,200.
    expect(reviewHtml).toContain('1人目 宿泊（深夜） 2027-02-10 22:00–24:00');
    expect(reviewHtml).toContain('1人目 早朝 2027-02-11 05:00–07:00');
    expect(reviewHtml).toContain('￥10,600');
    expect(reviewHtml).toContain('name="endDate" value="2027-02-11"');
    const submitted = await helper.form(url, { ...fields, step: 'submit' });
    expect(submitted.status).toBe(303);
    const row = await ctx.deps.db
      .selectFrom('activity')
      .select(['started_at', 'ended_at', 'fee_total'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      started_at: '2027-02-10T13:00:00.000Z',
      ended_at: '2027-02-10T22:00:00.000Z',
      fee_total: 10_600,
    });
    // The correction form shows the end's date too.
    const edit = await (await helper.get(submitted.headers.get('location')! + '/edit')).text();
    expect(edit).toContain('name="endDate"');
    expect(edit).toContain('value="2027-02-11"');
  });

  it("a same-day cancellation of the night costs its first hour at the night's rate", async () => {
    await runProgramme();
    const f = await family();
    const id = ((await (await overnight(f)).json()) as { request: { id: string } }).request.id;
    const h = await createEligibleHelper(ctx.deps, {
      sickChild: true,
      slots: [
        { weekday: 3, start: '18:00', end: '24:00' },
        { weekday: 4, start: '00:00', end: '09:00' },
      ],
    });
    await staff.json('POST', `/api/v1/requests/${id}/assign`, { helperId: h.member.id });
    ctx.clock.set(jst('2027-02-10', '12:00'));
    const parent = await TestClient.signedInAs(ctx, f.user);
    const res = await parent.json('POST', `/api/v1/requests/${id}/cancel`, {
      reason: '回復したため',
    });
    expect(res.status).toBe(200);
    // The first two units, 22:00 and 22:30, at the overnight rate: 2 × 600.
    expect(((await res.json()) as { cancellationFee: number }).cancellationFee).toBe(1200);
  });
});

describe('the request form in the programme (ja/en)', () => {
  const form = (f: Family, overrides: Record<string, string> = {}) => ({
    [`childIds.${f.child.id}`]: 'yes',
    programme: 'emergency',
    date: '2027-02-10',
    startTime: '22:00',
    endTime: '07:00',
    endDate: '2027-02-11',
    careLocation: 'requester_home',
    careLocationNote: '',
    pickup: '',
    dropoff: '',
    notes: '',
    ...overrides,
  });

  it('offers the programme only while it runs', async () => {
    const f = await family();
    expect(await (await f.client.get('/requests/new')).text()).not.toContain('name="programme"');
    await runProgramme();
    const ja = await (await f.client.get('/requests/new')).text();
    expect(ja).toContain('早朝・夜間・宿泊の緊急預かり（緊急）');
    expect(ja).toContain('name="endDate"');
    await f.client.form('/locale', { locale: 'en', next: '/requests/new' });
    const en = await (await f.client.get('/requests/new')).text();
    expect(en).toContain('Early, late or overnight emergency care (emergency)');
  });

  it('a parent asks for overnight emergency care: the confirmation shows the night fee, then it is sent', async () => {
    await runProgramme();
    const f = await family();
    const confirm = await f.client.form('/requests/new', { ...form(f), step: 'confirm' });
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain('￥10,600');
    const sent = await f.client.form('/requests/new', { ...form(f), step: 'submit' });
    expect(sent.status).toBe(303);
    const row = await ctx.deps.db
      .selectFrom('care_request')
      .select(['programme', 'category', 'starts_at', 'ends_at'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      programme: 'emergency',
      category: 11,
      starts_at: '2027-02-10T13:00:00.000Z',
      ends_at: '2027-02-10T22:00:00.000Z',
    });
  });

  it('an ordinary request ending the next day is refused with the service hours (422)', async () => {
    await runProgramme();
    const f = await family();
    const res = await f.client.form('/requests/new', {
      ...form(f, { programme: '', category: '9' }),
      step: 'confirm',
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('同じ日の6時から22時まで');
  });
});
