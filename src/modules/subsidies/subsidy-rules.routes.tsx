import { Hono } from 'hono';
import { requireAdmin } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import { datedVersionPosts } from '../../http/dated-version-posts.js';
import { renderPage } from '../../http/render.js';
import { tokyoDateOf } from '../../lib/dates.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import { SubsidyRulesPage } from '../../../views/pages/subsidies/subsidy-rules.js';
import { getCenterSettings } from '../settings/settings.service.js';
import { addSubsidyRules, deleteSubsidyRules } from '../settings/subsidy-rules.service.js';
import {
  subsidyRulesForm,
  subsidyRulesValuesOf,
  type SubsidyRulesFormValues,
} from './subsidy-rules-form.js';

/**
 * Admin: subsidy rules (issue #18 point 4) under /settings/subsidies. Like the fee tables, a
 * rule set applies from its date; one not in force yet may be deleted.
 */
export const subsidyRulePages = new Hono<AppEnv>();

async function page(
  c: AppContext,
  values: SubsidyRulesFormValues | null,
  errors: FormErrors,
  status: 200 | 422 = 200,
) {
  const { subsidies } = await getCenterSettings(c.var.deps);
  const latest = [...subsidies].sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0]!;
  return renderPage(
    c,
    SubsidyRulesPage,
    {
      sets: subsidies,
      today: tokyoDateOf(c.var.deps.clock.now()),
      values: values ?? subsidyRulesValuesOf(latest),
      errors,
    },
    status,
  );
}

subsidyRulePages.get('/settings/subsidies', (c) => {
  requireAdmin(c);
  return page(c, null, {});
});

datedVersionPosts(subsidyRulePages, {
  page: '/settings/subsidies',
  versions: 'rules',
  form: subsidyRulesForm,
  rerender: (c, form, errors) => page(c, form, errors, 422),
  add: addSubsidyRules,
  remove: deleteSubsidyRules,
  messages: {
    duplicate: 'subsidyRules.duplicate',
    added: 'subsidyRules.added',
    deleted: 'subsidyRules.deleted',
  },
});
