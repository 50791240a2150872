import type { Db } from '../../lib/db.js';
import { pageWithTotal } from '../../lib/sql.js';
import type { RequestStatus } from '../../../db/schema.js';
import { openOffer } from '../../lib/query-fragments.js';
import {
  selectHelperOffers,
  requestsWithRequester,
  assignmentColumns,
  offerOfHelper,
} from './requests.queries.js';

/**
 * Reads for the member-facing request pages (援助の申し込み, 依頼の紹介). The matching domain's
 * own queries (requests.queries.ts) serve the API and staff; these shape what a parent or a
 * helper sees on a page: their own requests in two halves (upcoming and past), their series,
 * their assignments, and their offer for one request.
 */

const memberRequestColumns = (db: Db) =>
  db
    .selectFrom('care_request')
    .leftJoin('member as helper', 'helper.id', 'care_request.helper_member_id')
    .select([
      'care_request.id',
      'care_request.series_id',
      'care_request.category',
      'care_request.starts_at',
      'care_request.ends_at',
      'care_request.care_location',
      'care_request.status',
      'care_request.cancellation_fee',
      'helper.name as helper_name',
    ]);

export type MemberRequestRow = Awaited<ReturnType<typeof listUpcomingRequests>>[number];

/** A parent's requests that have not ended yet, soonest first (cancelled ones included). */
export function listUpcomingRequests(
  db: Db,
  requesterId: string,
  nowIso: string,
  status?: RequestStatus,
) {
  let q = memberRequestColumns(db)
    .where('care_request.requester_member_id', '=', requesterId)
    .where('care_request.ends_at', '>', nowIso);
  if (status) q = q.where('care_request.status', '=', status);
  return q.orderBy('care_request.starts_at').orderBy('care_request.id').limit(500).execute();
}

/** A parent's requests that have ended, latest first, one page at a time. */
export async function listPastRequests(
  db: Db,
  requesterId: string,
  nowIso: string,
  options: { status?: RequestStatus | undefined; limit: number; offset: number },
) {
  let q = memberRequestColumns(db)
    .where('care_request.requester_member_id', '=', requesterId)
    .where('care_request.ends_at', '<=', nowIso);
  if (options.status) q = q.where('care_request.status', '=', options.status);
  return pageWithTotal(
    q
      .orderBy('care_request.starts_at', 'desc')
      .orderBy('care_request.id')
      .limit(options.limit)
      .offset(options.offset)
      .execute(),
    q,
  );
}

/** The weekly patterns behind a parent's series (only their own). */
export function listSeriesOfRequester(db: Db, requesterId: string, seriesIds: string[]) {
  if (seriesIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('request_series')
    .selectAll()
    .where('requester_member_id', '=', requesterId)
    .where('id', 'in', seriesIds)
    .execute();
}

export function findSeriesById(db: Db, id: string) {
  return db.selectFrom('request_series').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A helper's matched activities that have not ended yet, soonest first. */
export function listUpcomingAssignments(db: Db, helperId: string, nowIso: string) {
  return requestsWithRequester(db)
    .select([...assignmentColumns, 'requester.name as requester_name'])
    .where('care_request.helper_member_id', '=', helperId)
    .where('care_request.status', '=', 'matched')
    .where('care_request.ends_at', '>', nowIso)
    .orderBy('care_request.starts_at')
    .limit(200)
    .execute();
}

/** This helper's offer for a request, if any. */
export function findOfferOfHelper(db: Db, requestId: string, helperId: string) {
  return offerOfHelper(db, requestId, helperId).selectAll().executeTakeFirst();
}

/** Children's birth dates per request, for helpers who may see ages but not names. */
export function listRequestChildAges(db: Db, requestIds: string[]) {
  if (requestIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('care_request_child')
    .innerJoin('child', 'child.id', 'care_request_child.child_id')
    .select(['care_request_child.request_id', 'child.birth_date'])
    .where('care_request_child.request_id', 'in', requestIds)
    .orderBy('child.birth_date')
    .execute();
}

/** Has this parent ever been matched with a helper? (A first-timer needs about two weeks.) */
export async function hasAnyPairing(db: Db, requesterId: string) {
  const row = await db
    .selectFrom('pairing')
    .select('id')
    .where('requester_member_id', '=', requesterId)
    .executeTakeFirst();
  return !!row;
}

/**
 * 依頼の紹介, one half at a time: the offers still open for this helper's answer (not expired, the
 * request still live; all of them, soonest first), or a page of the others (answered, expired,
 * closed), latest start first, with their total. Same columns as `listOffersForHelper`.
 */
export async function listHelperOffersPage(
  db: Db,
  helperId: string,
  nowIso: string,
  half: { open: true } | { open: false; limit: number; offset: number },
) {
  const rows = selectHelperOffers(db, helperId).where((eb) => {
    const open = openOffer(nowIso)(eb);
    return half.open ? open : eb.not(open);
  });
  if (half.open) {
    const items = await rows.orderBy('care_request.starts_at').orderBy('offer.id').execute();
    return { items, total: items.length };
  }
  return pageWithTotal(
    rows
      .orderBy('care_request.starts_at', 'desc')
      .orderBy('offer.id')
      .limit(half.limit)
      .offset(half.offset)
      .execute(),
    rows,
  );
}
