import { sql } from 'kysely';
import type { Db } from '../../lib/db.js';
import { requestsWithRequester } from './requests.queries.js';

/** Requests whose start has passed without a helper (still open or offered), oldest first. */
export function listUnfilledDue(db: Db, nowIso: string, limit: number) {
  return requestsWithRequester(db)
    .select(['care_request.id', 'care_request.starts_at', 'requester.user_id as requester_user_id'])
    .where('care_request.status', 'in', ['open', 'offered'])
    .where('care_request.starts_at', '<=', nowIso)
    .orderBy('care_request.starts_at')
    .limit(limit)
    .execute();
}

/** Closes the request as unfilled, only while it is still open or offered and has started. */
export function buildCloseUnfilled(db: Db, requestId: string, nowIso: string) {
  return db
    .updateTable('care_request')
    .set({ status: 'unfilled', unfilled_at: nowIso, updated_at: nowIso })
    .where('id', '=', requestId)
    .where('status', 'in', ['open', 'offered'])
    .where('starts_at', '<=', nowIso);
}

/** Its waiting offers expire, only when the statement before it changed a row. */
export function buildExpireOffersAfterClose(db: Db, requestId: string, nowIso: string) {
  return db
    .updateTable('offer')
    .set({ status: 'expired', responded_at: nowIso })
    .where('request_id', '=', requestId)
    .where('status', '=', 'offered')
    .where(sql<boolean>`changes() > 0`);
}
