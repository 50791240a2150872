import type { AppDeps, CurrentUser } from '../../context.js';
import { tokyoDateOf } from '../../lib/dates.js';
import { notFound, unprocessable } from '../../lib/errors.js';
import type { Member } from '../../../db/schema.js';
import { findMemberById, findMemberByUserId } from '../members/members.queries.js';
import { canViewMember } from '../members/members.policy.js';
import {
  getQualifications,
  listHelperQualifications,
  loadCurriculum,
} from './qualification.service.js';
import { currentFiscalYearPeriod, trainingSummary } from './training-summary.js';
import {
  countPendingRecords,
  listAttendeesWithoutEnrollment,
  listEnrollableHelpers,
  listMemberRecords,
  listSessionAttendance,
  listSessionEnrollments,
} from './trainings.queries.js';
import { listSessionsWithModules, loadSession, todayIn } from './trainings.service.js';

/** What the training pages read, one loader per page. */

/** The helper's own page: her qualification, the sessions to come and her records. */
export async function loadMyTraining(
  deps: AppDeps,
  user: CurrentUser,
  /** The member row read with the session (c.var.member): not read again. */
  known?: { member: Member | null },
) {
  const today = todayIn(deps);
  const member = known ? known.member : await findMemberByUserId(deps.db, user.id);
  if (!member) return { state: 'no_member' as const, today };
  if (member.helper_status === null) return { state: 'not_helper' as const, today };
  const now = deps.clock.now().toISOString();
  const [{ rows: modules }, q, sessions, records] = await Promise.all([
    loadCurriculum(deps),
    getQualifications(deps, member.id, today),
    listSessionsWithModules(deps, { fromIso: now }, member.id),
    listMemberRecords(deps.db, member.id),
  ]);
  return {
    state: 'ok' as const,
    today,
    member,
    modules,
    q: q!,
    sessions: sessions.filter((s) => s.session.starts_at > now),
    records,
  };
}

/** How far back the sessions page lists past sessions. */
const PAST_DAYS = 90;

/** Staff's sessions page: recent and coming sessions, the fiscal year's figures. */
export async function loadSessionsOverview(deps: AppDeps) {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - PAST_DAYS * 86_400_000).toISOString();
  const period = currentFiscalYearPeriod(deps);
  const [sessions, { rows: modules }, summary, pendingCount] = await Promise.all([
    listSessionsWithModules(deps, { fromIso: since }),
    loadCurriculum(deps),
    trainingSummary(deps, period.from, period.to),
    countPendingRecords(deps.db),
  ]);
  return { now: now.toISOString(), sessions, modules, summary, pendingCount };
}

/** A session's sheet: who is enrolled, waitlisted or walked in, and who attended what. */
export async function loadSessionSheet(deps: AppDeps, sessionId: string) {
  const { session, modules } = await loadSession(deps, sessionId);
  const [enrollments, walkIns, attendance, candidates, pendingCount] = await Promise.all([
    listSessionEnrollments(deps.db, sessionId),
    listAttendeesWithoutEnrollment(deps.db, sessionId),
    listSessionAttendance(deps.db, sessionId),
    listEnrollableHelpers(deps.db, sessionId),
    countPendingRecords(deps.db),
  ]);
  const canRecord = tokyoDateOf(session.starts_at) <= todayIn(deps);
  return {
    session,
    modules,
    enrollments,
    walkIns,
    attendance,
    candidates,
    pendingCount,
    canRecord,
  };
}

/** Staff's helpers page: every helper's qualification. */
export async function loadHelpersOverview(deps: AppDeps) {
  const [{ rows: modules }, helpers, pendingCount] = await Promise.all([
    loadCurriculum(deps),
    listHelperQualifications(deps, todayIn(deps)),
    countPendingRecords(deps.db),
  ]);
  return { modules, helpers, pendingCount };
}

/** A helper (404 for a member who is not one). */
export async function findHelper(deps: AppDeps, memberId: string) {
  const member = await findMemberById(deps.db, memberId);
  if (!member || member.helper_status === null) throw notFound();
  return member;
}

/** Staff's page of one helper's training. */
export async function loadHelperTraining(deps: AppDeps, memberId: string) {
  const member = await findHelper(deps, memberId);
  const today = todayIn(deps);
  const [{ rows: modules }, q, records, pendingCount] = await Promise.all([
    loadCurriculum(deps),
    getQualifications(deps, member.id, today),
    listMemberRecords(deps.db, member.id),
    countPendingRecords(deps.db),
  ]);
  return { member, today, modules, q: q!, records, pendingCount };
}

/**
 * The certificate of completion of the basic course: each basic module with its first approved
 * completion (what the course was completed by). 422 before the course is complete.
 */
export async function loadCertificate(deps: AppDeps, user: CurrentUser, memberId: string) {
  const member = await findMemberById(deps.db, memberId);
  if (!member || !canViewMember(user, member) || member.helper_status === null) throw notFound();
  const today = todayIn(deps);
  const [{ rows: modules }, q, records] = await Promise.all([
    loadCurriculum(deps),
    getQualifications(deps, member.id, today),
    listMemberRecords(deps.db, member.id),
  ]);
  if (!q?.basicCompletedOn)
    throw unprocessable('basic_course_incomplete', 'training.certificate.incomplete');
  const lines = modules
    .filter((m) => m.kind === 'basic')
    .flatMap((m) => {
      const first = records
        .filter((r) => r.module_id === m.id && r.status === 'approved' && r.completed_on <= today)
        .sort((a, b) => (a.completed_on < b.completed_on ? -1 : 1))[0];
      return first
        ? [{ module: m, completedOn: first.completed_on, exempt: first.source === 'exemption' }]
        : [];
    });
  return { member, today, completedOn: q.basicCompletedOn, lines };
}
