import { sql } from 'kysely';
import { expect } from 'vitest';
import type { AppDeps } from '../../src/context.js';
import type { AuthzRole, FixtureKey } from '../security/authorization-table.js';
import { createChild, createEligibleHelper, createMember, ensureCurriculum } from './factories.js';
import { createUser, ORIGIN, setupTestApp, TestClient, type TestContext } from './test-app.js';

/**
 * One small center with an object of every kind, seen from seven roles: a family (requester) with
 * a child, a helper with a live match for that child, another family, another helper, staff and
 * an admin. Objects are made through the API as staff and members do, so they are real.
 */
export interface SecurityWorld {
  ctx: TestContext;
  ids: Record<FixtureKey, string>;
  users: Record<
    Exclude<AuthzRole, 'anonymous'>,
    { id: string; role: 'member' | 'staff' | 'admin' }
  >;
}

const jst = (date: string, time: string) => `${date}T${time}:00+09:00`;

async function created<T>(res: Response, what: string): Promise<T> {
  expect(res.status, `${what}: ${await res.clone().text()}`).toBeLessThan(400);
  return (await res.json()) as T;
}

export async function buildSecurityWorld(): Promise<SecurityWorld> {
  const ctx = await setupTestApp();
  const { deps } = ctx;
  const staffUser = await createUser(deps, { role: 'staff' });
  const adminUser = await createUser(deps, { role: 'admin' });
  const staffAccount = await createUser(deps, { role: 'staff' });
  let staff = await TestClient.signedInAs(ctx, staffUser);

  const family = await createMember(deps, { kind: 'requester' });
  const child = await createChild(deps, family.member.id, { birthDate: '2022-06-01' });
  const otherFamily = await createMember(deps, { kind: 'requester' });
  const otherChild = await createChild(deps, otherFamily.member.id, { birthDate: '2021-04-02' });
  const helper = await createEligibleHelper(deps);
  const otherHelper = await createEligibleHelper(deps);
  const parentClient = await TestClient.signedInAs(ctx, family.user);
  const helperClient = await TestClient.signedInAs(ctx, helper.user);

  const contact = { name: '祖母 花子', relation: '祖母', phone: '090-0000-1111' };
  await created(
    await parentClient.json(
      'POST',
      `/api/v1/members/${family.member.id}/emergency-contacts`,
      contact,
    ),
    'contact',
  );
  await created(
    await parentClient.json(
      'POST',
      `/api/v1/members/${family.member.id}/authorized-pickups`,
      contact,
    ),
    'pickup',
  );

  const request = async (date: string) => {
    const body = await created<{ request: { id: string } }>(
      await staff.json('POST', '/api/v1/requests', {
        requesterId: family.member.id,
        childIds: [child.id],
        category: 8,
        startsAt: jst(date, '18:30'),
        endsAt: jst(date, '19:40'),
      }),
      'request',
    );
    return body.request.id;
  };
  // pastRequest is reported below; liveRequest stays matched (a live match for the child).
  const pastRequest = await request('2026-11-25');
  const liveRequest = await request('2026-12-02');
  const offeredRequest = await request('2026-12-03');
  for (const id of [pastRequest, liveRequest])
    await created(
      await staff.json('POST', `/api/v1/requests/${id}/assign`, { helperId: helper.member.id }),
      'assign',
    );
  const offers = await created<{ offers: { id: string }[] }>(
    await staff.json('POST', `/api/v1/requests/${offeredRequest}/offers`, {
      helperIds: [helper.member.id],
    }),
    'offer',
  );

  const orientation = await created<{ id: string }>(
    await staff.json('POST', '/api/v1/orientations', {
      startsAt: jst('2026-12-05', '10:00'),
      endsAt: jst('2026-12-05', '11:30'),
      venue: '会議室',
      capacity: 10,
    }),
    'orientation',
  );
  const modules = await ensureCurriculum(deps);
  const cpr = modules.find((m) => m.kind === 'cpr')!;
  const session = await created<{ id: string }>(
    await staff.json('POST', '/api/v1/training-sessions', {
      moduleIds: [cpr.id],
      startsAt: jst('2026-12-05', '09:30'),
      endsAt: jst('2026-12-05', '16:00'),
      venue: 'みどり市民センター',
      capacity: 20,
    }),
    'training session',
  );
  const submitted = await helperClient.form('/training/records', {
    moduleId: cpr.id,
    completedOn: '2026-10-01',
    source: 'external',
    note: '普通救命講習',
  });
  expect(submitted.status).toBe(303);
  const event = await created<{ id: string }>(
    await staff.json('POST', '/api/v1/events', {
      kind: 'exchange',
      title: '提供会員 交流会',
      description: 'お茶を飲みながら話しましょう。',
      startsAt: jst('2026-12-05', '10:00'),
      endsAt: jst('2026-12-05', '12:00'),
      venue: '市民センター',
      capacity: 10,
      audience: 'helpers',
      childcare: false,
    }),
    'event',
  );
  const announcement = await created<{ announcement: { id: string } }>(
    await staff.json('POST', '/api/v1/announcements', {
      title: 'お知らせ',
      body: '本文',
      audience: 'requesters',
      publish: true,
    }),
    'announcement',
  );
  const newsletter = await created<{ id: string }>(
    await staff.json('POST', '/api/v1/newsletters', {
      title: 'つなぐ通信',
      issuedOn: '2026-11-01',
      body: '## 冬号',
    }),
    'newsletter',
  );
  const pdf = new Uint8Array(2048);
  pdf.set(new TextEncoder().encode('%PDF-1.7\n'));
  const upload = new FormData();
  upload.set('pdfTitle', 'つなぐ通信 第24号');
  upload.set('pdfIssuedOn', '2026-10-01');
  upload.set('file', new File([pdf], 'tsushin.pdf', { type: 'application/pdf' }));
  const uploaded = await staff.request('/newsletters/pdf', {
    method: 'POST',
    headers: { origin: ORIGIN },
    body: upload,
  });
  expect(uploaded.status, 'pdf newsletter').toBe(303);
  const group = await created<{ id: string }>(
    await staff.json('POST', '/api/v1/directory', {
      name: 'こども食堂',
      kind: 'food',
      area: 'chuo',
      ageMin: 0,
      ageMax: 15,
    }),
    'group',
  );
  await created(
    await staff.json('POST', `/api/v1/members/${family.member.id}/referrals`, {
      groupId: group.id,
      referredOn: '2026-11-21',
    }),
    'referral',
  );
  const exception = await created<{ id: string }>(
    await helperClient.json('POST', `/api/v1/members/${helper.member.id}/availability/exceptions`, {
      date: '2026-12-10',
    }),
    'exception',
  );
  const feed = await created<{ url: string }>(
    await helperClient.json('POST', `/api/v1/members/${helper.member.id}/calendar-feed`, {}),
    'calendar feed',
  );

  // The past activity is reported the next morning, with a near miss.
  ctx.clock.set(jst('2026-11-26', '10:00'));
  staff = await TestClient.signedInAs(ctx, staffUser);
  const reporter = await TestClient.signedInAs(ctx, helper.user);
  const activity = await created<{ activity: { id: string } }>(
    await reporter.json('POST', '/api/v1/activities', {
      requestId: pastRequest,
      startedAt: jst('2026-11-25', '18:30'),
      endedAt: jst('2026-11-25', '19:40'),
      childIds: [child.id],
      categories: [8],
      transportCost: 0,
      mealCost: 0,
      notes: '絵本を読みました。',
      incident: {
        kind: 'near_miss',
        severity: 'minor',
        description: '段差でつまずきかけた',
        actionTaken: '手をつないで歩いた',
      },
    }),
    'activity',
  );

  // A pre-meeting held before the pair's first activity (staff may correct it: issue #22).
  const preMeeting = await created<{ id: string }>(
    await staff.json('POST', '/api/v1/pre-meetings', {
      requesterId: family.member.id,
      helperId: helper.member.id,
      heldOn: '2026-11-20',
      place: 'センター相談室',
      attendees: '保護者、提供会員、アドバイザー',
      emergencyProcedure: '保護者と119に連絡',
    }),
    'pre-meeting',
  );

  // An accident recorded on its own, and its insurance case (issue #19).
  const accident = await created<{ id: string }>(
    await staff.json('POST', '/api/v1/incidents', {
      kind: 'accident',
      severity: 'moderate',
      description: '援助に向かう途中で転倒した',
      actionTaken: '傷を洗った',
      occurredAt: jst('2026-11-25', '17:50'),
      place: '駅前',
      situation: 'travel',
      victim: 'helper',
      requestId: pastRequest,
    }),
    'accident',
  );
  const insuranceCase = await created<{ id: string }>(
    await staff.json('POST', `/api/v1/incidents/${accident.id}/insurance-cases`, {
      cover: 'helper_injury',
    }),
    'insurance case',
  );

  // A photo of the activity's near miss (issue #19), for the attachment routes.
  const nearMiss = await deps.db
    .selectFrom('incident')
    .select('id')
    .where('id', '!=', accident.id)
    .executeTakeFirstOrThrow();
  const photoForm = new FormData();
  photoForm.append(
    'file',
    new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])], 'photo.jpg', {
      type: 'image/jpeg',
    }),
  );
  const attachment = await created<{ id: string }>(
    await staff.request(`/api/v1/incidents/${nearMiss.id}/attachments`, {
      method: 'POST',
      headers: { origin: ORIGIN },
      body: photoForm,
    }),
    'attachment',
  );

  const one = async (q: Promise<{ id: string } | undefined>, what: string) => {
    const row = await q;
    expect(row, what).toBeDefined();
    return row!.id;
  };
  const db = deps.db;
  const ids: Record<FixtureKey, string> = {
    requesterMember: family.member.id,
    helperMember: helper.member.id,
    otherHelperMember: otherHelper.member.id,
    child: child.id,
    otherChild: otherChild.id,
    contact: await one(
      db
        .selectFrom('emergency_contact')
        .select('id')
        .where('member_id', '=', family.member.id)
        .executeTakeFirst(),
      'contact',
    ),
    pickup: await one(
      db
        .selectFrom('authorized_pickup')
        .select('id')
        .where('member_id', '=', family.member.id)
        .executeTakeFirst(),
      'pickup',
    ),
    liveRequest,
    offeredRequest,
    offer: offers.offers[0]!.id,
    orientation: orientation.id,
    trainingSession: session.id,
    trainingRecord: await one(
      db
        .selectFrom('training_record')
        .select('id')
        .where('status', '=', 'pending')
        .executeTakeFirst(),
      'pending record',
    ),
    trainingModule: await one(
      db
        .selectFrom('training_module')
        .select('id')
        .where('code', '=', 'basic_safety')
        .executeTakeFirst(),
      'safety module',
    ),
    notification: await one(
      db
        .selectFrom('notification')
        .select('id')
        .where('user_id', '=', family.user.id)
        .executeTakeFirst(),
      'notification',
    ),
    exception: exception.id,
    calendarFile: feed.url.slice(feed.url.lastIndexOf('/') + 1),
    activity: activity.activity.id,
    incident: await one(
      db.selectFrom('incident').select('id').where('id', '!=', accident.id).executeTakeFirst(),
      'incident',
    ),
    insuranceCase: insuranceCase.id,
    incidentAttachment: attachment.id,
    event: event.id,
    eventIcs: `${event.id}.ics`,
    announcement: announcement.announcement.id,
    newsletter: newsletter.id,
    pdfNewsletter: await one(
      db.selectFrom('newsletter').select('id').where('id', '!=', newsletter.id).executeTakeFirst(),
      'pdf newsletter',
    ),
    group: group.id,
    month: '2026-11',
    fiscalYear: '2026',
    feeTableFrom: '2000-01-01',
    // The live request's category (8): in use, so it can be edited but not deleted.
    helpCategory: '8',
    settingsSection: 'labels',
    staffAccount: staffAccount.id,
    preMeeting: preMeeting.id,
  };
  const member = (u: { id: string }) => ({ id: u.id, role: 'member' as const });
  return {
    ctx,
    ids,
    users: {
      requester: member(family.user),
      helper: member(helper.user),
      otherRequester: member(otherFamily.user),
      otherHelper: member(otherHelper.user),
      staff: { id: staffUser.id, role: 'staff' },
      admin: { id: adminUser.id, role: 'admin' },
    },
  };
}

/** A client for a role: no cookie for anonymous, otherwise a fresh session. */
export async function clientFor(world: SecurityWorld, role: AuthzRole): Promise<TestClient> {
  if (role === 'anonymous') return new TestClient(world.ctx);
  return TestClient.signedInAs(world.ctx, world.users[role]);
}

/** Tables left out of the checksum: sessions come and go with every sign-in the test makes. */
const VOLATILE = new Set(['session']);
let tableColumns: Map<string, string[]> | undefined;

async function loadTableColumns(deps: AppDeps) {
  const tables = await sql<{ name: string }>`
    SELECT name FROM sqlite_master
    WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'
      AND name NOT LIKE 'd1_%' ORDER BY name`.execute(deps.db);
  const map = new Map<string, string[]>();
  for (const { name } of tables.rows) {
    if (VOLATILE.has(name)) continue;
    const cols = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${name})`.execute(
      deps.db,
    );
    map.set(
      name,
      cols.rows.map((c) => c.name),
    );
  }
  return map;
}

/**
 * The content of every table (except sessions) as one string, read in a single statement so it
 * stays cheap on D1: equal strings mean no row was added, changed or removed.
 */
export async function databaseChecksum(deps: AppDeps): Promise<string> {
  tableColumns ??= await loadTableColumns(deps);
  const q = (id: string) => `"${id.replaceAll('"', '""')}"`;
  // json_array keeps the expression flat: D1 refuses expression trees deeper than 100.
  const parts = [...tableColumns].map(
    ([table, cols]) =>
      `(SELECT count(*) || ':' || coalesce(group_concat(json_array(${cols
        .map((col) => `quote(${q(col)})`)
        .join(', ')}), '|'), '') FROM ${q(table)}) AS ${q(table)}`,
  );
  const row = (await sql.raw<Record<string, string>>(`SELECT ${parts.join(', ')}`).execute(deps.db))
    .rows[0]!;
  return JSON.stringify(row);
}

/**
 * Tables a restore leaves alone: the append-only audit log (reads and writes may add rows;
 * nothing in authorization depends on them), and tables that triggers keep up to date (such as
 * the qualification stamp: its triggers give it a fresh token during the restore, which is what
 * keeps the eligibility cache honest).
 */
let notRestored: Set<string> | undefined;

async function loadNotRestored(deps: AppDeps) {
  const triggers = await sql<{ sql: string | null }>`
    SELECT sql FROM sqlite_master WHERE type = 'trigger'`.execute(deps.db);
  const maintained = triggers.rows.flatMap((t) =>
    [...(t.sql ?? '').matchAll(/\b(?:UPDATE|INSERT\s+INTO|DELETE\s+FROM)\s+["`]?(\w+)/gi)].map(
      (m) => m[1]!,
    ),
  );
  return new Set(['audit_log', ...maintained]);
}

export interface WorldSnapshot {
  tables: { table: string; cols: string[]; rows: string[][] }[];
}

const quoteId = (id: string) => `"${id.replaceAll('"', '""')}"`;

/** Every row of every restorable table, as SQL literals (quote()), so blobs survive too. */
export async function snapshotWorld(world: SecurityWorld): Promise<WorldSnapshot> {
  const { db } = world.ctx.deps;
  tableColumns ??= await loadTableColumns(world.ctx.deps);
  notRestored ??= await loadNotRestored(world.ctx.deps);
  const tables: WorldSnapshot['tables'] = [];
  for (const [table, cols] of tableColumns) {
    if (notRestored.has(table)) continue;
    const list = cols.map((c) => `quote(${quoteId(c)})`).join(', ');
    const res = await sql
      .raw<{ v: string }>(`SELECT json_array(${list}) AS v FROM ${quoteId(table)}`)
      .execute(db);
    tables.push({ table, cols, rows: res.rows.map((r) => JSON.parse(r.v) as string[]) });
  }
  return { tables };
}

/**
 * Puts the world back as it was when snapshotted, in one atomic batch (much cheaper than
 * building it again, on D1 above all). Foreign keys are checked at the end of the batch, so
 * tables can be emptied and refilled in any order. Sessions are gone afterwards (deleting the
 * users cascades): clients sign in again. Verifies itself against the snapshot.
 */
export async function restoreWorld(world: SecurityWorld, snapshot: WorldSnapshot) {
  const { db, atomic } = world.ctx.deps;
  const statements = [sql`PRAGMA defer_foreign_keys = ON`.compile(db)];
  for (const { table } of snapshot.tables)
    statements.push(sql.raw(`DELETE FROM ${quoteId(table)}`).compile(db));
  for (const { table, cols, rows } of snapshot.tables)
    for (const row of rows)
      statements.push(
        sql
          .raw(
            `INSERT INTO ${quoteId(table)} (${cols.map(quoteId).join(', ')}) VALUES (${row.join(', ')})`,
          )
          .compile(db),
      );
  await atomic(statements);
  const now = await snapshotWorld(world);
  const differing = now.tables
    .filter((t, i) => JSON.stringify(t) !== JSON.stringify(snapshot.tables[i]))
    .map((t) => t.table);
  expect(differing, 'tables not restored').toEqual([]);
}
