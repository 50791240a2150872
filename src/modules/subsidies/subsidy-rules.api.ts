import { z } from 'zod';
import { jsonApi, jsonResponse, operationsOf } from '../../http/api-route.js';
import { getCenterSettings } from '../settings/settings.service.js';
import { addSubsidyRules, deleteSubsidyRules } from '../settings/subsidy-rules.service.js';
import { subsidyRuleSetSchema, type SubsidyRuleSet } from '../settings/subsidy-rules.js';

const api = jsonApi();
/** Subsidy rules (issue #18 point 4): also editable as the `subsidies` section of PUT /settings. */
export const subsidyRulesApi = api.router;
const op = operationsOf('subsidies');

const listSchema = z.object({ items: z.array(subsidyRuleSetSchema) });
const newestFirst = (sets: SubsidyRuleSet[]) => ({
  items: [...sets].sort((a, b) => b.validFrom.localeCompare(a.validFrom)),
});

const listRoute = op('signed-in', 'get /subsidies/rules', {
  summary: 'The subsidy and 無償化 rule sets with their valid-from dates, newest first',
  responses: { 200: jsonResponse('The rule sets', listSchema) },
});
api.openapi(listRoute, async (c) => {
  const { subsidies } = await getCenterSettings(c.var.deps);
  return newestFirst(subsidies);
});

const addRoute = op('admin', 'post /subsidies/rules', {
  summary: 'Add a rule set applying from its valid-from date (every category, 無償化 caps)',
  errors: { 409: ['duplicate'] },
  body: subsidyRuleSetSchema,
  responses: { 201: jsonResponse('The rule sets after the change', listSchema) },
});
api.openapi(addRoute, async (c, admin) => {
  const sets = await addSubsidyRules(c.var.deps, admin, c.req.valid('json'), c.var.clientAddress);
  return newestFirst(sets);
});

const deleteRoute = op('admin', 'delete /subsidies/rules/{validFrom}', {
  summary: 'Delete a rule set that is not in force yet',
  errors: { 400: ['invalid_input'], 404: ['not_found'], 409: ['rules_in_use'] },
  request: { params: z.object({ validFrom: z.string().max(10) }) },
  responses: { 200: jsonResponse('The rule sets after the change', listSchema) },
});
api.openapi(deleteRoute, async (c, admin) => {
  const { validFrom } = c.req.valid('param');
  const sets = await deleteSubsidyRules(c.var.deps, admin, validFrom, c.var.clientAddress);
  return newestFirst(sets);
});
