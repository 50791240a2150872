import { z } from 'zod';
import { createMiddleware } from 'hono/factory';
import type { AppContext, AppEnv } from '../../context.js';
import {
  idParam,
  jsonApi,
  jsonRequest,
  jsonResponse,
  noContent,
  operationsOf,
} from '../../http/api-route.js';
import { memberInScope, scopedMember } from '../members/member-scope.js';
import { availabilitySchema, exceptionSchema } from './availability.json.js';
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

const api = jsonApi();
export const availabilityApi = api.router;
const op = operationsOf('availability');

/** The origin feed URLs are built on: the configured public origin behind a proxy. */
export function publicOrigin(c: AppContext): string {
  return c.var.deps.config.PUBLIC_ORIGIN?.replace(/\/$/, '') ?? new URL(c.req.url).origin;
}

/** Availability belongs to a helper side (assertHelperSide). */
const HELPER_RULES = ['not_a_helper', 'member_withdrawn'];
const availabilityResponse = (description: string) => jsonResponse(description, availabilitySchema);

const getRoute = op('signed-in', 'get /members/{id}/availability', {
  summary:
    'A helper’s weekly slots and her exceptions from today (or ?from=) on (the helper, staff)',
  errors: { 422: HELPER_RULES },
  query: availabilityQuery,
  responses: { 200: availabilityResponse('Weekly slots and exceptions') },
  scope: memberInScope,
});
api.openapi(getRoute, async (c) => {
  const { member } = scopedMember(c);
  return getAvailability(c.var.deps, member, c.req.valid('query').from);
});

const replaceRoute = op('signed-in', 'put /members/{id}/availability', {
  summary:
    'Replace every weekly slot at once (ISO weekdays 1–7, HH:MM, 24:00 = midnight; slots may touch, not overlap)',
  description:
    '`invalid_slots`: `fields["weekly.<index>"]` name each overlapping or inverted slot; nothing is changed.',
  errors: { 422: ['invalid_slots', ...HELPER_RULES] },
  body: weeklyBody,
  responses: { 200: availabilityResponse('The availability, as GET answers it') },
  scope: memberInScope,
});
api.openapi(replaceRoute, async (c) => {
  const { user, member } = scopedMember(c);
  const { weekly } = c.req.valid('json');
  await replaceWeeklySlots(c.var.deps, user, member, weekly, c.var.clientAddress);
  return getAvailability(c.var.deps, member);
});

const addExceptionRoute = op('signed-in', 'post /members/{id}/availability/exceptions', {
  summary:
    'A date on which the helper is not available: the whole day without times, else [start, end)',
  errors: { 422: ['exception_in_past', 'invalid_exception', ...HELPER_RULES] },
  body: exceptionBody,
  responses: { 201: jsonResponse('The exception', exceptionSchema) },
  scope: memberInScope,
});
api.openapi(addExceptionRoute, async (c) => {
  const { user, member } = scopedMember(c);
  const body = c.req.valid('json');
  return addException(c.var.deps, user, member, body, c.var.clientAddress);
});

const removeExceptionRoute = op(
  'signed-in',
  'delete /members/{id}/availability/exceptions/{exceptionId}',
  {
    summary: 'Remove an exception',
    errors: { 422: HELPER_RULES },
    request: { params: z.object({ id: z.string(), exceptionId: z.string() }) },
    responses: { 204: noContent('Removed') },
    scope: memberInScope,
  },
);
api.openapi(removeExceptionRoute, async (c) => {
  const { user, member } = scopedMember(c);
  const { exceptionId } = c.req.valid('param');
  await removeException(c.var.deps, user, member, exceptionId, c.var.clientAddress);
});

/**
 * The feed takes `{}` or no body at all. NOTE: Hono's `c.req.json()` parses the cached text of
 * the body (`bodyCache.text`, a promise despite its declared type), so an empty body is cached
 * as `{}` here and the route's one validator still refuses unknown keys.
 */
const emptyMeansNothing = createMiddleware<AppEnv>(async (c, next) => {
  if ((await c.req.text()).trim() === '')
    (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve('{}');
  await next();
});

const createFeedRoute = op('signed-in', 'post /members/{id}/calendar-feed', {
  summary:
    'Create the private iCalendar feed of the helper’s assignments, or give it a new URL (the old one stops working)',
  errors: { 422: HELPER_RULES },
  request: { params: idParam, body: jsonRequest(emptyBody, '`{}`, or no body at all') },
  responses: {
    201: jsonResponse(
      'The feed URL, shown once (only a hash of its token is stored)',
      z.object({ url: z.string() }),
    ),
  },
  scope: [memberInScope, emptyMeansNothing],
});
api.openapi(createFeedRoute, async (c) => {
  const { user, member } = scopedMember(c);
  const token = await createCalendarFeed(c.var.deps, user, member, c.var.clientAddress);
  return { url: `${publicOrigin(c)}${calendarFeedPath(token)}` };
});

const revokeFeedRoute = op('signed-in', 'delete /members/{id}/calendar-feed', {
  summary: 'Revoke the feed: its URL answers 404 from now on (204 also when there was none)',

  responses: { 204: noContent('Revoked') },
  scope: memberInScope,
});
api.openapi(revokeFeedRoute, async (c) => {
  const { user, member } = scopedMember(c);
  await revokeCalendarFeed(c.var.deps, user, member, c.var.clientAddress);
});
