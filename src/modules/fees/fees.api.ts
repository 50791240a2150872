import { jsonApi, jsonResponse, listOf, operationsOf, wholeList } from '../../http/api-route.js';
import { notFound } from '../../lib/errors.js';
import { feeQuoteSchema, statementJson, statementSchema } from '../activities/activities.json.js';
import { feeQuoteBody, statementQuery } from '../activities/activities.schemas.js';
import { loadStatement, quoteActivityFee } from '../activities/activities.service.js';
import { statementMoneyJson, statementMoneySchema } from '../claims/claims.json.js';
import { loadMonthMoney } from '../claims/claims.service.js';
import { findMemberById } from '../members/members.queries.js';
import { canViewMember } from '../members/members.policy.js';
import { getCenterSettings } from '../settings/settings.service.js';
import { feeTableListSchema } from './fee-table.js';

const api = jsonApi();
/** Fee quotes, the fee tables and the monthly statements. */
export const feesApi = api.router;
const op = operationsOf('fees');
const statementsOp = operationsOf('statements');

const quoteRoute = op('signed-in', 'post /fees/quote', {
  summary: 'What an activity would cost, with the fee table valid on its date',
  description:
    'Labels are in the caller’s language; line amounts are exact (a sibling’s half unit may ' +
    'carry ¥0.5), per-child totals are rounded half up.',
  errors: { 422: ['no_fee_table'] },
  body: feeQuoteBody,
  responses: { 200: jsonResponse('The quote', feeQuoteSchema) },
});
api.openapi(quoteRoute, (c) => quoteActivityFee(c.var.deps, c.var.t, c.req.valid('json')));

const tablesRoute = op('signed-in', 'get /fees/tables', {
  summary:
    'The fee tables with their valid-from dates, newest first (edit through PUT /settings `fees`)',
  responses: {
    200: jsonResponse('The fee tables', listOf(feeTableListSchema.element)),
  },
});
api.openapi(tablesRoute, async (c) => {
  const { fees } = await getCenterSettings(c.var.deps);
  const items = [...fees].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  return wholeList(items);
});

const statementRoute = statementsOp('signed-in', 'get /members/{id}/statement', {
  summary:
    'Monthly statement (staff, self): requester per child (reimbursable care for 3–5-year-olds, other care, transport-only) + costs + cancellation fees; helper summary. Approved activities only',
  description:
    '`money` (a family only): the payment of each activity and cancellation fee, and the ' +
    'subsidy and 無償化 amounts the family can claim for the month (as the monthly claim).',
  query: statementQuery,
  responses: {
    200: jsonResponse(
      'The statement',
      statementSchema.extend({ money: statementMoneySchema.nullable() }),
    ),
  },
});
api.openapi(statementRoute, async (c, user) => {
  const { month } = c.req.valid('query');
  const member = await findMemberById(c.var.deps.db, c.req.valid('param').id);
  if (!member || !canViewMember(user, member)) throw notFound();
  const [statement, money] = await Promise.all([
    loadStatement(c.var.deps, member, month),
    member.requester_status === null ? null : loadMonthMoney(c.var.deps, member.id, month),
  ]);
  return { ...statementJson(statement), money: money && statementMoneyJson(money) };
});
