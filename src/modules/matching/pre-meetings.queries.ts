import type { Insertable, Updateable } from 'kysely';
import type { PreMeetingTable } from '../../../db/schema.js';
import type { Db } from '../../lib/db.js';

/** The two members of a pair, with which sides they have. */
export function listPairMembers(db: Db, requesterId: string, helperId: string) {
  return db
    .selectFrom('member')
    .select(['id', 'user_id', 'requester_status', 'helper_status'])
    .where('id', 'in', [requesterId, helperId])
    .execute();
}

export const insertPreMeeting = (db: Db, row: Insertable<PreMeetingTable>) =>
  db.insertInto('pre_meeting').values(row);

export function findPreMeetingById(db: Db, id: string) {
  return db.selectFrom('pre_meeting').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * A correction conditional on the version read (its fields unchanged since): a concurrent
 * correction makes the later one change nothing rather than lose an update.
 */
export function buildCorrectPreMeeting(
  db: Db,
  read: Pick<PreMeetingTable, 'id' | 'held_on' | 'place' | 'attendees' | 'emergency_procedure'>,
  set: Updateable<PreMeetingTable>,
) {
  return db
    .updateTable('pre_meeting')
    .set(set)
    .where('id', '=', read.id)
    .where('held_on', '=', read.held_on)
    .where('place', '=', read.place)
    .where('attendees', '=', read.attendees)
    .where('emergency_procedure', '=', read.emergency_procedure);
}

/** The start instants of a pair's activities, for the pre-meeting date rule. */
export async function listPairActivityStarts(db: Db, requesterId: string, helperId: string) {
  const rows = await db
    .selectFrom('activity')
    .select('started_at')
    .where('requester_member_id', '=', requesterId)
    .where('helper_member_id', '=', helperId)
    .execute();
  return rows.map((r) => r.started_at);
}

/**
 * The kind of help of a pair's next matched request (or else their latest request of any
 * status): what a pre-meeting recorded without a request covers. Undefined when there is none.
 */
export async function findPairRequestKind(
  db: Db,
  requesterId: string,
  helperId: string,
  nowIso: string,
) {
  const pair = db
    .selectFrom('care_request')
    .select(['category', 'care_location'])
    .where('requester_member_id', '=', requesterId)
    .where('helper_member_id', '=', helperId);
  const row =
    (await pair
      .where('status', '=', 'matched')
      .where('starts_at', '>=', nowIso)
      .orderBy('starts_at')
      .executeTakeFirst()) ?? (await pair.orderBy('starts_at', 'desc').executeTakeFirst());
  return row ? { category: row.category, careLocation: row.care_location } : undefined;
}
