import { Hono } from 'hono';
import { z } from 'zod';
import { requireAdmin, requireStaff, requireUser } from '../../auth/guards.js';
import { isStaff, type AppContext, type AppEnv } from '../../context.js';
import { readForm, validateForm } from '../../http/forms.js';
import { render, setFlash, viewContext } from '../../http/render.js';
import { isValidDateString, tokyoDateOf } from '../../lib/dates.js';
import { AppError, notFound, unprocessable } from '../../lib/errors.js';
import { isMessageKey } from '../../lib/i18n.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import { CertificatePage } from '../../../views/pages/trainings/certificate.js';
import {
  CurriculumPage,
  type ModuleFormValues,
} from '../../../views/pages/trainings/curriculum.js';
import {
  HELPER_FILTERS,
  HelpersPage,
  HelperTrainingPage,
  type HelperFilter,
  type RecordFormValues,
} from '../../../views/pages/trainings/helpers.js';
import { MyTrainingPage, type SubmitValues } from '../../../views/pages/trainings/my-training.js';
import { PendingRecordsPage } from '../../../views/pages/trainings/pending.js';
import { SessionPage, type SheetRow } from '../../../views/pages/trainings/session.js';
import { SessionsPage, type SessionFormValues } from '../../../views/pages/trainings/sessions.js';
import { normalizeKana } from '../members/member-rules.js';
import {
  findMemberById,
  findMemberByUserId,
  type MemberWithEmail,
} from '../members/members.queries.js';
import { canViewMember } from '../members/members.policy.js';
import {
  getQualifications,
  listHelperQualifications,
  loadCurriculum,
} from './qualification.service.js';
import { currentFiscalYearPeriod, trainingSummary } from './training-summary.js';
import {
  countPendingRecords,
  listEnrollableHelpers,
  listMemberRecords,
  listModules,
  listRecordsByStatus,
  listAttendeesWithoutEnrollment,
  listSessionAttendance,
  listSessionEnrollments,
} from './trainings.queries.js';
import { MODULE_KINDS, moduleBody, RECORD_SOURCES, sessionBody } from './trainings.schemas.js';
import {
  addTrainingRecords,
  cancelEnrollment,
  createModule,
  enrollInSession,
  listSessionsWithModules,
  loadDefaultCurriculum,
  loadSession,
  recordAttendance,
  reviewTrainingRecord,
  scheduleSession,
  todayIn,
} from './trainings.service.js';
import {
  toModuleView,
  toQualificationView,
  toRecordView,
  toSessionView,
} from './trainings.views.js';

export const trainingPages = new Hono<AppEnv>();

type Form = Record<string, string>;

/** Full-width digits, colons and spaces (１０：００) become ASCII; surrounding spaces go. */
const normalize = (s: string | undefined) => (s ?? '').normalize('NFKC').trim();

/** The ids ticked in a group of checkboxes named `<prefix>.<id>`. */
const tickedIds = (form: Form, prefix: string) =>
  Object.keys(form)
    .filter((k) => k.startsWith(`${prefix}.`))
    .map((k) => k.slice(prefix.length + 1));

/** A refused action (409/422) becomes a message on the page; anything else propagates. */
function refusal(c: AppContext, err: unknown): { status: 409 | 422; message: string } | null {
  if (err instanceof AppError && (err.status === 409 || err.status === 422)) {
    const key = isMessageKey(err.messageKey) ? err.messageKey : 'error.conflict';
    return { status: err.status, message: c.var.t(key) };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The helper's page

async function renderMyTraining(
  c: AppContext,
  options: {
    values?: SubmitValues;
    errors?: FormErrors;
    actionError?: string;
    status?: 200 | 409 | 422;
  } = {},
) {
  const user = requireUser(c);
  const deps = c.var.deps;
  const today = todayIn(deps);
  const base = {
    ctx: viewContext(c),
    today,
    values: options.values ?? {},
    errors: options.errors ?? {},
    actionError: options.actionError,
  };
  const member = await findMemberByUserId(deps.db, user.id);
  if (!member) return render(c, <MyTrainingPage {...base} state="no_member" />, options.status);
  if (member.helper_status === null)
    return render(c, <MyTrainingPage {...base} state="not_helper" />, options.status);
  const now = deps.clock.now().toISOString();
  const [{ rows: modules }, q, sessions, records] = await Promise.all([
    loadCurriculum(deps),
    getQualifications(deps, member.id, today),
    listSessionsWithModules(deps, { fromIso: now }, member.id),
    listMemberRecords(deps.db, member.id),
  ]);
  return render(
    c,
    <MyTrainingPage
      {...base}
      state="ok"
      memberId={member.id}
      q={toQualificationView(q!, modules)}
      sessions={sessions.filter((s) => s.session.starts_at > now).map(toSessionView)}
      records={records.map(toRecordView)}
      modules={modules.map(toModuleView)}
    />,
    options.status,
  );
}

trainingPages.get('/training', (c) => {
  const user = requireUser(c);
  if (isStaff(user)) return c.redirect('/training/sessions', 303);
  return renderMyTraining(c);
});

/** The signed-in member's own record, for the helper's actions (404 without one). */
async function ownMember(c: AppContext) {
  const user = requireUser(c);
  const member = await findMemberByUserId(c.var.deps.db, user.id);
  if (!member) throw notFound();
  return { user, member };
}

trainingPages.post('/training/sessions/:id/enroll', async (c) => {
  const { user, member } = await ownMember(c);
  try {
    const outcome = await enrollInSession(c.var.deps, user, c.req.param('id'), member.id, {
      byStaff: false,
    });
    if (outcome.status === 'enrolled') setFlash(c, 'training.session.enrolledNotice');
    else
      setFlash(c, 'training.session.waitlistedNotice', {
        position: String(outcome.waitlistPosition ?? 1),
      });
  } catch (err) {
    const r = refusal(c, err);
    if (!r) throw err;
    return renderMyTraining(c, { actionError: r.message, status: r.status });
  }
  return c.redirect('/training', 303);
});

trainingPages.post('/training/sessions/:id/cancel', async (c) => {
  const { user, member } = await ownMember(c);
  try {
    await cancelEnrollment(c.var.deps, user, c.req.param('id'), member.id, { byStaff: false });
  } catch (err) {
    const r = refusal(c, err);
    if (!r) throw err;
    return renderMyTraining(c, { actionError: r.message, status: r.status });
  }
  setFlash(c, 'training.session.cancelledNotice');
  return c.redirect('/training', 303);
});

const recordFormSchema = z.object({
  completedOn: z.string().trim().refine(isValidDateString, 'validation.date'),
  source: z.enum(RECORD_SOURCES),
  note: z.string().trim().min(1).max(500),
});

/** A certificate date in the future is a field problem on the form. */
function recordServiceErrors(c: AppContext, err: unknown, moduleField: string): FormErrors | null {
  if (!(err instanceof AppError)) return null;
  if (err.code === 'completed_in_future')
    return { completedOn: c.var.t('training.rule.completed_in_future') };
  if (err.code === 'unknown_module')
    return { [moduleField]: c.var.t('training.rule.unknown_module') };
  return null;
}

trainingPages.post('/training/records', async (c) => {
  const { user, member } = await ownMember(c);
  const form = await readForm(c);
  const values: SubmitValues = {
    moduleId: form.moduleId ?? '',
    completedOn: normalize(form.completedOn),
    source: form.source ?? '',
    note: form.note ?? '',
  };
  const parsed = validateForm(c, recordFormSchema, values);
  const errors: FormErrors = parsed.ok ? {} : { ...parsed.errors };
  if (!values.moduleId) errors.moduleId = c.var.t('validation.choice');
  if (!parsed.ok || Object.keys(errors).length > 0)
    return renderMyTraining(c, { values, errors, status: 422 });
  try {
    await addTrainingRecords(
      c.var.deps,
      user,
      member,
      { ...parsed.data, moduleIds: [values.moduleId!] },
      { byStaff: false, clientAddress: c.var.clientAddress },
    );
  } catch (err) {
    const fieldErrors = recordServiceErrors(c, err, 'moduleId');
    if (fieldErrors) return renderMyTraining(c, { values, errors: fieldErrors, status: 422 });
    throw err;
  }
  setFlash(c, 'training.my.submitted');
  return c.redirect('/training', 303);
});

// ---------------------------------------------------------------------------------------------
// Staff: sessions

const PAST_DAYS = 90;

async function renderSessions(
  c: AppContext,
  options: { values?: SessionFormValues; errors?: FormErrors; status?: 200 | 422 } = {},
) {
  const deps = c.var.deps;
  const now = deps.clock.now();
  const since = new Date(now.getTime() - PAST_DAYS * 86_400_000).toISOString();
  const period = currentFiscalYearPeriod(deps);
  const [sessions, { rows: modules }, summary, pendingCount] = await Promise.all([
    listSessionsWithModules(deps, { fromIso: since }),
    loadCurriculum(deps),
    trainingSummary(deps, period.from, period.to),
    countPendingRecords(deps.db),
  ]);
  const nowIso = now.toISOString();
  const views = sessions.map(toSessionView);
  return render(
    c,
    <SessionsPage
      ctx={viewContext(c)}
      upcoming={views.filter((s) => s.endsAt >= nowIso)}
      past={views.filter((s) => s.endsAt < nowIso).reverse()}
      modules={modules.map(toModuleView)}
      summary={{
        from: summary.from,
        to: summary.to,
        sessionsHeld: summary.sessionsHeld,
        hoursDelivered: summary.hoursDelivered,
        attendances: summary.attendances,
        attendeeHours: summary.attendeeHours,
        newlyQualified: summary.newlyQualified.length,
      }}
      pendingCount={pendingCount}
      values={options.values ?? {}}
      errors={options.errors ?? {}}
    />,
    options.status,
  );
}

trainingPages.get('/training/sessions', (c) => {
  requireStaff(c);
  return renderSessions(c);
});

const TIME = /^([01]?\d|2[0-3]):[0-5]\d$/;
const padTime = (v: string) => (/^\d:/.test(v) ? `0${v}` : v);

trainingPages.post('/training/sessions', async (c) => {
  const staff = requireStaff(c);
  const form = await readForm(c);
  const values: SessionFormValues = {
    date: normalize(form.date),
    startTime: padTime(normalize(form.startTime)),
    endTime: padTime(normalize(form.endTime)),
    venue: form.venue ?? '',
    instructor: form.instructor ?? '',
    capacity: normalize(form.capacity),
    notes: form.notes ?? '',
    moduleIds: tickedIds(form, 'moduleIds'),
  };
  const t = c.var.t;
  const errors: FormErrors = {};
  if (!values.date) errors.date = t('validation.required');
  else if (!isValidDateString(values.date)) errors.date = t('validation.date');
  for (const field of ['startTime', 'endTime'] as const) {
    if (!values[field]) errors[field] = t('validation.required');
    else if (!TIME.test(values[field])) errors[field] = t('training.validation.time');
  }
  if (!values.capacity) errors.capacity = t('validation.required');
  else if (!/^\d+$/.test(values.capacity)) errors.capacity = t('training.validation.number');
  const candidate = {
    moduleIds: values.moduleIds,
    startsAt: `${values.date}T${values.startTime}:00+09:00`,
    endsAt: `${values.date}T${values.endTime}:00+09:00`,
    venue: values.venue,
    capacity: Number(values.capacity),
    instructor: values.instructor,
    notes: values.notes,
  };
  const parsed = validateForm(c, sessionBody, candidate);
  if (!parsed.ok) {
    const rename: Record<string, keyof SessionFormValues> = {
      startsAt: 'startTime',
      endsAt: 'endTime',
    };
    for (const [k, v] of Object.entries(parsed.errors)) {
      const field = rename[k] ?? k;
      errors[field] ??= v;
    }
  }
  if (!parsed.ok || Object.keys(errors).length > 0)
    return renderSessions(c, { values, errors, status: 422 });
  let id: string;
  try {
    id = (await scheduleSession(c.var.deps, staff, parsed.data)).id;
  } catch (err) {
    if (err instanceof AppError && err.code === 'unknown_module')
      return renderSessions(c, {
        values,
        errors: { moduleIds: t('training.rule.unknown_module') },
        status: 422,
      });
    throw err;
  }
  setFlash(c, 'training.sessions.created');
  return c.redirect(`/training/sessions/${id}`, 303);
});

async function renderSession(
  c: AppContext,
  sessionId: string,
  options: { actionError?: string; status?: 200 | 409 | 422 } = {},
) {
  const deps = c.var.deps;
  const { session, modules } = await loadSession(deps, sessionId);
  const [enrollments, walkIns, attendance, candidates, pendingCount] = await Promise.all([
    listSessionEnrollments(deps.db, sessionId),
    listAttendeesWithoutEnrollment(deps.db, sessionId),
    listSessionAttendance(deps.db, sessionId),
    listEnrollableHelpers(deps.db, sessionId),
    countPendingRecords(deps.db),
  ]);
  let waitlistPlace = 0;
  const rows: SheetRow[] = [
    ...enrollments.map((e) => ({
      memberId: e.member_id,
      name: e.name,
      memberNo: e.member_no,
      state: e.status === 'enrolled' ? ('enrolled' as const) : ('waitlisted' as const),
      waitlistPosition: e.status === 'waitlisted' ? ++waitlistPlace : null,
    })),
    ...walkIns.map((w) => ({
      memberId: w.member_id,
      name: w.name,
      memberNo: w.member_no,
      state: 'walk_in' as const,
      waitlistPosition: null,
    })),
  ];
  return render(
    c,
    <SessionPage
      ctx={viewContext(c)}
      session={toSessionView({ session, modules })}
      rows={rows}
      attended={new Set(attendance.map((a) => `${a.member_id}:${a.module_id}`))}
      candidates={candidates.map((h) => ({ id: h.id, name: h.name, memberNo: h.member_no }))}
      canRecord={tokyoDateOf(session.starts_at) <= todayIn(deps)}
      cancelled={session.cancelled_at !== null}
      pendingCount={pendingCount}
      actionError={options.actionError}
    />,
    options.status,
  );
}

trainingPages.get('/training/sessions/:id', (c) => {
  requireStaff(c);
  return renderSession(c, c.req.param('id'));
});

/** The member named in a staff form, or a 422 on the page when it is missing or unknown. */
async function formMember(c: AppContext, form: Form): Promise<MemberWithEmail | undefined> {
  const id = form.memberId ?? '';
  return id ? findMemberById(c.var.deps.db, id) : undefined;
}

trainingPages.post('/training/sessions/:id/enrollments', async (c) => {
  const staff = requireStaff(c);
  const sessionId = c.req.param('id');
  const member = await formMember(c, await readForm(c));
  if (!member)
    return renderSession(c, sessionId, {
      actionError: c.var.t('validation.choice'),
      status: 422,
    });
  try {
    const outcome = await enrollInSession(c.var.deps, staff, sessionId, member.id, {
      byStaff: true,
    });
    setFlash(
      c,
      outcome.status === 'enrolled'
        ? 'training.session.addedNotice'
        : 'training.session.addedWaitlistNotice',
      { name: member.name },
    );
  } catch (err) {
    const r = refusal(c, err);
    if (!r) throw err;
    return renderSession(c, sessionId, { actionError: r.message, status: r.status });
  }
  return c.redirect(`/training/sessions/${sessionId}`, 303);
});

trainingPages.post('/training/sessions/:id/enrollments/cancel', async (c) => {
  const staff = requireStaff(c);
  const sessionId = c.req.param('id');
  const member = await formMember(c, await readForm(c));
  if (!member) throw notFound();
  try {
    const { promotedMemberId } = await cancelEnrollment(c.var.deps, staff, sessionId, member.id, {
      byStaff: true,
    });
    const promoted = promotedMemberId
      ? await findMemberById(c.var.deps.db, promotedMemberId)
      : undefined;
    if (promoted)
      setFlash(c, 'training.session.promotedNotice', {
        name: member.name,
        promoted: promoted.name,
      });
    else setFlash(c, 'training.session.cancelledFor', { name: member.name });
  } catch (err) {
    const r = refusal(c, err);
    if (!r) throw err;
    return renderSession(c, sessionId, { actionError: r.message, status: r.status });
  }
  return c.redirect(`/training/sessions/${sessionId}`, 303);
});

trainingPages.post('/training/sessions/:id/attendance', async (c) => {
  const staff = requireStaff(c);
  const sessionId = c.req.param('id');
  const form = await readForm(c);
  // Every row of the sheet sends member.<id>; the ticked cells send att.<memberId>.<moduleId>.
  const ticked = new Map<string, string[]>(tickedIds(form, 'member').map((id) => [id, []]));
  for (const key of tickedIds(form, 'att')) {
    const [memberId, moduleId] = key.split('.');
    if (memberId && moduleId) ticked.set(memberId, [...(ticked.get(memberId) ?? []), moduleId]);
  }
  let attendees: number;
  try {
    ({ attendees } = await recordAttendance(
      c.var.deps,
      staff,
      sessionId,
      {
        attendees: [...ticked].map(([memberId, moduleIds]) => ({
          memberId,
          attended: moduleIds.length > 0,
          moduleIds,
        })),
      },
      c.var.clientAddress,
    ));
  } catch (err) {
    const r = refusal(c, err);
    if (!r) throw err;
    return renderSession(c, sessionId, { actionError: r.message, status: r.status });
  }
  setFlash(c, 'training.attendance.saved', { count: String(attendees) });
  return c.redirect(`/training/sessions/${sessionId}`, 303);
});

// ---------------------------------------------------------------------------------------------
// Staff: helpers

trainingPages.get('/training/helpers', async (c) => {
  requireStaff(c);
  const deps = c.var.deps;
  const today = todayIn(deps);
  const statusParam = c.req.query('status') ?? '';
  const status = (HELPER_FILTERS as readonly string[]).includes(statusParam)
    ? (statusParam as HelperFilter)
    : '';
  const query = normalize(c.req.query('q')).slice(0, 100);
  const [{ rows: modules }, helpers, pendingCount] = await Promise.all([
    loadCurriculum(deps),
    listHelperQualifications(deps, today),
    countPendingRecords(deps.db),
  ]);
  const all = helpers
    .filter((h) => h.helperStatus !== 'withdrawn')
    .map((h) => ({
      memberId: h.memberId,
      name: h.name,
      nameKana: h.nameKana,
      memberNo: h.memberNo,
      q: toQualificationView(h.qualifications, modules),
    }));
  const counts = {
    eligible: all.filter((r) => r.q.status === 'eligible').length,
    in_training: all.filter((r) => r.q.status === 'in_training').length,
    expiring: all.filter((r) => r.q.expiring.length > 0).length,
    lapsed: all.filter((r) => r.q.status === 'lapsed').length,
  };
  const kana = normalizeKana(query).replace(/\s/g, '');
  const rows = all.filter(
    (r) =>
      (status === '' ||
        (status === 'expiring' ? r.q.expiring.length > 0 : r.q.status === status)) &&
      (query === '' ||
        r.name.includes(query) ||
        (kana !== '' && r.nameKana.replace(/\s/g, '').includes(kana))),
  );
  return render(
    c,
    <HelpersPage
      ctx={viewContext(c)}
      rows={rows}
      counts={counts}
      filter={{ status, q: query }}
      pendingCount={pendingCount}
    />,
  );
});

async function renderHelper(
  c: AppContext,
  memberId: string,
  options: { values?: RecordFormValues; errors?: FormErrors; status?: 200 | 422 } = {},
) {
  const deps = c.var.deps;
  const member = await findMemberById(deps.db, memberId);
  if (!member || member.helper_status === null) throw notFound();
  const today = todayIn(deps);
  const [{ rows: modules }, q, records, pendingCount] = await Promise.all([
    loadCurriculum(deps),
    getQualifications(deps, member.id, today),
    listMemberRecords(deps.db, member.id),
    countPendingRecords(deps.db),
  ]);
  return render(
    c,
    <HelperTrainingPage
      ctx={viewContext(c)}
      member={{ id: member.id, name: member.name, memberNo: member.member_no }}
      q={toQualificationView(q!, modules)}
      records={records.map(toRecordView)}
      modules={modules.map(toModuleView)}
      today={today}
      pendingCount={pendingCount}
      values={options.values ?? {}}
      errors={options.errors ?? {}}
    />,
    options.status,
  );
}

trainingPages.get('/training/helpers/:id', (c) => {
  requireStaff(c);
  return renderHelper(c, c.req.param('id'));
});

trainingPages.post('/training/helpers/:id/records', async (c) => {
  const staff = requireStaff(c);
  const member = await findMemberById(c.var.deps.db, c.req.param('id'));
  if (!member || member.helper_status === null) throw notFound();
  const form = await readForm(c);
  const values: RecordFormValues = {
    moduleIds: tickedIds(form, 'moduleIds'),
    completedOn: normalize(form.completedOn),
    source: form.source ?? '',
    note: form.note ?? '',
  };
  const parsed = validateForm(c, recordFormSchema, values);
  const errors: FormErrors = parsed.ok ? {} : { ...parsed.errors };
  if (values.moduleIds!.length === 0)
    errors.moduleIds = c.var.t('training.validation.modulesRequired');
  if (!parsed.ok || Object.keys(errors).length > 0)
    return renderHelper(c, member.id, { values, errors, status: 422 });
  try {
    await addTrainingRecords(
      c.var.deps,
      staff,
      member,
      { ...parsed.data, moduleIds: values.moduleIds! },
      { byStaff: true, clientAddress: c.var.clientAddress },
    );
  } catch (err) {
    const fieldErrors = recordServiceErrors(c, err, 'moduleIds');
    if (fieldErrors)
      return renderHelper(c, member.id, { values, errors: fieldErrors, status: 422 });
    throw err;
  }
  setFlash(c, 'training.helper.recorded', { count: String(values.moduleIds!.length) });
  return c.redirect(`/training/helpers/${member.id}`, 303);
});

// ---------------------------------------------------------------------------------------------
// Staff: submissions to review

async function renderPending(
  c: AppContext,
  options: { actionError?: string; status?: 200 | 409 } = {},
) {
  const rows = await listRecordsByStatus(c.var.deps.db, 'pending');
  return render(
    c,
    <PendingRecordsPage
      ctx={viewContext(c)}
      items={rows.map((r) => ({
        ...toRecordView(r),
        memberId: r.member_id,
        memberName: r.member_name,
        memberNo: r.member_no,
        createdAt: r.created_at,
      }))}
      actionError={options.actionError}
    />,
    options.status,
  );
}

trainingPages.get('/training/records/pending', (c) => {
  requireStaff(c);
  return renderPending(c);
});

trainingPages.post('/training/records/:id/review', async (c) => {
  const staff = requireStaff(c);
  const form = await readForm(c);
  const decision =
    form.decision === 'approve' ? 'approved' : form.decision === 'reject' ? 'rejected' : null;
  if (!decision) throw unprocessable('invalid_decision', 'validation.choice');
  const note = (form.note ?? '').trim().slice(0, 500) || null;
  try {
    await reviewTrainingRecord(
      c.var.deps,
      staff,
      c.req.param('id'),
      decision,
      note,
      c.var.clientAddress,
    );
  } catch (err) {
    const r = refusal(c, err);
    if (!r || r.status !== 409) throw err;
    return renderPending(c, { actionError: r.message, status: 409 });
  }
  setFlash(c, decision === 'approved' ? 'training.pending.approved' : 'training.pending.rejected');
  return c.redirect('/training/records/pending', 303);
});

// ---------------------------------------------------------------------------------------------
// Curriculum

async function renderCurriculum(
  c: AppContext,
  options: { values?: ModuleFormValues; errors?: FormErrors; status?: 200 | 422 } = {},
) {
  const user = requireStaff(c);
  const [modules, pendingCount] = await Promise.all([
    listModules(c.var.deps.db),
    countPendingRecords(c.var.deps.db),
  ]);
  return render(
    c,
    <CurriculumPage
      ctx={viewContext(c)}
      modules={modules.map((m) => ({
        ...toModuleView(m),
        sortOrder: m.sort_order,
        validityMode: m.validity_mode,
        validityMonths: m.validity_months,
        active: m.active === 1,
      }))}
      isAdmin={user.role === 'admin'}
      pendingCount={pendingCount}
      values={options.values ?? {}}
      errors={options.errors ?? {}}
    />,
    options.status,
  );
}

trainingPages.get('/training/curriculum', (c) => renderCurriculum(c));

trainingPages.post('/training/curriculum/load-defaults', async (c) => {
  const admin = requireAdmin(c);
  const { added } = await loadDefaultCurriculum(c.var.deps, admin);
  if (added > 0) setFlash(c, 'training.curriculum.loaded', { count: String(added) });
  else setFlash(c, 'training.curriculum.nothingToLoad');
  return c.redirect('/training/curriculum', 303);
});

trainingPages.post('/training/curriculum', async (c) => {
  const admin = requireAdmin(c);
  const form = await readForm(c);
  const values: ModuleFormValues = {
    code: normalize(form.code),
    titleJa: form.titleJa ?? '',
    titleEn: form.titleEn ?? '',
    hours: normalize(form.hours),
    kind: form.kind ?? '',
    validityMode: form.validityMode ?? 'months',
    validityMonths: normalize(form.validityMonths),
  };
  const t = c.var.t;
  const errors: FormErrors = {};
  const hours = Number(values.hours);
  if (!values.hours) errors.hours = t('validation.required');
  else if (!Number.isFinite(hours)) errors.hours = t('training.validation.number');
  const months = values.validityMonths === '' ? null : Number(values.validityMonths);
  if (months !== null && !Number.isInteger(months))
    errors.validityMonths = t('training.validation.number');
  const parsed = validateForm(c, moduleBody, {
    code: values.code,
    title: { ja: values.titleJa, en: values.titleEn },
    hours,
    kind: (MODULE_KINDS as readonly string[]).includes(values.kind ?? '') ? values.kind : undefined,
    validityMonths: months,
    validityMode: values.validityMode,
  });
  if (!parsed.ok) {
    for (const [k, v] of Object.entries(parsed.errors)) {
      const field = k === 'title.ja' ? 'titleJa' : k === 'title.en' ? 'titleEn' : k;
      errors[field] ??= v;
    }
  }
  if (!parsed.ok || Object.keys(errors).length > 0)
    return renderCurriculum(c, { values, errors, status: 422 });
  try {
    await createModule(c.var.deps, admin, parsed.data);
  } catch (err) {
    if (err instanceof AppError && err.code === 'code_taken')
      return renderCurriculum(c, {
        values,
        errors: { code: t('training.rule.code_taken') },
        status: 422,
      });
    throw err;
  }
  setFlash(c, 'training.curriculum.added', {
    title: c.var.locale === 'ja' ? values.titleJa! : values.titleEn!,
  });
  return c.redirect('/training/curriculum', 303);
});

// ---------------------------------------------------------------------------------------------
// Certificate of completion

trainingPages.get('/members/:id/certificate', async (c) => {
  const user = requireUser(c);
  const deps = c.var.deps;
  const member = await findMemberById(deps.db, c.req.param('id'));
  if (!member || !canViewMember(user, member) || member.helper_status === null) throw notFound();
  const today = todayIn(deps);
  const [{ rows: modules }, q, records] = await Promise.all([
    loadCurriculum(deps),
    getQualifications(deps, member.id, today),
    listMemberRecords(deps.db, member.id),
  ]);
  if (!q?.basicCompletedOn)
    throw unprocessable('basic_course_incomplete', 'training.certificate.incomplete');
  // Each basic module with its first approved completion (what the course was completed by).
  const basic = modules.filter((m) => m.kind === 'basic');
  const lines = basic.flatMap((m) => {
    const first = records
      .filter((r) => r.module_id === m.id && r.status === 'approved' && r.completed_on <= today)
      .sort((a, b) => (a.completed_on < b.completed_on ? -1 : 1))[0];
    return first
      ? [
          {
            module: toModuleView(m),
            completedOn: first.completed_on,
            exempt: first.source === 'exemption',
          },
        ]
      : [];
  });
  return render(
    c,
    <CertificatePage
      ctx={viewContext(c)}
      member={{ name: member.name, memberNo: member.member_no }}
      modules={lines}
      completedOn={q.basicCompletedOn}
      issuedOn={today}
    />,
  );
});
