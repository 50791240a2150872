import { sql } from 'kysely';
import type { Db } from '../../lib/db.js';
import { inJson } from '../../lib/sql.js';
import { openOffer } from '../../lib/query-fragments.js';
import { requestColumns, requestsWithRequester } from '../requests/requests.queries.js';

/**
 * Requests the planner may propose a helper for, in [fromIso, untilIso): still open or offered,
 * not started yet, and without an offer still awaiting an answer (one is already being handled:
 * a second helper would be asked for the same slot). Same columns as `findRequestById`, so a row
 * goes straight to `rankRequests` and `createOffers`.
 */
export function listPlannableRequests(
  db: Db,
  range: { fromIso: string; untilIso: string; nowIso: string },
) {
  return requestColumns(db)
    .where('care_request.status', 'in', ['open', 'offered'])
    .where('care_request.starts_at', '>=', range.fromIso)
    .where('care_request.starts_at', '<', range.untilIso)
    .where('care_request.starts_at', '>', range.nowIso)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('offer')
            .select('offer.id')
            .whereRef('offer.request_id', '=', 'care_request.id')
            .where('offer.status', '=', 'offered')
            .where('offer.expires_at', '>', range.nowIso),
        ),
      ),
    )
    .orderBy('care_request.starts_at')
    .orderBy('care_request.id')
    .execute();
}

/**
 * Work helpers already have in the range: matched (or completed) requests, and offers still
 * awaiting their answer (counted as taken, so that a plan never asks a helper for two
 * overlapping requests she might both accept).
 */
export async function listHelperCommitments(
  db: Db,
  range: { fromIso: string; untilIso: string; nowIso: string },
) {
  const [matched, offered] = await Promise.all([
    requestsWithRequester(db)
      .select([
        'care_request.id',
        'care_request.helper_member_id',
        'care_request.starts_at',
        'care_request.ends_at',
        'requester.name as requester_name',
      ])
      .where('care_request.status', 'in', ['matched', 'completed'])
      .where('care_request.helper_member_id', 'is not', null)
      .where('care_request.starts_at', '<', range.untilIso)
      .where('care_request.ends_at', '>', range.fromIso)
      .execute(),
    requestsWithRequester(db)
      .innerJoin('offer', 'offer.request_id', 'care_request.id')
      .select([
        'care_request.id',
        'offer.helper_member_id',
        'care_request.starts_at',
        'care_request.ends_at',
        'requester.name as requester_name',
      ])
      .where(openOffer(range.nowIso))
      .where('care_request.starts_at', '<', range.untilIso)
      .where('care_request.ends_at', '>', range.fromIso)
      .execute(),
  ]);
  return [
    ...matched.map((m) => ({
      ...m,
      helper_member_id: m.helper_member_id!,
      kind: 'matched' as const,
    })),
    ...offered.map((o) => ({ ...o, kind: 'offered' as const })),
  ];
}

/** Helpers who already declined a request: the batch does not ask them again. */
export function listDeclinedOffers(db: Db, requestIds: readonly string[]) {
  if (requestIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('offer')
    .select(['request_id', 'helper_member_id'])
    .where('status', '=', 'declined')
    .where('request_id', 'in', inJson(requestIds))
    .execute();
}

/** Members' names by id (helpers a posted plan names who are no longer candidates). */
export function listMemberNames(db: Db, memberIds: readonly string[]) {
  return db
    .selectFrom('member')
    .select(['id', 'name'])
    .where('id', 'in', inJson(memberIds))
    .execute();
}

/** Requests a posted plan named that are no longer plannable, with their family's name. */
export function listRequestsWithRequester(db: Db, requestIds: readonly string[]) {
  return requestsWithRequester(db)
    .select(['care_request.id', 'care_request.starts_at', 'care_request.ends_at', 'requester.name'])
    .where('care_request.id', 'in', inJson(requestIds))
    .orderBy('care_request.starts_at')
    .execute();
}

/** One offer of a plan being sent (ids generated beforehand, so statements can refer to them). */
export interface PlanOffer {
  offerId: string;
  auditId: string;
  requestId: string;
  helperId: string;
  expiresAt: string;
  /** The audit row's details (JSON). */
  details: string;
}

/**
 * The writes of a plan's offers as set-based statements, a fixed number however many offers
 * (the rows travel as one JSON parameter): each request still live when the batch runs gets its
 * offer (new, or an answered one offered again; a live one is left as it is) and its audit row,
 * and becomes `offered`. `sent` reads back which requests were (their audit rows exist): put it
 * last in the same batch. The statements of `createOffers`, for many requests at once.
 */
export function planOfferStatements(
  db: Db,
  offers: readonly PlanOffer[],
  a: { actorId: string; nowIso: string; clientAddress: string | null },
) {
  const json = JSON.stringify(offers);
  const field = (name: keyof PlanOffer) => sql.raw(`json_extract(j.value, '$.${name}')`);
  const live = sql`JOIN care_request r ON r.id = ${field('requestId')} AND r.status IN ('open', 'offered')`;
  return {
    writes: [
      sql`INSERT INTO offer (id, request_id, helper_member_id, status, offered_by_user_id, offered_at, expires_at, responded_at, decline_reason)
        SELECT ${field('offerId')}, r.id, ${field('helperId')}, 'offered', ${a.actorId}, ${a.nowIso}, ${field('expiresAt')}, NULL, NULL
        FROM json_each(${json}) j ${live}
        WHERE 1
        ON CONFLICT (request_id, helper_member_id) DO UPDATE SET status = 'offered', offered_at = excluded.offered_at,
          expires_at = excluded.expires_at, responded_at = NULL, decline_reason = NULL, offered_by_user_id = excluded.offered_by_user_id
        WHERE offer.status IN ('declined', 'expired', 'withdrawn')`.compile(db),
      sql`INSERT INTO audit_log (id, at, actor_user_id, action, subject_type, subject_id, client_address, details)
        SELECT ${field('auditId')}, ${a.nowIso}, ${a.actorId}, 'offers_sent', 'care_request', r.id, ${a.clientAddress}, ${field('details')}
        FROM json_each(${json}) j ${live}`.compile(db),
      sql`UPDATE care_request SET status = 'offered', updated_at = ${a.nowIso}
        WHERE id IN (SELECT json_extract(value, '$.requestId') FROM json_each(${json}))
          AND status IN ('open', 'offered')`.compile(db),
    ],
    sent: sql`SELECT ${field('requestId')} AS request_id FROM json_each(${json}) j
      WHERE EXISTS (SELECT 1 FROM audit_log a WHERE a.id = ${field('auditId')})`.compile(db),
  };
}
