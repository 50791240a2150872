import type { AppDeps, CurrentUser } from '../../context.js';
import { tokyoDateOf } from '../../lib/dates.js';
import { conflict, unprocessable } from '../../lib/errors.js';
import { getCenterSettings } from '../settings/settings.service.js';
import {
  listOffersForRequest,
  listPreMeetingPairsOfRequesters,
  listRequestChildren,
  type RequestRow,
} from '../requests/requests.queries.js';
import { offerBody, type PreMeetingInput } from '../requests/requests.schemas.js';
import {
  listMemberContacts,
  listOfferStatuses,
  listPreMeetingsOfPair,
  listPreMeetingsOfYear,
  listSeriesRequests,
  listUpcomingMatched,
} from './board.queries.js';
import { meetingsByPair, preMeetingNeedOf } from '../requests/pre-meeting-need-rules.js';
import { askedSet } from './board.service.js';
import { findCandidates } from './candidates.js';
import type { RankResult } from './ranking.js';
import { assignDirectly, createOffers } from './offers.service.js';
import { recordPreMeeting } from './pre-meetings.service.js';
import { QUICK_OFFER_SIZE } from './ranking.js';

/**
 * Staff decisions on one request (/coordination/requests/:id): offers to chosen helpers or to
 * the best ones not asked yet, direct assignment, the pair's pre-meeting; and what its page
 * shows. A refusal is the domain's 409/422, which the page shows by the form.
 */

const LIVE = ['open', 'offered'];
/** Offered at once by 「上位3人に紹介」. */
const TOP_N = QUICK_OFFER_SIZE;
/** Candidates listed before 「すべての候補を表示」. */
const SHOWN_CANDIDATES = 20;

/** Before the domain call: a request no longer live, or already started, cannot be offered. */
function assertOfferable(deps: AppDeps, request: RequestRow) {
  if (!LIVE.includes(request.status)) throw conflict('already_matched', 'rule.already_matched');
  if (Date.parse(request.starts_at) <= deps.clock.now().getTime())
    throw unprocessable('past_start');
}

/**
 * Every posted helper must be one of this request's candidates. The domain refuses the helpers
 * the ranking excludes; this also refuses ids the ranking never saw (a withdrawn helper, the
 * requester herself), which it would otherwise let through.
 */
function checkRanked(ranking: RankResult, helperIds: string[]) {
  const { candidates, excluded } = ranking;
  const ranked = new Set(candidates.map((x) => x.helperId));
  for (const id of helperIds) {
    if (ranked.has(id)) continue;
    const out = excluded.find((e) => e.helperId === id);
    throw unprocessable(out?.reasons[0]?.code ?? 'unknown_helper');
  }
}

async function assertRanked(deps: AppDeps, request: RequestRow, helperIds: string[]) {
  checkRanked(await findCandidates(deps, request, { onlyHelperIds: helperIds }), helperIds);
}

/**
 * 紹介: offers to the helpers staff ticked (as offerBody allows, each a candidate); their names,
 * from the one ranking createOffers makes.
 */
export async function offerToHelpers(
  deps: AppDeps,
  staff: CurrentUser,
  request: RequestRow,
  helperIds: string[],
  clientAddress?: string,
): Promise<string[]> {
  assertOfferable(deps, request);
  if (!offerBody.safeParse({ helperIds }).success)
    throw helperIds.length === 0
      ? unprocessable('no_helpers_selected', 'coord.error.noneSelected')
      : unprocessable('too_many_helpers', 'error.invalid_input');
  const names = new Map<string, string>();
  await createOffers(deps, staff, request, helperIds, clientAddress, {
    check: (ranking) => {
      checkRanked(ranking, helperIds);
      for (const c of ranking.candidates) names.set(c.helperId, c.name);
    },
  });
  return [...new Set(helperIds)].map((id) => names.get(id)!);
}

/** 「上位3人に紹介」: the best candidates nobody has asked yet, in one click; who they are. */
export async function offerToTopCandidates(
  deps: AppDeps,
  staff: CurrentUser,
  request: RequestRow,
  clientAddress?: string,
) {
  assertOfferable(deps, request);
  const [ranking, offers] = await Promise.all([
    findCandidates(deps, request),
    listOfferStatuses(deps.db, [request.id]),
  ]);
  const { candidates } = ranking;
  const asked = askedSet(offers);
  const chosen = candidates.filter((x) => !asked.has(x.helperId)).slice(0, TOP_N);
  if (chosen.length === 0)
    throw unprocessable('no_fresh_candidates', 'coord.error.noFreshCandidates');
  await createOffers(
    deps,
    staff,
    request,
    chosen.map((x) => x.helperId),
    clientAddress,
    { ranking },
  );
  return chosen;
}

/** Matches a candidate directly (she agreed on the phone); the request as matched. */
export async function assignHelper(
  deps: AppDeps,
  staff: CurrentUser,
  request: RequestRow,
  helperId: string,
  clientAddress?: string,
) {
  assertOfferable(deps, request);
  if (!helperId) throw unprocessable('unknown_helper');
  await assertRanked(deps, request, [helperId]);
  return assignDirectly(deps, staff, request, helperId, clientAddress);
}

/** A request's pair, who may hold a pre-meeting: it has a helper and is not cancelled. */
export function assertPreMeetingPair(request: RequestRow) {
  if (!request.helper_member_id || request.status === 'cancelled')
    throw unprocessable('unknown_pair');
  return { requesterId: request.requester_member_id, helperId: request.helper_member_id };
}

/** Records the pre-meeting of this request's pair, for this request's kind of help. */
export function recordRequestPreMeeting(
  deps: AppDeps,
  staff: CurrentUser,
  request: RequestRow,
  fields: Omit<PreMeetingInput, 'requesterId' | 'helperId'>,
  clientAddress?: string,
) {
  const pair = assertPreMeetingPair(request);
  return recordPreMeeting(deps, staff, { ...fields, ...pair }, clientAddress, {
    category: request.category,
    careLocation: request.care_location,
  });
}

/**
 * What the request page shows: its children, offers and series; while it is live, its ranked
 * candidates (the first 20, all, and the ticked ones) and those excluded; the contacts of
 * everyone on the page; and the pair's pre-meeting.
 */
export async function loadCoordinationRequest(
  deps: AppDeps,
  request: RequestRow,
  options: { showAll: boolean; selected: Set<string> },
) {
  const { db } = deps;
  const now = deps.clock.now();
  const live = LIVE.includes(request.status);
  const canOffer = live && Date.parse(request.starts_at) > now.getTime();
  const requestDate = tokyoDateOf(request.starts_at);
  const [settings, children, offers, series, ranking] = await Promise.all([
    getCenterSettings(deps),
    listRequestChildren(db, [request.id]),
    listOffersForRequest(db, request.id),
    request.series_id ? listSeriesRequests(db, request.series_id) : Promise.resolve([]),
    live ? findCandidates(deps, request) : Promise.resolve(null),
  ]);

  const shown = ranking
    ? ranking.candidates.filter(
        (x, i) => options.showAll || i < SHOWN_CANDIDATES || options.selected.has(x.helperId),
      )
    : [];
  const contactIds = [
    request.requester_member_id,
    ...(request.helper_member_id ? [request.helper_member_id] : []),
    ...shown.map((x) => x.helperId),
  ];
  const contacts = new Map((await listMemberContacts(db, contactIds)).map((m) => [m.id, m]));

  let preMeeting = null;
  if (request.helper_member_id && request.status !== 'cancelled') {
    const meetings = await listPreMeetingsOfPair(
      db,
      request.requester_member_id,
      request.helper_member_id,
    );
    const need = preMeetingNeedOf(request, meetingsByPair(meetings));
    // Asked for only while the request is matched (a completed one is past asking).
    const required = request.status === 'matched' && need.needed;
    preMeeting = {
      required,
      reason: need.needed ? need.reason : null,
      recorded: need.needed ? null : { heldOn: need.covering.held_on, place: need.covering.place },
    };
  }
  return {
    now,
    canOffer,
    requestDate,
    settings,
    children,
    offers,
    series,
    ranking,
    shown,
    contacts,
    preMeeting,
  };
}

/** At most this many upcoming matched requests are read for the waiting list. */
const WAITING_SCAN = 2000;
const WAITING_LIMIT = 500;

/**
 * 事前打ち合わせ: the matched requests still waiting for one (the pair has none covering the
 * request's fiscal year and kind of help, pre-meeting-need-rules.ts), each with the reason; and
 * a fiscal year's records.
 */
export async function loadPreMeetingOverview(deps: AppDeps, fiscalYear: number) {
  const nowIso = deps.clock.now().toISOString();
  const [upcoming, recorded] = await Promise.all([
    listUpcomingMatched(deps.db, nowIso, WAITING_SCAN),
    listPreMeetingsOfYear(deps.db, fiscalYear, nowIso),
  ]);
  const byPair = meetingsByPair(
    await listPreMeetingPairsOfRequesters(
      deps.db,
      upcoming.map((r) => r.requester_member_id),
    ),
  );
  const waiting = upcoming
    .map((r) => ({ ...r, need: preMeetingNeedOf(r, byPair) }))
    .flatMap((r) => (r.need.needed ? [{ ...r, reason: r.need.reason }] : []))
    .slice(0, WAITING_LIMIT);
  return { waiting, recorded };
}
