import { Hono } from 'hono';
import { requireOwnMember, requireUser } from '../../auth/guards.js';
import { isStaff, type AppContext, type AppEnv } from '../../context.js';
import { render, setFlash, viewContext } from '../../http/render.js';
import { formBody, signedIn } from '../../http/validate.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import { MyTrainingPage, type SubmitValues } from '../../../views/pages/trainings/my-training.js';
import { ownRecordForm, submitValues } from './record-form.js';
import { redirectUnlessRefused } from '../../http/refusal.js';
import { addRecordsFromForm } from './record-errors.js';
import { loadMyTraining } from './training-pages.service.js';
import { cancelEnrollment, enrollInSession } from './trainings.service.js';
import {
  toModuleView,
  toQualificationView,
  toRecordView,
  toSessionView,
} from './trainings.views.js';

/** The helper's own training page: sign-up for sessions, certificates and exemptions. */
export const myTrainingPages = new Hono<AppEnv>();

async function renderMyTraining(
  c: AppContext,
  options: {
    values?: SubmitValues;
    errors?: FormErrors;
    actionError?: string;
    status?: 200 | 409 | 422;
  } = {},
) {
  const page = await loadMyTraining(c.var.deps, requireUser(c), { member: c.var.member });
  const base = {
    ctx: viewContext(c),
    today: page.today,
    values: options.values ?? {},
    errors: options.errors ?? {},
    actionError: options.actionError,
  };
  if (page.state !== 'ok')
    return render(c, <MyTrainingPage {...base} state={page.state} />, options.status);
  return render(
    c,
    <MyTrainingPage
      {...base}
      state="ok"
      memberId={page.member.id}
      q={toQualificationView(page.q, page.modules)}
      sessions={page.sessions.map(toSessionView)}
      records={page.records.map(toRecordView)}
      modules={page.modules.map(toModuleView)}
    />,
    options.status,
  );
}

myTrainingPages.get('/training', (c) => {
  const user = requireUser(c);
  if (isStaff(user)) return c.redirect('/training/sessions', 303);
  return renderMyTraining(c);
});

/** The signed-in member's own record, for the helper's actions (404 without one). */
function ownMember(c: AppContext) {
  return requireOwnMember(c, { withdrawn: true });
}

myTrainingPages.post('/training/sessions/:id/enroll', async (c) => {
  const { user, member } = ownMember(c);
  return redirectUnlessRefused(
    c,
    '/training',
    async () => {
      const outcome = await enrollInSession(c.var.deps, user, c.req.param('id'), member.id, {
        byStaff: false,
      });
      if (outcome.status === 'enrolled') setFlash(c, 'training.session.enrolledNotice');
      else
        setFlash(c, 'training.session.waitlistedNotice', {
          position: String(outcome.waitlistPosition ?? 1),
        });
    },
    (r) => renderMyTraining(c, r),
  );
});

myTrainingPages.post('/training/sessions/:id/cancel', async (c) => {
  const { user, member } = ownMember(c);
  return redirectUnlessRefused(
    c,
    '/training',
    async () => {
      await cancelEnrollment(c.var.deps, user, c.req.param('id'), member.id, { byStaff: false });
      setFlash(c, 'training.session.cancelledNotice');
    },
    (r) => renderMyTraining(c, r),
  );
});

myTrainingPages.post(
  '/training/records',
  signedIn,
  formBody(ownRecordForm, async (c, errors, form) => {
    ownMember(c);
    return renderMyTraining(c, { values: submitValues(form), errors, status: 422 });
  }),
  async (c) => {
    const { user, member } = ownMember(c);
    const { input, values } = c.req.valid('form');
    const errors = await addRecordsFromForm(c, user, member, input, {
      byStaff: false,
      moduleField: 'moduleId',
    });
    if (errors) return renderMyTraining(c, { values, errors, status: 422 });
    setFlash(c, 'training.my.submitted');
    return c.redirect('/training', 303);
  },
);
