import type { Db } from '../../lib/db.js';
import { inJson } from '../../lib/sql.js';

/** Reads of the monthly claims (issue #18 point 5). */

/** A family's cancelled requests with a fee whose planned start lies in [from, to). */
export function listFeeCancellations(
  db: Db,
  requesterId: string,
  range: { from: string; to: string },
) {
  return db
    .selectFrom('care_request')
    .select(['id', 'starts_at', 'ends_at', 'cancellation_fee'])
    .where('requester_member_id', '=', requesterId)
    .where('status', '=', 'cancelled')
    .where('cancellation_fee', '>', 0)
    .where('starts_at', '>=', range.from)
    .where('starts_at', '<', range.to)
    .orderBy('starts_at')
    .execute();
}

/** The payments of these activities and cancelled requests. */
export function listPaymentsOf(db: Db, activityIds: string[], requestIds: string[]) {
  if (activityIds.length === 0 && requestIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('payment')
    .select(['activity_id', 'request_id', 'amount', 'status'])
    .where((eb) =>
      eb.or([
        eb('activity_id', 'in', inJson(activityIds)),
        eb('request_id', 'in', inJson(requestIds)),
      ]),
    )
    .execute();
}
