import { sql, type Insertable } from 'kysely';
import type { Db } from '../../lib/db.js';
import { inJson } from '../../lib/sql.js';
import type { OrientationTable } from '../../../db/schema.js';

const withCounts = (db: Db) =>
  db
    .selectFrom('orientation')
    .selectAll('orientation')
    .select((eb) =>
      eb
        .selectFrom('orientation_registration')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('orientation_registration.orientation_id', '=', 'orientation.id')
        .as('registered'),
    );

export function findOrientation(db: Db, id: string) {
  return withCounts(db).where('orientation.id', '=', id).executeTakeFirst();
}

export function listOrientations(db: Db, options: { fromIso?: string } = {}) {
  let q = withCounts(db);
  if (options.fromIso) q = q.where('orientation.ends_at', '>=', options.fromIso);
  return q.orderBy('orientation.starts_at').execute();
}

/** The registrants of a session with their member row, in kana order (for the lists). */
export const registrantsOf = (db: Db, orientationId: string) =>
  db
    .selectFrom('orientation_registration')
    .innerJoin('member', 'member.id', 'orientation_registration.member_id')
    .where('orientation_registration.orientation_id', '=', orientationId)
    .orderBy('member.name_kana');

export function listRegistrations(db: Db, orientationId: string) {
  return registrantsOf(db, orientationId)
    .select([
      'orientation_registration.id',
      'orientation_registration.member_id',
      'orientation_registration.attended',
      'orientation_registration.registered_at',
      'member.name',
      'member.name_kana',
      'member.kind',
      'member.phone',
    ])
    .execute();
}

export function listRegistrationsOfMember(db: Db, memberId: string) {
  return db
    .selectFrom('orientation_registration')
    .innerJoin('orientation', 'orientation.id', 'orientation_registration.orientation_id')
    .select([
      'orientation.id',
      'orientation.starts_at',
      'orientation.ends_at',
      'orientation.venue',
      'orientation_registration.attended',
    ])
    .where('orientation_registration.member_id', '=', memberId)
    .orderBy('orientation.starts_at')
    .execute();
}

/**
 * Registers a member only while a seat is free: the count and the insert are one statement,
 * so concurrent registrations can never exceed the capacity.
 */
export function buildSeatLimitedRegistration(
  db: Db,
  row: { id: string; orientationId: string; memberId: string; at: string },
) {
  return sql`INSERT INTO orientation_registration (id, orientation_id, member_id, registered_at, attended, attendance_recorded_at)
    SELECT ${row.id}, ${row.orientationId}, ${row.memberId}, ${row.at}, NULL, NULL
    WHERE (SELECT COUNT(*) FROM orientation_registration WHERE orientation_id = ${row.orientationId})
        < (SELECT capacity FROM orientation WHERE id = ${row.orientationId})`.compile(db);
}

export async function insertOrientation(db: Db, row: Insertable<OrientationTable>) {
  await db.insertInto('orientation').values(row).execute();
}

/** The listed members that exist, with whether they withdrew. */
export function listMembersWithdrawal(db: Db, memberIds: readonly string[]) {
  return db
    .selectFrom('member')
    .select(['id', 'withdrawn_at'])
    .where('id', 'in', inJson(memberIds))
    .execute();
}

/** The member attended: registered on the spot if they were not (whatever the capacity). */
export function buildRecordAttended(
  db: Db,
  row: { id: string; orientationId: string; memberId: string; at: string },
) {
  return sql`INSERT INTO orientation_registration (id, orientation_id, member_id, registered_at, attended, attendance_recorded_at)
          VALUES (${row.id}, ${row.orientationId}, ${row.memberId}, ${row.at}, 1, ${row.at})
          ON CONFLICT (orientation_id, member_id) DO UPDATE SET attended = 1, attendance_recorded_at = ${row.at}`.compile(
    db,
  );
}

/** Every other registrant of the session did not attend. */
export function buildRecordAbsentExcept(
  db: Db,
  row: { orientationId: string; attendedIds: readonly string[]; at: string },
) {
  return db
    .updateTable('orientation_registration')
    .set({ attended: 0, attendance_recorded_at: row.at })
    .where('orientation_id', '=', row.orientationId)
    .$if(row.attendedIds.length > 0, (q) =>
      q.where('member_id', 'not in', inJson(row.attendedIds)),
    );
}
