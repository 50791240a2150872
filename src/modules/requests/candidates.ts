import { sql } from 'kysely';
import type { AppDeps } from '../../context.js';
import type { Member } from '../../../db/schema.js';
import { DAY } from '../../lib/clock.js';
import { isoWeekdayOf, tokyoDateOf } from '../../lib/dates.js';
import { getMatchingEligibility } from '../trainings/matching-eligibility.js';
import { inJson } from '../../lib/sql.js';
import { rankCandidates, type RankHelper, type RankResult } from './ranking.js';
import { listRequestChildren, type RequestRow } from './requests.queries.js';

const RECENT_DAYS = 90;

const parseList = <T>(json: string): T[] => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
};

/**
 * Gathers what the pure ranking needs for one request, in a fixed number of queries whatever the
 * number of helpers: helpers, that weekday's slots, that date's exceptions, overlapping
 * assignments, qualifications, pairings, blocks and recent activity counts.
 */
export async function findCandidates(
  deps: AppDeps,
  request: RequestRow,
  options: { onlyHelperIds?: string[] } = {},
): Promise<RankResult> {
  const { db } = deps;
  const date = tokyoDateOf(request.starts_at);
  const weekday = isoWeekdayOf(date);
  // Raw SQL only to name the index: without statistics SQLite prefers a big member index
  // (withdrawn_at IS NULL matches 23,000 rows) to the small covering one of migration 0009.
  type HelperRow = Pick<
    Member,
    | 'id'
    | 'name'
    | 'helper_status'
    | 'helper_max_children'
    | 'helper_child_age_min_months'
    | 'helper_child_age_max_months'
    | 'helper_categories'
    | 'helper_areas'
    | 'area'
  >;
  const onlyIds = options.onlyHelperIds ? sql`AND id IN ${inJson(options.onlyHelperIds)}` : sql``;
  const helperQuery = sql<HelperRow>`SELECT id, name, helper_status, helper_max_children,
      helper_child_age_min_months, helper_child_age_max_months, helper_categories, helper_areas,
      area
    FROM member INDEXED BY member_rank_helpers
    WHERE helper_status IS NOT NULL AND withdrawn_at IS NULL
      AND id <> ${request.requester_member_id} ${onlyIds}`;
  const since = new Date(deps.clock.now().getTime() - RECENT_DAYS * DAY).toISOString();
  const [helpers, slots, exceptions, assignments, pairings, blocked, recent, children] =
    await Promise.all([
      helperQuery.execute(db).then((r) => r.rows),
      db
        .selectFrom('availability_slot')
        .select(['member_id', 'weekday', 'start_time', 'end_time'])
        .where('weekday', '=', weekday)
        .execute(),
      db
        .selectFrom('availability_exception')
        .select(['member_id', 'date', 'start_time', 'end_time'])
        .where('date', '=', date)
        .execute(),
      db
        .selectFrom('care_request')
        .select(['helper_member_id', 'starts_at', 'ends_at'])
        .where('status', '=', 'matched')
        .where('helper_member_id', 'is not', null)
        .where('starts_at', '<', request.ends_at)
        .where('ends_at', '>', request.starts_at)
        .execute(),
      db
        .selectFrom('pairing')
        .select('helper_member_id')
        .where('requester_member_id', '=', request.requester_member_id)
        .execute(),
      db
        .selectFrom('blocked_helper')
        .select('helper_member_id')
        .where('requester_member_id', '=', request.requester_member_id)
        .execute(),
      db
        .selectFrom('care_request')
        .select(['helper_member_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('status', 'in', ['matched', 'completed'])
        .where('helper_member_id', 'is not', null)
        .where('starts_at', '>=', since)
        .groupBy('helper_member_id')
        .execute(),
      listRequestChildren(db, [request.id]),
    ]);
  // Cached and keyed on the qualification stamp: only the engine's two booleans are needed here.
  const qualifications = await getMatchingEligibility(
    deps,
    helpers.map((h) => h.id),
    date,
  );

  const group = <T extends { member_id: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows)
      (map.get(r.member_id) ?? map.set(r.member_id, []).get(r.member_id)!).push(r);
    return map;
  };
  const slotsBy = group(slots);
  const exceptionsBy = group(exceptions);
  const assignmentsBy = new Map<string, { startsAt: Date; endsAt: Date }[]>();
  for (const a of assignments) {
    const list = assignmentsBy.get(a.helper_member_id!) ?? [];
    list.push({ startsAt: new Date(a.starts_at), endsAt: new Date(a.ends_at) });
    assignmentsBy.set(a.helper_member_id!, list);
  }
  const paired = new Set(pairings.map((p) => p.helper_member_id));
  const recentBy = new Map(recent.map((r) => [r.helper_member_id!, Number(r.n)]));

  const rankHelpers: RankHelper[] = helpers.map((h) => {
    const q = qualifications.get(h.id);
    const areas = parseList<string>(h.helper_areas);
    return {
      id: h.id,
      name: h.name,
      helperStatus: h.helper_status ?? 'withdrawn',
      eligibleForMatching: q?.eligibleForMatching ?? false,
      sickChildCare: q?.sickChildCare ?? false,
      weekly: (slotsBy.get(h.id) ?? []).map((s) => ({
        weekday: s.weekday,
        start: s.start_time,
        end: s.end_time,
      })),
      exceptions: (exceptionsBy.get(h.id) ?? []).map((e) => ({
        date: e.date,
        start: e.start_time,
        end: e.end_time,
      })),
      assignments: assignmentsBy.get(h.id) ?? [],
      maxChildren: h.helper_max_children,
      childAgeMin: h.helper_child_age_min_months,
      childAgeMax: h.helper_child_age_max_months,
      categories: parseList<number>(h.helper_categories),
      // A helper who named no areas serves her own.
      areas: areas.length ? areas : [h.area],
      pairedRequesterIds: paired.has(h.id) ? [request.requester_member_id] : [],
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
    },
    rankHelpers,
  );
}
