import { Hono } from 'hono';
import { requireStaff, requireUser } from '../../auth/guards.js';
import { isStaff, type AppDeps, type AppEnv } from '../../context.js';
import { parseQuery, readJson } from '../../http/json.js';
import { toTokyoIso } from '../../lib/dates.js';
import { notFound } from '../../lib/errors.js';
import type { Translator } from '../../lib/i18n.js';
import type { ApiRouteDoc } from '../../lib/openapi.js';
import { findMemberById, findMemberByUserId } from '../members/members.queries.js';
import { canViewMember } from '../members/members.policy.js';
import { getCenterSettings, getReportRules } from '../settings/settings.service.js';
import {
  findActivityById,
  listActivities,
  listActivityCategories,
  listActivityChildren,
  listIncidentsForActivities,
  listMissingReports,
  listRevisions,
  type ActivityRow,
} from './activities.queries.js';
import { statementJson, toActivityJson } from './activities.json.js';
import {
  activityListQuery,
  confirmBody,
  createActivityBody,
  feeQuoteBody,
  incidentBody,
  reasonBody,
  statementQuery,
  updateActivityBody,
} from './activities.schemas.js';
import {
  addIncident,
  approveActivity,
  confirmActivity,
  correctActivity,
  disputeActivity,
  loadStatement,
  loadVisibleActivity,
  quoteActivityFee,
  reportActivity,
  returnActivity,
} from './activities.service.js';
import { overdueCutoff, reportDueDate } from '../fees/statements.js';
import { parseStoredJson } from '../fees/fee-lines.js';

export const activitiesApi = new Hono<AppEnv>();

/** Activities as JSON, with their children, categories and incidents (a few queries in all). */
export async function activitiesJson(deps: AppDeps, t: Translator, rows: ActivityRow[]) {
  const ids = rows.map((r) => r.id);
  const [children, categories, incidents] = await Promise.all([
    listActivityChildren(deps.db, ids),
    listActivityCategories(deps.db, ids),
    listIncidentsForActivities(deps.db, ids),
  ]);
  return rows.map((r) => toActivityJson(t, r, children, categories, incidents));
}

async function oneActivityJson(deps: AppDeps, t: Translator, id: string) {
  const row = await findActivityById(deps.db, id);
  if (!row) throw notFound();
  const [json] = await activitiesJson(deps, t, [row]);
  return json!;
}

activitiesApi.post('/fees/quote', async (c) => {
  requireUser(c);
  const body = await readJson(c, feeQuoteBody);
  return c.json(await quoteActivityFee(c.var.deps, c.var.t, body));
});

activitiesApi.get('/fees/tables', async (c) => {
  requireUser(c);
  const { fees } = await getCenterSettings(c.var.deps);
  const items = [...fees].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  return c.json({ items, total: items.length, page: 1, pageSize: items.length });
});

activitiesApi.post('/activities', async (c) => {
  const user = requireUser(c);
  const body = await readJson(c, createActivityBody);
  const id = await reportActivity(c.var.deps, user, body, c.var.clientAddress);
  return c.json({ activity: await oneActivityJson(c.var.deps, c.var.t, id) }, 201);
});

activitiesApi.get('/activities', async (c) => {
  const user = requireUser(c);
  const query = parseQuery(c, activityListQuery);
  const member = isStaff(user) ? undefined : await findMemberByUserId(c.var.deps.db, user.id);
  if (!isStaff(user) && !member)
    return c.json({ items: [], total: 0, page: query.page, pageSize: query.pageSize });
  const { items, total } = await listActivities(
    c.var.deps.db,
    member ? { kind: 'member', memberId: member.id } : { kind: 'staff' },
    query,
  );
  return c.json({
    items: await activitiesJson(c.var.deps, c.var.t, items),
    total,
    page: query.page,
    pageSize: query.pageSize,
  });
});

activitiesApi.get('/activities/missing', async (c) => {
  requireStaff(c);
  const deps = c.var.deps;
  const { activityReportDueDay } = await getReportRules(deps);
  const rows = await listMissingReports(
    deps.db,
    overdueCutoff(deps.clock.now(), activityReportDueDay),
  );
  const items = rows.map((r) => ({
    requestId: r.id,
    startsAt: toTokyoIso(r.starts_at),
    endsAt: toTokyoIso(r.ends_at),
    category: r.category,
    requesterId: r.requester_member_id,
    requesterName: r.requester_name,
    helperId: r.helper_member_id,
    helperName: r.helper_name,
    dueOn: reportDueDate(r.ends_at, activityReportDueDay),
  }));
  return c.json({ items, total: items.length, page: 1, pageSize: items.length });
});

activitiesApi.get('/activities/:id', async (c) => {
  const user = requireUser(c);
  const { activity } = await loadVisibleActivity(c.var.deps, user, c.req.param('id'));
  const [json] = await activitiesJson(c.var.deps, c.var.t, [activity]);
  const revisions = await listRevisions(c.var.deps.db, activity.id);
  return c.json({
    ...json,
    revisions: revisions.map((r) => ({
      version: r.version,
      changedBy: r.changed_by,
      changedByName: r.changed_by_name,
      reason: r.reason,
      at: toTokyoIso(r.at),
      snapshot: parseStoredJson<unknown>(r.snapshot, null),
    })),
  });
});

activitiesApi.patch('/activities/:id', async (c) => {
  const user = requireUser(c);
  const body = await readJson(c, updateActivityBody);
  const { activity, viewer } = await loadVisibleActivity(c.var.deps, user, c.req.param('id'));
  await correctActivity(c.var.deps, viewer, activity, body, c.var.clientAddress);
  return c.json(await oneActivityJson(c.var.deps, c.var.t, activity.id));
});

activitiesApi.post('/activities/:id/confirm', async (c) => {
  const user = requireUser(c);
  const { version } = await readJson(c, confirmBody);
  const { activity, viewer } = await loadVisibleActivity(c.var.deps, user, c.req.param('id'));
  await confirmActivity(c.var.deps, viewer, activity, version, c.var.clientAddress);
  return c.json(await oneActivityJson(c.var.deps, c.var.t, activity.id));
});

activitiesApi.post('/activities/:id/dispute', async (c) => {
  const user = requireUser(c);
  const { reason, version } = await readJson(c, reasonBody);
  const { activity, viewer } = await loadVisibleActivity(c.var.deps, user, c.req.param('id'));
  await disputeActivity(c.var.deps, viewer, activity, reason, version, c.var.clientAddress);
  return c.json(await oneActivityJson(c.var.deps, c.var.t, activity.id));
});

activitiesApi.post('/activities/:id/approve', async (c) => {
  const staff = requireStaff(c);
  const { version } = await readJson(c, confirmBody);
  const { activity } = await loadVisibleActivity(c.var.deps, staff, c.req.param('id'));
  await approveActivity(c.var.deps, staff, activity, version, c.var.clientAddress);
  return c.json(await oneActivityJson(c.var.deps, c.var.t, activity.id));
});

activitiesApi.post('/activities/:id/return', async (c) => {
  const staff = requireStaff(c);
  const { reason, version } = await readJson(c, reasonBody);
  const { activity } = await loadVisibleActivity(c.var.deps, staff, c.req.param('id'));
  await returnActivity(c.var.deps, staff, activity, reason, version, c.var.clientAddress);
  return c.json(await oneActivityJson(c.var.deps, c.var.t, activity.id));
});

activitiesApi.post('/activities/:id/incidents', async (c) => {
  const user = requireUser(c);
  const body = await readJson(c, incidentBody);
  const { activity, viewer } = await loadVisibleActivity(c.var.deps, user, c.req.param('id'));
  const id = await addIncident(c.var.deps, viewer, activity, body, c.var.clientAddress);
  const json = await oneActivityJson(c.var.deps, c.var.t, activity.id);
  return c.json({ incident: json.incidents.find((i) => i.id === id), activity: json }, 201);
});

activitiesApi.get('/members/:id/statement', async (c) => {
  const user = requireUser(c);
  const { month } = parseQuery(c, statementQuery);
  const member = await findMemberById(c.var.deps.db, c.req.param('id'));
  if (!member || !canViewMember(user, member)) throw notFound();
  return c.json(statementJson(await loadStatement(c.var.deps, member, month)));
});

const notYours = { 401: 'Not signed in', 404: 'Not found or not yours' };
export const activitiesApiDocs: ApiRouteDoc[] = [
  {
    method: 'post',
    path: '/fees/quote',
    tag: 'fees',
    access: 'signed-in',
    body: feeQuoteBody,
    summary:
      'What an activity would cost, with the fee table valid on its date: `{total, lines:[{label,minutes,rate,amount}], childTotals}`. Labels are in the caller’s language; line amounts are exact (a sibling’s half unit may carry ¥0.5), per-child totals are rounded half up',
    responses: { 200: 'Quote', 400: 'Invalid input', 401: 'Not signed in' },
  },
  {
    method: 'get',
    path: '/fees/tables',
    tag: 'fees',
    access: 'signed-in',
    summary:
      'The fee tables with their valid-from dates, newest first (edit through PUT /settings `fees`)',
    responses: { 200: 'List of fee tables', 401: 'Not signed in' },
  },
  {
    method: 'post',
    path: '/activities',
    tag: 'activities',
    access: 'member',
    body: createActivityBody,
    summary:
      'The assigned helper reports an activity of a matched request; the fee is computed and stored; the requester is asked to confirm',
    responses: {
      201: '{ activity } with fee:{total,lines}, status reported',
      400: 'Invalid input (endedAt before startedAt: fields.endedAt)',
      ...notYours,
      409: 'already_reported, request_cancelled, invalid_transition',
      422: 'child_not_in_request, activity_in_future',
    },
  },
  {
    method: 'get',
    path: '/activities',
    tag: 'activities',
    access: 'signed-in',
    query: activityListQuery,
    summary: 'Activities in scope: helper own, requester own, staff all; newest first',
    responses: { 200: 'List of Activity', 400: 'Invalid query', 401: 'Not signed in' },
  },
  {
    method: 'get',
    path: '/activities/missing',
    tag: 'activities',
    access: 'staff',
    summary:
      'Matched requests whose report is overdue (not in by reports.activityReportDueDay of the following month)',
    responses: { 200: 'List', 401: 'Not signed in', 403: 'Not staff' },
  },
  {
    method: 'get',
    path: '/activities/{id}',
    tag: 'activities',
    access: 'signed-in',
    summary: 'An activity with its fee lines, incidents and revisions (corrections)',
    responses: { 200: 'Activity', ...notYours },
  },
  {
    method: 'patch',
    path: '/activities/{id}',
    tag: 'activities',
    access: 'member',
    body: updateActivityBody,
    summary:
      'The helper corrects her report (when reported and not yet confirmed, or returned); the previous version is kept and the fee recomputed',
    responses: {
      200: 'Activity',
      400: 'Invalid input',
      403: 'Not the helper',
      ...notYours,
      409: 'not_correctable, stale_version, invalid_transition',
      422: 'child_not_in_request, activity_in_future',
    },
  },
  {
    method: 'post',
    path: '/activities/{id}/confirm',
    tag: 'activities',
    access: 'member',
    body: confirmBody,
    summary: 'The requester confirms the report',
    responses: {
      200: 'Activity',
      403: 'Not the requester',
      ...notYours,
      409: 'invalid_transition, stale_version',
    },
  },
  {
    method: 'post',
    path: '/activities/{id}/dispute',
    tag: 'activities',
    access: 'member',
    body: reasonBody,
    summary: 'The requester disputes the report with a reason',
    responses: {
      200: 'Activity',
      403: 'Not the requester',
      ...notYours,
      409: 'invalid_transition, stale_version',
    },
  },
  {
    method: 'post',
    path: '/activities/{id}/approve',
    tag: 'activities',
    access: 'staff',
    body: confirmBody,
    summary:
      'Staff approve a confirmed (or resolved disputed) report; the request becomes completed, ending the helper’s access to the child’s health data',
    responses: {
      200: 'Activity',
      403: 'Not staff',
      404: 'Not found',
      409: 'not_confirmed, invalid_transition',
    },
  },
  {
    method: 'post',
    path: '/activities/{id}/return',
    tag: 'activities',
    access: 'staff',
    body: reasonBody,
    summary: 'Staff return the report to the helper for correction',
    responses: { 200: 'Activity', 403: 'Not staff', 404: 'Not found', 409: 'invalid_transition' },
  },
  {
    method: 'post',
    path: '/activities/{id}/incidents',
    tag: 'incidents',
    access: 'signed-in',
    body: incidentBody,
    summary:
      'Record a near-miss or accident for an activity (its helper or staff); a serious accident is flagged for the prefecture and staff are told',
    responses: {
      201: '{ incident, activity }',
      400: 'Invalid input',
      403: 'The requester',
      ...notYours,
    },
  },
  {
    method: 'get',
    path: '/members/{id}/statement',
    tag: 'statements',
    access: 'signed-in',
    query: statementQuery,
    summary:
      'Monthly statement (staff, self): requester per child (reimbursable care for 3–5-year-olds, other care, transport-only) + costs + cancellation fees; helper summary. Approved activities only',
    responses: { 200: 'Statement', 400: 'Invalid month', ...notYours },
  },
];
