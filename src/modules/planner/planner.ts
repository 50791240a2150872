/**
 * Weekly batch planner: proposes helpers for a whole week of open requests at once.
 *
 * Pure (no database, no clock): the service computes who MAY take what (eligibility, availability,
 * sick-child qualification, …) and passes it as edges; this file decides who SHOULD.
 *
 * Problem. Each request is a half-open interval [startsAt, endsAt) on a Tokyo day. A helper may
 * take several requests if they do not overlap each other nor the helper's existing assignments,
 * and at most `maxPerDay` per Tokyo day counting the existing ones. This is interval scheduling on
 * machines with eligibility (NP-hard in general), not a bipartite matching. Objectives, in strict
 * lexicographic order:
 *   1. coverage — number of requests assigned;
 *   2. continuity — number of assignments along a `paired` edge;
 *   3. fairness — minimise Σ_h load(h)², load = recentLoad + existing assignments + planned.
 *      Sum of squares rather than "distinct helpers used" because it accounts for the work a
 *      helper already has (this week and recently): moving one request from a helper with load a
 *      to one with load b < a - 1 strictly improves it, whereas a distinct-helper count cannot
 *      tell a helper with 0 activities from one with 9. It is convex, so it also spreads work
 *      when every helper is already used;
 *   4. area fit — number of assignments along an `areaMatch` edge.
 *
 * Method.
 *   a. Upper bound: max flow (Dinic) on a relaxation where each helper-day is a capacity
 *      min(maxPerDay − existing that day, most pairwise non-overlapping eligible requests),
 *      refined by clique groups; see `relaxation` for why every feasible plan fits in it.
 *   b. Construction: greedy, most constrained request first, best helper by objectives 2–4. The
 *      flow solution is not used as the seed: turning it into a plan would drop requests inside
 *      each over-full helper-day arbitrarily, whereas the greedy respects every constraint from
 *      the start and (c) searches the same augmenting paths as the flow, on the real constraints.
 *   c. Coverage repair: for each unassigned request an ejection-chain search (Kuhn-style
 *      augmenting paths: r takes h from r', r' moves to h', possibly ejecting r'', …) with undo.
 *      Stops as soon as coverage reaches the bound.
 *   d. Secondary improvement: moves and one-ejection chains accepted only when the objective tuple
 *      strictly improves, so coverage is never lost.
 *   e. Exact finish: every connected component (requests linked through shared helpers) small
 *      enough is solved by branch and bound on the full objective tuple, seeded with (b–d). When
 *      the search completes, the component is proven optimal and its bound becomes its coverage.
 * Everything is deterministic: no randomness, work is limited by step budgets, never by time.
 */

export const DEFAULT_MAX_PER_DAY = 3;

export interface PlanRequest {
  id: string;
  startsAt: Date;
  endsAt: Date;
  /** Tokyo calendar date (YYYY-MM-DD) the per-day cap counts the request on. */
  day: string;
}

export interface PlanInterval {
  startsAt: Date;
  endsAt: Date;
  day: string;
}

export interface PlanHelper {
  id: string;
  /** Requests per Tokyo day, existing ones included (a setting); default DEFAULT_MAX_PER_DAY. */
  maxPerDay?: number;
  existingAssignments: readonly PlanInterval[];
}

export interface PlanEdge {
  requestId: string;
  helperId: string;
  /** The helper is already paired with the requesting family (continuity). */
  paired: boolean;
  areaMatch: boolean;
}

export interface PlanInput {
  requests: readonly PlanRequest[];
  helpers: readonly PlanHelper[];
  edges: readonly PlanEdge[];
  /** Activities per helper in the recent window the service chose (fairness). */
  recentLoad?: Readonly<Record<string, number>>;
}

export interface PlanAssignment {
  requestId: string;
  helperId: string;
}

export interface PlanStats {
  covered: number;
  upperBound: number;
  gap: number;
  ms: number;
  /** Search steps (candidate examinations, branch-and-bound nodes): a machine-independent effort. */
  iterations: number;
  /** Objective 2: assignments along a paired edge. */
  paired: number;
  /** Objective 3: Σ load² over all helpers (recentLoad + existing + planned). */
  loadSquares: number;
  /** Objective 4: assignments along an areaMatch edge. */
  areaMatched: number;
}

export interface PlanResult {
  /** In request input order. */
  assignments: PlanAssignment[];
  /** Request ids without a helper, in input order. */
  unassigned: string[];
  /** No feasible plan covers more requests than this (see `relaxation`). */
  upperBound: number;
  stats: PlanStats;
}

/**
 * Effort limits, in steps (one step ≈ one candidate examined), so that results never depend on
 * the machine's speed. The defaults keep a city week well under a second.
 */
export interface PlanOptions {
  /** Steps for the heuristic phases (c, d). */
  searchBudget?: number;
  /** Branch-and-bound nodes per component (0 disables the exact finish). */
  exactNodeBudget?: number;
  /** Steps for the exact finish over all components together. */
  exactStepBudget?: number;
  /** Components with more requests than this skip the exact finish. */
  exactMaxRequests?: number;
}

const DEFAULTS = {
  searchBudget: 3_000_000,
  exactNodeBudget: 100_000,
  exactStepBudget: 2_000_000,
  exactMaxRequests: 40,
};

const PAIRED = 1;
const AREA = 2;
/** Recursion limit of ejection chains (keeps the stack shallow on any input size). */
const MAX_CHAIN_DEPTH = 200;
/** Shorter chains during improvement: they are speculative and most are rolled back. */
const IMPROVE_CHAIN_DEPTH = 4;

// ---------------------------------------------------------------------------------------------
// Model: ids → dense indices, intervals as numbers, feasible candidate lists (CSR).
// ---------------------------------------------------------------------------------------------

interface Model {
  R: number;
  H: number;
  D: number;
  reqIds: string[];
  reqStart: Float64Array;
  reqEnd: Float64Array;
  reqDay: Int32Array;
  /** endsAt > startsAt; other requests are never planned. */
  reqValid: Uint8Array;
  reqIndex: Map<string, number>;
  helperIds: string[];
  helperIndex: Map<string, number>;
  cap: Float64Array;
  baseLoad: Float64Array;
  exStart: number[][];
  exEnd: number[][];
  /** Existing assignments per (helper, request day): index h * D + day. */
  exDayCount: Int32Array;
  /** Edge flags by r * H + h, for every edge between known ids (feasible or not). */
  edgeFlags: Map<number, number>;
  /** Feasible candidates of request r are candHelper[candStart[r] .. candStart[r + 1]). */
  candStart: Int32Array;
  candHelper: Int32Array;
  candFlags: Uint8Array;
}

/** Half-open intervals [s1, e1) and [s2, e2) intersect. */
function overlaps(s1: number, e1: number, s2: number, e2: number): boolean {
  return s1 < e2 && s2 < e1;
}

function normaliseCap(maxPerDay: number | undefined): number {
  if (maxPerDay === undefined) return DEFAULT_MAX_PER_DAY;
  if (Number.isNaN(maxPerDay) || maxPerDay <= 0) return 0;
  return Number.isFinite(maxPerDay) ? Math.floor(maxPerDay) : Number.POSITIVE_INFINITY;
}

function buildModel(input: PlanInput): Model {
  const R = input.requests.length;
  const reqIds: string[] = [];
  const reqIndex = new Map<string, number>();
  const reqStart = new Float64Array(R);
  const reqEnd = new Float64Array(R);
  const reqDay = new Int32Array(R);
  const reqValid = new Uint8Array(R);
  // Days sorted so that indices do not depend on request order.
  const dayKeys = [...new Set(input.requests.map((r) => r.day))].sort();
  const dayIndex = new Map(dayKeys.map((d, i) => [d, i]));
  const D = dayKeys.length;
  input.requests.forEach((req, r) => {
    if (reqIndex.has(req.id)) throw new Error(`planner: duplicate request id ${req.id}`);
    reqIndex.set(req.id, r);
    reqIds.push(req.id);
    reqStart[r] = req.startsAt.getTime();
    reqEnd[r] = req.endsAt.getTime();
    reqDay[r] = dayIndex.get(req.day)!;
    reqValid[r] = reqEnd[r] > reqStart[r] ? 1 : 0;
  });

  const H = input.helpers.length;
  const helperIds: string[] = [];
  const helperIndex = new Map<string, number>();
  const cap = new Float64Array(H);
  const baseLoad = new Float64Array(H);
  const exStart: number[][] = [];
  const exEnd: number[][] = [];
  const exDayCount = new Int32Array(H * D);
  input.helpers.forEach((helper, h) => {
    if (helperIndex.has(helper.id)) throw new Error(`planner: duplicate helper id ${helper.id}`);
    helperIndex.set(helper.id, h);
    helperIds.push(helper.id);
    cap[h] = normaliseCap(helper.maxPerDay);
    // A load is a count of activities: negative or non-finite values are treated as 0, which
    // also keeps "adding work never lowers Σ load²" true for the exact search's bound.
    const recent = input.recentLoad?.[helper.id] ?? 0;
    baseLoad[h] =
      (Number.isFinite(recent) && recent > 0 ? recent : 0) + helper.existingAssignments.length;
    const s: number[] = [];
    const e: number[] = [];
    for (const a of helper.existingAssignments) {
      s.push(a.startsAt.getTime());
      e.push(a.endsAt.getTime());
      const d = dayIndex.get(a.day);
      // Existing work on a day without open requests cannot constrain the plan's caps.
      if (d !== undefined) exDayCount[h * D + d]!++;
    }
    exStart.push(s);
    exEnd.push(e);
  });

  const edgeFlags = new Map<number, number>();
  for (const edge of input.edges) {
    const r = reqIndex.get(edge.requestId);
    const h = helperIndex.get(edge.helperId);
    if (r === undefined || h === undefined) continue;
    const key = r * H + h;
    // A duplicated edge keeps the union of its attributes.
    edgeFlags.set(
      key,
      (edgeFlags.get(key) ?? 0) | (edge.paired ? PAIRED : 0) | (edge.areaMatch ? AREA : 0),
    );
  }

  // Feasible candidates: an edge whose helper is neither full that day nor busy at that time
  // because of existing work. Planned work is what the search decides; existing work is fixed.
  const perReq: { h: number; f: number }[][] = Array.from({ length: R }, () => []);
  for (const [key, f] of edgeFlags) {
    const r = Math.floor(key / H);
    const h = key - r * H;
    if (!reqValid[r]) continue;
    if (exDayCount[h * D + reqDay[r]!]! >= cap[h]!) continue;
    const s = exStart[h]!;
    const e = exEnd[h]!;
    let busy = false;
    for (let i = 0; i < s.length && !busy; i++) {
      busy = overlaps(reqStart[r]!, reqEnd[r]!, s[i]!, e[i]!);
    }
    if (!busy) perReq[r]!.push({ h, f });
  }
  const candStart = new Int32Array(R + 1);
  let total = 0;
  for (let r = 0; r < R; r++) total += perReq[r]!.length;
  const candHelper = new Int32Array(total);
  const candFlags = new Uint8Array(total);
  let at = 0;
  for (let r = 0; r < R; r++) {
    candStart[r] = at;
    // Static preference order (paired, area, lighter load, input order): ejection chains try
    // candidates in this order, so the search is deterministic and tries good moves first.
    const list = perReq[r]!.sort(
      (a, b) =>
        (b.f & PAIRED) - (a.f & PAIRED) ||
        (b.f & AREA) - (a.f & AREA) ||
        baseLoad[a.h]! - baseLoad[b.h]! ||
        a.h - b.h,
    );
    for (const c of list) {
      candHelper[at] = c.h;
      candFlags[at] = c.f;
      at++;
    }
  }
  candStart[R] = at;

  return {
    R,
    H,
    D,
    reqIds,
    reqStart,
    reqEnd,
    reqDay,
    reqValid,
    reqIndex,
    helperIds,
    helperIndex,
    cap,
    baseLoad,
    exStart,
    exEnd,
    exDayCount,
    edgeFlags,
    candStart,
    candHelper,
    candFlags,
  };
}

// ---------------------------------------------------------------------------------------------
// The relaxation and its max flow (the upper bound).
// ---------------------------------------------------------------------------------------------

/**
 * Network: source → request r (capacity 1) → clique node (h, d, k) (capacity 1) → helper-day
 * (h, d) (capacity min(maxPerDay(h) − existing(h, d), M(h, d))) → sink, where
 * - r reaches (h, d) only if h is a feasible candidate of r (edge, no overlap with existing work,
 *   day not already full of existing work) and r is on day d;
 * - M(h, d) is the largest set of pairwise non-overlapping candidates of h on day d, found exactly
 *   by the earliest-end-first greedy (optimal for intervals);
 * - the clique nodes partition those candidates into M(h, d) groups of pairwise overlapping
 *   requests (the greedy's own clique cover: the requests still ungrouped that contain the instant
 *   just before the earliest remaining end). This refinement of the plain helper-day capacity
 *   costs one node per group and removes much of its slack when clashing requests want the same
 *   helper (benchmark's overloaded center: bound 486 instead of 492, for 482 covered). The groups
 *   already imply ≤ M(h, d); the helper-day arc is still needed for the cap.
 *
 * Why every feasible plan is a flow (so max flow ≥ best coverage): take any plan satisfying the
 * hard constraints and send one unit source → r → (h, d, k) → (h, d) → sink for every assignment
 * (r, h), r on day d, k the group of r. Source arcs carry ≤ 1: a request is assigned at most once.
 * The path exists: the assignment has an edge, does not overlap h's existing work, and h was not
 * full of existing work that day (otherwise the cap would be broken). A clique arc carries ≤ 1:
 * two requests of one group overlap, so a plan never gives both to h. The set S(h, d) the plan
 * gives h on day d satisfies |S| + existing(h, d) ≤ maxPerDay (the cap) and is a set of
 * pairwise non-overlapping candidates, so |S| ≤ M(h, d). Every capacity holds and the flow value
 * is the plan's coverage. What the relaxation forgets is overlaps between requests of different
 * groups (and across midnight), so the bound may exceed the true optimum, never fall below it.
 */
function relaxation(m: Model): { value: number; perRequest: Uint8Array } {
  const { R, D } = m;
  const hdNode = new Map<number, number>();
  const hdMembers: number[][] = [];
  const hdKey: number[] = [];
  for (let r = 0; r < R; r++) {
    for (let p = m.candStart[r]!; p < m.candStart[r + 1]!; p++) {
      const key = m.candHelper[p]! * D + m.reqDay[r]!;
      let node = hdNode.get(key);
      if (node === undefined) {
        node = hdMembers.length;
        hdNode.set(key, node);
        hdMembers.push([]);
        hdKey.push(key);
      }
      hdMembers[node]!.push(r);
    }
  }
  const HD = hdMembers.length;
  const E = m.candStart[R]!;
  const S = 0;
  const T = 1;
  // Node layout: S, T, requests, helper-days, then clique groups (at most one per candidate).
  const groupBase = 2 + R + HD;
  const flow = new MaxFlow(groupBase + E, 2 * (R + E + E + HD));
  const sourceArc = new Int32Array(R).fill(-1);
  for (let r = 0; r < R; r++) {
    if (m.candStart[r + 1]! > m.candStart[r]!) sourceArc[r] = flow.addArc(S, 2 + r, 1);
  }
  let groups = 0;
  for (let node = 0; node < HD; node++) {
    const key = hdKey[node]!;
    const h = Math.floor(key / D);
    const members = hdMembers[node]!.sort((a, b) => m.reqEnd[a]! - m.reqEnd[b]! || a - b);
    const grouped = new Uint8Array(members.length);
    let cliques = 0;
    for (let i = 0; i < members.length; i++) {
      if (grouped[i]) continue;
      // members[i] has the earliest end among the ungrouped: every ungrouped request starting
      // before that end contains the instant just before it, so they pairwise overlap. The
      // number of groups formed this way equals M(h, d) (interval graphs are perfect).
      const end = m.reqEnd[members[i]!]!;
      const g = groupBase + groups++;
      cliques++;
      flow.addArc(g, 2 + R + node, 1);
      for (let j = i; j < members.length; j++) {
        if (grouped[j] || m.reqStart[members[j]!]! >= end) continue;
        grouped[j] = 1;
        flow.addArc(2 + members[j]!, g, 1);
      }
    }
    const room = m.cap[h]! - m.exDayCount[key]!;
    flow.addArc(2 + R + node, T, Math.min(room, cliques));
  }
  const value = flow.run(S, T);
  const perRequest = new Uint8Array(R);
  for (let r = 0; r < R; r++) {
    if (sourceArc[r]! >= 0) perRequest[r] = flow.flowOn(sourceArc[r]!) > 0 ? 1 : 0;
  }
  return { value, perRequest };
}

/** Dinic's algorithm with an iterative DFS (no recursion depth limit on long residual paths). */
class MaxFlow {
  private readonly head: Int32Array;
  private readonly next: Int32Array;
  private readonly to: Int32Array;
  private readonly capacity: Float64Array;
  private readonly original: Float64Array;
  private arcs = 0;

  constructor(
    private readonly n: number,
    maxArcs: number,
  ) {
    this.head = new Int32Array(n).fill(-1);
    this.next = new Int32Array(maxArcs);
    this.to = new Int32Array(maxArcs);
    this.capacity = new Float64Array(maxArcs);
    this.original = new Float64Array(maxArcs);
  }

  addArc(from: number, to: number, capacity: number): number {
    const a = this.arcs;
    this.to[a] = to;
    this.capacity[a] = capacity;
    this.original[a] = capacity;
    this.next[a] = this.head[from]!;
    this.head[from] = a;
    this.to[a + 1] = from;
    this.capacity[a + 1] = 0;
    this.next[a + 1] = this.head[to]!;
    this.head[to] = a + 1;
    this.arcs += 2;
    return a;
  }

  flowOn(arc: number): number {
    return this.original[arc]! - this.capacity[arc]!;
  }

  run(s: number, t: number): number {
    const level = new Int32Array(this.n);
    const current = new Int32Array(this.n);
    const queue = new Int32Array(this.n);
    const pathArcs = new Int32Array(this.n);
    let total = 0;
    for (;;) {
      level.fill(-1);
      level[s] = 0;
      let qh = 0;
      let qt = 0;
      queue[qt++] = s;
      while (qh < qt) {
        const v = queue[qh++]!;
        for (let a = this.head[v]!; a >= 0; a = this.next[a]!) {
          const w = this.to[a]!;
          if (this.capacity[a]! > 0 && level[w]! < 0) {
            level[w] = level[v]! + 1;
            queue[qt++] = w;
          }
        }
      }
      if (level[t]! < 0) return total;
      current.set(this.head);
      // Blocking flow: walk forward along level-increasing arcs, retreat from dead ends.
      let depth = 0;
      let v = s;
      for (;;) {
        if (v === t) {
          let push = Number.POSITIVE_INFINITY;
          for (let i = 0; i < depth; i++) push = Math.min(push, this.capacity[pathArcs[i]!]!);
          for (let i = 0; i < depth; i++) {
            this.capacity[pathArcs[i]!]! -= push;
            this.capacity[pathArcs[i]! ^ 1]! += push;
          }
          total += push;
          depth = 0;
          v = s;
          continue;
        }
        let a = current[v]!;
        while (a >= 0) {
          const w = this.to[a]!;
          if (this.capacity[a]! > 0 && level[w] === level[v]! + 1) break;
          a = this.next[a]!;
        }
        current[v] = a;
        if (a >= 0) {
          pathArcs[depth++] = a;
          v = this.to[a]!;
          continue;
        }
        if (v === s) break;
        level[v] = -1; // dead end for this phase
        const back = pathArcs[--depth]!;
        v = this.to[back ^ 1]!;
        current[v] = this.next[current[v]!]!;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Search state with an undo journal.
// ---------------------------------------------------------------------------------------------

interface Score {
  covered: number;
  paired: number;
  squares: number;
  area: number;
}

/** > 0 when a is lexicographically better than b (squares: smaller is better). */
function compareScores(a: Score, b: Score): number {
  if (a.covered !== b.covered) return a.covered - b.covered;
  if (a.paired !== b.paired) return a.paired - b.paired;
  // Loads may be fractional (recentLoad is the caller's number): compare with a tolerance so
  // rounding noise in the incremental sum is never taken for an improvement.
  const tolerance = 1e-9 * Math.max(1, Math.abs(a.squares), Math.abs(b.squares));
  if (Math.abs(a.squares - b.squares) > tolerance) return b.squares - a.squares;
  return a.area - b.area;
}

class PlanState {
  readonly helperOf: Int32Array;
  readonly posOf: Int32Array;
  readonly planned: number[][];
  readonly dayCount: Int32Array;
  readonly load: Float64Array;
  covered = 0;
  paired = 0;
  squares = 0;
  area = 0;
  steps = 0;
  /** Undo log: 2 entries per operation (signed request: +r+1 assign / −(r+1) unassign, pos). */
  private readonly journal: number[] = [];
  /** Visit stamps for chain searches (each request is ejected at most once per search). */
  readonly stamp: Int32Array;
  stampNow = 0;

  constructor(
    readonly m: Model,
    readonly budget: number,
  ) {
    this.helperOf = new Int32Array(m.R).fill(-1);
    this.posOf = new Int32Array(m.R).fill(-1);
    this.planned = Array.from({ length: m.H }, () => []);
    this.dayCount = m.exDayCount.slice();
    this.load = m.baseLoad.slice();
    for (let h = 0; h < m.H; h++) this.squares += m.baseLoad[h]! ** 2;
    this.stamp = new Int32Array(m.R);
  }

  score(): Score {
    return { covered: this.covered, paired: this.paired, squares: this.squares, area: this.area };
  }

  get exhausted(): boolean {
    return this.steps >= this.budget;
  }

  assign(r: number, pos: number): void {
    const h = this.m.candHelper[pos]!;
    const f = this.m.candFlags[pos]!;
    this.helperOf[r] = h;
    this.posOf[r] = pos;
    this.planned[h]!.push(r);
    this.dayCount[h * this.m.D + this.m.reqDay[r]!]!++;
    this.squares += 2 * this.load[h]! + 1;
    this.load[h]!++;
    this.covered++;
    this.paired += f & PAIRED;
    this.area += (f & AREA) >> 1;
    this.journal.push(r + 1, pos);
  }

  unassign(r: number): void {
    const pos = this.posOf[r]!;
    const h = this.helperOf[r]!;
    const f = this.m.candFlags[pos]!;
    const list = this.planned[h]!;
    const i = list.indexOf(r);
    list[i] = list[list.length - 1]!;
    list.pop();
    this.dayCount[h * this.m.D + this.m.reqDay[r]!]!--;
    this.load[h]!--;
    this.squares -= 2 * this.load[h]! + 1;
    this.covered--;
    this.paired -= f & PAIRED;
    this.area -= (f & AREA) >> 1;
    this.helperOf[r] = -1;
    this.posOf[r] = -1;
    this.journal.push(-(r + 1), pos);
  }

  mark(): number {
    return this.journal.length;
  }

  /** Undo every operation after `mark`. */
  rollback(mark: number): void {
    while (this.journal.length > mark) {
      const pos = this.journal.pop()!;
      const op = this.journal.pop()!;
      if (op > 0) {
        this.unassign(op - 1);
      } else {
        this.assign(-op - 1, pos);
      }
      // The inverse operation just logged itself: drop it.
      this.journal.length -= 2;
    }
  }

  /** Forget the journal once a change is final (keeps memory flat over long runs). */
  commit(): void {
    this.journal.length = 0;
  }

  /** Helper h can take r now: room under the day cap and no overlap with its planned requests. */
  fits(r: number, h: number): boolean {
    const m = this.m;
    if (this.dayCount[h * m.D + m.reqDay[r]!]! >= m.cap[h]!) return false;
    const s = m.reqStart[r]!;
    const e = m.reqEnd[r]!;
    for (const y of this.planned[h]!) {
      if (y !== r && overlaps(s, e, m.reqStart[y]!, m.reqEnd[y]!)) return false;
    }
    return true;
  }

  /**
   * The best directly feasible candidate position of r by objectives 2–4 (paired, then the
   * helper whose load grows the least, then area), or −1.
   */
  bestFit(r: number): number {
    const m = this.m;
    let best = -1;
    for (let p = m.candStart[r]!; p < m.candStart[r + 1]!; p++) {
      this.steps++;
      const h = m.candHelper[p]!;
      if (!this.fits(r, h)) continue;
      if (best < 0 || this.prefer(p, best)) best = p;
    }
    return best;
  }

  private prefer(p: number, q: number): boolean {
    const m = this.m;
    const fp = m.candFlags[p]!;
    const fq = m.candFlags[q]!;
    if ((fp & PAIRED) !== (fq & PAIRED)) return (fp & PAIRED) > (fq & PAIRED);
    const lp = this.load[m.candHelper[p]!]!;
    const lq = this.load[m.candHelper[q]!]!;
    if (lp !== lq) return lp < lq;
    return (fp & AREA) > (fq & AREA);
  }

  /**
   * Requests of h that must leave for r to fit, when exactly one suffices: the single planned
   * request overlapping r (if removing it also makes room under the cap), or, when h is only full
   * that day, any of its requests that day. Empty when r cannot get in with one ejection.
   */
  singleEjections(r: number, h: number): number[] {
    const m = this.m;
    const s = m.reqStart[r]!;
    const e = m.reqEnd[r]!;
    const day = m.reqDay[r]!;
    const full = this.dayCount[h * m.D + day]! >= m.cap[h]!;
    let clash = -1;
    for (const y of this.planned[h]!) {
      if (y === r || !overlaps(s, e, m.reqStart[y]!, m.reqEnd[y]!)) continue;
      if (clash >= 0) return [];
      clash = y;
    }
    if (clash >= 0) return !full || m.reqDay[clash] === day ? [clash] : [];
    if (!full) return [];
    // Full because of the cap: only a planned request that day frees a place (existing work
    // cannot be moved; if it alone fills the day the edge is not a candidate at all).
    return this.planned[h]!.filter((y) => y !== r && m.reqDay[y] === day);
  }

  /**
   * Places unassigned request x, ejecting at most one request per helper along a chain
   * (x takes y's place, y takes z's place, …) until someone lands on a free place. On failure
   * the state is exactly as before. Kuhn-style: a request is ejected at most once per search
   * (stamps), which bounds the search by the number of requests.
   */
  place(x: number, depth: number, maxDepth: number): boolean {
    const direct = this.bestFit(x);
    if (direct >= 0) {
      this.assign(x, direct);
      return true;
    }
    if (depth >= maxDepth || this.exhausted) return false;
    const m = this.m;
    for (let p = m.candStart[x]!; p < m.candStart[x + 1]!; p++) {
      const h = m.candHelper[p]!;
      for (const y of this.singleEjections(x, h)) {
        this.steps++;
        if (this.stamp[y] === this.stampNow) continue;
        this.stamp[y] = this.stampNow;
        const mark = this.mark();
        this.unassign(y);
        this.assign(x, p);
        if (this.place(y, depth + 1, maxDepth)) return true;
        this.rollback(mark);
        if (this.exhausted) return false;
      }
    }
    return false;
  }

  newSearch(): void {
    this.stampNow++;
  }
}

// ---------------------------------------------------------------------------------------------
// Phases.
// ---------------------------------------------------------------------------------------------

function construct(st: PlanState): void {
  const m = st.m;
  const order: number[] = [];
  for (let r = 0; r < m.R; r++) if (m.candStart[r + 1]! > m.candStart[r]!) order.push(r);
  // Most constrained first (fewest candidates), then by time: the greedy keeps the scarce
  // helpers for the requests that have no alternative.
  order.sort(
    (a, b) =>
      m.candStart[a + 1]! - m.candStart[a]! - (m.candStart[b + 1]! - m.candStart[b]!) ||
      m.reqStart[a]! - m.reqStart[b]! ||
      a - b,
  );
  for (const r of order) {
    const p = st.bestFit(r);
    if (p >= 0) st.assign(r, p);
  }
  st.commit();
}

/** Ejection chains for unassigned requests until a full pass adds nobody (or the bound is hit). */
function repairCoverage(st: PlanState, bound: number): void {
  const m = st.m;
  let progress = true;
  while (progress && st.covered < bound && !st.exhausted) {
    progress = false;
    for (let r = 0; r < m.R && st.covered < bound; r++) {
      if (st.helperOf[r]! >= 0 || m.candStart[r + 1] === m.candStart[r]) continue;
      st.newSearch();
      st.stamp[r] = st.stampNow;
      if (st.place(r, 0, MAX_CHAIN_DEPTH)) {
        progress = true;
        st.commit();
      }
      if (st.exhausted) break;
    }
  }
}

/**
 * Coverage-preserving improvement of objectives 2–4: move a request to a better helper, directly
 * or by ejecting one request there and re-placing it by a short chain. A change is kept only if
 * the whole score strictly improves, so each pass terminates and coverage never drops.
 */
function improve(st: PlanState): void {
  const m = st.m;
  let progress = true;
  while (progress && !st.exhausted) {
    progress = false;
    for (let r = 0; r < m.R && !st.exhausted; r++) {
      let moved = true;
      // Re-examine r after each accepted move: a better place may open up next.
      while (moved && !st.exhausted) {
        moved = false;
        const h0 = st.helperOf[r]!;
        if (h0 < 0) break;
        const f0 = m.candFlags[st.posOf[r]!]!;
        for (let p = m.candStart[r]!; p < m.candStart[r + 1]! && !moved; p++) {
          st.steps++;
          const h = m.candHelper[p]!;
          if (h === h0) continue;
          const f = m.candFlags[p]!;
          const pairedGain = (f & PAIRED) - (f0 & PAIRED);
          if (pairedGain < 0) continue;
          if (st.fits(r, h)) {
            const squaresDelta = 2 * st.load[h]! + 1 - (2 * st.load[h0]! - 1);
            const areaGain = ((f & AREA) - (f0 & AREA)) >> 1;
            if (pairedGain > 0 || squaresDelta < -1e-9 || (squaresDelta <= 1e-9 && areaGain > 0)) {
              st.unassign(r);
              st.assign(r, p);
              st.commit();
              moved = progress = true;
            }
            continue;
          }
          // Ejection is worth its cost only with a continuity gain or a clearly lighter helper.
          if (pairedGain === 0 && !(st.load[h]! + 1 < st.load[h0]!)) continue;
          const before = st.score();
          for (const y of st.singleEjections(r, h)) {
            st.newSearch();
            st.stamp[r] = st.stampNow;
            st.stamp[y] = st.stampNow;
            const mark = st.mark();
            st.unassign(r);
            st.unassign(y);
            st.assign(r, p);
            if (st.place(y, 0, IMPROVE_CHAIN_DEPTH) && compareScores(st.score(), before) > 0) {
              st.commit();
              moved = progress = true;
              break;
            }
            st.rollback(mark);
          }
        }
      }
    }
  }
}

/** Connected components of the request–helper candidate graph (union-find). */
function components(m: Model): number[][] {
  const parent = new Int32Array(m.R + m.H);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let r = 0; r < m.R; r++) {
    for (let p = m.candStart[r]!; p < m.candStart[r + 1]!; p++) {
      const a = find(r);
      const b = find(m.R + m.candHelper[p]!);
      if (a !== b) parent[a] = b;
    }
  }
  const byRoot = new Map<number, number[]>();
  for (let r = 0; r < m.R; r++) {
    if (m.candStart[r + 1] === m.candStart[r]) continue;
    const root = find(r);
    let list = byRoot.get(root);
    if (!list) byRoot.set(root, (list = []));
    list.push(r);
  }
  return [...byRoot.values()];
}

/**
 * Branch and bound over one component on the full score, starting from the current (heuristic)
 * plan as incumbent. Objectives are separable over components (coverage, continuity and area are
 * sums over requests; Σ load² is a sum over helpers and a helper belongs to one component), so
 * the lexicographic optimum of each component gives the global one.
 *
 * Bound at a node, component-wise valid for every completion: a remaining request can only be
 * covered (resp. paired, area-matched) if some candidate (resp. paired, area candidate) fits NOW,
 * since adding assignments never frees room; Σ load² only grows as assignments are added. A node
 * is pruned when that optimistic score is not strictly better than the incumbent.
 * Returns true when the search finished (the component's plan is proven optimal).
 */
function exactComponent(
  st: PlanState,
  reqs: number[],
  nodeBudget: number,
  stepLimit: number,
): boolean {
  const m = st.m;
  const count = (r: number) => m.candStart[r + 1]! - m.candStart[r]!;
  const order = reqs
    .slice()
    .sort((a, b) => count(a) - count(b) || m.reqStart[a]! - m.reqStart[b]! || a - b);
  const n = order.length;
  let best = st.score();
  let bestPos = order.map((r) => st.posOf[r]!);
  for (const r of order) if (st.helperOf[r]! >= 0) st.unassign(r);
  st.commit();
  let nodes = 0;
  let aborted = false;

  const search = (i: number): void => {
    if (++nodes > nodeBudget || st.steps > stepLimit) {
      aborted = true;
      return;
    }
    st.steps++;
    if (i === n) {
      if (compareScores(st.score(), best) > 0) {
        best = st.score();
        bestPos = order.map((r) => st.posOf[r]!);
      }
      return;
    }
    let covered = st.covered;
    let paired = st.paired;
    let area = st.area;
    for (let j = i; j < n; j++) {
      const r = order[j]!;
      let any = false;
      let anyPaired = false;
      let anyArea = false;
      for (let p = m.candStart[r]!; p < m.candStart[r + 1]!; p++) {
        const f = m.candFlags[p]!;
        // Skip candidates that cannot tell us anything new about r.
        if (any && (anyPaired || !(f & PAIRED)) && (anyArea || !(f & AREA))) continue;
        st.steps++;
        if (!st.fits(r, m.candHelper[p]!)) continue;
        any = true;
        if (f & PAIRED) anyPaired = true;
        if (f & AREA) anyArea = true;
      }
      if (any) covered++;
      if (anyPaired) paired++;
      if (anyArea) area++;
    }
    if (compareScores({ covered, paired, squares: st.squares, area }, best) <= 0) return;

    const r = order[i]!;
    const fitting: number[] = [];
    for (let p = m.candStart[r]!; p < m.candStart[r + 1]!; p++) {
      if (st.fits(r, m.candHelper[p]!)) fitting.push(p);
    }
    // Good children first so the incumbent improves early and prunes more.
    fitting.sort(
      (a, b) =>
        (m.candFlags[b]! & PAIRED) - (m.candFlags[a]! & PAIRED) ||
        st.load[m.candHelper[a]!]! - st.load[m.candHelper[b]!]! ||
        (m.candFlags[b]! & AREA) - (m.candFlags[a]! & AREA) ||
        a - b,
    );
    for (const p of fitting) {
      st.assign(r, p);
      search(i + 1);
      st.unassign(r);
      st.commit();
      if (aborted) return;
    }
    search(i + 1);
  };

  search(0);
  for (let k = 0; k < n; k++) {
    const r = order[k]!;
    if (st.helperOf[r]! >= 0) st.unassign(r);
  }
  for (let k = 0; k < n; k++) {
    const p = bestPos[k]!;
    if (p >= 0) st.assign(order[k]!, p);
  }
  st.commit();
  return !aborted;
}

// ---------------------------------------------------------------------------------------------
// Public API.
// ---------------------------------------------------------------------------------------------

/**
 * The max-flow relaxation bound alone: no feasible plan covers more requests. Exported so that
 * tests can check it against exhaustive search and reports can show it.
 */
export function coverageUpperBound(input: PlanInput): number {
  return relaxation(buildModel(input)).value;
}

export function planWeek(input: PlanInput, options: PlanOptions = {}): PlanResult {
  const started = performance.now();
  const opts = { ...DEFAULTS, ...options };
  const m = buildModel(input);
  const relaxed = relaxation(m);
  const st = new PlanState(m, opts.searchBudget);

  construct(st);
  repairCoverage(st, relaxed.value);
  improve(st);

  // Exact finish on small components; a finished search replaces the component's share of the
  // flow bound by its proven optimum. Unfinished ones keep the flow bound (always valid).
  // Smallest components first: they are the likeliest to finish within the shared step budget.
  let upperBound = 0;
  const exactStepLimit = st.steps + opts.exactStepBudget;
  const parts = components(m).sort((a, b) => a.length - b.length || a[0]! - b[0]!);
  for (const reqs of parts) {
    const flowShare = reqs.reduce((n, r) => n + relaxed.perRequest[r]!, 0);
    let proven = false;
    if (
      reqs.length <= opts.exactMaxRequests &&
      opts.exactNodeBudget > 0 &&
      st.steps < exactStepLimit
    ) {
      proven = exactComponent(st, reqs, opts.exactNodeBudget, exactStepLimit);
    }
    const covered = reqs.reduce((n, r) => n + (st.helperOf[r]! >= 0 ? 1 : 0), 0);
    upperBound += proven ? covered : flowShare;
  }

  const assignments: PlanAssignment[] = [];
  const unassigned: string[] = [];
  for (let r = 0; r < m.R; r++) {
    const h = st.helperOf[r]!;
    if (h >= 0) assignments.push({ requestId: m.reqIds[r]!, helperId: m.helperIds[h]! });
    else unassigned.push(m.reqIds[r]!);
  }
  // Exact totals (the incremental sum of squares may carry rounding noise with fractional loads).
  let loadSquares = 0;
  for (let h = 0; h < m.H; h++) loadSquares += st.load[h]! ** 2;
  const covered = assignments.length;
  return {
    assignments,
    unassigned,
    upperBound,
    stats: {
      covered,
      upperBound,
      gap: upperBound - covered,
      ms: performance.now() - started,
      iterations: st.steps,
      paired: st.paired,
      loadSquares,
      areaMatched: st.area,
    },
  };
}

export type PlanViolation =
  | { code: 'unknown_request'; requestId: string }
  | { code: 'unknown_helper'; requestId: string; helperId: string }
  | { code: 'duplicate_request'; requestId: string; helperId: string }
  | { code: 'invalid_interval'; requestId: string; helperId: string }
  | { code: 'no_edge'; requestId: string; helperId: string }
  | { code: 'overlap_existing'; requestId: string; helperId: string }
  | { code: 'overlap_planned'; requestId: string; otherRequestId: string; helperId: string }
  | { code: 'day_cap'; helperId: string; day: string; count: number; cap: number };

/**
 * Every hard-constraint violation of a plan (e.g. after staff edited it); [] when it is valid.
 * A request assigned twice is reported once as duplicate_request and only its first assignment
 * is checked further. Violations come in assignment order, then per helper.
 */
export function validatePlan(
  input: PlanInput,
  assignments: readonly PlanAssignment[],
): PlanViolation[] {
  const requests = new Map(input.requests.map((r) => [r.id, r]));
  const helpers = new Map(input.helpers.map((h) => [h.id, h]));
  const edges = new Set(input.edges.map((e) => `${e.requestId}\u0000${e.helperId}`));
  const violations: PlanViolation[] = [];
  const seen = new Set<string>();
  const byHelper = new Map<string, PlanRequest[]>();
  for (const { requestId, helperId } of assignments) {
    const req = requests.get(requestId);
    if (!req) {
      violations.push({ code: 'unknown_request', requestId });
      continue;
    }
    if (seen.has(requestId)) {
      violations.push({ code: 'duplicate_request', requestId, helperId });
      continue;
    }
    seen.add(requestId);
    const helper = helpers.get(helperId);
    if (!helper) {
      violations.push({ code: 'unknown_helper', requestId, helperId });
      continue;
    }
    if (!(req.endsAt.getTime() > req.startsAt.getTime())) {
      violations.push({ code: 'invalid_interval', requestId, helperId });
    }
    if (!edges.has(`${requestId}\u0000${helperId}`)) {
      violations.push({ code: 'no_edge', requestId, helperId });
    }
    const s = req.startsAt.getTime();
    const e = req.endsAt.getTime();
    if (
      helper.existingAssignments.some((a) =>
        overlaps(s, e, a.startsAt.getTime(), a.endsAt.getTime()),
      )
    ) {
      violations.push({ code: 'overlap_existing', requestId, helperId });
    }
    let list = byHelper.get(helperId);
    if (!list) byHelper.set(helperId, (list = []));
    list.push(req);
  }
  for (const [helperId, list] of byHelper) {
    for (let i = 0; i < list.length; i++) {
      const a = list[i]!;
      for (let j = i + 1; j < list.length; j++) {
        const b = list[j]!;
        const clash = overlaps(
          a.startsAt.getTime(),
          a.endsAt.getTime(),
          b.startsAt.getTime(),
          b.endsAt.getTime(),
        );
        if (clash) {
          violations.push({
            code: 'overlap_planned',
            requestId: b.id,
            otherRequestId: a.id,
            helperId,
          });
        }
      }
    }
    const helper = helpers.get(helperId)!;
    const cap = normaliseCap(helper.maxPerDay);
    const perDay = new Map<string, number>();
    for (const req of list) perDay.set(req.day, (perDay.get(req.day) ?? 0) + 1);
    for (const [day, planned] of perDay) {
      const count = planned + helper.existingAssignments.filter((a) => a.day === day).length;
      if (count > cap) violations.push({ code: 'day_cap', helperId, day, count, cap });
    }
  }
  return violations;
}

/** Why one eligible helper cannot take the request. */
export type HelperBlockCode =
  'overlap_existing' | 'day_cap_existing' | 'overlap_planned' | 'day_cap_planned';

export type UnassignedCode =
  | 'unknown_request'
  | 'invalid_interval'
  /** No edge to any known helper. */
  | 'no_eligible_helper'
  /** Every eligible helper is blocked by existing work (overlap or full day). */
  | 'all_eligible_helpers_busy'
  /** Some eligible helper is free of existing work, but the plan's other requests block them all. */
  | 'eligible_helpers_taken_by_plan'
  /** The plan does assign it. */
  | 'assigned'
  /** An eligible helper could still take it (a plan that is not maximal, e.g. after edits). */
  | 'helper_available';

export interface UnassignedExplanation {
  requestId: string;
  code: UnassignedCode;
  /** Every eligible helper with what blocks it (empty list = free), in helper input order. */
  helpers: { helperId: string; blocks: HelperBlockCode[] }[];
}

/**
 * Why a request has no helper, as codes for the review screen. Without `plan` only existing work
 * is considered; with it (the plan staff are looking at), the plan's other assignments count too.
 */
export function explainUnassigned(
  input: PlanInput,
  requestId: string,
  plan?: readonly PlanAssignment[],
): UnassignedExplanation {
  const req = input.requests.find((r) => r.id === requestId);
  if (!req) return { requestId, code: 'unknown_request', helpers: [] };
  const s = req.startsAt.getTime();
  const e = req.endsAt.getTime();
  const eligible = new Set(
    input.edges.filter((x) => x.requestId === requestId).map((x) => x.helperId),
  );
  const requestsById = new Map(input.requests.map((r) => [r.id, r]));
  const plannedBy = new Map<string, PlanRequest[]>();
  let assigned = false;
  for (const a of plan ?? []) {
    if (a.requestId === requestId) {
      assigned = true;
      continue;
    }
    const other = requestsById.get(a.requestId);
    if (!other) continue;
    let list = plannedBy.get(a.helperId);
    if (!list) plannedBy.set(a.helperId, (list = []));
    list.push(other);
  }
  const helpers: UnassignedExplanation['helpers'] = [];
  for (const helper of input.helpers) {
    if (!eligible.has(helper.id)) continue;
    const blocks: HelperBlockCode[] = [];
    const cap = normaliseCap(helper.maxPerDay);
    const existingThatDay = helper.existingAssignments.filter((a) => a.day === req.day).length;
    if (
      helper.existingAssignments.some((a) =>
        overlaps(s, e, a.startsAt.getTime(), a.endsAt.getTime()),
      )
    ) {
      blocks.push('overlap_existing');
    }
    if (existingThatDay >= cap) blocks.push('day_cap_existing');
    const planned = plannedBy.get(helper.id) ?? [];
    if (planned.some((o) => overlaps(s, e, o.startsAt.getTime(), o.endsAt.getTime()))) {
      blocks.push('overlap_planned');
    }
    if (
      existingThatDay < cap &&
      existingThatDay + planned.filter((o) => o.day === req.day).length >= cap
    ) {
      blocks.push('day_cap_planned');
    }
    helpers.push({ helperId: helper.id, blocks });
  }
  let code: UnassignedCode;
  if (!(e > s)) code = 'invalid_interval';
  else if (helpers.length === 0) code = 'no_eligible_helper';
  else if (assigned) code = 'assigned';
  else if (helpers.some((h) => h.blocks.length === 0)) code = 'helper_available';
  else if (
    helpers.every((h) => h.blocks.some((b) => b === 'overlap_existing' || b === 'day_cap_existing'))
  ) {
    code = 'all_eligible_helpers_busy';
  } else code = 'eligible_helpers_taken_by_plan';
  return { requestId, code, helpers };
}
