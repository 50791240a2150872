/**
 * Events (会員交流会, 講演会 …): audiences (a member of another audience gets 404), registration
 * with a waitlist and promotion, registrations at the same moment never over-filling an event,
 * attendance, the iCalendar file, the flyer and the pages. Runs on better-sqlite3 and on D1.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { HOUR } from '../../src/lib/clock.js';
import { createMember } from '../helpers/factories.js';
import { parseCalendar } from '../helpers/ical.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

// The clock: Saturday 2026-11-21, 10:00 in Tokyo.
let ctx: TestContext;
let staff: TestClient;
let anonymous: TestClient;

beforeEach(async () => {
  ctx = await setupTestApp();
  staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
  anonymous = new TestClient(ctx);
});

async function member(kind: 'requester' | 'helper' | 'both' = 'helper') {
  const { user, member } = await createMember(ctx.deps, { kind });
  return { user, member, client: await TestClient.signedInAs(ctx, user) };
}

interface EventJson {
  id: string;
  title: string;
  audience: string;
  capacity: number;
  registered: number;
  waitlisted: number;
  spotsLeft: number;
  childcare: boolean;
  startsAt: string;
  myRegistration?: { status: string; children: number; waitlistPosition: number | null } | null;
}

const EVENT = {
  kind: 'exchange',
  title: '提供会員 交流会',
  description: '## 内容\nお茶を飲みながら、活動のことを話しましょう。',
  startsAt: '2026-12-05T10:00:00+09:00',
  endsAt: '2026-12-05T12:00:00+09:00',
  venue: 'みどり市民センター 3階 和室',
  capacity: 2,
  audience: 'helpers',
  childcare: true,
};

async function publish(overrides: Partial<typeof EVENT> = {}): Promise<EventJson> {
  const res = await staff.json('POST', '/api/v1/events', { ...EVENT, ...overrides });
  expect(res.status).toBe(201);
  return (await res.json()) as EventJson;
}

const register = (client: TestClient, eventId: string, body: object = {}) =>
  client.json('POST', `/api/v1/events/${eventId}/registrations`, body);

const registrations = (eventId: string) =>
  ctx.deps.db
    .selectFrom('event_registration')
    .select(['member_id', 'status', 'position', 'children', 'attended'])
    .where('event_id', '=', eventId)
    .where('status', '<>', 'cancelled')
    .orderBy('position')
    .execute();

describe('publishing and audiences', () => {
  it('staff publish; members see only their audiences; others get 404 for the event', async () => {
    const helperEvent = await publish();
    const requesterEvent = await publish({ title: '依頼会員 交流会', audience: 'requesters' });
    const membersEvent = await publish({ title: '会員 みんなの会', audience: 'members' });
    const publicEvent = await publish({ title: '講演会', audience: 'public', kind: 'lecture' });
    const helper = await member('helper');
    const parent = await member('requester');
    const both = await member('both');

    const titles = async (client: TestClient) =>
      ((await (await client.get('/api/v1/events')).json()) as { items: EventJson[] }).items
        .map((e) => e.title)
        .sort();
    expect(await titles(helper.client)).toEqual(
      ['会員 みんなの会', '提供会員 交流会', '講演会'].sort(),
    );
    expect(await titles(parent.client)).toEqual(
      ['依頼会員 交流会', '会員 みんなの会', '講演会'].sort(),
    );
    expect(await titles(both.client)).toHaveLength(4);
    expect(await titles(staff)).toHaveLength(4);
    expect(await titles(anonymous)).toEqual(['講演会']);

    // The wrong audience: 404 everywhere (API, page, calendar file, flyer, sign-up).
    for (const path of [
      `/api/v1/events/${helperEvent.id}`,
      `/events/${helperEvent.id}`,
      `/events/${helperEvent.id}.ics`,
      `/events/${helperEvent.id}/flyer`,
    ]) {
      expect((await parent.client.get(path)).status, path).toBe(404);
      expect((await helper.client.get(path)).status, path).toBe(200);
    }
    expect((await register(parent.client, helperEvent.id)).status).toBe(404);
    expect((await parent.client.form(`/events/${helperEvent.id}/register`, {})).status).toBe(404);
    expect((await register(helper.client, requesterEvent.id)).status).toBe(404);
    expect(await registrations(helperEvent.id)).toEqual([]);

    // Anonymous: public events only; the others do not exist for them.
    expect((await anonymous.get(`/events/${publicEvent.id}`)).status).toBe(200);
    expect((await anonymous.get(`/api/v1/events/${publicEvent.id}`)).status).toBe(200);
    expect((await anonymous.get(`/api/v1/events/${membersEvent.id}`)).status).toBe(404);
    const page = await anonymous.get('/events');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('講演会');
    expect(html).not.toContain('会員 みんなの会');
  });

  it('only staff publish, with a valid body', async () => {
    const helper = await member('helper');
    expect((await helper.client.json('POST', '/api/v1/events', EVENT)).status).toBe(403);
    expect((await anonymous.json('POST', '/api/v1/events', EVENT)).status).toBe(401);
    const bad = await staff.json('POST', '/api/v1/events', {
      ...EVENT,
      endsAt: '2026-12-05T09:00:00+09:00',
    });
    expect(bad.status).toBe(400);
    expect((await staff.json('POST', '/api/v1/events', { ...EVENT, status: 'x' })).status).toBe(
      400,
    );
    expect((await ctx.deps.db.selectFrom('event').select('id').execute()).length).toBe(0);
  });
});

describe('registration, waitlist and promotion', () => {
  it('gives the seats in order, then the waitlist; a cancellation promotes the next in line', async () => {
    const event = await publish(); // 2 seats
    const [a, b, c, d] = [await member(), await member(), await member(), await member()];

    const first = await register(a.client, event.id, { children: 2 });
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ status: 'registered', waitlistPosition: null });
    expect((await register(b.client, event.id)).status).toBe(201);
    const third = await register(c.client, event.id);
    expect(await third.json()).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await (await register(d.client, event.id)).json()).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 2,
    });
    // Twice: 409.
    const again = await register(a.client, event.id);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe(
      'already_registered',
    );

    const listed = (await (await staff.get(`/api/v1/events/${event.id}`)).json()) as EventJson;
    expect(listed).toMatchObject({ registered: 2, waitlisted: 2, spotsLeft: 0 });

    // b cancels: c (first in line) gets the seat and is told; d moves up to 1.
    const cancel = await b.client.json(
      'POST',
      `/api/v1/events/${event.id}/registrations/cancel`,
      {},
    );
    expect(cancel.status).toBe(200);
    expect(await cancel.json()).toMatchObject({ promotedMemberIds: [c.member.id] });
    const rows = await registrations(event.id);
    expect(rows.map((r) => [r.member_id, r.status])).toEqual([
      [a.member.id, 'registered'],
      [c.member.id, 'registered'],
      [d.member.id, 'waitlisted'],
    ]);
    expect(rows[0]!.children).toBe(2);
    const notices = await ctx.deps.db
      .selectFrom('notification')
      .select(['user_id', 'kind', 'link'])
      .execute();
    expect(notices).toEqual([
      { user_id: c.user.id, kind: 'event_promoted', link: `/events/${event.id}` },
    ]);
    const mine = (await (await d.client.get('/api/v1/events')).json()) as { items: EventJson[] };
    expect(mine.items[0]!.myRegistration).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
    });

    // Leaving the waitlist frees no seat and promotes nobody.
    const leave = await d.client.json(
      'POST',
      `/api/v1/events/${event.id}/registrations/cancel`,
      {},
    );
    expect(await leave.json()).toMatchObject({ promotedMemberIds: [] });
    // Nothing left to cancel: 409.
    expect(
      (await d.client.json('POST', `/api/v1/events/${event.id}/registrations/cancel`, {})).status,
    ).toBe(409);
  });

  it('a newcomer never jumps the waitlist; a raised capacity promotes in order', async () => {
    const event = await publish({ capacity: 1 });
    const [a, b, c] = [await member(), await member(), await member()];
    await register(a.client, event.id);
    await register(b.client, event.id);
    // Staff raise the capacity to 3: b gets a seat at once (and one stays free).
    const edited = await staff.json('PUT', `/api/v1/events/${event.id}`, { ...EVENT, capacity: 3 });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ registered: 2, waitlisted: 0, spotsLeft: 1 });
    expect(await (await register(c.client, event.id)).json()).toMatchObject({
      status: 'registered',
    });
  });

  it('childcare children are kept only when the event offers childcare', async () => {
    const without = await publish({ childcare: false, capacity: 5 });
    const a = await member();
    await register(a.client, without.id, { children: 3 });
    expect((await registrations(without.id))[0]!.children).toBe(0);
    expect((await register(a.client, without.id, { children: 9 })).status).toBe(400);
  });

  it('members sign up until the event starts; staff (walk-ins) also after; others are refused', async () => {
    const event = await publish({
      capacity: 5,
      startsAt: '2026-11-21T10:30:00+09:00',
      endsAt: '2026-11-21T12:00:00+09:00',
    });
    const [a, b] = [await member(), await member()];
    const parent = await member('requester');
    // Staff may not sign up someone from another audience.
    const wrong = await register(staff, event.id, { memberId: parent.member.id });
    expect(wrong.status).toBe(422);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('event_audience');
    // A member acts only for themselves.
    expect((await register(a.client, event.id, { memberId: b.member.id })).status).toBe(404);

    ctx.clock.advance(40 * 60_000); // 10:40: it has started
    const late = await register(a.client, event.id);
    expect(late.status).toBe(422);
    expect(((await late.json()) as { error: { code: string } }).error.code).toBe('event_started');
    // (Staff sessions idle out after 30 minutes: a fresh one.)
    const door = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
    expect((await register(door, event.id, { memberId: a.member.id })).status).toBe(201);
    expect((await register(door, event.id, {})).status).toBe(404); // staff must name the member
  });

  it('a called-off event refuses sign-ups and tells everyone registered', async () => {
    const event = await publish();
    const [a, b, c] = [await member(), await member(), await member()];
    for (const m of [a, b, c]) await register(m.client, event.id);
    const off = await staff.json('POST', `/api/v1/events/${event.id}/cancel`, {});
    expect(off.status).toBe(200);
    expect(await off.json()).toMatchObject({ cancelled: true });
    const told = await ctx.deps.db
      .selectFrom('notification')
      .select('user_id')
      .where('kind', '=', 'event_cancelled')
      .execute();
    expect(told.map((n) => n.user_id).sort()).toEqual([a.user.id, b.user.id, c.user.id].sort());
    const d = await member();
    expect((await register(d.client, event.id)).status).toBe(422);
    expect((await staff.json('POST', `/api/v1/events/${event.id}/cancel`, {})).status).toBe(409);
  });
});

describe('registrations at the same moment (QUALITY.md #5)', () => {
  const MEMBERS = 12;
  const CAPACITY = 4;
  const ROUNDS = 3;

  it(`never exceed the capacity: ${MEMBERS} members, ${CAPACITY} seats, ${ROUNDS} rounds`, async () => {
    const people = [];
    for (let i = 0; i < MEMBERS; i++) people.push(await member());
    for (let round = 1; round <= ROUNDS; round++) {
      const event = await publish({
        capacity: CAPACITY,
        title: `交流会 ${round}`,
        startsAt: `2026-12-0${round}T10:00:00+09:00`,
        endsAt: `2026-12-0${round}T12:00:00+09:00`,
      });
      const responses = await Promise.all(people.map((p) => register(p.client, event.id)));
      expect(responses.map((r) => r.status)).toEqual(Array(MEMBERS).fill(201));
      const bodies = (await Promise.all(responses.map((r) => r.json()))) as { status: string }[];
      expect(bodies.filter((b) => b.status === 'registered')).toHaveLength(CAPACITY);
      const rows = await registrations(event.id);
      expect(rows.filter((r) => r.status === 'registered')).toHaveLength(CAPACITY);
      expect(rows.map((r) => r.position)).toEqual(Array.from({ length: MEMBERS }, (_, i) => i + 1));
      expect(rows.slice(0, CAPACITY).every((r) => r.status === 'registered')).toBe(true);

      // Everyone with a seat cancels at once: exactly as many move up, in order.
      const seated = people.filter((p) =>
        rows.some((r) => r.member_id === p.member.id && r.status === 'registered'),
      );
      await Promise.all(
        seated.map((p) =>
          p.client.json('POST', `/api/v1/events/${event.id}/registrations/cancel`, {}),
        ),
      );
      const after = await registrations(event.id);
      expect(after.filter((r) => r.status === 'registered')).toHaveLength(CAPACITY);
      expect(after.slice(0, CAPACITY).every((r) => r.status === 'registered')).toBe(true);
    }
  }, 30_000); // 12 members × 3 rounds of simultaneous requests: seconds on D1 on a busy machine
});

describe('attendance', () => {
  it('staff record who came; listing someone not registered is refused; members may not', async () => {
    const event = await publish({ capacity: 2 });
    const [a, b, c] = [await member(), await member(), await member()];
    for (const m of [a, b, c]) await register(m.client, event.id);
    const outsider = await member();

    const res = await staff.json('POST', `/api/v1/events/${event.id}/attendance`, {
      memberIds: [a.member.id, c.member.id], // c came from the waitlist
    });
    expect(res.status).toBe(200);
    const rows = await registrations(event.id);
    expect(Object.fromEntries(rows.map((r) => [r.member_id, r.attended]))).toEqual({
      [a.member.id]: 1,
      [b.member.id]: 0,
      [c.member.id]: 1,
    });
    const refused = await staff.json('POST', `/api/v1/events/${event.id}/attendance`, {
      memberIds: [outsider.member.id],
    });
    expect(refused.status).toBe(422);
    expect((await registrations(event.id)).find((r) => r.member_id === a.member.id)!.attended).toBe(
      1,
    );
    expect(
      (await a.client.json('POST', `/api/v1/events/${event.id}/attendance`, { memberIds: [] }))
        .status,
    ).toBe(403);

    // The same on the page: the sheet, then the ticks.
    const sheet = await staff.get(`/events/${event.id}/attendance`);
    expect(sheet.status).toBe(200);
    expect(await sheet.text()).toContain(`came.${b.member.id}`);
    const saved = await staff.form(`/events/${event.id}/attendance`, {
      [`came.${b.member.id}`]: '1',
    });
    expect(saved.status).toBe(303);
    const now = await registrations(event.id);
    expect(now.filter((r) => r.attended === 1).map((r) => r.member_id)).toEqual([b.member.id]);
    expect((await a.client.get(`/events/${event.id}/attendance`)).status).toBe(403);
  });

  it('staff sign a member up at the door by member number', async () => {
    const event = await publish();
    const a = await member();
    const no = (await ctx.deps.db
      .selectFrom('member')
      .select('member_no')
      .where('id', '=', a.member.id)
      .executeTakeFirstOrThrow())!.member_no!;
    expect(
      (await staff.form(`/events/${event.id}/registrations`, { memberNo: '999999' })).status,
    ).toBe(422);
    const ok = await staff.form(`/events/${event.id}/registrations`, { memberNo: String(no) });
    expect(ok.status).toBe(303);
    expect((await registrations(event.id)).map((r) => r.member_id)).toEqual([a.member.id]);
  });
});

describe('the calendar file and the flyer', () => {
  it('downloads a valid iCalendar event', async () => {
    const event = await publish({
      audience: 'public',
      title: '講演会「子どもの心と体」, 0歳から; 小学生まで',
    });
    const res = await anonymous.get(`/events/${event.id}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="event-${event.id}.ics"`,
    );
    const text = await res.text();
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const { version, events } = parseCalendar(text);
    expect(version).toBe('2.0');
    // The title comes back as written: its comma and semicolon were escaped (RFC 5545 §3.3.11).
    expect(events).toEqual([
      expect.objectContaining({
        uid: `event-${event.id}@tsunagu`,
        start: '2026-12-05T01:00:00.000Z',
        end: '2026-12-05T03:00:00.000Z',
        startZone: 'UTC',
        endZone: 'UTC',
        status: 'CONFIRMED',
        summary: '講演会「子どもの心と体」, 0歳から; 小学生まで',
        location: 'みどり市民センター 3階 和室',
      }),
    ]);
    expect(events[0]!.description).toContain('内容\n\nお茶を飲みながら');
    // No line over 75 octets.
    for (const line of text.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);

    await staff.json('POST', `/api/v1/events/${event.id}/cancel`, {});
    const cancelled = await (await anonymous.get(`/events/${event.id}.ics`)).text();
    expect(parseCalendar(cancelled).events.map((e) => e.status)).toEqual(['CANCELLED']);
  });

  it('renders a printable flyer with the facts and no raw HTML from the description', async () => {
    const event = await publish({
      audience: 'public',
      description: '<script>alert(1)</script> **どなたでも**',
    });
    const res = await anonymous.get(`/events/${event.id}/flyer`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('class="cl-flyer"');
    expect(html).toContain('みどり市民センター 3階 和室');
    expect(html).toContain('<strong>どなたでも</strong>');
    expect(html).not.toContain('<script>');
  });
});

describe('pages', () => {
  it('staff publish through the form (422 keeps what was typed), a helper signs up and cancels', async () => {
    const bad = await staff.form('/events', {
      kind: 'exchange',
      title: '秋の交流会',
      date: '2026-12-05',
      startTime: '１０：００',
      endTime: '9:00',
      venue: '',
      capacity: 'たくさん',
      audience: 'helpers',
      childcare: 'yes',
      description: '',
    });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('value="秋の交流会"');
    expect(badHtml).toContain('id="field-capacity-error"');
    expect(badHtml).toContain('id="field-venue-error"');

    const ok = await staff.form('/events', {
      kind: 'exchange',
      title: '秋の交流会',
      date: '2026-12-05',
      startTime: '１０：００',
      endTime: '12:00',
      venue: 'みどり市民センター',
      capacity: '10',
      audience: 'helpers',
      childcare: 'yes',
      description: '',
    });
    expect(ok.status).toBe(303);
    const location = ok.headers.get('location')!;
    const id = location.split('/').pop()!;
    const row = await ctx.deps.db
      .selectFrom('event')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      starts_at: '2026-12-05T01:00:00.000Z',
      childcare: 1,
      capacity: 10,
    });

    const helper = await member();
    const home = await helper.client.get('/');
    expect(await home.text()).toContain(`href="/events/${id}"`);
    const page = await helper.client.get(location);
    expect(await page.text()).toContain(`action="/events/${id}/register"`);
    expect((await helper.client.form(`/events/${id}/register`, { children: '1' })).status).toBe(
      303,
    );
    expect((await registrations(id))[0]).toMatchObject({ status: 'registered', children: 1 });
    const again = await helper.client.form(`/events/${id}/register`, {});
    expect(again.status).toBe(409);
    expect((await helper.client.form(`/events/${id}/withdraw`, {})).status).toBe(303);
    expect(await registrations(id)).toEqual([]);
    // A member cannot reach the staff pages.
    expect((await helper.client.get('/events/new')).status).toBe(403);
    expect((await helper.client.get(`/events/${id}/edit`)).status).toBe(403);
  });

  it('lists past events separately and shows English', async () => {
    await publish({ audience: 'public' });
    ctx.clock.advance(24 * 20 * HOUR);
    const en = new TestClient(ctx, { 'accept-language': 'en' });
    const upcoming = await (await en.get('/events')).text();
    expect(upcoming).toContain('No events are planned at the moment.');
    const past = await (await en.get('/events?when=past')).text();
    expect(past).toContain('提供会員 交流会');
  });
});
