import { sql, type Insertable } from 'kysely';
import type {
  FreeChildcareCertificationTable,
  HouseholdEligibilityTable,
} from '../../../db/schema.js';
import type { Db } from '../../lib/db.js';
import { withWriterName } from '../../lib/query-fragments.js';

export function listEligibility(db: Db, memberId: string) {
  return withWriterName(db, 'household_eligibility', 'checked_by_user_id', 'checked_by_name')
    .where('household_eligibility.member_id', '=', memberId)
    .orderBy('household_eligibility.valid_to', 'desc')
    .execute();
}

export function listCertifications(db: Db, memberId: string) {
  return withWriterName(db, 'free_childcare_certification', 'checked_by_user_id', 'checked_by_name')
    .innerJoin('child', 'child.id', 'free_childcare_certification.child_id')
    .select(['child.name as child_name', 'child.birth_date'])
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

type HouseholdRecord = 'household_eligibility' | 'free_childcare_certification';

/** The records of `table` in force whose validity ends within [from, to], soonest first. */
function listExpiringOf(
  db: Db,
  table: HouseholdRecord,
  what: 'household_eligibility.category' | 'free_childcare_certification.certification_type',
  range: { from: string; to: string },
  limit: number,
) {
  return db
    .selectFrom(table)
    .innerJoin('member', 'member.id', `${table}.member_id`)
    .select([
      `${table}.id`,
      `${table}.member_id`,
      'member.name',
      'member.member_no',
      sql.ref<string>(what).as('what'),
      `${table}.valid_to`,
    ])
    .where(`${table}.revoked_at`, 'is', null)
    .where(`${table}.valid_to`, '>=', range.from)
    .where(`${table}.valid_to`, '<=', range.to)
    .orderBy(`${table}.valid_to`)
    .limit(limit)
    .execute();
}

/** Records in force whose validity ends within [from, to], soonest first, with the family. */
export async function listExpiring(db: Db, range: { from: string; to: string }, limit: number) {
  const [eligibility, certifications] = await Promise.all([
    listExpiringOf(db, 'household_eligibility', 'household_eligibility.category', range, limit),
    listExpiringOf(
      db,
      'free_childcare_certification',
      'free_childcare_certification.certification_type',
      range,
      limit,
    ),
  ]);
  return [
    ...eligibility.map((r) => ({ ...r, kind: 'eligibility' as const })),
    ...certifications.map((r) => ({ ...r, kind: 'certification' as const })),
  ]
    .sort((a, b) => a.valid_to.localeCompare(b.valid_to))
    .slice(0, limit);
}
