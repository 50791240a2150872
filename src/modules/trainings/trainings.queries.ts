import { sql, type ExpressionBuilder, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../lib/db.js';
import { liveSeatsOfMember, seatCancel, seatInsert } from '../../lib/seats.js';
import { inJson } from '../../lib/sql.js';
import type {
  Database as DB,
  TrainingModule,
  TrainingRecordTable,
  TrainingSessionTable,
} from '../../../db/schema.js';
import { memberNameColumns } from '../../lib/query-fragments.js';
import type { ModuleDef } from './qualifications.js';

// Re-exported for the modules that imported it from here before it moved to lib/sql.ts.
export { inJson };

// ---------------------------------------------------------------------------------------------
// Modules

export function toModuleDef(m: TrainingModule): ModuleDef {
  return {
    code: m.code,
    titleJa: m.title_ja,
    titleEn: m.title_en,
    hours: m.hours,
    kind: m.kind,
    validityMode: m.validity_mode,
    validityMonths: m.validity_months,
    sortOrder: m.sort_order,
  };
}

export function listModules(db: Db, options: { activeOnly?: boolean } = {}) {
  let q = db.selectFrom('training_module').selectAll();
  if (options.activeOnly) q = q.where('active', '=', 1);
  return q.orderBy('sort_order').orderBy('code').execute();
}

export function findModuleById(db: Db, id: string) {
  return db.selectFrom('training_module').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts a module unless its code exists already (loading the defaults twice adds nothing). */
export function buildInsertModuleIfNew(db: Db, row: TrainingModule) {
  return db
    .insertInto('training_module')
    .values(row)
    .onConflict((oc) => oc.column('code').doNothing());
}

/** Sets how long a completion of the module stays valid (the stamp triggers see it). */
export function buildUpdateModuleValidity(
  db: Db,
  id: string,
  validity: { mode: TrainingModule['validity_mode']; months: number | null },
) {
  return db
    .updateTable('training_module')
    .set({ validity_mode: validity.mode, validity_months: validity.months })
    .where('id', '=', id);
}

// ---------------------------------------------------------------------------------------------
// Sessions

const sessionsWithCounts = (db: Db) =>
  db
    .selectFrom('training_session')
    .selectAll('training_session')
    .select((eb) => [
      eb
        .selectFrom('training_enrollment')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('training_enrollment.session_id', '=', 'training_session.id')
        .where('training_enrollment.status', '=', 'enrolled')
        .as('enrolled'),
      eb
        .selectFrom('training_enrollment')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('training_enrollment.session_id', '=', 'training_session.id')
        .where('training_enrollment.status', '=', 'waitlisted')
        .as('waitlisted'),
    ]);

export type SessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>;

export function findSession(db: Db, id: string) {
  return sessionsWithCounts(db).where('training_session.id', '=', id).executeTakeFirst();
}

/** Sessions overlapping [fromIso, toIso), by start time. */
export function listSessions(
  db: Db,
  options: { fromIso?: string; toIso?: string; includeCancelled?: boolean } = {},
) {
  let q = sessionsWithCounts(db);
  if (options.fromIso) q = q.where('training_session.ends_at', '>=', options.fromIso);
  if (options.toIso) q = q.where('training_session.starts_at', '<', options.toIso);
  if (!options.includeCancelled) q = q.where('training_session.cancelled_at', 'is', null);
  return q.orderBy('training_session.starts_at').orderBy('training_session.id').execute();
}

/** The modules of each of the given sessions, in curriculum order. */
export function listSessionModules(db: Db, sessionIds: readonly string[]) {
  if (sessionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('training_session_module')
    .innerJoin('training_module', 'training_module.id', 'training_session_module.module_id')
    .selectAll('training_module')
    .select('training_session_module.session_id')
    .where('training_session_module.session_id', 'in', inJson(sessionIds))
    .orderBy('training_module.sort_order')
    .orderBy('training_module.code')
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Enrolments

/** Live enrolments of a session (enrolled first, then the waitlist), with the members' names. */
export function listSessionEnrollments(db: Db, sessionId: string) {
  return db
    .selectFrom('training_enrollment')
    .innerJoin('member', 'member.id', 'training_enrollment.member_id')
    .select([
      'training_enrollment.id',
      'training_enrollment.member_id',
      'training_enrollment.status',
      'training_enrollment.position',
      'training_enrollment.created_at',
      ...memberNameColumns,
      'member.helper_status',
    ])
    .where('training_enrollment.session_id', '=', sessionId)
    .where('training_enrollment.status', '<>', 'cancelled')
    .orderBy(sql`CASE training_enrollment.status WHEN 'enrolled' THEN 0 ELSE 1 END`)
    .orderBy('training_enrollment.position')
    .execute();
}

/** A member's live enrolments, with their place on the waitlist (1 = next to get a seat). */
export function listMemberEnrollments(db: Db, memberId: string) {
  return liveSeatsOfMember(db, 'training_enrollment', memberId)
    .select(['s.id', 's.session_id', 's.status', 's.position'])
    .execute();
}

/**
 * Enrols a member in ONE statement (see `seatInsert`). A free seat goes to whoever enrols, even
 * while others wait. Nothing is inserted when the session is
 * cancelled, or, for `onlyBefore`, has already started; a second live enrolment of the member
 * fails the partial unique index. RETURNING tells the caller which status it got.
 */
export function buildEnroll(
  db: Db,
  row: {
    sessionId: string;
    memberId: string;
    enrolledBy: string;
    at: string;
    onlyBefore: string | null;
  },
) {
  const { enrolledBy, ...common } = row;
  return seatInsert(
    db,
    'training_enrollment',
    { waitlistFirst: false },
    { ...common, by: enrolledBy },
  );
}

/** Cancels a member's live enrolment (conditional: 0 rows when there is none). */
export function buildCancelEnrollment(
  db: Db,
  row: { sessionId: string; memberId: string; at: string },
) {
  return seatCancel(db, 'training_enrollment', row);
}

/**
 * Promotes the longest-waiting member, but only while a seat is free: the seat check is part
 * of the UPDATE, so it is safe to run after any cancellation (a cancelled waitlist place frees
 * no seat and promotes nobody) and never over-fills the session.
 */
export function buildPromoteNext(db: Db, row: { sessionId: string; at: string }) {
  return sql`UPDATE training_enrollment SET status = 'enrolled', promoted_at = ${row.at}, updated_at = ${row.at}
    WHERE id = (SELECT w.id FROM training_enrollment w
                WHERE w.session_id = ${row.sessionId} AND w.status = 'waitlisted'
                ORDER BY w.position LIMIT 1)
      AND (SELECT COUNT(*) FROM training_enrollment e
           WHERE e.session_id = ${row.sessionId} AND e.status = 'enrolled')
        < (SELECT s.capacity FROM training_session s WHERE s.id = ${row.sessionId})
    RETURNING member_id`.compile(db);
}

// ---------------------------------------------------------------------------------------------
// Attendance

/**
 * The attendance records of a session for the listed members become exactly `keep`
 * (pairs "memberId:moduleId"): first the records no longer ticked go…
 */
export function buildRemoveUntickedAttendance(
  db: Db,
  row: { sessionId: string; memberIds: string[]; keep: string[] },
) {
  return sql`DELETE FROM training_record
    WHERE session_id = ${row.sessionId} AND source = 'attendance'
      AND member_id IN ${inJson(row.memberIds)}
      AND (member_id || ':' || module_id) NOT IN ${inJson(row.keep)}`.compile(db);
}

/** …then the ticked ones are added; those recorded before stay as they are (no duplicates). */
export function buildAddAttendance(
  db: Db,
  row: {
    sessionId: string;
    completedOn: string;
    recordedBy: string;
    at: string;
    records: { id: string; memberId: string; moduleId: string }[];
  },
) {
  return sql`INSERT INTO training_record
      (id, member_id, module_id, completed_on, source, session_id, evidence_note, status,
       recorded_by, reviewed_by, reviewed_at, review_note, created_at)
    SELECT json_extract(r.value, '$.id'), json_extract(r.value, '$.memberId'),
      json_extract(r.value, '$.moduleId'), ${row.completedOn}, 'attendance', ${row.sessionId}, NULL,
      'approved', ${row.recordedBy}, NULL, NULL, NULL, ${row.at}
    FROM json_each(${JSON.stringify(row.records)}) r WHERE true
    ON CONFLICT (session_id, member_id, module_id) DO NOTHING`.compile(db);
}

/** Attendance records of a session: which member attended which module. */
export function listSessionAttendance(db: Db, sessionId: string) {
  return db
    .selectFrom('training_record')
    .select(['member_id', 'module_id'])
    .where('session_id', '=', sessionId)
    .where('source', '=', 'attendance')
    .execute();
}

/** The members with a live enrolment in a session (a subquery of `member.id`). */
const liveEnrolleesOf = (sessionId: string) => (eb: ExpressionBuilder<DB, 'member'>) =>
  eb
    .selectFrom('training_enrollment')
    .select('training_enrollment.member_id')
    .where('training_enrollment.session_id', '=', sessionId)
    .where('training_enrollment.status', '<>', 'cancelled');

/** Members who have attendance recorded for a session but no live enrolment (walk-ins). */
export function listAttendeesWithoutEnrollment(db: Db, sessionId: string) {
  return db
    .selectFrom('member')
    .select(['member.id as member_id', ...memberNameColumns])
    .where('member.id', 'in', (eb) =>
      eb
        .selectFrom('training_record')
        .select('training_record.member_id')
        .where('training_record.session_id', '=', sessionId),
    )
    .where('member.id', 'not in', liveEnrolleesOf(sessionId))
    .orderBy('member.name_kana')
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Records

const recordColumns = (db: Db) =>
  db
    .selectFrom('training_record')
    .innerJoin('training_module', 'training_module.id', 'training_record.module_id')
    .selectAll('training_record')
    .select([
      'training_module.code as module_code',
      'training_module.title_ja as module_title_ja',
      'training_module.title_en as module_title_en',
      'training_module.kind as module_kind',
      'training_module.validity_mode as module_validity_mode',
      'training_module.validity_months as module_validity_months',
      'training_module.sort_order as module_sort_order',
    ]);

export type RecordWithModule = NonNullable<Awaited<ReturnType<typeof findRecord>>>;

export function findRecord(db: Db, id: string) {
  return recordColumns(db).where('training_record.id', '=', id).executeTakeFirst();
}

/** Every record of a member (approved, pending and rejected), newest first. */
export function listMemberRecords(db: Db, memberId: string) {
  return recordColumns(db)
    .where('training_record.member_id', '=', memberId)
    .orderBy('training_record.completed_on', 'desc')
    .orderBy('training_module.sort_order')
    .execute();
}

/** Records by status (the staff queue of helper submissions), oldest first, with the member. */
export function listRecordsByStatus(db: Db, status: 'pending' | 'approved' | 'rejected') {
  return recordColumns(db)
    .innerJoin('member', 'member.id', 'training_record.member_id')
    .select(['member.name as member_name', 'member.member_no'])
    .where('training_record.status', '=', status)
    .orderBy('training_record.created_at')
    .orderBy('training_record.id')
    .limit(500)
    .execute();
}

/** Records with the member they belong to. */
const recordsWithMember = (db: Db) =>
  db.selectFrom('training_record').innerJoin('member', 'member.id', 'training_record.member_id');

/**
 * Members with their approved records (one row per record; a member without any has one row
 * with null record fields). `where` picks the members. Used for qualifications in batch.
 */
export function listMembersWithApprovedRecords(db: Db, members: { ids?: readonly string[] }) {
  let q = db
    .selectFrom('member')
    .leftJoin('training_record', (join) =>
      join
        .onRef('training_record.member_id', '=', 'member.id')
        .on('training_record.status', '=', 'approved'),
    )
    .select([
      'member.id as member_id',
      'member.user_id',
      ...memberNameColumns,
      'member.helper_status',
      'training_record.id as record_id',
      'training_record.module_id',
      'training_record.completed_on',
      'training_record.source',
    ]);
  if (members.ids) q = q.where('member.id', 'in', inJson(members.ids));
  else q = q.where('member.helper_status', 'is not', null).where('member.purged_at', 'is', null);
  return q.orderBy('member.name_kana').orderBy('member.id').execute();
}

/**
 * Approved records of active helpers that may still be valid on `today`: for each expiring
 * module, those completed on or after `from` (and by `today`). The expiry-notice job reads
 * these instead of every record of every helper (docs/performance.md).
 */
export function listRecentRecordsOfActiveHelpers(
  db: Db,
  modules: readonly { moduleId: string; from: string }[],
  today: string,
) {
  if (modules.length === 0) return Promise.resolve([]);
  return recordsWithMember(db)
    .select([
      'member.id as member_id',
      'member.user_id',
      'training_record.id as record_id',
      'training_record.module_id',
      'training_record.completed_on',
    ])
    .where('training_record.status', '=', 'approved')
    .where('training_record.completed_on', '<=', today)
    .where((eb) =>
      eb.or(
        modules.map((m) =>
          eb.and([
            eb('training_record.module_id', '=', m.moduleId),
            eb('training_record.completed_on', '>=', m.from),
          ]),
        ),
      ),
    )
    .where('member.helper_status', '=', 'active')
    .where('member.purged_at', 'is', null)
    .orderBy('member.id')
    .execute();
}

export async function countPendingRecords(db: Db): Promise<number> {
  const row = await db
    .selectFrom('training_record')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Helpers (applied or active) who have no live enrolment in the session: staff may sign them up. */
export function listEnrollableHelpers(db: Db, sessionId: string) {
  return db
    .selectFrom('member')
    .select(['member.id', ...memberNameColumns])
    .where('member.helper_status', 'in', ['applied', 'active'])
    .where('member.withdrawn_at', 'is', null)
    .where('member.purged_at', 'is', null)
    .where('member.id', 'not in', liveEnrolleesOf(sessionId))
    .orderBy('member.name_kana')
    .orderBy('member.id')
    .limit(2000)
    .execute();
}

/**
 * The language a user reads notices in (their setting, else Japanese). Notification params are
 * filled before `notify` renders the text, so names and dates are given in that language.
 */
export async function findUserLocale(db: Db, userId: string): Promise<'ja' | 'en'> {
  const row = await db
    .selectFrom('user')
    .select('locale')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.locale ?? 'ja';
}

// ---------------------------------------------------------------------------------------------
// Writes of the service

export function buildInsertSession(db: Db, row: Insertable<TrainingSessionTable>) {
  return db.insertInto('training_session').values(row);
}

export function buildInsertSessionModules(db: Db, sessionId: string, moduleIds: string[]) {
  return db
    .insertInto('training_session_module')
    .values(moduleIds.map((module_id) => ({ session_id: sessionId, module_id })));
}

/** The listed members that exist, with their helper side. */
export function listMembersHelperStatus(db: Db, memberIds: string[]) {
  return db
    .selectFrom('member')
    .select(['id', 'helper_status'])
    .where('id', 'in', memberIds)
    .execute();
}

export function buildInsertRecord(db: Db, row: Insertable<TrainingRecordTable>) {
  return db.insertInto('training_record').values(row);
}

/** Decides a submission: changes no row unless it is still pending. */
export function buildReviewPendingRecord(
  db: Db,
  recordId: string,
  set: Updateable<TrainingRecordTable>,
) {
  return db
    .updateTable('training_record')
    .set(set)
    .where('id', '=', recordId)
    .where('status', '=', 'pending');
}

// ---------------------------------------------------------------------------------------------
// Training summary (reports): sessions held in [fromIso, endIso), not cancelled

/** The condition of the summary: a session started in [fromIso, endIso) and not cancelled. */
const heldIn =
  (fromIso: string, endIso: string) => (eb: ExpressionBuilder<DB, 'training_session'>) =>
    eb.and([
      eb('training_session.starts_at', '>=', fromIso),
      eb('training_session.starts_at', '<', endIso),
      eb('training_session.cancelled_at', 'is', null),
    ]);

/** The sessions held in [fromIso, endIso), for the queries that start from them. */
const sessionsHeldIn = (db: Db, fromIso: string, endIso: string) =>
  db.selectFrom('training_session').where(heldIn(fromIso, endIso));

export function listHeldSessions(db: Db, fromIso: string, endIso: string) {
  return sessionsHeldIn(db, fromIso, endIso)
    .select(['id', 'starts_at', 'venue'])
    .orderBy('starts_at')
    .execute();
}

/** Module hours per session held. */
export function listHeldSessionHours(db: Db, fromIso: string, endIso: string) {
  return sessionsHeldIn(db, fromIso, endIso)
    .innerJoin(
      'training_session_module',
      'training_session_module.session_id',
      'training_session.id',
    )
    .innerJoin('training_module', 'training_module.id', 'training_session_module.module_id')
    .select(['training_session.id', (eb) => eb.fn.sum<number>('training_module.hours').as('h')])
    .groupBy('training_session.id')
    .execute();
}

/** Hours attended per (session held, member). */
export function listHeldAttendanceHours(db: Db, fromIso: string, endIso: string) {
  return sessionsHeldIn(db, fromIso, endIso)
    .innerJoin('training_record', 'training_record.session_id', 'training_session.id')
    .innerJoin('training_module', 'training_module.id', 'training_record.module_id')
    .select([
      'training_record.session_id',
      'training_record.member_id',
      (eb) => eb.fn.sum<number>('training_module.hours').as('h'),
    ])
    .where('training_record.source', '=', 'attendance')
    .groupBy(['training_record.session_id', 'training_record.member_id'])
    .execute();
}

/** Each member's first approved completion of each listed module, up to `to`. */
export function listFirstCompletions(db: Db, moduleIds: string[], to: string) {
  return recordsWithMember(db)
    .select([
      'training_record.member_id',
      'member.name',
      'training_record.module_id',
      (eb) => eb.fn.min<string>('training_record.completed_on').as('first_on'),
    ])
    .where('training_record.status', '=', 'approved')
    .where('training_record.completed_on', '<=', to)
    .where('training_record.module_id', 'in', inJson(moduleIds))
    .groupBy(['training_record.member_id', 'member.name', 'training_record.module_id'])
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Matching eligibility (its cache)

/**
 * The token the triggers of migration 0009 replace on every change that matters; a builder, for
 * callers that read it along with other things (`batchRead`).
 */
export function qualificationTokenQuery(db: Db) {
  return db.selectFrom('qualification_stamp').select('token').where('id', '=', 1);
}

export function listHelperStatuses(db: Db) {
  return db
    .selectFrom('member')
    .select(['id', 'helper_status'])
    .where('helper_status', 'is not', null)
    .execute();
}

export function listApprovedRecords(db: Db) {
  return db
    .selectFrom('training_record')
    .select(['member_id', 'module_id', 'completed_on', 'source'])
    .where('status', '=', 'approved')
    .execute();
}
