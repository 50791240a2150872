import type { AppDeps } from '../../context.js';
import { DAY } from '../../lib/clock.js';
import { isoWeekdayOf, tokyoDateOf } from '../../lib/dates.js';
import { batchRead } from '../../lib/batch-read.js';
import { getMatchingEligibilityOn } from '../trainings/matching-eligibility.js';
import { qualificationTokenQuery } from '../trainings/trainings.queries.js';
import { getHelperProfiles, getRecentCounts, matchingTokensOf } from './matching-cache.js';
import {
  assignmentsOverlappingQuery,
  availabilityExceptionsOnQuery,
  blockedHelpersQuery,
  matchingStampsQuery,
  pairedHelpersQuery,
} from './matching.queries.js';
import type { AvailabilityException } from '../availability/availability.js';
import { rankCandidates, type RankHelper, type RankResult } from './ranking.js';
import { requestChildrenQuery, type RequestRow } from '../requests/requests.queries.js';

const RECENT_DAYS = 90;
/** One empty list for the helpers with nothing on that day (most of them): read-only. */
const NONE: readonly never[] = Object.freeze([]);

/**
 * Gathers what the pure ranking needs for one request, in a fixed number of queries whatever the
 * number of helpers: that date's exceptions, overlapping assignments, pairings, blocks and the
 * request's children, read with the caches' tokens in one batch (one round trip on D1). The helpers with their week, their recent workload and their eligibility
 * come from caches that trigger-maintained tokens keep exact (matching-cache.ts,
 * trainings/matching-eligibility.ts; docs/performance.md).
 */
export async function findCandidates(
  deps: AppDeps,
  request: RequestRow,
  options: { onlyHelperIds?: string[] } = {},
): Promise<RankResult> {
  const { db } = deps;
  const date = tokyoDateOf(request.starts_at);
  const weekday = isoWeekdayOf(date);
  // Overnight care (the sick-child and emergency programme) also needs the next day's hours.
  const endDate = tokyoDateOf(request.ends_at);
  const endWeekday = isoWeekdayOf(endDate);
  const since = new Date(deps.clock.now().getTime() - RECENT_DAYS * DAY).toISOString();
  // One round trip for every small read (on D1): the cache tokens and this request's facts.
  const [stamps, [qualification], onStart, assignments, pairings, blocked, children, onEnd] =
    await batchRead(deps, [
      matchingStampsQuery(db),
      qualificationTokenQuery(db),
      availabilityExceptionsOnQuery(db, date),
      assignmentsOverlappingQuery(db, request.starts_at, request.ends_at),
      pairedHelpersQuery(db, request.requester_member_id),
      blockedHelpersQuery(db, request.requester_member_id),
      requestChildrenQuery(db, [request.id]),
      availabilityExceptionsOnQuery(db, endDate),
    ] as const);
  const exceptions = endDate === date ? onStart : [...onStart, ...onEnd];
  const tokens = matchingTokensOf(stamps);
  const [profiles, recentBy] = await Promise.all([
    getHelperProfiles(deps, tokens.helpers),
    getRecentCounts(deps, tokens.workload, since),
  ]);
  const only = options.onlyHelperIds ? new Set(options.onlyHelperIds) : null;
  const helpers = profiles.filter(
    (h) => h.id !== request.requester_member_id && (!only || only.has(h.id)),
  );
  // Every helper's answer on that date, cached and keyed on the qualification stamp (one shared
  // map per date): only the engine's two booleans are needed here.
  const qualifications = await getMatchingEligibilityOn(deps, date, {
    token: qualification?.token,
  });

  const exceptionsBy = new Map<string, AvailabilityException[]>();
  for (const e of exceptions) {
    const exception = { date: e.date, start: e.start_time, end: e.end_time };
    const list = exceptionsBy.get(e.member_id);
    if (list) list.push(exception);
    else exceptionsBy.set(e.member_id, [exception]);
  }
  const assignmentsBy = new Map<string, { startsAt: Date; endsAt: Date }[]>();
  for (const a of assignments) {
    const list = assignmentsBy.get(a.helper_member_id!) ?? [];
    list.push({ startsAt: new Date(a.starts_at), endsAt: new Date(a.ends_at) });
    assignmentsBy.set(a.helper_member_id!, list);
  }
  const paired = new Set(pairings.map((p) => p.helper_member_id));

  // The cached profile arrays are shared between calls: the pure ranking only reads them.
  const rankHelpers: RankHelper[] = helpers.map((h) => {
    const q = qualifications.get(h.id);
    return {
      id: h.id,
      name: h.name,
      helperStatus: h.helperStatus ?? 'withdrawn',
      eligibleForMatching: q?.eligibleForMatching ?? false,
      sickChildCare: q?.sickChildCare ?? false,
      refresherOverdue: q?.refresherOverdue ?? null,
      weekly:
        endWeekday === weekday
          ? (h.weekly[weekday] ?? NONE)
          : [...(h.weekly[weekday] ?? NONE), ...(h.weekly[endWeekday] ?? NONE)],
      exceptions: exceptionsBy.get(h.id) ?? NONE,
      assignments: assignmentsBy.get(h.id) ?? NONE,
      maxChildren: h.maxChildren,
      childAgeMin: h.childAgeMin,
      childAgeMax: h.childAgeMax,
      categories: h.categories,
      areas: h.areas,
      pairedRequesterIds: paired.has(h.id) ? [request.requester_member_id] : NONE,
      recentActivityCount: recentBy.get(h.id) ?? 0,
    };
  });
  return rankCandidates(
    {
      id: request.id,
      requesterId: request.requester_member_id,
      startsAt: new Date(request.starts_at),
      endsAt: new Date(request.ends_at),
      category: request.category,
      children: children.map((c) => ({ id: c.id, birthDate: c.birth_date })),
      area: request.requester_area,
      blockedHelperIds: blocked.map((b) => b.helper_member_id),
      programme: request.programme,
    },
    rankHelpers,
  );
}
