import { z } from 'zod';
import type { AppContext, AppDeps, CurrentUser } from '../../context.js';
import {
  jsonApi,
  jsonResponse,
  listOf,
  listScopeOf,
  operationsOf,
  pageOf,
  wholeList,
} from '../../http/api-route.js';
import { toTokyoIso } from '../../lib/dates.js';
import { notFound } from '../../lib/errors.js';
import type { Translator } from '../../lib/i18n.js';
import { getReportRules } from '../settings/settings.service.js';
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
import { activitySchema, incidentSchema, toActivityJson } from './activities.json.js';
import {
  activityListQuery,
  confirmBody,
  createActivityBody,
  incidentBody,
  reasonBody,
  updateActivityBody,
} from './activities.schemas.js';
import {
  addIncident,
  approveActivity,
  confirmActivity,
  correctActivity,
  disputeActivity,
  loadVisibleActivity,
  reportActivity,
  returnActivity,
  type ActivityViewer,
} from './activities.service.js';
import { overdueCutoff, reportDueDate } from '../fees/statements.js';
import { parseStoredJson } from '../fees/fee-lines.js';

const api = jsonApi();
export const activitiesApi = api.router;
const op = operationsOf('activities');
const incidentsOp = operationsOf('incidents');

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

/** A step on the report of `id`, if the caller may see it (404 otherwise); answers it after. */
async function stepOnActivity(
  c: AppContext,
  user: CurrentUser,
  id: string,
  step: (activity: ActivityRow, viewer: ActivityViewer) => Promise<unknown>,
) {
  const { activity, viewer } = await loadVisibleActivity(c.var.deps, user, id);
  await step(activity, viewer);
  return oneActivityJson(c.var.deps, c.var.t, activity.id);
}

const REPORT_RULES = [
  'child_not_in_request',
  'activity_in_future',
  'activity_before_request',
  'activity_not_on_request_date',
  'no_fee_table',
];
const activityResponse = { 200: jsonResponse('The activity', activitySchema) };

const reportRoute = op('member', 'post /activities', {
  summary:
    'The assigned helper reports an activity of a matched request; the fee is computed and stored; the requester is asked to confirm',
  errors: {
    404: ['not_found'],
    409: ['already_reported', 'request_cancelled', 'invalid_transition'],
    422: REPORT_RULES,
  },
  body: createActivityBody,
  responses: {
    201: jsonResponse('The activity, status reported', z.object({ activity: activitySchema })),
  },
});
api.openapi(reportRoute, async (c, user) => {
  const id = await reportActivity(c.var.deps, user, c.req.valid('json'), c.var.clientAddress);
  return { activity: await oneActivityJson(c.var.deps, c.var.t, id) };
});

const listRoute = op('signed-in', 'get /activities', {
  summary: 'Activities in scope: helper own, requester own, staff all; newest first',
  query: activityListQuery,
  responses: { 200: jsonResponse('A page of activities', listOf(activitySchema)) },
});
api.openapi(listRoute, async (c, user) => {
  const query = c.req.valid('query');
  const scope = listScopeOf(c, user);
  if (!scope) return pageOf(query, [], 0);
  const { items, total } = await listActivities(c.var.deps.db, scope, query);
  return pageOf(query, await activitiesJson(c.var.deps, c.var.t, items), total);
});

const missingRoute = op('staff', 'get /activities/missing', {
  summary:
    'Matched requests whose report is overdue (not in by reports.activityReportDueDay of the following month)',
  responses: {
    200: jsonResponse(
      'The overdue reports',
      listOf(
        z.object({
          requestId: z.string(),
          startsAt: z.string(),
          endsAt: z.string(),
          category: z.number().int(),
          requesterId: z.string(),
          requesterName: z.string(),
          helperId: z.string().nullable(),
          helperName: z.string().nullable(),
          dueOn: z.string(),
        }),
      ),
    ),
  },
});
api.openapi(missingRoute, async (c) => {
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
  return wholeList(items);
});

const getRoute = op('signed-in', 'get /activities/{id}', {
  summary: 'An activity with its fee lines, incidents and revisions (corrections)',

  responses: {
    200: jsonResponse(
      'The activity and its revisions',
      activitySchema.extend({
        revisions: z.array(
          z.object({
            version: z.number().int(),
            changedBy: z.string().nullable(),
            changedByName: z.string().nullable(),
            reason: z.string().nullable(),
            at: z.string(),
            snapshot: z.unknown().describe('the activity as it was before the correction'),
          }),
        ),
      }),
    ),
  },
});
api.openapi(getRoute, async (c, user) => {
  const { activity } = await loadVisibleActivity(c.var.deps, user, c.req.valid('param').id);
  const [json] = await activitiesJson(c.var.deps, c.var.t, [activity]);
  const revisions = await listRevisions(c.var.deps.db, activity.id);
  return {
    ...json!,
    revisions: revisions.map((r) => ({
      version: r.version,
      changedBy: r.changed_by,
      changedByName: r.changed_by_name,
      reason: r.reason,
      at: toTokyoIso(r.at),
      snapshot: parseStoredJson<unknown>(r.snapshot, null),
    })),
  };
});

const correctRoute = op('member', 'patch /activities/{id}', {
  summary:
    'The helper corrects her report (when reported and not yet confirmed, or returned), or staff correct any report not yet approved; the previous version is kept and the fee recomputed',
  errors: {
    409: ['not_correctable', 'stale_version', 'invalid_transition'],
    422: REPORT_RULES,
  },
  body: updateActivityBody,
  responses: activityResponse,
});
api.openapi(correctRoute, (c, user) =>
  stepOnActivity(c, user, c.req.valid('param').id, (a, v) =>
    correctActivity(c.var.deps, v, a, c.req.valid('json'), c.var.clientAddress),
  ),
);

const confirmRoute = op('member', 'post /activities/{id}/confirm', {
  summary: 'The requester confirms the report',
  errors: { 409: ['invalid_transition', 'stale_version'] },
  body: confirmBody,
  responses: activityResponse,
});
api.openapi(confirmRoute, (c, user) => {
  const { version } = c.req.valid('json');
  return stepOnActivity(c, user, c.req.valid('param').id, (a, v) =>
    confirmActivity(c.var.deps, v, a, version, c.var.clientAddress),
  );
});

const disputeRoute = op('member', 'post /activities/{id}/dispute', {
  summary: 'The requester disputes the report with a reason',
  errors: { 409: ['invalid_transition', 'stale_version'] },
  body: reasonBody,
  responses: activityResponse,
});
api.openapi(disputeRoute, (c, user) => {
  const { reason, version } = c.req.valid('json');
  return stepOnActivity(c, user, c.req.valid('param').id, (a, v) =>
    disputeActivity(c.var.deps, v, a, reason, version, c.var.clientAddress),
  );
});

const approveRoute = op('staff', 'post /activities/{id}/approve', {
  summary:
    'Staff approve a confirmed (or resolved disputed) report; the request becomes completed, ending the helper’s access to the child’s health data',
  errors: { 409: ['not_confirmed', 'invalid_transition', 'stale_version'] },
  body: confirmBody,
  responses: activityResponse,
});
api.openapi(approveRoute, (c, staff) => {
  const { version } = c.req.valid('json');
  return stepOnActivity(c, staff, c.req.valid('param').id, (a) =>
    approveActivity(c.var.deps, staff, a, version, c.var.clientAddress),
  );
});

const returnRoute = op('staff', 'post /activities/{id}/return', {
  summary: 'Staff return the report to the helper for correction',
  errors: { 409: ['invalid_transition', 'stale_version'] },
  body: reasonBody,
  responses: activityResponse,
});
api.openapi(returnRoute, (c, staff) => {
  const { reason, version } = c.req.valid('json');
  return stepOnActivity(c, staff, c.req.valid('param').id, (a) =>
    returnActivity(c.var.deps, staff, a, reason, version, c.var.clientAddress),
  );
});

const incidentRoute = incidentsOp('signed-in', 'post /activities/{id}/incidents', {
  summary:
    'Record a near-miss or accident for an activity (its helper or staff); a serious accident is flagged for the prefecture and staff are told',
  body: incidentBody,
  responses: {
    201: jsonResponse(
      'The incident and its activity',
      z.object({ incident: incidentSchema, activity: activitySchema }),
    ),
  },
});
api.openapi(incidentRoute, async (c, user) => {
  const body = c.req.valid('json');
  const { activity, viewer } = await loadVisibleActivity(c.var.deps, user, c.req.valid('param').id);
  const id = await addIncident(c.var.deps, viewer, activity, body, c.var.clientAddress);
  const json = await oneActivityJson(c.var.deps, c.var.t, activity.id);
  return { incident: json.incidents.find((i) => i.id === id)!, activity: json };
});
