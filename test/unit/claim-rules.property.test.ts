import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildMonthlyClaim,
  claimLines,
  claimYen,
  type ClaimActivity,
  type ClaimInput,
} from '../../src/modules/subsidies/claim-rules.js';
import { SUBSIDY_CATEGORIES } from '../../src/modules/subsidies/eligibility-rules.js';
import {
  DEFAULT_SUBSIDY_RULES,
  type CategoryRule,
  type SubsidyRuleSet,
} from '../../src/modules/settings/subsidy-rules.js';

// Claims (issue #18 point 5): a claim never exceeds its cap, never counts an excluded line, and
// never falls when another activity is marked paid.

const MONTH = '2026-10';
const children = [
  { id: 'c1', name: 'A', birthDate: '2022-06-01' }, // 3歳児 class in FY2026
  { id: 'c2', name: 'B', birthDate: '2024-09-01' }, // 0〜2歳児
  { id: 'c3', name: 'C', birthDate: '2018-05-01' }, // older
];

const categoryRuleArb = (category: (typeof SUBSIDY_CATEGORIES)[number]) =>
  fc.record<CategoryRule>({
    category: fc.constant(category),
    enabled: fc.boolean(),
    basis: fc.constantFrom('rate', 'per_hour'),
    ratePercent: fc.integer({ min: 1, max: 100 }),
    perHourYen: fc.integer({ min: 0, max: 2000 }),
    monthlyCap: fc.integer({ min: 0, max: 30_000 }),
    capPer: fc.constantFrom('household', 'child'),
    excludeCosts: fc.boolean(),
    excludeCancellationFees: fc.boolean(),
    excludeTransportOnly: fc.boolean(),
    paidFirst: fc.boolean(),
  });

const ruleSetArb = (validFrom: string) =>
  fc.record<SubsidyRuleSet>({
    validFrom: fc.constant(validFrom),
    categories: fc.tuple(...SUBSIDY_CATEGORIES.map(categoryRuleArb)),
    freeChildcare: fc.record({
      capAge3to5: fc.integer({ min: 0, max: 40_000 }),
      capAge0to2TaxExempt: fc.integer({ min: 0, max: 45_000 }),
      paidFirst: fc.boolean(),
    }),
  });

const dayArb = fc.integer({ min: 1, max: 31 }).map((d) => `${MONTH}-${String(d).padStart(2, '0')}`);
const activityArb = (i: number) =>
  fc
    .record({
      day: dayArb,
      hours: fc.integer({ min: 1, max: 8 }),
      categories: fc.constantFrom([1], [5], [2], [1, 2], [9]),
      transportCost: fc.integer({ min: 0, max: 2000 }),
      mealCost: fc.integer({ min: 0, max: 1000 }),
      shares: fc.subarray(children, { minLength: 1 }),
      amount: fc.integer({ min: 1, max: 12_000 }),
      paid: fc.boolean(),
    })
    .map((a): ClaimActivity => ({
      id: `a${i}`,
      startedAt: new Date(`${a.day}T09:00:00+09:00`).toISOString(),
      endedAt: new Date(
        `${a.day}T${String(9 + a.hours).padStart(2, '0')}:00:00+09:00`,
      ).toISOString(),
      categories: [...a.categories],
      transportCost: a.transportCost,
      mealCost: a.mealCost,
      childTotals: a.shares.map((c, k) => ({
        childId: c.id,
        amount: k === 0 ? a.amount : Math.ceil(a.amount / 2),
      })),
      paid: a.paid,
    }));

/**
 * Monotonicity holds when the subsidy requires payment wherever 無償化 does (the defaults): a
 * subsidy that counts unpaid fees loses, once they are paid, what 無償化 then reimburses of them
 * (the family gains more; the subsidy alone falls). claim-rules.ts says so.
 */
const paidFirstAsStrict = (set: SubsidyRuleSet): SubsidyRuleSet =>
  set.freeChildcare.paidFirst
    ? { ...set, categories: set.categories.map((r) => ({ ...r, paidFirst: true })) }
    : set;

const recordArb = fc.record({
  from: fc.constantFrom('2026-04-01', '2026-10-10', '2026-11-01'),
  to: fc.constantFrom('2026-10-20', '2027-03-31'),
  revoked: fc.boolean(),
});

const inputArb: fc.Arbitrary<ClaimInput> = fc
  .record({
    early: ruleSetArb('2000-01-01'),
    later: fc.option(ruleSetArb('2026-10-15'), { nil: undefined }),
    eligibility: fc.array(
      fc.record({ category: fc.constantFrom(...SUBSIDY_CATEGORIES), r: recordArb }),
      { maxLength: 3 },
    ),
    certifications: fc.array(
      fc.record({
        childId: fc.constantFrom('c1', 'c2', 'c3'),
        taxExempt: fc.boolean(),
        r: recordArb,
      }),
      { maxLength: 4 },
    ),
    activities: fc
      .integer({ min: 0, max: 8 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => activityArb(i)))),
    cancellations: fc.array(
      fc.record({ day: dayArb, amount: fc.integer({ min: 0, max: 3000 }), paid: fc.boolean() }),
      { maxLength: 2 },
    ),
  })
  .map((x) => ({
    month: MONTH,
    rules: (x.later ? [x.early, x.later] : [x.early]).map(paidFirstAsStrict),
    children,
    eligibility: x.eligibility.map((e) => ({
      category: e.category,
      valid_from: e.r.from,
      valid_to: e.r.to,
      revoked_at: e.r.revoked ? '2026-11-01T00:00:00.000Z' : null,
    })),
    certifications: x.certifications.map((c) => ({
      childId: c.childId,
      taxExempt: c.taxExempt,
      valid_from: c.r.from,
      valid_to: c.r.to,
      revoked_at: c.r.revoked ? '2026-11-01T00:00:00.000Z' : null,
    })),
    activities: x.activities,
    cancellations: x.cancellations.map((c, i) => ({
      requestId: `r${i}`,
      startsAt: new Date(`${c.day}T10:00:00+09:00`).toISOString(),
      endsAt: new Date(`${c.day}T12:00:00+09:00`).toISOString(),
      amount: c.amount,
      paid: c.paid,
    })),
  }));

const key = (l: {
  kind: string;
  activityId: string | null;
  requestId: string | null;
  childId: string | null;
}) => `${l.kind}:${l.activityId ?? l.requestId}:${l.childId ?? ''}`;

describe('claim rules', () => {
  it('round once, down to the yen', () => {
    expect(claimYen(2_399_940, 6000)).toBe(399);
    expect(claimYen(2_400_000, 6000)).toBe(400);
  });

  it('never exceed the cap: 無償化 per child, the subsidy per household or child', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const claim = buildMonthlyClaim(input);
        for (const c of claim.freeChildcare.children) {
          expect(c.amount).toBeLessThanOrEqual(c.cap);
          expect(c.amount).toBeLessThanOrEqual(c.eligible);
        }
        expect(claim.subsidy.amount).toBeLessThanOrEqual(claim.subsidy.cap);
        expect(claim.subsidy.amount).toBeLessThanOrEqual(claim.subsidy.computed);
        expect(claim.subsidy.amount).toBeGreaterThanOrEqual(0);
        // Together never more than the family paid.
        expect(claim.freeChildcare.total + claim.subsidy.amount).toBeLessThanOrEqual(
          claim.linesTotal,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('never count an excluded line; every line is counted or excluded with a reason', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const claim = buildMonthlyClaim(input);
        const all = claimLines(input).map(key).sort();
        const s = claim.subsidy;
        expect([...s.lines.map(key), ...s.excluded.map(key)].sort()).toEqual(all);
        for (const l of s.lines) {
          expect(l.paid || !ruleOf(input, s.category!, l.date).paidFirst).toBe(true);
          const rule = ruleOf(input, s.category!, l.date);
          if (rule.excludeCosts) expect(['transport_cost', 'meal_cost']).not.toContain(l.kind);
          if (rule.excludeCancellationFees) expect(l.kind).not.toBe('cancellation_fee');
          if (rule.excludeTransportOnly) expect(l.transportOnly && l.kind === 'fee').toBe(false);
          expect(rule.enabled).toBe(true);
        }
        const feeLines = claimLines(input).filter((l) => l.kind === 'fee');
        for (const c of claim.freeChildcare.children) {
          expect([...c.lines.map(key), ...c.excluded.map(key)].sort()).toEqual(
            feeLines
              .filter((l) => l.childId === c.child.id)
              .map(key)
              .sort(),
          );
          for (const l of c.lines) {
            expect(l.transportOnly).toBe(false);
            expect(c.band).not.toBe('older');
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never fall when another activity is marked paid', () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), (input, pick) => {
        const unpaid = input.activities.filter((a) => !a.paid);
        fc.pre(unpaid.length > 0);
        const target = unpaid[pick % unpaid.length]!;
        const paidInput = {
          ...input,
          activities: input.activities.map((a) => (a === target ? { ...a, paid: true } : a)),
        };
        const before = buildMonthlyClaim(input);
        const after = buildMonthlyClaim(paidInput);
        expect(after.freeChildcare.total).toBeGreaterThanOrEqual(before.freeChildcare.total);
        expect(after.subsidy.amount).toBeGreaterThanOrEqual(before.subsidy.amount);
      }),
      { numRuns: 300 },
    );
  });

  it('default to half the fee up to ¥15,000 a household', () => {
    const rule = DEFAULT_SUBSIDY_RULES.categories[0]!;
    expect(rule).toMatchObject({ ratePercent: 50, monthlyCap: 15_000, capPer: 'household' });
  });
});

function ruleOf(input: ClaimInput, category: string, date: string) {
  const set = [...input.rules]
    .filter((r) => r.validFrom <= date)
    .sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0]!;
  return set.categories.find((r) => r.category === category)!;
}
