import { Hono } from 'hono';
import { requireStaff } from '../../auth/guards.js';
import { setSessionCookie } from '../../auth/session.middleware.js';
import type { AppContext, AppEnv, CurrentUser } from '../../context.js';
import { renderPage, setFlash } from '../../http/render.js';
import { formBody, staffOnly } from '../../http/validate.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import { ApplicationFormPage } from '../../../views/pages/members/application-form.js';
import { getCenterSettings } from '../settings/settings.service.js';
import {
  applicationForm,
  applicationValues,
  toSlotNames,
  type ApplicationForm,
} from './application-form.js';
import type { FormValues } from './form-issues.js';
import { notSignedIn, resultOrFormError } from './member-pages.js';
import type { MemberWithEmail } from './members.queries.js';
import { applyForMembership } from './members.service.js';

/** The application: /apply (public) and /members/new (staff entering one on paper's behalf). */
export const applicationPages = new Hono<AppEnv>();

type Mode = 'self' | 'staff';

async function applicationPage(
  c: AppContext,
  mode: Mode,
  values: FormValues,
  errors: FormErrors,
  ruleError?: string,
  status: 200 | 409 | 422 = 200,
) {
  const settings = await getCenterSettings(c.var.deps);
  return renderPage(
    c,
    ApplicationFormPage,
    {
      mode,
      action: mode === 'staff' ? '/members/new' : '/apply',
      values,
      errors,
      ruleError,
      areas: settings.areas,
      labels: settings.labels,
      consent: settings.consent,
      minChildDays: settings.eligibility.requesterChildMinAgeDays,
    },
    status,
  );
}

const applicationBody = (mode: Mode) =>
  formBody(applicationForm, (c, errors, values) =>
    applicationPage(c, mode, applicationValues(values), errors, undefined, 422),
  );

/** Submits a validated application; a Response when the service refused it. */
async function submit(
  c: AppContext,
  mode: Mode,
  form: ApplicationForm,
  enteredBy: CurrentUser | null,
): Promise<MemberWithEmail | Response> {
  return resultOrFormError(
    c,
    () => applyForMembership(c.var.deps, form.input, enteredBy, c.var.clientAddress),
    (shown) => {
      const errors = toSlotNames(shown.errors, form.childSlots, form.contactSlots);
      return applicationPage(c, mode, form.values, errors, shown.rule, shown.status);
    },
  );
}

applicationPages.get('/apply', notSignedIn, (c) => {
  const kind = c.req.query('kind');
  const values: FormValues =
    kind === 'requester' || kind === 'helper' || kind === 'both' ? { kind } : {};
  return applicationPage(c, 'self', values, {});
});

applicationPages.post('/apply', notSignedIn, applicationBody('self'), async (c) => {
  const result = await submit(c, 'self', c.req.valid('form'), null);
  if (result instanceof Response) return result;
  // The applicant is signed in at once, to book an orientation straight away.
  const session = await c.var.lucia.createSession(result.user_id, { role: 'member' });
  setSessionCookie(c, session.id);
  setFlash(c, `apply.done.${result.kind}`);
  return c.redirect('/my/orientations', 303);
});

applicationPages.get('/members/new', staffOnly, (c) => applicationPage(c, 'staff', {}, {}));

applicationPages.post('/members/new', staffOnly, applicationBody('staff'), async (c) => {
  const staff = requireStaff(c);
  const result = await submit(c, 'staff', c.req.valid('form'), staff);
  if (result instanceof Response) return result;
  setFlash(c, 'apply.staffDone', { name: result.name });
  return c.redirect(`/members/${result.id}`, 303);
});
