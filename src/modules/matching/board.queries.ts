import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { AppDeps } from '../../context.js';
import { DAY } from '../../lib/clock.js';
import { isoWeekdayOf, tokyoDateOf } from '../../lib/dates.js';
import type { Db } from '../../lib/db.js';
import { inJson, pageWithTotal } from '../../lib/sql.js';
import { batchRead } from '../../lib/batch-read.js';
import { getMatchingEligibility } from '../trainings/matching-eligibility.js';
import { qualificationTokenQuery } from '../trainings/trainings.queries.js';
import { rankCandidates, type RankHelper, type RankResult } from './ranking.js';
import {
  requestChildrenQuery,
  type RequestRow,
  requestsWithBoth,
  requestsWithRequester,
} from '../requests/requests.queries.js';
import { parseJsonList } from '../../lib/json-list.js';
import { assignmentsOverlappingQuery, helperMembersQuery } from './matching.queries.js';
import {
  ARRANGED_REQUEST_STATUSES,
  LIVE_REQUEST_STATUSES,
  pairNameColumns,
  preMeetingsWithPair,
  requestSlotColumns,
  startingBetween,
} from '../../lib/query-fragments.js';

/**
 * Queries for the staff coordination pages (調整ボード, the request page, phone intake and the
 * pre-meeting list). Each list is one statement whatever its length: offer counts and the
 * pre-meeting check are correlated subqueries on indexed columns, never a query per row.
 */

/**
 * The columns of `findRequestById` (so a row can go straight to `findCandidates`) plus the offer
 * counts the board shows. "Waiting" offers are the ones a helper can still accept.
 */
function requestWithCounts(db: Db, nowIso: string) {
  return requestsWithRequester(db)
    .leftJoin('member as helper', 'helper.id', 'care_request.helper_member_id')
    .selectAll('care_request')
    .select((eb) => [
      'requester.name as requester_name',
      'requester.area as requester_area',
      'requester.user_id as requester_user_id',
      'helper.name as helper_name',
      'helper.user_id as helper_user_id',
      offerCount(eb).as('offers_sent'),
      offerCount(eb)
        .where('offer.status', '=', 'offered')
        .where('offer.expires_at', '>', nowIso)
        .as('offers_waiting'),
      offerCount(eb).where('offer.status', '=', 'declined').as('offers_declined'),
    ]);
}

/** The number of offers of the request (the outer `care_request`), as a correlated subquery. */
const offerCount = (eb: ExpressionBuilder<Database, 'care_request'>) =>
  eb
    .selectFrom('offer')
    .select((o) => o.fn.countAll<number>().as('n'))
    .whereRef('offer.request_id', '=', 'care_request.id');

export type BoardRequestRow = Awaited<ReturnType<typeof listUrgentRequests>>[number];

/** Open or offered requests starting in [from, until) (in the area, if one is given). */
function liveRequestsBetween(
  db: Db,
  options: { nowIso: string; fromIso: string; untilIso: string; area?: string },
) {
  const q = requestWithCounts(db, options.nowIso).where(
    startingBetween(LIVE_REQUEST_STATUSES, options.fromIso, options.untilIso),
  );
  return options.area ? q.where('requester.area', '=', options.area) : q;
}

/** Open or offered requests starting in [from, until), soonest first. */
export function listUrgentRequests(
  db: Db,
  options: { nowIso: string; fromIso: string; untilIso: string; area?: string; limit: number },
) {
  return liveRequestsBetween(db, options)
    .orderBy('care_request.starts_at')
    .orderBy('care_request.id')
    .limit(options.limit)
    .execute();
}

/** The same list, a page at a time, with the total for the pager. */
export function listOpenRequestsPage(
  db: Db,
  options: {
    nowIso: string;
    fromIso: string;
    untilIso: string;
    area?: string;
    page: number;
    pageSize: number;
  },
) {
  const q = liveRequestsBetween(db, options);
  return pageWithTotal(
    q
      .orderBy('care_request.starts_at')
      .orderBy('care_request.id')
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize)
      .execute(),
    q,
  );
}

/**
 * Matched (or already completed) activities starting in [from, until): a Tokyo day. Whether each
 * pair's pre-meeting covers it is the rule's (pre-meeting-need-rules.ts, with
 * listPreMeetingPairsOfRequesters).
 */
export function listMatchedBetween(
  db: Db,
  options: { fromIso: string; untilIso: string; area?: string },
) {
  let q = requestsWithBoth(db)
    .select([
      ...requestSlotColumns,
      'care_request.care_location',
      'care_request.status',
      'care_request.requester_member_id',
      'care_request.helper_member_id',
      'requester.name as requester_name',
      'requester.area as requester_area',
      'helper.name as helper_name',
      'helper.phone as helper_phone',
    ])
    .where(startingBetween(ARRANGED_REQUEST_STATUSES, options.fromIso, options.untilIso));
  if (options.area) q = q.where('requester.area', '=', options.area);
  return q.orderBy('care_request.starts_at').orderBy('care_request.id').execute();
}

/** Every offer of the given requests (who was asked, and how they answered). */
export function listOfferStatuses(db: Db, requestIds: string[]) {
  if (requestIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('offer')
    .select(['request_id', 'helper_member_id', 'status'])
    .where('request_id', 'in', inJson(requestIds))
    .execute();
}

/** Name, kana, number and phone of members, for call lists (no child or health data). */
export function listMemberContacts(db: Db, memberIds: string[]) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('member')
    .select(['id', 'name', 'name_kana', 'member_no', 'phone', 'area'])
    .where('id', 'in', inJson(memberIds))
    .execute();
}

/** A family's current children for the intake form (no health data). */
export function listChildrenForIntake(db: Db, memberId: string) {
  return db
    .selectFrom('child')
    .select(['id', 'name', 'birth_date'])
    .where('member_id', '=', memberId)
    .where('removed_at', 'is', null)
    .orderBy('birth_date')
    .execute();
}

/** The other occurrences of a recurring request. */
export function listSeriesRequests(db: Db, seriesId: string) {
  return db
    .selectFrom('care_request')
    .select(['id', 'starts_at', 'ends_at', 'status'])
    .where('series_id', '=', seriesId)
    .orderBy('starts_at')
    .execute();
}

/** Every pre-meeting of a pair (any fiscal year), for pre-meeting-need-rules.ts. */
export function listPreMeetingsOfPair(db: Db, requesterId: string, helperId: string) {
  return db
    .selectFrom('pre_meeting')
    .selectAll()
    .where('requester_member_id', '=', requesterId)
    .where('helper_member_id', '=', helperId)
    .execute();
}

/**
 * The pre-meetings of a fiscal year, newest first, each with the pair's next (or else latest)
 * request so the list can link to it.
 */
export function listPreMeetingsOfYear(db: Db, fiscalYear: number, nowIso: string) {
  const pairRequest = (order: 'asc' | 'desc', upcoming: boolean) =>
    sql<string | null>`(SELECT cr.id FROM care_request cr
      WHERE cr.requester_member_id = pre_meeting.requester_member_id
        AND cr.helper_member_id = pre_meeting.helper_member_id
        AND ${upcoming ? sql`cr.starts_at >= ${nowIso}` : sql`1 = 1`}
      ORDER BY cr.starts_at ${sql.raw(order)} LIMIT 1)`;
  return preMeetingsWithPair(db)
    .select([
      'pre_meeting.id',
      'pre_meeting.held_on',
      'pre_meeting.place',
      'pre_meeting.attendees',
      'pre_meeting.requester_member_id',
      'pre_meeting.helper_member_id',
      ...pairNameColumns,
      sql<string | null>`coalesce(${pairRequest('asc', true)}, ${pairRequest('desc', false)})`.as(
        'request_id',
      ),
    ])
    .where('pre_meeting.fiscal_year', '=', fiscalYear)
    .orderBy('pre_meeting.held_on', 'desc')
    .orderBy('pre_meeting.created_at', 'desc')
    .execute();
}

/**
 * Upcoming matched requests, soonest first, with what the pre-meeting need rule reads; the
 * caller keeps those whose pair needs one (pre-meeting-need-rules.ts).
 */
export function listUpcomingMatched(db: Db, nowIso: string, limit: number) {
  return requestsWithBoth(db)
    .select([
      ...requestSlotColumns,
      'care_request.care_location',
      'care_request.requester_member_id',
      'care_request.helper_member_id',
      ...pairNameColumns,
    ])
    .where('care_request.status', '=', 'matched')
    .where('care_request.starts_at', '>=', nowIso)
    .orderBy('care_request.starts_at')
    .limit(limit)
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Candidate counts for a page of the board

/** The window of "recent activities" findCandidates uses for fairness. */
const RECENT_DAYS = 90;

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/**
 * The candidates of several requests at once, for the board's counts: the same inputs as
 * `findCandidates` and the same pure `rankCandidates`, loaded once for the whole page instead of
 * once per request. With a few hundred helpers, thirty `findCandidates` calls take seconds, most
 * of it computing every helper's qualifications again and again.
 *
 * Two passes keep that cost small: the first ranks everyone as if qualified, which can only let
 * more helpers through (every hard filter is per helper, and the score ignores qualifications);
 * the second ranks just those again with their real qualifications, computed once per date.
 * So the result is exactly `findCandidates(...).candidates`, in the same order.
 *
 * NOTE: test/modules/coordination.test.ts compares the two. The request page and every offer
 * still go through `findCandidates`; the excluded helpers are not needed here.
 */
export async function rankRequests(
  deps: AppDeps,
  requests: readonly RequestRow[],
): Promise<Map<string, Pick<RankResult, 'candidates'>>> {
  const out = new Map<string, Pick<RankResult, 'candidates'>>();
  if (requests.length === 0) return out;
  const { db } = deps;
  const dateOf = new Map(requests.map((r) => [r.id, tokyoDateOf(r.starts_at)]));
  const dates = [...new Set(dateOf.values())];
  const weekdays = [...new Set(dates.map(isoWeekdayOf))];
  const requesterIds = [...new Set(requests.map((r) => r.requester_member_id))];
  const earliestStart = requests.reduce(
    (m, r) => (r.starts_at < m ? r.starts_at : m),
    requests[0]!.starts_at,
  );
  const latestEnd = requests.reduce(
    (m, r) => (r.ends_at > m ? r.ends_at : m),
    requests[0]!.ends_at,
  );
  const since = new Date(deps.clock.now().getTime() - RECENT_DAYS * DAY).toISOString();

  // One round trip on D1 for all of them, the qualification cache's token included.
  const [helpers, slots, exceptions, assignments, pairings, blocked, recent, children, [stamp]] =
    await batchRead(deps, [
      helperMembersQuery(db),
      db
        .selectFrom('availability_slot')
        .select(['member_id', 'weekday', 'start_time', 'end_time'])
        .where('weekday', 'in', weekdays),
      db
        .selectFrom('availability_exception')
        .select(['member_id', 'date', 'start_time', 'end_time'])
        .where('date', 'in', inJson(dates)),
      assignmentsOverlappingQuery(db, earliestStart, latestEnd),
      db
        .selectFrom('pairing')
        .select(['requester_member_id', 'helper_member_id'])
        .where('requester_member_id', 'in', inJson(requesterIds)),
      db
        .selectFrom('blocked_helper')
        .select(['requester_member_id', 'helper_member_id'])
        .where('requester_member_id', 'in', inJson(requesterIds)),
      db
        .selectFrom('care_request')
        .select(['helper_member_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('status', 'in', ['matched', 'completed'])
        .where('helper_member_id', 'is not', null)
        .where('starts_at', '>=', since)
        .groupBy('helper_member_id'),
      requestChildrenQuery(
        db,
        requests.map((r) => r.id),
      ),
      qualificationTokenQuery(db),
    ] as const);

  const slotsBy = groupBy(slots, (s) => `${s.member_id}|${s.weekday}`);
  const exceptionsBy = groupBy(exceptions, (e) => `${e.member_id}|${e.date}`);
  const assignmentsBy = groupBy(assignments, (a) => a.helper_member_id!);
  const pairedBy = groupBy(pairings, (p) => p.requester_member_id);
  const blockedBy = groupBy(blocked, (b) => b.requester_member_id);
  const childrenBy = groupBy(children, (c) => c.request_id);
  const recentBy = new Map(recent.map((r) => [r.helper_member_id!, Number(r.n)]));
  // Parsed once: these do not depend on the request.
  const fixed = helpers.map((h) => {
    const areas = parseJsonList<string>(h.helper_areas);
    return {
      row: h,
      categories: parseJsonList<number>(h.helper_categories),
      // A helper who named no areas serves her own.
      areas: areas.length ? areas : [h.area],
    };
  });

  // The helpers as the ranking sees them on each date (slots of that weekday, exceptions of that
  // day), built once per date; a request only changes the few with a pairing or an assignment.
  const baseByDate = new Map(
    dates.map((date) => {
      const weekday = isoWeekdayOf(date);
      const base: RankHelper[] = fixed.map(({ row: h, categories, areas }) => ({
        id: h.id,
        name: h.name,
        helperStatus: h.helper_status ?? 'withdrawn',
        eligibleForMatching: true,
        sickChildCare: true,
        weekly: (slotsBy.get(`${h.id}|${weekday}`) ?? []).map((s) => ({
          weekday: s.weekday,
          start: s.start_time,
          end: s.end_time,
        })),
        exceptions: (exceptionsBy.get(`${h.id}|${date}`) ?? []).map((e) => ({
          date: e.date,
          start: e.start_time,
          end: e.end_time,
        })),
        assignments: [],
        maxChildren: h.helper_max_children,
        childAgeMin: h.helper_child_age_min_months,
        childAgeMax: h.helper_child_age_max_months,
        categories,
        areas,
        pairedRequesterIds: [],
        recentActivityCount: recentBy.get(h.id) ?? 0,
      }));
      return [date, base] as const;
    }),
  );

  // Pass 1: everyone as if qualified.
  const firstPass = requests.map((request) => {
    const date = dateOf.get(request.id)!;
    const paired = new Set(
      (pairedBy.get(request.requester_member_id) ?? []).map((p) => p.helper_member_id),
    );
    const rankHelpers: RankHelper[] = [];
    for (const h of baseByDate.get(date)!) {
      if (h.id === request.requester_member_id) continue;
      const overlapping = (assignmentsBy.get(h.id) ?? []).filter(
        (a) => a.starts_at < request.ends_at && a.ends_at > request.starts_at,
      );
      rankHelpers.push(
        overlapping.length || paired.has(h.id)
          ? {
              ...h,
              assignments: overlapping.map((a) => ({
                startsAt: new Date(a.starts_at),
                endsAt: new Date(a.ends_at),
              })),
              pairedRequesterIds: paired.has(h.id) ? [request.requester_member_id] : [],
            }
          : h,
      );
    }
    const input = {
      id: request.id,
      requesterId: request.requester_member_id,
      startsAt: new Date(request.starts_at),
      endsAt: new Date(request.ends_at),
      category: request.category,
      children: (childrenBy.get(request.id) ?? []).map((c) => ({
        id: c.id,
        birthDate: c.birth_date,
      })),
      area: request.requester_area,
      blockedHelperIds: (blockedBy.get(request.requester_member_id) ?? []).map(
        (b) => b.helper_member_id,
      ),
      programme: request.programme,
    };
    const passed = new Set(rankCandidates(input, rankHelpers).candidates.map((c) => c.helperId));
    return { request, date, input, helpers: rankHelpers.filter((h) => passed.has(h.id)) };
  });

  // Qualifications once per date, for the helpers still in the running that day.
  const qualificationsByDate = new Map(
    await Promise.all(
      dates.map(async (date) => {
        const ids = new Set(
          firstPass.filter((p) => p.date === date).flatMap((p) => p.helpers.map((h) => h.id)),
        );
        return [
          date,
          await getMatchingEligibility(deps, [...ids], date, { token: stamp?.token }),
        ] as const;
      }),
    ),
  );

  // Pass 2: the same ranking with the real qualifications.
  for (const { request, date, input, helpers: remaining } of firstPass) {
    const qualifications = qualificationsByDate.get(date)!;
    const withQualifications = remaining.map((h) => {
      const q = qualifications.get(h.id);
      return {
        ...h,
        eligibleForMatching: q?.eligibleForMatching ?? false,
        sickChildCare: q?.sickChildCare ?? false,
      };
    });
    out.set(request.id, { candidates: rankCandidates(input, withQualifications).candidates });
  }
  return out;
}
