import { meetingsByPair, preMeetingNeedOf } from './pre-meeting-need-rules.js';
import { sql } from 'kysely';
import { isStaff, type AppDeps, type CurrentUser } from '../../context.js';
import { insertIfPreviousChanged, type Compilable } from '../../lib/atomic.js';
import { tokyoDateOf, tokyoTimeOf } from '../../lib/dates.js';
import { AppError, conflict, notFound, unprocessable } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { requestAccess } from '../access/child-access.policy.js';
import { auditRow, buildAuditInsert } from '../audit/audit.queries.js';
import { cancellationFee, quoteFee, type CancellationRule } from '../fees/fees.js';
import { selectFeeTable } from '../fees/fee-table.js';
import {
  findMemberById,
  findMemberByUserId,
  listChildren,
  type MemberWithEmail,
} from '../members/members.queries.js';
import { childAgeStatus } from '../members/member-rules.js';
import { notifyUsersAndStaff } from './staff-notices.service.js';
import type { CenterSettings } from '../settings/settings.schemas.js';
import { getCenterSettings } from '../settings/settings.service.js';
import { programmeRequestProblem, type ProgrammeKind } from '../programme/programme-rules.js';
import { listHelpCategories } from '../categories/categories.queries.js';
import { sickChildCodes, type HelpCategory } from '../categories/help-category-rules.js';
import { hasAnyPairing } from './request-pages.queries.js';
import { checkSickRequest } from './sick-care.service.js';
import {
  checkRequestRules,
  expandWeeklyPattern,
  MAX_OCCURRENCES,
  requestRuleParams,
  requestRulesOf,
} from './request-rules.js';
import {
  cancelLiveRequest,
  findOfferOfHelper,
  findRequestById,
  insertRequest,
  insertRequestChild,
  insertSeries,
  listActiveStaffUserIds,
  listLiveSeriesRequestsFrom,
  listLiveRequestTimesOfChildren,
  listOwnChildrenAmong,
  listPreMeetingPairsOfRequesters,
  listRequestChildren,
  withdrawOffersIfPreviousChanged,
  type RequestRow,
} from './requests.queries.js';
import type { CreateRequestInput } from './requests.schemas.js';

export type RequestViewer =
  | { kind: 'staff'; user: CurrentUser }
  | { kind: 'requester' | 'helper' | 'offered'; user: CurrentUser; member: MemberWithEmail };

/**
 * Who is looking at this request, or 404 when it is none of their business. The access policy
 * decides: a helper is `helper` (the child's details) only through a live match with an active
 * helper side; anyone else who had an offer or a match that ended is `offered` (what an offer
 * needs, no more).
 */
export async function requestViewer(
  deps: AppDeps,
  user: CurrentUser,
  request: RequestRow,
): Promise<RequestViewer> {
  if (isStaff(user)) return { kind: 'staff', user };
  const member = await findMemberByUserId(deps.db, user.id);
  if (member) {
    if (request.requester_member_id === member.id) return { kind: 'requester', user, member };
    const offer = await findOfferOfHelper(deps.db, request.id, member.id);
    const access = requestAccess(member, request, offer?.status ?? null);
    if (access === 'full') return { kind: 'helper', user, member };
    if (access === 'offer') return { kind: 'offered', user, member };
  }
  throw notFound();
}

export async function loadVisibleRequest(deps: AppDeps, user: CurrentUser, id: string) {
  const request = await findRequestById(deps.db, id);
  if (!request) throw notFound();
  return { request, viewer: await requestViewer(deps, user, request) };
}

/**
 * A matched request still needs a pre-meeting when its pair has none covering the request's
 * fiscal year and kind of help (pre-meeting-need-rules.ts).
 */
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
  const byPair = meetingsByPair(
    await listPreMeetingPairsOfRequesters(
      deps.db,
      matched.map((r) => r.requester_member_id),
    ),
  );
  return new Set(matched.filter((r) => preMeetingNeedOf(r, byPair).needed).map((r) => r.id));
}

const ruleError = (code: string, dates?: string[], params?: Record<string, string | number>) =>
  new AppError(422, code, `rule.${code}`, dates ? { occurrences: dates } : undefined, params);

export interface Occurrence {
  date: string;
  startsAt: Date;
  endsAt: Date;
}

/** The occurrences a request makes: one, or its weekly series expanded (holidays skipped or not). */
export function occurrencesOf(input: CreateRequestInput): Occurrence[] {
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (!input.recurrence) return [{ date: tokyoDateOf(startsAt), startsAt, endsAt }];
  return expandWeeklyPattern({
    weekdays: input.recurrence.weekdays,
    fromDate: tokyoDateOf(startsAt),
    toDate: input.recurrence.until,
    startTime: tokyoTimeOf(startsAt),
    endTime: tokyoTimeOf(endsAt),
    skipHolidays: input.recurrence.skipHolidays,
  });
}

/**
 * The rules every occurrence must meet, checked before anything is written: the first refusal
 * is thrown as a 422 naming its date (in a series). `memberRules`: the lead time a parent must
 * give, which staff intake may waive.
 */
function assertOccurrencesAllowed(
  occurrences: Occurrence[],
  check: {
    settings: CenterSettings;
    birthDates: string[];
    now: Date;
    memberRules: boolean;
    childOutOfRange?: (date: string) => boolean;
    programme: ProgrammeKind | undefined;
    category: number;
    /** The help categories (help_category, 0027). */
    categories: readonly HelpCategory[];
  },
) {
  // An inactive (or deleted) category cannot be chosen for a new request.
  if (!check.categories.some((c) => c.code === check.category && c.active))
    throw ruleError('category_inactive');
  const programmeCode = programmeRequestProblem(
    { programme: check.programme, category: check.category, recurring: occurrences.length > 1 },
    check.settings.programme.enabled,
    sickChildCodes(check.categories),
  );
  if (programmeCode) throw ruleError(programmeCode);
  if (occurrences.length === 0) throw unprocessable('no_occurrences');
  if (occurrences.length > MAX_OCCURRENCES) throw unprocessable('too_many_occurrences');
  const rules = requestRulesOf(check.settings);
  const datesOf = (o: Occurrence) => (occurrences.length > 1 ? [o.date] : undefined);
  for (const o of occurrences) {
    if (check.childOutOfRange?.(o.date)) throw ruleError('child_not_eligible', datesOf(o));
    const code = checkRequestRules(
      {
        startsAt: o.startsAt,
        endsAt: o.endsAt,
        childBirthDates: check.birthDates,
        programme: check.programme,
      },
      check.now,
      rules,
      check.memberRules,
    );
    if (code) throw ruleError(code, datesOf(o), requestRuleParams(rules));
  }
}

export interface FeeEstimate {
  occurrences: { date: string; total: number }[];
  childTotals: number[];
  total: number;
}

/** The expected fee of each occurrence by the fee table of its day; null when one has none. */
function estimateFees(
  settings: CenterSettings,
  input: CreateRequestInput,
  occurrences: Occurrence[],
): FeeEstimate | null {
  const quotes = [];
  for (const o of occurrences) {
    const table = selectFeeTable(settings.fees, o.startsAt);
    if (!table) return null;
    const quote = quoteFee({
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      childCount: input.childIds.length,
      category: input.category,
      programme: input.programme,
      table,
    });
    quotes.push({ date: o.date, quote });
  }
  return {
    occurrences: quotes.map((q) => ({ date: q.date, total: q.quote.total })),
    childTotals: quotes[0]?.quote.childTotals ?? [],
    total: quotes.reduce((sum, q) => sum + q.quote.total, 0),
  };
}

/**
 * 確認: what a parent's request would be, before anything is written: the same rules
 * createRequests applies in advance (it checks them again, with the overlap and the children's
 * age on each day, when the request is sent), then the expected cost. A refused rule is thrown
 * as createRequests throws it.
 */
export async function previewRequest(
  deps: AppDeps,
  requester: { id: string; name: string; user_id: string },
  input: CreateRequestInput,
) {
  const [settings, children, paired, categories] = await Promise.all([
    getCenterSettings(deps),
    listChildren(deps.db, requester.id),
    hasAnyPairing(deps.db, requester.id),
    listHelpCategories(deps.db),
  ]);
  const occurrences = occurrencesOf(input);
  assertOccurrencesAllowed(occurrences, {
    settings,
    categories,
    birthDates: children.filter((ch) => input.childIds.includes(ch.id)).map((ch) => ch.birth_date),
    now: deps.clock.now(),
    memberRules: true,
    programme: input.programme,
    category: input.category,
  });
  // The sick-child safeguards refuse here as the send would (issue #20).
  if (input.programme === 'sick') await checkSickRequest(deps, requester.user_id, requester, input);
  const table = selectFeeTable(settings.fees, tokyoDateOf(deps.clock.now()));
  return {
    occurrences,
    children: children.filter((ch) => input.childIds.includes(ch.id)),
    fee: estimateFees(settings, input, occurrences),
    /** The same-day cancellation window of today's fee table, in units of its length. */
    sameDayCancellation: table
      ? { units: table.cancellation.sameDayUnits, unitMinutes: table.unitMinutes }
      : null,
    /** A first request (no helper yet) needs more notice: this many days. */
    firstRequestLeadDays: paired ? null : settings.requests.firstRequestLeadDays,
  };
}

/**
 * What cancelling now costs, and by which rule: only the requester's cancellation of a matched
 * request on the day (or a no-show) costs anything. cancelRequest charges it; the cancel page
 * shows it first.
 */
export async function quoteCancellation(
  deps: AppDeps,
  request: RequestRow,
  chargedTo: 'requester' | 'helper' | 'staff',
  kind: 'cancel' | 'no_show' | 'weather',
  now: Date,
): Promise<{ amount: number; rule: CancellationRule | 'unmatched' | 'not_charged' }> {
  if (request.status !== 'matched') return { amount: 0, rule: 'unmatched' };
  const [settings, children] = await Promise.all([
    getCenterSettings(deps),
    listRequestChildren(deps.db, [request.id]),
  ]);
  const table = selectFeeTable(settings.fees, new Date(request.starts_at));
  if (!table) return { amount: 0, rule: 'not_charged' };
  const fee = cancellationFee({
    planned: {
      startsAt: new Date(request.starts_at),
      endsAt: new Date(request.ends_at),
      childCount: Math.max(1, children.length),
      category: request.category,
      programme: request.programme,
    },
    cancelledAt: now,
    cancelledBy: chargedTo,
    kind,
    table,
  });
  return { amount: fee.amount, rule: fee.rule };
}

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
  if (requester.requester_status !== 'active')
    // One code; the message says whether the side awaits approval or is suspended (issue #22).
    throw unprocessable(
      'requester_not_active',
      requester.requester_status === 'suspended'
        ? 'rule.requester_suspended'
        : 'rule.requester_not_active',
    );

  const [settings, categories] = await Promise.all([
    getCenterSettings(deps),
    listHelpCategories(deps.db),
  ]);
  const now = deps.clock.now();
  const children = await listOwnChildrenAmong(deps.db, requester.id, input.childIds);
  // Only one's own children; another family's child is indistinguishable from an unknown one.
  if (children.length !== new Set(input.childIds).size) throw unprocessable('child_not_eligible');

  const occurrences = occurrencesOf(input);
  const seriesId = input.recurrence ? newId() : null;
  const { requesterChildMinAgeDays, requesterChildUntil } = settings.eligibility;
  assertOccurrencesAllowed(occurrences, {
    settings,
    categories,
    birthDates: children.map((c) => c.birth_date),
    now,
    memberRules: !staffIntake,
    programme: input.programme,
    category: input.category,
    // Each child must be of the center's age range on the day of each occurrence.
    childOutOfRange: (date) =>
      children.some(
        (c) =>
          childAgeStatus(c.birth_date, date, requesterChildMinAgeDays, requesterChildUntil) !==
          'eligible',
      ),
  });
  // The sick-child safeguards (issue #20): one child, the exclusion checklist answered and clear.
  const sickCheck =
    input.programme === 'sick'
      ? await checkSickRequest(deps, actor.id, requester, input)
      : undefined;
  // No two live requests for the same child may overlap.
  const clashes = await listLiveRequestTimesOfChildren(
    deps.db,
    input.childIds,
    occurrences[0]!.startsAt.toISOString(),
    occurrences.at(-1)!.endsAt.toISOString(),
  );
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
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    statements.push(
      insertSeries(deps.db, {
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
      insertRequest(deps.db, {
        id: ids[i]!,
        requester_member_id: requester.id,
        series_id: seriesId,
        category: input.category,
        programme: input.programme ?? null,
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
      ...children.map((c) => insertRequestChild(deps.db, ids[i]!, c.id)),
    );
  });
  // A sick-child request is one-off (programme-rules.ts): its answers go with it.
  if (sickCheck) statements.push(sickCheck(ids[0]!, actor.id, nowIso));
  statements.push(
    buildAuditInsert(deps.db, {
      at: now,
      actorUserId: actor.id,
      action: 'request_created',
      subjectType: 'care_request',
      subjectId: ids[0]!,
      clientAddress,
      details: {
        occurrences: ids.length,
        seriesId,
        staffIntake,
        programme: input.programme ?? null,
      },
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
  // A no-show or a same-day cancellation is the requester's, even when staff record it.
  const chargedTo = input.kind === 'no_show' || role === 'requester' ? 'requester' : role;
  const { amount: fee } = await quoteCancellation(deps, request, chargedTo, input.kind, now);
  const nowIso = now.toISOString();
  const [update] = await deps.atomic([
    cancelLiveRequest(deps.db, request.id, {
      status: 'cancelled',
      cancelled_at: nowIso,
      cancelled_by_user_id: viewer.user.id,
      cancelled_by_role: role,
      cancel_kind: input.kind,
      cancel_reason: input.reason,
      cancellation_fee: fee,
      updated_at: nowIso,
    }),
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
    // Only when the request was cancelled just now (its audit row was written).
    withdrawOffersIfPreviousChanged(deps.db, request.id, nowIso),
  ]);
  if (!update || update.numAffectedRows === 0) throw conflict('invalid_transition');
  await notifyCancellation(deps, request, role, fee);
  return { fee };
}

async function notifyCancellation(deps: AppDeps, request: RequestRow, role: string, fee: number) {
  // The party who cancelled is not told of it; the other one and staff are.
  const parties = [
    role !== 'requester' ? request.requester_user_id : null,
    role !== 'helper' ? request.helper_user_id : null,
  ].filter((userId): userId is string => userId !== null);
  await notifyUsersAndStaff(deps, parties, {
    kind: 'request_cancelled',
    params: {
      date: request.starts_at,
      requester: request.requester_name,
      fee,
      when: formatWhen(request.starts_at),
    },
    link: `/requests/${request.id}`,
  });
}

export function formatWhen(iso: string): string {
  return `${tokyoDateOf(iso)} ${tokyoTimeOf(iso)}`;
}

export const staffUserIds = (deps: AppDeps): Promise<string[]> => listActiveStaffUserIds(deps.db);

export const sqlNow = (now: Date) => sql.val(now.toISOString());

/**
 * The occurrences of a request's series from its date onwards that can still be cancelled, each
 * with what cancelling it now would cost the family (the same quote as a single cancellation).
 */
export async function quoteSeriesCancellation(deps: AppDeps, request: RequestRow) {
  if (!request.series_id) return [];
  const now = deps.clock.now();
  const rows = await listLiveSeriesRequestsFrom(
    deps.db,
    request.series_id,
    request.starts_at,
    now.toISOString(),
  );
  return Promise.all(
    rows.map(async (row) => ({
      row,
      fee: await quoteCancellation(deps, row, 'requester', 'cancel', now),
    })),
  );
}

/**
 * Cancels a series from one occurrence onwards, in one action of the family: each occurrence
 * as cancelRequest cancels one (its own fee, audit row and notices). An occurrence that
 * changed meanwhile (already cancelled, reported) is left as it is and not counted.
 */
export async function cancelSeriesFrom(
  deps: AppDeps,
  viewer: RequestViewer,
  request: RequestRow,
  reason: string,
  clientAddress?: string,
): Promise<{ cancelled: number; fee: number }> {
  if (viewer.kind !== 'requester' || !request.series_id) throw notFound();
  let cancelled = 0;
  let fee = 0;
  for (const { row } of await quoteSeriesCancellation(deps, request)) {
    try {
      const result = await cancelRequest(
        deps,
        viewer,
        row,
        { reason, kind: 'cancel' },
        clientAddress,
      );
      cancelled += 1;
      fee += result.fee;
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 409) throw err;
    }
  }
  return { cancelled, fee };
}
