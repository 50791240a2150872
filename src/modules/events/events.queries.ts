import { sql, type ExpressionBuilder, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../lib/db.js';
import type { Database, EventAudience, EventTable } from '../../../db/schema.js';
import { memberNameColumns } from '../../lib/query-fragments.js';
import { liveSeatsOfMember, seatCancel, seatInsert } from '../../lib/seats.js';
import { inJson } from '../../lib/sql.js';

const withCounts = (db: Db) =>
  db
    .selectFrom('event')
    .selectAll('event')
    .select((eb) => [
      registrationsOf(eb, 'registered').select(eb.fn.countAll<number>().as('n')).as('registered'),
      registrationsOf(eb, 'waitlisted').select(eb.fn.countAll<number>().as('n')).as('waitlisted'),
      registrationsOf(eb, 'registered')
        .select(sql<number>`COALESCE(SUM(r.children), 0)`.as('n'))
        .as('children'),
    ]);

/** The registrations of the event (the outer `event`) in `status`, for a correlated subquery. */
const registrationsOf = (
  eb: ExpressionBuilder<Database, 'event'>,
  status: 'registered' | 'waitlisted',
) =>
  eb
    .selectFrom('event_registration as r')
    .whereRef('r.event_id', '=', 'event.id')
    .where('r.status', '=', status);

export type EventRow = NonNullable<Awaited<ReturnType<typeof findEvent>>>;

export function findEvent(db: Db, id: string) {
  return withCounts(db).where('event.id', '=', id).executeTakeFirst();
}

/**
 * Events of the given audiences: those still to come (ending after `nowIso`, soonest first) or
 * those that have ended (newest first). Cancelled events are listed too, marked as such.
 */
export function listEvents(
  db: Db,
  options: {
    audiences: readonly EventAudience[];
    nowIso: string;
    when: 'upcoming' | 'past';
    limit?: number;
    offset?: number;
  },
) {
  if (options.audiences.length === 0) return Promise.resolve([]);
  let q = withCounts(db).where('event.audience', 'in', [...options.audiences]);
  q =
    options.when === 'upcoming'
      ? q.where('event.ends_at', '>', options.nowIso).orderBy('event.starts_at')
      : q.where('event.ends_at', '<=', options.nowIso).orderBy('event.starts_at', 'desc');
  return q
    .orderBy('event.id')
    .limit(options.limit ?? 200)
    .offset(options.offset ?? 0)
    .execute();
}

/** The live (not cancelled) registrations of an event, as `r`. */
const liveRegistrationsOf = (db: Db, eventId: string) =>
  db
    .selectFrom('event_registration as r')
    .where('r.event_id', '=', eventId)
    .where('r.status', '<>', 'cancelled');

/** Live registrations of an event (seats first, then the waitlist in order), with names. */
export function listEventRegistrations(db: Db, eventId: string) {
  return liveRegistrationsOf(db, eventId)
    .innerJoin('member', 'member.id', 'r.member_id')
    .select([
      'r.id',
      'r.member_id',
      'r.status',
      'r.position',
      'r.children',
      'r.attended',
      'r.created_at',
      ...memberNameColumns,
      'member.kind',
      'member.phone',
    ])
    .orderBy(sql`CASE r.status WHEN 'registered' THEN 0 ELSE 1 END`)
    .orderBy('r.position')
    .execute();
}

/** The member's live registrations, with the place on the waitlist (1 = next in line). */
export function listMemberEventRegistrations(db: Db, memberId: string) {
  return liveSeatsOfMember(db, 'event_registration', memberId)
    .select(['s.event_id', 's.status', 's.children'])
    .execute();
}

/**
 * Registers a member in ONE statement (see `seatInsert`), with the children who need care when
 * the event offers childcare. A seat is given only while nobody waits: a newcomer never jumps
 * the waitlist. Nothing is inserted when the event is cancelled or, for
 * `onlyBefore`, has started; a second live registration of the member fails the partial unique
 * index. RETURNING tells the caller which status it got.
 */
export function buildRegister(
  db: Db,
  row: {
    eventId: string;
    memberId: string;
    children: number;
    registeredBy: string;
    at: string;
    onlyBefore: string | null;
  },
) {
  const { eventId, registeredBy, children, ...common } = row;
  return seatInsert(
    db,
    'event_registration',
    { waitlistFirst: true },
    { ...common, sessionId: eventId, by: registeredBy },
    {
      children: sql`CASE WHEN s.childcare = 1 THEN ${children} ELSE 0 END`,
      attended: null,
      attendance_recorded_at: null,
    },
  );
}

/** Cancels a member's live registration (conditional: 0 rows when there is none). */
export function buildCancelRegistration(
  db: Db,
  row: { eventId: string; memberId: string; at: string },
) {
  const { eventId, ...rest } = row;
  return seatCancel(db, 'event_registration', { ...rest, sessionId: eventId });
}

/**
 * Gives every free seat to the longest-waiting members, in order, in ONE statement: the number
 * promoted is the capacity minus the seats taken, computed inside the UPDATE, so it never
 * over-fills the event and is safe to run after any change (a cancelled waitlist place frees no
 * seat; a raised capacity frees several).
 */
export function buildPromoteWaitlisted(db: Db, row: { eventId: string; at: string }) {
  return sql`UPDATE event_registration
    SET status = 'registered', promoted_at = ${row.at}, updated_at = ${row.at}
    WHERE id IN (
      SELECT w.id FROM event_registration w
      WHERE w.event_id = ${row.eventId} AND w.status = 'waitlisted'
      ORDER BY w.position
      LIMIT MAX(0,
        COALESCE((SELECT e.capacity FROM event e
                  WHERE e.id = ${row.eventId} AND e.cancelled_at IS NULL), 0)
        - (SELECT COUNT(*) FROM event_registration r
           WHERE r.event_id = ${row.eventId} AND r.status = 'registered')))
    RETURNING member_id`.compile(db);
}

/**
 * Attendance for the whole event in one statement: the listed members attended, every other
 * live registration did not. `memberIds` travels as one JSON parameter (D1 allows 100).
 */
export function buildRecordAttendance(
  db: Db,
  row: { eventId: string; memberIds: string[]; at: string },
) {
  return sql`UPDATE event_registration
    SET attended = CASE WHEN member_id IN (SELECT value FROM json_each(${JSON.stringify(row.memberIds)}))
                        THEN 1 ELSE 0 END,
        attendance_recorded_at = ${row.at}, updated_at = ${row.at}
    WHERE event_id = ${row.eventId} AND status <> 'cancelled'`.compile(db);
}

/** Which of the listed members have a live registration for the event. */
export async function findRegisteredMemberIds(db: Db, eventId: string, memberIds: string[]) {
  if (memberIds.length === 0) return new Set<string>();
  const rows = await liveRegistrationsOf(db, eventId)
    .select('r.member_id')
    .where('r.member_id', 'in', inJson(memberIds))
    .execute();
  return new Set(rows.map((r) => r.member_id));
}

/** The user ids of everyone with a live registration (to tell them of a cancellation). */
export function listRegistrantUserIds(db: Db, eventId: string) {
  return liveRegistrationsOf(db, eventId)
    .innerJoin('member', 'member.id', 'r.member_id')
    .select(['member.user_id', 'r.status'])
    .execute();
}

/** A member by member number (staff sign someone up by the number on the card). */
export function findMemberIdByNo(db: Db, memberNo: number) {
  return db
    .selectFrom('member')
    .select(['id', 'name'])
    .where('member_no', '=', memberNo)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
}

/** The member row of a signed-in user, as far as audience checks need it. */
export function findViewerMember(db: Db, userId: string) {
  return db
    .selectFrom('member')
    .select(['id', 'requester_status', 'helper_status', 'withdrawn_at', 'purged_at'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export function buildInsertEvent(db: Db, row: Insertable<EventTable>) {
  return db.insertInto('event').values(row);
}

/** Changes an event not called off: no row once it is cancelled (or unknown). */
export function buildUpdateLiveEvent(db: Db, id: string, set: Updateable<EventTable>) {
  return db.updateTable('event').set(set).where('id', '=', id).where('cancelled_at', 'is', null);
}
