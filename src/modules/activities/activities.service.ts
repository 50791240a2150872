import type { Updateable } from 'kysely';
import type { ActivityTable } from '../../../db/schema.js';
import { isStaff, type AppDeps, type CurrentUser } from '../../context.js';
import { insertIfPreviousChanged, type Compilable } from '../../lib/atomic.js';
import { HOUR } from '../../lib/clock.js';
import { AppError, conflict, forbidden, notFound, unprocessable } from '../../lib/errors.js';
import type { Translator } from '../../lib/i18n.js';
import { newId } from '../../lib/ids.js';
import { auditRow, buildAuditInsert } from '../audit/audit.queries.js';
import { changeAudited } from '../audit/audit.service.js';
import { notify, notifyAll } from '../notifications/notifications.service.js';
import { findRequestById, listRequestChildren } from '../requests/requests.queries.js';
import { formatWhen, staffUserIds } from '../requests/requests.service.js';
import { notifyUsersAndStaff } from '../requests/staff-notices.service.js';
import { getCenterSettings, getReportRules } from '../settings/settings.service.js';
import {
  buildActivityTransition,
  buildInsertFirstReport,
  buildCompleteRequestIfAudited,
  buildCorrectActivity,
  buildInsertIncident,
  buildMarkIncidentReported,
  findActivityById,
  findActivityByRequestId,
  deleteIfExists,
  insertIfExists,
  listActivityCategories,
  listActivityChildren,
  listApprovedActivities,
  listChargedCancellations,
  countUnapproved,
  listMissingReports,
  type ActivityRow,
} from './activities.queries.js';
import type {
  CreateActivityInput,
  FeeQuoteInput,
  IncidentInput,
  UpdateActivityInput,
} from './activities.schemas.js';
import { chargedActivityOf, feeJson, storedFeeOf } from './activities.json.js';
import {
  feeCategory,
  orderChildrenForFee,
  toStoredFee,
  type StoredFee,
} from '../fees/fee-lines.js';
import { selectFeeTable } from '../fees/fee-table.js';
import { minimumChargeOf, quoteFee } from '../fees/fees.js';
import { reportTimeRule } from './report-rules.js';
import {
  buildHelperSummary,
  buildRequesterStatement,
  monthRange,
  overdueCutoff,
  type HelperSummary,
  type RequesterStatement,
} from '../fees/statements.js';
import type { MemberWithEmail } from '../members/members.queries.js';
import { readHelpCategoryFlags } from '../categories/categories.queries.js';

/** The longest activity a report may describe. */
const MAX_ACTIVITY_MS = 24 * HOUR;

export type ActivityViewer =
  | { kind: 'staff'; user: CurrentUser }
  | { kind: 'helper' | 'requester'; user: CurrentUser; memberId: string };

/** Who is looking at this activity, or 404 when it is none of their business. */
export function activityViewer(user: CurrentUser, activity: ActivityRow): ActivityViewer {
  if (isStaff(user)) return { kind: 'staff', user };
  if (activity.helper_user_id === user.id)
    return { kind: 'helper', user, memberId: activity.helper_member_id };
  if (activity.requester_user_id === user.id)
    return { kind: 'requester', user, memberId: activity.requester_member_id };
  throw notFound();
}

export async function loadVisibleActivity(deps: AppDeps, user: CurrentUser, id: string) {
  const activity = await findActivityById(deps.db, id);
  if (!activity) throw notFound();
  return { activity, viewer: activityViewer(user, activity) };
}

/** The request a helper reports on, with its children: 404 for anyone but its helper. */
export async function loadRequestToReport(deps: AppDeps, user: CurrentUser, requestId: string) {
  const request = await findRequestById(deps.db, requestId);
  if (!request || request.helper_user_id !== user.id) throw notFound();
  const children = await listRequestChildren(deps.db, [request.id]);
  return { request, children: children.map((c) => ({ id: c.id, name: c.name })) };
}

/**
 * A new report's form: the request and its children, or the report already written on it
 * (which the form then shows instead). A cancelled request has nothing to report: 409.
 */
export async function openReportForm(deps: AppDeps, user: CurrentUser, requestId: string) {
  const { request, children } = await loadRequestToReport(deps, user, requestId);
  const existing = await findActivityByRequestId(deps.db, request.id);
  if (existing) return { request, children, existingId: existing.id };
  if (request.status === 'cancelled') throw conflict('request_cancelled', 'rule.request_cancelled');
  return { request, children, existingId: undefined };
}

/**
 * The helper's own report for the correction form, as it stands: 404 for anyone else, 409 once
 * it can no longer be corrected.
 */
export async function loadCorrection(deps: AppDeps, user: CurrentUser, id: string) {
  const { activity, viewer } = await loadVisibleActivity(deps, user, id);
  if (viewer.kind !== 'helper') throw notFound();
  if (!CORRECTABLE.includes(activity.status))
    throw conflict('not_correctable', 'rule.not_correctable');
  const [{ request, children }, reported] = await Promise.all([
    loadRequestToReport(deps, user, activity.request_id),
    snapshotOf(deps, activity),
  ]);
  return { activity, viewer, request, children, reported };
}

const fieldError = (field: string, key: string) =>
  new AppError(400, 'invalid_input', 'error.invalid_input', { [field]: [key] });

/** The fee of an activity with the fee table valid on its (Tokyo) start date. */
async function computeFee(
  deps: AppDeps,
  period: { startsAt: Date; endsAt: Date },
  children: { id: string | null; birthDate: string }[],
  categories: number[],
  // A request of the sick-child and emergency programme is priced by its bands (issue #20).
  programme: 'sick' | 'emergency' | null = null,
): Promise<{ fee: StoredFee; tableValidFrom: string }> {
  const settings = await getCenterSettings(deps);
  const table = selectFeeTable(settings.fees, period.startsAt);
  if (!table) throw unprocessable('no_fee_table');
  const ordered = orderChildrenForFee(
    children.map((c, i) => ({ id: c.id ?? `#${i}`, birthDate: c.birthDate, childId: c.id })),
  );
  const quote = quoteFee({
    startsAt: period.startsAt,
    endsAt: period.endsAt,
    childCount: ordered.length,
    category: feeCategory(categories, table),
    programme,
    table,
  });
  return {
    fee: toStoredFee(
      quote,
      ordered.map((c) => c.childId),
    ),
    tableValidFrom: table.validFrom,
  };
}

/** `POST /fees/quote`: what an activity would cost, line by line, in the caller's language. */
export async function quoteActivityFee(deps: AppDeps, t: Translator, input: FeeQuoteInput) {
  const { fee, tableValidFrom } = await computeFee(
    deps,
    { startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) },
    input.children.map((c) => ({ id: null, birthDate: c.birthDate })),
    [input.category],
  );
  const json = feeJson(t, fee, tableValidFrom);
  return {
    total: json.total,
    lines: json.lines.map((l) => ({
      label: l.label,
      minutes: l.minutes,
      rate: l.rate,
      amount: l.amount,
      childIndex: l.childIndex,
      band: l.band,
      from: l.from,
      to: l.to,
    })),
    childTotals: fee.childTotals.map((c) => c.amount),
    tableValidFrom,
  };
}

/**
 * A report describes the help that was asked for: a sane period, on the request's date (or
 * within the configured window of its planned start), after the request was made, and over.
 */
async function checkPeriod(
  deps: AppDeps,
  startedAt: Date,
  endedAt: Date,
  now: Date,
  request: { starts_at: string; created_at: string },
) {
  if (endedAt.getTime() <= startedAt.getTime())
    throw fieldError('endedAt', 'validation.end_after_start');
  if (endedAt.getTime() - startedAt.getTime() > MAX_ACTIVITY_MS)
    throw fieldError('endedAt', 'activities.validation.tooLong');
  const { activityStartWindowMinutes } = await getReportRules(deps);
  const broken = reportTimeRule({
    startedAt,
    endedAt,
    now,
    requestStartsAt: request.starts_at,
    requestCreatedAt: request.created_at,
    windowMinutes: activityStartWindowMinutes,
  });
  if (broken) throw unprocessable(broken);
}

/** The request's children the report names; anything else is a 422. */
async function childrenOfRequest(deps: AppDeps, requestId: string, childIds: string[]) {
  const all = await listRequestChildren(deps.db, [requestId]);
  const chosen = all.filter((c) => childIds.includes(c.id));
  if (chosen.length !== childIds.length) throw unprocessable('child_not_in_request');
  return chosen;
}

/** What a notice about an activity says of it (when it took place) and where it leads. */
function activityNotice(
  a: { id: string; started_at: string },
  more: Record<string, string | number> = {},
) {
  return { params: { when: formatWhen(a.started_at), ...more }, link: `/activities/${a.id}` };
}

/**
 * Every check of a new report, and its fee, without writing anything: the report page shows
 * this on its confirmation step, and reportActivity() stores exactly it.
 */
export async function prepareReport(deps: AppDeps, actor: CurrentUser, input: CreateActivityInput) {
  const request = await findRequestById(deps.db, input.requestId);
  // Only the assigned helper: for anyone else (staff, the family, another helper) there is
  // nothing here to report on.
  if (!request || !request.helper_member_id || request.helper_user_id !== actor.id)
    throw notFound();
  const helperId = request.helper_member_id;
  if (await findActivityByRequestId(deps.db, request.id))
    throw conflict('already_reported', 'rule.already_reported');
  if (request.status === 'cancelled') throw conflict('request_cancelled', 'rule.request_cancelled');
  if (request.status !== 'matched') throw conflict('invalid_transition');

  const now = deps.clock.now();
  const startedAt = new Date(input.startedAt);
  const endedAt = new Date(input.endedAt);
  await checkPeriod(deps, startedAt, endedAt, now, request);
  const children = await childrenOfRequest(deps, request.id, input.childIds);
  const { fee, tableValidFrom } = await computeFee(
    deps,
    { startsAt: startedAt, endsAt: endedAt },
    children.map((c) => ({ id: c.id, birthDate: c.birth_date })),
    input.categories,
    request.programme,
  );
  return { request, helperId, now, startedAt, endedAt, children, fee, tableValidFrom };
}

/**
 * The assigned helper reports an activity of a matched request. Anyone else gets 404 (the
 * request is not theirs to report on). One report per request: a second one is 409.
 */
export async function reportActivity(
  deps: AppDeps,
  actor: CurrentUser,
  input: CreateActivityInput,
  clientAddress?: string,
): Promise<string> {
  const { request, helperId, now, startedAt, endedAt, children, fee, tableValidFrom } =
    await prepareReport(deps, actor, input);
  const id = newId();
  const nowIso = now.toISOString();
  const row = {
    id,
    request_id: request.id,
    helper_member_id: helperId,
    requester_member_id: request.requester_member_id,
    started_at: startedAt.toISOString(),
    ended_at: endedAt.toISOString(),
    place: input.place,
    transport_cost: input.transportCost,
    meal_cost: input.mealCost,
    notes: input.notes,
    fee_total: fee.total,
    fee_lines: JSON.stringify(fee.lines),
    fee_child_totals: JSON.stringify(fee.childTotals),
    fee_table_valid_from: tableValidFrom,
    status: 'reported' as const,
    dispute_reason: null,
    return_reason: null,
    reported_at: nowIso,
    confirmed_at: null,
    approved_at: null,
    approved_by: null,
    version: 1,
    created_at: nowIso,
    updated_at: nowIso,
  };
  const witness = { table: 'activity', id } as const;
  const incidentId = input.incident ? newId() : null;
  const statements: Compilable[] = [
    buildInsertFirstReport(deps.db, row),
    ...children.map((c) =>
      insertIfExists(deps.db, 'activity_child', { activity_id: id, child_id: c.id }, witness),
    ),
    ...input.categories.map((category) =>
      insertIfExists(deps.db, 'activity_category', { activity_id: id, category }, witness),
    ),
    insertIfExists(
      deps.db,
      'audit_log',
      auditRow({
        at: now,
        actorUserId: actor.id,
        action: 'activity_reported',
        subjectType: 'activity',
        subjectId: id,
        clientAddress,
        details: { requestId: request.id, feeTotal: fee.total, incident: !!input.incident },
      }),
      witness,
    ),
  ];
  if (input.incident && incidentId)
    statements.push(
      insertIfExists(
        deps.db,
        'incident',
        incidentRow(incidentId, id, input.incident, actor, now),
        witness,
      ),
    );
  const [inserted] = await deps.atomic(statements);
  if (!inserted || inserted.numAffectedRows === 0) {
    if (await findActivityByRequestId(deps.db, request.id))
      throw conflict('already_reported', 'rule.already_reported');
    throw conflict('invalid_transition');
  }
  await notify(deps, {
    userId: request.requester_user_id,
    kind: 'activity_reported',
    ...activityNotice(row, { total: fee.total + input.transportCost + input.mealCost }),
  });
  if (input.incident && incidentId) await notifySeriousIncident(deps, input.incident, incidentId);
  return id;
}

function incidentRow(
  id: string,
  activityId: string,
  input: IncidentInput,
  actor: CurrentUser,
  now: Date,
) {
  return {
    id,
    activity_id: activityId,
    kind: input.kind,
    severity: input.severity,
    serious_reason: input.seriousReason,
    description: input.description,
    action_taken: input.actionTaken,
    reported_to_prefecture_at: null,
    created_by: actor.id,
    created_at: now.toISOString(),
  };
}

async function notifySeriousIncident(deps: AppDeps, input: IncidentInput, incidentId: string) {
  if (!input.seriousReason) return;
  await notifyAll(
    deps,
    (await staffUserIds(deps)).map((userId) => ({
      userId,
      kind: 'incident_serious',
      link: `/incidents/${incidentId}/print`,
      dedupeKey: `incident_serious:${incidentId}:${userId}`,
    })),
  );
}

function assertVersion(activity: ActivityRow, version: number | undefined) {
  if (version !== undefined && version !== activity.version)
    throw conflict('stale_version', 'rule.stale_version');
}

/**
 * A conditional status change from one of `from` with its audit row in one batch; 409 when the
 * report as read is in another status (nothing is written) or when the change did not apply.
 */
async function transition(
  deps: AppDeps,
  activity: ActivityRow,
  change: {
    from: ActivityRow['status'][];
    set: Updateable<ActivityTable>;
    action: string;
    actor: CurrentUser;
    clientAddress?: string | undefined;
    details?: Record<string, unknown>;
    then?: (auditId: string) => Compilable[];
  },
) {
  if (!change.from.includes(activity.status)) throw conflict('invalid_transition');
  const now = deps.clock.now();
  const audit = auditRow({
    at: now,
    actorUserId: change.actor.id,
    action: change.action,
    subjectType: 'activity',
    subjectId: activity.id,
    clientAddress: change.clientAddress,
    details: change.details,
  });
  const [update] = await deps.atomic([
    buildActivityTransition(deps.db, activity, change.from, {
      ...change.set,
      updated_at: now.toISOString(),
    }),
    insertIfPreviousChanged(deps.db, 'audit_log', audit),
    ...(change.then?.(audit.id) ?? []),
  ]);
  if (!update || update.numAffectedRows === 0) throw conflict('invalid_transition');
  return now;
}

/** The requester confirms the report (also after a dispute was talked through). */
export async function confirmActivity(
  deps: AppDeps,
  viewer: ActivityViewer,
  activity: ActivityRow,
  version?: number,
  clientAddress?: string,
) {
  if (viewer.kind !== 'requester') throw forbidden();
  assertVersion(activity, version);
  const now = deps.clock.now().toISOString();
  await transition(deps, activity, {
    from: ['reported', 'disputed'],
    set: { status: 'confirmed', confirmed_at: now, dispute_reason: null },
    action: 'activity_confirmed',
    actor: viewer.user,
    clientAddress,
  });
  await notify(deps, {
    userId: activity.helper_user_id,
    kind: 'activity_confirmed',
    ...activityNotice(activity),
    email: false,
  });
}

/** The requester disputes the report with a reason; the helper and staff are told. */
export async function disputeActivity(
  deps: AppDeps,
  viewer: ActivityViewer,
  activity: ActivityRow,
  reason: string,
  version?: number,
  clientAddress?: string,
) {
  if (viewer.kind !== 'requester') throw forbidden();
  assertVersion(activity, version);
  await transition(deps, activity, {
    from: ['reported'],
    set: { status: 'disputed', dispute_reason: reason },
    action: 'activity_disputed',
    actor: viewer.user,
    clientAddress,
  });
  await notifyUsersAndStaff(deps, [activity.helper_user_id], {
    kind: 'activity_disputed',
    ...activityNotice(activity, { requester: activity.requester_name }),
  });
}

/**
 * Staff approve a confirmed report (or a disputed one, once they have resolved it). The request
 * becomes `completed` in the same batch, which ends the helper's access to the child's health
 * details (that access lasts while a match is live).
 */
export async function approveActivity(
  deps: AppDeps,
  staff: CurrentUser,
  activity: ActivityRow,
  version?: number,
  clientAddress?: string,
) {
  assertVersion(activity, version);
  if (activity.status === 'reported') throw conflict('not_confirmed', 'rule.not_confirmed');
  const now = deps.clock.now().toISOString();
  await transition(deps, activity, {
    from: ['confirmed', 'disputed'],
    set: { status: 'approved', approved_at: now, approved_by: staff.id },
    action: 'activity_approved',
    actor: staff,
    clientAddress,
    details: { requestId: activity.request_id },
    then: (auditId) => [buildCompleteRequestIfAudited(deps.db, activity.request_id, auditId, now)],
  });
  await notifyAll(
    deps,
    [activity.helper_user_id, activity.requester_user_id].map((userId) => ({
      userId,
      kind: 'activity_approved',
      ...activityNotice(activity),
      email: false,
    })),
  );
}

/** Staff return the report to the helper for correction, with the reason. */
export async function returnActivity(
  deps: AppDeps,
  staff: CurrentUser,
  activity: ActivityRow,
  reason: string,
  version?: number,
  clientAddress?: string,
) {
  assertVersion(activity, version);
  await transition(deps, activity, {
    from: ['reported', 'confirmed', 'disputed'],
    set: { status: 'returned', return_reason: reason, confirmed_at: null },
    action: 'activity_returned',
    actor: staff,
    clientAddress,
  });
  await notify(deps, {
    userId: activity.helper_user_id,
    kind: 'activity_returned',
    ...activityNotice(activity),
  });
}

/** The report as it stands, for the revision history. */
async function snapshotOf(deps: AppDeps, activity: ActivityRow) {
  const [children, categories] = await Promise.all([
    listActivityChildren(deps.db, [activity.id]),
    listActivityCategories(deps.db, [activity.id]),
  ]);
  return {
    version: activity.version,
    status: activity.status,
    startedAt: activity.started_at,
    endedAt: activity.ended_at,
    childIds: children.map((c) => c.id),
    categories: categories.map((c) => c.category),
    place: activity.place,
    transportCost: activity.transport_cost,
    mealCost: activity.meal_cost,
    notes: activity.notes,
    feeTotal: activity.fee_total,
    feeTableValidFrom: activity.fee_table_valid_from,
    fee: storedFeeOf(activity),
    disputeReason: activity.dispute_reason,
    returnReason: activity.return_reason,
  };
}

export type ActivitySnapshot = Awaited<ReturnType<typeof snapshotOf>>;

export const CORRECTABLE: ActivityRow['status'][] = ['reported', 'returned'];
/**
 * Staff correct a report that is not yet approved (a wrong time the family disputed, a slip
 * seen before approval): the same rules, the previous version kept in its history.
 */
export const STAFF_CORRECTABLE: ActivityRow['status'][] = [
  'reported',
  'returned',
  'disputed',
  'confirmed',
];
const correctableBy = (viewer: ActivityViewer) =>
  viewer.kind === 'staff' ? STAFF_CORRECTABLE : CORRECTABLE;

/** Every check of a correction, and the new fee, without writing anything. */
export async function prepareCorrection(
  deps: AppDeps,
  viewer: ActivityViewer,
  activity: ActivityRow,
  input: UpdateActivityInput,
) {
  if (viewer.kind === 'requester') throw forbidden();
  assertVersion(activity, input.version);
  if (!correctableBy(viewer).includes(activity.status))
    throw conflict('not_correctable', 'rule.not_correctable');

  const now = deps.clock.now();
  const startedAt = new Date(input.startedAt ?? activity.started_at);
  const endedAt = new Date(input.endedAt ?? activity.ended_at);
  const request = await findRequestById(deps.db, activity.request_id);
  if (!request) throw notFound();
  await checkPeriod(deps, startedAt, endedAt, now, request);
  const before = await snapshotOf(deps, activity);
  const childIds = input.childIds ?? before.childIds;
  const categories = input.categories ?? before.categories;
  const children = await childrenOfRequest(deps, activity.request_id, childIds);
  const { fee, tableValidFrom } = await computeFee(
    deps,
    { startsAt: startedAt, endsAt: endedAt },
    children.map((c) => ({ id: c.id, birthDate: c.birth_date })),
    categories,
    request.programme,
  );

  return { now, startedAt, endedAt, before, children, categories, fee, tableValidFrom };
}

/**
 * The helper corrects her report while it is returned, or reported and not yet confirmed. The
 * previous version goes to activity_revision, the fee is computed again (with the table valid on
 * the start date), and the requester is asked to confirm again.
 */
export async function correctActivity(
  deps: AppDeps,
  viewer: ActivityViewer,
  activity: ActivityRow,
  input: UpdateActivityInput,
  clientAddress?: string,
) {
  if (viewer.kind === 'requester') throw forbidden();
  const { now, startedAt, endedAt, before, children, categories, fee, tableValidFrom } =
    await prepareCorrection(deps, viewer, activity, input);
  const nowIso = now.toISOString();
  const revisionId = newId();
  const witness = { table: 'activity_revision', id: revisionId } as const;
  const [update] = await deps.atomic([
    buildCorrectActivity(
      deps.db,
      activity,
      // Staff correct any helper's report; a helper only her own.
      viewer.kind === 'staff' ? undefined : viewer.memberId,
      correctableBy(viewer),
      {
        started_at: startedAt.toISOString(),
        ended_at: endedAt.toISOString(),
        place: input.place !== undefined ? input.place : activity.place,
        transport_cost: input.transportCost ?? activity.transport_cost,
        meal_cost: input.mealCost ?? activity.meal_cost,
        notes: input.notes !== undefined ? input.notes : activity.notes,
        fee_total: fee.total,
        fee_lines: JSON.stringify(fee.lines),
        fee_child_totals: JSON.stringify(fee.childTotals),
        fee_table_valid_from: tableValidFrom,
        status: 'reported',
        confirmed_at: null,
        dispute_reason: null,
        return_reason: null,
        reported_at: nowIso,
        version: activity.version + 1,
        updated_at: nowIso,
      },
    ),
    insertIfPreviousChanged(deps.db, 'activity_revision', {
      id: revisionId,
      activity_id: activity.id,
      version: activity.version,
      snapshot: JSON.stringify(before),
      changed_by: viewer.user.id,
      reason: input.reason ?? null,
      at: nowIso,
    }),
    deleteIfExists(deps.db, 'activity_child', activity.id, witness),
    ...children.map((c) =>
      insertIfExists(
        deps.db,
        'activity_child',
        { activity_id: activity.id, child_id: c.id },
        witness,
      ),
    ),
    deleteIfExists(deps.db, 'activity_category', activity.id, witness),
    ...categories.map((category) =>
      insertIfExists(deps.db, 'activity_category', { activity_id: activity.id, category }, witness),
    ),
    insertIfExists(
      deps.db,
      'audit_log',
      auditRow({
        at: now,
        actorUserId: viewer.user.id,
        action: 'activity_corrected',
        subjectType: 'activity',
        subjectId: activity.id,
        clientAddress,
        details: {
          version: activity.version + 1,
          feeBefore: activity.fee_total,
          feeAfter: fee.total,
          byStaff: viewer.kind === 'staff',
        },
      }),
      witness,
    ),
  ]);
  if (!update || update.numAffectedRows === 0) throw conflict('invalid_transition');
  await notify(deps, {
    userId: activity.requester_user_id,
    kind: 'activity_corrected',
    ...activityNotice(
      { id: activity.id, started_at: startedAt.toISOString() },
      { total: fee.total },
    ),
  });
}

/** A near-miss or accident reported after the activity report (by its helper, or staff). */
export async function addIncident(
  deps: AppDeps,
  viewer: ActivityViewer,
  activity: ActivityRow,
  input: IncidentInput,
  clientAddress?: string,
): Promise<string> {
  if (viewer.kind === 'requester') throw forbidden();
  const now = deps.clock.now();
  const id = newId();
  await deps.atomic([
    buildInsertIncident(deps.db, incidentRow(id, activity.id, input, viewer.user, now)),
    buildAuditInsert(deps.db, {
      at: now,
      actorUserId: viewer.user.id,
      action: 'incident_recorded',
      subjectType: 'incident',
      subjectId: id,
      clientAddress,
      details: { activityId: activity.id, kind: input.kind, severity: input.severity },
    }),
  ]);
  await notifySeriousIncident(deps, input, id);
  return id;
}

/** Staff record that a serious accident was reported to the prefecture (once). */
export async function markIncidentReported(
  deps: AppDeps,
  staff: CurrentUser,
  incidentId: string,
  clientAddress?: string,
) {
  const now = deps.clock.now();
  const mark = buildMarkIncidentReported(deps.db, incidentId, now.toISOString());
  const { changed } = await changeAudited(deps, staff, mark, {
    at: now,
    action: 'incident_reported_to_prefecture',
    subjectType: 'incident',
    subjectId: incidentId,
    clientAddress,
  });
  if (!changed) throw conflict('invalid_transition');
}

/**
 * The scheduled reminder: a helper whose report is overdue (not in by the due day of the month
 * after the activity) is told once per request.
 */
export async function notifyOverdueReports(deps: AppDeps, now: Date) {
  const { activityReportDueDay } = await getReportRules(deps);
  const rows = await listMissingReports(deps.db, overdueCutoff(now, activityReportDueDay), {
    notNotifiedKind: 'activity_report_overdue',
  });
  await notifyAll(
    deps,
    rows.map((r) => ({
      userId: r.helper_user_id,
      kind: 'activity_report_overdue',
      params: { when: formatWhen(r.starts_at), requester: r.requester_name },
      link: `/activities/new?request=${r.id}`,
      dedupeKey: `activity_report_overdue:${r.id}`,
    })),
  );
  return { overdue: rows.length };
}

/**
 * A member's monthly statement: as a requester (per child, with the free-childcare split) and
 * as a helper (activities and amounts received), whichever sides the member has. Only approved
 * activities count; `pending` says how many of the month's reports are not final yet.
 */
export async function loadStatement(deps: AppDeps, member: MemberWithEmail, month: string) {
  const range = monthRange(month);
  let requester: (RequesterStatement & { pending: number }) | null = null;
  let helper: (HelperSummary & { pending: number }) | null = null;
  if (member.requester_status !== null) {
    const who = { requesterId: member.id };
    const [rows, cancellations, pending] = await Promise.all([
      listApprovedActivities(deps.db, who, range),
      listChargedCancellations(deps.db, member.id, range),
      countUnapproved(deps.db, who, range),
    ]);
    const ids = rows.map((r) => r.id);
    const [children, categories, flags] = await Promise.all([
      listActivityChildren(deps.db, ids),
      listActivityCategories(deps.db, ids),
      readHelpCategoryFlags(deps.db),
    ]);
    const known = new Map(children.map((c) => [c.id, c]));
    requester = {
      ...buildRequesterStatement({
        month,
        transportCategories: flags.transport,
        children: [...known.values()].map((c) => ({
          id: c.id,
          name: c.name,
          birthDate: c.birth_date,
        })),
        activities: rows.map((a) => ({
          ...chargedActivityOf(a, categories),
          feeTotal: a.fee_total,
          childIds: children.filter((c) => c.activity_id === a.id).map((c) => c.id),
          helperName: a.helper_name,
        })),
        cancellations: cancellations.map((c) => ({
          requestId: c.id,
          startsAt: c.starts_at,
          amount: c.cancellation_fee ?? 0,
        })),
      }),
      pending,
    };
  }
  if (member.helper_status !== null) {
    const who = { helperId: member.id };
    const [rows, pending] = await Promise.all([
      listApprovedActivities(deps.db, who, range),
      countUnapproved(deps.db, who, range),
    ]);
    const children = await listActivityChildren(
      deps.db,
      rows.map((r) => r.id),
    );
    helper = {
      ...buildHelperSummary(
        month,
        rows.map((a) => ({
          id: a.id,
          startedAt: a.started_at,
          endedAt: a.ended_at,
          requesterName: a.requester_name,
          childCount: children.filter((c) => c.activity_id === a.id).length,
          feeTotal: a.fee_total,
          transportCost: a.transport_cost,
          mealCost: a.meal_cost,
        })),
      ),
      pending,
    };
  }
  return {
    memberId: member.id,
    memberName: member.name,
    memberNo: member.member_no,
    month,
    requester,
    helper,
  };
}

export type MemberStatement = Awaited<ReturnType<typeof loadStatement>>;

/**
 * Whether the minimum charge priced an activity (fees.ts `minimumChargeOf`), by the table it was
 * priced with (its valid-from date; the one valid on its start date if that table is gone), so the
 * fee lines can say why they cover more time than the help took.
 */
export async function minimumChargeFor(
  deps: AppDeps,
  tableValidFrom: string,
  period: { startsAt: Date; endsAt: Date },
) {
  const { fees } = await getCenterSettings(deps);
  const table =
    fees.find((t) => t.validFrom === tableValidFrom) ?? selectFeeTable(fees, period.startsAt);
  return table ? minimumChargeOf(table, period) : null;
}
