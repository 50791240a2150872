import { Hono } from 'hono';
import { requireUser } from '../../auth/guards.js';
import type { AppContext, AppDeps, AppEnv, CurrentUser } from '../../context.js';
import { render, renderPage, setFlash, viewContext } from '../../http/render.js';
import { formBody, signedIn } from '../../http/validate.js';
import { tokyoDateOf, tokyoTimeOf } from '../../lib/dates.js';
import { AppError } from '../../lib/errors.js';
import type { Translator } from '../../lib/i18n.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import {
  ReportFormPage,
  ReportNotYetPage,
  ReportReviewPage,
  type ReportFormValues,
  type ReportRequestInfo,
} from '../../../views/pages/activities/report-form.js';
import { getCenterSettings } from '../settings/settings.service.js';
import type { StoredFee } from '../fees/fee-lines.js';
import { feeView, reportRequestInfo } from './activity-views.js';
import {
  correctActivity,
  loadCorrection,
  loadRequestToReport,
  minimumChargeFor,
  openReportForm,
  prepareCorrection,
  prepareReport,
  reportActivity,
} from './activities.service.js';
import {
  blankReportValues,
  correctionForm,
  newReportForm,
  reportFormErrors,
  reportFormValues,
} from './report-form.js';

/** The activity report form (new report and correction), with its confirmation step. */
export const reportPages = new Hono<AppEnv>();

/** The end's Tokyo date when it is not the start's (overnight care), else ''. */
const laterEndDate = (startsAt: string, endsAt: string) =>
  tokyoDateOf(endsAt) === tokyoDateOf(startsAt) ? '' : tokyoDateOf(endsAt);

/** A service error on a form: field problems next to fields, rule problems at the top. */
function formErrorOf(err: unknown, t: Translator): { errors: FormErrors; rule?: string } {
  if (!(err instanceof AppError) || err.status === 404 || err.status === 403) throw err;
  if (err.fields) return { errors: reportFormErrors(err.fields, t) };
  return { errors: {}, rule: t(err.messageKey as 'error.conflict') };
}

/** The safety rules the form states, from settings. */
async function safetyRules(deps: AppDeps) {
  const { carTransportAllowed, handoverTo } = (await getCenterSettings(deps)).requests;
  return { carAllowed: carTransportAllowed, handoverTo };
}

interface ReportPage {
  mode: 'new' | 'edit';
  action: string;
  info: ReportRequestInfo;
  children: { id: string; name: string }[];
  version?: number | undefined;
}

/** What the form and its review step both show: the request, the entered values. */
const pageProps = (c: AppContext, page: ReportPage, values: ReportFormValues) => ({
  ctx: viewContext(c),
  mode: page.mode,
  action: page.action,
  request: page.info,
  requestChildren: page.children,
  values,
  version: page.version,
});

/** The form again: after "back", a failed validation (422) or a refused report. */
async function showForm(
  c: AppContext,
  page: ReportPage,
  values: ReportFormValues,
  errors: FormErrors,
  rule?: string,
  status: 200 | 422 = 422,
) {
  return render(
    c,
    <ReportFormPage
      {...pageProps(c, page, values)}
      errors={errors}
      ruleError={rule}
      {...await safetyRules(c.var.deps)}
    />,
    status,
  );
}

/** The confirmation step: what will be stored, with its fee. */
async function showReview(
  c: AppContext,
  page: ReportPage,
  values: ReportFormValues,
  prepared: { startedAt: Date; endedAt: Date; fee: StoredFee; tableValidFrom: string },
  costs: { transportCost: number; mealCost: number },
) {
  const { startedAt: startsAt, endedAt: endsAt } = prepared;
  const minimum = await minimumChargeFor(c.var.deps, prepared.tableValidFrom, { startsAt, endsAt });
  return render(
    c,
    <ReportReviewPage
      {...pageProps(c, page, values)}
      startedAt={prepared.startedAt.toISOString()}
      endedAt={prepared.endedAt.toISOString()}
      minutes={Math.round((prepared.endedAt.getTime() - prepared.startedAt.getTime()) / 60_000)}
      fee={feeView(c.var.t, prepared.fee, page.children, minimum)}
      transportCost={costs.transportCost}
      mealCost={costs.mealCost}
    />,
  );
}

/** The request of `?request=`, for its assigned helper only. */
async function newReport<T extends Awaited<ReturnType<typeof loadRequestToReport>>>(
  c: AppContext,
  load: (deps: AppDeps, user: CurrentUser, requestId: string) => Promise<T>,
) {
  const requestId = c.req.query('request') ?? '';
  const loaded = await load(c.var.deps, requireUser(c), requestId);
  const { request, children } = loaded;
  const page: ReportPage = {
    mode: 'new',
    action: `/activities/new?request=${request.id}`,
    info: reportRequestInfo(c.var.t, request),
    children,
  };
  return { ...loaded, page };
}

/** The helper's own report still open to correction; `version` is the one the form carries. */
async function correction(c: AppContext, version?: number) {
  const loaded = await loadCorrection(c.var.deps, requireUser(c), c.req.param('id') ?? '');
  const { activity, request, children } = loaded;
  const page: ReportPage = {
    mode: 'edit',
    action: `/activities/${activity.id}/edit`,
    info: reportRequestInfo(c.var.t, request),
    children,
    version: version ?? activity.version,
  };
  return { ...loaded, page };
}

reportPages.get('/activities/new', async (c) => {
  const { request, page, existingId } = await newReport(c, openReportForm);
  if (existingId) return c.redirect(`/activities/${existingId}`, 303);
  // A report describes help that happened: until it has ended, the page says when.
  if (Date.parse(request.ends_at) > c.var.deps.clock.now().getTime())
    return renderPage(c, ReportNotYetPage, { request: page.info });
  const values = blankReportValues({
    date: tokyoDateOf(request.starts_at),
    startTime: tokyoTimeOf(request.starts_at),
    endTime: tokyoTimeOf(request.ends_at),
    endDate: laterEndDate(request.starts_at, request.ends_at),
    children: page.children.map((ch) => ch.id),
    categories: [String(request.category)],
    place: page.info.place ?? '',
    transportCost: '0',
    mealCost: '0',
    notes: '',
  });
  return showForm(c, page, values, {}, undefined, 200);
});

reportPages.post(
  '/activities/new',
  signedIn,
  formBody(newReportForm, async (c, errors, form) =>
    showForm(c, (await newReport(c, loadRequestToReport)).page, reportFormValues(form), errors),
  ),
  async (c) => {
    const user = requireUser(c);
    const deps = c.var.deps;
    const { request, page } = await newReport(c, loadRequestToReport);
    const { step, values, input } = c.req.valid('form');
    if (!input) return showForm(c, page, values, {}, undefined, 200);
    const report = { requestId: request.id, ...input };
    try {
      if (step === 'submit') {
        const id = await reportActivity(deps, user, report, c.var.clientAddress);
        setFlash(c, 'activities.flash.reported');
        return c.redirect(`/activities/${id}`, 303);
      }
      const prepared = await prepareReport(deps, user, report);
      return showReview(c, page, values, prepared, input);
    } catch (err) {
      const { errors, rule } = formErrorOf(err, c.var.t);
      return showForm(c, page, values, errors, rule);
    }
  },
);

reportPages.get('/activities/:id/edit', async (c) => {
  const { activity, reported, page } = await correction(c);
  const values = blankReportValues({
    date: tokyoDateOf(activity.started_at),
    startTime: tokyoTimeOf(activity.started_at),
    endTime: tokyoTimeOf(activity.ended_at),
    endDate: laterEndDate(activity.started_at, activity.ended_at),
    children: reported.childIds,
    categories: reported.categories.map(String),
    place: activity.place ?? '',
    transportCost: String(activity.transport_cost),
    mealCost: String(activity.meal_cost),
    notes: activity.notes ?? '',
  });
  return showForm(c, page, values, {}, activity.return_reason ?? undefined, 200);
});

reportPages.post(
  '/activities/:id/edit',
  signedIn,
  formBody(correctionForm, async (c, errors, form) => {
    const { page } = await correction(c, Number(form.version) || undefined);
    return showForm(c, page, reportFormValues(form), errors);
  }),
  async (c) => {
    const { step, values, version, input } = c.req.valid('form');
    const { activity, viewer, page } = await correction(c, version);
    if (!input) return showForm(c, page, values, {}, undefined, 200);
    const corrected = { ...input, version: page.version };
    try {
      if (step === 'submit') {
        await correctActivity(c.var.deps, viewer, activity, corrected, c.var.clientAddress);
        setFlash(c, 'activities.flash.corrected');
        return c.redirect(`/activities/${activity.id}`, 303);
      }
      const prepared = await prepareCorrection(c.var.deps, viewer, activity, corrected);
      return showReview(c, page, values, prepared, input);
    } catch (err) {
      const { errors, rule } = formErrorOf(err, c.var.t);
      return showForm(c, page, values, errors, rule);
    }
  },
);
