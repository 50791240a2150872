import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  coverageUpperBound,
  explainUnassigned,
  planWeek,
  validatePlan,
  type PlanAssignment,
  type PlanInput,
  type PlanOptions,
} from '../../src/modules/planner/planner.js';

const DAYS = ['2026-06-01', '2026-06-02', '2026-06-03'];
const QUARTER = 15 * 60_000;
const dayStart = (d: number) => new Date(`${DAYS[d]}T07:00:00+09:00`).getTime();

/** An interval on a 15-minute grid; lengths ≤ 0 on purpose (empty or reversed input). */
const slotArb = fc.record({
  day: fc.integer({ min: 0, max: 2 }),
  start: fc.integer({ min: 0, max: 40 }),
  length: fc.integer({ min: -1, max: 12 }),
});

function interval(s: { day: number; start: number; length: number }) {
  const from = dayStart(s.day) + s.start * QUARTER;
  return {
    day: DAYS[s.day]!,
    startsAt: new Date(from),
    endsAt: new Date(from + s.length * QUARTER),
  };
}

const inputArb: fc.Arbitrary<PlanInput> = fc
  .record({
    requests: fc.array(slotArb, { maxLength: 14 }),
    helpers: fc.array(
      fc.record({
        maxPerDay: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
        existing: fc.array(slotArb, { maxLength: 3 }),
        recent: fc.option(fc.double({ min: 0, max: 10, noNaN: true }), { nil: undefined }),
      }),
      { maxLength: 6 },
    ),
    edges: fc.array(
      fc.record({
        r: fc.nat(),
        h: fc.nat(),
        paired: fc.boolean(),
        areaMatch: fc.boolean(),
      }),
      { maxLength: 50 },
    ),
    // Edges to ids the planner does not know must be ignored, not crash it.
    strayEdges: fc.boolean(),
  })
  .map(({ requests, helpers, edges, strayEdges }) => {
    const input: PlanInput = {
      requests: requests.map((s, i) => ({ id: `r${i}`, ...interval(s) })),
      helpers: helpers.map((h, j) => ({
        id: `h${j}`,
        maxPerDay: h.maxPerDay,
        existingAssignments: h.existing.map(interval),
      })),
      edges:
        requests.length && helpers.length
          ? edges.map((e) => ({
              requestId: `r${e.r % requests.length}`,
              helperId: `h${e.h % helpers.length}`,
              paired: e.paired,
              areaMatch: e.areaMatch,
            }))
          : [],
      recentLoad: Object.fromEntries(
        helpers.flatMap((h, j) => (h.recent === undefined ? [] : [[`h${j}`, h.recent]])),
      ),
    };
    if (strayEdges) {
      input.edges = [
        ...input.edges,
        { requestId: 'ghost', helperId: 'h0', paired: true, areaMatch: true },
        { requestId: 'r0', helperId: 'ghost', paired: true, areaMatch: true },
      ];
    }
    return input;
  });

const optionsArb: fc.Arbitrary<PlanOptions> = fc.constantFrom(
  {},
  { exactNodeBudget: 0 },
  // Tiny budgets stop searches mid-chain: the state must still roll back to a valid plan.
  { searchBudget: 25, exactNodeBudget: 0 },
  { searchBudget: 200, exactNodeBudget: 30 },
);

/** Hard constraints checked independently of validatePlan. */
function independentlyValid(input: PlanInput, assignments: readonly PlanAssignment[]): boolean {
  const seen = new Set<string>();
  const byHelper = new Map<string, PlanInput['requests'][number][]>();
  for (const a of assignments) {
    const r = input.requests.find((x) => x.id === a.requestId);
    const h = input.helpers.find((x) => x.id === a.helperId);
    if (!r || !h || seen.has(r.id) || !(r.endsAt > r.startsAt)) return false;
    if (!input.edges.some((e) => e.requestId === r.id && e.helperId === h.id)) return false;
    if (h.existingAssignments.some((x) => x.startsAt < r.endsAt && r.startsAt < x.endsAt)) {
      return false;
    }
    seen.add(r.id);
    byHelper.set(h.id, [...(byHelper.get(h.id) ?? []), r]);
  }
  for (const [id, list] of byHelper) {
    const h = input.helpers.find((x) => x.id === id)!;
    for (const r of list) {
      const others = list.filter((x) => x !== r);
      if (others.some((x) => x.startsAt < r.endsAt && r.startsAt < x.endsAt)) return false;
      const sameDay =
        list.filter((x) => x.day === r.day).length +
        h.existingAssignments.filter((x) => x.day === r.day).length;
      if (sameDay > (h.maxPerDay ?? 3)) return false;
    }
  }
  return true;
}

describe('planWeek properties', () => {
  it('never breaks a hard constraint, stays under its bound, covers a request at most once', () => {
    fc.assert(
      fc.property(inputArb, optionsArb, (input, options) => {
        const plan = planWeek(input, options);
        expect(validatePlan(input, plan.assignments)).toEqual([]);
        expect(independentlyValid(input, plan.assignments)).toBe(true);

        const ids = plan.assignments.map((a) => a.requestId);
        expect(new Set(ids).size).toBe(ids.length);
        expect([...ids, ...plan.unassigned].sort()).toEqual(input.requests.map((r) => r.id).sort());

        expect(plan.stats.covered).toBe(plan.assignments.length);
        expect(plan.stats.covered).toBeLessThanOrEqual(plan.upperBound);
        expect(plan.upperBound).toBeLessThanOrEqual(coverageUpperBound(input));
        expect(plan.stats.gap).toBe(plan.upperBound - plan.stats.covered);
      }),
      { numRuns: 400, seed: 20260601 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const a = planWeek(input);
        const b = planWeek(input);
        expect(b.assignments).toEqual(a.assignments);
        expect({ ...b.stats, ms: 0 }).toEqual({ ...a.stats, ms: 0 });
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it('leaves no request unassigned that a helper could still take, and explains each', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const plan = planWeek(input);
        for (const id of plan.unassigned) {
          const why = explainUnassigned(input, id, plan.assignments);
          expect([
            'invalid_interval',
            'no_eligible_helper',
            'all_eligible_helpers_busy',
            'eligible_helpers_taken_by_plan',
          ]).toContain(why.code);
        }
        for (const a of plan.assignments) {
          expect(explainUnassigned(input, a.requestId, plan.assignments).code).toBe('assigned');
        }
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});

describe('validatePlan properties', () => {
  it('agrees with an independent check on arbitrary (often broken) plans', () => {
    const caseArb = inputArb.chain((input) =>
      fc.tuple(
        fc.constant(input),
        fc.array(
          fc.record({
            r: fc.nat(input.requests.length + 1),
            h: fc.nat(input.helpers.length + 1),
          }),
          { maxLength: 12 },
        ),
      ),
    );
    fc.assert(
      fc.property(caseArb, ([input, picks]) => {
        const assignments = picks.map((p) => ({
          requestId: input.requests[p.r]?.id ?? 'ghost',
          helperId: input.helpers[p.h]?.id ?? 'ghost',
        }));
        const violations = validatePlan(input, assignments);
        expect(violations.length === 0).toBe(independentlyValid(input, assignments));
      }),
      { numRuns: 500, seed: 3 },
    );
  });
});
