import type { AppDeps, CurrentUser } from '../../context.js';
import { formatDate, tokyoDateOf } from '../../lib/dates.js';
import { conflict, notFound, unprocessable } from '../../lib/errors.js';
import { takeSeat } from '../../lib/seats.js';
import { changeAudited, insertAudited } from '../audit/audit.service.js';
import { newId } from '../../lib/ids.js';
import type { TrainingModule } from '../../../db/schema.js';
import { buildAuditInsert } from '../audit/audit.queries.js';
import { findMemberById, type MemberWithEmail } from '../members/members.queries.js';
import { notify } from '../notifications/notifications.service.js';
import { DEFAULT_CURRICULUM } from './default-curriculum.js';
import {
  buildAddAttendance,
  buildCancelEnrollment,
  buildEnroll,
  buildInsertModuleIfNew,
  buildInsertRecord,
  buildInsertSession,
  buildInsertSessionModules,
  buildPromoteNext,
  buildRemoveUntickedAttendance,
  buildReviewPendingRecord,
  buildUpdateModuleValidity,
  findModuleById,
  findRecord,
  findSession,
  findUserLocale,
  listMemberEnrollments,
  listMembersHelperStatus,
  listModules,
  listSessionModules,
  listSessions,
} from './trainings.queries.js';
import type {
  AttendanceInput,
  ModuleInput,
  ModuleValidityInput,
  RecordInput,
  SessionInput,
} from './trainings.schemas.js';

export const todayIn = (deps: Pick<AppDeps, 'clock'>) => tokyoDateOf(deps.clock.now());

// ---------------------------------------------------------------------------------------------
// Curriculum

function moduleRow(
  def: {
    code: string;
    titleJa: string;
    titleEn: string;
    hours: number;
    kind: TrainingModule['kind'];
    validityMode: TrainingModule['validity_mode'];
    validityMonths: number | null;
    sortOrder: number;
  },
  at: string,
): TrainingModule {
  return {
    id: newId(),
    code: def.code,
    title_ja: def.titleJa,
    title_en: def.titleEn,
    hours: def.hours,
    kind: def.kind,
    validity_mode: def.validityMode,
    validity_months: def.validityMode === 'fiscal_year_end' ? null : def.validityMonths,
    sort_order: def.sortOrder,
    active: 1,
    created_at: at,
  };
}

/**
 * Loads the default curriculum of DOMAIN.md into the center. Idempotent: modules whose code
 * exists already are left as the center edited them. Returns how many were added.
 */
export async function loadDefaultCurriculum(
  deps: AppDeps,
  actor: CurrentUser | null,
): Promise<{ added: number }> {
  const at = deps.clock.now();
  const results = await deps.atomic([
    ...DEFAULT_CURRICULUM.map((def) =>
      buildInsertModuleIfNew(deps.db, moduleRow(def, at.toISOString())),
    ),
  ]);
  const added = results.reduce((n, r) => n + r.numAffectedRows, 0);
  if (added > 0) {
    await buildAuditInsert(deps.db, {
      at,
      actorUserId: actor?.id ?? null,
      action: 'training_curriculum_loaded',
      subjectType: 'training_module',
      details: { added },
    }).execute();
  }
  return { added };
}

export async function createModule(deps: AppDeps, actor: CurrentUser, input: ModuleInput) {
  const title =
    typeof input.title === 'string' ? { ja: input.title, en: input.title } : input.title;
  const existing = await listModules(deps.db);
  const validityMode = input.validityMode ?? 'months';
  const row = moduleRow(
    {
      code: input.code,
      titleJa: title.ja,
      titleEn: title.en,
      hours: input.hours,
      kind: input.kind,
      validityMode,
      validityMonths: input.validityMonths ?? null,
      // New modules go after the others unless placed explicitly.
      sortOrder: input.sortOrder ?? Math.max(0, ...existing.map((m) => m.sort_order)) + 10,
    },
    deps.clock.now().toISOString(),
  );
  const { changed } = await changeAudited(deps, actor, buildInsertModuleIfNew(deps.db, row), {
    action: 'training_module_created',
    subjectType: 'training_module',
    subjectId: row.id,
    details: { code: row.code },
  });
  if (!changed) throw conflict('code_taken', 'training.rule.code_taken');
  return (await findModuleById(deps.db, row.id))!;
}

/**
 * Sets a module's validity: how long a completion counts before it must be repeated. Past
 * records are re-read under the new period at once (the engine derives expiry from the module),
 * so shortening it can drop helpers out of matching today; the audit row keeps the old value.
 */
export async function setModuleValidity(
  deps: AppDeps,
  actor: CurrentUser,
  moduleId: string,
  input: ModuleValidityInput,
) {
  const module = await findModuleById(deps.db, moduleId);
  if (!module) throw notFound();
  const months = input.validityMode === 'fiscal_year_end' ? null : input.validityMonths;
  await deps.atomic([
    buildUpdateModuleValidity(deps.db, module.id, { mode: input.validityMode, months }),
    buildAuditInsert(deps.db, {
      at: deps.clock.now(),
      actorUserId: actor.id,
      action: 'training_module_validity_set',
      subjectType: 'training_module',
      subjectId: module.id,
      details: {
        code: module.code,
        from: { mode: module.validity_mode, months: module.validity_months },
        to: { mode: input.validityMode, months },
      },
    }),
  ]);
  return (await findModuleById(deps.db, module.id))!;
}

// ---------------------------------------------------------------------------------------------
// Sessions

export async function scheduleSession(deps: AppDeps, actor: CurrentUser, input: SessionInput) {
  const moduleIds = [...new Set(input.moduleIds)];
  const active = new Set((await listModules(deps.db, { activeOnly: true })).map((m) => m.id));
  if (moduleIds.some((id) => !active.has(id)))
    throw unprocessable('unknown_module', 'training.rule.unknown_module');
  const details = { modules: moduleIds.length, capacity: input.capacity };
  const audit = { action: 'training_session_scheduled', subjectType: 'training_session', details };
  const id = await insertAudited(deps, actor, audit, (id, at) => [
    buildInsertSession(deps.db, {
      id,
      starts_at: new Date(input.startsAt).toISOString(),
      ends_at: new Date(input.endsAt).toISOString(),
      venue: input.venue,
      instructor: input.instructor,
      capacity: input.capacity,
      notes: input.notes,
      created_by: actor.id,
      created_at: at,
      cancelled_at: null,
    }),
    buildInsertSessionModules(deps.db, id, moduleIds),
  ]);
  return (await findSession(deps.db, id))!;
}

/** A session and its modules, or 404. */
export async function loadSession(deps: Pick<AppDeps, 'db'>, id: string) {
  const session = await findSession(deps.db, id);
  if (!session) throw notFound();
  const modules = await listSessionModules(deps.db, [id]);
  return { session, modules };
}

// ---------------------------------------------------------------------------------------------
// Enrolment

/** Only a member with a helper side that is applied or active takes the course. */
function assertTrainableHelper(member: MemberWithEmail) {
  if (member.helper_status === null)
    throw unprocessable('not_a_helper', 'training.rule.not_a_helper');
  if (
    member.withdrawn_at !== null ||
    member.helper_status === 'suspended' ||
    member.helper_status === 'withdrawn'
  )
    throw unprocessable('helper_inactive', 'training.rule.helper_inactive');
}

export interface EnrollmentOutcome {
  status: 'enrolled' | 'waitlisted';
  /** 1 = next in line; null when enrolled. */
  waitlistPosition: number | null;
}

/**
 * Enrols a helper: a seat if one is free, else the waitlist. A helper enrols only before the
 * session starts; staff may also enter a past enrolment (paper records). 409 `already_enrolled`.
 */
export async function enrollInSession(
  deps: AppDeps,
  actor: CurrentUser,
  sessionId: string,
  memberId: string,
  options: { byStaff: boolean },
): Promise<EnrollmentOutcome> {
  const session = await findSession(deps.db, sessionId);
  if (!session) throw notFound();
  const member = await findMemberById(deps.db, memberId);
  if (!member) throw notFound();
  if (session.cancelled_at)
    throw unprocessable('session_cancelled', 'training.rule.session_cancelled');
  assertTrainableHelper(member);
  const now = deps.clock.now().toISOString();
  if (!options.byStaff && session.starts_at <= now)
    throw unprocessable('session_started', 'training.rule.session_started');
  return takeSeat(
    deps,
    buildEnroll(deps.db, {
      sessionId,
      memberId,
      enrolledBy: actor.id,
      at: now,
      onlyBefore: options.byStaff ? null : now,
    }),
    {
      duplicate: () => conflict('already_enrolled', 'training.rule.already_enrolled'),
      // Cancelled or started between our read and the insert.
      skipped: () => conflict('session_changed', 'training.rule.session_changed'),
    },
  );
}

/**
 * Cancels a helper's enrolment and, in the same atomic batch, gives the freed seat to the
 * longest-waiting helper (only if a seat really is free). The promoted helper is notified.
 */
export async function cancelEnrollment(
  deps: AppDeps,
  actor: CurrentUser,
  sessionId: string,
  memberId: string,
  options: { byStaff: boolean },
): Promise<{ promotedMemberId: string | null }> {
  const session = await findSession(deps.db, sessionId);
  if (!session) throw notFound();
  const now = deps.clock.now().toISOString();
  if (!options.byStaff && session.starts_at <= now)
    throw unprocessable('session_started', 'training.rule.session_started');
  const { changed, after } = await changeAudited(
    deps,
    actor,
    buildCancelEnrollment(deps.db, { sessionId, memberId, at: now }),
    {
      action: 'training_enrollment_cancelled',
      subjectType: 'training_session',
      subjectId: sessionId,
      details: { memberId, byStaff: options.byStaff },
    },
    [buildPromoteNext(deps.db, { sessionId, at: now })],
  );
  if (!changed) {
    // Nothing to cancel, so nothing changed: the audit row is conditional on the cancellation,
    // and the promotion needs a free seat, which only a cancellation makes.
    throw conflict('not_enrolled', 'training.rule.not_enrolled');
  }
  const promoted = (after[0]?.rows[0] as { member_id: string } | undefined)?.member_id ?? null;
  if (promoted) await notifyPromotion(deps, promoted, session.starts_at);
  return { promotedMemberId: promoted };
}

async function notifyPromotion(deps: AppDeps, memberId: string, startsAt: string) {
  const member = await findMemberById(deps.db, memberId);
  if (!member) return;
  try {
    const locale = await findUserLocale(deps.db, member.user_id);
    await notify(deps, {
      userId: member.user_id,
      kind: 'training_promoted',
      params: { date: formatDate(startsAt, locale) },
      link: '/training',
    });
  } catch (err) {
    // The seat is given either way; a failed notice must not undo the cancellation's answer.
    console.error('[training] promotion notice failed', err);
  }
}

// ---------------------------------------------------------------------------------------------
// Attendance

/**
 * Records the attendance of a session, per module. For each listed member, the session's
 * attendance records become exactly what was ticked: `attended: false` removes them, a subset
 * of `moduleIds` records a partial attendance. Members not listed are left as they are.
 * Records are approved and dated the session's Tokyo date; re-recording never duplicates them.
 */
export async function recordAttendance(
  deps: AppDeps,
  actor: CurrentUser,
  sessionId: string,
  input: AttendanceInput,
  clientAddress?: string,
): Promise<{ attendees: number; records: number }> {
  const { session, modules } = await loadSession(deps, sessionId);
  if (session.cancelled_at)
    throw unprocessable('session_cancelled', 'training.rule.session_cancelled');
  const heldOn = tokyoDateOf(session.starts_at);
  if (heldOn > todayIn(deps))
    throw unprocessable('session_not_held_yet', 'training.rule.session_not_held_yet');
  const sessionModuleIds = modules.map((m) => m.id);
  const inSession = new Set(sessionModuleIds);

  // The last line for a member wins (a sheet never lists one twice, a script might).
  const byMember = new Map<string, string[]>();
  for (const a of input.attendees) {
    const ticked = a.attended ? [...new Set(a.moduleIds ?? sessionModuleIds)] : [];
    if (ticked.some((id) => !inSession.has(id)))
      throw unprocessable('module_not_in_session', 'training.rule.module_not_in_session');
    byMember.set(a.memberId, ticked);
  }
  const memberIds = [...byMember.keys()];
  if (memberIds.length === 0) return { attendees: 0, records: 0 };
  const members = await listMembersHelperStatus(deps.db, memberIds);
  if (members.length !== memberIds.length) throw unprocessable('unknown_member');
  if (members.some((m) => m.helper_status === null))
    throw unprocessable('not_a_helper', 'training.rule.not_a_helper');

  const keep = [...byMember].flatMap(([memberId, ids]) => ids.map((m) => `${memberId}:${m}`));
  const now = deps.clock.now();
  await deps.atomic([
    buildRemoveUntickedAttendance(deps.db, { sessionId, memberIds, keep }),
    buildAddAttendance(deps.db, {
      sessionId,
      completedOn: heldOn,
      recordedBy: actor.id,
      at: now.toISOString(),
      records: [...byMember].flatMap(([memberId, ids]) =>
        ids.map((moduleId) => ({ id: newId(), memberId, moduleId })),
      ),
    }),
    buildAuditInsert(deps.db, {
      at: now,
      actorUserId: actor.id,
      action: 'training_attendance_recorded',
      subjectType: 'training_session',
      subjectId: sessionId,
      clientAddress,
      details: {
        attendees: [...byMember.values()].filter((ids) => ids.length > 0).length,
        records: keep.length,
      },
    }),
  ]);
  return {
    attendees: [...byMember.values()].filter((ids) => ids.length > 0).length,
    records: keep.length,
  };
}

// ---------------------------------------------------------------------------------------------
// External certificates, exemptions and their review

/**
 * Records an external certificate or an exemption for one or more modules. Staff records are
 * approved at once; a helper's own submission waits for staff ('pending') and counts only then.
 */
export async function addTrainingRecords(
  deps: AppDeps,
  actor: CurrentUser,
  member: MemberWithEmail,
  input: Omit<RecordInput, 'moduleId'> & { moduleIds: string[] },
  options: { byStaff: boolean; clientAddress?: string },
) {
  assertTrainableHelperSide(member);
  const active = new Map(
    (await listModules(deps.db, { activeOnly: true })).map((m) => [m.id, m] as const),
  );
  const moduleIds = [...new Set(input.moduleIds)];
  if (moduleIds.length === 0 || moduleIds.some((id) => !active.has(id)))
    throw unprocessable('unknown_module', 'training.rule.unknown_module');
  if (input.completedOn > todayIn(deps))
    throw unprocessable('completed_in_future', 'training.rule.completed_in_future');
  const now = deps.clock.now();
  const ids = moduleIds.map(() => newId());
  // One INSERT per module: a multi-row insert of many modules would pass D1's limit of 100
  // bound parameters per statement.
  await deps.atomic([
    ...moduleIds.map((moduleId, i) =>
      buildInsertRecord(deps.db, {
        id: ids[i]!,
        member_id: member.id,
        module_id: moduleId,
        completed_on: input.completedOn,
        source: input.source,
        session_id: null,
        evidence_note: input.note,
        status: options.byStaff ? ('approved' as const) : ('pending' as const),
        recorded_by: actor.id,
        reviewed_by: options.byStaff ? actor.id : null,
        reviewed_at: options.byStaff ? now.toISOString() : null,
        review_note: null,
        created_at: now.toISOString(),
      }),
    ),
    buildAuditInsert(deps.db, {
      at: now,
      actorUserId: actor.id,
      action: options.byStaff ? 'training_record_added' : 'training_record_submitted',
      subjectType: 'member',
      subjectId: member.id,
      clientAddress: options.clientAddress,
      details: { source: input.source, modules: moduleIds.map((id) => active.get(id)!.code) },
    }),
  ]);
  return Promise.all(ids.map(async (id) => (await findRecord(deps.db, id))!));
}

/** A certificate may be recorded for a member who has a helper side (whatever its status). */
function assertTrainableHelperSide(member: MemberWithEmail) {
  if (member.helper_status === null)
    throw unprocessable('not_a_helper', 'training.rule.not_a_helper');
}

/**
 * Approves or rejects a helper's submission: a conditional UPDATE (only while pending), so two
 * staff deciding at once cannot both win; 409 `not_pending` otherwise. The helper is told.
 */
export async function reviewTrainingRecord(
  deps: AppDeps,
  actor: CurrentUser,
  recordId: string,
  decision: 'approved' | 'rejected',
  note: string | null,
  clientAddress?: string,
) {
  const record = await findRecord(deps.db, recordId);
  if (!record) throw notFound();
  const now = deps.clock.now();
  const { changed } = await changeAudited(
    deps,
    actor,
    buildReviewPendingRecord(deps.db, recordId, {
      status: decision,
      reviewed_by: actor.id,
      reviewed_at: now.toISOString(),
      review_note: note,
    }),
    {
      at: now,
      action: decision === 'approved' ? 'training_record_approved' : 'training_record_rejected',
      subjectType: 'member',
      subjectId: record.member_id,
      clientAddress,
      details: { recordId, module: record.module_code },
    },
  );
  if (!changed) throw conflict('not_pending', 'training.rule.not_pending');
  const member = await findMemberById(deps.db, record.member_id);
  if (member) {
    try {
      const locale = await findUserLocale(deps.db, member.user_id);
      await notify(deps, {
        userId: member.user_id,
        kind: decision === 'approved' ? 'training_record_approved' : 'training_record_rejected',
        params: {
          module: locale === 'ja' ? record.module_title_ja : record.module_title_en,
        },
        link: '/training',
      });
    } catch (err) {
      console.error('[training] review notice failed', err);
    }
  }
  return (await findRecord(deps.db, recordId))!;
}

// ---------------------------------------------------------------------------------------------
// Reading sessions for lists

/**
 * Sessions with their modules (two queries) and, for `memberId`, that member's enrolment in
 * each (a third). Used by the API list, the helper's page and the staff calendar.
 */
export async function listSessionsWithModules(
  deps: Pick<AppDeps, 'db'>,
  options: { fromIso?: string; toIso?: string; includeCancelled?: boolean },
  memberId?: string,
) {
  const sessions = await listSessions(deps.db, options);
  const [modules, mine] = await Promise.all([
    listSessionModules(
      deps.db,
      sessions.map((s) => s.id),
    ),
    memberId ? listMemberEnrollments(deps.db, memberId) : Promise.resolve([]),
  ]);
  const modulesOf = new Map<string, typeof modules>();
  for (const m of modules) {
    const list = modulesOf.get(m.session_id) ?? [];
    list.push(m);
    modulesOf.set(m.session_id, list);
  }
  const mineOf = new Map(mine.map((e) => [e.session_id, e]));
  return sessions.map((session) => {
    const e = mineOf.get(session.id);
    return {
      session,
      modules: modulesOf.get(session.id) ?? [],
      mine: e
        ? {
            status: e.status as 'enrolled' | 'waitlisted',
            waitlistPosition: e.status === 'waitlisted' ? Number(e.waitlist_position) : null,
          }
        : null,
    };
  });
}
