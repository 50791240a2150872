import {
  type ExpressionBuilder,
  type Kysely,
  type Selectable,
  type SelectQueryBuilder,
} from 'kysely';
import type { Database, RequestStatus } from '../../db/schema.js';
import type { Db } from './db.js';

/**
 * Query fragments that the lists of several modules share (requests, offers, members): the same
 * joins, columns and conditions, written once so that the lists agree.
 */

/** Requests still looking for a helper. */
export const LIVE_REQUEST_STATUSES = ['open', 'offered'] as const;

/** Requests whose help was arranged: matched, or already completed. */
export const ARRANGED_REQUEST_STATUSES = ['matched', 'completed'] as const;

/** When a request's help is planned and what kind of help it is. */
export const requestHelpColumns = [
  'care_request.starts_at',
  'care_request.ends_at',
  'care_request.category',
] as const;

/** Which request, when and what kind of help: the first columns of a list of requests. */
export const requestSlotColumns = ['care_request.id', ...requestHelpColumns] as const;

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

/** Offers with their request, and the request's family joined as `member as requester`. */
export const offersWithRequest = (db: Db) =>
  db
    .selectFrom('offer')
    .innerJoin('care_request', 'care_request.id', 'offer.request_id')
    .innerJoin('member as requester', 'requester.id', 'care_request.requester_member_id');

/** An offer its helper can still accept: offered, not expired, and its request still live. */
export const openOffer =
  (nowIso: string) => (eb: ExpressionBuilder<Database, 'offer' | 'care_request'>) =>
    eb.and([
      eb('offer.status', '=', 'offered'),
      eb('offer.expires_at', '>', nowIso),
      eb('care_request.status', 'in', [...LIVE_REQUEST_STATUSES]),
    ]);

/** A member as lists name her: name, kana and member number (`member` joined). */
export const memberNameColumns = ['member.name', 'member.name_kana', 'member.member_no'] as const;

/** Activities with their two parties joined as `member as helper` and `member as requester`. */
export const activityWithParties = (db: Db) =>
  db
    .selectFrom('activity')
    .innerJoin('member as helper', 'helper.id', 'activity.helper_member_id')
    .innerJoin('member as requester', 'requester.id', 'activity.requester_member_id');

/** Pre-meetings with their two members joined as `member as requester` and `member as helper`. */
export const preMeetingsWithPair = (db: Db) =>
  db
    .selectFrom('pre_meeting')
    .innerJoin('member as requester', 'requester.id', 'pre_meeting.requester_member_id')
    .innerJoin('member as helper', 'helper.id', 'pre_meeting.helper_member_id');

/**
 * Every column of a `table` row and the name of the user who wrote it (`byColumn` holds her id),
 * selected `as` the given name: null when the row has no writer. The user is joined as `writer`.
 */
export function withWriterName<T extends keyof Database, As extends string>(
  db: Db,
  table: T,
  byColumn: keyof Database[T] & string,
  as: As,
): SelectQueryBuilder<Database, T, Selectable<Database[T]> & { [K in As]: string | null }> {
  // Kysely cannot follow a table chosen by a type parameter: the query is built untyped here
  // and given back the type its columns have.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any table, see above
  const untyped = db as unknown as Kysely<any>;
  return untyped
    .selectFrom(table as string)
    .leftJoin('user as writer', 'writer.id', `${table}.${byColumn}`)
    .selectAll(table as string)
    .select(`writer.name as ${as}`) as never;
}
