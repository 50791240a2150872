import { z } from 'zod';
import { isValidDateString } from '../../lib/dates.js';
import { datedVersionList, versionInForce } from '../../lib/dated-versions.js';

/**
 * Subsidy rules (issue #18 point 4) as a center setting, like the fee tables: a list of rule
 * sets, each applying from its `validFrom` Tokyo date. Per subsidy category the city pays a rate
 * of the fee (e.g. 1/2) or a fixed amount per hour, up to a monthly cap per household or per
 * child, with its exclusions and whether the family must have paid first; plus the 無償化 caps by
 * age band and tax status. Pure: no database, no clock. Messages are i18n keys.
 */

/**
 * The city's subsidy categories (DOMAIN.md's defaults), kept here with the rules so the settings
 * need no other module; subsidies/eligibility-rules.ts re-exports them.
 */
export const SUBSIDY_CATEGORIES = [
  'single_parent',
  'tax_exempt',
  'public_assistance',
  'multiple_birth',
  'double_care',
  'disability',
] as const;
export type SubsidyCategory = (typeof SUBSIDY_CATEGORIES)[number];

const INVALID = 'validation.invalid';
const yen = (max: number) => z.number(INVALID).int(INVALID).min(0, INVALID).max(max, INVALID);

export const SUBSIDY_BASES = ['rate', 'per_hour'] as const;
export const CAP_SCOPES = ['household', 'child'] as const;

export const categoryRuleSchema = z
  .object({
    category: z.enum(SUBSIDY_CATEGORIES, INVALID),
    /** Whether the city subsidises this category at all in this rule set. */
    enabled: z.boolean(INVALID),
    /** `rate`: `ratePercent` % of each eligible amount; `per_hour`: `perHourYen` per hour of help. */
    basis: z.enum(SUBSIDY_BASES, INVALID),
    ratePercent: z.number(INVALID).int(INVALID).min(1, INVALID).max(100, INVALID),
    perHourYen: yen(100_000),
    /** Monthly cap in yen, per household or per child helped that month. */
    monthlyCap: yen(10_000_000),
    capPer: z.enum(CAP_SCOPES, INVALID),
    excludeCosts: z.boolean(INVALID),
    excludeCancellationFees: z.boolean(INVALID),
    excludeTransportOnly: z.boolean(INVALID),
    /** Only amounts the helper acknowledged receiving count (the family paid first). */
    paidFirst: z.boolean(INVALID),
  })
  .strict();
export type CategoryRule = z.output<typeof categoryRuleSchema>;

export const freeChildcareRuleSchema = z
  .object({
    /** 3歳児〜5歳児 (aged 3–5 on April 1 of the fiscal year), per child per month. */
    capAge3to5: yen(10_000_000),
    /** 0歳児〜2歳児 of a tax-exempt household, per child per month (others get nothing). */
    capAge0to2TaxExempt: yen(10_000_000),
    paidFirst: z.boolean(INVALID),
  })
  .strict();

export const subsidyRuleSetSchema = z
  .object({
    validFrom: z.string(INVALID).refine(isValidDateString, INVALID),
    categories: z
      .array(categoryRuleSchema, INVALID)
      .length(SUBSIDY_CATEGORIES.length, INVALID)
      .refine((rules) => SUBSIDY_CATEGORIES.every((c) => rules.some((r) => r.category === c)), {
        message: INVALID,
      }),
    freeChildcare: freeChildcareRuleSchema,
  })
  .strict();
export type SubsidyRuleSet = z.output<typeof subsidyRuleSetSchema>;

/** The setting value: every rule set the center has used, each with a distinct `validFrom`. */
export const subsidyRuleListSchema = datedVersionList(subsidyRuleSetSchema, INVALID);

/**
 * The defaults the issue and DOMAIN.md give: half the fee up to ¥15,000 a month per household,
 * costs and cancellation fees excluded, paid first; 無償化 ¥37,000 (3–5) and ¥42,000 (0–2,
 * tax-exempt). Cities differ: each sets its own.
 */
export const DEFAULT_CATEGORY_RULE: Omit<CategoryRule, 'category'> = {
  enabled: true,
  basis: 'rate',
  ratePercent: 50,
  perHourYen: 0,
  monthlyCap: 15_000,
  capPer: 'household',
  excludeCosts: true,
  excludeCancellationFees: true,
  excludeTransportOnly: false,
  paidFirst: true,
};

export const DEFAULT_SUBSIDY_RULES: SubsidyRuleSet = {
  validFrom: '2000-01-01',
  categories: SUBSIDY_CATEGORIES.map((category) => ({ category, ...DEFAULT_CATEGORY_RULE })),
  freeChildcare: { capAge3to5: 37_000, capAge0to2TaxExempt: 42_000, paidFirst: true },
};

/** The rule set in force on a Tokyo date: the latest `validFrom` on or before it. */
export function selectSubsidyRules(
  sets: readonly SubsidyRuleSet[],
  date: string,
): SubsidyRuleSet | undefined {
  return versionInForce(sets, date);
}

export function categoryRule(set: SubsidyRuleSet, category: SubsidyCategory): CategoryRule {
  return set.categories.find((r) => r.category === category)!;
}
