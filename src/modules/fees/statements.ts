import {
  ageInYears,
  fiscalYearOf,
  fiscalYearStart,
  nextMonth,
  previousMonth,
  tokyoDateOf,
  tokyoInstant,
} from '../../lib/dates.js';
import type { StoredChildTotal } from './fee-lines.js';

/**
 * Monthly statements (利用明細) and the rules of the free-childcare reimbursement
 * (幼児教育・保育の無償化), pure: no database, no clock.
 *
 * What counts: APPROVED activities only (the parent confirmed them, or staff resolved a dispute,
 * and staff approved). Reported, confirmed-but-not-yet-approved, disputed and returned reports
 * are listed as "not final yet" and add nothing. A month is the Tokyo calendar month of the
 * activity's actual start; a cancellation belongs to the month of its planned start.
 *
 * Per child, each activity's amount (the child's rounded share of the fee: the first child at
 * the full rate, siblings at the sibling rate) is one of:
 * - `reimbursable_care`: care time of a child of 3歳児〜5歳児 (年少〜年長: aged 3, 4 or 5 on April 1
 *   of the fiscal year), when the activity is not transport-only;
 * - `care`: care time of a younger or older child (not reimbursable);
 * - `transport_only`: every category of the activity is a transport category (1 保育施設等までの
 *   送迎, 5 習い事等への送迎). An activity that combines transport with any care category counts
 *   wholly as care: the report does not say how its time divides.
 * Transport and meal costs (実費) and cancellation fees are per family, never reimbursable.
 * The monthly cap (¥37,000 per child) is applied to the reimbursable care amount; whether the
 * child holds the certification (施設等利用給付認定) is for the municipality to check.
 */

export const FREE_CHILDCARE_MONTHLY_CAP = 37_000;
/** The transport-only codes before they became data (help_category.transport_only, 0027). */
export const TRANSPORT_CATEGORIES: readonly number[] = [1, 5];

/** 'YYYY-MM' with a real month. */
export function isValidMonth(month: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
}

/** The UTC instants bounding a Tokyo calendar month: [from, to). */
export function monthRange(month: string): { from: string; to: string } {
  return {
    from: tokyoInstant(`${month}-01`).toISOString(),
    to: tokyoInstant(`${nextMonth(month)}-01`).toISOString(),
  };
}

/** The Tokyo month ('YYYY-MM') of an instant. */
export function monthOf(instant: Date | string): string {
  return tokyoDateOf(instant).slice(0, 7);
}

/** Re-exported for this module's callers; the kernel owns month arithmetic. */
export { nextMonth, previousMonth };

/**
 * Reports are due by `dueDay` of the month after the activity (inclusive, Tokyo). Returns the
 * instant before which a planned activity must have ended for its report to be overdue at `now`:
 * on the 11th (with the default 10) that is the 1st of the current month.
 */
export function overdueCutoff(now: Date, dueDay: number): string {
  const today = tokyoDateOf(now);
  const day = Number(today.slice(8, 10));
  const month = today.slice(0, 7);
  return monthRange(day > dueDay ? month : previousMonth(month)).from;
}

/** The last day a report of an activity that ended at `endedAt` is due (Tokyo date). */
export function reportDueDate(endedAt: Date | string, dueDay: number): string {
  return `${nextMonth(monthOf(endedAt))}-${String(dueDay).padStart(2, '0')}`;
}

/** `transportCodes`: the codes flagged transport-only (help_category); the old fixed ones by default. */
export function isTransportOnly(
  categories: readonly number[],
  transportCodes: readonly number[] = TRANSPORT_CATEGORIES,
): boolean {
  return categories.length > 0 && categories.every((c) => transportCodes.includes(c));
}

/** 3歳児〜5歳児: aged 3 to 5 on April 1 of the fiscal year containing `date` (YYYY-MM-DD). */
export function isFreeChildcareAge(birthDate: string, date: string): boolean {
  const age = ageInYears(birthDate, fiscalYearStart(fiscalYearOf(date)));
  return age >= 3 && age <= 5;
}

export interface StatementChild {
  id: string;
  name: string;
  birthDate: string;
}

/** An approved activity's times, categories and charges, as statements and subsidy claims read it. */
export interface ChargedActivity {
  id: string;
  startedAt: string;
  endedAt: string;
  categories: number[];
  transportCost: number;
  mealCost: number;
  childTotals: StoredChildTotal[];
}

export interface StatementActivity extends ChargedActivity {
  feeTotal: number;
  childIds: string[];
  helperName: string;
}

export interface StatementCancellation {
  requestId: string;
  startsAt: string;
  amount: number;
}

export type CareKind = 'reimbursable_care' | 'care' | 'transport_only';

export interface ChildStatementLine {
  activityId: string;
  date: string;
  startedAt: string;
  endedAt: string;
  /** Actual minutes of the activity. */
  minutes: number;
  kind: CareKind;
  amount: number;
}

export interface AmountAndTime {
  count: number;
  minutes: number;
  amount: number;
}

export interface ChildStatement {
  child: StatementChild;
  /** 3歳児〜5歳児 in this month's fiscal year. */
  freeChildcareAge: boolean;
  lines: ChildStatementLine[];
  reimbursableCare: AmountAndTime;
  otherCare: AmountAndTime;
  transportOnly: AmountAndTime;
  total: number;
  /** The reimbursable care amount up to the monthly cap. */
  reimbursableWithinCap: number;
  cap: number;
}

export interface CostLine {
  activityId: string;
  date: string;
  transportCost: number;
  mealCost: number;
}

export interface RequesterStatement {
  month: string;
  children: ChildStatement[];
  costs: { lines: CostLine[]; transport: number; meal: number; total: number };
  cancellations: { lines: (StatementCancellation & { date: string })[]; total: number };
  /** Care and transport fees of every child. */
  feesTotal: number;
  /** Everything the family paid this month: fees + costs + cancellation fees. */
  grandTotal: number;
}

const minutesBetween = (from: string, to: string) =>
  Math.round((Date.parse(to) - Date.parse(from)) / 60_000);

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function tally(lines: ChildStatementLine[], kind: CareKind): AmountAndTime {
  const own = lines.filter((l) => l.kind === kind);
  return {
    count: own.length,
    minutes: sum(own.map((l) => l.minutes)),
    amount: sum(own.map((l) => l.amount)),
  };
}

/**
 * A requester's statement for `month` from its approved activities (the caller filters) and its
 * cancellations with a fee. `children` are the family's children (any order).
 */
export function buildRequesterStatement(input: {
  month: string;
  children: StatementChild[];
  activities: StatementActivity[];
  cancellations: StatementCancellation[];
  /** The codes flagged transport-only (help_category); the old fixed ones when not given. */
  transportCategories?: readonly number[];
}): RequesterStatement {
  const monthStart = `${input.month}-01`;
  const activities = [...input.activities].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  const children: ChildStatement[] = [];
  const sortedChildren = [...input.children].sort((a, b) =>
    a.birthDate === b.birthDate ? a.id.localeCompare(b.id) : a.birthDate.localeCompare(b.birthDate),
  );
  for (const child of sortedChildren) {
    const freeChildcareAge = isFreeChildcareAge(child.birthDate, monthStart);
    const lines: ChildStatementLine[] = [];
    for (const a of activities) {
      if (!a.childIds.includes(child.id)) continue;
      const share = a.childTotals.find((c) => c.childId === child.id)?.amount ?? 0;
      const kind: CareKind = isTransportOnly(a.categories, input.transportCategories)
        ? 'transport_only'
        : freeChildcareAge
          ? 'reimbursable_care'
          : 'care';
      lines.push({
        activityId: a.id,
        date: tokyoDateOf(a.startedAt),
        startedAt: a.startedAt,
        endedAt: a.endedAt,
        minutes: minutesBetween(a.startedAt, a.endedAt),
        kind,
        amount: share,
      });
    }
    if (lines.length === 0) continue;
    const reimbursableCare = tally(lines, 'reimbursable_care');
    children.push({
      child,
      freeChildcareAge,
      lines,
      reimbursableCare,
      otherCare: tally(lines, 'care'),
      transportOnly: tally(lines, 'transport_only'),
      total: sum(lines.map((l) => l.amount)),
      reimbursableWithinCap: Math.min(reimbursableCare.amount, FREE_CHILDCARE_MONTHLY_CAP),
      cap: FREE_CHILDCARE_MONTHLY_CAP,
    });
  }
  const costLines = activities
    .filter((a) => a.transportCost > 0 || a.mealCost > 0)
    .map((a) => ({
      activityId: a.id,
      date: tokyoDateOf(a.startedAt),
      transportCost: a.transportCost,
      mealCost: a.mealCost,
    }));
  const transport = sum(costLines.map((c) => c.transportCost));
  const meal = sum(costLines.map((c) => c.mealCost));
  const cancellationLines = [...input.cancellations]
    .filter((c) => c.amount > 0)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .map((c) => ({ ...c, date: tokyoDateOf(c.startsAt) }));
  const cancellationTotal = sum(cancellationLines.map((c) => c.amount));
  const feesTotal = sum(activities.map((a) => a.feeTotal));
  return {
    month: input.month,
    children,
    costs: { lines: costLines, transport, meal, total: transport + meal },
    cancellations: { lines: cancellationLines, total: cancellationTotal },
    feesTotal,
    grandTotal: feesTotal + transport + meal + cancellationTotal,
  };
}

export interface HelperSummaryActivity {
  id: string;
  startedAt: string;
  endedAt: string;
  requesterName: string;
  childCount: number;
  feeTotal: number;
  transportCost: number;
  mealCost: number;
}

export interface HelperSummary {
  month: string;
  count: number;
  minutes: number;
  fees: number;
  transport: number;
  meal: number;
  /** What the helper received from families: fees plus costs at cost. */
  total: number;
  lines: (HelperSummaryActivity & { date: string; minutes: number; total: number })[];
}

/** A helper's monthly summary of approved activities and the amounts received. */
export function buildHelperSummary(
  month: string,
  activities: HelperSummaryActivity[],
): HelperSummary {
  const lines = [...activities]
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
    .map((a) => ({
      ...a,
      date: tokyoDateOf(a.startedAt),
      minutes: minutesBetween(a.startedAt, a.endedAt),
      total: a.feeTotal + a.transportCost + a.mealCost,
    }));
  const fees = sum(lines.map((l) => l.feeTotal));
  const transport = sum(lines.map((l) => l.transportCost));
  const meal = sum(lines.map((l) => l.mealCost));
  return {
    month,
    count: lines.length,
    minutes: sum(lines.map((l) => l.minutes)),
    fees,
    transport,
    meal,
    total: fees + transport + meal,
    lines,
  };
}

/** The months a member can look back on, newest first ('YYYY-MM'), ending with `month`. */
export function recentMonths(month: string, count: number): string[] {
  const out = [month];
  while (out.length < count) out.push(previousMonth(out.at(-1)!));
  return out;
}
