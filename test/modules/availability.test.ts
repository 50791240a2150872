import { beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/ids.js';
import type { RequestStatus } from '../../db/schema.js';
import { createChild, createMember } from '../helpers/factories.js';
import { parseCalendar } from '../helpers/ical.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

// Now: Saturday 2026-11-21, 10:00 JST. The week shown by /calendar is Mon 16 – Sun 22 November.
let ctx: TestContext;
let staff: TestClient;
let helper: Awaited<ReturnType<typeof createMember>>;
let helperClient: TestClient;

beforeEach(async () => {
  ctx = await setupTestApp();
  staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
  helper = await createMember(ctx.deps, { kind: 'helper', name: '佐藤 和子' });
  helperClient = await TestClient.signedInAs(ctx, helper.user);
});

const api = (id: string, rest = '') => `/api/v1/members/${id}/availability${rest}`;

interface AvailabilityBody {
  weekly: { weekday: number; start: string; end: string }[];
  exceptions: {
    id: string;
    date: string;
    start: string | null;
    end: string | null;
    note: string | null;
  }[];
}

async function getAvailability(client: TestClient, id = helper.member.id) {
  const res = await client.get(api(id));
  expect(res.status).toBe(200);
  return (await res.json()) as AvailabilityBody;
}

const WEEKLY = [
  { weekday: 3, start: '10:00', end: '15:00' },
  { weekday: 1, start: '13:00', end: '17:00' },
  { weekday: 1, start: '09:00', end: '12:00' },
];
const SORTED = [WEEKLY[2], WEEKLY[1], WEEKLY[0]];

async function countAudit(action: string) {
  const row = await ctx.deps.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', action)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A family with one child and a request assigned to `helperMemberId` (inserted directly). */
async function insertAssignment(
  helperMemberId: string,
  options: { startsAt?: string; endsAt?: string; status?: RequestStatus } = {},
) {
  const family = await createMember(ctx.deps, { kind: 'requester', name: '田中 さくら' });
  const child = await createChild(ctx.deps, family.member.id, {
    name: '田中 はると',
    allergies: 'そば・えび',
  });
  const now = ctx.deps.clock.now().toISOString();
  const status = options.status ?? 'matched';
  const request = {
    id: newId(),
    requester_member_id: family.member.id,
    series_id: null,
    category: 1,
    // Tuesday 24 November, 10:00–12:30 JST.
    starts_at: options.startsAt ?? '2026-11-24T01:00:00.000Z',
    ends_at: options.endsAt ?? '2026-11-24T03:30:00.000Z',
    care_location: 'requester_home' as const,
    care_location_note: 'みどり市中央1-2-3 みどりマンション101',
    pickup: 'みどり保育園',
    dropoff: null,
    notes: '喘息の吸入器を持参',
    status,
    helper_member_id: status === 'cancelled' ? null : helperMemberId,
    matched_at: now,
    cancelled_at: null,
    cancelled_by_user_id: null,
    cancelled_by_role: null,
    cancel_kind: null,
    cancel_reason: null,
    cancellation_fee: null,
    created_by_user_id: family.user.id,
    created_at: now,
    updated_at: now,
  };
  await ctx.deps.db.insertInto('care_request').values(request).execute();
  await ctx.deps.db
    .insertInto('care_request_child')
    .values({ request_id: request.id, child_id: child.id })
    .execute();
  return { family, child, request };
}

describe('weekly slots (API)', () => {
  it('PUT replaces the slots and GET returns them by weekday and time', async () => {
    const put = await helperClient.json('PUT', api(helper.member.id), { weekly: WEEKLY });
    expect(put.status).toBe(200);
    expect(((await put.json()) as AvailabilityBody).weekly).toEqual(SORTED);
    expect((await getAvailability(helperClient)).weekly).toEqual(SORTED);

    // Replacing means replacing: the old slots are gone.
    const again = await helperClient.json('PUT', api(helper.member.id), {
      weekly: [{ weekday: 5, start: '08:00', end: '24:00' }],
    });
    expect(again.status).toBe(200);
    expect((await getAvailability(helperClient)).weekly).toEqual([
      { weekday: 5, start: '08:00', end: '24:00' },
    ]);
    expect(await countAudit('availability_updated')).toBe(2);

    // An empty list clears the week.
    expect((await helperClient.json('PUT', api(helper.member.id), { weekly: [] })).status).toBe(
      200,
    );
    expect((await getAvailability(helperClient)).weekly).toEqual([]);
  });

  it('refuses overlapping and inverted slots with 422 invalid_slots, per slot, changing nothing', async () => {
    await helperClient.json('PUT', api(helper.member.id), { weekly: WEEKLY });
    const res = await helperClient.json('PUT', api(helper.member.id), {
      weekly: [
        { weekday: 2, start: '09:00', end: '12:00' },
        { weekday: 2, start: '11:00', end: '13:00' },
        { weekday: 4, start: '15:00', end: '14:00' },
        { weekday: 4, start: '12:00', end: '15:00' },
      ],
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as {
      error: { code: string; message: string; fields: Record<string, string[]> };
    };
    expect(body.error.code).toBe('invalid_slots');
    expect(Object.keys(body.error.fields).sort()).toEqual(['weekly.1', 'weekly.2']);
    expect(body.error.fields['weekly.1']![0]).toMatch(/重なって/);
    expect(body.error.fields['weekly.2']![0]).toMatch(/後の時刻/);
    expect((await getAvailability(helperClient)).weekly).toEqual(SORTED);
  });

  it('lets touching slots chain (09:00–12:00 and 12:00–15:00)', async () => {
    const res = await helperClient.json('PUT', api(helper.member.id), {
      weekly: [
        { weekday: 2, start: '09:00', end: '12:00' },
        { weekday: 2, start: '12:00', end: '15:00' },
      ],
    });
    expect(res.status).toBe(200);
  });

  it.each([
    ['a time past midnight', { weekly: [{ weekday: 1, start: '09:00', end: '24:30' }] }],
    ['a time without the leading zero', { weekly: [{ weekday: 1, start: '9:00', end: '12:00' }] }],
    ['weekday 0', { weekly: [{ weekday: 0, start: '09:00', end: '12:00' }] }],
    ['weekday 8', { weekly: [{ weekday: 8, start: '09:00', end: '12:00' }] }],
    ['an unknown key', { weekly: [], memberId: 'x' }],
    ['an unknown slot key', { weekly: [{ weekday: 1, start: '09:00', end: '12:00', id: 'x' }] }],
  ])('answers 400 for %s', async (_label, body) => {
    const res = await helperClient.json('PUT', api(helper.member.id), body);
    expect(res.status).toBe(400);
  });

  it('is only for members with a helper side: 422 not_a_helper', async () => {
    const requester = await createMember(ctx.deps, { kind: 'requester' });
    const client = await TestClient.signedInAs(ctx, requester.user);
    const put = await client.json('PUT', api(requester.member.id), { weekly: WEEKLY });
    expect(put.status).toBe(422);
    expect(await put.json()).toMatchObject({ error: { code: 'not_a_helper' } });
    const exception = await client.json('POST', api(requester.member.id, '/exceptions'), {
      date: '2026-12-01',
    });
    expect(exception.status).toBe(422);
    // Staff get the same answer for a requester.
    expect((await staff.json('PUT', api(requester.member.id), { weekly: [] })).status).toBe(422);
  });

  it('works for a member who is both requester and helper', async () => {
    const both = await createMember(ctx.deps, { kind: 'both' });
    const client = await TestClient.signedInAs(ctx, both.user);
    expect((await client.json('PUT', api(both.member.id), { weekly: WEEKLY })).status).toBe(200);
  });

  it('hides another helper’s availability (404) and needs a session (401)', async () => {
    const other = await createMember(ctx.deps, { kind: 'helper' });
    const otherClient = await TestClient.signedInAs(ctx, other.user);
    expect((await otherClient.get(api(helper.member.id))).status).toBe(404);
    expect((await otherClient.json('PUT', api(helper.member.id), { weekly: WEEKLY })).status).toBe(
      404,
    );
    expect(
      (
        await otherClient.json('POST', api(helper.member.id, '/exceptions'), {
          date: '2026-12-01',
        })
      ).status,
    ).toBe(404);
    expect(
      (await otherClient.json('POST', `/api/v1/members/${helper.member.id}/calendar-feed`, {}))
        .status,
    ).toBe(404);
    expect((await otherClient.get(api('no-such-member'))).status).toBe(404);
    expect((await new TestClient(ctx).get(api(helper.member.id))).status).toBe(401);
    expect((await getAvailability(helperClient)).weekly).toEqual([]);
  });

  it('lets staff read and replace a helper’s slots, audited with the staff member as actor', async () => {
    expect((await staff.json('PUT', api(helper.member.id), { weekly: WEEKLY })).status).toBe(200);
    expect((await getAvailability(staff)).weekly).toEqual(SORTED);
    expect((await getAvailability(helperClient)).weekly).toEqual(SORTED);
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'subject_id'])
      .where('action', '=', 'availability_updated')
      .executeTakeFirstOrThrow();
    expect(audit.subject_id).toBe(helper.member.id);
    expect(audit.actor_user_id).not.toBe(helper.user.id);
  });
});

describe('the OpenAPI document', () => {
  it('lists the availability and feed routes with their bodies', async () => {
    const doc = (await (await new TestClient(ctx).get('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    expect(doc.paths['/members/{id}/availability']?.put?.requestBody).toBeDefined();
    expect(doc.paths['/members/{id}/availability']?.get).toBeDefined();
    expect(doc.paths['/members/{id}/availability/exceptions']?.post?.requestBody).toBeDefined();
    expect(doc.paths['/members/{id}/availability/exceptions/{exceptionId}']?.delete).toBeDefined();
    expect(Object.keys(doc.paths['/members/{id}/calendar-feed'] ?? {}).sort()).toEqual([
      'delete',
      'post',
    ]);
  });
});

describe('exceptions (API)', () => {
  it('adds whole-day and partial exceptions, lists upcoming ones, and deletes them', async () => {
    const day = await helperClient.json('POST', api(helper.member.id, '/exceptions'), {
      date: '2026-12-01',
      note: '通院',
    });
    expect(day.status).toBe(201);
    const dayBody = (await day.json()) as AvailabilityBody['exceptions'][number];
    expect(dayBody).toMatchObject({ date: '2026-12-01', start: null, end: null, note: '通院' });

    const hours = await helperClient.json('POST', api(helper.member.id, '/exceptions'), {
      date: '2026-11-21', // today is allowed
      start: '13:00',
      end: '15:00',
    });
    expect(hours.status).toBe(201);
    const fromOnly = await helperClient.json('POST', api(helper.member.id, '/exceptions'), {
      date: '2026-11-30',
      start: '15:00',
    });
    expect(fromOnly.status).toBe(201);

    const listed = await getAvailability(helperClient);
    expect(listed.exceptions.map((e) => [e.date, e.start, e.end])).toEqual([
      ['2026-11-21', '13:00', '15:00'],
      ['2026-11-30', '15:00', null],
      ['2026-12-01', null, null],
    ]);

    const del = await helperClient.json(
      'DELETE',
      api(helper.member.id, `/exceptions/${dayBody.id}`),
    );
    expect(del.status).toBe(204);
    const again = await helperClient.json(
      'DELETE',
      api(helper.member.id, `/exceptions/${dayBody.id}`),
    );
    expect(again.status).toBe(404);
    expect((await getAvailability(helperClient)).exceptions).toHaveLength(2);
    expect(await countAudit('availability_exception_added')).toBe(3);
    expect(await countAudit('availability_exception_removed')).toBe(1);
  });

  it('refuses a past date with 422 exception_in_past', async () => {
    const res = await helperClient.json('POST', api(helper.member.id, '/exceptions'), {
      date: '2026-11-20',
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: { code: 'exception_in_past' } });
    expect((await getAvailability(helperClient)).exceptions).toEqual([]);
  });

  it('refuses inverted hours (422) and malformed input (400)', async () => {
    const inverted = await helperClient.json('POST', api(helper.member.id, '/exceptions'), {
      date: '2026-12-01',
      start: '15:00',
      end: '13:00',
    });
    expect(inverted.status).toBe(422);
    expect(await inverted.json()).toMatchObject({
      error: { code: 'invalid_exception', fields: { end: [expect.any(String)] } },
    });
    for (const body of [
      { date: '2026-02-30' },
      { date: '2026-12-01', start: '9:00' },
      { date: '2026-12-01', helper: 'x' },
    ]) {
      expect(
        (await helperClient.json('POST', api(helper.member.id, '/exceptions'), body)).status,
      ).toBe(400);
    }
  });

  it('does not let one helper delete another helper’s exception', async () => {
    const created = await helperClient.json('POST', api(helper.member.id, '/exceptions'), {
      date: '2026-12-01',
    });
    const { id } = (await created.json()) as { id: string };
    const other = await createMember(ctx.deps, { kind: 'helper' });
    const otherClient = await TestClient.signedInAs(ctx, other.user);
    const res = await otherClient.json('DELETE', api(other.member.id, `/exceptions/${id}`));
    expect(res.status).toBe(404);
    expect((await getAvailability(helperClient)).exceptions).toHaveLength(1);
  });
});

describe('the iCalendar feed', () => {
  const feedApi = () => `/api/v1/members/${helper.member.id}/calendar-feed`;

  async function createFeed(client: TestClient = helperClient) {
    const res = await client.json('POST', feedApi(), {});
    expect(res.status).toBe(201);
    const { url } = (await res.json()) as { url: string };
    return new URL(url).pathname;
  }

  it('serves the helper’s assignments as iCalendar, without a session', async () => {
    const { request } = await insertAssignment(helper.member.id);
    const path = await createFeed();
    expect(path).toMatch(/^\/calendar\/[A-Za-z0-9_-]{40,}\.ics$/);

    const res = await new TestClient(ctx).get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const ics = await res.text();
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const [event, ...others] = parseCalendar(ics).events;
    expect(others).toEqual([]);
    expect(event).toMatchObject({
      uid: `request-${request.id}@tsunagu`,
      // 10:00–12:30 in Tokyo, written in UTC.
      start: '2026-11-24T01:00:00.000Z',
      end: '2026-11-24T03:30:00.000Z',
      startZone: 'UTC',
      endZone: 'UTC',
      summary: 'ファミサポ援助：田中さま（お子さま1人）',
    });
    expect(event!.description).toContain('保育施設等までの送迎');
    expect(event!.description).toContain('依頼会員の自宅');
    // Only the hash is stored.
    const stored = await ctx.deps.db
      .selectFrom('calendar_feed')
      .select('token_hash')
      .executeTakeFirstOrThrow();
    expect(path).not.toContain(stored.token_hash);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never contains the child’s name, allergies, health notes, addresses or notes', async () => {
    await insertAssignment(helper.member.id);
    const ics = await (await new TestClient(ctx).get(await createFeed())).text();
    // Every text a calendar application shows, as it reads them; and the raw feed besides.
    const shown = parseCalendar(ics).events.flatMap((e) => [
      e.summary,
      e.description ?? '',
      e.location ?? '',
    ]);
    expect(shown.length).toBeGreaterThan(0);
    for (const secret of [
      'はると',
      'そば',
      'えび',
      '喘息',
      'みどり小児科',
      'みどり市中央',
      'マンション',
      'みどり保育園',
      '吸入器',
      'さくら',
    ]) {
      for (const text of shown) expect(text).not.toContain(secret);
      expect(ics.replace(/\r\n[ \t]/g, '')).not.toContain(secret);
    }
  });

  it('lists matched and completed requests from 30 days ago on, and nothing else', async () => {
    const matched = await insertAssignment(helper.member.id);
    const completed = await insertAssignment(helper.member.id, {
      startsAt: '2026-11-10T01:00:00.000Z',
      endsAt: '2026-11-10T02:00:00.000Z',
      status: 'completed',
    });
    const old = await insertAssignment(helper.member.id, {
      startsAt: '2026-10-01T01:00:00.000Z',
      endsAt: '2026-10-01T02:00:00.000Z',
      status: 'completed',
    });
    const cancelled = await insertAssignment(helper.member.id, { status: 'cancelled' });
    const other = await createMember(ctx.deps, { kind: 'helper' });
    const someoneElse = await insertAssignment(other.member.id);
    const text = await (await new TestClient(ctx).get(await createFeed())).text();
    const uids = parseCalendar(text).events.map((e) => e.uid);
    expect(uids.sort()).toEqual(
      [`request-${matched.request.id}@tsunagu`, `request-${completed.request.id}@tsunagu`].sort(),
    );
    for (const absent of [old, cancelled, someoneElse])
      expect(text).not.toContain(absent.request.id);
  });

  it('rotates: a new URL works and the old one answers 404; revoking ends it', async () => {
    const first = await createFeed();
    const second = await createFeed();
    expect(second).not.toBe(first);
    expect((await new TestClient(ctx).get(first)).status).toBe(404);
    expect((await new TestClient(ctx).get(second)).status).toBe(200);

    const revoke = await helperClient.json('DELETE', feedApi());
    expect(revoke.status).toBe(204);
    expect((await new TestClient(ctx).get(second)).status).toBe(404);
    // Revoking again is harmless.
    expect((await helperClient.json('DELETE', feedApi())).status).toBe(204);
    expect(await countAudit('calendar_feed_created')).toBe(2);
    expect(await countAudit('calendar_feed_revoked')).toBe(1);
  });

  it('answers 404 for unknown or malformed tokens', async () => {
    await createFeed();
    for (const path of [
      '/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics',
      '/calendar/short.ics',
      '/calendar/not-an-ics-file',
    ]) {
      expect((await new TestClient(ctx).get(path)).status).toBe(404);
    }
  });

  it('lets staff make a helper’s feed, and refuses an unknown body key', async () => {
    await createFeed(staff);
    expect((await helperClient.json('POST', feedApi(), { token: 'mine' })).status).toBe(400);
  });

  it('is written in the helper’s language', async () => {
    await ctx.deps.db
      .updateTable('user')
      .set({ locale: 'en' })
      .where('id', '=', helper.user.id)
      .execute();
    await insertAssignment(helper.member.id);
    const text = await (await new TestClient(ctx).get(await createFeed())).text();
    expect(parseCalendar(text).events.map((e) => e.summary)).toEqual([
      'Family support: 田中 family (1 child)',
    ]);
  });
});

describe('pages', () => {
  const weeklyForm = (fields: Record<string, string>) =>
    helperClient.form('/availability/weekly', fields);

  it('shows the availability page to a helper, with a row per weekday', async () => {
    const res = await helperClient.get('/availability');
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const day of ['月曜日', '火曜日', '水曜日', '木曜日', '金曜日', '土曜日', '日曜日'])
      expect(html).toContain(day);
    expect(html).toContain('name="w1_0_start"');
    expect(html).toContain('name="w7_0_end"');
    expect(html).toContain('type="time"');
    // A day shows its saved ranges and one empty row, up to three.
    expect(html).not.toContain('name="w1_1_start"');
  });

  it('shows saved ranges plus one empty row per day, never more than three unless saved', async () => {
    await helperClient.json('PUT', api(helper.member.id), {
      weekly: [
        { weekday: 1, start: '09:00', end: '10:00' },
        { weekday: 2, start: '09:00', end: '10:00' },
        { weekday: 2, start: '11:00', end: '12:00' },
        { weekday: 2, start: '13:00', end: '14:00' },
        { weekday: 2, start: '15:00', end: '16:00' },
      ],
    });
    const html = await (await helperClient.get('/availability')).text();
    expect(html).toContain('name="w1_1_start"');
    expect(html).not.toContain('name="w1_2_start"');
    expect(html).toContain('name="w2_3_start"');
    expect(html).not.toContain('name="w2_4_start"');
  });

  it('re-renders bad times with 422, the message next to the row and the values kept', async () => {
    await helperClient.json('PUT', api(helper.member.id), { weekly: WEEKLY });
    const res = await weeklyForm({
      w1_0_start: '09:00',
      w1_0_end: '12:00',
      w1_1_start: '11:00',
      w1_1_end: '13:00',
      w2_0_start: '15:00',
      w2_0_end: '14:00',
      w3_0_start: '10:00',
      w3_0_end: '',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('同じ曜日の 9:00〜12:00 と重なっています');
    expect(html).toContain('「終わり」は「始まり」より後の時刻にしてください。');
    expect(html).toContain('「始まり」と「終わり」の両方を入力してください。');
    expect(html).toContain('id="w1_1-error"');
    expect(html).toMatch(/name="w1_1_start"[^>]*value="11:00"|value="11:00"[^>]*name="w1_1_start"/);
    expect(html).toContain('href="#field-w1_1_start"');
    // Nothing was saved.
    expect((await getAvailability(helperClient)).weekly).toEqual(SORTED);
  });

  it('saves good times with 303, accepting full-width digits and "9:00"', async () => {
    const res = await weeklyForm({
      w1_0_start: '９:００',
      w1_0_end: '12:00',
      w1_1_start: '',
      w1_1_end: '',
      w5_2_start: '13:00',
      w5_2_end: '16:30',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/availability#main');
    expect((await getAvailability(helperClient)).weekly).toEqual([
      { weekday: 1, start: '09:00', end: '12:00' },
      { weekday: 5, start: '13:00', end: '16:30' },
    ]);
    const page = await (await helperClient.get('/availability')).text();
    expect(page).toContain('毎週の活動できる時間を保存しました。');
    expect(page).toMatch(/value="16:30"/);
  });

  it('adds and deletes an exception through the forms', async () => {
    const bad = await helperClient.form('/availability/exceptions', {
      date: '2026-11-01',
      kind: 'day',
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('過ぎた日にはお休みを登録できません');

    const noTimes = await helperClient.form('/availability/exceptions', {
      date: '2026-12-01',
      kind: 'hours',
      start: '',
      end: '',
    });
    expect(noTimes.status).toBe(422);

    const ok = await helperClient.form('/availability/exceptions', {
      date: '2026-12-01',
      kind: 'hours',
      start: '13:00',
      end: '15:00',
      note: '通院',
    });
    expect(ok.status).toBe(303);
    const [ex] = (await getAvailability(helperClient)).exceptions;
    expect(ex).toMatchObject({ date: '2026-12-01', start: '13:00', end: '15:00', note: '通院' });

    // "Whole day" ignores times typed in by mistake.
    await helperClient.form('/availability/exceptions', {
      date: '2026-12-02',
      kind: 'day',
      start: '10:00',
    });
    expect((await getAvailability(helperClient)).exceptions[1]).toMatchObject({
      date: '2026-12-02',
      start: null,
      end: null,
    });

    const del = await helperClient.form(`/availability/exceptions/${ex!.id}/delete`, {});
    expect(del.status).toBe(303);
    expect((await getAvailability(helperClient)).exceptions).toHaveLength(1);
  });

  it('shows a new feed URL once after creating it, and revokes it', async () => {
    const created = await helperClient.form('/availability/calendar-feed', {});
    expect(created.status).toBe(303);
    const first = await (await helperClient.get('/availability')).text();
    const url = />\s*(http:\/\/localhost\/calendar\/[A-Za-z0-9_-]+\.ics)\s*<\/textarea>/.exec(
      first,
    )?.[1];
    expect(url).toBeDefined();
    expect(first).toContain('webcal://localhost/calendar/');
    expect((await new TestClient(ctx).get(new URL(url!).pathname)).status).toBe(200);
    const second = await (await helperClient.get('/availability')).text();
    expect(second).not.toContain(url!);
    expect(second).toContain('URLを作り直す');

    expect((await helperClient.form('/availability/calendar-feed/revoke', {})).status).toBe(303);
    expect((await new TestClient(ctx).get(new URL(url!).pathname)).status).toBe(404);
  });

  it('shows the week: free time from slots minus exceptions, exceptions and assignments', async () => {
    await helperClient.json('PUT', api(helper.member.id), {
      weekly: [
        { weekday: 2, start: '09:00', end: '17:00' },
        { weekday: 6, start: '09:00', end: '12:00' },
      ],
    });
    await ctx.deps.db
      .insertInto('availability_exception')
      .values({
        id: newId(),
        member_id: helper.member.id,
        date: '2026-11-24',
        start_time: '13:00',
        end_time: '15:00',
        note: '歯医者',
        created_at: ctx.deps.clock.now().toISOString(),
      })
      .execute();
    const { request } = await insertAssignment(helper.member.id);

    const thisWeek = await helperClient.get('/calendar');
    expect(thisWeek.status).toBe(200);
    const html = await thisWeek.text();
    expect(html).toContain('11月16日(月)');
    expect(html).toContain('11月22日(日)');
    expect(html).toContain('9:00〜12:00'); // Saturday
    expect(html).not.toContain(`/requests/${request.id}`); // next week
    expect(html).toContain('?week=2026-11-23');

    const next = await (await helperClient.get('/calendar?week=2026-11-26')).text();
    expect(next).toContain('11月23日(月)');
    expect(next).toContain('勤労感謝の日');
    expect(next).toContain('9:00〜13:00、15:00〜17:00');
    expect(next).toContain('13:00〜15:00');
    expect(next).toContain('歯医者');
    expect(next).toContain(`href="/requests/${request.id}"`);
    expect(next).toContain('10:00〜12:30');
    expect(next).toContain('田中さま（お子さま1人）');
    expect(next).not.toContain('はると');
    expect(next).toContain('?week=2026-11-16');
  });

  it('lets staff use the same pages for a helper, and keeps them from other members', async () => {
    const page = await staff.get(`/members/${helper.member.id}/availability`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('佐藤 和子さんの活動できる日時');
    const save = await staff.form(`/members/${helper.member.id}/availability/weekly`, {
      w4_0_start: '10:00',
      w4_0_end: '11:00',
    });
    expect(save.status).toBe(303);
    expect(save.headers.get('location')).toBe(`/members/${helper.member.id}/availability#main`);
    expect((await getAvailability(helperClient)).weekly).toEqual([
      { weekday: 4, start: '10:00', end: '11:00' },
    ]);
    expect((await staff.get(`/members/${helper.member.id}/calendar`)).status).toBe(200);

    const other = await createMember(ctx.deps, { kind: 'helper' });
    const otherClient = await TestClient.signedInAs(ctx, other.user);
    expect((await otherClient.get(`/members/${helper.member.id}/availability`)).status).toBe(404);
    expect(
      (
        await otherClient.form(`/members/${helper.member.id}/availability/weekly`, {
          w1_0_start: '10:00',
          w1_0_end: '11:00',
        })
      ).status,
    ).toBe(404);
  });

  it('puts 予定表 and 活動できる日時 in the menu and on home for helpers only', async () => {
    const home = await (await helperClient.get('/')).text();
    expect(home).toContain('href="/calendar"');
    expect(home).toContain('href="/availability"');
    const requester = await createMember(ctx.deps, { kind: 'requester' });
    const client = await TestClient.signedInAs(ctx, requester.user);
    const other = await (await client.get('/')).text();
    expect(other).not.toContain('href="/calendar"');
    expect(other).not.toContain('href="/availability"');
  });

  it('explains to a requester-only member that availability is for helpers, and sends visitors to sign in', async () => {
    const requester = await createMember(ctx.deps, { kind: 'requester' });
    const client = await TestClient.signedInAs(ctx, requester.user);
    const res = await client.get('/availability');
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('提供会員ではないため');
    const anonymous = await new TestClient(ctx).get('/calendar');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/login?next=%2Fcalendar');
  });
});
