import { z } from 'zod';
import { isStaff } from '../../context.js';
import { jsonApi, jsonResponse, listOf, operationsOf, wholeList } from '../../http/api-route.js';
import { addDaysToDate, tokyoInstant } from '../../lib/dates.js';
import { memberActedFor } from '../members/member-scope.js';
import { findMemberByUserId } from '../members/members.queries.js';
import { seatOutcomeJson } from '../members/members.schemas.js';
import { moduleSchema, sessionSchema, toModuleJson, toSessionJson } from './trainings.json.js';
import { listModules, listSessionModules } from './trainings.queries.js';
import {
  attendanceBody,
  enrollmentBody,
  moduleBody,
  moduleValidityBody,
  sessionBody,
  sessionListQuery,
} from './trainings.schemas.js';
import {
  cancelEnrollment,
  createModule,
  enrollInSession,
  listSessionsWithModules,
  loadDefaultCurriculum,
  loadSession,
  recordAttendance,
  scheduleSession,
  setModuleValidity,
} from './trainings.service.js';

const api = jsonApi();
export const trainingsApi = api.router;

const op = operationsOf('training');
/** Who may take the course (trainings.service.ts assertTrainableHelper). */
const TRAINABLE = ['not_a_helper', 'helper_inactive'];

// Curriculum ----------------------------------------------------------------------------------

const modulesRoute = op('signed-in', 'get /training-modules', {
  summary: 'The curriculum (members: active modules; staff: all)',
  responses: { 200: jsonResponse('The modules', listOf(moduleSchema)) },
});
api.openapi(modulesRoute, async (c, user) => {
  // Members see the curriculum in force; staff also see retired modules.
  const modules = await listModules(c.var.deps.db, { activeOnly: !isStaff(user) });
  return wholeList(modules.map(toModuleJson));
});

const createModuleRoute = op('admin', 'post /training-modules', {
  summary: 'Add a module to the curriculum',
  errors: { 409: ['code_taken'] },
  body: moduleBody,
  responses: { 201: jsonResponse('The module', moduleSchema) },
});
api.openapi(createModuleRoute, async (c, admin) =>
  toModuleJson(await createModule(c.var.deps, admin, c.req.valid('json'))),
);

const loadDefaultsRoute = op('admin', 'post /training-modules/load-defaults', {
  summary: 'Load the default curriculum (idempotent: existing codes are kept)',
  responses: {
    200: jsonResponse(
      'How many modules were added, and the whole curriculum',
      listOf(moduleSchema).extend({ added: z.number().int() }),
    ),
  },
});
api.openapi(loadDefaultsRoute, async (c, admin) => {
  const { added } = await loadDefaultCurriculum(c.var.deps, admin);
  const modules = await listModules(c.var.deps.db);
  return { added, ...wholeList(modules.map(toModuleJson)) };
});

const moduleValidityRoute = op('admin', 'patch /training-modules/{id}', {
  summary:
    "Set how long a module's completion stays valid (a refresher period, e.g. 60 months for 救命講習 and 事故防止講習)",
  errors: { 404: ['not_found'] },
  body: moduleValidityBody,
  responses: { 200: jsonResponse('The module', moduleSchema) },
});
api.openapi(moduleValidityRoute, async (c, admin) => {
  const module = await setModuleValidity(
    c.var.deps,
    admin,
    c.req.valid('param').id,
    c.req.valid('json'),
  );
  return toModuleJson(module);
});

// Sessions and enrolment ------------------------------------------------------------------------

const sessionsRoute = op('signed-in', 'get /training-sessions', {
  summary:
    'Training sessions: members see those still to come with seatsLeft and myEnrollment; staff see all (?from=&to=)',
  query: sessionListQuery,
  responses: { 200: jsonResponse('The sessions', listOf(sessionSchema)) },
});
api.openapi(sessionsRoute, async (c, user) => {
  const query = c.req.valid('query');
  const now = c.var.deps.clock.now().toISOString();
  if (isStaff(user)) {
    const rows = await listSessionsWithModules(c.var.deps, {
      fromIso: query.from ? tokyoInstant(query.from).toISOString() : undefined,
      toIso: query.to ? tokyoInstant(addDaysToDate(query.to, 1)).toISOString() : undefined,
      includeCancelled: true,
    });
    return wholeList(rows.map((r) => toSessionJson(r.session, r.modules)));
  }
  // Members: the sessions still to come, with their own enrolment in each.
  const own = await findMemberByUserId(c.var.deps.db, user.id);
  const rows = await listSessionsWithModules(c.var.deps, { fromIso: now }, own?.id);
  const upcoming = rows.filter((r) => r.session.starts_at > now);
  return wholeList(upcoming.map((r) => toSessionJson(r.session, r.modules, r.mine)));
});

const scheduleRoute = op('staff', 'post /training-sessions', {
  summary: 'Schedule a session teaching one or more modules',
  errors: { 422: ['unknown_module'] },
  body: sessionBody,
  responses: { 201: jsonResponse('The session', sessionSchema) },
});
api.openapi(scheduleRoute, async (c, staff) => {
  const session = await scheduleSession(c.var.deps, staff, c.req.valid('json'));
  const modules = await listSessionModules(c.var.deps.db, [session.id]);
  return toSessionJson(session, modules);
});

const sessionRoute = op('signed-in', 'get /training-sessions/{id}', {
  summary: 'One session',

  responses: { 200: jsonResponse('The session', sessionSchema) },
});
api.openapi(sessionRoute, async (c) => {
  const { session, modules } = await loadSession(c.var.deps, c.req.valid('param').id);
  return toSessionJson(session, modules);
});

const enrolRoute = op('signed-in', 'post /training-sessions/{id}/enrollments', {
  summary:
    'Enrol (a helper themselves with {}; staff with memberId): a seat while one is free, else the waitlist',
  errors: {
    409: ['already_enrolled', 'session_changed'],
    422: [...TRAINABLE, 'session_started', 'session_cancelled'],
  },
  body: enrollmentBody,
  responses: {
    201: jsonResponse(
      'A seat, or a place on the waitlist (1 = next in line)',
      seatOutcomeJson('sessionId', 'enrolled'),
    ),
  },
});
api.openapi(enrolRoute, async (c) => {
  const { id } = c.req.valid('param');
  const { user, memberId, byStaff } = await memberActedFor(c, c.req.valid('json').memberId);
  const outcome = await enrollInSession(c.var.deps, user, id, memberId, { byStaff });
  return { sessionId: id, memberId, ...outcome };
});

const cancelEnrolmentRoute = op('signed-in', 'post /training-sessions/{id}/enrollments/cancel', {
  summary: 'Cancel an enrolment; the first on the waitlist gets the seat',
  errors: { 409: ['not_enrolled'], 422: ['session_started'] },
  body: enrollmentBody,
  responses: {
    200: jsonResponse(
      'Cancelled (staff also learn who got the seat)',
      z.object({
        sessionId: z.string(),
        memberId: z.string(),
        status: z.literal('cancelled'),
        promotedMemberId: z.string().nullable().optional().describe('Staff only'),
      }),
    ),
  },
});
api.openapi(cancelEnrolmentRoute, async (c) => {
  const { id } = c.req.valid('param');
  const { user, memberId, byStaff } = await memberActedFor(c, c.req.valid('json').memberId);
  const { promotedMemberId } = await cancelEnrollment(c.var.deps, user, id, memberId, {
    byStaff,
  });
  return {
    sessionId: id,
    memberId,
    status: 'cancelled' as const,
    // Staff learn who got the seat; a helper does not learn about another helper.
    ...(byStaff ? { promotedMemberId } : {}),
  };
});

const attendanceRoute = op('staff', 'post /training-sessions/{id}/attendance', {
  summary:
    'Record attendance per module (moduleIds for partial attendance; default all); creates approved training records',
  errors: {
    422: [
      'session_not_held_yet',
      'session_cancelled',
      'module_not_in_session',
      'unknown_member',
      'not_a_helper',
    ],
  },
  body: attendanceBody,
  responses: {
    200: jsonResponse(
      'Helpers who attended something, and the records kept',
      z.object({
        sessionId: z.string(),
        attendees: z.number().int(),
        records: z.number().int(),
      }),
    ),
  },
});
api.openapi(attendanceRoute, async (c, staff) => {
  const { id } = c.req.valid('param');
  const body = c.req.valid('json');
  const result = await recordAttendance(c.var.deps, staff, id, body, c.var.clientAddress);
  return { sessionId: id, ...result };
});
