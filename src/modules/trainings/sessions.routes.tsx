import { Hono } from 'hono';
import { requireStaff } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import { acceptsAnyForm } from '../../http/form-fields.js';
import { formPosts } from '../../http/form-posts.js';
import { renderPage, setFlash } from '../../http/render.js';
import { staffOnly } from '../../http/validate.js';
import { notFound } from '../../lib/errors.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import { SessionPage, type SheetRow } from '../../../views/pages/trainings/session.js';
import { SessionsPage, type SessionFormValues } from '../../../views/pages/trainings/sessions.js';
import { findMemberById } from '../members/members.queries.js';
import { fieldRefusal, redirectUnlessRefused } from '../../http/refusal.js';
import { attendanceForm, memberPickForm, sessionForm, sessionFormValues } from './session-form.js';
import { loadSessionSheet, loadSessionsOverview } from './training-pages.service.js';
import {
  cancelEnrollment,
  enrollInSession,
  recordAttendance,
  scheduleSession,
} from './trainings.service.js';
import { toModuleView, toSessionView } from './trainings.views.js';

/** Staff: training sessions, their sheets (enrolment, waitlist, walk-ins) and attendance. */
export const sessionPages = new Hono<AppEnv>();

async function renderSessions(
  c: AppContext,
  options: { values?: SessionFormValues; errors?: FormErrors; status?: 200 | 422 } = {},
) {
  const { now, sessions, modules, summary, pendingCount } = await loadSessionsOverview(c.var.deps);
  const views = sessions.map(toSessionView);
  return renderPage(
    c,
    SessionsPage,
    {
      upcoming: views.filter((s) => s.endsAt >= now),
      past: views.filter((s) => s.endsAt < now).reverse(),
      modules: modules.map(toModuleView),
      summary: {
        from: summary.from,
        to: summary.to,
        sessionsHeld: summary.sessionsHeld,
        hoursDelivered: summary.hoursDelivered,
        attendances: summary.attendances,
        attendeeHours: summary.attendeeHours,
        newlyQualified: summary.newlyQualified.length,
      },
      pendingCount,
      values: options.values ?? {},
      errors: options.errors ?? {},
    },
    options.status,
  );
}

sessionPages.get('/training/sessions', (c) => {
  requireStaff(c);
  return renderSessions(c);
});

formPosts(sessionPages, [staffOnly], requireStaff)(
  '/training/sessions',
  sessionForm,
  (c, errors, form) => renderSessions(c, { values: sessionFormValues(form), errors, status: 422 }),
  async (c, staff, { input, values }) => {
    let id: string;
    try {
      id = (await scheduleSession(c.var.deps, staff, input)).id;
    } catch (err) {
      const errors = fieldRefusal(c, err, {
        unknown_module: ['moduleIds', 'training.rule.unknown_module'],
      });
      if (!errors) throw err;
      return renderSessions(c, { values, errors, status: 422 });
    }
    setFlash(c, 'training.sessions.created');
    return c.redirect(`/training/sessions/${id}`, 303);
  },
);

async function renderSession(
  c: AppContext,
  sessionId: string,
  options: { actionError?: string; status?: 200 | 409 | 422 } = {},
) {
  const sheet = await loadSessionSheet(c.var.deps, sessionId);
  let waitlistPlace = 0;
  const rows: SheetRow[] = [
    ...sheet.enrollments.map((e) => ({
      memberId: e.member_id,
      name: e.name,
      memberNo: e.member_no,
      state: e.status === 'enrolled' ? ('enrolled' as const) : ('waitlisted' as const),
      waitlistPosition: e.status === 'waitlisted' ? ++waitlistPlace : null,
    })),
    ...sheet.walkIns.map((w) => ({
      memberId: w.member_id,
      name: w.name,
      memberNo: w.member_no,
      state: 'walk_in' as const,
      waitlistPosition: null,
    })),
  ];
  return renderPage(
    c,
    SessionPage,
    {
      session: toSessionView({ session: sheet.session, modules: sheet.modules }),
      rows,
      attended: new Set(sheet.attendance.map((a) => `${a.member_id}:${a.module_id}`)),
      candidates: sheet.candidates.map((h) => ({ id: h.id, name: h.name, memberNo: h.member_no })),
      canRecord: sheet.canRecord,
      cancelled: sheet.session.cancelled_at !== null,
      pendingCount: sheet.pendingCount,
      actionError: options.actionError,
    },
    options.status,
  );
}

sessionPages.get('/training/sessions/:id', (c) => {
  requireStaff(c);
  return renderSession(c, c.req.param('id'));
});

/** A staff action on the session: back to its page, or the page again with the refusal. */
const onSession = (c: AppContext, sessionId: string, action: () => Promise<unknown>) =>
  redirectUnlessRefused(c, `/training/sessions/${sessionId}`, action, (r) =>
    renderSession(c, sessionId, r),
  );

/** The member a staff form names, if any. */
const pickedMember = (c: AppContext, memberId: string | undefined) =>
  memberId ? findMemberById(c.var.deps.db, memberId) : Promise.resolve(undefined);

/** The forms on the session's sheet (they accept any input): the staff member and the session. */
const sheetForm = formPosts(sessionPages, [staffOnly], (c) => ({
  staff: requireStaff(c),
  sessionId: c.req.param('id') ?? '',
}));

sheetForm(
  '/training/sessions/:id/enrollments',
  memberPickForm,
  acceptsAnyForm,
  async (c, { staff, sessionId }, form) => {
    const member = await pickedMember(c, form.memberId);
    if (!member)
      return renderSession(c, sessionId, {
        actionError: c.var.t('validation.choice'),
        status: 422,
      });
    return onSession(c, sessionId, async () => {
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
    });
  },
);

sheetForm(
  '/training/sessions/:id/enrollments/cancel',
  memberPickForm,
  acceptsAnyForm,
  async (c, { staff, sessionId }, form) => {
    const member = await pickedMember(c, form.memberId);
    if (!member) throw notFound();
    return onSession(c, sessionId, async () => {
      const { promotedMemberId } = await cancelEnrollment(c.var.deps, staff, sessionId, member.id, {
        byStaff: true,
      });
      const promoted = await pickedMember(c, promotedMemberId ?? undefined);
      if (promoted)
        setFlash(c, 'training.session.promotedNotice', {
          name: member.name,
          promoted: promoted.name,
        });
      else setFlash(c, 'training.session.cancelledFor', { name: member.name });
    });
  },
);

sheetForm(
  '/training/sessions/:id/attendance',
  attendanceForm,
  acceptsAnyForm,
  (c, { staff, sessionId }, form) =>
    onSession(c, sessionId, async () => {
      const { attendees } = await recordAttendance(
        c.var.deps,
        staff,
        sessionId,
        form,
        c.var.clientAddress,
      );
      setFlash(c, 'training.attendance.saved', { count: String(attendees) });
    }),
);
