import { Hono } from 'hono';
import { requireUser } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import { parseQuery, readJson } from '../../http/json.js';
import { badRequest, notFound } from '../../lib/errors.js';
import type { ApiRouteDoc } from '../../lib/openapi.js';
import { parseOrThrow } from '../../lib/validation.js';
import { findMemberById } from '../members/members.queries.js';
import { canViewMember } from '../members/members.policy.js';
import { availabilityQuery, emptyBody, exceptionBody, weeklyBody } from './availability.schemas.js';
import {
  addException,
  calendarFeedPath,
  createCalendarFeed,
  getAvailability,
  removeException,
  replaceWeeklySlots,
  revokeCalendarFeed,
} from './availability.service.js';

export const availabilityApi = new Hono<AppEnv>();

/** The member at :id if the caller may see it (staff, or the helper herself), else 404. */
async function loadVisibleMember(c: AppContext) {
  const user = requireUser(c);
  const member = await findMemberById(c.var.deps.db, c.req.param('id') ?? '');
  if (!member || !canViewMember(user, member)) throw notFound();
  return { user, member };
}

/** The origin feed URLs are built on: the configured public origin behind a proxy. */
export function publicOrigin(c: AppContext): string {
  return c.var.deps.config.PUBLIC_ORIGIN?.replace(/\/$/, '') ?? new URL(c.req.url).origin;
}

/** An optional empty JSON body: `{}` or nothing at all (unknown keys are a 400 as everywhere). */
async function readOptionalEmptyBody(c: AppContext) {
  const text = await c.req.text();
  if (text.trim() === '') return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badRequest('malformed_json');
  }
  parseOrThrow(emptyBody, parsed, c.var.t);
}

availabilityApi.get('/members/:id/availability', async (c) => {
  const { member } = await loadVisibleMember(c);
  const { from } = parseQuery(c, availabilityQuery);
  return c.json(await getAvailability(c.var.deps, member, from));
});

availabilityApi.put('/members/:id/availability', async (c) => {
  const { user, member } = await loadVisibleMember(c);
  const { weekly } = await readJson(c, weeklyBody);
  await replaceWeeklySlots(c.var.deps, user, member, weekly, c.var.clientAddress);
  return c.json(await getAvailability(c.var.deps, member));
});

availabilityApi.post('/members/:id/availability/exceptions', async (c) => {
  const { user, member } = await loadVisibleMember(c);
  const body = await readJson(c, exceptionBody);
  return c.json(await addException(c.var.deps, user, member, body, c.var.clientAddress), 201);
});

availabilityApi.delete('/members/:id/availability/exceptions/:exceptionId', async (c) => {
  const { user, member } = await loadVisibleMember(c);
  await removeException(c.var.deps, user, member, c.req.param('exceptionId'), c.var.clientAddress);
  return c.body(null, 204);
});

availabilityApi.post('/members/:id/calendar-feed', async (c) => {
  const { user, member } = await loadVisibleMember(c);
  await readOptionalEmptyBody(c);
  const token = await createCalendarFeed(c.var.deps, user, member, c.var.clientAddress);
  return c.json({ url: `${publicOrigin(c)}${calendarFeedPath(token)}` }, 201);
});

availabilityApi.delete('/members/:id/calendar-feed', async (c) => {
  const { user, member } = await loadVisibleMember(c);
  await revokeCalendarFeed(c.var.deps, user, member, c.var.clientAddress);
  return c.body(null, 204);
});

const visible = { 401: 'Not signed in', 404: 'Not found or not yours' };
const helperRules = 'not_a_helper (the member has no helper side), member_withdrawn';

export const availabilityApiDocs: ApiRouteDoc[] = [
  {
    method: 'get',
    path: '/members/{id}/availability',
    tag: 'availability',
    access: 'signed-in',
    query: availabilityQuery,
    summary:
      'A helper’s weekly slots and her exceptions from today (or ?from=) on (the helper, staff)',
    responses: {
      200: '{ weekly: [{weekday,start,end}], exceptions: [{id,date,start,end,note}] }',
      400: 'Invalid query',
      ...visible,
      422: helperRules,
    },
  },
  {
    method: 'put',
    path: '/members/{id}/availability',
    tag: 'availability',
    access: 'signed-in',
    body: weeklyBody,
    summary:
      'Replace every weekly slot at once (ISO weekdays 1–7, HH:MM, 24:00 = midnight; slots may touch, not overlap)',
    responses: {
      200: '{ weekly, exceptions } as GET',
      400: 'Invalid input',
      ...visible,
      422: `invalid_slots (fields["weekly.<index>"] name each overlapping or inverted slot; nothing is changed), ${helperRules}`,
    },
  },
  {
    method: 'post',
    path: '/members/{id}/availability/exceptions',
    tag: 'availability',
    access: 'signed-in',
    body: exceptionBody,
    summary:
      'A date on which the helper is not available: the whole day without times, else [start, end)',
    responses: {
      201: '{ id, date, start, end, note }',
      400: 'Invalid input',
      ...visible,
      422: `exception_in_past, invalid_exception (start not before end), ${helperRules}`,
    },
  },
  {
    method: 'delete',
    path: '/members/{id}/availability/exceptions/{exceptionId}',
    tag: 'availability',
    access: 'signed-in',
    summary: 'Remove an exception',
    responses: { 204: 'Removed', ...visible, 422: helperRules },
  },
  {
    method: 'post',
    path: '/members/{id}/calendar-feed',
    tag: 'availability',
    access: 'signed-in',
    body: emptyBody,
    summary:
      'Create the private iCalendar feed of the helper’s assignments, or give it a new URL (the old one stops working)',
    responses: { 201: '{ url } (shown once: only a hash is stored)', ...visible, 422: helperRules },
  },
  {
    method: 'delete',
    path: '/members/{id}/calendar-feed',
    tag: 'availability',
    access: 'signed-in',
    summary: 'Revoke the feed: its URL answers 404 from now on',
    responses: { 204: 'Revoked (also when there was none)', ...visible },
  },
];
