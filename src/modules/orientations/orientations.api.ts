import { Hono } from 'hono';
import { requireStaff, requireUser } from '../../auth/guards.js';
import { isStaff, type AppEnv } from '../../context.js';
import { readJson } from '../../http/json.js';
import { toTokyoIso } from '../../lib/dates.js';
import { notFound } from '../../lib/errors.js';
import type { ApiRouteDoc } from '../../lib/openapi.js';
import { findMemberByUserId } from '../members/members.queries.js';
import { listOrientations } from './orientations.queries.js';
import { attendanceBody, orientationBody, registrationBody } from './orientations.schemas.js';
import {
  recordOrientationAttendance,
  registerForOrientation,
  scheduleOrientation,
} from './orientations.service.js';

type OrientationRow = Awaited<ReturnType<typeof listOrientations>>[number];
export const toOrientationJson = (o: OrientationRow) => ({
  id: o.id,
  startsAt: toTokyoIso(o.starts_at),
  endsAt: toTokyoIso(o.ends_at),
  venue: o.venue,
  capacity: o.capacity,
  registered: Number(o.registered ?? 0),
  spotsLeft: Math.max(0, o.capacity - Number(o.registered ?? 0)),
  notes: o.notes,
});

export const orientationsApi = new Hono<AppEnv>();

orientationsApi.get('/orientations', async (c) => {
  const user = requireUser(c);
  // Members see the sessions still to come; staff see them all.
  const rows = await listOrientations(
    c.var.deps.db,
    isStaff(user) ? {} : { fromIso: c.var.deps.clock.now().toISOString() },
  );
  const items = rows.map(toOrientationJson);
  return c.json({ items, total: items.length, page: 1, pageSize: items.length });
});

orientationsApi.post('/orientations', async (c) => {
  const staff = requireStaff(c);
  const body = await readJson(c, orientationBody);
  return c.json(toOrientationJson(await scheduleOrientation(c.var.deps, staff, body)), 201);
});

orientationsApi.post('/orientations/:id/registrations', async (c) => {
  const user = requireUser(c);
  const body = await readJson(c, registrationBody);
  let memberId: string;
  if (isStaff(user)) {
    if (!body.memberId) throw notFound();
    memberId = body.memberId;
  } else {
    const own = await findMemberByUserId(c.var.deps.db, user.id);
    // A member registers only themselves: another member's id is treated as unknown.
    if (!own || (body.memberId && body.memberId !== own.id)) throw notFound();
    memberId = own.id;
  }
  await registerForOrientation(c.var.deps, c.req.param('id'), memberId);
  return c.json({ orientationId: c.req.param('id'), memberId, status: 'registered' }, 201);
});

orientationsApi.post('/orientations/:id/attendance', async (c) => {
  const staff = requireStaff(c);
  const { memberIds } = await readJson(c, attendanceBody);
  await recordOrientationAttendance(c.var.deps, staff, c.req.param('id'), memberIds);
  return c.json({ orientationId: c.req.param('id'), attended: [...new Set(memberIds)] });
});

export const orientationsApiDocs: ApiRouteDoc[] = [
  {
    method: 'get',
    path: '/orientations',
    tag: 'orientations',
    access: 'signed-in',
    summary: 'Orientation sessions (members: upcoming only)',
    responses: { 200: 'List', 401: 'Not signed in' },
  },
  {
    method: 'post',
    path: '/orientations',
    tag: 'orientations',
    access: 'staff',
    body: orientationBody,
    summary: 'Schedule an orientation session',
    responses: { 201: 'Orientation', 400: 'Invalid input', 403: 'Not staff' },
  },
  {
    method: 'post',
    path: '/orientations/{id}/registrations',
    tag: 'orientations',
    access: 'signed-in',
    body: registrationBody,
    summary: 'Register (a member themselves; staff with memberId)',
    responses: {
      201: 'Registered',
      404: 'Not found',
      409: 'orientation_full, already_registered',
      422: 'orientation_past, member_withdrawn',
    },
  },
  {
    method: 'post',
    path: '/orientations/{id}/attendance',
    tag: 'orientations',
    access: 'staff',
    body: attendanceBody,
    summary: 'Record attendance for the whole session',
    responses: { 200: 'Recorded', 403: 'Not staff', 404: 'Not found', 422: 'unknown_member' },
  },
];
