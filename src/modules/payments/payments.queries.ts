import { sql } from 'kysely';
import type { Insertable, RawBuilder, Updateable } from 'kysely';
import type { PaymentTable } from '../../../db/schema.js';
import type { Db } from '../../lib/db.js';
import { activityWithParties, withWriterName } from '../../lib/query-fragments.js';
import { requestsWithBoth } from '../requests/requests.queries.js';

/** The thing a payment is for: an activity, or a cancelled request with its fee. */
export type PaymentKey = { kind: 'activity'; id: string } | { kind: 'cancellation'; id: string };

/** What an approved activity costs the family: the fee, the transport and the meals. */
const activityDue = sql<number>`activity.fee_total + activity.transport_cost + activity.meal_cost`;

const keyColumn = (key: PaymentKey) => (key.kind === 'activity' ? 'activity_id' : 'request_id');

export function findPayment(db: Db, key: PaymentKey) {
  return withWriterName(db, 'payment', 'recorded_by_user_id', 'recorded_by_name')
    .where(`payment.${keyColumn(key)}`, '=', key.id)
    .executeTakeFirst();
}
export type PaymentRow = NonNullable<Awaited<ReturnType<typeof findPayment>>>;

/** Who the parties of a payment subject are: their member and user ids and their names. */
const subjectPartyColumns = <T extends 'activity' | 'care_request'>(table: T) =>
  [
    `${table}.helper_member_id`,
    'helper.user_id as helper_user_id',
    'helper.name as helper_name',
    `${table}.requester_member_id`,
    'requester.user_id as requester_user_id',
    'requester.name as requester_name',
  ] as const;

/** An activity as a payment subject: its parties, what is due, whether it is approved. */
export function findActivitySubject(db: Db, activityId: string) {
  return activityWithParties(db)
    .select([
      'activity.id',
      'activity.status',
      'activity.started_at as date',
      activityDue.as('due'),
      ...subjectPartyColumns('activity'),
    ])
    .where('activity.id', '=', activityId)
    .executeTakeFirst();
}

/** A request as a cancellation-fee subject (a request that never had a helper has none). */
export function findCancellationSubject(db: Db, requestId: string) {
  return requestsWithBoth(db)
    .select([
      'care_request.id',
      'care_request.status',
      'care_request.starts_at as date',
      sql<number>`COALESCE(care_request.cancellation_fee, 0)`.as('due'),
      ...subjectPartyColumns('care_request'),
    ])
    .where('care_request.id', '=', requestId)
    .executeTakeFirst();
}

type PaymentWrite = Omit<Insertable<PaymentTable>, 'activity_id' | 'request_id'>;

/**
 * Inserts `row` as the payment of `key` or, when the subject already has one, applies `set` to
 * it while its status is one of `statuses` (one statement; 0 rows changed = refused).
 */
function insertOrUpdatePayment(
  db: Db,
  key: PaymentKey,
  row: PaymentWrite,
  set: Updateable<PaymentTable>,
  statuses: readonly PaymentTable['status'][],
) {
  const column = keyColumn(key);
  return db
    .insertInto('payment')
    .values({ ...row, activity_id: null, request_id: null, [column]: key.id })
    .onConflict((oc) => oc.column(column).doUpdateSet(set).where('payment.status', 'in', statuses));
}

/**
 * Records (or corrects) the payment of `key` in one statement: an insert, or, when the subject
 * already has one, an update that applies only while its status is one of `replaceable` (a
 * payment the helper acknowledged is changed by staff only). 0 rows changed = refused.
 */
export function upsertPayment(
  db: Db,
  key: PaymentKey,
  row: PaymentWrite,
  replaceable: readonly PaymentTable['status'][],
) {
  return insertOrUpdatePayment(
    db,
    key,
    row,
    {
      amount: row.amount,
      paid_on: row.paid_on,
      method: row.method,
      status: row.status,
      recorded_by_user_id: row.recorded_by_user_id,
      recorded_by_role: row.recorded_by_role,
      recorded_at: row.recorded_at,
      received_at: row.received_at ?? null,
      dispute_reason: null,
      updated_at: row.updated_at,
    },
    replaceable,
  );
}

/**
 * The helper's one tap: a payment recorded by the family (or disputed, then settled) becomes
 * received; with none recorded yet, `row` (the amount due, in cash, today) is inserted as
 * received. 0 rows changed = already received.
 */
export function receivePayment(db: Db, key: PaymentKey, row: PaymentWrite) {
  return insertOrUpdatePayment(
    db,
    key,
    row,
    {
      status: 'received',
      received_at: row.received_at,
      dispute_reason: null,
      updated_at: row.updated_at,
    },
    ['recorded', 'disputed'],
  );
}

/** The helper says a recorded payment did not arrive as recorded. */
export function disputePaymentRow(db: Db, key: PaymentKey, reason: string, at: string) {
  return db
    .updateTable('payment')
    .set({ status: 'disputed', dispute_reason: reason, updated_at: at })
    .where(keyColumn(key), '=', key.id)
    .where('status', '=', 'recorded');
}

export interface OutstandingRow {
  kind: 'activity' | 'cancellation';
  id: string;
  date: string;
  due: number;
  requester_member_id: string;
  requester_name: string;
  helper_member_id: string;
  helper_name: string;
  payment_amount: number | null;
  payment_status: PaymentTable['status'] | null;
  dispute_reason: string | null;
}

/** The state of the joined `payment` (null columns where none is recorded). */
const paymentStateColumns = [
  'payment.amount as payment_amount',
  'payment.status as payment_status',
  'payment.dispute_reason',
] as const;

/** The joined `payment` is missing, disputed or less than `due`. */
const notPaidInFull = (due: RawBuilder<number>) =>
  sql<boolean>`(payment.id IS NULL OR payment.status = 'disputed' OR payment.amount < ${due})`;

/**
 * Approved activities and charged cancellations in [from, to) whose payment is missing,
 * disputed or short, oldest first. The condition is in SQL so the list reads only what it shows.
 */
export async function listOutstanding(
  db: Db,
  range: { from: string; to: string },
): Promise<OutstandingRow[]> {
  const activities = activityWithParties(db)
    .leftJoin('payment', 'payment.activity_id', 'activity.id')
    .select([
      sql<'activity'>`'activity'`.as('kind'),
      'activity.id',
      'activity.started_at as date',
      activityDue.as('due'),
      'activity.requester_member_id',
      'requester.name as requester_name',
      'activity.helper_member_id',
      'helper.name as helper_name',
      ...paymentStateColumns,
    ])
    .where('activity.status', '=', 'approved')
    .where('activity.started_at', '>=', range.from)
    .where('activity.started_at', '<', range.to)
    .where(activityDue, '>', 0)
    .where(notPaidInFull(activityDue));
  const cancellations = requestsWithBoth(db)
    .leftJoin('payment', 'payment.request_id', 'care_request.id')
    .select([
      sql<'cancellation'>`'cancellation'`.as('kind'),
      'care_request.id',
      'care_request.starts_at as date',
      sql<number>`care_request.cancellation_fee`.as('due'),
      'care_request.requester_member_id',
      'requester.name as requester_name',
      sql<string>`care_request.helper_member_id`.as('helper_member_id'),
      'helper.name as helper_name',
      ...paymentStateColumns,
    ])
    .where('care_request.status', '=', 'cancelled')
    .where('care_request.cancellation_fee', '>', 0)
    .where('care_request.starts_at', '>=', range.from)
    .where('care_request.starts_at', '<', range.to)
    .where(notPaidInFull(sql<number>`care_request.cancellation_fee`));
  const [a, c] = await Promise.all([activities.execute(), cancellations.execute()]);
  return [...a, ...c].sort((x, y) => x.date.localeCompare(y.date));
}
