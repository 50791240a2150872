import { describe, expect, it } from 'vitest';
import {
  coverageUpperBound,
  explainUnassigned,
  planWeek,
  validatePlan,
  type PlanEdge,
  type PlanHelper,
  type PlanInput,
  type PlanRequest,
} from '../../src/modules/planner/planner.js';

/** A tiny seeded PRNG (mulberry32) so that the random instances are the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const at = (day: string, time: string) => new Date(`${day}T${time}:00+09:00`);
const D1 = '2026-06-01';
const D2 = '2026-06-02';

function req(id: string, day: string, from: string, to: string): PlanRequest {
  return { id, day, startsAt: at(day, from), endsAt: at(day, to) };
}

function helper(id: string, maxPerDay = 3, existing: [string, string, string][] = []): PlanHelper {
  return {
    id,
    maxPerDay,
    existingAssignments: existing.map(([day, from, to]) => ({
      day,
      startsAt: at(day, from),
      endsAt: at(day, to),
    })),
  };
}

function edge(requestId: string, helperId: string, paired = false, areaMatch = false): PlanEdge {
  return { requestId, helperId, paired, areaMatch };
}

// ---------------------------------------------------------------------------------------------
// Brute force, written independently of the planner: every assignment of every request to one of
// its eligible helpers or to nobody, hard constraints checked directly, best objective tuple
// (covered, paired, −Σ load², area) kept lexicographically.
// ---------------------------------------------------------------------------------------------

interface Tuple {
  covered: number;
  paired: number;
  squares: number;
  area: number;
}

function better(a: Tuple, b: Tuple): boolean {
  if (a.covered !== b.covered) return a.covered > b.covered;
  if (a.paired !== b.paired) return a.paired > b.paired;
  if (Math.abs(a.squares - b.squares) > 1e-9) return a.squares < b.squares;
  return a.area > b.area;
}

function bruteForce(input: PlanInput): Tuple {
  const helpers = new Map(input.helpers.map((h) => [h.id, h]));
  const load = new Map(
    input.helpers.map((h) => [
      h.id,
      (input.recentLoad?.[h.id] ?? 0) + h.existingAssignments.length,
    ]),
  );
  const planned = new Map<string, PlanRequest[]>(input.helpers.map((h) => [h.id, []]));
  const cross = (a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }) =>
    a.startsAt < b.endsAt && b.startsAt < a.endsAt;
  const canTake = (h: PlanHelper, r: PlanRequest) => {
    if (!(r.endsAt > r.startsAt)) return false;
    const mine = planned.get(h.id)!;
    const sameDay =
      mine.filter((x) => x.day === r.day).length +
      h.existingAssignments.filter((x) => x.day === r.day).length;
    if (sameDay + 1 > (h.maxPerDay ?? 3)) return false;
    if (h.existingAssignments.some((x) => cross(x, r))) return false;
    return !mine.some((x) => cross(x, r));
  };
  let best: Tuple = { covered: -1, paired: 0, squares: 0, area: 0 };
  const cur = { covered: 0, paired: 0, area: 0 };
  const go = (i: number) => {
    if (i === input.requests.length) {
      let squares = 0;
      for (const l of load.values()) squares += l * l;
      const t = { ...cur, squares };
      if (best.covered < 0 || better(t, best)) best = t;
      return;
    }
    const r = input.requests[i]!;
    for (const e of input.edges) {
      if (e.requestId !== r.id) continue;
      const h = helpers.get(e.helperId);
      if (!h || !canTake(h, r)) continue;
      planned.get(h.id)!.push(r);
      load.set(h.id, load.get(h.id)! + 1);
      cur.covered++;
      cur.paired += e.paired ? 1 : 0;
      cur.area += e.areaMatch ? 1 : 0;
      go(i + 1);
      planned.get(h.id)!.pop();
      load.set(h.id, load.get(h.id)! - 1);
      cur.covered--;
      cur.paired -= e.paired ? 1 : 0;
      cur.area -= e.areaMatch ? 1 : 0;
    }
    go(i + 1);
  };
  go(0);
  return best;
}

/** ≤ 8 requests, ≤ 4 helpers over two days, 30-minute grid: dense enough to clash often. */
function smallInstance(rand: () => number): PlanInput {
  const int = (n: number) => Math.floor(rand() * n);
  const time = (halfHours: number) =>
    `${String(8 + Math.floor(halfHours / 2)).padStart(2, '0')}:${halfHours % 2 ? '30' : '00'}`;
  const days = [D1, D2];
  const dayCount = 1 + int(2);
  const nReq = 1 + int(8);
  const nHelp = 1 + int(4);
  const requests: PlanRequest[] = [];
  for (let i = 0; i < nReq; i++) {
    const day = days[int(dayCount)]!;
    const start = int(18);
    requests.push(req(`r${i}`, day, time(start), time(start + 1 + int(5))));
  }
  const helpers: PlanHelper[] = [];
  const recentLoad: Record<string, number> = {};
  for (let j = 0; j < nHelp; j++) {
    const existing: [string, string, string][] = [];
    const nEx = rand() < 0.4 ? 1 + int(2) : 0;
    for (let k = 0; k < nEx; k++) {
      const start = int(18);
      existing.push([days[int(dayCount)]!, time(start), time(start + 1 + int(4))]);
    }
    helpers.push(helper(`h${j}`, 1 + int(3), existing));
    if (rand() < 0.5) recentLoad[`h${j}`] = int(4);
  }
  const edges: PlanEdge[] = [];
  const density = 0.4 + rand() * 0.5;
  for (const r of requests) {
    for (const h of helpers) {
      if (rand() < density) edges.push(edge(r.id, h.id, rand() < 0.3, rand() < 0.5));
    }
  }
  return { requests, helpers, edges, recentLoad };
}

function objective(input: PlanInput, assignments: { requestId: string; helperId: string }[]) {
  const flags = new Map(input.edges.map((e) => [`${e.requestId}/${e.helperId}`, e]));
  const load = new Map(
    input.helpers.map((h) => [
      h.id,
      (input.recentLoad?.[h.id] ?? 0) + h.existingAssignments.length,
    ]),
  );
  let paired = 0;
  let area = 0;
  for (const a of assignments) {
    const e = flags.get(`${a.requestId}/${a.helperId}`)!;
    paired += e.paired ? 1 : 0;
    area += e.areaMatch ? 1 : 0;
    load.set(a.helperId, load.get(a.helperId)! + 1);
  }
  let squares = 0;
  for (const l of load.values()) squares += l * l;
  return { covered: assignments.length, paired, squares, area };
}

describe('planWeek against brute force (200 seeded instances)', () => {
  const rand = mulberry32(20260601);
  const instances = Array.from({ length: 200 }, () => smallInstance(rand));

  it('finds the exact lexicographic optimum and a valid bound', () => {
    for (const input of instances) {
      const best = bruteForce(input);
      const plan = planWeek(input);
      expect(validatePlan(input, plan.assignments)).toEqual([]);
      const got = objective(input, plan.assignments);
      // Objective 1: coverage equals the optimum; objective 2: continuity is the best possible
      // among maximum-coverage plans; 3 and 4 as well (the exact finish covers all objectives).
      expect(got.covered).toBe(best.covered);
      expect(got.paired).toBe(best.paired);
      expect(got.squares).toBeCloseTo(best.squares, 9);
      expect(got.area).toBe(best.area);
      expect(plan.stats).toMatchObject({ covered: got.covered, paired: got.paired });
      // Both bounds are valid; the reported one is tight once the exact search has finished.
      expect(coverageUpperBound(input)).toBeGreaterThanOrEqual(best.covered);
      expect(plan.upperBound).toBe(best.covered);
      expect(plan.stats.gap).toBe(0);
    }
  });

  it('the heuristic phases alone are valid and nearly always optimal in coverage', () => {
    let optimal = 0;
    for (const input of instances) {
      const best = bruteForce(input);
      const plan = planWeek(input, { exactNodeBudget: 0 });
      expect(validatePlan(input, plan.assignments)).toEqual([]);
      expect(plan.stats.covered).toBeLessThanOrEqual(best.covered);
      expect(plan.upperBound).toBeGreaterThanOrEqual(best.covered);
      if (plan.stats.covered === best.covered) optimal++;
    }
    expect(optimal).toBeGreaterThanOrEqual(190);
  });
});

describe('planWeek hand-made cases', () => {
  it('gives one helper two back-to-back requests (half-open intervals)', () => {
    const input: PlanInput = {
      requests: [req('a', D1, '09:00', '10:00'), req('b', D1, '10:00', '11:00')],
      helpers: [helper('h')],
      edges: [edge('a', 'h'), edge('b', 'h')],
    };
    const plan = planWeek(input);
    expect(plan.assignments).toEqual([
      { requestId: 'a', helperId: 'h' },
      { requestId: 'b', helperId: 'h' },
    ]);
    expect(plan.unassigned).toEqual([]);
    expect(plan.upperBound).toBe(2);
  });

  it('respects the per-day cap, counting existing assignments that day', () => {
    const requests = [
      req('a', D1, '08:00', '09:00'),
      req('b', D1, '10:00', '11:00'),
      req('c', D1, '12:00', '13:00'),
      req('d', D2, '12:00', '13:00'),
    ];
    const edges = requests.map((r) => edge(r.id, 'h'));
    const capped = planWeek({ requests, helpers: [helper('h', 2)], edges });
    expect(capped.stats.covered).toBe(3); // two on day 1, one on day 2
    expect(capped.upperBound).toBe(3);
    expect(capped.assignments.filter((a) => a.requestId !== 'd')).toHaveLength(2);

    const withExisting = planWeek({
      requests,
      helpers: [helper('h', 2, [[D1, '15:00', '16:00']])],
      edges,
    });
    expect(withExisting.stats.covered).toBe(2); // one on day 1 (one slot taken), one on day 2
    expect(withExisting.upperBound).toBe(2);
    expect(coverageUpperBound({ requests, helpers: [helper('h', 2)], edges })).toBe(3);

    // Default cap is 3 when the helper has no setting.
    const defaults = planWeek({
      requests: [...requests, req('e', D1, '14:00', '15:00')],
      helpers: [{ id: 'h', existingAssignments: [] }],
      edges: [...edges, edge('e', 'h')],
    });
    expect(defaults.stats.covered).toBe(4);
  });

  it('never plans over an existing assignment, and explains why', () => {
    const input: PlanInput = {
      requests: [req('a', D1, '10:00', '12:00'), req('b', D1, '11:00', '13:00')],
      helpers: [helper('h', 3, [[D1, '09:00', '11:00']])],
      edges: [edge('a', 'h'), edge('b', 'h')],
    };
    const plan = planWeek(input);
    expect(plan.assignments).toEqual([{ requestId: 'b', helperId: 'h' }]);
    expect(plan.unassigned).toEqual(['a']);
    expect(plan.upperBound).toBe(1);
    expect(explainUnassigned(input, 'a')).toEqual({
      requestId: 'a',
      code: 'all_eligible_helpers_busy',
      helpers: [{ helperId: 'h', blocks: ['overlap_existing'] }],
    });
  });

  it('reassigns along a chain to cover everything', () => {
    // Greedy order: e (one candidate) takes Y; a, b, c take their paired helpers A, B, C; d then
    // finds A and Y busy. Only the chain d→A, a→B, b→C, c→Z covers all five (continuity yields
    // to coverage).
    const input: PlanInput = {
      requests: [
        req('a', D1, '09:00', '11:00'),
        req('b', D1, '09:00', '11:00'),
        req('c', D1, '09:00', '11:00'),
        req('d', D1, '10:00', '12:00'),
        req('e', D1, '10:00', '12:00'),
      ],
      helpers: ['A', 'B', 'C', 'Z', 'Y'].map((id) => helper(id)),
      edges: [
        edge('a', 'A', true),
        edge('a', 'B'),
        edge('b', 'B', true),
        edge('b', 'C'),
        edge('c', 'C', true),
        edge('c', 'Z'),
        edge('d', 'A'),
        edge('d', 'Y'),
        edge('e', 'Y'),
      ],
    };
    for (const options of [{ exactNodeBudget: 0 }, {}]) {
      const plan = planWeek(input, options);
      expect(plan.unassigned).toEqual([]);
      expect(validatePlan(input, plan.assignments)).toEqual([]);
      expect(plan.assignments).toEqual([
        { requestId: 'a', helperId: 'B' },
        { requestId: 'b', helperId: 'C' },
        { requestId: 'c', helperId: 'Z' },
        { requestId: 'd', helperId: 'A' },
        { requestId: 'e', helperId: 'Y' },
      ]);
    }
  });

  it('prefers continuity, then spreads work, then matches area', () => {
    const requests = [req('a', D1, '09:00', '10:00'), req('b', D1, '11:00', '12:00')];
    const helpers = [helper('P'), helper('Q'), helper('R')];
    const paired = planWeek({
      requests,
      helpers,
      edges: [edge('a', 'P', true), edge('a', 'Q', false, true), edge('b', 'P', true)],
    });
    expect(paired.assignments.map((a) => a.helperId)).toEqual(['P', 'P']);

    // Same continuity: the helper with less recent work gets it, even without area fit.
    const fair = planWeek({
      requests,
      helpers,
      edges: [edge('a', 'P', false, true), edge('a', 'Q'), edge('b', 'P'), edge('b', 'R')],
      recentLoad: { P: 5, Q: 0, R: 0 },
    });
    expect(fair.assignments.map((a) => a.helperId)).toEqual(['Q', 'R']);

    const area = planWeek({
      requests: [requests[0]!],
      helpers,
      edges: [edge('a', 'P'), edge('a', 'Q', false, true)],
    });
    expect(area.assignments).toEqual([{ requestId: 'a', helperId: 'Q' }]);
  });

  it('skips requests with no eligible helper or an empty interval', () => {
    const input: PlanInput = {
      requests: [req('a', D1, '09:00', '10:00'), req('z', D1, '10:00', '10:00')],
      helpers: [helper('h')],
      edges: [edge('z', 'h'), edge('a', 'ghost')],
    };
    const plan = planWeek(input);
    expect(plan.unassigned).toEqual(['a', 'z']);
    expect(plan.upperBound).toBe(0);
    expect(explainUnassigned(input, 'a').code).toBe('no_eligible_helper');
    expect(explainUnassigned(input, 'z').code).toBe('invalid_interval');
    expect(explainUnassigned(input, 'nope').code).toBe('unknown_request');
  });

  it('rejects duplicate ids', () => {
    expect(() =>
      planWeek({
        requests: [req('a', D1, '09:00', '10:00'), req('a', D1, '11:00', '12:00')],
        helpers: [],
        edges: [],
      }),
    ).toThrow(/duplicate request/);
    expect(() =>
      planWeek({ requests: [], helpers: [helper('h'), helper('h')], edges: [] }),
    ).toThrow(/duplicate helper/);
  });
});

describe('explainUnassigned against a plan', () => {
  const input: PlanInput = {
    requests: [
      req('a', D1, '09:00', '11:00'),
      req('b', D1, '10:00', '12:00'),
      req('c', D1, '13:00', '14:00'),
    ],
    helpers: [helper('h', 2)],
    edges: [edge('a', 'h'), edge('b', 'h'), edge('c', 'h')],
  };

  it('says the plan took the helper, or that the request is assigned, or that a helper is free', () => {
    const plan = [
      { requestId: 'a', helperId: 'h' },
      { requestId: 'c', helperId: 'h' },
    ];
    expect(explainUnassigned(input, 'b', plan)).toEqual({
      requestId: 'b',
      code: 'eligible_helpers_taken_by_plan',
      helpers: [{ helperId: 'h', blocks: ['overlap_planned', 'day_cap_planned'] }],
    });
    expect(explainUnassigned(input, 'a', plan).code).toBe('assigned');
    expect(explainUnassigned(input, 'c', [{ requestId: 'a', helperId: 'h' }]).code).toBe(
      'helper_available',
    );
    expect(explainUnassigned(input, 'b').code).toBe('helper_available');
  });

  it('reports a day already full of existing work', () => {
    const full: PlanInput = {
      ...input,
      helpers: [helper('h', 1, [[D1, '15:00', '16:00']])],
    };
    expect(explainUnassigned(full, 'c')).toEqual({
      requestId: 'c',
      code: 'all_eligible_helpers_busy',
      helpers: [{ helperId: 'h', blocks: ['day_cap_existing'] }],
    });
  });
});

describe('validatePlan', () => {
  const input: PlanInput = {
    requests: [
      req('a', D1, '09:00', '11:00'),
      req('b', D1, '10:00', '12:00'),
      req('c', D1, '13:00', '14:00'),
      req('z', D1, '15:00', '15:00'),
    ],
    helpers: [helper('h', 2, [[D1, '13:30', '14:30']]), helper('k', 1)],
    edges: [edge('a', 'h'), edge('b', 'h'), edge('c', 'h'), edge('z', 'k')],
  };

  it('accepts a valid plan', () => {
    expect(validatePlan(input, [{ requestId: 'a', helperId: 'h' }])).toEqual([]);
    expect(validatePlan(input, [])).toEqual([]);
  });

  it('reports every kind of violation', () => {
    expect(
      validatePlan(input, [
        { requestId: 'a', helperId: 'h' },
        { requestId: 'b', helperId: 'h' },
        { requestId: 'c', helperId: 'h' },
        { requestId: 'a', helperId: 'k' },
        { requestId: 'ghost', helperId: 'h' },
        { requestId: 'z', helperId: 'nobody' },
      ]),
    ).toEqual([
      { code: 'overlap_existing', requestId: 'c', helperId: 'h' },
      { code: 'duplicate_request', requestId: 'a', helperId: 'k' },
      { code: 'unknown_request', requestId: 'ghost' },
      { code: 'unknown_helper', requestId: 'z', helperId: 'nobody' },
      { code: 'overlap_planned', requestId: 'b', otherRequestId: 'a', helperId: 'h' },
      { code: 'day_cap', helperId: 'h', day: D1, count: 4, cap: 2 },
    ]);
    expect(
      validatePlan(input, [
        { requestId: 'z', helperId: 'k' },
        { requestId: 'c', helperId: 'k' },
      ]),
    ).toEqual([
      { code: 'invalid_interval', requestId: 'z', helperId: 'k' },
      { code: 'no_edge', requestId: 'c', helperId: 'k' },
      { code: 'day_cap', helperId: 'k', day: D1, count: 2, cap: 1 },
    ]);
  });
});
