import { Hono } from 'hono';
import { requireAdmin } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import { renderPage, setFlash } from '../../http/render.js';
import { adminOnly, formBody } from '../../http/validate.js';
import { notFound } from '../../lib/errors.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import {
  HelpCategoriesPage,
  HelpCategoryEditPage,
} from '../../../views/pages/categories/help-categories.js';
import { findHelpCategory, listHelpCategoryCodesInUse } from './categories.queries.js';
import {
  deleteHelpCategory,
  listHelpCategories,
  updateHelpCategory,
} from './categories.service.js';
import {
  helpCategoryForm,
  helpCategoryValuesOf,
  type HelpCategoryFormValues,
} from './categories-form.js';

/**
 * Admin: help categories (援助内容, issue #19 point 4) at /help-categories: names, order,
 * whether they can be chosen, the transport-only and sick-child flags, the national survey
 * category. A code some request or activity uses can only be deactivated, not deleted.
 */
export const categoryPages = new Hono<AppEnv>();

const codeOf = (c: AppContext): number => {
  const id = c.req.param('code') ?? '';
  if (!/^(?:[1-9]|1[0-2])$/.test(id)) throw notFound();
  return Number(id);
};

categoryPages.get('/help-categories', async (c) => {
  requireAdmin(c);
  const db = c.var.deps.db;
  const [categories, inUse] = await Promise.all([
    listHelpCategories(db),
    listHelpCategoryCodesInUse(db),
  ]);
  return renderPage(c, HelpCategoriesPage, { categories, inUse: [...inUse] });
});

async function editPage(
  c: AppContext,
  code: number,
  values: HelpCategoryFormValues | null,
  errors: FormErrors,
  status: 200 | 422 = 200,
) {
  const db = c.var.deps.db;
  const [category, inUse] = await Promise.all([
    findHelpCategory(db, code),
    listHelpCategoryCodesInUse(db),
  ]);
  if (!category) throw notFound();
  return renderPage(
    c,
    HelpCategoryEditPage,
    { category, inUse: inUse.has(code), values: values ?? helpCategoryValuesOf(category), errors },
    status,
  );
}

categoryPages.get('/help-categories/:code', (c) => {
  requireAdmin(c);
  return editPage(c, codeOf(c), null, {});
});

categoryPages.post(
  '/help-categories/:code',
  adminOnly,
  formBody(helpCategoryForm, (c, errors, form) => editPage(c, codeOf(c), form, errors, 422)),
  async (c) => {
    const admin = requireAdmin(c);
    const code = codeOf(c);
    const { input } = c.req.valid('form');
    await updateHelpCategory(c.var.deps, admin, code, input, c.var.clientAddress);
    setFlash(c, 'helpCategories.saved', { code: String(code) });
    return c.redirect('/help-categories', 303);
  },
);

categoryPages.post('/help-categories/:code/delete', async (c) => {
  const admin = requireAdmin(c);
  const code = codeOf(c);
  await deleteHelpCategory(c.var.deps, admin, code, c.var.clientAddress);
  setFlash(c, 'helpCategories.deleted', { code: String(code) });
  return c.redirect('/help-categories', 303);
});
