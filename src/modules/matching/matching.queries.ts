import type { Db } from '../../lib/db.js';

/**
 * What the ranking reads (candidates.ts) and its caches load (matching-cache.ts). The board and
 * the request page rank on every view: keep these as they are measured (docs/performance.md).
 */

/**
 * The tokens the triggers bump when helpers or their workload change (migration 0009); without
 * its rows nothing can be cached safely (matchingTokensOf then gives fresh keys).
 */
export function matchingStampsQuery(db: Db) {
  return db.selectFrom('matching_stamp').select(['topic', 'token']);
}

/** Every member with a helper side who has not withdrawn. */
export function listHelperMembers(db: Db) {
  return helperMembersQuery(db).execute();
}

export function helperMembersQuery(db: Db) {
  return db
    .selectFrom('member')
    .select([
      'id',
      'name',
      'helper_status',
      'helper_max_children',
      'helper_child_age_min_months',
      'helper_child_age_max_months',
      'helper_categories',
      'helper_areas',
      'area',
    ])
    .where('helper_status', 'is not', null)
    .where('withdrawn_at', 'is', null);
}

export function listAvailabilitySlots(db: Db) {
  return db
    .selectFrom('availability_slot')
    .select(['member_id', 'weekday', 'start_time', 'end_time'])
    .execute();
}

/** Matched and completed requests with a helper starting at or after `fromIso`. */
export function listHelperStartsSince(db: Db, fromIso: string) {
  return db
    .selectFrom('care_request')
    .select(['helper_member_id', 'starts_at'])
    .where('status', 'in', ['matched', 'completed'])
    .where('helper_member_id', 'is not', null)
    .where('starts_at', '>=', fromIso)
    .execute();
}

export function availabilityExceptionsOnQuery(db: Db, date: string) {
  return db
    .selectFrom('availability_exception')
    .select(['member_id', 'date', 'start_time', 'end_time'])
    .where('date', '=', date);
}

/** Matched assignments overlapping [startsAt, endsAt), whoever the helper. */
export function assignmentsOverlappingQuery(db: Db, startsAt: string, endsAt: string) {
  return db
    .selectFrom('care_request')
    .select(['helper_member_id', 'starts_at', 'ends_at'])
    .where('status', '=', 'matched')
    .where('helper_member_id', 'is not', null)
    .where('starts_at', '<', endsAt)
    .where('ends_at', '>', startsAt);
}

/** The helpers this family has been matched with before. */
export function pairedHelpersQuery(db: Db, requesterId: string) {
  return db
    .selectFrom('pairing')
    .select('helper_member_id')
    .where('requester_member_id', '=', requesterId);
}

/** The helpers this family asked never to be offered. */
export function blockedHelpersQuery(db: Db, requesterId: string) {
  return db
    .selectFrom('blocked_helper')
    .select('helper_member_id')
    .where('requester_member_id', '=', requesterId);
}
