import { sql } from 'kysely';
import type { Db } from '../../lib/db.js';
import { requestsWithRequester } from '../requests/requests.queries.js';
import {
  LIVE_REQUEST_STATUSES,
  offersWithRequest,
  openOffer,
  requestHelpColumns,
  requestSlotColumns,
  withoutReport,
} from '../../lib/query-fragments.js';

/**
 * What a member's home page shows as waiting for her: each function returns a query builder (not
 * run), so the page reads them all in one `batchRead` (one D1 round trip). Every list has a
 * LIMIT; the linked page has the rest.
 */

/** Offers waiting for this helper's answer (not expired, the request still live), soonest due first. */
export function selectOpenOffers(db: Db, helperId: string, nowIso: string, limit: number) {
  return offersWithRequest(db)
    .select((eb) => [
      'offer.id',
      'offer.request_id',
      'offer.expires_at',
      ...requestHelpColumns,
      'care_request.care_location',
      'requester.area as requester_area',
      // The children's birth dates in the same statement (a helper sees ages, never names).
      eb
        .selectFrom('care_request_child')
        .innerJoin('child', 'child.id', 'care_request_child.child_id')
        .select(sql<string | null>`group_concat(child.birth_date, ',')`.as('d'))
        .whereRef('care_request_child.request_id', '=', 'care_request.id')
        .as('birth_dates'),
    ])
    .where('offer.helper_member_id', '=', helperId)
    .where(openOffer(nowIso))
    .orderBy('offer.expires_at')
    .orderBy('offer.id')
    .limit(limit);
}

/**
 * Matched help that has not ended yet (today's and the next), soonest first, with the other
 * person's name: a helper's assignments (the family's name), a parent's help (the helper's).
 */
export function selectUpcomingMatched(
  db: Db,
  side: 'helper' | 'requester',
  memberId: string,
  nowIso: string,
  limit: number,
) {
  const [own, other] =
    side === 'helper'
      ? (['care_request.helper_member_id', 'care_request.requester_member_id'] as const)
      : (['care_request.requester_member_id', 'care_request.helper_member_id'] as const);
  return db
    .selectFrom('care_request')
    .innerJoin('member as other', 'other.id', other)
    .select([...requestSlotColumns, 'other.name as other_name'])
    .where(own, '=', memberId)
    .where('care_request.status', '=', 'matched')
    .where('care_request.ends_at', '>', nowIso)
    .orderBy('care_request.starts_at')
    .orderBy('care_request.id')
    .limit(limit);
}

/**
 * This helper's matched help that has ended without a report, oldest first. The navigation's
 * count (src/auth/request-context.ts, `reportsDue`) counts the same rows.
 */
export function selectReportsToWrite(db: Db, helperId: string, nowIso: string, limit: number) {
  return requestsWithRequester(db)
    .select([...requestSlotColumns, 'requester.name as other_name'])
    .where('care_request.helper_member_id', '=', helperId)
    .where('care_request.status', '=', 'matched')
    .where('care_request.ends_at', '<=', nowIso)
    .where(withoutReport)
    .orderBy('care_request.ends_at')
    .orderBy('care_request.id')
    .limit(limit);
}

/** Reports about this parent's children waiting for her confirmation, oldest first. */
export function selectReportsToConfirm(db: Db, requesterId: string, limit: number) {
  return db
    .selectFrom('activity')
    .innerJoin('member as helper', 'helper.id', 'activity.helper_member_id')
    .select([
      'activity.id',
      'activity.started_at as starts_at',
      'activity.ended_at as ends_at',
      'helper.name as other_name',
    ])
    .where('activity.requester_member_id', '=', requesterId)
    .where('activity.status', '=', 'reported')
    .orderBy('activity.started_at')
    .orderBy('activity.id')
    .limit(limit);
}

/** This parent's requests still looking for a helper (open or offered, not started), soonest first. */
export function selectLookingForHelper(db: Db, requesterId: string, nowIso: string, limit: number) {
  return db
    .selectFrom('care_request')
    .select([...requestSlotColumns, 'care_request.status'])
    .where('care_request.requester_member_id', '=', requesterId)
    .where('care_request.status', 'in', [...LIVE_REQUEST_STATUSES])
    .where('care_request.starts_at', '>', nowIso)
    .orderBy('care_request.starts_at')
    .orderBy('care_request.id')
    .limit(limit);
}
