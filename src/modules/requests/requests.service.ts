import { sql } from 'kysely';
import { isStaff, type AppDeps, type CurrentUser } from '../../context.js';
import { insertIfPreviousChanged, type Compilable } from '../../lib/atomic.js';
import { fiscalYearOf, tokyoDateOf, tokyoTimeOf } from '../../lib/dates.js';
import { AppError, conflict, notFound, unprocessable } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { inJson } from '../../lib/sql.js';
import { auditRow, buildAuditInsert } from '../audit/audit.queries.js';
import { cancellationFee } from '../fees/fees.js';
import { selectFeeTable } from '../fees/fee-table.js';
import {
  findMemberById,
  findMemberByUserId,
  type MemberWithEmail,
} from '../members/members.queries.js';
import { childAgeStatus } from '../members/member-rules.js';
import { notify } from '../notifications/notifications.service.js';
import { getCenterSettings } from '../settings/settings.service.js';
import {
  checkRequestRules,
  expandWeeklyPattern,
  MAX_OCCURRENCES,
  requestRuleParams,
  requestRulesOf,
} from './request-rules.js';
import { findRequestById, listRequestChildren, type RequestRow } from './requests.queries.js';
import type { CreateRequestInput } from './requests.schemas.js';

export type RequestViewer =
  | { kind: 'staff'; user: CurrentUser }
  | { kind: 'requester' | 'helper' | 'offered'; user: CurrentUser; member: MemberWithEmail };

/** Who is looking at this request, or 404 when it is none of their business. */
export async function requestViewer(
  deps: AppDeps,
  user: CurrentUser,
  request: RequestRow,
): Promise<RequestViewer> {
  if (isStaff(user)) return { kind: 'staff', user };
  const member = await findMemberByUserId(deps.db, user.id);
  if (member) {
    if (request.requester_member_id === member.id) return { kind: 'requester', user, member };
    if (request.helper_member_id === member.id) return { kind: 'helper', user, member };
    const offer = await deps.db
      .selectFrom('offer')
      .select('id')
      .where('request_id', '=', request.id)
      .where('helper_member_id', '=', member.id)
      .executeTakeFirst();
    if (offer) return { kind: 'offered', user, member };
  }
  throw notFound();
}

export async function loadVisibleRequest(deps: AppDeps, user: CurrentUser, id: string) {
  const request = await findRequestById(deps.db, id);
  if (!request) throw notFound();
  return { request, viewer: await requestViewer(deps, user, request) };
}

/** A matched request of a pairing without a pre-meeting this fiscal year still needs one. */
export async function preMeetingRequired(deps: AppDeps, request: RequestRow): Promise<boolean> {
  return (await requestsNeedingPreMeeting(deps, [request])).has(request.id);
}

/** `preMeetingRequired` for a whole list in one query: the ids of the requests that need one. */
export async function requestsNeedingPreMeeting(
  deps: AppDeps,
  requests: RequestRow[],
): Promise<Set<string>> {
  const matched = requests.filter((r) => r.status === 'matched' && r.helper_member_id);
  if (matched.length === 0) return new Set();
  const held = await deps.db
    .selectFrom('pre_meeting')
    .select(['requester_member_id', 'helper_member_id', 'fiscal_year'])
    .where('requester_member_id', 'in', inJson(matched.map((r) => r.requester_member_id)))
    .execute();
  const key = (requester: string, helper: string, fiscalYear: number) =>
    `${requester}|${helper}|${fiscalYear}`;
  const done = new Set(
    held.map((p) => key(p.requester_member_id, p.helper_member_id, p.fiscal_year)),
  );
  return new Set(
    matched
      .filter(
        (r) =>
          !done.has(
            key(r.requester_member_id, r.helper_member_id!, fiscalYearOf(tokyoDateOf(r.starts_at))),
          ),
      )
      .map((r) => r.id),
  );
}

const ruleError = (code: string, dates?: string[], params?: Record<string, string | number>) =>
  new AppError(422, code, `rule.${code}`, dates ? { occurrences: dates } : undefined, params);

/**
 * A parent's request for help (or staff phone intake), once or as a weekly series. Every
 * occurrence is checked against the rules before anything is written; the series is one batch.
 */
export async function createRequests(
  deps: AppDeps,
  actor: CurrentUser,
  input: CreateRequestInput,
  clientAddress?: string,
) {
  const staffIntake = isStaff(actor);
  let requester: MemberWithEmail | undefined;
  if (staffIntake) {
    if (!input.requesterId)
      throw new AppError(400, 'invalid_input', 'error.invalid_input', {
        requesterId: ['validation.required'],
      });
    requester = await findMemberById(deps.db, input.requesterId);
  } else {
    requester = await findMemberByUserId(deps.db, actor.id);
    if (input.requesterId && input.requesterId !== requester?.id) throw notFound();
  }
  if (!requester) throw notFound();
  if (requester.requester_status !== 'active') throw unprocessable('requester_not_active');

  const settings = await getCenterSettings(deps);
  const now = deps.clock.now();
  const children = await deps.db
    .selectFrom('child')
    .select(['id', 'birth_date'])
    .where('member_id', '=', requester.id)
    .where('removed_at', 'is', null)
    .where('id', 'in', input.childIds)
    .execute();
  // Only one's own children; another family's child is indistinguishable from an unknown one.
  if (children.length !== new Set(input.childIds).size) throw unprocessable('child_not_eligible');

  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  let occurrences = [{ date: tokyoDateOf(startsAt), startsAt, endsAt }];
  let seriesId: string | null = null;
  if (input.recurrence) {
    occurrences = expandWeeklyPattern({
      weekdays: input.recurrence.weekdays,
      fromDate: tokyoDateOf(startsAt),
      toDate: input.recurrence.until,
      startTime: tokyoTimeOf(startsAt),
      endTime: tokyoTimeOf(endsAt),
      skipHolidays: input.recurrence.skipHolidays,
    });
    if (occurrences.length === 0) throw unprocessable('no_occurrences');
    if (occurrences.length > MAX_OCCURRENCES) throw unprocessable('too_many_occurrences');
    seriesId = newId();
  }

  const rules = requestRulesOf(settings);
  const birthDates = children.map((c) => c.birth_date);
  const { requesterChildMinAgeDays, requesterChildUntil } = settings.eligibility;
  for (const o of occurrences) {
    // Each child must be of the center's age range on the day of each occurrence.
    const tooYoungOrOld = children.find(
      (c) =>
        childAgeStatus(c.birth_date, o.date, requesterChildMinAgeDays, requesterChildUntil) !==
        'eligible',
    );
    if (tooYoungOrOld)
      throw ruleError('child_not_eligible', occurrences.length > 1 ? [o.date] : undefined);
    const code = checkRequestRules(
      { startsAt: o.startsAt, endsAt: o.endsAt, childBirthDates: birthDates },
      now,
      rules,
      !staffIntake,
    );
    if (code)
      throw ruleError(
        code,
        occurrences.length > 1 ? [o.date] : undefined,
        requestRuleParams(rules),
      );
  }
  // No two live requests for the same child may overlap.
  const clashes = await deps.db
    .selectFrom('care_request')
    .innerJoin('care_request_child', 'care_request_child.request_id', 'care_request.id')
    .select(['care_request.starts_at', 'care_request.ends_at'])
    .where('care_request_child.child_id', 'in', input.childIds)
    .where('care_request.status', 'in', ['open', 'offered', 'matched'])
    .where('care_request.starts_at', '<', occurrences.at(-1)!.endsAt.toISOString())
    .where('care_request.ends_at', '>', occurrences[0]!.startsAt.toISOString())
    .execute();
  const clashing = occurrences.filter((o) =>
    clashes.some(
      (c) => c.starts_at < o.endsAt.toISOString() && c.ends_at > o.startsAt.toISOString(),
    ),
  );
  if (clashing.length)
    throw ruleError(
      'overlapping_request',
      clashing.map((o) => o.date),
    );

  const nowIso = now.toISOString();
  const ids = occurrences.map(() => newId());
  const statements: Compilable[] = [];
  if (seriesId && input.recurrence) {
    statements.push(
      deps.db.insertInto('request_series').values({
        id: seriesId,
        requester_member_id: requester.id,
        weekdays: JSON.stringify(input.recurrence.weekdays),
        start_time: tokyoTimeOf(startsAt),
        end_time: tokyoTimeOf(endsAt),
        from_date: occurrences[0]!.date,
        to_date: input.recurrence.until,
        skip_holidays: input.recurrence.skipHolidays ? 1 : 0,
        created_at: nowIso,
      }),
    );
  }
  occurrences.forEach((o, i) => {
    statements.push(
      deps.db.insertInto('care_request').values({
        id: ids[i]!,
        requester_member_id: requester.id,
        series_id: seriesId,
        category: input.category,
        starts_at: o.startsAt.toISOString(),
        ends_at: o.endsAt.toISOString(),
        care_location: input.careLocation,
        care_location_note: input.careLocationNote,
        pickup: input.pickup,
        dropoff: input.dropoff,
        notes: input.notes,
        status: 'open',
        helper_member_id: null,
        matched_at: null,
        cancelled_at: null,
        cancelled_by_user_id: null,
        cancelled_by_role: null,
        cancel_kind: null,
        cancel_reason: null,
        cancellation_fee: null,
        created_by_user_id: actor.id,
        created_at: nowIso,
        updated_at: nowIso,
      }),
      ...children.map((c) =>
        deps.db.insertInto('care_request_child').values({ request_id: ids[i]!, child_id: c.id }),
      ),
    );
  });
  statements.push(
    buildAuditInsert(deps.db, {
      at: now,
      actorUserId: actor.id,
      action: 'request_created',
      subjectType: 'care_request',
      subjectId: ids[0]!,
      clientAddress,
      details: { occurrences: ids.length, seriesId, staffIntake },
    }),
  );
  await deps.atomic(statements);
  return ids;
}

/**
 * Cancellation by the requester, the assigned helper or staff. The fee follows DOMAIN.md: only
 * a requester's cancellation of a matched request on the day (or a no-show) costs anything.
 */
export async function cancelRequest(
  deps: AppDeps,
  viewer: RequestViewer,
  request: RequestRow,
  input: {
    reason: string;
    kind: 'cancel' | 'no_show' | 'weather';
    onBehalfOf?: 'requester' | 'helper' | undefined;
  },
  clientAddress?: string,
) {
  if (viewer.kind === 'offered') throw notFound();
  if (viewer.kind !== 'staff' && input.onBehalfOf) throw unprocessable('no_show_staff_only');
  // Staff may record a cancellation phoned in by one of the parties: that party is the canceller.
  const role = viewer.kind === 'staff' ? (input.onBehalfOf ?? 'staff') : viewer.kind;
  // Only the center records a no-show or a weather stop: both decide who pays.
  if (input.kind !== 'cancel' && viewer.kind !== 'staff') throw unprocessable('no_show_staff_only');
  const now = deps.clock.now();
  let fee = 0;
  if (request.status === 'matched') {
    const settings = await getCenterSettings(deps);
    const table = selectFeeTable(settings.fees, new Date(request.starts_at));
    const children = await listRequestChildren(deps.db, [request.id]);
    if (table) {
      // A no-show or a same-day cancellation is the requester's, even when staff record it.
      const chargedTo = input.kind === 'no_show' || role === 'requester' ? 'requester' : role;
      fee = cancellationFee({
        planned: {
          startsAt: new Date(request.starts_at),
          endsAt: new Date(request.ends_at),
          childCount: Math.max(1, children.length),
          category: request.category,
        },
        cancelledAt: now,
        cancelledBy: chargedTo,
        kind: input.kind,
        table,
      }).amount;
    }
  }
  const nowIso = now.toISOString();
  const [update] = await deps.atomic([
    deps.db
      .updateTable('care_request')
      .set({
        status: 'cancelled',
        cancelled_at: nowIso,
        cancelled_by_user_id: viewer.user.id,
        cancelled_by_role: role,
        cancel_kind: input.kind,
        cancel_reason: input.reason,
        cancellation_fee: fee,
        updated_at: nowIso,
      })
      .where('id', '=', request.id)
      .where('status', 'in', ['open', 'offered', 'matched'])
      // Once the helper has reported the activity, it happened: it can no longer be cancelled.
      .where(
        sql<boolean>`NOT EXISTS (SELECT 1 FROM activity WHERE activity.request_id = care_request.id)`,
      ),
    // Right after the UPDATE: a cancellation refused as a 409 must leave no audit row.
    insertIfPreviousChanged(
      deps.db,
      'audit_log',
      auditRow({
        at: now,
        actorUserId: viewer.user.id,
        action: 'request_cancelled',
        subjectType: 'care_request',
        subjectId: request.id,
        clientAddress,
        details: { role, kind: input.kind, fee },
      }),
    ),
    deps.db
      .updateTable('offer')
      .set({ status: 'withdrawn', responded_at: nowIso })
      .where('request_id', '=', request.id)
      .where('status', '=', 'offered')
      // Only when the request was cancelled just now (its audit row was written).
      .where(sql<boolean>`changes() > 0`),
  ]);
  if (!update || update.numAffectedRows === 0) throw conflict('invalid_transition');
  await notifyCancellation(deps, request, role, fee);
  return { fee };
}

async function notifyCancellation(deps: AppDeps, request: RequestRow, role: string, fee: number) {
  const params = { date: request.starts_at, requester: request.requester_name, fee };
  const recipients = new Set<string>();
  if (role !== 'requester') recipients.add(request.requester_user_id);
  if (role !== 'helper' && request.helper_user_id) recipients.add(request.helper_user_id);
  for (const userId of await staffUserIds(deps)) recipients.add(userId);
  for (const userId of recipients) {
    await notify(deps, {
      userId,
      kind: 'request_cancelled',
      params: { ...params, when: formatWhen(request.starts_at) },
      link: `/requests/${request.id}`,
    });
  }
}

export function formatWhen(iso: string): string {
  return `${tokyoDateOf(iso)} ${tokyoTimeOf(iso)}`;
}

export async function staffUserIds(deps: AppDeps): Promise<string[]> {
  const rows = await deps.db
    .selectFrom('user')
    .select('id')
    .where('role', 'in', ['staff', 'admin'])
    .where('disabled_at', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}

export const sqlNow = (now: Date) => sql.val(now.toISOString());
