import { jsonApi, jsonResponse, onObject, operationsOf } from '../../http/api-route.js';
import { notFound } from '../../lib/errors.js';
import { findIncidentById } from './incidents.queries.js';
import { seriousChainJson, seriousChainSchema } from './serious-accidents.json.js';
import { seriousStepBody } from './serious-accidents.schemas.js';
import { chainOf, readSeriousChain, recordSeriousStep } from './serious-accidents.service.js';

const api = jsonApi();
/** The reporting chain of serious accidents, for staff (issue #19). */
export const seriousAccidentsApi = api.router;
const op = operationsOf('incidents');

const getRoute = op('staff', 'get /incidents/{id}/serious-report', {
  summary:
    'The reporting chain of a serious accident (center → 市町村 → 都道府県 → 国): each step’s due date and when and by whom it was reported (the read is audited)',
  responses: { 200: jsonResponse('The chain', seriousChainSchema) },
});
api.openapi(getRoute, async (c, staff) => {
  const { deps, id, clientAddress } = onObject(c);
  return seriousChainJson(await readSeriousChain(deps, staff, id, clientAddress));
});

const recordRoute = op('staff', 'post /incidents/{id}/serious-report', {
  summary: 'Record that one step of a serious accident’s reporting chain was reported',
  description:
    '409 when the incident is not a serious accident or the step is recorded already; 422 when the step before it in the chain is not recorded, or the date is before the accident, after today or before the previous step.',
  errors: {
    409: ['incident_not_serious', 'serious_step_recorded'],
    422: ['serious_step_order', 'serious_step_date'],
  },
  body: seriousStepBody,
  responses: { 201: jsonResponse('The chain', seriousChainSchema) },
});
api.openapi(recordRoute, async (c, staff) => {
  const incident = await findIncidentById(c.var.deps.db, c.req.valid('param').id);
  if (!incident) throw notFound();
  await recordSeriousStep(c.var.deps, staff, incident, c.req.valid('json'), c.var.clientAddress);
  return seriousChainJson(await chainOf(c.var.deps, incident));
});
