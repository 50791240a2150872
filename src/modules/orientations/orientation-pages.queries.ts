import type { Db } from '../../lib/db.js';
import { registrantsOf } from './orientations.queries.js';
import { memberSheetColumns } from '../members/members.queries.js';

/** The attendance sheet: every registrant with what staff need to recognise and follow up. */
export function listSheetRows(db: Db, orientationId: string) {
  return registrantsOf(db, orientationId)
    .select([
      'orientation_registration.member_id',
      'orientation_registration.attended',
      'orientation_registration.attendance_recorded_at',
      ...memberSheetColumns,
    ])
    .orderBy('member.id')
    .execute();
}

/** Attendance counts per session, for the list of past sessions. */
export async function countAttendedBySession(
  db: Db,
  orientationIds: string[],
): Promise<Map<string, number>> {
  if (orientationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('orientation_registration')
    .select(['orientation_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('orientation_id', 'in', orientationIds)
    .where('attended', '=', 1)
    .groupBy('orientation_id')
    .execute();
  return new Map(rows.map((r) => [r.orientation_id, Number(r.n)]));
}
