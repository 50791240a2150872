import { z } from 'zod';
import { notFound } from '../../lib/errors.js';
import { jsonApi, jsonResponse, operationsOf } from '../../http/api-route.js';
import { listHelpCategoryCodesInUse } from './categories.queries.js';
import { helpCategoryBody } from './categories.schemas.js';
import { helpCategoryJson, helpCategorySchema } from './categories.json.js';
import {
  deleteHelpCategory,
  listHelpCategories,
  updateHelpCategory,
} from './categories.service.js';

const api = jsonApi();
/** Help categories (援助内容, issue #19 point 4): names, order, flags, national survey mapping. */
export const categoriesApi = api.router;
const op = operationsOf('help-categories');

const listSchema = z.object({ items: z.array(helpCategorySchema) });
/** The code of `{id}`; anything else is no category (404). */
const codeOf = (id: string): number => {
  const code = /^(?:[1-9]|1[0-2])$/.test(id) ? Number(id) : NaN;
  if (Number.isNaN(code)) throw notFound();
  return code;
};

const listRoute = op('staff', 'get /help-categories', {
  summary: 'The help categories (援助内容) in display order, with their flags and national mapping',
  responses: { 200: jsonResponse('The categories', listSchema) },
});
api.openapi(listRoute, async (c) => {
  const [cats, inUse] = await Promise.all([
    listHelpCategories(c.var.deps.db),
    listHelpCategoryCodesInUse(c.var.deps.db),
  ]);
  return { items: cats.map((x) => helpCategoryJson(x, inUse.has(x.code))) };
});

const putRoute = op('admin', 'put /help-categories/{id}', {
  summary:
    'Change a category: names, order, active, transport-only and sick-child flags, national category',
  description:
    'An inactive category cannot be chosen for new requests; requests, activities and reports that already use it keep it.',
  errors: { 400: ['invalid_input'], 404: ['not_found'] },
  body: helpCategoryBody,
  responses: { 200: jsonResponse('The category after the change', helpCategorySchema) },
});
api.openapi(putRoute, async (c, admin) => {
  const code = codeOf(c.req.valid('param').id);
  const deps = c.var.deps;
  const after = await updateHelpCategory(
    deps,
    admin,
    code,
    c.req.valid('json'),
    c.var.clientAddress,
  );
  const inUse = await listHelpCategoryCodesInUse(deps.db);
  return helpCategoryJson(after, inUse.has(code));
});

const deleteRoute = op('admin', 'delete /help-categories/{id}', {
  summary: 'Delete a category no request or activity uses (one in use can only be deactivated)',
  errors: { 400: ['invalid_input'], 404: ['not_found'], 409: ['category_in_use'] },
  responses: { 200: jsonResponse('The categories after the change', listSchema) },
});
api.openapi(deleteRoute, async (c, admin) => {
  const code = codeOf(c.req.valid('param').id);
  const deps = c.var.deps;
  await deleteHelpCategory(deps, admin, code, c.var.clientAddress);
  const [cats, inUse] = await Promise.all([
    listHelpCategories(deps.db),
    listHelpCategoryCodesInUse(deps.db),
  ]);
  return { items: cats.map((x) => helpCategoryJson(x, inUse.has(x.code))) };
});
