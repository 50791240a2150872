import type { Db } from '../../lib/db.js';
import { ARRANGED_REQUEST_STATUSES } from '../../lib/query-fragments.js';
import type { WeeklySlot } from './availability.js';
import { requestsWithRequester, assignmentColumns } from '../requests/requests.queries.js';

export function listWeeklySlots(db: Db, memberId: string) {
  return db
    .selectFrom('availability_slot')
    .select(['id', 'weekday', 'start_time', 'end_time'])
    .where('member_id', '=', memberId)
    .orderBy('weekday')
    .orderBy('start_time')
    .execute();
}

/** Exceptions dated from `fromDate` (inclusive) up to `toDate` (inclusive, optional). */
export function listExceptions(db: Db, memberId: string, fromDate: string, toDate?: string) {
  let q = db
    .selectFrom('availability_exception')
    .select(['id', 'date', 'start_time', 'end_time', 'note'])
    .where('member_id', '=', memberId)
    .where('date', '>=', fromDate);
  if (toDate) q = q.where('date', '<=', toDate);
  return q.orderBy('date').orderBy('start_time').orderBy('created_at').execute();
}

/** Replaces a helper's weekly slots: a delete then the inserts, to run in one atomic batch. */
export function buildReplaceWeeklySlots(
  db: Db,
  memberId: string,
  slots: readonly (WeeklySlot & { id: string })[],
) {
  return [
    db.deleteFrom('availability_slot').where('member_id', '=', memberId),
    ...slots.map((slot) =>
      db.insertInto('availability_slot').values({
        id: slot.id,
        member_id: memberId,
        weekday: slot.weekday,
        start_time: slot.start,
        end_time: slot.end,
      }),
    ),
  ];
}

export function buildInsertException(
  db: Db,
  row: {
    id: string;
    member_id: string;
    date: string;
    start_time: string | null;
    end_time: string | null;
    note: string | null;
    created_at: string;
  },
) {
  return db.insertInto('availability_exception').values(row);
}

export function buildDeleteException(db: Db, memberId: string, exceptionId: string) {
  return db
    .deleteFrom('availability_exception')
    .where('id', '=', exceptionId)
    .where('member_id', '=', memberId);
}

/** A feed as it is read: whose it is and since when (never its token's hash). */
const calendarFeeds = (db: Db) =>
  db.selectFrom('calendar_feed').select(['member_id', 'created_at']);

export function findCalendarFeed(db: Db, memberId: string) {
  return calendarFeeds(db).where('member_id', '=', memberId).executeTakeFirst();
}

export function findCalendarFeedByTokenHash(db: Db, tokenHash: string) {
  return calendarFeeds(db).where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Creates the member's feed or replaces its token (the old one stops working at once). */
export function buildUpsertCalendarFeed(
  db: Db,
  row: { member_id: string; token_hash: string; created_at: string },
) {
  return db
    .insertInto('calendar_feed')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('member_id')
        .doUpdateSet({ token_hash: row.token_hash, created_at: row.created_at }),
    );
}

export function buildDeleteCalendarFeed(db: Db, memberId: string) {
  return db.deleteFrom('calendar_feed').where('member_id', '=', memberId);
}

/**
 * A helper's assignments (matched or completed requests) overlapping [fromIso, toIso), with the
 * requesting family's name and the number of children. Nothing about the children themselves.
 */
export function listAssignments(db: Db, helperMemberId: string, fromIso: string, toIso?: string) {
  let q = requestsWithRequester(db)
    .select((eb) => [
      ...assignmentColumns,
      'care_request.updated_at',
      'care_request.requester_member_id',
      'care_request.helper_member_id',
      'requester.name as requester_name',
      eb
        .selectFrom('care_request_child')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('care_request_child.request_id', '=', 'care_request.id')
        .as('child_count'),
    ])
    .where('care_request.helper_member_id', '=', helperMemberId)
    .where('care_request.status', 'in', [...ARRANGED_REQUEST_STATUSES])
    .where('care_request.ends_at', '>', fromIso);
  if (toIso) q = q.where('care_request.starts_at', '<', toIso);
  return q.orderBy('care_request.starts_at').orderBy('care_request.id').execute();
}

export type AssignmentRow = Awaited<ReturnType<typeof listAssignments>>[number];

/** The helper a calendar feed belongs to, with what decides whether it is served. */
export function findFeedHelper(db: Db, memberId: string) {
  return db
    .selectFrom('member')
    .innerJoin('user', 'user.id', 'member.user_id')
    .select(['member.id', 'member.helper_status', 'member.withdrawn_at', 'user.locale'])
    .where('member.id', '=', memberId)
    .executeTakeFirst();
}
