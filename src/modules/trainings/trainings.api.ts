import { z } from 'zod';
import { requireAdmin, requireStaff, requireUser } from '../../auth/guards.js';
import { isStaff } from '../../context.js';
import {
  apiRoute,
  apiRouter,
  idParam,
  jsonRequest,
  jsonResponse,
  listOf,
  wholeList,
} from '../../http/api-route.js';
import { addDaysToDate, tokyoInstant } from '../../lib/dates.js';
import { notFound } from '../../lib/errors.js';
import { memberActedFor, memberInScope, scopedMember } from '../members/member-scope.js';
import { findMemberByUserId } from '../members/members.queries.js';
import { getQualifications } from './qualification.service.js';
import { trainingSummary } from './training-summary.js';
import {
  moduleSchema,
  qualificationsSchema,
  recordSchema,
  sessionSchema,
  toModuleJson,
  toQualificationsJson,
  toRecordJson,
  toSessionJson,
  trainingSummarySchema,
} from './trainings.json.js';
import {
  listMemberRecords,
  listModules,
  listRecordsByStatus,
  listSessionModules,
} from './trainings.queries.js';
import {
  attendanceBody,
  enrollmentBody,
  moduleBody,
  moduleValidityBody,
  recordBody,
  recordListQuery,
  reviewBody,
  sessionBody,
  sessionListQuery,
  summaryQuery,
} from './trainings.schemas.js';
import {
  addTrainingRecords,
  cancelEnrollment,
  createModule,
  enrollInSession,
  listSessionsWithModules,
  loadDefaultCurriculum,
  loadSession,
  recordAttendance,
  reviewTrainingRecord,
  scheduleSession,
  setModuleValidity,
  todayIn,
} from './trainings.service.js';

export const trainingsApi = apiRouter();

const TAG = 'training';
/** Who may take the course (trainings.service.ts assertTrainableHelper). */
const TRAINABLE = ['not_a_helper', 'helper_inactive'];

// Curriculum ----------------------------------------------------------------------------------

const modulesRoute = apiRoute(
  {
    tag: TAG,
    access: 'signed-in',
    summary: 'The curriculum (members: active modules; staff: all)',
  },
  {
    method: 'get',
    path: '/training-modules',
    responses: { 200: jsonResponse('The modules', listOf(moduleSchema)) },
  },
);
trainingsApi.openapi(modulesRoute, async (c) => {
  const user = requireUser(c);
  // Members see the curriculum in force; staff also see retired modules.
  const modules = await listModules(c.var.deps.db, { activeOnly: !isStaff(user) });
  return c.json(wholeList(modules.map(toModuleJson)), 200);
});

const createModuleRoute = apiRoute(
  {
    tag: TAG,
    access: 'admin',
    summary: 'Add a module to the curriculum',
    errors: { 409: ['code_taken'] },
  },
  {
    method: 'post',
    path: '/training-modules',
    request: { body: jsonRequest(moduleBody) },
    responses: { 201: jsonResponse('The module', moduleSchema) },
  },
);
trainingsApi.openapi(createModuleRoute, async (c) => {
  const admin = requireAdmin(c);
  return c.json(toModuleJson(await createModule(c.var.deps, admin, c.req.valid('json'))), 201);
});

const loadDefaultsRoute = apiRoute(
  {
    tag: TAG,
    access: 'admin',
    summary: 'Load the default curriculum (idempotent: existing codes are kept)',
  },
  {
    method: 'post',
    path: '/training-modules/load-defaults',
    responses: {
      200: jsonResponse(
        'How many modules were added, and the whole curriculum',
        listOf(moduleSchema).extend({ added: z.number().int() }),
      ),
    },
  },
);
trainingsApi.openapi(loadDefaultsRoute, async (c) => {
  const admin = requireAdmin(c);
  const { added } = await loadDefaultCurriculum(c.var.deps, admin);
  const modules = await listModules(c.var.deps.db);
  return c.json({ added, ...wholeList(modules.map(toModuleJson)) }, 200);
});

const moduleValidityRoute = apiRoute(
  {
    tag: TAG,
    access: 'admin',
    summary:
      "Set how long a module's completion stays valid (a refresher period, e.g. 60 months for 救命講習 and 事故防止講習)",
  },
  {
    method: 'patch',
    path: '/training-modules/{id}',
    request: { params: idParam, body: jsonRequest(moduleValidityBody) },
    responses: { 200: jsonResponse('The module', moduleSchema) },
  },
);
trainingsApi.openapi(moduleValidityRoute, async (c) => {
  const admin = requireAdmin(c);
  const module = await setModuleValidity(
    c.var.deps,
    admin,
    c.req.valid('param').id,
    c.req.valid('json'),
  );
  return c.json(toModuleJson(module), 200);
});

// Sessions and enrolment ------------------------------------------------------------------------

const sessionsRoute = apiRoute(
  {
    tag: TAG,
    access: 'signed-in',
    summary:
      'Training sessions: members see those still to come with seatsLeft and myEnrollment; staff see all (?from=&to=)',
  },
  {
    method: 'get',
    path: '/training-sessions',
    request: { query: sessionListQuery },
    responses: { 200: jsonResponse('The sessions', listOf(sessionSchema)) },
  },
);
trainingsApi.openapi(sessionsRoute, async (c) => {
  const user = requireUser(c);
  const query = c.req.valid('query');
  const now = c.var.deps.clock.now().toISOString();
  if (isStaff(user)) {
    const rows = await listSessionsWithModules(c.var.deps, {
      fromIso: query.from ? tokyoInstant(query.from).toISOString() : undefined,
      toIso: query.to ? tokyoInstant(addDaysToDate(query.to, 1)).toISOString() : undefined,
      includeCancelled: true,
    });
    return c.json(wholeList(rows.map((r) => toSessionJson(r.session, r.modules))), 200);
  }
  // Members: the sessions still to come, with their own enrolment in each.
  const own = await findMemberByUserId(c.var.deps.db, user.id);
  const rows = await listSessionsWithModules(c.var.deps, { fromIso: now }, own?.id);
  const upcoming = rows.filter((r) => r.session.starts_at > now);
  return c.json(wholeList(upcoming.map((r) => toSessionJson(r.session, r.modules, r.mine))), 200);
});

const scheduleRoute = apiRoute(
  {
    tag: TAG,
    access: 'staff',
    summary: 'Schedule a session teaching one or more modules',
    errors: { 422: ['unknown_module'] },
  },
  {
    method: 'post',
    path: '/training-sessions',
    request: { body: jsonRequest(sessionBody) },
    responses: { 201: jsonResponse('The session', sessionSchema) },
  },
);
trainingsApi.openapi(scheduleRoute, async (c) => {
  const staff = requireStaff(c);
  const session = await scheduleSession(c.var.deps, staff, c.req.valid('json'));
  const modules = await listSessionModules(c.var.deps.db, [session.id]);
  return c.json(toSessionJson(session, modules), 201);
});

const sessionRoute = apiRoute(
  { tag: TAG, access: 'signed-in', summary: 'One session' },
  {
    method: 'get',
    path: '/training-sessions/{id}',
    request: { params: idParam },
    responses: { 200: jsonResponse('The session', sessionSchema) },
  },
);
trainingsApi.openapi(sessionRoute, async (c) => {
  requireUser(c);
  const { session, modules } = await loadSession(c.var.deps, c.req.valid('param').id);
  return c.json(toSessionJson(session, modules), 200);
});

const enrolRoute = apiRoute(
  {
    tag: TAG,
    access: 'signed-in',
    summary:
      'Enrol (a helper themselves with {}; staff with memberId): a seat while one is free, else the waitlist',
    errors: {
      409: ['already_enrolled', 'session_changed'],
      422: [...TRAINABLE, 'session_started', 'session_cancelled'],
    },
  },
  {
    method: 'post',
    path: '/training-sessions/{id}/enrollments',
    request: { params: idParam, body: jsonRequest(enrollmentBody) },
    responses: {
      201: jsonResponse(
        'A seat, or a place on the waitlist (1 = next in line)',
        z.object({
          sessionId: z.string(),
          memberId: z.string(),
          status: z.enum(['enrolled', 'waitlisted']),
          waitlistPosition: z.number().int().nullable(),
        }),
      ),
    },
  },
);
trainingsApi.openapi(enrolRoute, async (c) => {
  const { id } = c.req.valid('param');
  const { user, memberId, byStaff } = await memberActedFor(c, c.req.valid('json').memberId);
  const outcome = await enrollInSession(c.var.deps, user, id, memberId, { byStaff });
  return c.json({ sessionId: id, memberId, ...outcome }, 201);
});

const cancelEnrolmentRoute = apiRoute(
  {
    tag: TAG,
    access: 'signed-in',
    summary: 'Cancel an enrolment; the first on the waitlist gets the seat',
    errors: { 409: ['not_enrolled'], 422: ['session_started'] },
  },
  {
    method: 'post',
    path: '/training-sessions/{id}/enrollments/cancel',
    request: { params: idParam, body: jsonRequest(enrollmentBody) },
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
  },
);
trainingsApi.openapi(cancelEnrolmentRoute, async (c) => {
  const { id } = c.req.valid('param');
  const { user, memberId, byStaff } = await memberActedFor(c, c.req.valid('json').memberId);
  const { promotedMemberId } = await cancelEnrollment(c.var.deps, user, id, memberId, {
    byStaff,
  });
  return c.json(
    {
      sessionId: id,
      memberId,
      status: 'cancelled' as const,
      // Staff learn who got the seat; a helper does not learn about another helper.
      ...(byStaff ? { promotedMemberId } : {}),
    },
    200,
  );
});

const attendanceRoute = apiRoute(
  {
    tag: TAG,
    access: 'staff',
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
  },
  {
    method: 'post',
    path: '/training-sessions/{id}/attendance',
    request: { params: idParam, body: jsonRequest(attendanceBody) },
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
  },
);
trainingsApi.openapi(attendanceRoute, async (c) => {
  const staff = requireStaff(c);
  const { id } = c.req.valid('param');
  const body = c.req.valid('json');
  const result = await recordAttendance(c.var.deps, staff, id, body, c.var.clientAddress);
  return c.json({ sessionId: id, ...result }, 200);
});

// Records and qualifications ----------------------------------------------------------------

const memberRecordsRoute = apiRoute(
  {
    tag: TAG,
    access: 'signed-in',
    summary:
      'A member’s training records, including pending and rejected submissions (staff, self)',
  },
  {
    method: 'get',
    path: '/members/{id}/training-records',
    request: { params: idParam },
    responses: { 200: jsonResponse('The records', listOf(recordSchema)) },
  },
  memberInScope,
);
trainingsApi.openapi(memberRecordsRoute, async (c) => {
  const { member } = scopedMember(c);
  const records = await listMemberRecords(c.var.deps.db, member.id);
  return c.json(wholeList(records.map(toRecordJson)), 200);
});

const addRecordRoute = apiRoute(
  {
    tag: TAG,
    access: 'signed-in',
    summary:
      'Record an external certificate or exemption (staff: approved; the helper themselves: pending review)',
    errors: { 422: ['unknown_module', 'completed_in_future', 'not_a_helper'] },
  },
  {
    method: 'post',
    path: '/members/{id}/training-records',
    request: { params: idParam, body: jsonRequest(recordBody) },
    responses: { 201: jsonResponse('The record', recordSchema) },
  },
  memberInScope,
);
trainingsApi.openapi(addRecordRoute, async (c) => {
  const { user, member } = scopedMember(c);
  const body = c.req.valid('json');
  const [record] = await addTrainingRecords(
    c.var.deps,
    user,
    member,
    { ...body, moduleIds: [body.moduleId] },
    { byStaff: isStaff(user), clientAddress: c.var.clientAddress },
  );
  return c.json(toRecordJson(record!), 201);
});

const recordsRoute = apiRoute(
  {
    tag: TAG,
    access: 'staff',
    summary: 'Records by status (default: pending helper submissions)',
  },
  {
    method: 'get',
    path: '/training-records',
    request: { query: recordListQuery },
    responses: {
      200: jsonResponse(
        'The records, with the member’s name',
        listOf(recordSchema.extend({ memberName: z.string() })),
      ),
    },
  },
);
trainingsApi.openapi(recordsRoute, async (c) => {
  requireStaff(c);
  const { status } = c.req.valid('query');
  const rows = await listRecordsByStatus(c.var.deps.db, status ?? 'pending');
  return c.json(
    wholeList(rows.map((r) => ({ ...toRecordJson(r), memberName: r.member_name }))),
    200,
  );
});

for (const decision of ['approve', 'reject'] as const) {
  const reviewRoute = apiRoute(
    {
      tag: TAG,
      access: 'staff',
      summary:
        decision === 'approve' ? 'Approve a helper’s submission' : 'Reject a helper’s submission',
      errors: { 409: ['not_pending'] },
    },
    {
      method: 'post',
      path: `/training-records/{id}/${decision}`,
      request: { params: idParam, body: jsonRequest(reviewBody) },
      responses: { 200: jsonResponse('The record', recordSchema) },
    },
  );
  trainingsApi.openapi(reviewRoute, async (c) => {
    const staff = requireStaff(c);
    const record = await reviewTrainingRecord(
      c.var.deps,
      staff,
      c.req.valid('param').id,
      decision === 'approve' ? 'approved' : 'rejected',
      c.req.valid('json').note,
      c.var.clientAddress,
    );
    return c.json(toRecordJson(record), 200);
  });
}

const qualificationsRoute = apiRoute(
  {
    tag: TAG,
    access: 'signed-in',
    summary:
      'Qualifications: eligibleForMatching, sickChildCare, missing, expiring (60 days), records (staff, self)',
  },
  {
    method: 'get',
    path: '/members/{id}/qualifications',
    request: { params: idParam },
    responses: { 200: jsonResponse('The qualifications', qualificationsSchema) },
  },
  memberInScope,
);
trainingsApi.openapi(qualificationsRoute, async (c) => {
  const { member } = scopedMember(c);
  const today = todayIn(c.var.deps);
  const q = await getQualifications(c.var.deps, member.id, today);
  if (!q) throw notFound();
  return c.json(toQualificationsJson(q, today), 200);
});

const summaryRoute = apiRoute(
  {
    tag: TAG,
    access: 'staff',
    summary: 'Training figures of a period: sessions held, attendance, hours, newly qualified',
  },
  {
    method: 'get',
    path: '/training-summary',
    request: { query: summaryQuery },
    responses: { 200: jsonResponse('The summary', trainingSummarySchema) },
  },
);
trainingsApi.openapi(summaryRoute, async (c) => {
  requireStaff(c);
  const { from, to } = c.req.valid('query');
  return c.json(await trainingSummary(c.var.deps, from, to), 200);
});
