import { z } from 'zod';
import { isStaff } from '../../context.js';
import { jsonApi, jsonResponse, listOf, operationsOf, wholeList } from '../../http/api-route.js';
import { memberActedFor } from '../members/member-scope.js';
import { orientationSchema, toOrientationJson } from './orientations.json.js';
import { listOrientations } from './orientations.queries.js';
import { actedForBody, memberAttendanceBody } from '../members/members.schemas.js';
import { orientationBody } from './orientations.schemas.js';
import {
  recordOrientationAttendance,
  registerForOrientation,
  scheduleOrientation,
} from './orientations.service.js';

const api = jsonApi();
export const orientationsApi = api.router;
const op = operationsOf('orientations');

const listRoute = op('signed-in', 'get /orientations', {
  summary: 'Orientation sessions (members: upcoming only)',
  responses: { 200: jsonResponse('The sessions', listOf(orientationSchema)) },
});
api.openapi(listRoute, async (c, user) => {
  // Members see the sessions still to come; staff see them all.
  const rows = await listOrientations(
    c.var.deps.db,
    isStaff(user) ? {} : { fromIso: c.var.deps.clock.now().toISOString() },
  );
  return wholeList(rows.map(toOrientationJson));
});

const scheduleRoute = op('staff', 'post /orientations', {
  summary: 'Schedule an orientation session',
  body: orientationBody,
  responses: { 201: jsonResponse('The session', orientationSchema) },
});
api.openapi(scheduleRoute, async (c, staff) => {
  const orientation = await scheduleOrientation(c.var.deps, staff, c.req.valid('json'));
  return toOrientationJson(orientation);
});

const registerRoute = op('signed-in', 'post /orientations/{id}/registrations', {
  summary: 'Register (a member themselves; staff with memberId)',
  errors: {
    409: ['orientation_full', 'already_registered'],
    422: ['orientation_past', 'member_withdrawn'],
  },
  body: actedForBody,
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
api.openapi(registerRoute, async (c) => {
  const { id } = c.req.valid('param');
  const { memberId } = await memberActedFor(c, c.req.valid('json').memberId);
  await registerForOrientation(c.var.deps, id, memberId);
  return { orientationId: id, memberId, status: 'registered' as const };
});

const attendanceRoute = op('staff', 'post /orientations/{id}/attendance', {
  summary: 'Record attendance for the whole session',
  errors: { 422: ['orientation_not_started', 'unknown_member', 'member_withdrawn'] },
  body: memberAttendanceBody,
  responses: {
    200: jsonResponse(
      'Recorded',
      z.object({ orientationId: z.string(), attended: z.array(z.string()) }),
    ),
  },
});
api.openapi(attendanceRoute, async (c, staff) => {
  const { memberIds } = c.req.valid('json');
  const { id } = c.req.valid('param');
  await recordOrientationAttendance(c.var.deps, staff, id, memberIds);
  return { orientationId: id, attended: [...new Set(memberIds)] };
});
