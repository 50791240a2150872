import { Hono } from 'hono';
import { requireStaff } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import { acceptsAnyForm } from '../../http/form-fields.js';
import { formPosts } from '../../http/form-posts.js';
import { renderPage, setFlash } from '../../http/render.js';
import { translateFields } from '../../http/errors.js';
import { staffOnly } from '../../http/validate.js';
import { tokyoDateOf, tokyoTimeOf } from '../../lib/dates.js';
import { AppError } from '../../lib/errors.js';
import { EventFormPage, type EventFormValues } from '../../../views/pages/events/event-form.js';
import {
  attendanceForm,
  eventForm,
  eventFormValues,
  memberIdForm,
  memberNoForm,
} from './event-form.js';
import { redirectUnlessRefused, refusal } from '../../http/refusal.js';
import { toEventView } from './event-pages.js';
import { renderEvent } from './event-viewer.routes.js';
import { EventAttendancePage } from '../../../views/pages/events/attendance.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import { listEventRegistrations } from './events.queries.js';
import { EVENT } from './event-paths.js';
import {
  cancelEvent,
  cancelEventRegistration,
  createEvent,
  loadVisibleEvent,
  recordEventAttendance,
  registerByMemberNo,
  updateEvent,
} from './events.service.js';
import { loadViewer } from './viewer.js';

/** Staff: publishing and editing events, their registrations and attendance. */
export const eventAdminPages = new Hono<AppEnv>();

eventAdminPages.get('/events/new', (c) => {
  requireStaff(c);
  return renderPage(c, EventFormPage, { values: {}, errors: {} });
});

formPosts(eventAdminPages, [staffOnly], requireStaff)(
  '/events',
  eventForm,
  (c, errors, values) =>
    renderPage(c, EventFormPage, { values: eventFormValues(values), errors }, 422),
  async (c, staff, input) => {
    const event = await createEvent(c.var.deps, staff, input);
    setFlash(c, 'events.publishedNotice');
    return c.redirect(`/events/${event.id}`, 303);
  },
);

eventAdminPages.get(`${EVENT}/edit`, async (c) => {
  requireStaff(c);
  const viewer = await loadViewer(c.var.deps.db, c.var.user);
  const row = await loadVisibleEvent(c.var.deps, viewer, c.req.param('id'));
  const values: EventFormValues = {
    kind: row.kind,
    title: row.title,
    description: row.description,
    date: tokyoDateOf(row.starts_at),
    startTime: tokyoTimeOf(row.starts_at),
    endTime: tokyoTimeOf(row.ends_at),
    venue: row.venue,
    capacity: String(row.capacity),
    audience: row.audience,
    childcare: row.childcare ? 'yes' : 'no',
  };
  return renderPage(c, EventFormPage, { eventId: row.id, values, errors: {} });
});

/**
 * Runs a staff action on the event (it sets its flash), then back to the event's page; refused
 * by the domain, that page with the message.
 */
const actOnEvent = (c: AppContext, id: string, action: () => Promise<unknown>) =>
  redirectUnlessRefused(c, `/events/${id}`, action, (r) => renderEvent(c, id, r));

/** The same for its registrations and attendance: back to (or refused, on) its attendance sheet. */
const actOnRegistrations = (c: AppContext, id: string, action: () => Promise<unknown>) =>
  redirectUnlessRefused(c, `/events/${id}/attendance`, action, (r) => renderAttendance(c, id, r));

/** The staff forms of an event's pages: the staff member and the event of the path. */
const eventStaffForm = formPosts(eventAdminPages, [staffOnly], (c) => ({
  staff: requireStaff(c),
  id: c.req.param('id') ?? '',
}));

eventStaffForm(
  `${EVENT}/edit`,
  eventForm,
  (c, errors, values) =>
    renderPage(
      c,
      EventFormPage,
      { eventId: c.req.param('id'), values: eventFormValues(values), errors },
      422,
    ),
  async (c, { staff, id }, input) =>
    actOnEvent(c, id, async () => {
      await updateEvent(c.var.deps, staff, id, input);
      setFlash(c, 'events.savedNotice');
    }),
);

eventAdminPages.post(`${EVENT}/call-off`, async (c) => {
  const staff = requireStaff(c);
  const id = c.req.param('id');
  return actOnEvent(c, id, async () => {
    await cancelEvent(c.var.deps, staff, id);
    setFlash(c, 'events.calledOffNotice');
  });
});

// ---------------------------------------------------------------------------------------------
// Registrations and attendance

async function renderAttendance(
  c: AppContext,
  id: string,
  options: {
    actionError?: string;
    status?: 200 | 409 | 422;
    memberNo?: string;
    errors?: FormErrors;
  } = {},
) {
  const viewer = await loadViewer(c.var.deps.db, c.var.user);
  const row = await loadVisibleEvent(c.var.deps, viewer, id);
  let place = 0;
  const rows = (await listEventRegistrations(c.var.deps.db, id)).map((r) => ({
    memberId: r.member_id,
    name: r.name,
    memberNo: r.member_no,
    status: r.status as 'registered' | 'waitlisted',
    waitlistPosition: r.status === 'waitlisted' ? ++place : null,
    children: r.children,
    attended: r.attended === null ? null : r.attended === 1,
  }));
  return renderPage(
    c,
    EventAttendancePage,
    {
      event: toEventView(row, c.var.deps.clock.now().toISOString()),
      rows,
      actionError: options.actionError,
      memberNo: options.memberNo,
      errors: options.errors,
    },
    options.status,
  );
}

eventAdminPages.get(`${EVENT}/attendance`, (c) => {
  requireStaff(c);
  return renderAttendance(c, c.req.param('id'));
});

eventStaffForm(
  `${EVENT}/attendance`,
  attendanceForm,
  acceptsAnyForm,
  async (c, { staff, id }, memberIds) =>
    actOnRegistrations(c, id, async () => {
      await recordEventAttendance(c.var.deps, staff, id, memberIds);
      setFlash(c, 'events.attendance.savedNotice', { count: String(memberIds.length) });
    }),
);

/** An unknown number (400 on `memberNo`) or a refused registration, beside the number field. */
function memberNoRefusal(c: AppContext, err: unknown) {
  if (err instanceof AppError && err.status === 400 && err.fields?.memberNo) {
    const message = translateFields(err.fields, c.var.t).memberNo?.[0] ?? '';
    return { status: 422 as const, message };
  }
  return refusal(c, err);
}

eventStaffForm(
  `${EVENT}/registrations`,
  memberNoForm,
  (c, errors, values) =>
    renderAttendance(c, c.req.param('id') ?? '', {
      status: 422,
      memberNo: values.memberNo,
      errors,
    }),
  async (c, { staff, id }, { memberNo, sent }) => {
    try {
      const { outcome, name } = await registerByMemberNo(c.var.deps, staff, id, memberNo);
      setFlash(
        c,
        outcome.status === 'registered' ? 'events.staffRegistered' : 'events.staffWaitlisted',
        { name },
      );
    } catch (err) {
      const r = memberNoRefusal(c, err);
      if (!r) throw err;
      return renderAttendance(c, id, {
        status: r.status,
        memberNo: sent,
        errors: { memberNo: r.message },
      });
    }
    return c.redirect(`/events/${id}/attendance`, 303);
  },
);

eventStaffForm(
  `${EVENT}/registrations/cancel`,
  memberIdForm,
  acceptsAnyForm,
  async (c, { staff, id }, memberId) =>
    actOnRegistrations(c, id, async () => {
      await cancelEventRegistration(c.var.deps, staff, id, memberId, { byStaff: true });
      setFlash(c, 'events.staffCancelled');
    }),
);
