import type { AppDeps, CurrentUser } from '../../context.js';
import { addDaysToDate, tokyoDateOf } from '../../lib/dates.js';
import { AppError, conflict, forbidden, notFound, unprocessable } from '../../lib/errors.js';
import {
  buildAuditIfPreviousChanged,
  buildAuditInsert,
  type AuditEntry,
} from '../audit/audit.queries.js';
import { notifyAll } from '../notifications/notifications.service.js';
import {
  answerChecklist,
  doctorSeenProblem,
  exclusionReasons,
  sickChildCountProblem,
  type AnsweredItem,
  type ChecklistItem,
} from '../programme/sick-care-rules.js';
import { getCenterSettings } from '../settings/settings.service.js';
import { listActiveStaffUserIds, type RequestRow } from './requests.queries.js';
import type { RequestViewer } from './requests.service.js';
import {
  buildInsertHandoverIfMatched,
  buildInsertSickCareCheck,
  buildUpsertSickCareNote,
  findSickCareNote,
  listHandoverRefusals,
  listSickCareChecks,
} from './sick-care.queries.js';
import type { ChecklistAnswers, DoctorNoteInput, HandoverInput } from './sick-care.schemas.js';

/*
 * The sick-child programme's safeguards around one request of kind `sick` (issue #20 point 3;
 * the rules are programme/sick-care-rules.ts). The family answers the exclusion checklist with
 * the request and records the 医師連絡票 (and, when needed, the 代理受診委任状) before the care;
 * the matched helper answers the checklist again and records the child's state at handover.
 * A "yes" stops the care with the items named, and staff are told (without the health details:
 * notices are mailed; staff read them on the request's page or in the audit log).
 */

const ruleError = (code: string, params?: Record<string, string | number>) =>
  new AppError(422, code, `rule.${code}`, undefined, params);

/** The checklist's refusal: every item answered, none "yes" → the answered list. */
function clearChecklist(
  items: readonly ChecklistItem[],
  answers: ChecklistAnswers,
  onExcluded: (yes: AnsweredItem[]) => Promise<void>,
): Promise<AnsweredItem[]> {
  const outcome = answerChecklist(items, answers);
  if (outcome.kind === 'unanswered')
    throw new AppError(422, 'checklist_unanswered', 'rule.checklist_unanswered', {
      answers: ['rule.checklist_unanswered'],
    });
  if (outcome.kind === 'clear') return Promise.resolve(outcome.answered);
  return onExcluded(outcome.items).then(() => {
    throw ruleError('sick_excluded', exclusionReasons(outcome.items));
  });
}

async function tellStaff(
  deps: AppDeps,
  kind: 'sick_request_refused' | 'sick_handover_refused',
  params: Record<string, string>,
  link: string,
  dedupeKey: string,
) {
  const staff = await listActiveStaffUserIds(deps.db);
  await notifyAll(
    deps,
    staff.map((userId) => ({ userId, kind, params, link, dedupeKey: `${dedupeKey}:${userId}` })),
  );
}

/**
 * The sick-child checks of a new request (createRequests and its preview): one child, the
 * checklist answered and clear. A refusal tells staff once per family and day (the preview and
 * the send refuse alike). Returns the statement that keeps the answers, for the request's batch.
 */
export async function checkSickRequest(
  deps: AppDeps,
  actorUserId: string,
  requester: { id: string; name: string },
  input: { childIds: string[]; startsAt: string; checklist?: ChecklistAnswers | undefined },
) {
  const childProblem = sickChildCountProblem(new Set(input.childIds).size);
  if (childProblem) throw ruleError(childProblem);
  const settings = await getCenterSettings(deps);
  const date = tokyoDateOf(input.startsAt);
  const answered = await clearChecklist(
    settings.programme.exclusions,
    input.checklist ?? {},
    async (yes) => {
      await deps.atomic([
        buildAuditInsert(deps.db, {
          at: deps.clock.now(),
          actorUserId,
          action: 'sick_request_refused',
          subjectType: 'member',
          subjectId: requester.id,
          details: { date, yes: yes.map((i) => i.code), ...exclusionReasons(yes) },
        }),
      ]);
      await tellStaff(
        deps,
        'sick_request_refused',
        { requester: requester.name, date },
        `/members/${requester.id}`,
        `sick_request_refused:${requester.id}:${date}`,
      );
    },
  );
  return (requestId: string, actorUserId: string, nowIso: string) =>
    buildInsertSickCareCheck(deps.db, {
      request_id: requestId,
      stage: 'request',
      answers: JSON.stringify(answered),
      temperature: null,
      child_state: null,
      recorded_by_user_id: actorUserId,
      recorded_at: nowIso,
    });
}

const isSick = (request: RequestRow) => request.programme === 'sick';

/** The audit entry of one act on a sick-child request. */
const requestAudit = (
  actor: CurrentUser,
  request: RequestRow,
  entry: Omit<AuditEntry, 'actorUserId' | 'subjectType' | 'subjectId'>,
): AuditEntry => ({
  ...entry,
  actorUserId: actor.id,
  subjectType: 'care_request',
  subjectId: request.id,
});

/** The audit row of an act that writes nothing else (a read, a refusal), in a batch of its own. */
const auditOnRequest = (deps: AppDeps, ...entry: Parameters<typeof requestAudit>) =>
  deps.atomic([buildAuditInsert(deps.db, requestAudit(...entry))]);

const LIVE = ['open', 'offered', 'matched'];

/** What the safeguards page and API show of one sick-child request. */
export async function loadSickCare(deps: AppDeps, viewer: RequestViewer, request: RequestRow) {
  // A helper who was only offered the request sees nothing of the child's health.
  if (viewer.kind === 'offered') throw notFound();
  if (!isSick(request)) throw unprocessable('not_sick_care');
  const [note, checks, refusals] = await Promise.all([
    findSickCareNote(deps.db, request.id),
    listSickCareChecks(deps.db, request.id),
    listHandoverRefusals(deps.db, request.id),
  ]);
  // The doctor's note is the child's health data: a read by anyone but the family is logged.
  if (viewer.kind !== 'requester')
    await auditOnRequest(deps, viewer.user, request, {
      at: deps.clock.now(),
      action: 'sick_care_read',
    });
  const answersOf = (stage: 'request' | 'handover') => {
    const check = checks.find((c) => c.stage === stage);
    return check ? { ...check, answers: JSON.parse(check.answers) as AnsweredItem[] } : null;
  };
  return {
    note: note ?? null,
    requestCheck: answersOf('request'),
    handover: answersOf('handover'),
    refusals: refusals.map((r) => ({
      at: r.at,
      ...(JSON.parse(r.details ?? '{}') as { reasonsJa?: string; reasonsEn?: string }),
    })),
  };
}
export type SickCareView = Awaited<ReturnType<typeof loadSickCare>>;

/**
 * The 医師連絡票 (with the 代理受診委任状 when given): by the family or staff, while the request
 * is live and not yet handed over; the doctor was seen on the care's day or the day before.
 */
export async function recordDoctorNote(
  deps: AppDeps,
  viewer: RequestViewer,
  request: RequestRow,
  input: DoctorNoteInput,
  clientAddress?: string,
) {
  if (viewer.kind === 'offered') throw notFound();
  if (viewer.kind !== 'requester' && viewer.kind !== 'staff') throw forbidden();
  if (!isSick(request)) throw unprocessable('not_sick_care');
  if (!LIVE.includes(request.status)) throw conflict('invalid_transition');
  const seen = doctorSeenProblem(input.seenOn, tokyoDateOf(request.starts_at));
  if (seen)
    throw new AppError(
      422,
      seen,
      `rule.${seen}`,
      { seenOn: [`rule.${seen}`] },
      {
        earliest: addDaysToDate(tokyoDateOf(request.starts_at), -1),
      },
    );
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const [upsert] = await deps.atomic([
    buildUpsertSickCareNote(deps.db, {
      request_id: request.id,
      condition: input.condition,
      doctor_name: input.doctorName,
      institution: input.institution,
      seen_on: input.seenOn,
      diagnosis: input.diagnosis,
      instructions: input.instructions,
      proxy_institution: input.proxy?.institution ?? null,
      proxy_reason: input.proxy?.reason ?? null,
      recorded_by_user_id: viewer.user.id,
      recorded_at: nowIso,
      updated_at: nowIso,
    }),
    buildAuditIfPreviousChanged(
      deps.db,
      requestAudit(viewer.user, request, {
        at: now,
        action: 'sick_doctor_note_recorded',
        clientAddress,
        details: { proxy: input.proxy !== null },
      }),
    ),
  ]);
  if (!upsert || upsert.numAffectedRows === 0) throw conflict('sick_handed_over');
  return findSickCareNote(deps.db, request.id).then((n) => n!);
}

/**
 * The handover, by the matched helper on the care's day: the 医師連絡票 must be there, the
 * checklist answered again and clear; she records the temperature and the child's state. A
 * "yes" stops it: the refusal is kept in the audit log (staff see it on the request) and staff
 * are told.
 */
export async function recordHandover(
  deps: AppDeps,
  viewer: RequestViewer,
  request: RequestRow,
  input: HandoverInput,
  clientAddress?: string,
) {
  if (viewer.kind === 'offered') throw notFound();
  if (viewer.kind !== 'helper') throw forbidden();
  if (!isSick(request)) throw unprocessable('not_sick_care');
  if (request.status !== 'matched') throw conflict('invalid_transition');
  const now = deps.clock.now();
  if (tokyoDateOf(now) < tokyoDateOf(request.starts_at)) throw ruleError('handover_too_early');
  if (!(await findSickCareNote(deps.db, request.id))) throw ruleError('doctor_note_missing');
  const settings = await getCenterSettings(deps);
  const answered = await clearChecklist(settings.programme.exclusions, input.answers, (yes) =>
    refuseHandover(deps, viewer.user, request, yes, clientAddress),
  );
  const [insert] = await deps.atomic([
    buildInsertHandoverIfMatched(
      deps.db,
      {
        request_id: request.id,
        stage: 'handover',
        answers: JSON.stringify(answered),
        temperature: input.temperature,
        child_state: input.childState,
        recorded_by_user_id: viewer.user.id,
        recorded_at: now.toISOString(),
      },
      viewer.member.id,
    ),
    buildAuditIfPreviousChanged(
      deps.db,
      requestAudit(viewer.user, request, {
        at: now,
        action: 'sick_handover_recorded',
        clientAddress,
      }),
    ),
  ]);
  if (!insert || insert.numAffectedRows === 0) throw conflict('sick_handed_over');
}

async function refuseHandover(
  deps: AppDeps,
  actor: CurrentUser,
  request: RequestRow,
  yes: AnsweredItem[],
  clientAddress?: string,
) {
  const when = tokyoDateOf(request.starts_at);
  await auditOnRequest(deps, actor, request, {
    at: deps.clock.now(),
    action: 'sick_handover_refused',
    clientAddress,
    details: { yes: yes.map((i) => i.code), ...exclusionReasons(yes) },
  });
  await tellStaff(
    deps,
    'sick_handover_refused',
    { requester: request.requester_name, date: when },
    `/requests/${request.id}/sick-care`,
    `sick_handover_refused:${request.id}:${deps.clock.now().toISOString()}`,
  );
}
