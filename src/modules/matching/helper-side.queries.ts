import { sql } from 'kysely';
import type { Db } from '../../lib/db.js';
import { withoutReport } from '../../lib/query-fragments.js';
import { requestsWithRequester } from '../requests/requests.queries.js';

/**
 * What ending a helper side (suspension, withdrawal) reads and writes. Every write is a
 * statement for the same batch as the status change and acts only while the side is no longer
 * usable (`sideEnded`), so a refused transition leaves offers and assignments as they were.
 */

const sideEnded = (memberId: string) =>
  sql<boolean>`EXISTS (SELECT 1 FROM member WHERE id = ${memberId} AND helper_status IN ('suspended', 'withdrawn'))`;

/** Her offers that are still waiting for an answer, with their requests. */
export function listWaitingOffersOfHelper(db: Db, memberId: string) {
  return db
    .selectFrom('offer')
    .select(['offer.id', 'offer.request_id'])
    .where('offer.helper_member_id', '=', memberId)
    .where('offer.status', '=', 'offered')
    .execute();
}

/** Her matched requests that have not started yet, with the family to tell. */
export function listFutureAssignmentsOfHelper(db: Db, memberId: string, nowIso: string) {
  return requestsWithRequester(db)
    .select([
      'care_request.id',
      'care_request.starts_at',
      'care_request.matched_at',
      'requester.user_id as requester_user_id',
      'requester.name as requester_name',
    ])
    .where('care_request.helper_member_id', '=', memberId)
    .where('care_request.status', '=', 'matched')
    .where('care_request.starts_at', '>', nowIso)
    .orderBy('care_request.starts_at')
    .execute();
}

/** Her offers in `status` withdrawn. */
const withdrawOffersOfHelper = (
  db: Db,
  memberId: string,
  status: 'offered' | 'accepted',
  nowIso: string,
) =>
  db
    .updateTable('offer')
    .set({ status: 'withdrawn', responded_at: nowIso })
    .where('helper_member_id', '=', memberId)
    .where('status', '=', status)
    .where(sideEnded(memberId));

/** Her waiting offers withdrawn. */
export const withdrawWaitingOffersOfHelper = (db: Db, memberId: string, nowIso: string) =>
  withdrawOffersOfHelper(db, memberId, 'offered', nowIso);

/** Her accepted offers of these (future) requests withdrawn: another helper may accept. */
export const withdrawAcceptedOffersOfHelper = (
  db: Db,
  memberId: string,
  requestIds: string[],
  nowIso: string,
) => withdrawOffersOfHelper(db, memberId, 'accepted', nowIso).where('request_id', 'in', requestIds);

/**
 * Her future assignments back to `open` for the staff board, marked "needs a new helper"
 * (`helper_lost_at`). Never one that has started or has a report.
 */
export const unassignFutureRequestsOfHelper = (
  db: Db,
  memberId: string,
  requestIds: string[],
  nowIso: string,
) =>
  db
    .updateTable('care_request')
    .set({
      status: 'open',
      helper_member_id: null,
      matched_at: null,
      helper_lost_at: nowIso,
      updated_at: nowIso,
    })
    .where('id', 'in', requestIds)
    .where('helper_member_id', '=', memberId)
    .where('status', '=', 'matched')
    .where('starts_at', '>', nowIso)
    .where(withoutReport)
    .where(sideEnded(memberId));
