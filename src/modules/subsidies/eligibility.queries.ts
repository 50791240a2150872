import type { Insertable } from 'kysely';
import type {
  FreeChildcareCertificationTable,
  HouseholdEligibilityTable,
} from '../../../db/schema.js';
import type { Db } from '../../lib/db.js';

export function listEligibility(db: Db, memberId: string) {
  return db
    .selectFrom('household_eligibility')
    .leftJoin('user as checker', 'checker.id', 'household_eligibility.checked_by_user_id')
    .selectAll('household_eligibility')
    .select('checker.name as checked_by_name')
    .where('household_eligibility.member_id', '=', memberId)
    .orderBy('household_eligibility.valid_to', 'desc')
    .execute();
}

export function listCertifications(db: Db, memberId: string) {
  return db
    .selectFrom('free_childcare_certification')
    .innerJoin('child', 'child.id', 'free_childcare_certification.child_id')
    .leftJoin('user as checker', 'checker.id', 'free_childcare_certification.checked_by_user_id')
    .selectAll('free_childcare_certification')
    .select(['child.name as child_name', 'child.birth_date', 'checker.name as checked_by_name'])
    .where('free_childcare_certification.member_id', '=', memberId)
    .orderBy('free_childcare_certification.valid_to', 'desc')
    .execute();
}

export const insertEligibility = (db: Db, row: Insertable<HouseholdEligibilityTable>) =>
  db.insertInto('household_eligibility').values(row);

export const insertCertification = (db: Db, row: Insertable<FreeChildcareCertificationTable>) =>
  db.insertInto('free_childcare_certification').values(row);

/** Revokes a record of this household that is not revoked yet (0 rows: unknown or revoked). */
export function revokeRecord(
  db: Db,
  table: 'household_eligibility' | 'free_childcare_certification',
  memberId: string,
  id: string,
  by: string,
  at: string,
) {
  return db
    .updateTable(table)
    .set({ revoked_at: at, revoked_by_user_id: by })
    .where('id', '=', id)
    .where('member_id', '=', memberId)
    .where('revoked_at', 'is', null);
}

/** Records in force whose validity ends within [from, to], soonest first, with the family. */
export async function listExpiring(db: Db, range: { from: string; to: string }, limit: number) {
  const [eligibility, certifications] = await Promise.all([
    db
      .selectFrom('household_eligibility')
      .innerJoin('member', 'member.id', 'household_eligibility.member_id')
      .select([
        'household_eligibility.id',
        'household_eligibility.member_id',
        'member.name',
        'member.member_no',
        'household_eligibility.category as what',
        'household_eligibility.valid_to',
      ])
      .where('household_eligibility.revoked_at', 'is', null)
      .where('household_eligibility.valid_to', '>=', range.from)
      .where('household_eligibility.valid_to', '<=', range.to)
      .orderBy('household_eligibility.valid_to')
      .limit(limit)
      .execute(),
    db
      .selectFrom('free_childcare_certification')
      .innerJoin('member', 'member.id', 'free_childcare_certification.member_id')
      .select([
        'free_childcare_certification.id',
        'free_childcare_certification.member_id',
        'member.name',
        'member.member_no',
        'free_childcare_certification.certification_type as what',
        'free_childcare_certification.valid_to',
      ])
      .where('free_childcare_certification.revoked_at', 'is', null)
      .where('free_childcare_certification.valid_to', '>=', range.from)
      .where('free_childcare_certification.valid_to', '<=', range.to)
      .orderBy('free_childcare_certification.valid_to')
      .limit(limit)
      .execute(),
  ]);
  return [
    ...eligibility.map((r) => ({ ...r, kind: 'eligibility' as const })),
    ...certifications.map((r) => ({ ...r, kind: 'certification' as const })),
  ]
    .sort((a, b) => a.valid_to.localeCompare(b.valid_to))
    .slice(0, limit);
}
