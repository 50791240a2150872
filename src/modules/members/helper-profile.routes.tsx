import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../../context.js';
import { renderPage, setFlash } from '../../http/render.js';
import { formBody } from '../../http/validate.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import {
  HelperProfilePage,
  type HelperProfileValues,
} from '../../../views/pages/members/helper-profile.js';
import { getCenterSettings } from '../settings/settings.service.js';
import { helperFormValues, helperProfileForm, helperValues } from './helper-profile-form.js';
import { formRefusedOr, ownHelper, ownHelperOnly } from './member-pages.js';
import { saveHelperProfile } from './my-page.service.js';

/** マイページ: the helper's profile (areas, kinds of help, ages, household). */
export const helperProfilePages = new Hono<AppEnv>();

async function helperPage(
  c: AppContext,
  values: HelperProfileValues,
  errors: FormErrors,
  ruleError?: string,
  status: 200 | 409 | 422 = 200,
) {
  const settings = await getCenterSettings(c.var.deps);
  return renderPage(
    c,
    HelperProfilePage,
    { areas: settings.areas, values, errors, ruleError },
    status,
  );
}

helperProfilePages.get('/my/helper-profile', async (c) => {
  const { member } = await ownHelper(c);
  return helperPage(c, helperValues(member), {});
});

helperProfilePages.post(
  '/my/helper-profile',
  ownHelperOnly,
  formBody(helperProfileForm, (c, errors, values) =>
    helperPage(c, helperFormValues(values), errors, undefined, 422),
  ),
  async (c) => {
    const { user, member } = await ownHelper(c);
    const { patch, values } = c.req.valid('form');
    const refused = await formRefusedOr(
      c,
      () => saveHelperProfile(c.var.deps, user, member, patch, c.var.clientAddress),
      (shown) => helperPage(c, values, shown.errors, shown.rule, shown.status),
    );
    if (refused) return refused;
    setFlash(c, 'my.helper.saved');
    return c.redirect('/my', 303);
  },
);
