import { sql } from 'kysely';
import type { Db } from '../../lib/db.js';
import type { RenewalConfirmationTable } from '../../../db/schema.js';
import type { Insertable } from 'kysely';
import { memberSheetColumns } from './members.queries.js';

/** A member's confirmation for fiscal year `fy`, or undefined. */
export function findRenewalConfirmation(db: Db, memberId: string, fy: number) {
  return db
    .selectFrom('renewal_confirmation')
    .selectAll()
    .where('member_id', '=', memberId)
    .where('fiscal_year', '=', fy)
    .executeTakeFirst();
}

/** Records a confirmation; a later one for the same member and year replaces the answers. */
export function buildUpsertRenewalConfirmation(db: Db, row: Insertable<RenewalConfirmationTable>) {
  return db
    .insertInto('renewal_confirmation')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['member_id', 'fiscal_year']).doUpdateSet({
        continue_requester: row.continue_requester ?? null,
        continue_helper: row.continue_helper ?? null,
        consent_terms_version: row.consent_terms_version,
        channel: row.channel,
        confirmed_at: row.confirmed_at,
        recorded_by_user_id: row.recorded_by_user_id,
      }),
    );
}

/**
 * The members the renewal concerns (not withdrawn, with a side applied, active or suspended), each
 * with their confirmation for `fy` if any: staff's 確認状況 list, in kana order.
 */
export function listRenewalStatus(db: Db, fy: number) {
  return db
    .selectFrom('member')
    .leftJoin('renewal_confirmation as rc', (join) =>
      join.onRef('rc.member_id', '=', 'member.id').on('rc.fiscal_year', '=', fy),
    )
    .select([
      'member.id',
      'member.user_id',
      ...memberSheetColumns,
      'rc.channel',
      'rc.confirmed_at',
      'rc.continue_requester',
      'rc.continue_helper',
      'rc.lapsed_at',
    ])
    .where('member.withdrawn_at', 'is', null)
    .where(
      sql<boolean>`(member.requester_status IN ('applied', 'active', 'suspended') OR member.helper_status IN ('applied', 'active', 'suspended'))`,
    )
    .orderBy('member.name_kana')
    .orderBy('member.id')
    .execute();
}

/**
 * Confirmations of `fy` given before `beganAt` (its April 1) saying a side does not continue,
 * not yet acted on.
 */
export function listDueRenewalLapses(db: Db, fy: number, beganAt: string) {
  return db
    .selectFrom('renewal_confirmation')
    .select(['id', 'member_id', 'continue_requester', 'continue_helper'])
    .where('fiscal_year', '=', fy)
    .where('confirmed_at', '<', beganAt)
    .where('lapsed_at', 'is', null)
    .where((eb) => eb.or([eb('continue_requester', '=', 0), eb('continue_helper', '=', 0)]))
    .execute();
}

export function markRenewalLapsed(db: Db, id: string, at: string) {
  return db
    .updateTable('renewal_confirmation')
    .set({ lapsed_at: at })
    .where('id', '=', id)
    .where('lapsed_at', 'is', null)
    .execute();
}
