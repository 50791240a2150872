import { sql, type Updateable } from 'kysely';
import type { Db } from '../../lib/db.js';
import type { MemberTable } from '../../../db/schema.js';
import { buildUpdateMember } from './members.queries.js';

/** Members withdrawn before `cutoffIso` and not purged yet, longest gone first. */
export function listPurgeCandidates(db: Db, cutoffIso: string) {
  return db
    .selectFrom('member')
    .innerJoin('user', 'user.id', 'member.user_id')
    .select([
      'member.id',
      'member.user_id',
      'member.birth_date',
      'member.withdrawn_at',
      'member.withdrawal_reason',
      'user.email',
    ])
    .where('member.withdrawn_at', 'is not', null)
    .where('member.withdrawn_at', '<', cutoffIso)
    .where('member.purged_at', 'is', null)
    .orderBy('member.withdrawn_at')
    .execute();
}

/** Conditional, so a second run (or a concurrent one) changes nothing. */
export function buildAnonymiseMember(
  db: Db,
  memberId: string,
  cutoffIso: string,
  set: Updateable<MemberTable>,
) {
  return buildUpdateMember(db, memberId, set)
    .where('purged_at', 'is', null)
    .where('withdrawn_at', '<', cutoffIso);
}

/** Children's names replaced, health data and school removed, birth dates cut to the month. */
export function buildAnonymiseChildren(
  db: Db,
  memberId: string,
  row: { name: string; now: string },
) {
  return db
    .updateTable('child')
    .set({
      name: row.name,
      name_kana: '',
      school: null,
      allergies: null,
      health_notes: null,
      family_doctor: null,
      birth_date: sql<string>`substr(birth_date, 1, 7) || '-01'`,
      updated_at: row.now,
    })
    .where('member_id', '=', memberId);
}

/** The rows that only hold personal data: they go. */
export function buildDeletePersonalRows(
  db: Db,
  member: { id: string; user_id: string; email: string },
) {
  return [
    db.deleteFrom('emergency_contact').where('member_id', '=', member.id),
    db.deleteFrom('authorized_pickup').where('member_id', '=', member.id),
    // Referral notes are free text about the family: they go with the rest.
    db.deleteFrom('referral').where('member_id', '=', member.id),
    db.deleteFrom('session').where('user_id', '=', member.user_id),
    // Login throttling rows hold the address too.
    db
      .deleteFrom('login_attempt')
      .where(sql<string>`lower(email)`, '=', member.email.toLowerCase()),
  ];
}

/** The login made unusable and nameless (disabled from now, unless it was before). */
export function buildRetireLogin(
  db: Db,
  userId: string,
  row: { email: string; name: string; passwordHash: string; now: string },
) {
  return db
    .updateTable('user')
    .set({
      email: row.email,
      name: row.name,
      password_hash: row.passwordHash,
      disabled_at: sql<string>`COALESCE(disabled_at, ${row.now})`,
      updated_at: row.now,
    })
    .where('id', '=', userId);
}
