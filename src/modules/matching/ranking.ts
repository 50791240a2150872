import { ageInMonths, tokyoDateOf } from '../../lib/dates.js';
import {
  daySegments,
  firstExceptionHit,
  segmentsCoveredByWeekly,
  type AvailabilityException,
  type Interval,
  type WeeklySlot,
} from '../availability/availability.js';

/**
 * Candidate ranking for one request (GET /requests/:id/candidates).
 *
 * Pure: the service loads the request and every helper with their availability, assignments,
 * pairings and recent activity counts, and this file decides. Two stages:
 * 1. hard filters — a helper failing any is excluded, with EVERY failing reason so staff see the
 *    whole picture at once (e.g. "not qualified and already assigned");
 * 2. a soft score for the rest, best first.
 * Reasons are codes with params; the UI translates them (src/i18n), nothing here is user text.
 *
 * Performance: a city center has ~3,000 helpers and staff open this page often. The request's Tokyo
 * day segments, date, children's ages and blocked set are computed once; the per-helper loop only
 * reads the request weekday's slots and parses 'HH:MM' with charCodeAt; a helper costs two
 * allocations (its entry and its reasons array) because reason objects are shared.
 */

export interface RankRequest {
  id: string;
  requesterId: string;
  startsAt: Date;
  endsAt: Date;
  /** Activity category 1..12 (DOMAIN.md); 10 is sick-child care by default. */
  category: number;
  children: { id: string; birthDate: string }[];
  area: string;
  /** Helpers the family asked not to be matched with. */
  blockedHelperIds: string[];
  /**
   * A request of the sick-child and emergency programme (issue #20): either kind needs the
   * sick-child qualification (the programme's training), whatever its category.
   */
  programme?: 'sick' | 'emergency' | null;
}

export interface RankHelper {
  id: string;
  name: string;
  /** The helper side's member status: applied | active | suspended | withdrawn. */
  helperStatus: string;
  eligibleForMatching: boolean;
  sickChildCare: boolean;
  /**
   * When overdue refreshers are all the training the helper lacks: their titles and the first
   * one's last valid day, given with the `not_qualified` reason (staff see which course to book).
   */
  refresherOverdue?: { titlesJa: string; titlesEn: string; expiredOn: string } | null;
  weekly: readonly WeeklySlot[];
  exceptions: readonly AvailabilityException[];
  /** Existing assignments (accepted offers / scheduled activities) of this helper. */
  assignments: readonly Interval[];
  maxChildren: number;
  /** Preferred child ages in completed months, inclusive; null/undefined = no bound. */
  childAgeMin?: number | null;
  childAgeMax?: number | null;
  /** Preferred activity categories; empty = any. */
  categories: readonly number[];
  /** Areas (地区) the helper serves. */
  areas: readonly string[];
  /** Requesters this helper already has a pairing with (continuity). */
  pairedRequesterIds: readonly string[];
  /** Activities in the recent window the service chose (fairness: spread the work). */
  recentActivityCount: number;
}

export interface RankOptions {
  /** Categories that need the sick-child qualification (a center setting); default [10]. */
  sickChildCategories?: readonly number[];
}

export type ExclusionCode =
  | 'not_active'
  | 'not_qualified'
  | 'no_sick_child_qualification'
  | 'unavailable'
  | 'exception_that_day'
  | 'already_assigned'
  | 'too_many_children'
  | 'child_age_outside_preference'
  | 'blocked_by_family'
  | 'is_requester';

export type CandidateReasonCode =
  | 'paired_with_family'
  | 'same_area'
  | 'other_area'
  | 'prefers_category'
  | 'any_category'
  | 'category_not_preferred'
  | 'recent_activities';

export type ReasonParams = Record<string, string | number>;

/** Read-only: reason objects are shared between helpers (see `reason`). */
export interface Reason<C extends string> {
  readonly code: C;
  readonly params?: Readonly<ReasonParams>;
}

export interface Candidate {
  helperId: string;
  name: string;
  score: number;
  paired: boolean;
  reasons: Reason<CandidateReasonCode>[];
}

export interface ExcludedHelper {
  helperId: string;
  name: string;
  reasons: Reason<ExclusionCode>[];
}

export interface RankResult {
  /** Best first. */
  candidates: Candidate[];
  /** In input order. */
  excluded: ExcludedHelper[];
}

/**
 * Score weights. Each tier outweighs everything below it combined, so the order is lexicographic
 * even though it is shown as one number:
 * - continuity (1000) > area + category + fairness (100 + 50 + 40 = 190): a family keeps its helper;
 * - area (100) > category + fairness (90): travel is the practical constraint, category is a taste;
 * - category (50) > fairness (≤ 40).
 * Fairness = round(40 / (1 + recent activities)): 0 → 40, 1 → 20, 3 → 10, 39+ → ≤ 1. Because it is
 * rounded, equal scores are further ordered by the raw count (fewer first), then by helper id.
 */
export const SCORE_WEIGHTS = {
  paired: 1000,
  sameArea: 100,
  categoryFit: 50,
  fairnessMax: 40,
} as const;

export const DEFAULT_SICK_CHILD_CATEGORIES: readonly number[] = [10];

/** The kernel's rule (allocation-free integer math), re-exported for the ranking's callers. */
export { ageInMonths } from '../../lib/dates.js';

/** Fairness points for a recent-activity count (see SCORE_WEIGHTS). */
export function fairnessPoints(recentActivityCount: number): number {
  return Math.round(SCORE_WEIGHTS.fairnessMax / (1 + Math.max(0, recentActivityCount)));
}

/**
 * Reason objects are frozen and shared: most excluded helpers fail for the same few reasons, and
 * one object per (code, params) keeps the 3,000-helper loop from allocating thousands of identical
 * objects (and the GC pauses that follow). Frozen because an object shared between helpers must
 * never be edited by a caller.
 */
function reason<C extends string>(code: C, params?: ReasonParams): Reason<C> {
  return Object.freeze(params ? { code, params: Object.freeze(params) } : { code });
}

const NOT_QUALIFIED = reason<ExclusionCode>('not_qualified');
const NO_SICK_CHILD = reason<ExclusionCode>('no_sick_child_qualification');
const UNAVAILABLE = reason<ExclusionCode>('unavailable');
const BLOCKED = reason<ExclusionCode>('blocked_by_family');
const IS_REQUESTER = reason<ExclusionCode>('is_requester');
const PAIRED = reason<CandidateReasonCode>('paired_with_family');
const ANY_CATEGORY = reason<CandidateReasonCode>('any_category');

/** Per-call memo for reasons whose params vary by one value (a status, a date, a count). */
function memo<K, C extends string>(
  cache: Map<K, Reason<C>>,
  key: K,
  make: (key: K) => Reason<C>,
): Reason<C> {
  let r = cache.get(key);
  if (r === undefined) {
    r = make(key);
    cache.set(key, r);
  }
  return r;
}

const notActiveReason = (status: string) => reason<ExclusionCode>('not_active', { status });
const exceptionReason = (date: string) => reason<ExclusionCode>('exception_that_day', { date });
const assignedReason = (count: number) => reason<ExclusionCode>('already_assigned', { count });
const recentReason = (count: number) => reason<CandidateReasonCode>('recent_activities', { count });

export function rankCandidates(
  request: RankRequest,
  helpers: readonly RankHelper[],
  options: RankOptions = {},
): RankResult {
  // Everything about the request, once.
  const segments = daySegments(request);
  const reqStart = request.startsAt.getTime();
  const reqEnd = request.endsAt.getTime();
  const requestDate = tokyoDateOf(request.startsAt);
  const childCount = request.children.length;
  const childAges = request.children.map((c) => ageInMonths(c.birthDate, requestDate));
  let youngest = Infinity;
  let oldest = -Infinity;
  for (const age of childAges) {
    if (age < youngest) youngest = age;
    if (age > oldest) oldest = age;
  }
  const blocked = new Set(request.blockedHelperIds);
  const needsSickChild =
    (request.programme ?? null) !== null ||
    (options.sickChildCategories ?? DEFAULT_SICK_CHILD_CATEGORIES).includes(request.category);
  const { requesterId, category, area } = request;

  // Shared reasons for this request (see `reason`).
  const sameAreaReason = reason<CandidateReasonCode>('same_area', { area });
  const otherAreaReason = reason<CandidateReasonCode>('other_area', { area });
  const prefersReason = reason<CandidateReasonCode>('prefers_category', { category });
  const notPreferredReason = reason<CandidateReasonCode>('category_not_preferred', { category });
  const tooManyReason = (max: number) =>
    reason<ExclusionCode>('too_many_children', { children: childCount, max });
  const notActiveCache = new Map<string, Reason<ExclusionCode>>();
  const exceptionCache = new Map<string, Reason<ExclusionCode>>();
  const assignedCache = new Map<number, Reason<ExclusionCode>>();
  const tooManyCache = new Map<number, Reason<ExclusionCode>>();
  const recentCache = new Map<number, Reason<CandidateReasonCode>>();
  const refresherCache = new Map<string, Reason<ExclusionCode>>();

  const candidates: Candidate[] = [];
  // Sort keys beside the candidates, so the comparator reads plain numbers.
  const recentOf: number[] = [];
  const excluded: ExcludedHelper[] = [];

  for (let h = 0; h < helpers.length; h++) {
    const helper = helpers[h]!;

    // Hard filters as booleans first; reasons are only built for the helpers that fail.
    const notActive = helper.helperStatus !== 'active';
    const notQualified = !helper.eligibleForMatching;
    const noSickChild = needsSickChild && !helper.sickChildCare;
    const uncovered = !segmentsCoveredByWeekly(segments, helper.weekly);
    const exceptionDate = firstExceptionHit(segments, helper.exceptions);
    let clashes = 0;
    const assignments = helper.assignments;
    for (let a = 0; a < assignments.length; a++) {
      const as = assignments[a]!;
      const s = as.startsAt.getTime();
      const e = as.endsAt.getTime();
      if (s < reqEnd && reqStart < e && s < e) clashes++;
    }
    const tooMany = childCount > helper.maxChildren;
    const ageMin = helper.childAgeMin ?? null;
    const ageMax = helper.childAgeMax ?? null;
    // Every child must fit, so checking the youngest and the oldest is enough.
    const ageOutside =
      childCount > 0 &&
      ((ageMin !== null && youngest < ageMin) || (ageMax !== null && oldest > ageMax));
    const isBlocked = blocked.has(helper.id);
    const isRequester = helper.id === requesterId;

    if (
      notActive ||
      notQualified ||
      noSickChild ||
      uncovered ||
      exceptionDate !== null ||
      clashes > 0 ||
      tooMany ||
      ageOutside ||
      isBlocked ||
      isRequester
    ) {
      const reasons: Reason<ExclusionCode>[] = [];
      if (notActive) reasons.push(memo(notActiveCache, helper.helperStatus, notActiveReason));
      if (notQualified) {
        const overdue = helper.refresherOverdue;
        reasons.push(
          overdue
            ? memo(
                refresherCache,
                `${overdue.expiredOn}|${overdue.titlesJa}|${overdue.titlesEn}`,
                () => reason<ExclusionCode>('not_qualified', { ...overdue }),
              )
            : NOT_QUALIFIED,
        );
      }
      if (noSickChild) reasons.push(NO_SICK_CHILD);
      if (uncovered) reasons.push(UNAVAILABLE);
      if (exceptionDate !== null) {
        reasons.push(memo(exceptionCache, exceptionDate, exceptionReason));
      }
      if (clashes > 0) reasons.push(memo(assignedCache, clashes, assignedReason));
      if (tooMany) reasons.push(memo(tooManyCache, helper.maxChildren, tooManyReason));
      if (ageOutside) {
        const params: ReasonParams = {
          children: childAges.filter(
            (age) => (ageMin !== null && age < ageMin) || (ageMax !== null && age > ageMax),
          ).length,
        };
        if (ageMin !== null) params.min = ageMin;
        if (ageMax !== null) params.max = ageMax;
        reasons.push(reason('child_age_outside_preference', params));
      }
      if (isBlocked) reasons.push(BLOCKED);
      if (isRequester) reasons.push(IS_REQUESTER);
      excluded.push({ helperId: helper.id, name: helper.name, reasons });
      continue;
    }

    // Soft score.
    const paired = helper.pairedRequesterIds.includes(requesterId);
    const sameArea = helper.areas.includes(area);
    const anyCategory = helper.categories.length === 0;
    const prefersCategory = !anyCategory && helper.categories.includes(category);
    const recent = helper.recentActivityCount;
    const score =
      (paired ? SCORE_WEIGHTS.paired : 0) +
      (sameArea ? SCORE_WEIGHTS.sameArea : 0) +
      (prefersCategory || anyCategory ? SCORE_WEIGHTS.categoryFit : 0) +
      fairnessPoints(recent);

    const reasons: Reason<CandidateReasonCode>[] = [];
    if (paired) reasons.push(PAIRED);
    reasons.push(sameArea ? sameAreaReason : otherAreaReason);
    reasons.push(prefersCategory ? prefersReason : anyCategory ? ANY_CATEGORY : notPreferredReason);
    reasons.push(memo(recentCache, recent, recentReason));

    candidates.push({ helperId: helper.id, name: helper.name, score, paired, reasons });
    recentOf.push(recent);
  }

  // Sort positions rather than objects so the keys stay in flat arrays: score desc, recent
  // activities asc, then helper id by code unit (not localeCompare: deterministic whatever the
  // runtime's ICU data), so equal inputs in any order give the same list.
  const order = Array.from(candidates.keys());
  order.sort((i, j) => {
    const a = candidates[i]!;
    const b = candidates[j]!;
    if (a.score !== b.score) return b.score - a.score;
    const ra = recentOf[i]!;
    const rb = recentOf[j]!;
    if (ra !== rb) return ra - rb;
    return a.helperId < b.helperId ? -1 : a.helperId > b.helperId ? 1 : 0;
  });
  return { candidates: order.map((i) => candidates[i]!), excluded };
}

/** How many of the best candidates not asked yet 「上位3人に紹介」 offers a request to at once. */
export const QUICK_OFFER_SIZE = 3;
