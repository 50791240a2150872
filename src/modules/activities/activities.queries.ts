import {
  sql,
  type CompiledQuery,
  type ExpressionBuilder,
  type Insertable,
  type Updateable,
} from 'kysely';
import type { Db } from '../../lib/db.js';
import { inJson, pageByIds } from '../../lib/sql.js';
import {
  activityWithParties,
  pairNameColumns,
  requestSlotColumns,
  withoutReport,
  withWriterName,
} from '../../lib/query-fragments.js';
import type { ActivityStatus, ActivityTable, Database, IncidentTable } from '../../../db/schema.js';
import type { ActivityListQuery } from './activities.schemas.js';
import { monthRange } from '../fees/statements.js';
import { requestsWithBoth } from '../requests/requests.queries.js';

// A month of a center's activities is thousands of ids: lists of them are bound as one parameter.
export { inJson };

/**
 * An INSERT that happens only when the row `witness` (a table and a freshly generated id) exists.
 * Later statements of an atomic batch are chained to an earlier conditional one this way: the
 * activity, revision or audit row with the new id exists only if that statement took effect.
 */
export function insertIfExists(
  db: Db,
  table: keyof Database,
  row: Record<string, unknown>,
  witness: { table: keyof Database; id: string },
): CompiledQuery {
  const columns = Object.keys(row);
  return sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) SELECT ${sql.join(
    columns.map((c) => sql.val(row[c])),
  )} WHERE EXISTS (SELECT 1 FROM ${sql.table(witness.table)} WHERE id = ${witness.id})`.compile(db);
}

/** A DELETE of an activity's rows that happens only when the `witness` row exists. */
export function deleteIfExists(
  db: Db,
  table: 'activity_child' | 'activity_category',
  activityId: string,
  witness: { table: keyof Database; id: string },
): CompiledQuery {
  return sql`DELETE FROM ${sql.table(table)} WHERE activity_id = ${activityId} AND EXISTS (SELECT 1 FROM ${sql.table(witness.table)} WHERE id = ${witness.id})`.compile(
    db,
  );
}

const activityColumns = (db: Db) =>
  activityWithParties(db)
    .innerJoin('care_request', 'care_request.id', 'activity.request_id')
    .selectAll('activity')
    .select([
      'helper.name as helper_name',
      'helper.user_id as helper_user_id',
      'requester.name as requester_name',
      'requester.user_id as requester_user_id',
      'care_request.starts_at as planned_starts_at',
      'care_request.ends_at as planned_ends_at',
      'care_request.status as request_status',
    ]);

export type ActivityRow = NonNullable<Awaited<ReturnType<typeof findActivityById>>>;

export function findActivityById(db: Db, id: string) {
  return activityColumns(db).where('activity.id', '=', id).executeTakeFirst();
}

export function findActivityByRequestId(db: Db, requestId: string) {
  return db
    .selectFrom('activity')
    .select(['id', 'status'])
    .where('request_id', '=', requestId)
    .executeTakeFirst();
}

export function listActivityChildren(db: Db, activityIds: string[]) {
  if (activityIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('activity_child')
    .innerJoin('child', 'child.id', 'activity_child.child_id')
    .select(['activity_child.activity_id', 'child.id', 'child.name', 'child.birth_date'])
    .where('activity_child.activity_id', 'in', inJson(activityIds))
    .orderBy('child.birth_date')
    .orderBy('child.id')
    .execute();
}

export function listActivityCategories(db: Db, activityIds: string[]) {
  if (activityIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('activity_category')
    .select(['activity_id', 'category'])
    .where('activity_id', 'in', inJson(activityIds))
    .orderBy('category')
    .execute();
}

export function listRevisions(db: Db, activityId: string) {
  return withWriterName(db, 'activity_revision', 'changed_by', 'changed_by_name')
    .where('activity_revision.activity_id', '=', activityId)
    .orderBy('activity_revision.version', 'desc')
    .execute();
}

export function listIncidentsForActivities(db: Db, activityIds: string[]) {
  if (activityIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('incident')
    .selectAll()
    .where('activity_id', 'in', inJson(activityIds))
    .orderBy('created_at')
    .execute();
}

export type ActivityScope =
  { kind: 'staff' } | { kind: 'member'; memberId: string; as?: 'helper' | 'requester' };

/**
 * Activities a user may see: staff all; a member those they helped with or asked for.
 *
 * At city scale (~1,000,000 activities) the filters and the paging run on `activity` alone, and
 * only the page's rows are joined. The total counts the base table: the three inner joins never
 * drop or repeat a row (NOT NULL foreign keys to primary keys), so it equals the count through
 * the joins without three lookups per matching row.
 */
export async function listActivities(db: Db, scope: ActivityScope, query: ActivityListQuery) {
  let base = db.selectFrom('activity');
  if (scope.kind === 'member') {
    const me = scope.memberId;
    if (scope.as === 'helper') base = base.where('activity.helper_member_id', '=', me);
    else if (scope.as === 'requester') base = base.where('activity.requester_member_id', '=', me);
    else
      base = base.where((eb) =>
        eb.or([
          eb('activity.helper_member_id', '=', me),
          eb('activity.requester_member_id', '=', me),
        ]),
      );
  }
  if (query.month) {
    const { from, to } = monthRange(query.month);
    base = base.where('activity.started_at', '>=', from).where('activity.started_at', '<', to);
  }
  if (query.helperId) base = base.where('activity.helper_member_id', '=', query.helperId);
  if (query.requesterId) base = base.where('activity.requester_member_id', '=', query.requesterId);
  if (query.status) base = base.where('activity.status', '=', query.status);
  return pageByIds(
    base,
    activityColumns(db),
    { id: 'activity.id', orderBy: 'activity.started_at', direction: 'desc' },
    query,
  );
}

/** The staff review queue: reports waiting for a decision, oldest first. */
export function listReviewQueue(db: Db, limit = 200) {
  return activityColumns(db)
    .where('activity.status', 'in', ['reported', 'confirmed', 'disputed'])
    .orderBy('activity.started_at')
    .orderBy('activity.id')
    .limit(limit)
    .execute();
}

const pendingRequestColumns = (db: Db) =>
  requestsWithBoth(db)
    .select([
      ...requestSlotColumns,
      'care_request.requester_member_id',
      'care_request.helper_member_id',
      ...pairNameColumns,
      'helper.user_id as helper_user_id',
    ])
    .where('care_request.status', '=', 'matched')
    .where(withoutReport);

/**
 * Matched requests whose planned end is before `cutoff` and that have no report yet. With
 * `notNotifiedKind`, only those whose helper has not had that reminder (dedupe key
 * `<kind>:<requestId>`) yet.
 */
export function listMissingReports(
  db: Db,
  cutoff: string,
  options: { helperId?: string; notNotifiedKind?: string } = {},
) {
  let q = pendingRequestColumns(db).where('care_request.ends_at', '<', cutoff);
  if (options.helperId) q = q.where('care_request.helper_member_id', '=', options.helperId);
  const kind = options.notNotifiedKind;
  if (kind)
    q = q.where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('notification')
            .select('notification.id')
            .where('notification.dedupe_key', '=', sql<string>`${kind + ':'} || care_request.id`),
        ),
      ),
    );
  return q.orderBy('care_request.ends_at').orderBy('care_request.id').limit(1000).execute();
}

/** A helper's matched requests that have started and await her report. */
export function listAwaitingReport(db: Db, helperId: string, now: string) {
  return pendingRequestColumns(db)
    .where('care_request.helper_member_id', '=', helperId)
    .where('care_request.starts_at', '<=', now)
    .orderBy('care_request.starts_at')
    .limit(200)
    .execute();
}

/** The activities of a family or of a helper started in [from, to). */
const ofMemberStartedIn =
  (who: { requesterId: string } | { helperId: string }, range: { from: string; to: string }) =>
  (eb: ExpressionBuilder<Database, 'activity'>) =>
    eb.and([
      'requesterId' in who
        ? eb('activity.requester_member_id', '=', who.requesterId)
        : eb('activity.helper_member_id', '=', who.helperId),
      eb('activity.started_at', '>=', range.from),
      eb('activity.started_at', '<', range.to),
    ]);

/** Approved activities of a family or a helper in [from, to). */
export function listApprovedActivities(
  db: Db,
  who: { requesterId: string } | { helperId: string },
  range: { from: string; to: string },
) {
  return activityColumns(db)
    .where('activity.status', '=', 'approved')
    .where(ofMemberStartedIn(who, range))
    .orderBy('activity.started_at')
    .execute();
}

/** Reports in [from, to) that are not approved yet, counted by status. */
export async function countUnapproved(
  db: Db,
  who: { requesterId: string } | { helperId: string },
  range: { from: string; to: string },
) {
  const row = await db
    .selectFrom('activity')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('activity.status', '<>', 'approved')
    .where(ofMemberStartedIn(who, range))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * A family's cancelled requests with a cancellation fee, planned in [from, to): for the monthly
 * statement, the receipts and the subsidy claim.
 */
export function listChargedCancellations(
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

/** Families (or helpers) with approved activities in [from, to), for the statement index. */
export function listMembersWithActivities(
  db: Db,
  side: 'requester' | 'helper',
  range: { from: string; to: string },
) {
  const column =
    side === 'requester' ? 'activity.requester_member_id' : 'activity.helper_member_id';
  return db
    .selectFrom('activity')
    .innerJoin('member', 'member.id', column)
    .select((eb) => [
      'member.id',
      'member.name',
      eb.fn.countAll<number>().as('count'),
      eb.fn.sum<number>('activity.fee_total').as('fees'),
    ])
    .where('activity.status', '=', 'approved')
    .where('activity.started_at', '>=', range.from)
    .where('activity.started_at', '<', range.to)
    .groupBy(['member.id', 'member.name'])
    .orderBy('member.name')
    .limit(2000)
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Incidents

// The staff list and page of incidents read through incidents.queries.ts (issue #19).

/**
 * The activity report, only for a matched request of its helper that has no report yet (the
 * database decides: two helpers or two tabs reporting at once get one row).
 */
export function buildInsertFirstReport(db: Db, row: Insertable<ActivityTable> & { id: string }) {
  const columns = Object.keys(row) as (keyof typeof row)[];
  return sql`INSERT INTO activity (${sql.join(columns.map((c) => sql.ref(c)))}) SELECT ${sql.join(
    columns.map((c) => sql.val(row[c])),
  )} WHERE EXISTS (SELECT 1 FROM care_request WHERE id = ${row.request_id} AND status = 'matched' AND helper_member_id = ${row.helper_member_id})
      AND NOT EXISTS (SELECT 1 FROM activity WHERE request_id = ${row.request_id})`.compile(db);
}

/** A status change of the activity as it was read (same version), from one of `from`. */
export function buildActivityTransition(
  db: Db,
  activity: { id: string; version: number },
  from: ActivityStatus[],
  set: Updateable<ActivityTable>,
) {
  return db
    .updateTable('activity')
    .set(set)
    .where('id', '=', activity.id)
    .where('version', '=', activity.version)
    .where('status', 'in', from);
}

/**
 * A correction of the activity as it was read, from one of `from`; `helperMemberId` limits it to
 * that helper's own report (staff correct any helper's report: undefined).
 */
export function buildCorrectActivity(
  db: Db,
  activity: { id: string; version: number },
  helperMemberId: string | undefined,
  from: ActivityStatus[],
  set: Updateable<ActivityTable>,
) {
  const update = buildActivityTransition(db, activity, from, set);
  return helperMemberId === undefined
    ? update
    : update.where('helper_member_id', '=', helperMemberId);
}

/** The matched request is completed, when the audit row `auditId` of the same batch exists. */
export function buildCompleteRequestIfAudited(
  db: Db,
  requestId: string,
  auditId: string,
  updatedAt: string,
) {
  return db
    .updateTable('care_request')
    .set({ status: 'completed', updated_at: updatedAt })
    .where('id', '=', requestId)
    .where('status', '=', 'matched')
    .where((eb) =>
      eb.exists(
        eb.selectFrom('audit_log').select('audit_log.id').where('audit_log.id', '=', auditId),
      ),
    );
}

export function buildInsertIncident(db: Db, row: Insertable<IncidentTable>) {
  return db.insertInto('incident').values(row);
}

/** A serious accident is marked reported to the prefecture, once. */
export function buildMarkIncidentReported(db: Db, incidentId: string, at: string) {
  return db
    .updateTable('incident')
    .set({ reported_to_prefecture_at: at })
    .where('id', '=', incidentId)
    .where('serious_reason', 'is not', null)
    .where('reported_to_prefecture_at', 'is', null);
}
