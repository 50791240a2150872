import { Hono } from 'hono';
import { requireStaff, requireUser } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import { readForm, validateForm } from '../../http/forms.js';
import { render, setFlash, viewContext } from '../../http/render.js';
import { isValidDateString, tokyoDateOf, tokyoTimeOf } from '../../lib/dates.js';
import { AppError, notFound } from '../../lib/errors.js';
import { isMessageKey } from '../../lib/i18n.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import { EventAttendancePage } from '../../../views/pages/events/attendance.js';
import { EventDetailPage, type Registrant } from '../../../views/pages/events/event-detail.js';
import { EventFormPage, type EventFormValues } from '../../../views/pages/events/event-form.js';
import { EventListPage } from '../../../views/pages/events/event-list.js';
import { EventFlyerPage } from '../../../views/pages/events/flyer.js';
import type { EventView } from '../../../views/pages/events/event-facts.js';
import { findMemberByUserId } from '../members/members.queries.js';
import { visibleEventAudiences, type Viewer } from './audience.js';
import { eventCalendar } from './events.ics.js';
import {
  findMemberIdByNo,
  listEventRegistrations,
  listEvents,
  listMemberEventRegistrations,
  type EventRow,
} from './events.queries.js';
import { eventBody, MAX_CHILDREN } from './events.schemas.js';
import {
  cancelEvent,
  cancelEventRegistration,
  createEvent,
  loadVisibleEvent,
  recordEventAttendance,
  registerForEvent,
  updateEvent,
} from './events.service.js';
import { loadViewer } from './viewer.js';

export const eventPages = new Hono<AppEnv>();

/** Event ids are UUIDs; the pattern keeps /events/new for its own route. */
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const EVENT = `/events/:id{${UUID}}`;

type Mine = EventView['mine'];

export function toEventView(row: EventRow, nowIso: string, mine: Mine = null): EventView {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    venue: row.venue,
    capacity: row.capacity,
    audience: row.audience,
    childcare: row.childcare === 1,
    registered: Number(row.registered ?? 0),
    waitlisted: Number(row.waitlisted ?? 0),
    children: Number(row.children ?? 0),
    cancelled: row.cancelled_at !== null,
    started: row.starts_at <= nowIso,
    ended: row.ends_at <= nowIso,
    mine,
  };
}

/** The member's registrations by event id (empty for anyone else). */
async function myRegistrations(c: AppContext, viewer: Viewer) {
  const map = new Map<string, NonNullable<Mine>>();
  if (viewer.kind !== 'member' || !viewer.memberId) return map;
  for (const r of await listMemberEventRegistrations(c.var.deps.db, viewer.memberId)) {
    map.set(r.event_id, {
      status: r.status as 'registered' | 'waitlisted',
      children: r.children,
      waitlistPosition: r.status === 'waitlisted' ? Number(r.waitlist_position) : null,
    });
  }
  return map;
}

/** Upcoming events for the home page: the next few the viewer may see, with their status. */
export async function upcomingEventsFor(c: AppContext, limit = 3): Promise<EventView[]> {
  const viewer = await loadViewer(c.var.deps.db, c.var.user);
  const nowIso = c.var.deps.clock.now().toISOString();
  const [rows, mine] = await Promise.all([
    listEvents(c.var.deps.db, {
      audiences: visibleEventAudiences(viewer),
      nowIso,
      when: 'upcoming',
      limit: limit + 5,
    }),
    myRegistrations(c, viewer),
  ]);
  return rows
    .filter((r) => !r.cancelled_at)
    .slice(0, limit)
    .map((r) => toEventView(r, nowIso, mine.get(r.id) ?? null));
}

eventPages.get('/events', async (c) => {
  const when = c.req.query('when') === 'past' ? 'past' : 'upcoming';
  const viewer = await loadViewer(c.var.deps.db, c.var.user);
  const nowIso = c.var.deps.clock.now().toISOString();
  const [rows, mine] = await Promise.all([
    listEvents(c.var.deps.db, { audiences: visibleEventAudiences(viewer), nowIso, when }),
    myRegistrations(c, viewer),
  ]);
  return render(
    c,
    <EventListPage
      ctx={viewContext(c)}
      events={rows.map((r) => toEventView(r, nowIso, mine.get(r.id) ?? null))}
      when={when}
      isStaff={viewer.kind === 'staff'}
      signedIn={viewer.kind !== 'anonymous'}
    />,
  );
});

// ---------------------------------------------------------------------------------------------
// One event

function registrantOf(viewer: Viewer): Registrant {
  if (viewer.kind === 'anonymous') return 'anonymous';
  if (viewer.kind === 'staff') return 'staff';
  return viewer.memberId && viewer.active ? 'member' : 'inactive';
}

async function renderEvent(
  c: AppContext,
  id: string,
  options: { actionError?: string; status?: 200 | 409 | 422; children?: string } = {},
) {
  const viewer = await loadViewer(c.var.deps.db, c.var.user);
  const row = await loadVisibleEvent(c.var.deps, viewer, id);
  const mine = await myRegistrations(c, viewer);
  const nowIso = c.var.deps.clock.now().toISOString();
  return render(
    c,
    <EventDetailPage
      ctx={viewContext(c)}
      event={toEventView(row, nowIso, mine.get(row.id) ?? null)}
      registrant={registrantOf(viewer)}
      maxChildren={MAX_CHILDREN}
      actionError={options.actionError}
      children={options.children}
    />,
    options.status,
  );
}

eventPages.get(EVENT, (c) => renderEvent(c, c.req.param('id')));

eventPages.get(`/events/:file{${UUID}\\.ics}`, async (c) => {
  const id = c.req.param('file').replace(/\.ics$/, '');
  const viewer = await loadViewer(c.var.deps.db, c.var.user);
  const row = await loadVisibleEvent(c.var.deps, viewer, id);
  const body = eventCalendar(row, {
    prodName: c.var.t('app.center'),
    origin: c.var.deps.config.PUBLIC_ORIGIN,
  });
  return c.body(body, 200, {
    'Content-Type': 'text/calendar; charset=utf-8',
    'Content-Disposition': `attachment; filename="event-${row.id}.ics"`,
  });
});

eventPages.get(`${EVENT}/flyer`, async (c) => {
  const viewer = await loadViewer(c.var.deps.db, c.var.user);
  const row = await loadVisibleEvent(c.var.deps, viewer, c.req.param('id'));
  const origin = c.var.deps.config.PUBLIC_ORIGIN?.replace(/\/+$/, '');
  return render(
    c,
    <EventFlyerPage
      ctx={viewContext(c)}
      event={toEventView(row, c.var.deps.clock.now().toISOString())}
      url={origin ? `${origin}/events/${row.id}` : null}
    />,
  );
});

/** A refused action (409/422) becomes a message on the page; anything else propagates. */
function refusal(c: AppContext, err: unknown): { status: 409 | 422; message: string } | null {
  if (err instanceof AppError && (err.status === 409 || err.status === 422)) {
    const key = isMessageKey(err.messageKey) ? err.messageKey : 'error.conflict';
    return { status: err.status, message: c.var.t(key) };
  }
  return null;
}

/** The signed-in member who acts on their own registration; 404 for anyone else. */
async function ownMember(c: AppContext) {
  const user = requireUser(c);
  const member = await findMemberByUserId(c.var.deps.db, user.id);
  if (!member) throw notFound();
  return { user, member };
}

eventPages.post(`${EVENT}/register`, async (c) => {
  const { user, member } = await ownMember(c);
  const id = c.req.param('id');
  // A member of another audience gets 404, as if the event did not exist.
  await loadVisibleEvent(c.var.deps, await loadViewer(c.var.deps.db, user), id);
  const form = await readForm(c);
  const children = Number((form.children ?? '0').normalize('NFKC').trim() || '0');
  if (!Number.isInteger(children) || children < 0 || children > MAX_CHILDREN)
    return renderEvent(c, id, {
      actionError: c.var.t('events.validation.children'),
      status: 422,
      children: form.children,
    });
  try {
    const outcome = await registerForEvent(c.var.deps, user, id, member.id, {
      byStaff: false,
      children,
    });
    if (outcome.status === 'registered') setFlash(c, 'events.registeredNotice');
    else
      setFlash(c, 'events.waitlistedNotice', {
        position: String(outcome.waitlistPosition ?? 1),
      });
  } catch (err) {
    const r = refusal(c, err);
    if (!r) throw err;
    return renderEvent(c, id, { actionError: r.message, status: r.status });
  }
  return c.redirect(`/events/${id}`, 303);
});

eventPages.post(`${EVENT}/withdraw`, async (c) => {
  const { user, member } = await ownMember(c);
  const id = c.req.param('id');
  await loadVisibleEvent(c.var.deps, await loadViewer(c.var.deps.db, user), id);
  try {
    await cancelEventRegistration(c.var.deps, user, id, member.id, { byStaff: false });
  } catch (err) {
    const r = refusal(c, err);
    if (!r) throw err;
    return renderEvent(c, id, { actionError: r.message, status: r.status });
  }
  setFlash(c, 'events.withdrawnNotice');
  return c.redirect(`/events/${id}`, 303);
});

// ---------------------------------------------------------------------------------------------
// Staff: publishing and editing

const TIME = /^([01]?\d|2[0-3]):[0-5]\d$/;
const normalize = (s: string | undefined) => (s ?? '').normalize('NFKC').trim();
const padTime = (v: string) => (/^\d:/.test(v) ? `0${v}` : v);

/** The form's values, checked: field errors, or the API body the service takes. */
function readEventForm(c: AppContext, form: Record<string, string>) {
  const t = c.var.t;
  const values: EventFormValues = {
    kind: form.kind ?? '',
    title: form.title ?? '',
    description: form.description ?? '',
    date: normalize(form.date),
    startTime: padTime(normalize(form.startTime)),
    endTime: padTime(normalize(form.endTime)),
    venue: form.venue ?? '',
    capacity: normalize(form.capacity),
    audience: form.audience ?? '',
    childcare: form.childcare ?? '',
  };
  const errors: FormErrors = {};
  if (!values.date) errors.date = t('validation.required');
  else if (!isValidDateString(values.date)) errors.date = t('validation.date');
  for (const field of ['startTime', 'endTime'] as const) {
    if (!values[field]) errors[field] = t('validation.required');
    else if (!TIME.test(values[field])) errors[field] = t('events.validation.time');
  }
  if (!values.capacity) errors.capacity = t('validation.required');
  else if (!/^\d{1,5}$/.test(values.capacity)) errors.capacity = t('events.validation.capacity');
  if (values.childcare !== 'yes' && values.childcare !== 'no')
    errors.childcare = t('validation.choice');
  const parsed = validateForm(c, eventBody, {
    kind: values.kind,
    title: values.title,
    description: values.description,
    startsAt: `${values.date}T${values.startTime}:00+09:00`,
    endsAt: `${values.date}T${values.endTime}:00+09:00`,
    venue: values.venue,
    capacity: Number(values.capacity),
    audience: values.audience,
    childcare: values.childcare === 'yes',
  });
  if (!parsed.ok) {
    const rename: Record<string, string> = { startsAt: 'startTime', endsAt: 'endTime' };
    for (const [k, v] of Object.entries(parsed.errors)) errors[rename[k] ?? k] ??= v;
  }
  return {
    values,
    errors,
    data: parsed.ok && Object.keys(errors).length === 0 ? parsed.data : null,
  };
}

eventPages.get('/events/new', (c) => {
  requireStaff(c);
  return render(c, <EventFormPage ctx={viewContext(c)} values={{}} errors={{}} />);
});

eventPages.post('/events', async (c) => {
  const staff = requireStaff(c);
  const { values, errors, data } = readEventForm(c, await readForm(c));
  if (!data)
    return render(c, <EventFormPage ctx={viewContext(c)} values={values} errors={errors} />, 422);
  const event = await createEvent(c.var.deps, staff, data);
  setFlash(c, 'events.publishedNotice');
  return c.redirect(`/events/${event.id}`, 303);
});

eventPages.get(`${EVENT}/edit`, async (c) => {
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
  return render(
    c,
    <EventFormPage ctx={viewContext(c)} eventId={row.id} values={values} errors={{}} />,
  );
});

eventPages.post(`${EVENT}/edit`, async (c) => {
  const staff = requireStaff(c);
  const id = c.req.param('id');
  const { values, errors, data } = readEventForm(c, await readForm(c));
  if (!data)
    return render(
      c,
      <EventFormPage ctx={viewContext(c)} eventId={id} values={values} errors={errors} />,
      422,
    );
  try {
    await updateEvent(c.var.deps, staff, id, data);
  } catch (err) {
    const r = refusal(c, err);
    if (!r) throw err;
    return renderEvent(c, id, { actionError: r.message, status: r.status });
  }
  setFlash(c, 'events.savedNotice');
  return c.redirect(`/events/${id}`, 303);
});

eventPages.post(`${EVENT}/call-off`, async (c) => {
  const staff = requireStaff(c);
  const id = c.req.param('id');
  try {
    await cancelEvent(c.var.deps, staff, id);
  } catch (err) {
    const r = refusal(c, err);
    if (!r) throw err;
    return renderEvent(c, id, { actionError: r.message, status: r.status });
  }
  setFlash(c, 'events.calledOffNotice');
  return c.redirect(`/events/${id}`, 303);
});

// ---------------------------------------------------------------------------------------------
// Staff: registrations and attendance

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
  return render(
    c,
    <EventAttendancePage
      ctx={viewContext(c)}
      event={toEventView(row, c.var.deps.clock.now().toISOString())}
      rows={rows}
      actionError={options.actionError}
      memberNo={options.memberNo}
      errors={options.errors}
    />,
    options.status,
  );
}

eventPages.get(`${EVENT}/attendance`, (c) => {
  requireStaff(c);
  return renderAttendance(c, c.req.param('id'));
});

eventPages.post(`${EVENT}/attendance`, async (c) => {
  const staff = requireStaff(c);
  const id = c.req.param('id');
  const form = await readForm(c);
  const memberIds = Object.keys(form)
    .filter((k) => k.startsWith('came.'))
    .map((k) => k.slice('came.'.length));
  try {
    await recordEventAttendance(c.var.deps, staff, id, memberIds);
  } catch (err) {
    const r = refusal(c, err);
    if (!r) throw err;
    return renderAttendance(c, id, { actionError: r.message, status: r.status });
  }
  setFlash(c, 'events.attendance.savedNotice', { count: String(memberIds.length) });
  return c.redirect(`/events/${id}/attendance`, 303);
});

eventPages.post(`${EVENT}/registrations`, async (c) => {
  const staff = requireStaff(c);
  const id = c.req.param('id');
  const form = await readForm(c);
  const memberNo = normalize(form.memberNo).replace(/\D/g, '');
  const t = c.var.t;
  const member = memberNo ? await findMemberIdByNo(c.var.deps.db, Number(memberNo)) : undefined;
  if (!member)
    return renderAttendance(c, id, {
      status: 422,
      memberNo: form.memberNo,
      errors: {
        memberNo: memberNo ? t('events.validation.unknownMemberNo') : t('validation.required'),
      },
    });
  try {
    const outcome = await registerForEvent(c.var.deps, staff, id, member.id, {
      byStaff: true,
      children: 0,
    });
    setFlash(
      c,
      outcome.status === 'registered' ? 'events.staffRegistered' : 'events.staffWaitlisted',
      { name: member.name },
    );
  } catch (err) {
    const r = refusal(c, err);
    if (!r) throw err;
    return renderAttendance(c, id, {
      status: r.status,
      memberNo: form.memberNo,
      errors: { memberNo: r.message },
    });
  }
  return c.redirect(`/events/${id}/attendance`, 303);
});

eventPages.post(`${EVENT}/registrations/cancel`, async (c) => {
  const staff = requireStaff(c);
  const id = c.req.param('id');
  const form = await readForm(c);
  try {
    await cancelEventRegistration(c.var.deps, staff, id, form.memberId ?? '', { byStaff: true });
  } catch (err) {
    const r = refusal(c, err);
    if (!r) throw err;
    return renderAttendance(c, id, { actionError: r.message, status: r.status });
  }
  setFlash(c, 'events.staffCancelled');
  return c.redirect(`/events/${id}/attendance`, 303);
});
