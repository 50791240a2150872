import { sql } from 'kysely';
import type { Db } from '../../lib/db.js';
import { pageWithTotal } from '../../lib/sql.js';
import { requestsWithBoth, requestsWithRequester } from '../requests/requests.queries.js';
import {
  ARRANGED_REQUEST_STATUSES,
  LIVE_REQUEST_STATUSES,
  pairNameColumns,
  requestSlotColumns,
  startingBetween,
  withoutReport,
} from '../../lib/query-fragments.js';

/**
 * Queries for the staff dashboard (the staff home page). Every figure is a COUNT in SQL and every
 * list is a few rows with LIMIT: the dashboard is opened many times a day and must stay cheap at
 * the size of a large center.
 */

/** Requests still waiting for a helper (open or offered), by start. */
export async function countLiveRequests(
  db: Db,
  options: { nowIso: string; urgentUntilIso: string },
): Promise<{ open: number; urgent: number }> {
  const row = await db
    .selectFrom('care_request')
    .select((eb) => [
      eb.fn.countAll<number>().as('open'),
      sql<number>`coalesce(sum(case when ${eb.ref('starts_at')} < ${options.urgentUntilIso} then 1 else 0 end), 0)`.as(
        'urgent',
      ),
    ])
    .where('status', 'in', ['open', 'offered'])
    .where('starts_at', '>=', options.nowIso)
    .executeTakeFirstOrThrow();
  return { open: Number(row.open), urgent: Number(row.urgent) };
}

/** The soonest live requests starting before `untilIso` (not started yet). */
export function listUrgentRequests(
  db: Db,
  options: { nowIso: string; untilIso: string; limit: number },
) {
  return requestsWithRequester(db)
    .select([...requestSlotColumns, 'care_request.status', 'requester.name as requester_name'])
    .where(startingBetween(LIVE_REQUEST_STATUSES, options.nowIso, options.untilIso))
    .orderBy('care_request.starts_at')
    .orderBy('care_request.id')
    .limit(options.limit)
    .execute();
}

/** Matched (or completed) requests planned to start in [from, until): one Tokyo day. */
export function listMatchedStarting(
  db: Db,
  options: { fromIso: string; untilIso: string; limit: number },
) {
  const arranged = startingBetween(ARRANGED_REQUEST_STATUSES, options.fromIso, options.untilIso);
  return pageWithTotal(
    requestsWithBoth(db)
      .select([...requestSlotColumns, ...pairNameColumns])
      .where(arranged)
      .orderBy('care_request.starts_at')
      .orderBy('care_request.id')
      .limit(options.limit)
      .execute(),
    db.selectFrom('care_request').where(arranged),
  );
}

/**
 * Everything that waits for a staff decision, counted in one statement:
 * - member applications (either side still `applied`);
 * - activity reports the parent confirmed or disputed (staff approve or resolve them), and those
 *   still waiting for the parent (shown apart: staff cannot act on them yet);
 * - training records (external certificates, exemptions) awaiting review;
 * - serious accidents not yet reported to the prefecture.
 */
export async function countPendingApprovals(db: Db) {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('member')
        .select((m) => m.fn.countAll<number>().as('n'))
        .where((m) =>
          m.or([m('requester_status', '=', 'applied'), m('helper_status', '=', 'applied')]),
        )
        .where('purged_at', 'is', null)
        .as('applications'),
      eb
        .selectFrom('activity')
        .select((a) => a.fn.countAll<number>().as('n'))
        .where('status', 'in', ['confirmed', 'disputed'])
        .as('reports_to_decide'),
      eb
        .selectFrom('activity')
        .select((a) => a.fn.countAll<number>().as('n'))
        .where('status', '=', 'reported')
        .as('reports_awaiting_parent'),
      eb
        .selectFrom('training_record')
        .select((r) => r.fn.countAll<number>().as('n'))
        .where('status', '=', 'pending')
        .as('certificates'),
      eb
        .selectFrom('incident')
        .select((i) => i.fn.countAll<number>().as('n'))
        .where('severity', '=', 'serious')
        .where('reported_to_prefecture_at', 'is', null)
        .as('incidents_to_report'),
    ])
    .executeTakeFirstOrThrow();
  return {
    applications: Number(row.applications ?? 0),
    reportsToDecide: Number(row.reports_to_decide ?? 0),
    reportsAwaitingParent: Number(row.reports_awaiting_parent ?? 0),
    certificates: Number(row.certificates ?? 0),
    incidentsToReport: Number(row.incidents_to_report ?? 0),
  };
}

/**
 * Matched requests that ended before `cutoff` without a report: the same rule as the staff page
 * 未提出の報告 (/activities/missing), so the dashboard count matches the list it links to.
 */
export async function countMissingReports(db: Db, cutoff: string): Promise<number> {
  const row = await db
    .selectFrom('care_request')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('care_request.status', '=', 'matched')
    .where('care_request.ends_at', '<', cutoff)
    .where(withoutReport)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A window of completion dates per module: records outside it cannot be expiring. */
export interface CompletionWindow {
  moduleId: string;
  /** Tokyo dates, inclusive. */
  from: string;
  to: string;
}

/**
 * Per helper (any side status but withdrawn, not purged) and module: the latest approved
 * completion on or before `today`, only where it falls in its module's window. The caller turns
 * these into exact expiry dates with the qualification engine's own rule.
 */
export function listLatestCompletions(
  db: Db,
  options: { today: string; windows: CompletionWindow[]; limit: number },
) {
  const { windows } = options;
  if (windows.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('training_record')
    .innerJoin('member', 'member.id', 'training_record.member_id')
    .select((eb) => [
      'training_record.member_id',
      'training_record.module_id',
      'member.name',
      'member.member_no',
      eb.fn.max('training_record.completed_on').as('last_on'),
    ])
    .where('training_record.status', '=', 'approved')
    .where('training_record.completed_on', '<=', options.today)
    .where('member.helper_status', 'is not', null)
    .where('member.helper_status', '<>', 'withdrawn')
    .where('member.purged_at', 'is', null)
    .where(
      'training_record.module_id',
      'in',
      windows.map((w) => w.moduleId),
    )
    .groupBy(['training_record.member_id', 'training_record.module_id'])
    .having((eb) =>
      eb.or(
        windows.map((w) =>
          eb.and([
            eb('training_record.module_id', '=', w.moduleId),
            eb(eb.fn.max('training_record.completed_on'), '>=', w.from),
            eb(eb.fn.max('training_record.completed_on'), '<=', w.to),
          ]),
        ),
      ),
    )
    .orderBy('last_on')
    .limit(options.limit)
    .execute();
}
