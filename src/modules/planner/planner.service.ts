/**
 * The weekly planner from the database: builds the engine's instance (planner.ts) for a date
 * range, and sends a reviewed plan as ordinary offers.
 *
 * Who MAY take a request is decided exactly as for one request's candidate list: `rankRequests`
 * (board.queries.ts) is the batch form of `findCandidates` — the same inputs and the same pure
 * `rankCandidates`, loaded once for all requests (a fixed number of queries, plus one
 * qualification pass per date) — so eligibility, availability and exceptions, overlaps with
 * matched work, sick-child qualification, blocked helpers, the number and ages of children are
 * the same rules as on the request page. This file adds what only a plan needs: the per-day cap
 * (settings.requests.plannerMaxPerDay), the helpers' other commitments in the range, and the
 * continuity / area / recent-load attributes of each edge, read off the ranking's reasons.
 */
import type { AppDeps, CurrentUser } from '../../context.js';
import {
  addDaysToDate,
  isoWeekdayOf,
  isValidDateString,
  tokyoDateOf,
  tokyoInstant,
} from '../../lib/dates.js';
import { HOUR } from '../../lib/clock.js';
import { conflict, unprocessable, type AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { ageInMonths } from '../members/member-rules.js';
import { rankRequests } from '../matching/board.queries.js';
import { findCandidates } from '../matching/candidates.js';
import { memberNotificationStatements } from '../notifications/notifications.service.js';
import { formatWhen } from '../requests/requests.service.js';
import type { Reason, CandidateReasonCode } from '../matching/ranking.js';
import { listRequestChildren, type RequestRow } from '../requests/requests.queries.js';
import { getCenterSettings } from '../settings/settings.service.js';
import {
  type PlanAssignment,
  type PlanHelper,
  type PlanInput,
  type PlanInterval,
  type PlanViolation,
  validatePlan,
} from './planner.js';
import {
  listDeclinedOffers,
  listHelperCommitments,
  listPlannableRequests,
  planOfferStatements,
  type PlanOffer,
} from './planner.queries.js';

/** Longest range staff may plan at once (two weeks): the page lists every request in it. */
export const MAX_RANGE_DAYS = 14;

export interface PlannerRange {
  /** Tokyo dates, inclusive. */
  from: string;
  to: string;
}

/** The coming week: the next Monday after today (Tokyo) to the Sunday after it. */
export function defaultRange(now: Date): PlannerRange {
  const today = tokyoDateOf(now);
  const from = addDaysToDate(today, 8 - isoWeekdayOf(today));
  return { from, to: addDaysToDate(from, 6) };
}

/** Validates a range from the query string; errors are i18n keys by field. */
export function parseRange(
  fromParam: string | undefined,
  toParam: string | undefined,
  now: Date,
): { ok: true; range: PlannerRange } | { ok: false; errors: Record<string, string> } {
  if (!fromParam && !toParam) return { ok: true, range: defaultRange(now) };
  const errors: Record<string, string> = {};
  const from = fromParam ?? '';
  const to = toParam ?? '';
  if (!isValidDateString(from)) errors.from = 'planner.error.date';
  if (!isValidDateString(to)) errors.to = 'planner.error.date';
  if (!errors.from && !errors.to) {
    if (to < from) errors.to = 'planner.error.order';
    else if (addDaysToDate(from, MAX_RANGE_DAYS - 1) < to) errors.to = 'planner.error.tooLong';
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, range: { from, to } };
}

export interface PlannerRequest {
  id: string;
  row: RequestRow;
  startsAt: string;
  endsAt: string;
  day: string;
  requesterName: string;
  area: string;
  category: number;
  /** Completed months of each child on the day. */
  childAges: number[];
}

/** One helper who may take one request, with the ranking's reasons (for the review screen). */
export interface PlannerEdge {
  helperId: string;
  paired: boolean;
  areaMatch: boolean;
  reasons: Reason<CandidateReasonCode>[];
}

export interface PlannerHelper {
  id: string;
  name: string;
  /** Activities in the ranking's recent window (fairness). */
  recent: number;
}

export interface Commitment {
  requestId: string;
  helperId: string;
  startsAt: string;
  endsAt: string;
  day: string;
  requesterName: string;
  /** matched: an assignment; offered: an offer still awaiting the helper's answer. */
  kind: 'matched' | 'offered';
}

export interface PlannerInstance {
  range: PlannerRange;
  maxPerDay: number;
  /** In start order. */
  requests: PlannerRequest[];
  requestById: Map<string, PlannerRequest>;
  helpers: Map<string, PlannerHelper>;
  /** Candidates of each request, best first (the ranking's order). */
  edges: Map<string, PlannerEdge[]>;
  /** The candidate helpers' commitments in the range. */
  commitments: Commitment[];
  /** What planner.ts sees. */
  input: PlanInput;
}

const recentOf = (reasons: readonly Reason<CandidateReasonCode>[]) => {
  const r = reasons.find((x) => x.code === 'recent_activities');
  return Number(r?.params?.count ?? 0);
};

/** Loads a range's plannable requests and builds the engine's instance. */
export async function loadPlannerInstance(
  deps: AppDeps,
  range: PlannerRange,
): Promise<PlannerInstance> {
  const now = deps.clock.now();
  const window = {
    fromIso: tokyoInstant(range.from).toISOString(),
    untilIso: tokyoInstant(addDaysToDate(range.to, 1)).toISOString(),
    nowIso: now.toISOString(),
  };
  const [rows, settings, commitmentRows] = await Promise.all([
    listPlannableRequests(deps.db, window),
    getCenterSettings(deps),
    listHelperCommitments(deps.db, window),
  ]);
  const ids = rows.map((r) => r.id);
  const [rankings, children, declined] = await Promise.all([
    rankRequests(deps, rows),
    listRequestChildren(deps.db, ids),
    listDeclinedOffers(deps.db, ids),
  ]);
  const declinedSet = new Set(declined.map((d) => `${d.request_id}|${d.helper_member_id}`));

  const requests: PlannerRequest[] = rows.map((row) => {
    const day = tokyoDateOf(row.starts_at);
    return {
      id: row.id,
      row,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      day,
      requesterName: row.requester_name,
      area: row.requester_area,
      category: row.category,
      childAges: children
        .filter((c) => c.request_id === row.id)
        .map((c) => ageInMonths(c.birth_date, day)),
    };
  });

  const helpers = new Map<string, PlannerHelper>();
  const edges = new Map<string, PlannerEdge[]>();
  for (const request of requests) {
    const list: PlannerEdge[] = [];
    for (const c of rankings.get(request.id)?.candidates ?? []) {
      if (declinedSet.has(`${request.id}|${c.helperId}`)) continue;
      if (!helpers.has(c.helperId))
        helpers.set(c.helperId, { id: c.helperId, name: c.name, recent: recentOf(c.reasons) });
      list.push({
        helperId: c.helperId,
        paired: c.paired,
        areaMatch: c.reasons.some((r) => r.code === 'same_area'),
        reasons: c.reasons,
      });
    }
    edges.set(request.id, list);
  }

  const commitments: Commitment[] = commitmentRows
    .filter((c) => helpers.has(c.helper_member_id))
    .map((c) => ({
      requestId: c.id,
      helperId: c.helper_member_id,
      startsAt: c.starts_at,
      endsAt: c.ends_at,
      day: tokyoDateOf(c.starts_at),
      requesterName: c.requester_name,
      kind: c.kind,
    }));
  const existingBy = new Map<string, PlanInterval[]>();
  for (const c of commitments) {
    const list = existingBy.get(c.helperId) ?? [];
    list.push({ startsAt: new Date(c.startsAt), endsAt: new Date(c.endsAt), day: c.day });
    existingBy.set(c.helperId, list);
  }

  const maxPerDay = settings.requests.plannerMaxPerDay;
  const planHelpers: PlanHelper[] = [...helpers.values()].map((h) => ({
    id: h.id,
    maxPerDay,
    existingAssignments: existingBy.get(h.id) ?? [],
  }));
  const recentLoad: Record<string, number> = {};
  for (const h of helpers.values()) recentLoad[h.id] = h.recent;
  const input: PlanInput = {
    requests: requests.map((r) => ({
      id: r.id,
      startsAt: new Date(r.startsAt),
      endsAt: new Date(r.endsAt),
      day: r.day,
    })),
    helpers: planHelpers,
    edges: requests.flatMap((r) =>
      (edges.get(r.id) ?? []).map((e) => ({
        requestId: r.id,
        helperId: e.helperId,
        paired: e.paired,
        areaMatch: e.areaMatch,
      })),
    ),
    recentLoad,
  };
  return {
    range,
    maxPerDay,
    requests,
    requestById: new Map(requests.map((r) => [r.id, r])),
    helpers,
    edges,
    commitments,
    input,
  };
}

/**
 * For every request: the helpers who could take it while every other assignment of `plan` stays
 * as it is and the plan stays valid (no overlap with commitments or other planned requests, the
 * day cap). The choices of the swap menu, in the ranking's order. One pass over the plan and the
 * commitments for all requests (a city week has ~200,000 edges).
 */
export function feasibleChoices(
  instance: PlannerInstance,
  plan: readonly PlanAssignment[],
): Map<string, PlannerEdge[]> {
  const span = new Map(
    instance.requests.map((r) => [r.id, { s: Date.parse(r.startsAt), e: Date.parse(r.endsAt) }]),
  );
  type Busy = { requestId: string | null; s: number; e: number; day: string };
  const busy = new Map<string, Busy[]>();
  const add = (helperId: string, b: Busy) => {
    const list = busy.get(helperId);
    if (list) list.push(b);
    else busy.set(helperId, [b]);
  };
  for (const c of instance.commitments)
    add(c.helperId, {
      requestId: null,
      s: Date.parse(c.startsAt),
      e: Date.parse(c.endsAt),
      day: c.day,
    });
  for (const a of plan) {
    const r = instance.requestById.get(a.requestId);
    if (r) add(a.helperId, { requestId: r.id, ...span.get(r.id)!, day: r.day });
  }
  const out = new Map<string, PlannerEdge[]>();
  for (const request of instance.requests) {
    const { s, e } = span.get(request.id)!;
    const fits = (edge: PlannerEdge) => {
      let sameDay = 0;
      for (const b of busy.get(edge.helperId) ?? []) {
        if (b.requestId === request.id) continue; // the assignment being replaced
        if (b.s < e && s < b.e) return false;
        if (b.day === request.day) sameDay++;
      }
      return sameDay + 1 <= instance.maxPerDay;
    };
    out.set(request.id, (instance.edges.get(request.id) ?? []).filter(fits));
  }
  return out;
}

/** The plan's violations (planner.ts `validatePlan`) against a freshly loaded instance. */
export function checkPlan(
  instance: PlannerInstance,
  plan: readonly PlanAssignment[],
): PlanViolation[] {
  return validatePlan(instance.input, plan);
}

export interface SendOutcome {
  sent: PlanAssignment[];
  failed: (PlanAssignment & { code: string; messageKey: string })[];
}

/**
 * Sends a validated plan as one batch for the whole plan (three round trips on D1 however many
 * offers; D1 allows 50 queries per invocation on the free plan). Every rule of a single offer
 * applies again at the moment of sending: the plan's requests are ranked afresh (the batch form
 * of `findCandidates`), a helper no longer a candidate is refused with the reason
 * `createOffers` would give, and each request gets its offer, audit row and notice only if it
 * is still live when the batch runs. Requests are independent: one refused offer (a request
 * matched meanwhile, a helper no longer eligible) is reported and the others still go out.
 */
export async function sendPlanOffers(
  deps: AppDeps,
  actor: CurrentUser,
  instance: PlannerInstance,
  plan: readonly PlanAssignment[],
  clientAddress?: string,
): Promise<SendOutcome> {
  const outcome: SendOutcome = { sent: [], failed: [] };
  const fail = (a: PlanAssignment, err: AppError) =>
    outcome.failed.push({ ...a, code: err.code, messageKey: err.messageKey });
  const now = deps.clock.now();
  const known = plan.filter((a) => {
    if (instance.requestById.has(a.requestId)) return true;
    outcome.failed.push({ ...a, code: 'not_found', messageKey: 'error.not_found' });
    return false;
  });
  const rows = known.map((a) => instance.requestById.get(a.requestId)!.row);
  const [fresh, settings] = await Promise.all([rankRequests(deps, rows), getCenterSettings(deps)]);
  const sendable: PlanAssignment[] = [];
  const refused: PlanAssignment[] = [];
  for (const a of known) {
    const row = instance.requestById.get(a.requestId)!.row;
    if (row.starts_at <= now.toISOString()) fail(a, unprocessable('past_start'));
    else if (fresh.get(a.requestId)?.candidates.some((c) => c.helperId === a.helperId))
      sendable.push(a);
    else refused.push(a);
  }
  // Rare: the reason a helper is no longer a candidate, as the single-offer flow names it.
  await Promise.all(
    refused.map(async (a) => {
      const { excluded } = await findCandidates(deps, instance.requestById.get(a.requestId)!.row, {
        onlyHelperIds: [a.helperId],
      });
      const reason = excluded.find((e) => e.helperId === a.helperId)?.reasons[0]?.code;
      fail(a, unprocessable(reason ?? 'not_active'));
    }),
  );
  if (sendable.length > 0) {
    const offers: PlanOffer[] = sendable.map((a) => {
      const row = instance.requestById.get(a.requestId)!.row;
      const expiresAt = Math.min(
        now.getTime() + settings.requests.offerExpiryHours * HOUR,
        Date.parse(row.starts_at),
      );
      return {
        offerId: newId(),
        auditId: newId(),
        requestId: a.requestId,
        helperId: a.helperId,
        expiresAt: new Date(expiresAt).toISOString(),
        details: JSON.stringify({ helperIds: [a.helperId] }),
      };
    });
    const batch = planOfferStatements(deps.db, offers, {
      actorId: actor.id,
      nowIso: now.toISOString(),
      clientAddress: clientAddress ?? null,
    });
    const notices = memberNotificationStatements(
      deps,
      'offer_received',
      offers.map((o) => ({
        memberId: o.helperId,
        params: { when: formatWhen(instance.requestById.get(o.requestId)!.row.starts_at) },
        link: '/offers',
        auditId: o.auditId,
      })),
    );
    const results = await deps.atomic([...batch.writes, ...notices, batch.sent]);
    const sent = new Set(
      (results.at(-1)!.rows as { request_id: string }[]).map((r) => r.request_id),
    );
    for (const a of sendable) {
      if (sent.has(a.requestId)) outcome.sent.push(a);
      else fail(a, conflict('invalid_transition'));
    }
  }
  // In the plan's order.
  const order = new Map(plan.map((a, i) => [a.requestId, i]));
  const byPlan = (x: PlanAssignment, y: PlanAssignment) =>
    order.get(x.requestId)! - order.get(y.requestId)!;
  outcome.sent.sort(byPlan);
  outcome.failed.sort(byPlan);
  return outcome;
}
