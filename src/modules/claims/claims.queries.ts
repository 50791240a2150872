import type { Insertable, Updateable } from 'kysely';
import type { SubsidyClaimTable } from '../../../db/schema.js';
import type { Db } from '../../lib/db.js';
import type { ClaimScheme } from './ledger-rules.js';
import { inJson } from '../../lib/sql.js';

/** Reads of the monthly claims (issue #18 point 5). */

/** The payments of these activities and cancelled requests. */
export function listPaymentsOf(db: Db, activityIds: string[], requestIds: string[]) {
  if (activityIds.length === 0 && requestIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('payment')
    .select(['activity_id', 'request_id', 'amount', 'status', 'paid_on', 'method', 'received_at'])
    .where((eb) =>
      eb.or([
        eb('activity_id', 'in', inJson(activityIds)),
        eb('request_id', 'in', inJson(requestIds)),
      ]),
    )
    .execute();
}

export const insertClaim = (db: Db, row: Insertable<SubsidyClaimTable>) =>
  db.insertInto('subsidy_claim').values(row);

const claimColumns = (db: Db) =>
  db
    .selectFrom('subsidy_claim')
    .innerJoin('member', 'member.id', 'subsidy_claim.member_id')
    .selectAll('subsidy_claim')
    .select(['member.name as member_name', 'member.member_no', 'member.user_id']);

export const findClaim = (db: Db, id: string) =>
  claimColumns(db).where('subsidy_claim.id', '=', id).executeTakeFirst();

export const findClaimOf = (db: Db, memberId: string, month: string, scheme: ClaimScheme) =>
  claimColumns(db)
    .where('subsidy_claim.member_id', '=', memberId)
    .where('subsidy_claim.month', '=', month)
    .where('subsidy_claim.scheme', '=', scheme)
    .executeTakeFirst();

export const listClaimsOfMember = (db: Db, memberId: string) =>
  claimColumns(db)
    .where('subsidy_claim.member_id', '=', memberId)
    .orderBy('subsidy_claim.month', 'desc')
    .orderBy('subsidy_claim.scheme')
    .execute();

/** The claims of a month or a fiscal year, by month and family: the city ledger. */
export function listLedger(db: Db, period: { month: string } | { fiscalYear: number }) {
  const q = claimColumns(db);
  return (
    'month' in period
      ? q.where('subsidy_claim.month', '=', period.month)
      : q.where('subsidy_claim.fiscal_year', '=', period.fiscalYear)
  )
    .orderBy('subsidy_claim.month')
    .orderBy('member.member_no')
    .orderBy('subsidy_claim.scheme')
    .execute();
}
export type ClaimRow = Awaited<ReturnType<typeof listLedger>>[number];

/** Moves a claim on from `from` (0 rows: unknown, or not in that state any more). */
export function updateClaimStatus(
  db: Db,
  id: string,
  from: SubsidyClaimTable['status'],
  set: Updateable<SubsidyClaimTable>,
) {
  return db.updateTable('subsidy_claim').set(set).where('id', '=', id).where('status', '=', from);
}
