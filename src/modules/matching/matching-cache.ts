/**
 * The candidate ranking's slow-changing inputs, cached per process (Node) or isolate (Workers):
 * every helper's profile with their weekly slots, and every helper's recent workload. Reading
 * and shaping them for 3,000 helpers on each request was most of the ranking's time at city
 * scale (docs/performance.md).
 *
 * Like the eligibility cache (trainings/matching-eligibility.ts), correctness rests on tokens
 * that triggers replace (migration 0009, `matching_stamp`): 'helpers' on any change to a member
 * or a weekly slot, 'workload' on any change to a request's status, helper or times. Each call
 * reads both tokens (one small query) and reloads what changed. Tokens are random, so a cache
 * can never be mistaken for another database's.
 */
import type { AppDeps } from '../../context.js';
import {
  listAvailabilitySlots,
  listHelperMembers,
  listHelperStartsSince,
} from './matching.queries.js';
import type { SideStatus } from '../../../db/schema.js';
import { parseTime, type WeeklySlot } from '../availability/availability.js';
import { parseJsonList } from '../../lib/json-list.js';

export interface HelperProfile {
  id: string;
  name: string;
  helperStatus: SideStatus | null;
  maxChildren: number;
  childAgeMin: number | null;
  childAgeMax: number | null;
  categories: number[];
  /** The areas served; a helper who named none serves her own. */
  areas: string[];
  /** Weekly slots by ISO weekday (index 1 = Monday … 7 = Sunday). */
  weekly: WeeklySlot[][];
}

/** A couple of databases at most in one process (tests); more just reload. */
const MAX_ENTRIES = 4;
const profiles = new Map<string, Promise<HelperProfile[]>>();
interface Workload {
  since: string;
  starts: Map<string, string[]>;
  /** Every start, ascending: whether any start lies between two windows' beginnings. */
  all: string[];
  /** The counts of the latest window asked, reused while no start enters or leaves it. */
  last?: { since: string; counts: ReadonlyMap<string, number> };
}
const workloads = new Map<string, Promise<Workload>>();

function remember<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>) {
  let pending = cache.get(key);
  if (!pending) {
    pending = load();
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
    while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  }
  return pending;
}

/** The cache keys from the stamp rows (`matchingStampsQuery`, e.g. read in a batch). */
export function matchingTokensOf(rows: readonly { topic: string; token: string }[]) {
  // Without stamps nothing can be cached safely: every call then loads afresh.
  const token = (topic: string) =>
    rows.find((r) => r.topic === topic)?.token ?? `nocache-${Math.random()}`;
  return { helpers: token('helpers'), workload: token('workload') };
}

/** Every member with a helper side who has not withdrawn, with the week of slots. */
export function getHelperProfiles(
  deps: Pick<AppDeps, 'db'>,
  token: string,
): Promise<HelperProfile[]> {
  return remember(profiles, token, async () => {
    const [helpers, slots] = await Promise.all([
      listHelperMembers(deps.db),
      listAvailabilitySlots(deps.db),
    ]);
    const byId = new Map<string, HelperProfile>();
    for (const h of helpers) {
      const areas = parseJsonList<string>(h.helper_areas);
      byId.set(h.id, {
        id: h.id,
        name: h.name,
        helperStatus: h.helper_status,
        maxChildren: h.helper_max_children,
        childAgeMin: h.helper_child_age_min_months,
        childAgeMax: h.helper_child_age_max_months,
        categories: parseJsonList<number>(h.helper_categories),
        areas: areas.length ? areas : [h.area],
        weekly: Array.from({ length: 8 }, () => []),
      });
    }
    // Parsed once here rather than twice per slot per ranking.
    for (const s of slots)
      byId.get(s.member_id)?.weekly[s.weekday]?.push({
        weekday: s.weekday,
        start: s.start_time,
        end: s.end_time,
        startMin: parseTime(s.start_time),
        endMin: parseTime(s.end_time),
      });
    return [...byId.values()];
  });
}

/** First index whose value is >= `x` in an ascending list. */
function lowerBound(sorted: readonly string[], x: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Matched and completed requests per helper starting at or after `since` (an ISO instant):
 * exactly the old GROUP BY count. Starts are kept sorted per helper from a little before
 * `since`, so the sliding window is answered by a binary search; a window reaching further back
 * than what was loaded reloads. The window moves with the clock on every call, but its counts
 * only change when a start enters or leaves it: while none does (one binary search over all the
 * starts says so), the previous answer is the answer. Read-only (shared between calls).
 */
export async function getRecentCounts(
  deps: Pick<AppDeps, 'db'>,
  token: string,
  since: string,
): Promise<ReadonlyMap<string, number>> {
  const load = (from: string) => async (): Promise<Workload> => {
    const rows = await listHelperStartsSince(deps.db, from);
    const starts = new Map<string, string[]>();
    const all: string[] = [];
    for (const r of rows) {
      all.push(r.starts_at);
      const list = starts.get(r.helper_member_id!);
      if (list) list.push(r.starts_at);
      else starts.set(r.helper_member_id!, [r.starts_at]);
    }
    for (const list of starts.values()) list.sort();
    all.sort();
    return { since: from, starts, all };
  };
  // A week of margin, so the window sliding with the clock does not reload every call.
  const margin = new Date(new Date(since).getTime() - 7 * 86_400_000).toISOString();
  let entry = await remember(workloads, token, load(margin));
  if (since < entry.since) {
    workloads.delete(token);
    entry = await remember(workloads, token, load(margin));
  }
  const last = entry.last;
  if (last) {
    const [lo, hi] = last.since < since ? [last.since, since] : [since, last.since];
    if (lowerBound(entry.all, lo) === lowerBound(entry.all, hi)) return last.counts;
  }
  const counts = new Map<string, number>();
  for (const [helperId, list] of entry.starts) {
    const n = list.length - lowerBound(list, since);
    if (n > 0) counts.set(helperId, n);
  }
  entry.last = { since, counts };
  return counts;
}
