import { sql, type ExpressionBuilder, type Insertable } from 'kysely';
import type { Database, OfferStatus, OfferTable } from '../../../db/schema.js';
import type { Db } from '../../lib/db.js';
import { inJson } from '../../lib/sql.js';
import { LIVE_REQUEST_STATUSES } from '../../lib/query-fragments.js';
import { requestsWithBoth } from '../requests/requests.queries.js';

/** What offers read and write; the writes are statements for one atomic batch. */

/** The members among these ids who are helpers (any helper status). */
export function listHelpersAmongQuery(db: Db, memberIds: string[]) {
  return db
    .selectFrom('member')
    .select(['id', 'user_id'])
    .where('id', 'in', inJson(memberIds))
    .where('helper_status', 'is not', null);
}

/** This helper's offer of this request (its id), for a batch read. */
export function offerIdOfHelperQuery(db: Db, requestId: string, helperMemberId: string) {
  return db
    .selectFrom('offer')
    .select('id')
    .where('request_id', '=', requestId)
    .where('helper_member_id', '=', helperMemberId);
}

/** Every offer of the request an offer belongs to, for a batch read. */
export function offersOfRequestOfOfferQuery(db: Db, offerId: string) {
  return db
    .selectFrom('offer')
    .innerJoin('member', 'member.id', 'offer.helper_member_id')
    .selectAll('offer')
    .select(['member.user_id as helper_user_id', 'member.name as helper_name'])
    .where('offer.request_id', '=', (eb) =>
      eb.selectFrom('offer as o').select('o.request_id').where('o.id', '=', offerId),
    )
    .orderBy('offer.offered_at');
}

export function findHelper(db: Db, memberId: string) {
  return db
    .selectFrom('member')
    .select(['id', 'user_id'])
    .where('id', '=', memberId)
    .where('helper_status', 'is not', null)
    .executeTakeFirst();
}

/**
 * A new offer, or an answered one offered again; only while the request is still open when the
 * batch runs (another adviser may have matched it). A live offer is left as it is.
 */
export const insertOfferIfRequestLive = (
  db: Db,
  o: {
    id: string;
    requestId: string;
    helperId: string;
    actorId: string;
    nowIso: string;
    expiresIso: string;
  },
) =>
  sql`INSERT INTO offer (id, request_id, helper_member_id, status, offered_by_user_id, offered_at, expires_at, responded_at, decline_reason)
      SELECT ${o.id}, ${o.requestId}, ${o.helperId}, 'offered', ${o.actorId}, ${o.nowIso}, ${o.expiresIso}, NULL, NULL
      WHERE EXISTS (SELECT 1 FROM care_request WHERE id = ${o.requestId} AND status IN ('open', 'offered'))
      ON CONFLICT (request_id, helper_member_id) DO UPDATE SET status = 'offered', offered_at = excluded.offered_at,
        expires_at = excluded.expires_at, responded_at = NULL, decline_reason = NULL, offered_by_user_id = excluded.offered_by_user_id
      WHERE offer.status IN ('declined', 'expired', 'withdrawn')`.compile(db);

export const markRequestOffered = (db: Db, requestId: string, nowIso: string) =>
  db
    .updateTable('care_request')
    .set({ status: 'offered', updated_at: nowIso })
    .where('id', '=', requestId)
    .where('status', 'in', [...LIVE_REQUEST_STATUSES]);

/**
 * The first acceptance wins: the offer becomes accepted only if it is still offered and
 * unexpired, the request still open, no other offer accepted, the helper's side still active
 * (a suspension takes effect at once) and the helper not booked at an overlapping time. The statements after it are chained to `offerAccepted`.
 */
export const acceptOfferIfFree = (
  db: Db,
  a: {
    offerId: string;
    nowIso: string;
    request: { id: string; starts_at: string; ends_at: string };
    helperMemberId: string;
  },
) =>
  sql`UPDATE offer SET status = 'accepted', responded_at = ${a.nowIso}
        WHERE id = ${a.offerId} AND status = 'offered' AND expires_at > ${a.nowIso}
          AND EXISTS (SELECT 1 FROM care_request WHERE id = ${a.request.id} AND status IN ('open', 'offered'))
          AND NOT EXISTS (SELECT 1 FROM offer WHERE request_id = ${a.request.id} AND status = 'accepted')
          AND EXISTS (SELECT 1 FROM member WHERE id = ${a.helperMemberId} AND helper_status = 'active' AND withdrawn_at IS NULL)
          AND NOT EXISTS (SELECT 1 FROM care_request WHERE helper_member_id = ${a.helperMemberId} AND status = 'matched'
                          AND starts_at < ${a.request.ends_at} AND ends_at > ${a.request.starts_at})`.compile(
    db,
  );

export const offerAccepted = (offerId: string) =>
  sql<boolean>`EXISTS (SELECT 1 FROM offer WHERE id = ${offerId} AND status = 'accepted')`;

export const matchRequestIfAccepted = (
  db: Db,
  offerId: string,
  requestId: string,
  helperMemberId: string,
  nowIso: string,
) =>
  db
    .updateTable('care_request')
    .set({
      status: 'matched',
      helper_member_id: helperMemberId,
      matched_at: nowIso,
      helper_lost_at: null,
      updated_at: nowIso,
    })
    .where('id', '=', requestId)
    .where('status', 'in', [...LIVE_REQUEST_STATUSES])
    .where(offerAccepted(offerId));

export const closeLiveOffersIfAccepted = (
  db: Db,
  offerId: string,
  requestId: string,
  nowIso: string,
) =>
  db
    .updateTable('offer')
    .set({ status: 'closed', responded_at: nowIso })
    .where('request_id', '=', requestId)
    .where('status', '=', 'offered')
    .where(offerAccepted(offerId));

export const insertPairingIfAccepted = (
  db: Db,
  p: { id: string; offerId: string; requesterId: string; helperId: string; nowIso: string },
) =>
  sql`INSERT INTO pairing (id, requester_member_id, helper_member_id, created_at)
        SELECT ${p.id}, ${p.requesterId}, ${p.helperId}, ${p.nowIso} WHERE ${offerAccepted(p.offerId)}
        ON CONFLICT (requester_member_id, helper_member_id) DO NOTHING`.compile(db);

export const declineOfferIfOffered = (
  db: Db,
  offerId: string,
  nowIso: string,
  reason: string | null,
) =>
  db
    .updateTable('offer')
    .set({ status: 'declined', responded_at: nowIso, decline_reason: reason })
    .where('id', '=', offerId)
    .where('status', '=', 'offered');

/** An `offered` request with no live offer left goes back to `open` for staff to try again. */
export const reopenIfNoLiveOffer = (db: Db, requestId: string, nowIso: string) =>
  db
    .updateTable('care_request')
    .set({ status: 'open', updated_at: nowIso })
    .where('id', '=', requestId)
    .where('status', '=', 'offered')
    .where(
      sql<boolean>`NOT EXISTS (SELECT 1 FROM offer WHERE request_id = ${requestId} AND status = 'offered' AND expires_at > ${nowIso})`,
    );

/** A direct assignment's offer: new, or the helper's earlier one offered again until the start. */
export async function upsertDirectOffer(db: Db, row: Insertable<OfferTable>) {
  await db
    .insertInto('offer')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['request_id', 'helper_member_id'])
        .doUpdateSet({ status: 'offered', expires_at: row.expires_at }),
    )
    .execute();
}

/** The offer, if it is still offered or closed: its helper has not answered it. */
const unansweredOffer = (offerId: string) => (eb: ExpressionBuilder<Database, 'offer'>) =>
  eb.and([eb('offer.id', '=', offerId), eb('offer.status', 'in', ['offered', 'closed'])]);

/** The offer back to `status` if still offered or closed (a lost direct assignment). */
export async function restoreOfferStatus(db: Db, offerId: string, status: OfferStatus) {
  await db.updateTable('offer').set({ status }).where(unansweredOffer(offerId)).execute();
}

/** The offer away if still offered or closed (a lost direct assignment made it). */
export async function deleteUnansweredOffer(db: Db, offerId: string) {
  await db.deleteFrom('offer').where(unansweredOffer(offerId)).execute();
}

export function offersDueQuery(db: Db, nowIso: string) {
  return db
    .selectFrom('offer')
    .innerJoin('member', 'member.id', 'offer.helper_member_id')
    .innerJoin('care_request', 'care_request.id', 'offer.request_id')
    .select(['offer.id', 'offer.request_id', 'member.user_id', 'care_request.starts_at'])
    .where('offer.status', '=', 'offered')
    .where('offer.expires_at', '<=', nowIso);
}

export const expireOffersDue = (db: Db, nowIso: string) =>
  db
    .updateTable('offer')
    .set({ status: 'expired', responded_at: nowIso })
    .where('status', '=', 'offered')
    .where('expires_at', '<=', nowIso);

/** Matched requests starting in (nowIso, untilIso] whose pair never held a pre-meeting. */
export function listMatchedWithoutAnyPreMeeting(db: Db, nowIso: string, untilIso: string) {
  return matchedWithPeople(db)
    .select([
      'care_request.requester_member_id',
      'care_request.helper_member_id',
      'requester.name as requester_name',
    ])
    .where('care_request.starts_at', '>', nowIso)
    .where('care_request.starts_at', '<=', untilIso)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('pre_meeting')
            .select('pre_meeting.id')
            .whereRef('pre_meeting.requester_member_id', '=', 'care_request.requester_member_id')
            .whereRef('pre_meeting.helper_member_id', '=', 'care_request.helper_member_id'),
        ),
      ),
    )
    .orderBy('care_request.starts_at')
    .execute();
}

/** Matched requests with both people's logins (the notices to both of them). */
const matchedWithPeople = (db: Db) =>
  requestsWithBoth(db)
    .select([
      'care_request.id',
      'care_request.starts_at',
      'requester.user_id as requester_user_id',
      'helper.user_id as helper_user_id',
    ])
    .where('care_request.status', '=', 'matched');

/** Matched requests starting in [fromIso, untilIso), with both people's logins (reminders). */
export const listMatchedStartingBetween = (db: Db, fromIso: string, untilIso: string) =>
  matchedWithPeople(db)
    .where('care_request.starts_at', '>=', fromIso)
    .where('care_request.starts_at', '<', untilIso)
    .orderBy('care_request.starts_at')
    .execute();
