import type { Insertable } from 'kysely';
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
