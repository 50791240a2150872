import {
  ageInYears,
  fiscalYearOf,
  fiscalYearStart,
  lastDateOfMonth,
  tokyoDateOf,
} from '../../lib/dates.js';
import { isTransportOnly, type ChargedActivity } from '../fees/statements.js';
import { isInForce, SUBSIDY_CATEGORIES, type SubsidyCategory } from './eligibility-rules.js';
import {
  categoryRule,
  selectSubsidyRules,
  type SubsidyRuleSet,
} from '../settings/subsidy-rules.js';

/**
 * A family's monthly claim (issue #18 point 5), pure: no database, no clock.
 *
 * The month's money is cut into lines: each child's share of each approved activity's fee, the
 * activity's transport and meal costs, and each cancellation fee (by the planned start's month).
 * Each line is judged by the rules in force on its own date (subsidy-rules.ts), and each line
 * left out says why.
 *
 * 無償化 (幼児教育・保育の無償化), per child: a fee line counts when the child holds a
 * 施設等利用給付認定 in force on the line's date, is 3歳児〜5歳児 (aged 3–5 on April 1 of the
 * fiscal year) or 0歳児〜2歳児 with the tax-exempt flag, the activity is not transport-only and
 * (if the rules say so) the helper acknowledged payment. Costs and cancellation fees never
 * count. The lines use the child's monthly cap in date order: each is reimbursed up to what is
 * left of it.
 *
 * The city's fee subsidy, per household: a line counts when the household holds a category in
 * force on the line's date that the rules in force subsidise, and is not excluded (costs,
 * cancellation fees, transport-only help, unpaid). What 無償化 reimburses of a fee line is not
 * subsidised again: the subsidy's base is the line minus that. A household with several
 * categories claims under the one that pays most (ties: the order of SUBSIDY_CATEGORIES).
 * - `rate`: ratePercent % of the base; `per_hour`: perHourYen per hour of the activity (planned
 *   hours for a cancellation fee), never more than the base; costs have no hours, so nothing.
 * - The monthly cap is the one of the rules in force on the month's last day (a claim is for the
 *   month): per household, or per child helped that month (× the number of children with a
 *   counted fee line, at least one).
 * - The month's sum is rounded once, down to the yen (`claimYen`), then capped.
 *
 * Properties (test/unit/claim-rules.property.test.ts): a claim never exceeds its cap, never
 * counts an excluded line, and never falls when another activity is marked paid — the latter
 * when the subsidy requires payment wherever 無償化 does (the defaults). A subsidy that counts
 * unpaid fees while 無償化 waits for payment loses, once a fee is paid, what 無償化 then
 * reimburses of it: the family gets more in total, the subsidy alone less, by design (no fee is
 * paid for twice).
 */

/** The one rounding rule of claims: an exact fraction of yen, rounded down (1円未満切り捨て). */
export function claimYen(numerator: number, denominator: number): number {
  return Math.floor(numerator / denominator);
}

/** Subsidy sums are kept as integers in yen × percent × minutes-per-hour. */
const SCALE = 100 * 60;

export type ClaimLineKind = 'fee' | 'transport_cost' | 'meal_cost' | 'cancellation_fee';

export interface ClaimLine {
  kind: ClaimLineKind;
  activityId: string | null;
  requestId: string | null;
  /** The child of a fee line; costs and cancellation fees are the family's. */
  childId: string | null;
  /** Tokyo date of the activity (or of the cancelled activity's planned start). */
  date: string;
  /** Minutes of the activity (planned for a cancellation fee); 0 for costs. */
  minutes: number;
  amount: number;
  transportOnly: boolean;
  /** The helper acknowledged receiving the payment. */
  paid: boolean;
}

export type FreeChildcareExclusion =
  | 'cost'
  | 'cancellation_fee'
  | 'transport_only'
  | 'no_certification'
  | 'age_band'
  | 'not_paid'
  | 'no_rules';
export type SubsidyExclusion =
  | 'cost'
  | 'cancellation_fee'
  | 'transport_only'
  | 'not_eligible'
  | 'not_subsidised'
  | 'not_paid'
  | 'no_rules';

export interface ClaimChild {
  id: string;
  name: string;
  birthDate: string;
}

export interface ClaimCertification {
  childId: string;
  taxExempt: boolean;
  valid_from: string;
  valid_to: string;
  revoked_at: string | null;
}

export interface ClaimEligibility {
  category: string;
  valid_from: string;
  valid_to: string;
  revoked_at: string | null;
}

export interface ClaimActivity extends ChargedActivity {
  paid: boolean;
}

export interface ClaimCancellation {
  requestId: string;
  startsAt: string;
  endsAt: string;
  amount: number;
  paid: boolean;
}

export interface ClaimInput {
  month: string;
  rules: readonly SubsidyRuleSet[];
  children: readonly ClaimChild[];
  eligibility: readonly ClaimEligibility[];
  certifications: readonly ClaimCertification[];
  activities: readonly ClaimActivity[];
  cancellations: readonly ClaimCancellation[];
  /** The codes flagged transport-only (help_category, 0027); the old fixed ones when not given. */
  transportCategories?: readonly number[];
}

export type AgeBand = 'age3to5' | 'age0to2' | 'older';

export interface FreeChildcareChild {
  child: ClaimChild;
  band: AgeBand;
  cap: number;
  lines: (ClaimLine & { reimbursed: number })[];
  excluded: (ClaimLine & { reason: FreeChildcareExclusion })[];
  /** What the counted lines add up to, before the cap. */
  eligible: number;
  amount: number;
}

export interface SubsidyClaim {
  /** The category claimed under; null when no line counts under any. */
  category: SubsidyCategory | null;
  cap: number;
  /** Counted lines with the base after 無償化 and the exact subsidy (may carry a fraction). */
  lines: (ClaimLine & { base: number; subsidy: number })[];
  excluded: (ClaimLine & { reason: SubsidyExclusion })[];
  /** The month's subsidy before the cap, rounded down. */
  computed: number;
  amount: number;
}

export interface MonthlyClaim {
  month: string;
  freeChildcare: { children: FreeChildcareChild[]; total: number };
  subsidy: SubsidyClaim;
  /** Everything in the month's lines (what the family paid or owes). */
  linesTotal: number;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const minutesBetween = (from: string, to: string) =>
  Math.round((Date.parse(to) - Date.parse(from)) / 60_000);

/** The month's lines in date order (then activity, then child), as the claim form lists them. */
export function claimLines(
  input: Pick<ClaimInput, 'activities' | 'cancellations' | 'transportCategories'>,
): ClaimLine[] {
  const lines: ClaimLine[] = [];
  for (const a of input.activities) {
    const base = {
      activityId: a.id,
      requestId: null,
      date: tokyoDateOf(a.startedAt),
      transportOnly: isTransportOnly(a.categories, input.transportCategories),
      paid: a.paid,
    };
    const minutes = minutesBetween(a.startedAt, a.endedAt);
    for (const share of a.childTotals) {
      if (share.amount > 0)
        lines.push({ ...base, kind: 'fee', childId: share.childId, minutes, amount: share.amount });
    }
    if (a.transportCost > 0)
      lines.push({
        ...base,
        kind: 'transport_cost',
        childId: null,
        minutes: 0,
        amount: a.transportCost,
      });
    if (a.mealCost > 0)
      lines.push({ ...base, kind: 'meal_cost', childId: null, minutes: 0, amount: a.mealCost });
  }
  for (const c of input.cancellations) {
    if (c.amount <= 0) continue;
    lines.push({
      kind: 'cancellation_fee',
      activityId: null,
      requestId: c.requestId,
      childId: null,
      date: tokyoDateOf(c.startsAt),
      minutes: minutesBetween(c.startsAt, c.endsAt),
      amount: c.amount,
      transportOnly: false,
      paid: c.paid,
    });
  }
  return lines.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      (a.activityId ?? a.requestId ?? '').localeCompare(b.activityId ?? b.requestId ?? '') ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      (a.childId ?? '').localeCompare(b.childId ?? ''),
  );
}
const KIND_ORDER: Record<ClaimLineKind, number> = {
  fee: 0,
  transport_cost: 1,
  meal_cost: 2,
  cancellation_fee: 3,
};

/** 3歳児〜5歳児 / 0歳児〜2歳児 by the age on April 1 of the fiscal year of `date`. */
export function ageBandOf(birthDate: string, date: string): AgeBand {
  const age = ageInYears(birthDate, fiscalYearStart(fiscalYearOf(date)));
  return age >= 3 ? (age <= 5 ? 'age3to5' : 'older') : 'age0to2';
}

const lineKey = (l: ClaimLine) => `${l.kind}:${l.activityId ?? l.requestId}:${l.childId ?? ''}`;

function freeChildcareOf(input: ClaimInput, lines: ClaimLine[], monthEnd: string) {
  const endRules = selectSubsidyRules(input.rules, monthEnd);
  const children: FreeChildcareChild[] = [];
  const reimbursedByLine = new Map<string, number>();
  for (const child of [...input.children].sort((a, b) => a.birthDate.localeCompare(b.birthDate))) {
    const band = ageBandOf(child.birthDate, `${input.month}-01`);
    const cap = !endRules
      ? 0
      : band === 'age3to5'
        ? endRules.freeChildcare.capAge3to5
        : band === 'age0to2'
          ? endRules.freeChildcare.capAge0to2TaxExempt
          : 0;
    const own = lines.filter((l) => l.kind === 'fee' && l.childId === child.id);
    const counted: FreeChildcareChild['lines'] = [];
    const excluded: FreeChildcareChild['excluded'] = [];
    let left = cap;
    for (const line of own) {
      const reason = freeChildcareExclusion(input, child, band, line);
      if (reason) {
        excluded.push({ ...line, reason });
        continue;
      }
      const reimbursed = Math.min(line.amount, left);
      left -= reimbursed;
      reimbursedByLine.set(lineKey(line), reimbursed);
      counted.push({ ...line, reimbursed });
    }
    if (own.length === 0) continue;
    children.push({
      child,
      band,
      cap,
      lines: counted,
      excluded,
      eligible: sum(counted.map((l) => l.amount)),
      amount: sum(counted.map((l) => l.reimbursed)),
    });
  }
  return { children, total: sum(children.map((c) => c.amount)), reimbursedByLine };
}

function freeChildcareExclusion(
  input: ClaimInput,
  child: ClaimChild,
  band: AgeBand,
  line: ClaimLine,
): FreeChildcareExclusion | undefined {
  const rules = selectSubsidyRules(input.rules, line.date);
  if (!rules) return 'no_rules';
  if (line.transportOnly) return 'transport_only';
  const certs = input.certifications.filter(
    (c) => c.childId === child.id && isInForce(c, line.date),
  );
  if (certs.length === 0) return 'no_certification';
  if (band === 'older' || (band === 'age0to2' && !certs.some((c) => c.taxExempt)))
    return 'age_band';
  if (rules.freeChildcare.paidFirst && !line.paid) return 'not_paid';
  return undefined;
}

function subsidyExclusion(
  input: ClaimInput,
  category: SubsidyCategory,
  line: ClaimLine,
): SubsidyExclusion | undefined {
  const rules = selectSubsidyRules(input.rules, line.date);
  if (!rules) return 'no_rules';
  const held = input.eligibility.some((e) => e.category === category && isInForce(e, line.date));
  if (!held) return 'not_eligible';
  const rule = categoryRule(rules, category);
  if (!rule.enabled) return 'not_subsidised';
  if (rule.excludeCosts && (line.kind === 'transport_cost' || line.kind === 'meal_cost'))
    return 'cost';
  if (rule.excludeCancellationFees && line.kind === 'cancellation_fee') return 'cancellation_fee';
  if (rule.excludeTransportOnly && line.kind === 'fee' && line.transportOnly)
    return 'transport_only';
  if (rule.paidFirst && !line.paid) return 'not_paid';
  return undefined;
}

function subsidyUnder(
  input: ClaimInput,
  category: SubsidyCategory,
  lines: ClaimLine[],
  reimbursed: Map<string, number>,
  monthEnd: string,
): SubsidyClaim {
  const counted: SubsidyClaim['lines'] = [];
  const excluded: SubsidyClaim['excluded'] = [];
  let scaled = 0;
  for (const line of lines) {
    const reason = subsidyExclusion(input, category, line);
    if (reason) {
      excluded.push({ ...line, reason });
      continue;
    }
    const rule = categoryRule(selectSubsidyRules(input.rules, line.date)!, category);
    const base = line.amount - (reimbursed.get(lineKey(line)) ?? 0);
    const lineScaled =
      rule.basis === 'rate'
        ? base * rule.ratePercent * 60
        : Math.min(base * SCALE, rule.perHourYen * line.minutes * 100);
    scaled += lineScaled;
    counted.push({ ...line, base, subsidy: lineScaled / SCALE });
  }
  const endRules = selectSubsidyRules(input.rules, monthEnd);
  const endRule = endRules ? categoryRule(endRules, category) : undefined;
  const children = new Set(counted.filter((l) => l.kind === 'fee').map((l) => l.childId)).size;
  const cap = !endRule
    ? 0
    : endRule.capPer === 'household'
      ? endRule.monthlyCap
      : endRule.monthlyCap * Math.max(1, children);
  const computed = claimYen(scaled, SCALE);
  return { category, cap, lines: counted, excluded, computed, amount: Math.min(computed, cap) };
}

/** The family's claim for `month`: 無償化 per child and the city's subsidy per household. */
export function buildMonthlyClaim(input: ClaimInput): MonthlyClaim {
  const monthEnd = lastDateOfMonth(input.month);
  const lines = claimLines(input);
  const free = freeChildcareOf(input, lines, monthEnd);
  let best: SubsidyClaim | undefined;
  for (const category of SUBSIDY_CATEGORIES) {
    if (!input.eligibility.some((e) => e.category === category)) continue;
    const claim = subsidyUnder(input, category, lines, free.reimbursedByLine, monthEnd);
    if (claim.lines.length > 0 && (!best || claim.amount > best.amount)) best = claim;
  }
  const subsidy: SubsidyClaim = best ?? {
    category: null,
    cap: 0,
    lines: [],
    excluded: lines.map((l) => ({
      ...l,
      reason: selectSubsidyRules(input.rules, l.date) ? 'not_eligible' : 'no_rules',
    })),
    computed: 0,
    amount: 0,
  };
  return {
    month: input.month,
    freeChildcare: { children: free.children, total: free.total },
    subsidy,
    linesTotal: sum(lines.map((l) => l.amount)),
  };
}
