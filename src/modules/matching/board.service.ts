import type { AppDeps } from '../../context.js';
import { DAY, HOUR } from '../../lib/clock.js';
import { addDaysToDate, tokyoDateOf, tokyoInstant } from '../../lib/dates.js';
import { ageInMonths } from '../members/member-rules.js';
import {
  listPreMeetingPairsOfRequesters,
  listRequestChildren,
} from '../requests/requests.queries.js';
import {
  listMatchedBetween,
  listOfferStatuses,
  listOpenRequestsPage,
  listUrgentRequests,
  rankRequests,
} from './board.queries.js';
import { meetingsByPair, preMeetingNeedOf } from '../requests/pre-meeting-need-rules.js';

/**
 * 調整ボード: the requests staff must act on (urgent: starting within 48 hours; then the open ones
 * of the chosen days, a page at a time), today's matched activities, and for the rows shown how
 * many candidates each has and how many were not asked yet.
 */

export const BOARD_DAY_OPTIONS = [7, 14, 30] as const;
export const BOARD_PAGE_SIZE = 20;
const URGENT_WINDOW = 48 * HOUR;
/** Candidate counts are a full ranking each: at most this many per board page. */
const CANDIDATE_BUDGET = 30;
const URGENT_LIMIT = CANDIDATE_BUDGET;

/** Helpers asked already (any offer row), so 「上位3人」 moves on to the next ones. */
export const askedSet = (offers: { helper_member_id: string }[]) =>
  new Set(offers.map((o) => o.helper_member_id));

export async function loadBoard(
  deps: AppDeps,
  filters: { days: number; area: string | undefined },
  page: number,
) {
  const { db } = deps;
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const urgentUntil = new Date(now.getTime() + URGENT_WINDOW).toISOString();
  const rangeEnd = new Date(now.getTime() + filters.days * DAY).toISOString();
  const today = tokyoDateOf(now);

  const [urgentRows, openPage, todayRows] = await Promise.all([
    listUrgentRequests(db, {
      nowIso,
      fromIso: nowIso,
      untilIso: urgentUntil,
      area: filters.area,
      limit: URGENT_LIMIT,
    }),
    listOpenRequestsPage(db, {
      nowIso,
      fromIso: urgentUntil,
      untilIso: rangeEnd,
      area: filters.area,
      page,
      pageSize: BOARD_PAGE_SIZE,
    }),
    listMatchedBetween(db, {
      fromIso: tokyoInstant(today).toISOString(),
      untilIso: tokyoInstant(addDaysToDate(today, 1)).toISOString(),
      area: filters.area,
    }),
  ]);

  const live = [...urgentRows, ...openPage.items];
  const ids = [...live.map((r) => r.id), ...todayRows.map((r) => r.id)];
  const [children, offers, pairMeetings] = await Promise.all([
    listRequestChildren(db, ids),
    listOfferStatuses(
      db,
      live.map((r) => r.id),
    ),
    listPreMeetingPairsOfRequesters(
      db,
      todayRows.map((r) => r.requester_member_id),
    ),
  ]);
  const byPair = meetingsByPair(pairMeetings);
  /** Today's activities, each with whether its pair's pre-meeting covers it (and why not). */
  const today_ = todayRows.map((r) => ({ ...r, preMeeting: preMeetingNeedOf(r, byPair) }));
  /** The children's ages in months on the day of the request. */
  const agesOf = (requestId: string, startsAt: string) => {
    const day = tokyoDateOf(startsAt);
    return children
      .filter((ch) => ch.request_id === requestId)
      .map((ch) => ageInMonths(ch.birth_date, day));
  };
  // NOTE: a full ranking per request, only for the rows on this page (see CANDIDATE_BUDGET),
  // loaded once for all of them (rankRequests gives what findCandidates gives, faster).
  const counted = live.slice(0, CANDIDATE_BUDGET);
  const rankings = await rankRequests(deps, counted);
  const candidateCounts = new Map(
    counted.map((r) => {
      const asked = askedSet(offers.filter((o) => o.request_id === r.id));
      const candidates = rankings.get(r.id)?.candidates ?? [];
      return [
        r.id,
        {
          candidates: candidates.length,
          fresh: candidates.filter((x) => !asked.has(x.helperId)).length,
        },
      ] as const;
    }),
  );
  return { nowIso, today, urgentRows, openPage, todayRows: today_, agesOf, candidateCounts };
}
