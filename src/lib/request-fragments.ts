import type { ExpressionBuilder } from 'kysely';
import type { Database, RequestStatus } from '../../db/schema.js';

/**
 * Query fragments about care requests that the lists of several modules share: the same columns
 * and the same conditions, written once so that the lists agree.
 */

/** Requests still looking for a helper. */
export const LIVE_REQUEST_STATUSES = ['open', 'offered'] as const;

/** Requests whose help was arranged: matched, or already completed. */
export const ARRANGED_REQUEST_STATUSES = ['matched', 'completed'] as const;

/** Which request, when and what kind of help: the first columns of a list of requests. */
export const requestSlotColumns = [
  'care_request.id',
  'care_request.starts_at',
  'care_request.ends_at',
  'care_request.category',
] as const;

/** The names of a request's two members, joined as `member as requester` and `member as helper`. */
export const pairNameColumns = [
  'requester.name as requester_name',
  'helper.name as helper_name',
] as const;

/** A request in one of `statuses` planned to start in [fromIso, untilIso). */
export const startingBetween =
  (statuses: readonly RequestStatus[], fromIso: string, untilIso: string) =>
  (eb: ExpressionBuilder<Database, 'care_request'>) =>
    eb.and([
      eb('care_request.status', 'in', [...statuses]),
      eb('care_request.starts_at', '>=', fromIso),
      eb('care_request.starts_at', '<', untilIso),
    ]);

/** A request (the outer `care_request`) with no activity report yet. */
export function withoutReport(eb: ExpressionBuilder<Database, 'care_request'>) {
  return eb.not(
    eb.exists(
      eb
        .selectFrom('activity')
        .select('activity.id')
        .whereRef('activity.request_id', '=', 'care_request.id'),
    ),
  );
}
