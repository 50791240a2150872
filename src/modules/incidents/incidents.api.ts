import { Hono } from 'hono';
import { z } from 'zod';
import { requireStaff } from '../../auth/guards.js';
import type { AppEnv } from '../../context.js';
import { parseQuery, readJson } from '../../http/json.js';
import { toTokyoIso } from '../../lib/dates.js';
import { notFound } from '../../lib/errors.js';
import type { ApiRouteDoc } from '../../lib/openapi.js';
import { findIncidentById, listIncidents, type IncidentRow } from '../activities/activities.queries.js';
import { incidentJson } from '../activities/activities.json.js';
import { incidentListQuery } from '../activities/activities.schemas.js';
import { markIncidentReported } from '../activities/activities.service.js';

/** Near-misses and accidents for staff: the list, one incident, and the prefecture report. */
export const incidentsApi = new Hono<AppEnv>();

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

incidentsApi.get('/incidents', async (c) => {
  requireStaff(c);
  const query = parseQuery(c, incidentListQuery);
  const { items, total } = await listIncidents(c.var.deps.db, {
    serious: query.serious === '1' || query.serious === 'true',
    page: query.page,
    pageSize: query.pageSize,
  });
  return c.json({
    items: items.map(withActivity),
    total,
    page: query.page,
    pageSize: query.pageSize,
  });
});

incidentsApi.get('/incidents/:id', async (c) => {
  requireStaff(c);
  const incident = await findIncidentById(c.var.deps.db, c.req.param('id'));
  if (!incident) throw notFound();
  return c.json(withActivity(incident));
});

incidentsApi.post('/incidents/:id/reported', async (c) => {
  const staff = requireStaff(c);
  await readJson(c, z.object({}).strict());
  const incident = await findIncidentById(c.var.deps.db, c.req.param('id'));
  if (!incident) throw notFound();
  await markIncidentReported(c.var.deps, staff, incident.id, c.var.clientAddress);
  return c.json(withActivity((await findIncidentById(c.var.deps.db, incident.id))!));
});

export const incidentsApiDocs: ApiRouteDoc[] = [
  {
    method: 'get',
    path: '/incidents',
    tag: 'incidents',
    access: 'staff',
    query: incidentListQuery,
    summary:
      'Near-misses and accidents, newest first; ?serious=1 for those to report to the prefecture',
    responses: { 200: 'List of Incident', 401: 'Not signed in', 403: 'Not staff' },
  },
  {
    method: 'get',
    path: '/incidents/{id}',
    tag: 'incidents',
    access: 'staff',
    summary: 'One incident with its activity',
    responses: { 200: 'Incident', 403: 'Not staff', 404: 'Not found' },
  },
  {
    method: 'post',
    path: '/incidents/{id}/reported',
    tag: 'incidents',
    access: 'staff',
    summary: 'Record that a serious accident was reported to the prefecture',
    responses: {
      200: 'Incident',
      403: 'Not staff',
      404: 'Not found',
      409: 'Not serious, or already recorded',
    },
  },
];
