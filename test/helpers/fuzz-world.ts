import type { User } from '../../db/schema.js';
import { createChild, createEligibleHelper, createMember } from './factories.js';
import { createSessionFor, createUser, TestClient } from './test-app.js';
import type { FuzzContext } from './fuzz-db.js';
import { issueResetCode, requestPasswordReset } from '../../src/modules/auth/recovery.service.js';

// One realistic world for the write-route fuzzer and the mass-assignment test: a family with a
// child, two qualified helpers, an applicant, a suspended member, past and future requests in
// every state, activity reports, an incident, an orientation, a training session, an event,
// an announcement, a newsletter, a local group, notifications, availability and a fee table.
// It is built through the API (the same paths users take), then the clock stands on
// Wednesday 2026-11-25 20:00 JST, after the past requests ended.

export type Actor = 'anonymous' | 'parent' | 'helper' | 'helper2' | 'applicant' | 'staff' | 'admin';

const jst = (date: string, time: string) => `${date}T${time}:00+09:00`;
export const WORLD_NOW = jst('2026-11-25', '20:00');

async function expectStatus(res: Response, expected: number, what: string) {
  if (res.status !== expected)
    throw new Error(`fuzz world: ${what} → ${res.status} ${await res.text()}`);
  return res;
}

/** The id of what a 201 created, whatever the envelope (`{ id }`, `{ activity: { id } }`). */
async function created<T extends { id: string }>(res: Response, what: string): Promise<T> {
  await expectStatus(res, 201, what);
  const json = (await res.json()) as Record<string, unknown>;
  if (typeof json.id === 'string') return json as T;
  const inner = Object.values(json).find(
    (v): v is T => typeof v === 'object' && v !== null && typeof (v as T).id === 'string',
  );
  if (!inner) throw new Error(`fuzz world: ${what}: no id in ${JSON.stringify(json)}`);
  return inner;
}

export async function buildWorld(ctx: FuzzContext) {
  const { deps } = ctx;
  const db = deps.db;
  const admin = await createUser(deps, { role: 'admin' });
  const staffUser = await createUser(deps, { role: 'staff' });
  const parent = await createMember(deps, { kind: 'requester' });
  const child = await createChild(deps, parent.member.id);
  const helper = await createEligibleHelper(deps);
  const helper2 = await createEligibleHelper(deps);
  const applicant = await createMember(deps, { kind: 'requester', requesterStatus: 'applied' });
  const suspended = await createMember(deps, { kind: 'requester', requesterStatus: 'suspended' });
  const staff = await TestClient.signedInAs(ctx, staffUser);
  const adminClient = await TestClient.signedInAs(ctx, admin);
  const parentClient = await TestClient.signedInAs(ctx, parent.user);
  const helperClient = await TestClient.signedInAs(ctx, helper.user);

  for (const [kind, name] of [
    ['emergency-contacts', '祖母 みどり'],
    ['emergency-contacts', '叔父 たろう'],
    ['emergency-contacts', '叔母 はなこ'],
    ['authorized-pickups', '祖父 はじめ'],
  ] as const)
    await expectStatus(
      await parentClient.json('POST', `/api/v1/members/${parent.member.id}/${kind}`, {
        name,
        relation: '親族',
        phone: '090-2222-3333',
      }),
      201,
      kind,
    );
  const contacts = await db
    .selectFrom('emergency_contact')
    .select('id')
    .where('member_id', '=', parent.member.id)
    .execute();
  const pickup = await db
    .selectFrom('authorized_pickup')
    .select('id')
    .where('member_id', '=', parent.member.id)
    .executeTakeFirstOrThrow();

  const request = async (date: string, start: string, end: string) =>
    (
      await created<{ id: string }>(
        await staff.json('POST', '/api/v1/requests', {
          requesterId: parent.member.id,
          childIds: [child.id],
          category: 8,
          startsAt: jst(date, start),
          endsAt: jst(date, end),
        }),
        `request ${date} ${start}`,
      )
    ).id;
  const assign = async (id: string) =>
    expectStatus(
      await staff.json('POST', `/api/v1/requests/${id}/assign`, { helperId: helper.member.id }),
      200,
      'assign',
    );
  // Past by the time the world is ready: four matched requests for activity reports.
  const pastRequests: string[] = [];
  for (const [start, end] of [
    ['09:00', '10:00'],
    ['11:00', '12:00'],
    ['13:00', '14:00'],
    ['15:00', '16:00'],
  ] as const) {
    const id = await request('2026-11-25', start, end);
    await assign(id);
    pastRequests.push(id);
  }
  // Future: open, offered (to helper), matched.
  const openRequest = await request('2026-12-02', '09:00', '10:00');
  const offeredRequest = await request('2026-12-02', '11:00', '12:00');
  const matchedRequest = await request('2026-12-02', '13:00', '14:00');
  await assign(matchedRequest);

  // Two orientations: one held on Tuesday (the applicant attended), one still to come.
  const orientation = async (date: string) =>
    created<{ id: string }>(
      await staff.json('POST', '/api/v1/orientations', {
        startsAt: jst(date, '10:00'),
        endsAt: jst(date, '11:30'),
        venue: 'みどり市民センター',
        capacity: 20,
      }),
      `orientation ${date}`,
    );
  const heldOrientation = await orientation('2026-11-24');
  const comingOrientation = await orientation('2026-12-05');
  await expectStatus(
    await staff.json('POST', `/api/v1/orientations/${heldOrientation.id}/registrations`, {
      memberId: applicant.member.id,
    }),
    201,
    'orientation registration',
  );

  const modules = await db
    .selectFrom('training_module')
    .select(['id', 'kind'])
    .orderBy('sort_order')
    .execute();
  const basicModule = modules.find((m) => m.kind === 'basic')!;
  const trainingSession = await created<{ id: string }>(
    await staff.json('POST', '/api/v1/training-sessions', {
      moduleIds: [basicModule.id],
      startsAt: jst('2026-12-06', '10:00'),
      endsAt: jst('2026-12-06', '12:00'),
      venue: 'みどり市民センター',
      capacity: 10,
    }),
    'training session',
  );
  const heldTrainingSession = await created<{ id: string }>(
    await staff.json('POST', '/api/v1/training-sessions', {
      moduleIds: [basicModule.id],
      startsAt: jst('2026-11-24', '10:00'),
      endsAt: jst('2026-11-24', '12:00'),
      venue: 'みどり市民センター',
      capacity: 10,
    }),
    'held training session',
  );
  for (const id of [trainingSession.id, heldTrainingSession.id])
    await expectStatus(
      await helperClient.json('POST', `/api/v1/training-sessions/${id}/enrollments`, {}),
      201,
      'enrolment',
    );
  const sickChildModule = modules.find((m) => m.kind === 'sick_child')!;
  const pendingRecord = await created<{ id: string }>(
    await helperClient.json('POST', `/api/v1/members/${helper.member.id}/training-records`, {
      moduleId: sickChildModule.id,
      completedOn: '2026-11-01',
      source: 'external',
      note: '病児保育研修 修了証 第123号',
    }),
    'training record',
  );

  const event = await created<{ id: string }>(
    await staff.json('POST', '/api/v1/events', {
      kind: 'exchange',
      title: '冬の交流会',
      startsAt: jst('2026-12-12', '10:00'),
      endsAt: jst('2026-12-12', '12:00'),
      venue: 'みどり市民センター',
      capacity: 20,
      audience: 'members',
    }),
    'event',
  );
  await expectStatus(
    await parentClient.json('POST', `/api/v1/events/${event.id}/registrations`, {}),
    201,
    'event registration',
  );
  const announcement = await created<{ id: string }>(
    await staff.json('POST', '/api/v1/announcements', {
      title: '年末年始のお知らせ',
      body: '12月29日から1月3日まで休みます。',
      audience: 'all',
    }),
    'announcement',
  );
  const newsletter = await created<{ id: string }>(
    await staff.json('POST', '/api/v1/newsletters', {
      title: 'つながり通信 12月号',
      issuedOn: '2026-11-20',
      body: '今月の活動報告です。',
    }),
    'newsletter',
  );
  const group = await created<{ id: string }>(
    await staff.json('POST', '/api/v1/directory', {
      name: 'みどり中央こども食堂',
      kind: 'food',
      area: 'chuo',
    }),
    'local group',
  );
  const exception = await created<{ id: string }>(
    await helperClient.json('POST', `/api/v1/members/${helper.member.id}/availability/exceptions`, {
      date: '2026-12-20',
      note: '法事',
    }),
    'availability exception',
  );
  await expectStatus(
    await helperClient.json('POST', `/api/v1/members/${helper.member.id}/calendar-feed`, {}),
    201,
    'calendar feed',
  );
  await expectStatus(
    await adminClient.form('/settings/fees/tables', FEE_TABLE_FORM),
    303,
    'fee table',
  );

  // Wednesday evening: the past requests have ended; the helper reports them.
  ctx.clock.set(WORLD_NOW);
  const helperNow = await TestClient.signedInAs(ctx, helper.user);
  const parentNow = await TestClient.signedInAs(ctx, parent.user);
  const staffNow = await TestClient.signedInAs(ctx, staffUser);
  await expectStatus(
    await staffNow.json('POST', `/api/v1/orientations/${heldOrientation.id}/attendance`, {
      memberIds: [applicant.member.id],
    }),
    200,
    'orientation attendance',
  );
  // A pre-meeting of the parent and the helper, held before their first activity.
  const preMeeting = await created<{ id: string }>(
    await staffNow.json('POST', '/api/v1/pre-meetings', {
      requesterId: parent.member.id,
      helperId: helper.member.id,
      heldOn: '2026-11-20',
      place: 'ファミサポ事務所',
      attendees: '保護者、提供会員、アドバイザー',
      emergencyProcedure: '保護者と119に連絡',
    }),
    'pre-meeting',
  );
  // Offered now, so the offer is still open while the fuzzer runs.
  await expectStatus(
    await staffNow.json('POST', `/api/v1/requests/${offeredRequest}/offers`, {
      helperIds: [helper.member.id],
    }),
    201,
    'offers',
  );
  const offer = await db
    .selectFrom('offer')
    .select('id')
    .where('request_id', '=', offeredRequest)
    .executeTakeFirstOrThrow();
  const report = (requestId: string, start: string, end: string, extra: object = {}) =>
    helperNow.json('POST', '/api/v1/activities', {
      requestId,
      startedAt: jst('2026-11-25', start),
      endedAt: jst('2026-11-25', end),
      childIds: [child.id],
      categories: [8],
      ...extra,
    });
  const reported = await created<{ id: string }>(
    await report(pastRequests[0]!, '09:00', '10:00'),
    'activity',
  );
  const confirmed = await created<{ id: string }>(
    await report(pastRequests[1]!, '11:00', '12:00', {
      incident: {
        kind: 'accident',
        severity: 'serious',
        seriousReason: 'treatment_30_days',
        description: '滑り台から落ちて腕を骨折した。',
        actionTaken: '病院へ付き添い、保護者に連絡した。',
      },
    }),
    'activity with incident',
  );
  await expectStatus(
    await parentNow.json('POST', `/api/v1/activities/${confirmed.id}/confirm`, {}),
    200,
    'confirm',
  );
  // Approved: the payment and receipt routes' subject (issue #18).
  const approved = await created<{ id: string }>(
    await report(pastRequests[3]!, '15:00', '16:00'),
    'approved activity',
  );
  await expectStatus(
    await parentNow.json('POST', `/api/v1/activities/${approved.id}/confirm`, {}),
    200,
    'confirm',
  );
  await expectStatus(
    await staffNow.json('POST', `/api/v1/activities/${approved.id}/approve`, {}),
    200,
    'approve',
  );
  const incident = await db
    .selectFrom('incident')
    .select('id')
    .where('activity_id', '=', confirmed.id)
    .executeTakeFirstOrThrow();
  // The accident's insurance case (issue #19).
  const insuranceCase = await created<{ id: string }>(
    await staffNow.json('POST', `/api/v1/incidents/${incident.id}/insurance-cases`, {
      cover: 'child_injury',
    }),
    'insurance case',
  );
  // A photo of the incident (issue #19), for the attachment routes.
  const photoForm = new FormData();
  photoForm.append(
    'file',
    new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])], 'photo.jpg', {
      type: 'image/jpeg',
    }),
  );
  const attachment = await created<{ id: string }>(
    await staffNow.request(`/api/v1/incidents/${incident.id}/attachments`, {
      method: 'POST',
      headers: { origin: 'http://localhost' },
      body: photoForm,
    }),
    'attachment',
  );
  const note = async (userId: string) =>
    (
      await db
        .selectFrom('notification')
        .select('id')
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .executeTakeFirstOrThrow()
    ).id;

  // A live reset link and code of the parent (issue #22), for the reset routes' valid bodies.
  const { code: resetCode } = await issueResetCode(deps, staffUser, parent.user.id, {
    account: 'member',
  });
  await requestPasswordReset(deps, {
    email: parent.user.email,
    clientAddress: '192.0.2.1',
    origin: 'http://localhost',
    locale: 'ja',
  });
  const resetMail = await db
    .selectFrom('outbox')
    .select('body')
    .where('to_email', '=', parent.user.email)
    .where('body', 'like', '%reset-password?token=%')
    .executeTakeFirstOrThrow();
  const resetToken = decodeURIComponent(/token=([\w%-]+)/.exec(resetMail.body)![1]!);

  const users: Record<Exclude<Actor, 'anonymous'>, Pick<User, 'id' | 'role'>> = {
    parent: parent.user,
    helper: helper.user,
    helper2: helper2.user,
    applicant: applicant.user,
    staff: staffUser,
    admin,
  };
  return {
    users,
    passwords: { parent: parent.user.password, helper: helper.user.password },
    emails: { parent: parent.user.email },
    parent: parent.member,
    helper: helper.member,
    helper2: helper2.member,
    applicant: applicant.member,
    suspended: suspended.member,
    child,
    contactId: contacts[0]!.id,
    pickupId: pickup.id,
    openRequest,
    offeredRequest,
    matchedRequest,
    reportableRequest: pastRequests[2]!,
    offerId: offer.id,
    heldOrientationId: heldOrientation.id,
    orientationId: comingOrientation.id,
    basicModuleId: basicModule.id,
    sickChildModuleId: sickChildModule.id,
    trainingSessionId: trainingSession.id,
    heldTrainingSessionId: heldTrainingSession.id,
    pendingRecordId: pendingRecord.id,
    eventId: event.id,
    announcementId: announcement.id,
    newsletterId: newsletter.id,
    groupId: group.id,
    exceptionId: exception.id,
    reportedActivityId: reported.id,
    confirmedActivityId: confirmed.id,
    approvedActivityId: approved.id,
    incidentId: incident.id,
    insuranceCaseId: insuranceCase.id,
    attachmentId: attachment.id,
    parentNotificationId: await note(parent.user.id),
    helperNotificationId: await note(helper.user.id),
    feeTableValidFrom: FEE_TABLE_FORM.validFrom,
    resetCode,
    resetToken,
    preMeetingId: preMeeting.id,
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

export const FEE_TABLE_FORM = {
  validFrom: '2027-04-01',
  weekdayDay: '1000',
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

/** Signed-in clients for every actor; call again to sign in afresh (new sessions). */
export class Actors {
  private readonly clients = new Map<Actor, TestClient>();
  constructor(
    private readonly ctx: FuzzContext,
    private readonly world: World,
  ) {}

  async get(actor: Actor): Promise<TestClient> {
    let client = this.clients.get(actor);
    if (!client) {
      client = new TestClient(this.ctx);
      if (actor !== 'anonymous')
        client.cookies.set(
          'tsunagu_session',
          await createSessionFor(this.ctx.deps, this.world.users[actor]),
        );
      this.clients.set(actor, client);
    }
    return client;
  }

  /** Forgets the actor's client: the next get() signs in again. */
  reset(actor: Actor) {
    this.clients.delete(actor);
  }
}
