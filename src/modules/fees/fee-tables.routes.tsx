import { Hono } from 'hono';
import { requireAdmin } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import { datedVersionPosts } from '../../http/dated-version-posts.js';
import { renderPage } from '../../http/render.js';
import { tokyoDateOf } from '../../lib/dates.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import {
  FEE_FORM_FIELDS,
  FeeTablesPage,
  type FeeTableFormValues,
} from '../../../views/pages/activities/fee-tables.js';
import { getCenterSettings } from '../settings/settings.service.js';
import { feeTableForm, valuesOf } from './fee-table-form.js';
import { addFeeTable, deleteFeeTable } from '../settings/fee-tables.service.js';

/**
 * Admin: 報酬基準 (fee tables) under /settings/fees. Tables are the `fees` settings section; a
 * new one is added with its valid-from date and never changes fees already stored with
 * activities. A table that is not in force yet may be deleted (it cannot have priced anything:
 * activities are reported after they happen).
 */
export const feeTablePages = new Hono<AppEnv>();

/** The submitted form as the page shows it again. */
const feeTableFormValues = (form: Record<string, string>): FeeTableFormValues =>
  Object.fromEntries(FEE_FORM_FIELDS.map((f) => [f, form[f] ?? '']));

async function page(
  c: AppContext,
  values: FeeTableFormValues,
  errors: FormErrors,
  status: 200 | 422 = 200,
) {
  const { fees } = await getCenterSettings(c.var.deps);
  return renderPage(
    c,
    FeeTablesPage,
    { tables: fees, today: tokyoDateOf(c.var.deps.clock.now()), values, errors },
    status,
  );
}

feeTablePages.get('/settings/fees', async (c) => {
  requireAdmin(c);
  const { fees } = await getCenterSettings(c.var.deps);
  const latest = [...fees].sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0]!;
  return page(c, valuesOf(latest), {});
});

datedVersionPosts(feeTablePages, {
  page: '/settings/fees',
  versions: 'tables',
  form: feeTableForm,
  rerender: (c, form, errors) => page(c, feeTableFormValues(form), errors, 422),
  add: addFeeTable,
  remove: deleteFeeTable,
  messages: {
    duplicate: 'feeTables.duplicate',
    added: 'feeTables.added',
    deleted: 'feeTables.deleted',
  },
});
