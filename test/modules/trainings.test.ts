import { beforeEach, describe, expect, it } from 'vitest';
import { DAY } from '../../src/lib/clock.js';
import { getQualificationsForMembers } from '../../src/modules/trainings/qualification.service.js';
import { trainingSummary } from '../../src/modules/trainings/training-summary.js';
import {
  findDueExpiryNotices,
  sendTrainingExpiryNotices,
} from '../../src/modules/trainings/training-notices.js';
import { createMember } from '../helpers/factories.js';
import { createUser, setupTestApp, TestClient, type TestContext } from '../helpers/test-app.js';

// The clock: Saturday 2026-11-21, 10:00 in Tokyo (01:00 UTC).
let ctx: TestContext;
let admin: TestClient;
let staff: TestClient;
let moduleId: Record<string, string>;

const COURSE = [
  'basic_heart',
  'basic_mind',
  'basic_body',
  'basic_nursing',
  'basic_nutrition',
  'basic_care',
  'basic_play',
  'basic_safety',
  'cpr',
  'basic_disability',
  'basic_rules',
];

beforeEach(async () => {
  ctx = await setupTestApp();
  admin = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'admin' }));
  staff = await TestClient.signedInAs(ctx, await createUser(ctx.deps, { role: 'staff' }));
  const loaded = await admin.json('POST', '/api/v1/training-modules/load-defaults', {});
  expect(loaded.status).toBe(200);
  const body = (await loaded.json()) as { items: { id: string; code: string }[] };
  moduleId = Object.fromEntries(body.items.map((m) => [m.code, m.id]));
  // This file's dates were written for a center whose CPR is valid 36 months (the default until
  // #19 made it 60; test/modules/refreshers.test.ts covers the new defaults).
  const cpr = await admin.json('PATCH', `/api/v1/training-modules/${moduleId.cpr}`, {
    validityMode: 'months',
    validityMonths: 36,
  });
  expect(cpr.status).toBe(200);
});

async function helper(options: Parameters<typeof createMember>[1] = {}) {
  const { user, member } = await createMember(ctx.deps, { kind: 'helper', ...options });
  return { user, member, client: await TestClient.signedInAs(ctx, user) };
}

interface SessionJson {
  id: string;
  capacity: number;
  enrolled: number;
  waitlisted: number;
  seatsLeft: number;
  modules: { id: string; code: string }[];
  myEnrollment?: { status: string; waitlistPosition: number | null } | null;
}

async function createSession(
  codes: string[],
  options: { startsAt?: string; endsAt?: string; capacity?: number } = {},
): Promise<SessionJson> {
  const res = await staff.json('POST', '/api/v1/training-sessions', {
    moduleIds: codes.map((c) => moduleId[c]),
    startsAt: options.startsAt ?? '2026-12-05T09:30:00+09:00',
    endsAt: options.endsAt ?? '2026-12-05T16:00:00+09:00',
    venue: 'みどり市民センター',
    capacity: options.capacity ?? 20,
  });
  expect(res.status).toBe(201);
  return (await res.json()) as SessionJson;
}

/** A session held this morning (Tokyo), so attendance can be recorded. */
const heldToday = (codes: string[], capacity = 20) =>
  createSession(codes, {
    startsAt: '2026-11-21T00:30:00+09:00',
    endsAt: '2026-11-21T03:00:00+09:00',
    capacity,
  });

async function qualifications(client: TestClient, memberId: string) {
  const res = await client.get(`/api/v1/members/${memberId}/qualifications`);
  expect(res.status).toBe(200);
  return (await res.json()) as {
    eligibleForMatching: boolean;
    sickChildCare: boolean;
    status: string;
    missing: string[];
    expiring: { code: string; expiresOn: string }[];
    records: { code: string; completedOn: string; source: string; valid: boolean }[];
    progress: { modulesDone: number; modulesTotal: number; hoursDone: number; hoursTotal: number };
  };
}

const countRecords = async (memberId?: string) => {
  let q = ctx.deps.db
    .selectFrom('training_record')
    .select((eb) => eb.fn.countAll<number>().as('n'));
  if (memberId) q = q.where('member_id', '=', memberId);
  return Number((await q.executeTakeFirstOrThrow()).n);
};

describe('curriculum', () => {
  it('is readable by members, written only by admins, and loads the defaults idempotently', async () => {
    const h = await helper();
    expect((await new TestClient(ctx).get('/api/v1/training-modules')).status).toBe(401);
    const list = await h.client.get('/api/v1/training-modules');
    expect(list.status).toBe(200);
    const items = ((await list.json()) as { items: { code: string; kind: string }[] }).items;
    expect(items).toHaveLength(15);
    expect(items.filter((m) => m.kind === 'basic')).toHaveLength(10);

    const again = await admin.json('POST', '/api/v1/training-modules/load-defaults', {});
    expect(await again.json()).toMatchObject({ added: 0, total: 15 });
    expect((await staff.json('POST', '/api/v1/training-modules/load-defaults', {})).status).toBe(
      403,
    );

    const module = {
      code: 'followup_allergy',
      title: { ja: 'アレルギー対応の研修', en: 'Allergy response training' },
      hours: 1.5,
      kind: 'followup',
      validityMode: 'fiscal_year_end',
    };
    expect((await h.client.json('POST', '/api/v1/training-modules', module)).status).toBe(403);
    expect((await staff.json('POST', '/api/v1/training-modules', module)).status).toBe(403);
    const created = await admin.json('POST', '/api/v1/training-modules', module);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      code: 'followup_allergy',
      title: { ja: 'アレルギー対応の研修' },
      hours: 1.5,
      validityMode: 'fiscal_year_end',
      validityMonths: null,
      active: true,
    });
    const dup = await admin.json('POST', '/api/v1/training-modules', module);
    expect(dup.status).toBe(409);
    expect(await dup.json()).toMatchObject({ error: { code: 'code_taken' } });
    for (const bad of [
      { ...module, code: 'X y' },
      { ...module, hours: 0 },
      { ...module, kind: 'other' },
      { ...module, active: false },
      { ...module, validityMonths: 12 },
    ]) {
      expect((await admin.json('POST', '/api/v1/training-modules', bad)).status).toBe(400);
    }
  });
});

describe('sessions', () => {
  it('are scheduled by staff only, and members see the ones still to come with seats left', async () => {
    const h = await helper();
    const body = {
      moduleIds: [moduleId.cpr],
      startsAt: '2026-12-05T09:30:00+09:00',
      endsAt: '2026-12-05T12:30:00+09:00',
      venue: '消防署',
      capacity: 10,
    };
    expect((await h.client.json('POST', '/api/v1/training-sessions', body)).status).toBe(403);
    expect((await new TestClient(ctx).json('POST', '/api/v1/training-sessions', body)).status).toBe(
      401,
    );
    expect(
      (await staff.json('POST', '/api/v1/training-sessions', { ...body, moduleIds: ['nope'] }))
        .status,
    ).toBe(422);
    expect(
      (await staff.json('POST', '/api/v1/training-sessions', { ...body, endsAt: body.startsAt }))
        .status,
    ).toBe(400);
    expect(
      (await staff.json('POST', '/api/v1/training-sessions', { ...body, moduleIds: [] })).status,
    ).toBe(400);
    const created = await staff.json('POST', '/api/v1/training-sessions', {
      ...body,
      instructor: '救急隊',
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      startsAt: '2026-12-05T09:30:00+09:00',
      capacity: 10,
      seatsLeft: 10,
      instructor: '救急隊',
      hours: 3,
      modules: [{ code: 'cpr' }],
    });
    await heldToday(['basic_heart']);

    const forHelper = (await (await h.client.get('/api/v1/training-sessions')).json()) as {
      items: SessionJson[];
    };
    expect(forHelper.items).toHaveLength(1);
    expect(forHelper.items[0]).toMatchObject({ seatsLeft: 10, myEnrollment: null });
    const forStaff = (await (await staff.get('/api/v1/training-sessions')).json()) as {
      items: SessionJson[];
    };
    expect(forStaff.items).toHaveLength(2);
    const november = (await (
      await staff.get('/api/v1/training-sessions?from=2026-11-01&to=2026-11-30')
    ).json()) as { items: SessionJson[] };
    expect(november.items).toHaveLength(1);
  });
});

describe('enrolment', () => {
  it('fills the seats, then the waitlist, and promotes the first in line when a seat frees', async () => {
    const session = await createSession(['basic_heart'], { capacity: 2 });
    const [a, b, c, d] = [await helper(), await helper(), await helper(), await helper()];
    const enrol = (h: { client: TestClient }) =>
      h.client.json('POST', `/api/v1/training-sessions/${session.id}/enrollments`, {});
    const ra = await enrol(a);
    expect(ra.status).toBe(201);
    expect(await ra.json()).toMatchObject({ status: 'enrolled', waitlistPosition: null });
    expect(await (await enrol(b)).json()).toMatchObject({ status: 'enrolled' });
    expect(await (await enrol(c)).json()).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
    });
    expect(await (await enrol(d)).json()).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 2,
    });
    const twice = await enrol(a);
    expect(twice.status).toBe(409);
    expect(await twice.json()).toMatchObject({ error: { code: 'already_enrolled' } });

    // A frees a seat: C (first in line) gets it and is told; D moves up.
    const cancel = await a.client.json(
      'POST',
      `/api/v1/training-sessions/${session.id}/enrollments/cancel`,
      {},
    );
    expect(cancel.status).toBe(200);
    expect(await cancel.json()).toEqual({
      sessionId: session.id,
      memberId: a.member.id,
      status: 'cancelled',
    });
    const mine = async (h: { client: TestClient }) =>
      (
        (await (await h.client.get('/api/v1/training-sessions')).json()) as {
          items: SessionJson[];
        }
      ).items[0]!;
    expect((await mine(c)).myEnrollment).toEqual({ status: 'enrolled', waitlistPosition: null });
    expect((await mine(d)).myEnrollment).toEqual({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await mine(a)).toMatchObject({ enrolled: 2, waitlisted: 1, myEnrollment: null });
    const notices = await ctx.deps.db
      .selectFrom('notification')
      .select(['user_id', 'kind', 'link'])
      .execute();
    expect(notices).toEqual([{ user_id: c.user.id, kind: 'training_promoted', link: '/training' }]);

    // A waitlisted helper cancelling frees no seat: nobody moves.
    expect(
      (
        await d.client.json(
          'POST',
          `/api/v1/training-sessions/${session.id}/enrollments/cancel`,
          {},
        )
      ).status,
    ).toBe(200);
    expect(await mine(b)).toMatchObject({ enrolled: 2, waitlisted: 0 });
    const none = await d.client.json(
      'POST',
      `/api/v1/training-sessions/${session.id}/enrollments/cancel`,
      {},
    );
    expect(none.status).toBe(409);
    expect(await none.json()).toMatchObject({ error: { code: 'not_enrolled' } });
    // A cancelled helper may sign up again (at the end of the line).
    expect(await (await enrol(a)).json()).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
    });
  });

  it('lets staff enrol and cancel for a helper, and tells staff who moved up', async () => {
    const session = await createSession(['basic_heart'], { capacity: 1 });
    const [a, b] = [await helper(), await helper()];
    const url = `/api/v1/training-sessions/${session.id}/enrollments`;
    expect((await staff.json('POST', url, {})).status).toBe(404);
    expect((await staff.json('POST', url, { memberId: 'nobody' })).status).toBe(404);
    expect(await (await staff.json('POST', url, { memberId: a.member.id })).json()).toMatchObject({
      status: 'enrolled',
    });
    expect(await (await staff.json('POST', url, { memberId: b.member.id })).json()).toMatchObject({
      status: 'waitlisted',
    });
    const cancel = await staff.json('POST', `${url}/cancel`, { memberId: a.member.id });
    expect(await cancel.json()).toMatchObject({ promotedMemberId: b.member.id });
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'training_enrollment_cancelled')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses the wrong people and the wrong sessions', async () => {
    const session = await createSession(['basic_heart']);
    const url = `/api/v1/training-sessions/${session.id}/enrollments`;
    const [a, b] = [await helper(), await helper()];
    // A helper cannot sign someone else up: the other member is "not found".
    expect((await a.client.json('POST', url, { memberId: b.member.id })).status).toBe(404);
    expect((await a.client.json('POST', url, { memberId: a.member.id })).status).toBe(201);
    expect((await new TestClient(ctx).json('POST', url, {})).status).toBe(401);
    expect(
      (await a.client.json('POST', '/api/v1/training-sessions/nope/enrollments', {})).status,
    ).toBe(404);
    expect((await a.client.json('POST', url, { status: 'enrolled' })).status).toBe(400);

    const requester = await createMember(ctx.deps, { kind: 'requester' });
    const rc = await TestClient.signedInAs(ctx, requester.user);
    const notHelper = await rc.json('POST', url, {});
    expect(notHelper.status).toBe(422);
    expect(await notHelper.json()).toMatchObject({ error: { code: 'not_a_helper' } });
    const suspended = await helper({ helperStatus: 'suspended' });
    expect(await (await suspended.client.json('POST', url, {})).json()).toMatchObject({
      error: { code: 'helper_inactive' },
    });
    // Staff without a member record have nothing to enrol themselves into.
    const own = await createUser(ctx.deps, { role: 'member' });
    expect((await (await TestClient.signedInAs(ctx, own)).json('POST', url, {})).status).toBe(404);

    // A session that has started: the helper cannot, staff can (paper records).
    const held = await heldToday(['basic_mind']);
    const late = await b.client.json(
      'POST',
      `/api/v1/training-sessions/${held.id}/enrollments`,
      {},
    );
    expect(late.status).toBe(422);
    expect(await late.json()).toMatchObject({ error: { code: 'session_started' } });
    expect(
      (
        await staff.json('POST', `/api/v1/training-sessions/${held.id}/enrollments`, {
          memberId: b.member.id,
        })
      ).status,
    ).toBe(201);
    expect(
      (await b.client.json('POST', `/api/v1/training-sessions/${held.id}/enrollments/cancel`, {}))
        .status,
    ).toBe(422);
  });
});

describe('attendance', () => {
  it('creates records per module, dated the session’s Tokyo day, and re-recording never duplicates', async () => {
    // 00:30 in Tokyo is still the previous day in UTC: the record must say 2026-11-21.
    const session = await heldToday(['basic_heart', 'basic_mind', 'basic_body']);
    const [a, b, c] = [await helper(), await helper(), await helper()];
    const url = `/api/v1/training-sessions/${session.id}/attendance`;
    const sheet = {
      attendees: [
        { memberId: a.member.id, attended: true },
        { memberId: b.member.id, attended: true, moduleIds: [moduleId.basic_heart] },
        { memberId: c.member.id, attended: false },
      ],
    };
    expect((await a.client.json('POST', url, sheet)).status).toBe(403);
    const res = await staff.json('POST', url, sheet);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ sessionId: session.id, attendees: 2, records: 4 });
    expect(await countRecords(a.member.id)).toBe(3);
    expect(await countRecords(b.member.id)).toBe(1);
    expect(await countRecords(c.member.id)).toBe(0);
    const rows = await ctx.deps.db
      .selectFrom('training_record')
      .select(['completed_on', 'source', 'status', 'session_id'])
      .distinct()
      .execute();
    expect(rows).toEqual([
      {
        completed_on: '2026-11-21',
        source: 'attendance',
        status: 'approved',
        session_id: session.id,
      },
    ]);

    // The same sheet again: nothing new.
    await staff.json('POST', url, sheet);
    expect(await countRecords()).toBe(4);
    // Corrections: B also attended the second module; A was ticked by mistake.
    await staff.json('POST', url, {
      attendees: [
        { memberId: a.member.id, attended: false },
        {
          memberId: b.member.id,
          attended: true,
          moduleIds: [moduleId.basic_heart, moduleId.basic_mind],
        },
      ],
    });
    expect(await countRecords(a.member.id)).toBe(0);
    expect(await countRecords(b.member.id)).toBe(2);
    const q = await qualifications(staff, b.member.id);
    expect(q.records.map((r) => r.code)).toEqual(['basic_heart', 'basic_mind']);
  });

  it('refuses a session not held yet, modules it does not teach, and unknown members', async () => {
    const future = await createSession(['basic_heart']);
    const h = await helper();
    const attend = (sessionId: string, body: unknown) =>
      staff.json('POST', `/api/v1/training-sessions/${sessionId}/attendance`, body);
    expect(
      await (
        await attend(future.id, { attendees: [{ memberId: h.member.id, attended: true }] })
      ).json(),
    ).toMatchObject({ error: { code: 'session_not_held_yet' } });
    const held = await heldToday(['basic_heart']);
    const wrong = await attend(held.id, {
      attendees: [{ memberId: h.member.id, attended: true, moduleIds: [moduleId.cpr] }],
    });
    expect(wrong.status).toBe(422);
    expect(await wrong.json()).toMatchObject({ error: { code: 'module_not_in_session' } });
    const unknown = await attend(held.id, { attendees: [{ memberId: 'ghost', attended: true }] });
    expect(await unknown.json()).toMatchObject({ error: { code: 'unknown_member' } });
    expect((await attend(held.id, { attendees: [{ memberId: h.member.id }] })).status).toBe(400);
    expect((await attend('nope', { attendees: [] })).status).toBe(404);
    expect(await countRecords()).toBe(0);
  });
});

describe('certificates, exemptions and submissions', () => {
  it('counts a helper’s own submission only once staff approve it', async () => {
    const h = await helper();
    const body = {
      moduleId: moduleId.cpr,
      completedOn: '2026-10-01',
      source: 'external',
      note: '普通救命講習 修了証 第123号',
    };
    const sent = await h.client.json(
      'POST',
      `/api/v1/members/${h.member.id}/training-records`,
      body,
    );
    expect(sent.status).toBe(201);
    const record = (await sent.json()) as { id: string; status: string; expiresOn: string };
    expect(record).toMatchObject({ status: 'pending', expiresOn: '2029-09-30' });
    expect((await qualifications(h.client, h.member.id)).missing).toContain('cpr');

    const queue = (await (await staff.get('/api/v1/training-records')).json()) as {
      items: { id: string; memberName: string }[];
    };
    expect(queue.items.map((r) => r.id)).toEqual([record.id]);
    expect(
      (await h.client.json('POST', `/api/v1/training-records/${record.id}/approve`, {})).status,
    ).toBe(403);
    const approved = await staff.json('POST', `/api/v1/training-records/${record.id}/approve`, {});
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ status: 'approved' });
    expect((await qualifications(h.client, h.member.id)).missing).not.toContain('cpr');
    const again = await staff.json('POST', `/api/v1/training-records/${record.id}/reject`, {});
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'not_pending' } });
    const kinds = await ctx.deps.db.selectFrom('notification').select('kind').execute();
    expect(kinds).toEqual([{ kind: 'training_record_approved' }]);

    // A rejected one never counts.
    const other = await h.client.json('POST', `/api/v1/members/${h.member.id}/training-records`, {
      ...body,
      moduleId: moduleId.basic_play,
      source: 'exemption',
    });
    const otherId = ((await other.json()) as { id: string }).id;
    const rejected = await staff.json('POST', `/api/v1/training-records/${otherId}/reject`, {
      note: '保育士証の写しを窓口でお見せください',
    });
    expect(await rejected.json()).toMatchObject({
      status: 'rejected',
      reviewNote: '保育士証の写しを窓口でお見せください',
    });
    expect((await qualifications(h.client, h.member.id)).missing).toContain('basic_play');
    const own = (await (
      await h.client.get(`/api/v1/members/${h.member.id}/training-records`)
    ).json()) as { items: { status: string }[] };
    expect(own.items.map((r) => r.status).sort()).toEqual(['approved', 'rejected']);
  });

  it('lets staff record approved exemptions and certificates, with evidence, and refuses bad ones', async () => {
    const h = await helper();
    const url = `/api/v1/members/${h.member.id}/training-records`;
    const record = (code: string, extra: Record<string, unknown> = {}) =>
      staff.json('POST', url, {
        moduleId: moduleId[code],
        completedOn: '2026-11-01',
        source: 'exemption',
        note: '看護師免許 第123456号',
        ...extra,
      });
    const res = await record('basic_nursing');
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      status: 'approved',
      source: 'exemption',
      note: '看護師免許 第123456号',
      expiresOn: null,
    });
    expect((await record('basic_body', { completedOn: '2026-11-22' })).status).toBe(422);
    expect((await record('basic_body', { note: '' })).status).toBe(400);
    expect((await record('basic_body', { source: 'attendance' })).status).toBe(400);
    expect(
      (
        await staff.json('POST', url, {
          moduleId: 'nope',
          completedOn: '2026-11-01',
          source: 'external',
          note: 'x',
        })
      ).status,
    ).toBe(422);
    // Someone else's record: another helper gets 404, and nothing is written.
    const other = await helper();
    expect(
      (
        await other.client.json('POST', url, {
          moduleId: moduleId.cpr,
          completedOn: '2026-11-01',
          source: 'external',
          note: 'x',
        })
      ).status,
    ).toBe(404);
    expect(await countRecords()).toBe(1);
  });
});

describe('qualifications', () => {
  it('are shown to staff and the member only (404 for anyone else)', async () => {
    const [a, b] = [await helper(), await helper()];
    const url = `/api/v1/members/${a.member.id}/qualifications`;
    expect((await new TestClient(ctx).get(url)).status).toBe(401);
    expect((await b.client.get(url)).status).toBe(404);
    expect((await a.client.get(url)).status).toBe(200);
    expect((await staff.get(url)).status).toBe(200);
    expect((await staff.get('/api/v1/members/nobody/qualifications')).status).toBe(404);
  });

  it('turn a helper from in training to eligible once the course is attended', async () => {
    const h = await helper();
    const before = await qualifications(h.client, h.member.id);
    expect(before).toMatchObject({
      eligibleForMatching: false,
      sickChildCare: false,
      status: 'in_training',
      missing: COURSE,
      progress: { modulesDone: 0, modulesTotal: 11, hoursDone: 0, hoursTotal: 27 },
    });
    const session = await heldToday(COURSE);
    // Part of the course first: 7 of the 11 modules.
    const seven = COURSE.slice(0, 7);
    await staff.json('POST', `/api/v1/training-sessions/${session.id}/attendance`, {
      attendees: [
        { memberId: h.member.id, attended: true, moduleIds: seven.map((c) => moduleId[c]) },
      ],
    });
    expect(await qualifications(h.client, h.member.id)).toMatchObject({
      status: 'in_training',
      progress: { modulesDone: 7, modulesTotal: 11, hoursDone: 16 },
      missing: COURSE.slice(7),
    });
    await staff.json('POST', `/api/v1/training-sessions/${session.id}/attendance`, {
      attendees: [{ memberId: h.member.id, attended: true }],
    });
    const after = await qualifications(h.client, h.member.id);
    expect(after).toMatchObject({
      eligibleForMatching: true,
      status: 'eligible',
      missing: [],
      // CPR from today: valid 36 months, so nothing expires soon.
      expiring: [],
      progress: { modulesDone: 11, modulesTotal: 11, hoursDone: 27, hoursTotal: 27 },
    });
    // An applied helper with the course done is not matched until approved.
    const applied = await helper({ helperStatus: 'applied' });
    await staff.json('POST', `/api/v1/training-sessions/${session.id}/attendance`, {
      attendees: [{ memberId: applied.member.id, attended: true }],
    });
    expect(await qualifications(staff, applied.member.id)).toMatchObject({
      eligibleForMatching: false,
      status: 'in_training',
      missing: [],
    });
  });

  it('count exemptions and external certificates, and report what expires within 60 days', async () => {
    const h = await helper();
    for (const code of COURSE.filter((c) => c !== 'cpr')) {
      await staff.json('POST', `/api/v1/members/${h.member.id}/training-records`, {
        moduleId: moduleId[code],
        completedOn: '2026-06-01',
        source: 'exemption',
        note: '保育士証 登録番号 12-345678',
      });
    }
    // A CPR card from 2023-12-01 is valid through 2026-11-30: 9 days left.
    await staff.json('POST', `/api/v1/members/${h.member.id}/training-records`, {
      moduleId: moduleId.cpr,
      completedOn: '2023-12-01',
      source: 'external',
      note: '普通救命講習',
    });
    const q = await qualifications(staff, h.member.id);
    expect(q).toMatchObject({
      eligibleForMatching: true,
      expiring: [{ code: 'cpr', expiresOn: '2026-11-30' }],
    });
    expect(q.records.filter((r) => r.source === 'exemption')).toHaveLength(10);

    // The batch reader: two queries whatever the number of members; unknown ids are absent.
    const other = await helper();
    const map = await getQualificationsForMembers(
      ctx.deps,
      [h.member.id, other.member.id, 'ghost'],
      '2026-11-21',
    );
    expect([...map.keys()].sort()).toEqual([h.member.id, other.member.id].sort());
    expect(map.get(h.member.id)?.eligibleForMatching).toBe(true);
    expect(map.get(other.member.id)?.eligibleForMatching).toBe(false);
    // On 2026-12-01 the card has expired: lapsed, and CPR is missing again.
    const later = await getQualificationsForMembers(ctx.deps, [h.member.id], '2026-12-01');
    expect(later.get(h.member.id)).toMatchObject({
      eligibleForMatching: false,
      status: 'lapsed',
      missing: ['cpr'],
    });
  });
});

describe('expiry notices', () => {
  it('notify once per record and threshold, 60 and then 30 days before', async () => {
    const h = await helper();
    // Completed 2023-12-31: valid through 2026-12-30, 39 days from today.
    await staff.json('POST', `/api/v1/members/${h.member.id}/training-records`, {
      moduleId: moduleId.cpr,
      completedOn: '2023-12-31',
      source: 'external',
      note: '普通救命講習',
    });
    const notices = () =>
      ctx.deps.db
        .selectFrom('notification')
        .select(['user_id', 'kind', 'dedupe_key', 'body'])
        .where('kind', '=', 'training_expiry')
        .execute();
    await sendTrainingExpiryNotices(ctx.deps, ctx.clock.now());
    await sendTrainingExpiryNotices(ctx.deps, ctx.clock.now());
    const first = await notices();
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ user_id: h.user.id });
    expect(first[0]!.dedupe_key).toMatch(/^training-expiry:.+:60$/);
    expect(first[0]!.body).toContain('2026年12月30日');
    ctx.clock.advance(10 * DAY); // 29 days left
    await sendTrainingExpiryNotices(ctx.deps, ctx.clock.now());
    await sendTrainingExpiryNotices(ctx.deps, ctx.clock.now());
    const second = await notices();
    expect(second.map((n) => n.dedupe_key?.split(':')[2]).sort()).toEqual(['30', '60']);
    // Renewed: the new card (valid to 2029) is the one that counts; nothing more is sent.
    await staff.json('POST', `/api/v1/members/${h.member.id}/training-records`, {
      moduleId: moduleId.cpr,
      completedOn: '2026-12-01',
      source: 'external',
      note: '普通救命講習（更新）',
    });
    ctx.clock.advance(20 * DAY);
    await sendTrainingExpiryNotices(ctx.deps, ctx.clock.now());
    expect(await notices()).toHaveLength(2);
  });

  it('reads only records that may still be valid: the follow-up of this fiscal year, not a lapsed card', async () => {
    const [fresh, lapsed] = [await helper(), await helper()];
    // The follow-up is valid through March 31 of the fiscal year it was attended in.
    await staff.json('POST', `/api/v1/members/${fresh.member.id}/training-records`, {
      moduleId: moduleId.followup,
      completedOn: '2026-05-10',
      source: 'external',
      note: 'フォローアップ講習',
    });
    // A CPR card that expired long ago (and one for the other helper): nothing to announce.
    for (const m of [fresh, lapsed])
      await staff.json('POST', `/api/v1/members/${m.member.id}/training-records`, {
        moduleId: moduleId.cpr,
        completedOn: '2020-01-10',
        source: 'external',
        note: '普通救命講習',
      });
    const due = await findDueExpiryNotices(ctx.deps, '2027-02-05', [60, 30]);
    expect(due).toEqual([
      expect.objectContaining({
        userId: fresh.user.id,
        moduleCode: 'followup',
        expiresOn: '2027-03-31',
        daysLeft: 54,
        threshold: 60,
      }),
    ]);
    // The next fiscal year, last year's follow-up no longer counts and nothing is due.
    expect(await findDueExpiryNotices(ctx.deps, '2027-04-01', [60, 30])).toEqual([]);
  });
});

describe('training summary', () => {
  it('counts sessions held, attendance, hours and newly qualified helpers in a period', async () => {
    const [a, b] = [await helper(), await helper()];
    const session = await heldToday(COURSE);
    await createSession(['cpr']); // to come: not held
    await staff.json('POST', `/api/v1/training-sessions/${session.id}/attendance`, {
      attendees: [
        { memberId: a.member.id, attended: true },
        { memberId: b.member.id, attended: true, moduleIds: [moduleId.basic_heart] },
      ],
    });
    const summary = await trainingSummary(ctx.deps, '2026-11-01', '2026-11-30');
    expect(summary).toMatchObject({
      sessionsHeld: 1,
      hoursDelivered: 27,
      attendances: 2,
      attendees: 2,
      attendeeHours: 29,
      newlyQualified: [{ memberId: a.member.id, qualifiedOn: '2026-11-21' }],
    });
    expect(await trainingSummary(ctx.deps, '2026-10-01', '2026-10-31')).toMatchObject({
      sessionsHeld: 0,
      attendances: 0,
      newlyQualified: [],
    });
    const api = await staff.get('/api/v1/training-summary?from=2026-11-01&to=2026-11-30');
    expect(await api.json()).toMatchObject({ sessionsHeld: 1, attendances: 2 });
    expect(
      (await a.client.get('/api/v1/training-summary?from=2026-11-01&to=2026-11-30')).status,
    ).toBe(403);
    expect((await staff.get('/api/v1/training-summary?from=2026-11-30&to=2026-11-01')).status).toBe(
      400,
    );
  });
});

describe('pages', () => {
  it('show the helper where she stands, and let her sign up and cancel', async () => {
    const h = await helper();
    await createSession(['basic_heart', 'basic_mind']);
    const page = await h.client.get('/training');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('研修中');
    expect(html).toContain('11科目中0科目、27時間中0時間を修了');
    const sessionId = (
      await ctx.deps.db.selectFrom('training_session').select('id').executeTakeFirstOrThrow()
    ).id;
    const enrol = await h.client.form(`/training/sessions/${sessionId}/enroll`, {});
    expect(enrol.status).toBe(303);
    const after = await (await h.client.get('/training')).text();
    expect(after).toContain('講習会に申し込みました。');
    expect(after).toContain('申し込み済みです。');
    const again = await h.client.form(`/training/sessions/${sessionId}/enroll`, {});
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('すでに申し込んでいます');
    expect((await h.client.form(`/training/sessions/${sessionId}/cancel`, {})).status).toBe(303);

    // Submitting a certificate: mistakes come back with 422 next to the fields.
    const bad = await h.client.form('/training/records', {
      moduleId: '',
      completedOn: '2026-13-01',
      source: 'external',
      note: '',
    });
    expect(bad.status).toBe(422);
    const ok = await h.client.form('/training/records', {
      moduleId: moduleId.cpr!,
      completedOn: '2026-10-01',
      source: 'external',
      note: '普通救命講習',
    });
    expect(ok.status).toBe(303);
    expect(await (await h.client.get('/training')).text()).toContain('センターで確認中');
  });

  it('keep the staff pages to staff, and record attendance from the sheet', async () => {
    const h = await helper();
    const session = await heldToday(['basic_heart', 'basic_mind']);
    for (const path of [
      '/training/sessions',
      '/training/helpers',
      '/training/records/pending',
      `/training/sessions/${session.id}`,
    ]) {
      expect((await h.client.get(path)).status, path).toBe(403);
      expect((await staff.get(path)).status, path).toBe(200);
    }
    expect((await new TestClient(ctx).get('/training')).status).toBe(303);
    expect((await staff.get('/training')).headers.get('location')).toBe('/training/sessions');
    expect(
      (await staff.form(`/training/sessions/${session.id}/enrollments`, { memberId: h.member.id }))
        .status,
    ).toBe(303);
    const sheet = await (await staff.get(`/training/sessions/${session.id}`)).text();
    expect(sheet).toContain(`att.${h.member.id}.${moduleId.basic_heart}`);
    const saved = await staff.form(`/training/sessions/${session.id}/attendance`, {
      [`member.${h.member.id}`]: '1',
      [`att.${h.member.id}.${moduleId.basic_heart}`]: '1',
    });
    expect(saved.status).toBe(303);
    expect(await countRecords(h.member.id)).toBe(1);
    // The helper cannot post the sheet.
    expect(
      (
        await h.client.form(`/training/sessions/${session.id}/attendance`, {
          [`member.${h.member.id}`]: '1',
          [`att.${h.member.id}.${moduleId.basic_mind}`]: '1',
        })
      ).status,
    ).toBe(403);
    expect(await countRecords(h.member.id)).toBe(1);

    // Scheduling through the form; errors are 422 with the values kept.
    const bad = await staff.form('/training/sessions', {
      date: '2026-12-10',
      startTime: '10:00',
      endTime: '09:00',
      venue: '',
      capacity: 'x',
    });
    expect(bad.status).toBe(422);
    const created = await staff.form('/training/sessions', {
      date: '2026-12-10',
      startTime: '１０：００',
      endTime: '12:00',
      venue: '市民センター',
      capacity: '15',
      [`moduleIds.${moduleId.followup}`]: '1',
    });
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toMatch(/^\/training\/sessions\/.+/);
  });

  it('print the certificate only for a completed course, and only for staff and the helper', async () => {
    const [a, b] = [await helper(), await helper()];
    expect((await a.client.get(`/members/${a.member.id}/certificate`)).status).toBe(422);
    const session = await heldToday(COURSE);
    await staff.json('POST', `/api/v1/training-sessions/${session.id}/attendance`, {
      attendees: [{ memberId: a.member.id, attended: true }],
    });
    const own = await a.client.get(`/members/${a.member.id}/certificate`);
    expect(own.status).toBe(200);
    const html = await own.text();
    expect(html).toContain('修了証');
    expect(html).toContain('全課程（24時間）');
    expect((await staff.get(`/members/${a.member.id}/certificate`)).status).toBe(200);
    expect((await b.client.get(`/members/${a.member.id}/certificate`)).status).toBe(404);
  });

  it('let staff record an exemption for many modules at once on the helper’s page', async () => {
    const h = await helper();
    const basic = COURSE.filter((c) => c !== 'cpr');
    const res = await staff.form(`/training/helpers/${h.member.id}/records`, {
      ...Object.fromEntries(basic.map((c) => [`moduleIds.${moduleId[c]}`, '1'])),
      completedOn: '2026-11-01',
      source: 'exemption',
      note: '保育士証 登録番号 12-345678',
    });
    expect(res.status).toBe(303);
    expect(await countRecords(h.member.id)).toBe(10);
    const page = await (await staff.get(`/training/helpers/${h.member.id}`)).text();
    expect(page).toContain('記録しました（10件）。');
    expect(page).toContain('資格による免除');
    // Nothing ticked: 422, nothing written.
    const none = await staff.form(`/training/helpers/${h.member.id}/records`, {
      completedOn: '2026-11-01',
      source: 'exemption',
      note: 'x',
    });
    expect(none.status).toBe(422);
    expect(await countRecords(h.member.id)).toBe(10);
  });

  it('are all documented in the OpenAPI document', async () => {
    const doc = (await (await new TestClient(ctx).get('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = [
      ['get', '/training-modules'],
      ['post', '/training-modules'],
      ['post', '/training-modules/load-defaults'],
      ['get', '/training-sessions'],
      ['post', '/training-sessions'],
      ['get', '/training-sessions/{id}'],
      ['post', '/training-sessions/{id}/enrollments'],
      ['post', '/training-sessions/{id}/enrollments/cancel'],
      ['post', '/training-sessions/{id}/attendance'],
      ['get', '/members/{id}/training-records'],
      ['post', '/members/{id}/training-records'],
      ['get', '/training-records'],
      ['post', '/training-records/{id}/approve'],
      ['post', '/training-records/{id}/reject'],
      ['get', '/members/{id}/qualifications'],
      ['get', '/training-summary'],
    ] as const;
    for (const [method, path] of routes) expect(doc.paths[path]?.[method], path).toBeDefined();
  });

  it('let an admin load the standard curriculum from the page, but not staff', async () => {
    expect((await staff.form('/training/curriculum/load-defaults', {})).status).toBe(403);
    const res = await admin.form('/training/curriculum/load-defaults', {});
    expect(res.status).toBe(303);
    expect(await (await admin.get('/training/curriculum')).text()).toContain(
      '標準の科目はすべて登録済みです。',
    );
  });
});
