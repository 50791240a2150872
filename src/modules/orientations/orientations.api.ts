import { z } from 'zod';
import { requireStaff, requireUser } from '../../auth/guards.js';
import { isStaff } from '../../context.js';
import { apiRouter, jsonResponse, listOf, operationsOf, wholeList } from '../../http/api-route.js';
import { memberActedFor } from '../members/member-scope.js';
import { orientationSchema, toOrientationJson } from './orientations.json.js';
import { listOrientations } from './orientations.queries.js';
import { attendanceBody, orientationBody, registrationBody } from './orientations.schemas.js';
import {
  recordOrientationAttendance,
  registerForOrientation,
  scheduleOrientation,
} from './orientations.service.js';

export const orientationsApi = apiRouter();
const op = operationsOf('orientations');

const listRoute = op('signed-in', 'get /orientations', {
  summary: 'Orientation sessions (members: upcoming only)',
  responses: { 200: jsonResponse('The sessions', listOf(orientationSchema)) },
});
orientationsApi.openapi(listRoute, async (c) => {
  const user = requireUser(c);
  // Members see the sessions still to come; staff see them all.
  const rows = await listOrientations(
    c.var.deps.db,
    isStaff(user) ? {} : { fromIso: c.var.deps.clock.now().toISOString() },
  );
  return c.json(wholeList(rows.map(toOrientationJson)), 200);
});

const scheduleRoute = op('staff', 'post /orientations', {
  summary: 'Schedule an orientation session',
  body: orientationBody,
  responses: { 201: jsonResponse('The session', orientationSchema) },
});
orientationsApi.openapi(scheduleRoute, async (c) => {
  const staff = requireStaff(c);
  const orientation = await scheduleOrientation(c.var.deps, staff, c.req.valid('json'));
  return c.json(toOrientationJson(orientation), 201);
});

const registerRoute = op('signed-in', 'post /orientations/{id}/registrations', {
  summary: 'Register (a member themselves; staff with memberId)',
  errors: {
    409: ['orientation_full', 'already_registered'],
    422: ['orientation_past', 'member_withdrawn'],
  },
  body: registrationBody,
  responses: {
    201: jsonResponse(
      'Registered',
      z.object({
        orientationId: z.string(),
        memberId: z.string(),
        status: z.literal('registered'),
      }),
    ),
  },
});
orientationsApi.openapi(registerRoute, async (c) => {
  const { id } = c.req.valid('param');
  const { memberId } = await memberActedFor(c, c.req.valid('json').memberId);
  await registerForOrientation(c.var.deps, id, memberId);
  return c.json({ orientationId: id, memberId, status: 'registered' as const }, 201);
});

const attendanceRoute = op('staff', 'post /orientations/{id}/attendance', {
  summary: 'Record attendance for the whole session',
  errors: { 422: ['orientation_not_started', 'unknown_member', 'member_withdrawn'] },
  body: attendanceBody,
  responses: {
    200: jsonResponse(
      'Recorded',
      z.object({ orientationId: z.string(), attended: z.array(z.string()) }),
    ),
  },
});
orientationsApi.openapi(attendanceRoute, async (c) => {
  const staff = requireStaff(c);
  const { memberIds } = c.req.valid('json');
  const { id } = c.req.valid('param');
  await recordOrientationAttendance(c.var.deps, staff, id, memberIds);
  return c.json({ orientationId: id, attended: [...new Set(memberIds)] }, 200);
});
