import { z } from 'zod';
import { jsonApi, jsonResponse, onObject, operationsOf } from '../../http/api-route.js';
import { notFound } from '../../lib/errors.js';
import { statementQuery } from '../activities/activities.schemas.js';
import { findMemberById } from '../members/members.queries.js';
import { canViewMember } from '../members/members.policy.js';
import {
  claimJson,
  claimRecordJson,
  claimRecordSchema,
  claimSchema,
  ledgerJson,
  ledgerSchema,
} from './claims.json.js';
import { listClaimsOfMember } from './claims.queries.js';
import { claimDecisionBody, ledgerPeriod, ledgerQuery, submitClaimBody } from './claims.schemas.js';
import { tokyoDateOf } from '../../lib/dates.js';
import { computeMonthlyClaim, decideClaim, loadLedger, submitClaim } from './claims.service.js';

const api = jsonApi();
/** Monthly claims: the city's fee subsidy and 無償化 (issue #18 point 5). */
export const claimsApi = api.router;
const op = operationsOf('claims');

const claimRoute = op('signed-in', 'get /members/{id}/claim', {
  summary:
    "A family's claim for a month (staff, self): 無償化 per child and the city's fee subsidy, each counted line and each excluded line with its reason",
  query: statementQuery,
  responses: { 200: jsonResponse('The claim', claimSchema) },
});
api.openapi(claimRoute, async (c, user) => {
  const member = await findMemberById(c.var.deps.db, c.req.valid('param').id);
  if (!member || member.requester_status === null || !canViewMember(user, member)) throw notFound();
  const claim = await computeMonthlyClaim(c.var.deps, member.id, c.req.valid('query').month);
  return claimJson(claim);
});

const recordResponse = (status: string) => jsonResponse(status, claimRecordSchema);

const listRoute = op('signed-in', 'get /members/{id}/claims', {
  summary: "A family's submitted claims and the city's decisions (staff, self), newest month first",
  responses: { 200: jsonResponse('The claims', z.object({ items: z.array(claimRecordSchema) })) },
});
api.openapi(listRoute, async (c, user) => {
  const member = await findMemberById(c.var.deps.db, c.req.valid('param').id);
  if (!member || member.requester_status === null || !canViewMember(user, member)) throw notFound();
  const rows = await listClaimsOfMember(c.var.deps.db, member.id);
  return { items: rows.map(claimRecordJson) };
});

const submitRoute = op('staff', 'post /members/{id}/claims', {
  summary: 'Submit the claim of a past month under one scheme (the computed amount is kept)',
  errors: {
    404: ['not_found'],
    409: ['claim_exists'],
    422: ['claim_month_not_over', 'nothing_to_claim'],
  },
  body: submitClaimBody,
  responses: { 201: recordResponse('The submitted claim') },
});
api.openapi(submitRoute, async (c, staff) => {
  const { deps, id, clientAddress } = onObject(c);
  return claimRecordJson(await submitClaim(deps, staff, id, c.req.valid('json'), clientAddress));
});

const DECISION_ERRORS = {
  404: ['not_found'],
  409: ['claim_state'],
  422: ['claim_date_in_future', 'claim_amount_too_high'],
};
for (const [step, summary] of [
  ['approve', 'Record that the city approved a submitted claim (amount, date)'],
  ['pay', 'Record that the city paid an approved claim (amount, date)'],
] as const) {
  const route = op('staff', `post /claims/{id}/${step}`, {
    summary,
    errors: DECISION_ERRORS,
    body: claimDecisionBody,
    responses: { 200: recordResponse('The claim') },
  });
  api.openapi(route, async (c, staff) => {
    const { deps, id, clientAddress } = onObject(c);
    const row = await decideClaim(deps, staff, id, step, c.req.valid('json'), clientAddress);
    return claimRecordJson(row);
  });
}

const ledgerRoute = op('staff', 'get /claims/ledger', {
  summary:
    'The city ledger of a month (?month=YYYY-MM) or a fiscal year (?fiscalYear=2026): every claim and the totals by category',
  query: ledgerQuery,
  responses: { 200: jsonResponse('The ledger', ledgerSchema) },
});
api.openapi(ledgerRoute, async (c) => {
  const period = ledgerPeriod(c.req.valid('query'), tokyoDateOf(c.var.deps.clock.now()));
  return ledgerJson(await loadLedger(c.var.deps, period));
});
