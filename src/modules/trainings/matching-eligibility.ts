/**
 * Matching eligibility of many helpers at once, cached: the candidate ranking asks it for every
 * helper of the center on each request, and computing it from every training record each time
 * cost 1–2 s at city scale (docs/performance.md).
 *
 * Correctness rests on `qualification_stamp` (migration 0009): triggers replace its random token
 * whenever a training record, the curriculum or a member's helper status changes, however the
 * change was made. Each call reads the token (one tiny query); a different token drops the cache.
 * The answer for a date comes from the same pure engine (qualifications.ts) as everywhere else.
 *
 * The engine's answer for a member only changes on a few days: when a record starts to count
 * (its completion day), the day after it expires, and April 1 (the follow-up is per fiscal
 * year). So results are memoised per member and per "segment" between those days: a new date
 * costs a binary search per helper, not an engine run.
 *
 * The cache lives in module scope (per Node process, per Workers isolate). It is keyed by the
 * token alone: 128 random bits never repeat across databases, so tests with many databases, or
 * a recreated one, cannot read each other's entries.
 */
import type { AppDeps } from '../../context.js';
import type { SideStatus } from '../../../db/schema.js';
import { fiscalYearOf } from '../../lib/dates.js';
import {
  addDaysTo,
  computeQualifications,
  expiresOnFor,
  type ModuleDef,
  type Qualifications,
  type TrainingRecord,
} from './qualifications.js';
import {
  qualificationTokenQuery,
  listApprovedRecords,
  listHelperStatuses,
  listModules,
  toModuleDef,
} from './trainings.queries.js';

export interface MatchingEligibility {
  eligibleForMatching: boolean;
  sickChildCare: boolean;
  /**
   * When overdue refreshers (救命講習, 事故防止講習…) are the only training a helper lacks: those
   * modules' titles and the earliest last valid day, so the candidate list can say why. Null
   * Absent otherwise (eligible, or something else is missing too).
   */
  refresherOverdue?: RefresherOverdue;
}

export interface RefresherOverdue {
  titlesJa: string;
  titlesEn: string;
  /** The last valid day of the first refresher that ran out. */
  expiredOn: string;
}

/** The engine's overdue refreshers as one reason, when they are all that is missing. */
export function refresherOverdueOf(
  q: Pick<Qualifications, 'missing' | 'overdue'>,
  defs: readonly ModuleDef[],
): RefresherOverdue | null {
  if (q.overdue.length === 0) return null;
  const overdue = new Set(q.overdue.map((o) => o.code));
  if (!q.missing.every((code) => overdue.has(code))) return null;
  const titles = q.overdue.map((o) => defs.find((d) => d.code === o.code)!);
  return {
    titlesJa: titles.map((d) => d.titleJa).join('、'),
    titlesEn: titles.map((d) => d.titleEn).join(', '),
    expiredOn: q.overdue[0]!.expiredOn,
  };
}

interface MemberEntry {
  helperStatus: SideStatus | null;
  records: TrainingRecord[];
  /** Sorted days on which the engine's answer may change (besides April 1). */
  breakpoints: string[];
  /** Keyed by fiscal year × 10,000 + segment index (a number: this runs per helper per call). */
  bySegment: Map<number, MatchingEligibility>;
}

interface Snapshot {
  defs: ModuleDef[];
  members: Map<string, MemberEntry>;
  /** Every member's answer on a date (`getMatchingEligibilityOn`), for the latest dates asked. */
  byDate: Map<string, ReadonlyMap<string, MatchingEligibility>>;
}

/** Dates kept per snapshot: a month of ranking dates and then some (3,000 small entries each). */
const MAX_DATES = 64;

/** A couple of databases at most in one process (tests); more just reload. */
const MAX_SNAPSHOTS = 4;
const snapshots = new Map<string, Promise<Snapshot>>();

async function readToken(deps: Pick<AppDeps, 'db'>): Promise<string | undefined> {
  return (await qualificationTokenQuery(deps.db).executeTakeFirst())?.token;
}

async function loadSnapshot(deps: Pick<AppDeps, 'db'>): Promise<Snapshot> {
  const [modules, helpers, records] = await Promise.all([
    listModules(deps.db, { activeOnly: true }),
    listHelperStatuses(deps.db),
    listApprovedRecords(deps.db),
  ]);
  const defs = modules.map(toModuleDef);
  const moduleById = new Map(modules.map((m, i) => [m.id, defs[i]!]));
  const members = new Map<string, MemberEntry>();
  for (const h of helpers)
    members.set(h.id, {
      helperStatus: h.helper_status,
      records: [],
      breakpoints: [],
      bySegment: new Map(),
    });
  for (const r of records) {
    const entry = members.get(r.member_id);
    const def = moduleById.get(r.module_id);
    // Records of members without a helper side or of retired modules change nothing.
    if (!entry || !def) continue;
    entry.records.push({ moduleCode: def.code, completedOn: r.completed_on, source: r.source });
    entry.breakpoints.push(r.completed_on);
    const expiresOn = expiresOnFor(def, r.completed_on);
    if (expiresOn) entry.breakpoints.push(addDaysTo(expiresOn, 1));
  }
  for (const entry of members.values()) entry.breakpoints.sort();
  return { defs, members, byDate: new Map() };
}

/** Number of breakpoints on or before `date`. */
function segmentOf(breakpoints: readonly string[], date: string): number {
  let lo = 0;
  let hi = breakpoints.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (breakpoints[mid]! <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The snapshot for the token, loaded once (concurrent callers share the load). */
async function snapshotFor(
  deps: Pick<AppDeps, 'db'>,
  known: { token: string | undefined } | undefined,
): Promise<Snapshot> {
  // The token is read before the data: a change in between leaves newer data under the older
  // token, which the next call replaces; never older data under a newer token.
  // Without the row (never expected after 0009) nothing can be cached safely.
  const token = (known ? known.token : await readToken(deps)) ?? `nocache-${Math.random()}`;
  let pending = snapshots.get(token);
  if (!pending) {
    pending = loadSnapshot(deps);
    pending.catch(() => snapshots.delete(token));
    snapshots.set(token, pending);
    while (snapshots.size > MAX_SNAPSHOTS) snapshots.delete(snapshots.keys().next().value!);
  }
  return pending;
}

/** One member's answer on `date` (memoised per segment between the days it may change). */
function eligibilityOf(defs: ModuleDef[], entry: MemberEntry, date: string, fy: number) {
  const key = fy * 10_000 + segmentOf(entry.breakpoints, date);
  let result = entry.bySegment.get(key);
  if (!result) {
    const q = computeQualifications({
      today: date,
      helperStatus: entry.helperStatus,
      modules: defs,
      records: entry.records,
    });
    const overdue = q.eligibleForMatching ? null : refresherOverdueOf(q, defs);
    result = { eligibleForMatching: q.eligibleForMatching, sickChildCare: q.sickChildCare };
    if (overdue) result.refresherOverdue = overdue;
    entry.bySegment.set(key, result);
  }
  return result;
}

/**
 * Every helper's answer on `date`, as one map shared by all callers for that date and token:
 * the candidate ranking asks for every helper on each request, and a date's requests come
 * together (the board, a month of requests), so the second request of a date costs no per-helper
 * work at all. Read-only. Members without a helper side are absent (not eligible).
 */
export async function getMatchingEligibilityOn(
  deps: Pick<AppDeps, 'db'>,
  date: string,
  known?: { token: string | undefined },
): Promise<ReadonlyMap<string, MatchingEligibility>> {
  const { defs, members, byDate } = await snapshotFor(deps, known);
  let answers = byDate.get(date);
  if (!answers) {
    const fy = fiscalYearOf(date);
    const out = new Map<string, MatchingEligibility>();
    for (const [id, entry] of members) out.set(id, eligibilityOf(defs, entry, date, fy));
    answers = out;
    byDate.set(date, answers);
    while (byDate.size > MAX_DATES) byDate.delete(byDate.keys().next().value!);
  }
  return answers;
}

/**
 * Whether each member may be matched (and take sick-child care) on `date` (a Tokyo YYYY-MM-DD):
 * exactly `getQualificationsForMembers(...).get(id).eligibleForMatching / sickChildCare`.
 * Members without a helper side, and unknown ids, are absent (read as not eligible).
 */
export async function getMatchingEligibility(
  deps: Pick<AppDeps, 'db'>,
  memberIds: readonly string[],
  date: string,
  /** The token (`qualificationTokenQuery`) when the caller has just read it; read here if not. */
  known?: { token: string | undefined },
): Promise<Map<string, MatchingEligibility>> {
  const out = new Map<string, MatchingEligibility>();
  if (memberIds.length === 0) return out;
  const { defs, members } = await snapshotFor(deps, known);
  const fy = fiscalYearOf(date);
  for (const id of memberIds) {
    const entry = members.get(id);
    if (entry) out.set(id, eligibilityOf(defs, entry, date, fy));
  }
  return out;
}
