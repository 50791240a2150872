import { z } from 'zod';
import {
  emptyBody,
  jsonApi,
  jsonResponse,
  listOf,
  operationsOf,
  wholeList,
} from '../../http/api-route.js';
import { memberActedFor } from '../members/member-scope.js';
import { visibleEventAudiences } from './audience.js';
import {
  listEventRegistrations,
  listEvents,
  listMemberEventRegistrations,
} from './events.queries.js';
import { eventSchema, registrationSchema, toEventJson, toRegistrationJson } from './events.json.js';
import { actedForBody, memberAttendanceBody, seatOutcomeJson } from '../members/members.schemas.js';
import { eventBody, eventListQuery, registrationBody } from './events.schemas.js';
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

const api = jsonApi();
export const eventsApi = api.router;
const op = operationsOf('events');

const eventResponse = { 200: jsonResponse('The event', eventSchema) };

const listRoute = op('public', 'get /events', {
  summary: 'Events the caller may see (anyone: public ones; members: their audiences; staff: all)',
  query: eventListQuery,
  responses: { 200: jsonResponse('The events', listOf(eventSchema)) },
});
// NOTE: public events are listed without signing in, as on the pages.
api.openapi(listRoute, async (c) => {
  const { when } = c.req.valid('query');
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
  return wholeList(items);
});

const createRoute = op('staff', 'post /events', {
  summary: 'Publish an event',
  body: eventBody,
  responses: { 201: jsonResponse('The event', eventSchema) },
});
api.openapi(createRoute, async (c, staff) =>
  toEventJson(await createEvent(c.var.deps, staff, c.req.valid('json'))),
);

const getRoute = op('public', 'get /events/{id}', {
  summary: 'One event (404 for an audience the caller is not in)',

  responses: eventResponse,
});
api.openapi(getRoute, async (c) => {
  const viewer = await loadViewer(c.var.deps.db, c.var.user);
  const event = await loadVisibleEvent(c.var.deps, viewer, c.req.valid('param').id);
  return toEventJson(event);
});

const updateRoute = op('staff', 'put /events/{id}', {
  summary: 'Edit an event (new seats go to the waitlist in order)',
  description: 'A cancelled event cannot be edited: 422, or 409 when it was called off meanwhile.',
  errors: { 409: ['event_cancelled'], 422: ['event_cancelled'] },
  body: eventBody,
  responses: eventResponse,
});
api.openapi(updateRoute, async (c, staff) => {
  const event = await updateEvent(c.var.deps, staff, c.req.valid('param').id, c.req.valid('json'));
  return toEventJson(event);
});

const cancelRoute = op('staff', 'post /events/{id}/cancel', {
  summary: 'Call an event off; registrants are told',
  errors: { 409: ['event_cancelled'] },
  body: emptyBody,
  responses: eventResponse,
});
api.openapi(cancelRoute, async (c, staff) =>
  toEventJson(await cancelEvent(c.var.deps, staff, c.req.valid('param').id)),
);

const registrationsRoute = op('staff', 'get /events/{id}/registrations', {
  summary: 'Registrations: seats, then the waitlist in order',

  responses: { 200: jsonResponse('The registrations', listOf(registrationSchema)) },
});
api.openapi(registrationsRoute, async (c) => {
  const viewer = await loadViewer(c.var.deps.db, c.var.user);
  const event = await loadVisibleEvent(c.var.deps, viewer, c.req.valid('param').id);
  let place = 0;
  const items = (await listEventRegistrations(c.var.deps.db, event.id)).map((r) =>
    toRegistrationJson(r, r.status === 'waitlisted' ? ++place : null),
  );
  return wholeList(items);
});

const registerRoute = op('signed-in', 'post /events/{id}/registrations', {
  summary: 'Register (a member themselves; staff with memberId): a seat or the waitlist',
  errors: {
    409: ['already_registered', 'event_changed'],
    422: [
      'event_started',
      'event_cancelled',
      'event_audience',
      'member_inactive',
      'member_applicant',
    ],
  },
  body: registrationBody,
  responses: {
    201: jsonResponse(
      'A seat, or a place on the waitlist (1 = next in line)',
      seatOutcomeJson('eventId', 'registered'),
    ),
  },
});
api.openapi(registerRoute, async (c) => {
  const body = c.req.valid('json');
  const { id } = c.req.valid('param');
  const { user, memberId, byStaff } = await memberActedFor(c, body.memberId);
  // A member of another audience gets 404, as if the event did not exist.
  await loadVisibleEvent(c.var.deps, await loadViewer(c.var.deps.db, user), id);
  const outcome = await registerForEvent(c.var.deps, user, id, memberId, {
    byStaff,
    children: body.children ?? 0,
  });
  return { eventId: id, memberId, ...outcome };
});

const cancelRegistrationRoute = op('signed-in', 'post /events/{id}/registrations/cancel', {
  summary: 'Cancel a registration (self; staff with memberId); the next in line gets the seat',
  errors: { 409: ['not_registered'], 422: ['event_started'] },
  body: actedForBody,
  responses: {
    200: jsonResponse(
      'Cancelled; promotedMemberIds got a seat from the waitlist',
      z.object({
        eventId: z.string(),
        memberId: z.string(),
        status: z.literal('cancelled'),
        promotedMemberIds: z.array(z.string()),
      }),
    ),
  },
});
api.openapi(cancelRegistrationRoute, async (c) => {
  const body = c.req.valid('json');
  const { id } = c.req.valid('param');
  const { user, memberId, byStaff } = await memberActedFor(c, body.memberId);
  await loadVisibleEvent(c.var.deps, await loadViewer(c.var.deps.db, user), id);
  const { promotedMemberIds } = await cancelEventRegistration(c.var.deps, user, id, memberId, {
    byStaff,
  });
  return { eventId: id, memberId, status: 'cancelled' as const, promotedMemberIds };
});

const attendanceRoute = op('staff', 'post /events/{id}/attendance', {
  summary: 'Record attendance: the listed members came, the other registrants did not',
  errors: { 422: ['event_cancelled', 'not_registered'] },
  body: memberAttendanceBody,
  responses: {
    200: jsonResponse('Recorded', z.object({ eventId: z.string(), attended: z.array(z.string()) })),
  },
});
api.openapi(attendanceRoute, async (c, staff) => {
  const { id } = c.req.valid('param');
  const { memberIds } = c.req.valid('json');
  const { attended } = await recordEventAttendance(c.var.deps, staff, id, memberIds);
  return { eventId: id, attended };
});
