import { requireUser } from '../../auth/guards.js';
import { apiRouter, jsonResponse, operationsOf } from '../../http/api-route.js';
import { notFound } from '../../lib/errors.js';
import { statementQuery } from '../activities/activities.schemas.js';
import { findMemberById } from '../members/members.queries.js';
import { canViewMember } from '../members/members.policy.js';
import { claimJson, claimSchema } from './claims.json.js';
import { computeMonthlyClaim } from './claims.service.js';

/** Monthly claims: the city's fee subsidy and 無償化 (issue #18 point 5). */
export const claimsApi = apiRouter();
const op = operationsOf('claims');

const claimRoute = op('signed-in', 'get /members/{id}/claim', {
  summary:
    "A family's claim for a month (staff, self): 無償化 per child and the city's fee subsidy, each counted line and each excluded line with its reason",
  query: statementQuery,
  responses: { 200: jsonResponse('The claim', claimSchema) },
});
claimsApi.openapi(claimRoute, async (c) => {
  const user = requireUser(c);
  const member = await findMemberById(c.var.deps.db, c.req.valid('param').id);
  if (!member || member.requester_status === null || !canViewMember(user, member)) throw notFound();
  const claim = await computeMonthlyClaim(c.var.deps, member.id, c.req.valid('query').month);
  return c.json(claimJson(claim), 200);
});
