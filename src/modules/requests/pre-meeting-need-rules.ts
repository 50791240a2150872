import type { CareLocation } from '../../../db/schema.js';
import { fiscalYearOf, tokyoDateOf } from '../../lib/dates.js';

/**
 * Whether a request needs a new 事前打ち合わせ with its helper (issue #19 pt 3,
 * docs/decisions/2026-12-06-pre-meeting-on-change.md). A pre-meeting covers the pair for the
 * fiscal year it was held in, and for the kind of help it was held for: the category (援助内容)
 * and the care location (預かり場所). A pre-meeting recorded before kinds were kept (category and
 * care location null) covers any kind in its year. Pure: the caller passes the pair's meetings.
 */
export type PreMeetingNeedReason =
  /** The pair never held one. */
  | 'first'
  /** Held in an earlier fiscal year only. */
  | 'fiscal_year'
  /** Held this year, but for another category of help. */
  | 'category'
  /** Held this year for this category, but for another care location. */
  | 'care_location';

export interface PreMeetingKind {
  category: number | null;
  care_location: CareLocation | null;
}

export interface PairPreMeeting extends PreMeetingKind {
  fiscal_year: number;
  held_on: string;
  created_at: string;
}

export interface RequestKind {
  /** The fiscal year of the request's Tokyo start date. */
  fiscalYear: number;
  category: number;
  careLocation: CareLocation;
}

export type PreMeetingNeed<M extends PairPreMeeting = PairPreMeeting> =
  { needed: false; covering: M } | { needed: true; reason: PreMeetingNeedReason };

const newestFirst = (a: PairPreMeeting, b: PairPreMeeting) =>
  a.held_on === b.held_on
    ? b.created_at.localeCompare(a.created_at)
    : b.held_on.localeCompare(a.held_on);

/** Does this meeting cover this kind of help (its own kind, or any kind when not recorded)? */
export function covers(meeting: PreMeetingKind, request: RequestKind): boolean {
  return (
    (meeting.category === null || meeting.category === request.category) &&
    (meeting.care_location === null || meeting.care_location === request.careLocation)
  );
}

/**
 * The decision for one request: not needed (with the newest meeting that covers it), or needed
 * with the reason. The pair's meetings in any order and of any fiscal year.
 */
export function preMeetingNeed<M extends PairPreMeeting>(
  request: RequestKind,
  pairMeetings: readonly M[],
): PreMeetingNeed<M> {
  if (pairMeetings.length === 0) return { needed: true, reason: 'first' };
  const ofYear = pairMeetings.filter((m) => m.fiscal_year === request.fiscalYear).sort(newestFirst);
  if (ofYear.length === 0) return { needed: true, reason: 'fiscal_year' };
  const covering = ofYear.find((m) => covers(m, request));
  if (covering) return { needed: false, covering };
  // What changed: the help itself when no meeting this year was for this category (a new
  // category at a new place is told as a change of help), else the place.
  const sameCategory = ofYear.some((m) => m.category === null || m.category === request.category);
  return { needed: true, reason: sameCategory ? 'care_location' : 'category' };
}

/** The key of a pair in maps of meetings. */
export const pairKey = (requesterId: string, helperId: string) => `${requesterId}|${helperId}`;

/** Groups meetings by pair, for preMeetingNeed over a list of requests. */
export function meetingsByPair<
  M extends PairPreMeeting & { requester_member_id: string; helper_member_id: string },
>(meetings: readonly M[]): Map<string, M[]> {
  const map = new Map<string, M[]>();
  for (const m of meetings) {
    const key = pairKey(m.requester_member_id, m.helper_member_id);
    const list = map.get(key);
    if (list) list.push(m);
    else map.set(key, [m]);
  }
  return map;
}

/** A matched request as the rule reads it (care_request columns). */
export interface PairRequest {
  requester_member_id: string;
  helper_member_id: string | null;
  starts_at: string;
  category: number;
  care_location: CareLocation;
}

/**
 * The decision for a request, given the meetings of pairs (meetingsByPair). A request without a
 * helper has no pair yet: a first pre-meeting is needed once it has one.
 */
export function preMeetingNeedOf<M extends PairPreMeeting>(
  request: PairRequest,
  byPair: ReadonlyMap<string, readonly M[]>,
): PreMeetingNeed<M> {
  if (request.helper_member_id === null) return { needed: true, reason: 'first' };
  return preMeetingNeed(
    {
      fiscalYear: fiscalYearOf(tokyoDateOf(request.starts_at)),
      category: request.category,
      careLocation: request.care_location,
    },
    byPair.get(pairKey(request.requester_member_id, request.helper_member_id)) ?? [],
  );
}
