import { z } from 'zod';
import { requireStaff } from '../../auth/guards.js';
import { apiRouter, emptyBody, jsonResponse, listOf, operationsOf } from '../../http/api-route.js';
import { toTokyoIso } from '../../lib/dates.js';
import { notFound } from '../../lib/errors.js';
import {
  findIncidentById,
  listIncidents,
  type IncidentRow,
} from '../activities/activities.queries.js';
import { incidentJson, incidentSchema } from '../activities/activities.json.js';
import { incidentListQuery } from '../activities/activities.schemas.js';
import { markIncidentReported } from '../activities/activities.service.js';

/** Near-misses and accidents for staff: the list, one incident, and the prefecture report. */
export const incidentsApi = apiRouter();
const op = operationsOf('incidents');

function withActivity(i: IncidentRow) {
  return {
    ...incidentJson(i),
    activity: {
      startedAt: toTokyoIso(i.started_at),
      endedAt: toTokyoIso(i.ended_at),
      place: i.place,
      helperId: i.helper_member_id,
      helperName: i.helper_name,
      requesterId: i.requester_member_id,
      requesterName: i.requester_name,
    },
  };
}

const incidentWithActivity = incidentSchema.extend({
  activity: z.object({
    startedAt: z.string(),
    endedAt: z.string(),
    place: z.string().nullable(),
    helperId: z.string(),
    helperName: z.string(),
    requesterId: z.string(),
    requesterName: z.string(),
  }),
});

const listRoute = op('staff', 'get /incidents', {
  summary:
    'Near-misses and accidents, newest first; ?serious=1 for those to report to the prefecture',
  query: incidentListQuery,
  responses: { 200: jsonResponse('A page of incidents', listOf(incidentWithActivity)) },
});
incidentsApi.openapi(listRoute, async (c) => {
  requireStaff(c);
  const query = c.req.valid('query');
  const { items, total } = await listIncidents(c.var.deps.db, {
    serious: query.serious === '1' || query.serious === 'true',
    page: query.page,
    pageSize: query.pageSize,
  });
  return c.json(
    { items: items.map(withActivity), total, page: query.page, pageSize: query.pageSize },
    200,
  );
});

const getRoute = op('staff', 'get /incidents/{id}', {
  summary: 'One incident with its activity',

  responses: { 200: jsonResponse('The incident', incidentWithActivity) },
});
incidentsApi.openapi(getRoute, async (c) => {
  requireStaff(c);
  const incident = await findIncidentById(c.var.deps.db, c.req.valid('param').id);
  if (!incident) throw notFound();
  return c.json(withActivity(incident), 200);
});

const reportedRoute = op('staff', 'post /incidents/{id}/reported', {
  summary: 'Record that a serious accident was reported to the prefecture',
  errors: { 409: ['invalid_transition'] },
  description: '409 when the incident is not serious or was already recorded.',
  body: emptyBody,
  responses: { 200: jsonResponse('The incident', incidentWithActivity) },
});
incidentsApi.openapi(reportedRoute, async (c) => {
  const staff = requireStaff(c);
  const incident = await findIncidentById(c.var.deps.db, c.req.valid('param').id);
  if (!incident) throw notFound();
  await markIncidentReported(c.var.deps, staff, incident.id, c.var.clientAddress);
  return c.json(withActivity((await findIncidentById(c.var.deps.db, incident.id))!), 200);
});
