import { Hono } from 'hono';
import { requireStaff, requireUser } from '../../auth/guards.js';
import { isStaff, type AppContext, type AppEnv } from '../../context.js';
import { parseQuery, readJson } from '../../http/json.js';
import { notFound } from '../../lib/errors.js';
import type { ApiRouteDoc } from '../../lib/openapi.js';
import { findMemberByUserId } from '../members/members.queries.js';
import { visibleEventAudiences } from './audience.js';
import {
  listEventRegistrations,
  listEvents,
  listMemberEventRegistrations,
} from './events.queries.js';
import { toEventJson } from './events.json.js';
import {
  attendanceBody,
  cancelRegistrationBody,
  emptyBody,
  eventBody,
  eventListQuery,
  registrationBody,
} from './events.schemas.js';
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

export const eventsApi = new Hono<AppEnv>();

/** The member a request acts for: staff name one; a member only ever acts for themselves. */
async function targetMember(c: AppContext, requested: string | undefined) {
  const user = requireUser(c);
  if (isStaff(user)) {
    if (!requested) throw notFound();
    return { user, memberId: requested, byStaff: true };
  }
  const own = await findMemberByUserId(c.var.deps.db, user.id);
  // Another member's id is treated as unknown.
  if (!own || (requested && requested !== own.id)) throw notFound();
  return { user, memberId: own.id, byStaff: false };
}

// NOTE: public events are listed without signing in, as on the pages.
eventsApi.get('/events', async (c) => {
  const { when } = parseQuery(c, eventListQuery);
  const viewer = await loadViewer(c.var.deps.db, c.var.user);
  const rows = await listEvents(c.var.deps.db, {
    audiences: visibleEventAudiences(viewer),
    nowIso: c.var.deps.clock.now().toISOString(),
    when,
  });
  const mine =
    viewer.kind === 'member' && viewer.memberId
      ? new Map(
          (await listMemberEventRegistrations(c.var.deps.db, viewer.memberId)).map((r) => [
            r.event_id,
            r,
          ]),
        )
      : null;
  const items = rows.map((e) => {
    if (!mine) return toEventJson(e);
    const r = mine.get(e.id);
    return toEventJson(
      e,
      r
        ? {
            status: r.status,
            children: r.children,
            waitlistPosition: r.status === 'waitlisted' ? Number(r.waitlist_position) : null,
          }
        : null,
    );
  });
  return c.json({ items, total: items.length, page: 1, pageSize: items.length });
});

eventsApi.post('/events', async (c) => {
  const staff = requireStaff(c);
  const body = await readJson(c, eventBody);
  return c.json(toEventJson(await createEvent(c.var.deps, staff, body)), 201);
});

eventsApi.get('/events/:id', async (c) => {
  const viewer = await loadViewer(c.var.deps.db, c.var.user);
  return c.json(toEventJson(await loadVisibleEvent(c.var.deps, viewer, c.req.param('id'))));
});

eventsApi.put('/events/:id', async (c) => {
  const staff = requireStaff(c);
  const body = await readJson(c, eventBody);
  return c.json(toEventJson(await updateEvent(c.var.deps, staff, c.req.param('id'), body)));
});

eventsApi.post('/events/:id/cancel', async (c) => {
  const staff = requireStaff(c);
  await readJson(c, emptyBody);
  return c.json(toEventJson(await cancelEvent(c.var.deps, staff, c.req.param('id'))));
});

eventsApi.get('/events/:id/registrations', async (c) => {
  requireStaff(c);
  const viewer = await loadViewer(c.var.deps.db, c.var.user);
  const event = await loadVisibleEvent(c.var.deps, viewer, c.req.param('id'));
  let place = 0;
  const items = (await listEventRegistrations(c.var.deps.db, event.id)).map((r) => ({
    memberId: r.member_id,
    name: r.name,
    memberNo: r.member_no,
    status: r.status,
    waitlistPosition: r.status === 'waitlisted' ? ++place : null,
    children: r.children,
    attended: r.attended === null ? null : r.attended === 1,
  }));
  return c.json({ items, total: items.length, page: 1, pageSize: items.length });
});

eventsApi.post('/events/:id/registrations', async (c) => {
  const body = await readJson(c, registrationBody);
  const { user, memberId, byStaff } = await targetMember(c, body.memberId);
  // A member of another audience gets 404, as if the event did not exist.
  await loadVisibleEvent(c.var.deps, await loadViewer(c.var.deps.db, user), c.req.param('id'));
  const outcome = await registerForEvent(c.var.deps, user, c.req.param('id'), memberId, {
    byStaff,
    children: body.children ?? 0,
  });
  return c.json({ eventId: c.req.param('id'), memberId, ...outcome }, 201);
});

eventsApi.post('/events/:id/registrations/cancel', async (c) => {
  const body = await readJson(c, cancelRegistrationBody);
  const { user, memberId, byStaff } = await targetMember(c, body.memberId);
  await loadVisibleEvent(c.var.deps, await loadViewer(c.var.deps.db, user), c.req.param('id'));
  const { promotedMemberIds } = await cancelEventRegistration(
    c.var.deps,
    user,
    c.req.param('id'),
    memberId,
    { byStaff },
  );
  return c.json({ eventId: c.req.param('id'), memberId, status: 'cancelled', promotedMemberIds });
});

eventsApi.post('/events/:id/attendance', async (c) => {
  const staff = requireStaff(c);
  const { memberIds } = await readJson(c, attendanceBody);
  const { attended } = await recordEventAttendance(c.var.deps, staff, c.req.param('id'), memberIds);
  return c.json({ eventId: c.req.param('id'), attended });
});

export const eventsApiDocs: ApiRouteDoc[] = [
  {
    method: 'get',
    path: '/events',
    tag: 'events',
    access: 'public',
    query: eventListQuery,
    summary:
      'Events the caller may see (anyone: public ones; members: their audiences; staff: all)',
    responses: { 200: 'List' },
  },
  {
    method: 'post',
    path: '/events',
    tag: 'events',
    access: 'staff',
    body: eventBody,
    summary: 'Publish an event',
    responses: { 201: 'Event', 400: 'Invalid input', 403: 'Not staff' },
  },
  {
    method: 'get',
    path: '/events/{id}',
    tag: 'events',
    access: 'public',
    summary: 'One event (404 for an audience the caller is not in)',
    responses: { 200: 'Event', 404: 'Not found' },
  },
  {
    method: 'put',
    path: '/events/{id}',
    tag: 'events',
    access: 'staff',
    body: eventBody,
    summary: 'Edit an event (new seats go to the waitlist in order)',
    responses: { 200: 'Event', 403: 'Not staff', 404: 'Not found', 409: 'event_cancelled' },
  },
  {
    method: 'post',
    path: '/events/{id}/cancel',
    tag: 'events',
    access: 'staff',
    body: emptyBody,
    summary: 'Call an event off; registrants are told',
    responses: { 200: 'Event', 403: 'Not staff', 404: 'Not found', 409: 'event_cancelled' },
  },
  {
    method: 'get',
    path: '/events/{id}/registrations',
    tag: 'events',
    access: 'staff',
    summary: 'Registrations: seats, then the waitlist in order',
    responses: { 200: 'List', 403: 'Not staff', 404: 'Not found' },
  },
  {
    method: 'post',
    path: '/events/{id}/registrations',
    tag: 'events',
    access: 'signed-in',
    body: registrationBody,
    summary: 'Register (a member themselves; staff with memberId): a seat or the waitlist',
    responses: {
      201: '{status: registered | waitlisted, waitlistPosition}',
      404: 'Not found (or not for your audience)',
      409: 'already_registered, event_changed',
      422: 'event_started, event_cancelled, event_audience, member_inactive',
    },
  },
  {
    method: 'post',
    path: '/events/{id}/registrations/cancel',
    tag: 'events',
    access: 'signed-in',
    body: cancelRegistrationBody,
    summary: 'Cancel a registration (self; staff with memberId); the next in line gets the seat',
    responses: { 200: 'Cancelled', 404: 'Not found', 409: 'not_registered', 422: 'event_started' },
  },
  {
    method: 'post',
    path: '/events/{id}/attendance',
    tag: 'events',
    access: 'staff',
    body: attendanceBody,
    summary: 'Record attendance: the listed members came, the other registrants did not',
    responses: { 200: 'Recorded', 403: 'Not staff', 404: 'Not found', 422: 'not_registered' },
  },
];
