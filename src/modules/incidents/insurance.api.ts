import { z } from 'zod';
import { jsonApi, jsonResponse, onObject, operationsOf } from '../../http/api-route.js';
import { tokyoDateOf } from '../../lib/dates.js';
import { notFound } from '../../lib/errors.js';
import type { AppContext } from '../../context.js';
import { insuranceCaseJson, insuranceCaseSchema } from './insurance.json.js';
import { findInsuranceCase, listCases, type InsuranceCaseRow } from './insurance.queries.js';
import { caseListQuery, caseUpdateBody, closeCaseBody, openCaseBody } from './insurance.schemas.js';
import {
  caseFacts,
  closeInsuranceCase,
  getInsuranceSettings,
  openInsuranceCase,
  updateInsuranceCase,
} from './insurance.service.js';

const api = jsonApi();
/** Insurance cases of accidents, for staff (issue #19). */
export const insuranceApi = api.router;
const op = operationsOf('incidents');

async function toJson(c: AppContext, rows: InsuranceCaseRow[]) {
  const { warnDays } = await getInsuranceSettings(c.var.deps);
  const today = tokyoDateOf(c.var.deps.clock.now());
  return rows.map((r) => insuranceCaseJson(r, caseFacts(r, today, warnDays)));
}

async function one(c: AppContext, id: string) {
  return (await toJson(c, [(await findInsuranceCase(c.var.deps.db, id))!]))[0]!;
}

const listRoute = op('staff', 'get /insurance-cases', {
  summary: 'Insurance cases: open ones by claim deadline (default), or the latest closed ones',
  query: caseListQuery,
  responses: {
    200: jsonResponse('The cases', z.object({ items: z.array(insuranceCaseSchema) })),
  },
});
api.openapi(listRoute, async (c) => {
  const rows = await listCases(c.var.deps.db, c.req.valid('query').state);
  return { items: await toJson(c, rows) };
});

const getRoute = op('staff', 'get /insurance-cases/{id}', {
  summary: 'One insurance case',
  responses: { 200: jsonResponse('The case', insuranceCaseSchema) },
});
api.openapi(getRoute, async (c) => {
  const row = await findInsuranceCase(c.var.deps.db, c.req.valid('param').id);
  if (!row) throw notFound();
  return (await toJson(c, [row]))[0]!;
});

const openRoute = op('staff', 'post /incidents/{id}/insurance-cases', {
  summary: 'Open an insurance case for an accident, for one cover of the insurance setting',
  errors: {
    409: ['insurance_case_exists'],
    422: ['insurance_near_miss', 'insurance_unknown_cover'],
  },
  body: openCaseBody,
  responses: { 201: jsonResponse('The case', insuranceCaseSchema) },
});
api.openapi(openRoute, async (c, staff) => {
  const { deps, id, clientAddress } = onObject(c);
  const { cover } = c.req.valid('json');
  return one(c, await openInsuranceCase(deps, staff, id, cover, clientAddress));
});

const updateRoute = op('staff', 'put /insurance-cases/{id}', {
  summary: 'Record the claim’s progress: insurer notified, documents sent, amount paid, note',
  errors: { 409: ['insurance_case_closed'] },
  body: caseUpdateBody,
  responses: { 200: jsonResponse('The case', insuranceCaseSchema) },
});
api.openapi(updateRoute, async (c, staff) => {
  const { id } = c.req.valid('param');
  await updateInsuranceCase(c.var.deps, staff, id, c.req.valid('json'), c.var.clientAddress);
  return one(c, id);
});

const closeRoute = op('staff', 'post /insurance-cases/{id}/close', {
  summary: 'Close an insurance case',
  errors: { 409: ['insurance_case_closed'], 422: ['insurance_close_date'] },
  description: '422 when the date is after today or before the accident.',
  body: closeCaseBody,
  responses: { 200: jsonResponse('The case', insuranceCaseSchema) },
});
api.openapi(closeRoute, async (c, staff) => {
  const { id } = c.req.valid('param');
  await closeInsuranceCase(
    c.var.deps,
    staff,
    id,
    c.req.valid('json').closedOn,
    c.var.clientAddress,
  );
  return one(c, id);
});
