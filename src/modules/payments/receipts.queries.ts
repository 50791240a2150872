import { sql } from 'kysely';
import type { Db } from '../../lib/db.js';
import { inJson } from '../activities/activities.queries.js';

export type ReceiptKey =
  { kind: 'activity'; activityId: string } | { kind: 'month'; requesterId: string; month: string };

export function findReceipt(db: Db, key: ReceiptKey) {
  const q = db.selectFrom('receipt').selectAll();
  return (
    key.kind === 'activity'
      ? q.where('activity_id', '=', key.activityId)
      : q.where('requester_member_id', '=', key.requesterId).where('month', '=', key.month)
  ).executeTakeFirst();
}
export type ReceiptRow = NonNullable<Awaited<ReturnType<typeof findReceipt>>>;

/**
 * Issues the receipt of `key` with the next number of `fiscalYear`, or — when it exists — counts
 * one more print of it (its number and content unchanged). One statement: the number is taken
 * inside the write, so two issues at once cannot share it (and UNIQUE (fiscal_year, seq) holds).
 */
export function issueOrReprintReceipt(
  db: Db,
  key: ReceiptKey,
  row: {
    id: string;
    fiscalYear: number;
    requesterId: string;
    content: string;
    total: number;
    at: string;
    userId: string;
  },
) {
  const activityId = key.kind === 'activity' ? key.activityId : null;
  const month = key.kind === 'month' ? key.month : null;
  const target = key.kind === 'activity' ? sql`(activity_id)` : sql`(requester_member_id, month)`;
  return sql`INSERT INTO receipt (id, fiscal_year, seq, kind, activity_id, requester_member_id, month,
      content, total, issued_at, issued_by_user_id, print_count, last_printed_at)
    SELECT ${row.id}, ${row.fiscalYear}, COALESCE(MAX(seq), 0) + 1, ${key.kind}, ${activityId},
      ${row.requesterId}, ${month}, ${row.content}, ${row.total}, ${row.at}, ${row.userId}, 1, ${row.at}
    FROM receipt WHERE fiscal_year = ${row.fiscalYear}
    ON CONFLICT ${target} DO UPDATE SET print_count = print_count + 1,
      last_printed_at = excluded.last_printed_at`.compile(db);
}

/** A family's received payments of the given activities and cancelled requests. */
export function listReceivedPayments(
  db: Db,
  requesterId: string,
  ids: { activityIds: string[]; requestIds: string[] },
) {
  return db
    .selectFrom('payment')
    .selectAll()
    .where('requester_member_id', '=', requesterId)
    .where('status', '=', 'received')
    .where((eb) =>
      eb.or([
        eb('activity_id', 'in', inJson(ids.activityIds)),
        eb('request_id', 'in', inJson(ids.requestIds)),
      ]),
    )
    .execute();
}

/** The helpers' names of cancelled requests (a cancellation line names its helper). */
export function listRequestHelpers(db: Db, requestIds: string[]) {
  return db
    .selectFrom('care_request')
    .innerJoin('member', 'member.id', 'care_request.helper_member_id')
    .select(['care_request.id', 'member.name'])
    .where('care_request.id', 'in', inJson(requestIds))
    .execute();
}
