import {
  emptyBody,
  jsonApi,
  jsonResponse,
  listOf,
  operationsOf,
  pageOf,
} from '../../http/api-route.js';
import { notFound } from '../../lib/errors.js';
import { incidentListQuery } from '../activities/activities.schemas.js';
import { markIncidentReported } from '../activities/activities.service.js';
import { incidentRecordBody } from './incidents.schemas.js';
import {
  incidentDetailJson,
  incidentDetailSchema,
  incidentSummaryJson,
  incidentSummarySchema,
} from './incidents.json.js';
import { findIncidentById, listIncidents } from './incidents.queries.js';
import { createIncident, readIncident, updateIncident } from './incidents.service.js';

const api = jsonApi();
/**
 * Near-misses and accidents for staff: the list, one incident (its read audited), recording one
 * on its own, correcting it, and the prefecture report.
 */
export const incidentsApi = api.router;
const op = operationsOf('incidents');

const RECORD_RULES = { 422: ['incident_in_future', 'incident_link_not_found'] };

const listRoute = op('staff', 'get /incidents', {
  summary:
    'Near-misses and accidents, newest first by when they happened; ?serious=1 for those to report to the prefecture',
  description: 'Names, damage, hospital and diagnosis are left out: read one incident for them.',
  query: incidentListQuery,
  responses: { 200: jsonResponse('A page of incidents', listOf(incidentSummarySchema)) },
});
api.openapi(listRoute, async (c) => {
  const query = c.req.valid('query');
  const { items, total } = await listIncidents(c.var.deps.db, {
    serious: query.serious === '1' || query.serious === 'true',
    page: query.page,
    pageSize: query.pageSize,
  });
  return pageOf(query, items.map(incidentSummaryJson), total);
});

const createRoute = op('staff', 'post /incidents', {
  summary:
    'Record a near-miss or accident on its own (linked to one request, activity, training session or event, or none)',
  errors: RECORD_RULES,
  body: incidentRecordBody,
  responses: { 201: jsonResponse('The incident', incidentDetailSchema) },
});
api.openapi(createRoute, async (c, staff) => {
  const id = await createIncident(c.var.deps, staff, c.req.valid('json'), c.var.clientAddress);
  return incidentDetailJson((await findIncidentById(c.var.deps.db, id))!);
});

const getRoute = op('staff', 'get /incidents/{id}', {
  summary: 'One incident with its details (the read is audited)',
  responses: { 200: jsonResponse('The incident', incidentDetailSchema) },
});
api.openapi(getRoute, async (c, staff) => {
  const incident = await readIncident(
    c.var.deps,
    staff,
    c.req.valid('param').id,
    c.var.clientAddress,
  );
  return incidentDetailJson(incident);
});

const updateRoute = op('staff', 'put /incidents/{id}', {
  summary: 'Correct or complete an incident (all fields, as when recording it)',
  errors: RECORD_RULES,
  body: incidentRecordBody,
  responses: { 200: jsonResponse('The incident', incidentDetailSchema) },
});
api.openapi(updateRoute, async (c, staff) => {
  const { id } = c.req.valid('param');
  await updateIncident(c.var.deps, staff, id, c.req.valid('json'), c.var.clientAddress);
  return incidentDetailJson((await findIncidentById(c.var.deps.db, id))!);
});

const reportedRoute = op('staff', 'post /incidents/{id}/reported', {
  summary: 'Record that a serious accident was reported to the prefecture',
  errors: { 409: ['invalid_transition'] },
  description: '409 when the incident is not serious or was already recorded.',
  body: emptyBody,
  responses: { 200: jsonResponse('The incident', incidentDetailSchema) },
});
api.openapi(reportedRoute, async (c, staff) => {
  const incident = await findIncidentById(c.var.deps.db, c.req.valid('param').id);
  if (!incident) throw notFound();
  await markIncidentReported(c.var.deps, staff, incident.id, c.var.clientAddress);
  return incidentDetailJson((await findIncidentById(c.var.deps.db, incident.id))!);
});
