import { Hono } from 'hono';
import { requireAdmin, requireStaff, requireUser } from '../../auth/guards.js';
import { isStaff, type AppContext, type AppEnv, type CurrentUser } from '../../context.js';
import { parseQuery, readJson } from '../../http/json.js';
import { addDaysToDate, tokyoInstant } from '../../lib/dates.js';
import { notFound } from '../../lib/errors.js';
import type { ApiRouteDoc } from '../../lib/openapi.js';
import { findMemberById, findMemberByUserId } from '../members/members.queries.js';
import { canViewMember } from '../members/members.policy.js';
import { getQualifications } from './qualification.service.js';
import { trainingSummary } from './training-summary.js';
import {
  toModuleJson,
  toQualificationsJson,
  toRecordJson,
  toSessionJson,
} from './trainings.json.js';
import { listMemberRecords, listModules, listRecordsByStatus } from './trainings.queries.js';
import {
  attendanceBody,
  enrollmentBody,
  moduleBody,
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
  todayIn,
} from './trainings.service.js';

export const trainingsApi = new Hono<AppEnv>();

const list = <T>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: items.length });

/** The member at :id if the caller may see it (staff, or the member themselves), else 404. */
async function loadVisibleMember(c: AppContext, id: string) {
  const user = requireUser(c);
  const member = await findMemberById(c.var.deps.db, id);
  if (!member || !canViewMember(user, member)) throw notFound();
  return { user, member };
}

/**
 * Whom an enrolment (or its cancellation) is for: staff name the member; a member acts only for
 * themselves, and another member's id is treated as unknown (404).
 */
async function enrolleeOf(c: AppContext, user: CurrentUser, memberId: string | undefined) {
  if (isStaff(user)) {
    if (!memberId) throw notFound();
    return memberId;
  }
  const own = await findMemberByUserId(c.var.deps.db, user.id);
  if (!own || (memberId && memberId !== own.id)) throw notFound();
  return own.id;
}

// Curriculum ----------------------------------------------------------------------------------

trainingsApi.get('/training-modules', async (c) => {
  const user = requireUser(c);
  // Members see the curriculum in force; staff also see retired modules.
  const modules = await listModules(c.var.deps.db, { activeOnly: !isStaff(user) });
  return c.json(list(modules.map(toModuleJson)));
});

trainingsApi.post('/training-modules', async (c) => {
  const admin = requireAdmin(c);
  const body = await readJson(c, moduleBody);
  return c.json(toModuleJson(await createModule(c.var.deps, admin, body)), 201);
});

trainingsApi.post('/training-modules/load-defaults', async (c) => {
  const admin = requireAdmin(c);
  const { added } = await loadDefaultCurriculum(c.var.deps, admin);
  const modules = await listModules(c.var.deps.db);
  return c.json({ added, ...list(modules.map(toModuleJson)) });
});

// Sessions and enrolment ------------------------------------------------------------------------

trainingsApi.get('/training-sessions', async (c) => {
  const user = requireUser(c);
  const query = parseQuery(c, sessionListQuery);
  const now = c.var.deps.clock.now().toISOString();
  if (isStaff(user)) {
    const rows = await listSessionsWithModules(c.var.deps, {
      fromIso: query.from ? tokyoInstant(query.from).toISOString() : undefined,
      toIso: query.to ? tokyoInstant(addDaysToDate(query.to, 1)).toISOString() : undefined,
      includeCancelled: true,
    });
    return c.json(list(rows.map((r) => toSessionJson(r.session, r.modules))));
  }
  // Members: the sessions still to come, with their own enrolment in each.
  const own = await findMemberByUserId(c.var.deps.db, user.id);
  const rows = await listSessionsWithModules(c.var.deps, { fromIso: now }, own?.id);
  return c.json(
    list(
      rows
        .filter((r) => r.session.starts_at > now)
        .map((r) => toSessionJson(r.session, r.modules, r.mine)),
    ),
  );
});

trainingsApi.post('/training-sessions', async (c) => {
  const staff = requireStaff(c);
  const body = await readJson(c, sessionBody);
  const session = await scheduleSession(c.var.deps, staff, body);
  const { modules } = await loadSession(c.var.deps, session.id);
  return c.json(toSessionJson(session, modules), 201);
});

trainingsApi.get('/training-sessions/:id', async (c) => {
  requireUser(c);
  const { session, modules } = await loadSession(c.var.deps, c.req.param('id'));
  return c.json(toSessionJson(session, modules));
});

trainingsApi.post('/training-sessions/:id/enrollments', async (c) => {
  const user = requireUser(c);
  const body = await readJson(c, enrollmentBody);
  const memberId = await enrolleeOf(c, user, body.memberId);
  const outcome = await enrollInSession(c.var.deps, user, c.req.param('id'), memberId, {
    byStaff: isStaff(user),
  });
  return c.json({ sessionId: c.req.param('id'), memberId, ...outcome }, 201);
});

trainingsApi.post('/training-sessions/:id/enrollments/cancel', async (c) => {
  const user = requireUser(c);
  const body = await readJson(c, enrollmentBody);
  const memberId = await enrolleeOf(c, user, body.memberId);
  const { promotedMemberId } = await cancelEnrollment(
    c.var.deps,
    user,
    c.req.param('id'),
    memberId,
    { byStaff: isStaff(user) },
  );
  return c.json({
    sessionId: c.req.param('id'),
    memberId,
    status: 'cancelled',
    // Staff learn who got the seat; a helper does not learn about another helper.
    ...(isStaff(user) ? { promotedMemberId } : {}),
  });
});

trainingsApi.post('/training-sessions/:id/attendance', async (c) => {
  const staff = requireStaff(c);
  const body = await readJson(c, attendanceBody);
  const result = await recordAttendance(
    c.var.deps,
    staff,
    c.req.param('id'),
    body,
    c.var.clientAddress,
  );
  return c.json({ sessionId: c.req.param('id'), ...result });
});

// Records and qualifications ----------------------------------------------------------------

trainingsApi.get('/members/:id/training-records', async (c) => {
  const { member } = await loadVisibleMember(c, c.req.param('id'));
  const records = await listMemberRecords(c.var.deps.db, member.id);
  return c.json(list(records.map(toRecordJson)));
});

trainingsApi.post('/members/:id/training-records', async (c) => {
  const { user, member } = await loadVisibleMember(c, c.req.param('id'));
  const body = await readJson(c, recordBody);
  const [record] = await addTrainingRecords(
    c.var.deps,
    user,
    member,
    { ...body, moduleIds: [body.moduleId] },
    { byStaff: isStaff(user), clientAddress: c.var.clientAddress },
  );
  return c.json(toRecordJson(record!), 201);
});

trainingsApi.get('/training-records', async (c) => {
  requireStaff(c);
  const { status } = parseQuery(c, recordListQuery);
  const rows = await listRecordsByStatus(c.var.deps.db, status ?? 'pending');
  return c.json(list(rows.map((r) => ({ ...toRecordJson(r), memberName: r.member_name }))));
});

for (const decision of ['approve', 'reject'] as const) {
  trainingsApi.post(`/training-records/:id/${decision}`, async (c) => {
    const staff = requireStaff(c);
    const { note } = await readJson(c, reviewBody);
    const record = await reviewTrainingRecord(
      c.var.deps,
      staff,
      c.req.param('id'),
      decision === 'approve' ? 'approved' : 'rejected',
      note,
      c.var.clientAddress,
    );
    return c.json(toRecordJson(record));
  });
}

trainingsApi.get('/members/:id/qualifications', async (c) => {
  const { member } = await loadVisibleMember(c, c.req.param('id'));
  const today = todayIn(c.var.deps);
  const q = await getQualifications(c.var.deps, member.id, today);
  if (!q) throw notFound();
  return c.json(toQualificationsJson(q, today));
});

trainingsApi.get('/training-summary', async (c) => {
  requireStaff(c);
  const { from, to } = parseQuery(c, summaryQuery);
  return c.json(await trainingSummary(c.var.deps, from, to));
});

// OpenAPI ---------------------------------------------------------------------------------------

const signedIn = { 401: 'Not signed in' };
export const trainingsApiDocs: ApiRouteDoc[] = [
  {
    method: 'get',
    path: '/training-modules',
    tag: 'training',
    access: 'signed-in',
    summary: 'The curriculum (members: active modules; staff: all)',
    responses: { 200: 'List of modules', ...signedIn },
  },
  {
    method: 'post',
    path: '/training-modules',
    tag: 'training',
    access: 'admin',
    body: moduleBody,
    summary: 'Add a module to the curriculum',
    responses: { 201: 'Module', 400: 'Invalid input', 403: 'Not an admin', 409: 'code_taken' },
  },
  {
    method: 'post',
    path: '/training-modules/load-defaults',
    tag: 'training',
    access: 'admin',
    summary: 'Load the default curriculum (idempotent: existing codes are kept)',
    responses: { 200: '{ added, items }', 403: 'Not an admin' },
  },
  {
    method: 'get',
    path: '/training-sessions',
    tag: 'training',
    access: 'signed-in',
    query: sessionListQuery,
    summary:
      'Training sessions: members see those still to come with seatsLeft and myEnrollment; staff see all (?from=&to=)',
    responses: { 200: 'List of sessions', ...signedIn },
  },
  {
    method: 'post',
    path: '/training-sessions',
    tag: 'training',
    access: 'staff',
    body: sessionBody,
    summary: 'Schedule a session teaching one or more modules',
    responses: { 201: 'Session', 400: 'Invalid input', 403: 'Not staff', 422: 'unknown_module' },
  },
  {
    method: 'get',
    path: '/training-sessions/{id}',
    tag: 'training',
    access: 'signed-in',
    summary: 'One session',
    responses: { 200: 'Session', 404: 'Not found', ...signedIn },
  },
  {
    method: 'post',
    path: '/training-sessions/{id}/enrollments',
    tag: 'training',
    access: 'signed-in',
    body: enrollmentBody,
    summary:
      'Enrol (a helper themselves with {}; staff with memberId): a seat while one is free, else the waitlist',
    responses: {
      201: '{ status: enrolled | waitlisted, waitlistPosition }',
      404: 'Session or member not found',
      409: 'already_enrolled, session_changed',
      422: 'not_a_helper, helper_inactive, session_started, session_cancelled',
    },
  },
  {
    method: 'post',
    path: '/training-sessions/{id}/enrollments/cancel',
    tag: 'training',
    access: 'signed-in',
    body: enrollmentBody,
    summary: 'Cancel an enrolment; the first on the waitlist gets the seat',
    responses: {
      200: '{ status: cancelled } (staff also see promotedMemberId)',
      404: 'Not found',
      409: 'not_enrolled',
      422: 'session_started',
    },
  },
  {
    method: 'post',
    path: '/training-sessions/{id}/attendance',
    tag: 'training',
    access: 'staff',
    body: attendanceBody,
    summary:
      'Record attendance per module (moduleIds for partial attendance; default all); creates approved training records',
    responses: {
      200: '{ attendees, records }',
      403: 'Not staff',
      404: 'Not found',
      422: 'session_not_held_yet, session_cancelled, module_not_in_session, unknown_member, not_a_helper',
    },
  },
  {
    method: 'get',
    path: '/members/{id}/training-records',
    tag: 'training',
    access: 'signed-in',
    summary:
      'A member’s training records, including pending and rejected submissions (staff, self)',
    responses: { 200: 'List of records', 404: 'Not found or not yours', ...signedIn },
  },
  {
    method: 'post',
    path: '/members/{id}/training-records',
    tag: 'training',
    access: 'signed-in',
    body: recordBody,
    summary:
      'Record an external certificate or exemption (staff: approved; the helper themselves: pending review)',
    responses: {
      201: 'Record',
      400: 'Invalid input',
      404: 'Not found or not yours',
      422: 'unknown_module, completed_in_future, not_a_helper',
    },
  },
  {
    method: 'get',
    path: '/training-records',
    tag: 'training',
    access: 'staff',
    query: recordListQuery,
    summary: 'Records by status (default: pending helper submissions)',
    responses: { 200: 'List of records', 403: 'Not staff' },
  },
  {
    method: 'post',
    path: '/training-records/{id}/approve',
    tag: 'training',
    access: 'staff',
    body: reviewBody,
    summary: 'Approve a helper’s submission',
    responses: { 200: 'Record', 403: 'Not staff', 404: 'Not found', 409: 'not_pending' },
  },
  {
    method: 'post',
    path: '/training-records/{id}/reject',
    tag: 'training',
    access: 'staff',
    body: reviewBody,
    summary: 'Reject a helper’s submission',
    responses: { 200: 'Record', 403: 'Not staff', 404: 'Not found', 409: 'not_pending' },
  },
  {
    method: 'get',
    path: '/members/{id}/qualifications',
    tag: 'training',
    access: 'signed-in',
    summary:
      'Qualifications: eligibleForMatching, sickChildCare, missing, expiring (60 days), records (staff, self)',
    responses: { 200: 'Qualifications', 404: 'Not found or not yours', ...signedIn },
  },
  {
    method: 'get',
    path: '/training-summary',
    tag: 'training',
    access: 'staff',
    query: summaryQuery,
    summary: 'Training figures of a period: sessions held, attendance, hours, newly qualified',
    responses: { 200: 'Summary', 400: 'Invalid period', 403: 'Not staff' },
  },
];
