import { addDaysToDate, tokyoInstant } from '../../lib/dates.js';
import { sql, type Insertable, type Updateable } from 'kysely';
import type { CareRequestTable, RequestSeriesTable } from '../../../db/schema.js';
import type { Db } from '../../lib/db.js';
import { inJson, pageByIds } from '../../lib/sql.js';
import {
  offersWithRequest,
  pairNameColumns,
  preMeetingsWithPair,
  requestHelpColumns,
} from '../../lib/query-fragments.js';
import type { RequestListQuery } from './requests.schemas.js';

/** Requests with their requester's member row joined as `requester`. */
export const requestsWithRequester = (db: Db) =>
  db
    .selectFrom('care_request')
    .innerJoin('member as requester', 'requester.id', 'care_request.requester_member_id');

/** Requests that have a helper, with both members joined as `requester` and `helper`. */
export const requestsWithBoth = (db: Db) =>
  requestsWithRequester(db).innerJoin(
    'member as helper',
    'helper.id',
    'care_request.helper_member_id',
  );

/** A request as a helper's assignment: when, where and what, and how it stands. */
export const assignmentColumns = [
  'care_request.id',
  'care_request.category',
  'care_request.starts_at',
  'care_request.ends_at',
  'care_request.care_location',
  'care_request.status',
] as const;

/** A request with its requester's and helper's names: the columns of `RequestRow`. */
export const requestColumns = (db: Db) =>
  requestsWithRequester(db)
    .leftJoin('member as helper', 'helper.id', 'care_request.helper_member_id')
    .selectAll('care_request')
    .select([
      'requester.name as requester_name',
      'requester.area as requester_area',
      'requester.user_id as requester_user_id',
      'helper.name as helper_name',
      'helper.user_id as helper_user_id',
    ]);

export type RequestRow = NonNullable<Awaited<ReturnType<typeof findRequestById>>>;

export function findRequestById(db: Db, id: string) {
  return requestQuery(db, id).executeTakeFirst();
}

export function listRequestChildren(db: Db, requestIds: string[]) {
  if (requestIds.length === 0) return Promise.resolve([]);
  return requestChildrenQuery(db, requestIds).execute();
}

export function requestChildrenQuery(db: Db, requestIds: string[]) {
  return (
    db
      .selectFrom('care_request_child')
      .innerJoin('child', 'child.id', 'care_request_child.child_id')
      .select(['care_request_child.request_id', 'child.id', 'child.name', 'child.birth_date'])
      // One JSON parameter: a planner week has hundreds of requests, D1 binds at most 100.
      .where('care_request_child.request_id', 'in', inJson(requestIds))
      .orderBy('child.birth_date')
  );
}

export type RequestScope = { kind: 'staff' } | { kind: 'member'; memberId: string };

/**
 * Requests a user may see: staff all; a member their own requests, offers and assignments.
 *
 * At city scale (~1,000,000 requests) the filters and the paging run on `care_request` alone,
 * and only the page's rows are joined to their members. The total counts the base table: the
 * member joins never drop or repeat a row (`requester_member_id` is a NOT NULL foreign key,
 * the helper join is a LEFT JOIN on a primary key), so it equals the count through the joins
 * without 2-3 lookups per matching row.
 */
export async function listRequests(db: Db, scope: RequestScope, query: RequestListQuery) {
  let base = db.selectFrom('care_request');
  if (scope.kind === 'member') {
    const me = scope.memberId;
    base = base.where((eb) =>
      eb.or([
        eb('care_request.requester_member_id', '=', me),
        eb('care_request.helper_member_id', '=', me),
        eb.exists(
          eb
            .selectFrom('offer')
            .select('offer.id')
            .whereRef('offer.request_id', '=', 'care_request.id')
            .where('offer.helper_member_id', '=', me),
        ),
      ]),
    );
  }
  if (query.status) base = base.where('care_request.status', '=', query.status);
  if (query.from)
    base = base.where('care_request.starts_at', '>=', tokyoInstant(query.from).toISOString());
  if (query.to)
    base = base.where(
      'care_request.starts_at',
      '<',
      tokyoInstant(addDaysToDate(query.to, 1)).toISOString(),
    );
  return pageByIds(
    base,
    requestColumns(db),
    { id: 'care_request.id', orderBy: 'care_request.starts_at' },
    query,
  );
}

export function findOfferById(db: Db, id: string) {
  return offerQuery(db, id).executeTakeFirst();
}

export function listOffersForRequest(db: Db, requestId: string) {
  return offersOfRequestQuery(db, requestId).execute();
}

/** A helper's offers with what 依頼の紹介 shows of each request (no order, no limit). */
export function selectHelperOffers(db: Db, helperMemberId: string) {
  return offersWithRequest(db)
    .selectAll('offer')
    .select([
      ...requestHelpColumns,
      'care_request.status as request_status',
      'care_request.care_location',
      'requester.area as requester_area',
      'requester.name as requester_name',
    ])
    .where('offer.helper_member_id', '=', helperMemberId);
}

export function listOffersForHelper(db: Db, helperMemberId: string) {
  return selectHelperOffers(db, helperMemberId).orderBy('care_request.starts_at').execute();
}

export function listPreMeetings(db: Db, scope: RequestScope) {
  let q = preMeetingsWithPair(db).selectAll('pre_meeting').select(pairNameColumns);
  if (scope.kind === 'member') {
    q = q.where((eb) =>
      eb.or([
        eb('pre_meeting.requester_member_id', '=', scope.memberId),
        eb('pre_meeting.helper_member_id', '=', scope.memberId),
      ]),
    );
  }
  return q.orderBy('pre_meeting.held_on', 'desc').execute();
}

/** Does this helper user have a live match (matched, not yet completed) for this child? */
/**
 * The requests of a child that a helper (by user id) is or was assigned to or offered, with what
 * the access policy needs (her helper side, her offer): child-access.policy.ts decides.
 */
export function listHelperRequestsForChild(db: Db, helperUserId: string, childId: string) {
  return db
    .selectFrom('care_request')
    .innerJoin('care_request_child', 'care_request_child.request_id', 'care_request.id')
    .innerJoin('member as viewer', (j) => j.on('viewer.user_id', '=', helperUserId))
    .leftJoin('offer', (j) =>
      j
        .onRef('offer.request_id', '=', 'care_request.id')
        .onRef('offer.helper_member_id', '=', 'viewer.id'),
    )
    .select([
      'care_request.requester_member_id',
      'care_request.helper_member_id',
      'care_request.status',
      'viewer.id as viewer_id',
      'viewer.helper_status',
      'viewer.withdrawn_at',
      'offer.status as offer_status',
    ])
    .where('care_request_child.child_id', '=', childId)
    .where((eb) =>
      eb.or([
        eb('care_request.helper_member_id', '=', eb.ref('viewer.id')),
        eb('offer.id', 'is not', null),
      ]),
    )
    .execute();
}

// ---------------------------------------------------------------------------------------------
// What createRequests and cancelRequest read and write (the writes are statements for one batch)

/** This helper's offer of this request, answered or not (no columns chosen yet). */
export const offerOfHelper = (db: Db, requestId: string, helperMemberId: string) =>
  db
    .selectFrom('offer')
    .where('request_id', '=', requestId)
    .where('helper_member_id', '=', helperMemberId);

/** This helper's offer of this request, answered or not (its id and status). */
export function findOfferOfHelper(db: Db, requestId: string, helperMemberId: string) {
  return offerOfHelper(db, requestId, helperMemberId).select(['id', 'status']).executeTakeFirst();
}

/** The pre-meetings of these requesters' pairs, what pre-meeting-need-rules.ts reads. */
export function listPreMeetingPairsOfRequesters(db: Db, requesterIds: string[]) {
  if (requesterIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('pre_meeting')
    .select([
      'requester_member_id',
      'helper_member_id',
      'fiscal_year',
      'held_on',
      'created_at',
      'category',
      'care_location',
    ])
    .where('requester_member_id', 'in', inJson([...new Set(requesterIds)]))
    .execute();
}

/** The family's current children among these ids (another family's child is not listed). */
export function listOwnChildrenAmong(db: Db, memberId: string, childIds: string[]) {
  return db
    .selectFrom('child')
    .select(['id', 'birth_date'])
    .where('member_id', '=', memberId)
    .where('removed_at', 'is', null)
    .where('id', 'in', childIds)
    .execute();
}

/** The live requests of any of these children that overlap [fromIso, untilIso). */
export function listLiveRequestTimesOfChildren(
  db: Db,
  childIds: string[],
  fromIso: string,
  untilIso: string,
) {
  return db
    .selectFrom('care_request')
    .innerJoin('care_request_child', 'care_request_child.request_id', 'care_request.id')
    .select(['care_request.starts_at', 'care_request.ends_at'])
    .where('care_request_child.child_id', 'in', childIds)
    .where('care_request.status', 'in', ['open', 'offered', 'matched'])
    .where('care_request.starts_at', '<', untilIso)
    .where('care_request.ends_at', '>', fromIso)
    .execute();
}

export const insertSeries = (db: Db, row: Insertable<RequestSeriesTable>) =>
  db.insertInto('request_series').values(row);

export const insertRequest = (db: Db, row: Insertable<CareRequestTable>) =>
  db.insertInto('care_request').values(row);

export const insertRequestChild = (db: Db, requestId: string, childId: string) =>
  db.insertInto('care_request_child').values({ request_id: requestId, child_id: childId });

/**
 * Cancels a live request that has no activity report yet (once the helper has reported the
 * activity, it happened: it can no longer be cancelled). No row changed: refused.
 */
export const cancelLiveRequest = (db: Db, requestId: string, set: Updateable<CareRequestTable>) =>
  db
    .updateTable('care_request')
    .set(set)
    .where('id', '=', requestId)
    .where('status', 'in', ['open', 'offered', 'matched'])
    .where(
      sql<boolean>`NOT EXISTS (SELECT 1 FROM activity WHERE activity.request_id = care_request.id)`,
    );

/** Withdraws the request's pending offers, only if the statement before it changed a row. */
export const withdrawOffersIfPreviousChanged = (db: Db, requestId: string, nowIso: string) =>
  db
    .updateTable('offer')
    .set({ status: 'withdrawn', responded_at: nowIso })
    .where('request_id', '=', requestId)
    .where('status', '=', 'offered')
    .where(sql<boolean>`changes() > 0`);

export async function listActiveStaffUserIds(db: Db): Promise<string[]> {
  return (await activeStaffQuery(db).execute()).map((r) => r.id);
}

/**
 * Unexecuted forms of the reads above, for `batchRead` (one round trip for several reads on
 * Workers) and for the trailing reads of an atomic batch (the state the batch left, without a
 * second round trip).
 */
export const requestQuery = (db: Db, id: string) =>
  requestColumns(db).where('care_request.id', '=', id);

export const requestOfOfferQuery = (db: Db, offerId: string) =>
  requestColumns(db).where('care_request.id', '=', (eb) =>
    eb.selectFrom('offer').select('offer.request_id').where('offer.id', '=', offerId),
  );

export const offerQuery = (db: Db, id: string) =>
  db
    .selectFrom('offer')
    .innerJoin('member', 'member.id', 'offer.helper_member_id')
    .selectAll('offer')
    .select(['member.user_id as helper_user_id', 'member.name as helper_name'])
    .where('offer.id', '=', id);

export const offersOfRequestQuery = (db: Db, requestId: string) =>
  db
    .selectFrom('offer')
    .innerJoin('member', 'member.id', 'offer.helper_member_id')
    .selectAll('offer')
    .select(['member.user_id as helper_user_id', 'member.name as helper_name'])
    .where('offer.request_id', '=', requestId)
    .orderBy('offer.offered_at');

export const activeStaffQuery = (db: Db) =>
  db
    .selectFrom('user')
    .select('id')
    .where('role', 'in', ['staff', 'admin'])
    .where('disabled_at', 'is', null);

/** A series' occurrences from an instant onwards still to come and live (cancellable), in date order. */
export function listLiveSeriesRequestsFrom(
  db: Db,
  seriesId: string,
  fromIso: string,
  nowIso: string,
) {
  return requestColumns(db)
    .where('care_request.series_id', '=', seriesId)
    .where('care_request.starts_at', '>=', fromIso)
    .where('care_request.status', 'in', ['open', 'offered', 'matched'])
    .where('care_request.ends_at', '>', nowIso)
    .orderBy('care_request.starts_at')
    .execute();
}
