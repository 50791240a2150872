import { isStaff, type AppDeps, type CurrentUser } from '../../context.js';
import type { Member } from '../../../db/schema.js';
import { findMemberByUserId } from '../members/members.queries.js';
import { getReportRules } from '../settings/settings.service.js';
import { monthRange, overdueCutoff } from '../fees/statements.js';
import {
  listActivities,
  listActivityCategories,
  listActivityChildren,
  listAwaitingReport,
  listIncidentsForActivities,
  listMembersWithActivities,
  listMissingReports,
  listReviewQueue,
  listRevisions,
  type ActivityRow,
} from './activities.queries.js';

/** What the activity pages list and show, read for one viewer. */

/** Activities with the names of their children, for a list. */
async function withChildNames(deps: AppDeps, rows: ActivityRow[]) {
  const children = await listActivityChildren(
    deps.db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    row,
    childNames: children.filter((ch) => ch.activity_id === row.id).map((ch) => ch.name),
  }));
}
export type ListedActivity = Awaited<ReturnType<typeof withChildNames>>[number];

/** Requests whose report is overdue by the center's due day. */
export async function loadMissingReports(deps: AppDeps) {
  const { activityReportDueDay } = await getReportRules(deps);
  const rows = await listMissingReports(
    deps.db,
    overdueCutoff(deps.clock.now(), activityReportDueDay),
  );
  return { dueDay: activityReportDueDay, rows };
}

/** Rows per page of a member's own activity list (her reports, a family's activities). */
export const ACTIVITY_PAGE_SIZE = 20;

/**
 * `/activities`: staff see the review queue and how many reports are missing; a helper her
 * requests awaiting a report and her reports; a family the reports about its children. A
 * member's lists grow for years: each is read one page at a time (`pages`: 1-based), newest first.
 */
export async function loadActivityLists(
  deps: AppDeps,
  user: CurrentUser,
  pages: { helper: number; requester: number } = { helper: 1, requester: 1 },
  /** The member row read with the session (c.var.member): not read again. */
  known?: { member: Member | null },
) {
  const pageOf = (page: number) => ({ page, pageSize: ACTIVITY_PAGE_SIZE });
  if (isStaff(user)) {
    const [queue, missing] = await Promise.all([
      listReviewQueue(deps.db),
      loadMissingReports(deps),
    ]);
    return {
      staff: { queue: await withChildNames(deps, queue), missingCount: missing.rows.length },
    };
  }
  const member = known ? known.member : await findMemberByUserId(deps.db, user.id);
  if (!member) return {};
  let helper;
  let requester;
  if (member.helper_status !== null) {
    const [awaiting, reports] = await Promise.all([
      listAwaitingReport(deps.db, member.id, deps.clock.now().toISOString()),
      listActivities(
        deps.db,
        { kind: 'member', memberId: member.id, as: 'helper' },
        pageOf(pages.helper),
      ),
    ]);
    helper = {
      awaiting,
      reports: await withChildNames(deps, reports.items),
      total: reports.total,
    };
  }
  if (member.requester_status !== null) {
    const { items, total } = await listActivities(
      deps.db,
      { kind: 'member', memberId: member.id, as: 'requester' },
      pageOf(pages.requester),
    );
    requester = { items: await withChildNames(deps, items), total };
  }
  return { helper, requester };
}

/** An activity's page: its children, categories, incidents and earlier versions. */
export async function loadActivityDetail(deps: AppDeps, activity: ActivityRow) {
  const [children, categories, incidents, revisions] = await Promise.all([
    listActivityChildren(deps.db, [activity.id]),
    listActivityCategories(deps.db, [activity.id]),
    listIncidentsForActivities(deps.db, [activity.id]),
    listRevisions(deps.db, activity.id),
  ]);
  return { children, categories, incidents, revisions };
}

/** Staff's statement index: the families and helpers with activities in the month. */
export async function listMonthStatements(deps: AppDeps, month: string) {
  const range = monthRange(month);
  const [families, helpers] = await Promise.all([
    listMembersWithActivities(deps.db, 'requester', range),
    listMembersWithActivities(deps.db, 'helper', range),
  ]);
  const rows = (list: typeof families) =>
    list.map((r) => ({ id: r.id, name: r.name, count: Number(r.count), fees: Number(r.fees) }));
  return { families: rows(families), helpers: rows(helpers) };
}
