import { Hono } from 'hono';
import { requireStaff, requireUser } from '../../auth/guards.js';
import { isStaff, type AppContext, type AppDeps, type AppEnv } from '../../context.js';
import { readForm } from '../../http/forms.js';
import { render, setFlash, viewContext } from '../../http/render.js';
import { isValidDateString, tokyoDateOf, tokyoTimeOf } from '../../lib/dates.js';
import { AppError, conflict, notFound } from '../../lib/errors.js';
import type { Translator } from '../../lib/i18n.js';
import { fieldErrors, firstErrors } from '../../lib/validation.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import {
  ActivitiesPage,
  type ActivityListItem,
} from '../../../views/pages/activities/activity-list.js';
import {
  ActivityDetailPage,
  type ActivityDetailProps,
} from '../../../views/pages/activities/activity-detail.js';
import { MissingReportsPage } from '../../../views/pages/activities/missing.js';
import {
  ReportFormPage,
  ReportReviewPage,
  type ReportFormValues,
  type ReportRequestInfo,
} from '../../../views/pages/activities/report-form.js';
import { StatementIndexPage, StatementPage } from '../../../views/pages/activities/statement.js';
import { findMemberById, findMemberByUserId } from '../members/members.queries.js';
import { canViewMember } from '../members/members.policy.js';
import { findRequestById, listRequestChildren } from '../requests/requests.queries.js';
import { getCenterSettings, getReportRules } from '../settings/settings.service.js';
import {
  findActivityByRequestId,
  listActivities,
  listActivityCategories,
  listActivityChildren,
  listAwaitingReport,
  listIncidentsForActivities,
  listMembersWithActivities,
  listMissingReports,
  listReviewQueue,
  listRevisions,
  type ActivityRow,
} from './activities.queries.js';
import { storedFeeOf } from './activities.json.js';
import {
  createActivityBody,
  incidentBody,
  reasonBody,
  type CreateActivityInput,
} from './activities.schemas.js';
import {
  addIncident,
  approveActivity,
  confirmActivity,
  correctActivity,
  disputeActivity,
  loadStatement,
  loadVisibleActivity,
  prepareCorrection,
  prepareReport,
  reportActivity,
  returnActivity,
  type ActivitySnapshot,
} from './activities.service.js';
import { presentFeeLines, parseStoredJson, type StoredFee } from '../fees/fee-lines.js';
import {
  isValidMonth,
  monthOf,
  monthRange,
  nextMonth,
  overdueCutoff,
  previousMonth,
  recentMonths,
  reportDueDate,
} from '../fees/statements.js';

/** Pages of activity reports, their review, statements (利用明細) and missing reports. */
export const activityPages = new Hono<AppEnv>();

const CATEGORIES = Array.from({ length: 12 }, (_, i) => String(i + 1));

// ---------------------------------------------------------------------------------------------
// The report form (new and correction), with its confirmation step.

const normalize = (s: string | undefined) => (s ?? '').normalize('NFKC').trim();

/** '9:30' → '09:30'; seconds dropped. */
function formTime(s: string | undefined): string {
  const v = normalize(s);
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(v);
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : v;
}

/** A yen amount typed on a phone: 「1,200」「¥300」「３００」 → 1200 / 300; empty → 0. */
function formYen(s: string): number {
  const v = normalize(s).replace(/[,¥円\s]/g, '');
  if (v === '') return 0;
  return /^\d+$/.test(v) ? Number(v) : Number.NaN;
}

function readReportForm(form: Record<string, string>, childIds: string[]): ReportFormValues {
  return {
    date: normalize(form.date),
    startTime: formTime(form.startTime),
    endTime: formTime(form.endTime),
    children: childIds.filter((id) => form[`child.${id}`] === 'yes'),
    categories: CATEGORIES.filter((c) => form[`category.${c}`] === 'yes'),
    place: form.place ?? '',
    transportCost: form.transportCost ?? '',
    mealCost: form.mealCost ?? '',
    notes: form.notes ?? '',
    incident: form.incident === 'yes',
    incidentKind: form.incidentKind ?? '',
    incidentSeverity: form.incidentSeverity ?? '',
    incidentSeriousReason: form.incidentSeriousReason ?? '',
    incidentDescription: form.incidentDescription ?? '',
    incidentActionTaken: form.incidentActionTaken ?? '',
    reason: form.reason ?? '',
  };
}

/** API field paths → the form's field names. */
const FORM_FIELD: Record<string, string> = {
  startedAt: 'startTime',
  endedAt: 'endTime',
  childIds: 'child',
  categories: 'category',
  'incident.kind': 'incidentKind',
  'incident.severity': 'incidentSeverity',
  'incident.seriousReason': 'incidentSeriousReason',
  'incident.description': 'incidentDescription',
  'incident.actionTaken': 'incidentActionTaken',
  kind: 'incidentKind',
  severity: 'incidentSeverity',
  seriousReason: 'incidentSeriousReason',
  description: 'incidentDescription',
  actionTaken: 'incidentActionTaken',
};

function toFormErrors(errors: Record<string, string[]>, t: Translator): FormErrors {
  const out: FormErrors = {};
  for (const [path, messages] of Object.entries(errors)) {
    const key =
      FORM_FIELD[path] ?? FORM_FIELD[path.replace(/\.\d+$/, '')] ?? path.replace(/\.\d+$/, '');
    const message = messages[0] ?? '';
    out[key] ??=
      message.includes('.') && !message.includes(' ')
        ? t(message as 'validation.invalid')
        : message;
  }
  return out;
}

function incidentInput(v: ReportFormValues) {
  return {
    kind: v.incidentKind || undefined,
    severity: v.incidentSeverity || undefined,
    seriousReason: v.incidentSeriousReason || null,
    description: v.incidentDescription,
    actionTaken: v.incidentActionTaken,
  };
}

/** The form's values as the API body, or the form's errors. */
function toReportInput(
  t: Translator,
  requestId: string,
  v: ReportFormValues,
): { ok: true; input: CreateActivityInput } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  if (!isValidDateString(v.date)) errors.date = t('validation.date');
  const time = /^([01]\d|2[0-3]):[0-5]\d$/;
  if (!time.test(v.startTime)) errors.startTime = t('validation.time');
  if (!time.test(v.endTime)) errors.endTime = t('validation.time');
  // Checked here too: the schema's own check runs only once every field is valid.
  else if (time.test(v.startTime) && v.endTime <= v.startTime)
    errors.endTime = t('validation.end_after_start');
  const result = createActivityBody.safeParse({
    requestId,
    startedAt: `${isValidDateString(v.date) ? v.date : '2000-01-01'}T${time.test(v.startTime) ? v.startTime : '00:00'}:00+09:00`,
    endedAt: `${isValidDateString(v.date) ? v.date : '2000-01-01'}T${time.test(v.endTime) ? v.endTime : '00:01'}:00+09:00`,
    childIds: v.children,
    categories: v.categories.map(Number),
    place: v.place,
    transportCost: formYen(v.transportCost),
    mealCost: formYen(v.mealCost),
    notes: v.notes,
    ...(v.incident ? { incident: incidentInput(v) } : {}),
  });
  if (!result.success)
    Object.assign(errors, { ...toFormErrors(fieldErrors(result.error, t), t), ...errors });
  if (Object.keys(errors).length > 0 || !result.success) return { ok: false, errors };
  return { ok: true, input: result.data };
}

/** A service error on a form: field problems next to fields, rule problems at the top. */
function formErrorOf(err: unknown, t: Translator): { errors: FormErrors; rule?: string } {
  if (!(err instanceof AppError) || err.status === 404 || err.status === 403) throw err;
  if (err.fields) return { errors: toFormErrors(err.fields, t) };
  return { errors: {}, rule: t(err.messageKey as 'error.conflict') };
}

async function requestInfo(deps: AppDeps, t: Translator, requestId: string, user: { id: string }) {
  const request = await findRequestById(deps.db, requestId);
  // The form is the assigned helper's only.
  if (!request || request.helper_user_id !== user.id) throw notFound();
  const children = await listRequestChildren(deps.db, [request.id]);
  const info: ReportRequestInfo = {
    id: request.id,
    requesterName: request.requester_name,
    plannedStartsAt: request.starts_at,
    plannedEndsAt: request.ends_at,
    category: request.category,
    place: request.care_location_note ?? t(`activities.careLocation.${request.care_location}`),
  };
  return { request, info, children: children.map((c) => ({ id: c.id, name: c.name })) };
}

const carAllowed = async (deps: AppDeps) =>
  (await getCenterSettings(deps)).requests.carTransportAllowed;

activityPages.get('/activities/new', async (c) => {
  const user = requireUser(c);
  const deps = c.var.deps;
  const { request, info, children } = await requestInfo(
    deps,
    c.var.t,
    c.req.query('request') ?? '',
    user,
  );
  const existing = await findActivityByRequestId(deps.db, request.id);
  if (existing) return c.redirect(`/activities/${existing.id}`, 303);
  if (request.status === 'cancelled') throw conflict('request_cancelled', 'rule.request_cancelled');
  const values: ReportFormValues = {
    date: tokyoDateOf(request.starts_at),
    startTime: tokyoTimeOf(request.starts_at),
    endTime: tokyoTimeOf(request.ends_at),
    children: children.map((ch) => ch.id),
    categories: [String(request.category)],
    place: info.place ?? '',
    transportCost: '0',
    mealCost: '0',
    notes: '',
    incident: false,
    incidentKind: '',
    incidentSeverity: '',
    incidentSeriousReason: '',
    incidentDescription: '',
    incidentActionTaken: '',
    reason: '',
  };
  return render(
    c,
    <ReportFormPage
      ctx={viewContext(c)}
      mode="new"
      action={`/activities/new?request=${request.id}`}
      request={info}
      requestChildren={children}
      values={values}
      errors={{}}
      carAllowed={await carAllowed(deps)}
    />,
  );
});

activityPages.post('/activities/new', async (c) => {
  const user = requireUser(c);
  const deps = c.var.deps;
  const t = c.var.t;
  const { request, info, children } = await requestInfo(
    deps,
    t,
    c.req.query('request') ?? '',
    user,
  );
  const form = await readForm(c);
  const values = readReportForm(
    form,
    children.map((ch) => ch.id),
  );
  const action = `/activities/new?request=${request.id}`;
  const showForm = async (errors: FormErrors, rule?: string, status: 200 | 422 = 422) =>
    render(
      c,
      <ReportFormPage
        ctx={viewContext(c)}
        mode="new"
        action={action}
        request={info}
        requestChildren={children}
        values={values}
        errors={errors}
        ruleError={rule}
        carAllowed={await carAllowed(deps)}
      />,
      status,
    );
  if (form.step === 'edit') return showForm({}, undefined, 200);
  const parsed = toReportInput(t, request.id, values);
  if (!parsed.ok) return showForm(parsed.errors);
  if (form.step === 'submit') {
    let id: string;
    try {
      id = await reportActivity(deps, user, parsed.input, c.var.clientAddress);
    } catch (err) {
      const { errors, rule } = formErrorOf(err, t);
      return showForm(errors, rule);
    }
    setFlash(c, 'activities.flash.reported');
    return c.redirect(`/activities/${id}`, 303);
  }
  let prepared: Awaited<ReturnType<typeof prepareReport>>;
  try {
    prepared = await prepareReport(deps, user, parsed.input);
  } catch (err) {
    const { errors, rule } = formErrorOf(err, t);
    return showForm(errors, rule);
  }
  return render(
    c,
    <ReportReviewPage
      ctx={viewContext(c)}
      mode="new"
      action={action}
      request={info}
      requestChildren={children}
      values={values}
      startedAt={prepared.startedAt.toISOString()}
      endedAt={prepared.endedAt.toISOString()}
      minutes={Math.round((prepared.endedAt.getTime() - prepared.startedAt.getTime()) / 60_000)}
      fee={feeView(t, prepared.fee, children)}
      transportCost={parsed.input.transportCost}
      mealCost={parsed.input.mealCost}
    />,
  );
});

function feeView(t: Translator, fee: StoredFee, children: { id: string; name: string }[]) {
  const nameOf = (id: string | null) => children.find((ch) => ch.id === id)?.name ?? '';
  return {
    total: fee.total,
    lines: presentFeeLines(t, fee.lines),
    childTotals: fee.childTotals.map((ct) => ({ name: nameOf(ct.childId), amount: ct.amount })),
  };
}

async function loadOwnActivityForEdit(c: AppContext) {
  const user = requireUser(c);
  const { activity, viewer } = await loadVisibleActivity(c.var.deps, user, c.req.param('id') ?? '');
  if (viewer.kind !== 'helper') throw notFound();
  if (activity.status !== 'reported' && activity.status !== 'returned')
    throw conflict('not_correctable', 'rule.not_correctable');
  const { info, children } = await requestInfo(c.var.deps, c.var.t, activity.request_id, user);
  return { user, activity, viewer, info, children };
}

activityPages.get('/activities/:id/edit', async (c) => {
  const deps = c.var.deps;
  const { activity, info, children } = await loadOwnActivityForEdit(c);
  const [current, categories] = await Promise.all([
    listActivityChildren(deps.db, [activity.id]),
    listActivityCategories(deps.db, [activity.id]),
  ]);
  const values: ReportFormValues = {
    date: tokyoDateOf(activity.started_at),
    startTime: tokyoTimeOf(activity.started_at),
    endTime: tokyoTimeOf(activity.ended_at),
    children: current.map((ch) => ch.id),
    categories: categories.map((x) => String(x.category)),
    place: activity.place ?? '',
    transportCost: String(activity.transport_cost),
    mealCost: String(activity.meal_cost),
    notes: activity.notes ?? '',
    incident: false,
    incidentKind: '',
    incidentSeverity: '',
    incidentSeriousReason: '',
    incidentDescription: '',
    incidentActionTaken: '',
    reason: '',
  };
  return render(
    c,
    <ReportFormPage
      ctx={viewContext(c)}
      mode="edit"
      action={`/activities/${activity.id}/edit`}
      request={info}
      requestChildren={children}
      values={values}
      version={activity.version}
      errors={{}}
      ruleError={activity.return_reason ?? undefined}
      carAllowed={await carAllowed(deps)}
    />,
  );
});

activityPages.post('/activities/:id/edit', async (c) => {
  const deps = c.var.deps;
  const t = c.var.t;
  const { activity, viewer, info, children } = await loadOwnActivityForEdit(c);
  const form = await readForm(c);
  const values = readReportForm(
    form,
    children.map((ch) => ch.id),
  );
  const version = Number(form.version) || activity.version;
  const action = `/activities/${activity.id}/edit`;
  const showForm = async (errors: FormErrors, rule?: string, status: 200 | 422 = 422) =>
    render(
      c,
      <ReportFormPage
        ctx={viewContext(c)}
        mode="edit"
        action={action}
        request={info}
        requestChildren={children}
        values={values}
        version={version}
        errors={errors}
        ruleError={rule}
        carAllowed={await carAllowed(deps)}
      />,
      status,
    );
  if (form.step === 'edit') return showForm({}, undefined, 200);
  const parsed = toReportInput(t, activity.request_id, { ...values, incident: false });
  if (!parsed.ok) return showForm(parsed.errors);
  const reason = values.reason.trim();
  if (reason.length > 500) return showForm({ reason: t('validation.too_long', { max: 500 }) });
  const { requestId: _requestId, incident: _incident, ...fields } = parsed.input;
  const input = { ...fields, reason: reason || null, version };
  if (form.step === 'submit') {
    try {
      await correctActivity(deps, viewer, activity, input, c.var.clientAddress);
    } catch (err) {
      const { errors, rule } = formErrorOf(err, t);
      return showForm(errors, rule);
    }
    setFlash(c, 'activities.flash.corrected');
    return c.redirect(`/activities/${activity.id}`, 303);
  }
  let prepared: Awaited<ReturnType<typeof prepareCorrection>>;
  try {
    prepared = await prepareCorrection(deps, viewer, activity, input);
  } catch (err) {
    const { errors, rule } = formErrorOf(err, t);
    return showForm(errors, rule);
  }
  return render(
    c,
    <ReportReviewPage
      ctx={viewContext(c)}
      mode="edit"
      action={action}
      request={info}
      requestChildren={children}
      values={values}
      version={version}
      startedAt={prepared.startedAt.toISOString()}
      endedAt={prepared.endedAt.toISOString()}
      minutes={Math.round((prepared.endedAt.getTime() - prepared.startedAt.getTime()) / 60_000)}
      fee={feeView(t, prepared.fee, children)}
      transportCost={fields.transportCost}
      mealCost={fields.mealCost}
    />,
  );
});

// ---------------------------------------------------------------------------------------------
// Lists

async function listItems(deps: AppDeps, rows: ActivityRow[]): Promise<ActivityListItem[]> {
  const children = await listActivityChildren(
    deps.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    requesterName: r.requester_name,
    helperName: r.helper_name,
    childNames: children.filter((ch) => ch.activity_id === r.id).map((ch) => ch.name),
    amountDue: r.fee_total + r.transport_cost + r.meal_cost,
  }));
}

activityPages.get('/activities', async (c) => {
  const user = requireUser(c);
  const deps = c.var.deps;
  const page = { page: 1, pageSize: 50 };
  if (isStaff(user)) {
    const { activityReportDueDay } = await getReportRules(deps);
    const [queue, missing] = await Promise.all([
      listReviewQueue(deps.db),
      listMissingReports(deps.db, overdueCutoff(deps.clock.now(), activityReportDueDay)),
    ]);
    return render(
      c,
      <ActivitiesPage
        ctx={viewContext(c)}
        staff={{ queue: await listItems(deps, queue), missingCount: missing.length }}
      />,
    );
  }
  const member = await findMemberByUserId(deps.db, user.id);
  if (!member) return render(c, <ActivitiesPage ctx={viewContext(c)} />);
  let helper;
  let requester;
  if (member.helper_status !== null) {
    const [awaiting, reports] = await Promise.all([
      listAwaitingReport(deps.db, member.id, deps.clock.now().toISOString()),
      listActivities(deps.db, { kind: 'member', memberId: member.id, as: 'helper' }, page),
    ]);
    helper = {
      awaiting: awaiting.map((r) => ({
        requestId: r.id,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        requesterName: r.requester_name,
      })),
      reports: await listItems(deps, reports.items),
    };
  }
  if (member.requester_status !== null) {
    const { items } = await listActivities(
      deps.db,
      { kind: 'member', memberId: member.id, as: 'requester' },
      page,
    );
    const all = await listItems(deps, items);
    requester = {
      toConfirm: all.filter((a) => a.status === 'reported'),
      past: all.filter((a) => a.status !== 'reported'),
    };
  }
  return render(c, <ActivitiesPage ctx={viewContext(c)} helper={helper} requester={requester} />);
});

activityPages.get('/activities/missing', async (c) => {
  requireStaff(c);
  const deps = c.var.deps;
  const { activityReportDueDay } = await getReportRules(deps);
  const rows = await listMissingReports(
    deps.db,
    overdueCutoff(deps.clock.now(), activityReportDueDay),
  );
  return render(
    c,
    <MissingReportsPage
      ctx={viewContext(c)}
      dueDay={activityReportDueDay}
      items={rows.map((r) => ({
        requestId: r.id,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        requesterName: r.requester_name,
        helperName: r.helper_name,
        dueOn: reportDueDate(r.ends_at, activityReportDueDay),
      }))}
    />,
  );
});

// ---------------------------------------------------------------------------------------------
// Detail and review actions

async function renderDetail(
  c: AppContext,
  activity: ActivityRow,
  viewer: ActivityDetailProps['viewer'],
  extra: Pick<ActivityDetailProps, 'errors' | 'form' | 'values'> = {},
  status: 200 | 422 = 200,
) {
  const deps = c.var.deps;
  const t = c.var.t;
  const [children, categories, incidents, revisions] = await Promise.all([
    listActivityChildren(deps.db, [activity.id]),
    listActivityCategories(deps.db, [activity.id]),
    listIncidentsForActivities(deps.db, [activity.id]),
    listRevisions(deps.db, activity.id),
  ]);
  const fee = storedFeeOf(activity);
  return render(
    c,
    <ActivityDetailPage
      ctx={viewContext(c)}
      viewer={viewer}
      activity={{
        id: activity.id,
        status: activity.status,
        version: activity.version,
        requesterId: activity.requester_member_id,
        requesterName: activity.requester_name,
        helperName: activity.helper_name,
        plannedStartsAt: activity.planned_starts_at,
        plannedEndsAt: activity.planned_ends_at,
        startedAt: activity.started_at,
        endedAt: activity.ended_at,
        children: children.map((ch) => ch.name),
        categories: categories.map((x) => x.category),
        place: activity.place,
        notes: activity.notes,
        transportCost: activity.transport_cost,
        mealCost: activity.meal_cost,
        disputeReason: activity.dispute_reason,
        returnReason: activity.return_reason,
        reportedAt: activity.reported_at,
        confirmedAt: activity.confirmed_at,
        approvedAt: activity.approved_at,
        tableValidFrom: activity.fee_table_valid_from,
        fee: feeView(t, { total: activity.fee_total, ...fee }, children),
      }}
      incidents={incidents.map((i) => ({
        id: i.id,
        kind: i.kind,
        severity: i.severity,
        seriousReason: i.serious_reason,
        description: i.description,
        actionTaken: i.action_taken,
        reportedToPrefectureAt: i.reported_to_prefecture_at,
        createdAt: i.created_at,
      }))}
      revisions={revisions.map((r) => {
        const s = parseStoredJson<Partial<ActivitySnapshot>>(r.snapshot, {});
        return {
          version: r.version,
          at: r.at,
          changedByName: r.changed_by_name,
          reason: r.reason,
          startedAt: s.startedAt ?? activity.started_at,
          endedAt: s.endedAt ?? activity.ended_at,
          feeTotal: s.feeTotal ?? 0,
          transportCost: s.transportCost ?? 0,
          mealCost: s.mealCost ?? 0,
          returnReason: s.returnReason ?? null,
          disputeReason: s.disputeReason ?? null,
        };
      })}
      {...extra}
    />,
    status,
  );
}

activityPages.get('/activities/:id', async (c) => {
  const user = requireUser(c);
  const { activity, viewer } = await loadVisibleActivity(c.var.deps, user, c.req.param('id'));
  return renderDetail(c, activity, viewer.kind);
});

const formVersion = (form: Record<string, string>) => {
  const v = Number(form.version);
  return Number.isInteger(v) && v > 0 ? v : undefined;
};

activityPages.post('/activities/:id/confirm', async (c) => {
  const user = requireUser(c);
  const form = await readForm(c);
  const { activity, viewer } = await loadVisibleActivity(c.var.deps, user, c.req.param('id'));
  await confirmActivity(c.var.deps, viewer, activity, formVersion(form), c.var.clientAddress);
  setFlash(c, 'activities.flash.confirmed');
  return c.redirect(`/activities/${activity.id}`, 303);
});

activityPages.post('/activities/:id/dispute', async (c) => {
  const user = requireUser(c);
  const form = await readForm(c);
  const { activity, viewer } = await loadVisibleActivity(c.var.deps, user, c.req.param('id'));
  const parsed = reasonBody.safeParse({ reason: form.reason ?? '' });
  if (!parsed.success) {
    if (viewer.kind !== 'requester') throw notFound();
    return renderDetail(
      c,
      activity,
      viewer.kind,
      {
        form: 'dispute',
        errors: firstErrors(fieldErrors(parsed.error, c.var.t)),
        values: { reason: form.reason ?? '' },
      },
      422,
    );
  }
  await disputeActivity(
    c.var.deps,
    viewer,
    activity,
    parsed.data.reason,
    formVersion(form),
    c.var.clientAddress,
  );
  setFlash(c, 'activities.flash.disputed');
  return c.redirect(`/activities/${activity.id}`, 303);
});

activityPages.post('/activities/:id/approve', async (c) => {
  const staff = requireStaff(c);
  const form = await readForm(c);
  const { activity } = await loadVisibleActivity(c.var.deps, staff, c.req.param('id'));
  await approveActivity(c.var.deps, staff, activity, formVersion(form), c.var.clientAddress);
  setFlash(c, 'activities.flash.approved');
  return c.redirect('/activities', 303);
});

activityPages.post('/activities/:id/return', async (c) => {
  const staff = requireStaff(c);
  const form = await readForm(c);
  const { activity } = await loadVisibleActivity(c.var.deps, staff, c.req.param('id'));
  const parsed = reasonBody.safeParse({ reason: form.reason ?? '' });
  if (!parsed.success)
    return renderDetail(
      c,
      activity,
      'staff',
      {
        form: 'return',
        errors: firstErrors(fieldErrors(parsed.error, c.var.t)),
        values: { reason: form.reason ?? '' },
      },
      422,
    );
  await returnActivity(
    c.var.deps,
    staff,
    activity,
    parsed.data.reason,
    formVersion(form),
    c.var.clientAddress,
  );
  setFlash(c, 'activities.flash.returned');
  return c.redirect('/activities', 303);
});

activityPages.post('/activities/:id/incidents', async (c) => {
  const user = requireUser(c);
  const form = await readForm(c);
  const { activity, viewer } = await loadVisibleActivity(c.var.deps, user, c.req.param('id'));
  if (viewer.kind === 'requester') throw notFound();
  const values = readReportForm(form, []);
  const parsed = incidentBody.safeParse(incidentInput(values));
  if (!parsed.success)
    return renderDetail(
      c,
      activity,
      viewer.kind,
      {
        form: 'incident',
        errors: toFormErrors(fieldErrors(parsed.error, c.var.t), c.var.t),
        values,
      },
      422,
    );
  await addIncident(c.var.deps, viewer, activity, parsed.data, c.var.clientAddress);
  setFlash(c, 'activities.flash.incident');
  return c.redirect(`/activities/${activity.id}`, 303);
});

// ---------------------------------------------------------------------------------------------
// Statements (利用明細)

activityPages.get('/statements', async (c) => {
  const user = requireUser(c);
  const deps = c.var.deps;
  const thisMonth = monthOf(deps.clock.now());
  const months = recentMonths(thisMonth, 13);
  if (isStaff(user)) {
    const requested = c.req.query('month') ?? '';
    const month = isValidMonth(requested) ? requested : thisMonth;
    const range = monthRange(month);
    const [families, helpers] = await Promise.all([
      listMembersWithActivities(deps.db, 'requester', range),
      listMembersWithActivities(deps.db, 'helper', range),
    ]);
    const rows = (list: typeof families) =>
      list.map((r) => ({ id: r.id, name: r.name, count: Number(r.count), fees: Number(r.fees) }));
    return render(
      c,
      <StatementIndexPage
        ctx={viewContext(c)}
        month={month}
        months={months.includes(month) ? months : [month, ...months]}
        families={rows(families)}
        helpers={rows(helpers)}
      />,
    );
  }
  const member = await findMemberByUserId(deps.db, user.id);
  if (!member) throw notFound();
  return render(
    c,
    <StatementIndexPage
      ctx={viewContext(c)}
      month={thisMonth}
      months={months}
      self={{ memberId: member.id }}
    />,
  );
});

activityPages.get('/statements/:memberId/:month', async (c) => {
  const user = requireUser(c);
  const deps = c.var.deps;
  const month = c.req.param('month');
  if (!isValidMonth(month)) throw notFound();
  const member = await findMemberById(deps.db, c.req.param('memberId'));
  if (!member || !canViewMember(user, member)) throw notFound();
  const statement = await loadStatement(deps, member, month);
  const thisMonth = monthOf(deps.clock.now());
  return render(
    c,
    <StatementPage
      ctx={viewContext(c)}
      statement={statement}
      prevHref={`/statements/${member.id}/${previousMonth(month)}`}
      nextHref={month < thisMonth ? `/statements/${member.id}/${nextMonth(month)}` : null}
    />,
  );
});
