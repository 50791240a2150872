import { sql } from 'kysely';
import type { Db } from '../../lib/db.js';

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

export function listRegistrations(db: Db, orientationId: string) {
  return db
    .selectFrom('orientation_registration')
    .innerJoin('member', 'member.id', 'orientation_registration.member_id')
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
    .where('orientation_registration.orientation_id', '=', orientationId)
    .orderBy('member.name_kana')
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
