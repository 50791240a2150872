import { MINUTE } from '../../lib/clock.js';
import { isoWeekdayOf, tokyoDateOf, tokyoTimeOf } from '../../lib/dates.js';
import { AppError } from '../../lib/errors.js';
import { isNationalHoliday } from '../../lib/holidays.js';
import { isYearEndDate, type FeeTable } from './fee-table.js';

/**
 * The fee engine of DOMAIN.md "Activities and fees": pure, no database, no clock.
 *
 * - The time from start to end is cut into units of `unitMinutes` laid from the start; a started
 *   unit counts, and at least `minimumUnits` are charged. The minimum units are laid from the
 *   start like any other, so a 10-minute activity at 18:45 is charged 18:45 (day) + 19:15 (other).
 * - Each unit costs `rate × unitMinutes / 60` for the band in which the unit BEGINS, evaluated in
 *   Asia/Tokyo. A unit that starts at 18:59 is a day unit; one that starts at 23:30 on the day
 *   before a holiday is a weekday unit, the next one (00:00) a holiday unit.
 * - Band precedence: sick-child category (any time) > year-end range > Saturday, Sunday or
 *   national holiday > weekday day band > weekday other hours.
 * - A request of the sick-child and emergency programme (issue #20) is priced by the programme's
 *   bands instead (`programmeBandAt`), and its lines are split at each Tokyo midnight, so an
 *   overnight activity shows which part fell on which day.
 * - The first child pays the full rate, each further sibling `siblingFactor` of it.
 * - Amounts are summed per child and rounded to the yen (half up) only at the end; the total is
 *   the sum of the rounded per-child amounts. The sums are done on integers (yen × minutes ×
 *   percent) so no binary floating-point error can move a half-yen.
 *
 * Invalid input (end not after start, an invalid Date, a child count that is not a positive
 * integer) throws a `FeeInputError`: an `AppError` 400 with code `invalid_activity_period`,
 * `invalid_child_count` or `invalid_cancelled_at`, so an unvalidated value that reaches the engine
 * still becomes a clean 400, never a 500. Callers are expected to validate first.
 */

export type FeeBand =
  | 'weekday_day'
  | 'weekday_other'
  | 'weekend_holiday'
  | 'year_end'
  | 'sick_child'
  // The sick-child and emergency programme's bands (issue #20; fee-table.ts ProgrammeFees).
  | 'programme_sick'
  | 'programme_emergency'
  | 'programme_holiday'
  | 'programme_early'
  | 'programme_late'
  | 'programme_overnight';

/** A request of the sick-child and emergency programme is priced by the programme's bands. */
export type ProgrammeKind = 'sick' | 'emergency';

/** One child × one run of consecutive units in the same band. */
export interface FeeLine {
  /** 0 is the first (full-rate) child; 1, 2… are siblings. */
  childIndex: number;
  band: FeeBand;
  /** Start of the first unit. */
  from: Date;
  /** End of the last charged unit (may lie after the actual end: a started unit counts). */
  to: Date;
  /** Charged minutes: units × unitMinutes. */
  minutes: number;
  units: number;
  /** Hourly rate applied to this child, sibling factor included (may be fractional, e.g. 425.5). */
  rate: number;
  /** Exact, unrounded amount of this line; only the per-child sum is rounded. */
  amount: number;
}

export interface FeeQuote {
  /** Integer yen: the sum of `childTotals`. */
  total: number;
  /** Integer yen per child (index = childIndex), as per-child statements need them. */
  childTotals: number[];
  lines: FeeLine[];
}

export interface PlannedActivity {
  startsAt: Date;
  endsAt: Date;
  childCount: number;
  category: number;
  /** Set for a programme request: its bands replace the ordinary ones, lines split per day. */
  programme?: ProgrammeKind | null | undefined;
}

export interface QuoteFeeInput extends PlannedActivity {
  table: FeeTable;
}

export type CancelledBy = 'requester' | 'helper' | 'staff';
export type CancellationKind = 'cancel' | 'no_show' | 'weather';
export type CancellationRule = 'free' | 'same_day' | 'no_show' | 'not_charged';

export interface CancellationFeeInput {
  planned: PlannedActivity;
  cancelledAt: Date;
  cancelledBy: CancelledBy;
  kind: CancellationKind;
  table: FeeTable;
}

export interface CancellationFee {
  /** Integer yen. */
  amount: number;
  rule: CancellationRule;
  childTotals: number[];
  lines: FeeLine[];
}

export type FeeInputErrorCode =
  'invalid_activity_period' | 'invalid_child_count' | 'invalid_cancelled_at';

export class FeeInputError extends AppError {
  constructor(code: FeeInputErrorCode) {
    super(400, code, 'error.invalid_input');
    this.name = 'FeeInputError';
  }
}

/** The fee of an activity (actual or planned). Throws `FeeInputError` on invalid input. */
export function quoteFee(input: QuoteFeeInput): FeeQuote {
  const { table, childCount } = input;
  return priceUnits(chargeableUnits(input, table), childCount, table);
}

/**
 * What a cancellation costs the requester:
 * - `not_charged`: the helper or the center cancelled, or a weather warning stopped it;
 * - `no_show`: the requester did not turn up (full planned fee, or the same-day fee by setting);
 * - `free`: the requester cancelled before the Tokyo calendar day of the planned start;
 * - `same_day`: the requester cancelled on that day or later: the first `sameDayUnits` units of
 *   the planned activity per child (never more than the planned units), at the planned bands.
 */
export function cancellationFee(input: CancellationFeeInput): CancellationFee {
  const { planned, cancelledAt, cancelledBy, kind, table } = input;
  const units = chargeableUnits(planned, table);
  if (!isValidInstant(cancelledAt)) throw new FeeInputError('invalid_cancelled_at');

  const { childCount } = planned;
  if (kind === 'weather' || cancelledBy !== 'requester') {
    return nothingCharged('not_charged', childCount);
  }
  const sameDayUnits = units.slice(0, table.cancellation.sameDayUnits);
  if (kind === 'no_show') {
    const charged = table.cancellation.noShow === 'full' ? units : sameDayUnits;
    return withRule('no_show', priceUnits(charged, childCount, table));
  }
  // 'YYYY-MM-DD' strings compare in calendar order.
  if (tokyoDateOf(cancelledAt) < tokyoDateOf(planned.startsAt)) {
    return nothingCharged('free', childCount);
  }
  return withRule('same_day', priceUnits(sameDayUnits, childCount, table));
}

interface Unit {
  start: Date;
  band: FeeBand;
  /** The Tokyo date of a programme unit ('' otherwise): a run never spans two days then. */
  date: string;
}

/** The units charged for an activity, each with the band in which it begins. */
function chargeableUnits(activity: PlannedActivity, table: FeeTable): Unit[] {
  assertValidActivity(activity);
  const unitMs = table.unitMinutes * 60_000;
  const startMs = activity.startsAt.getTime();
  const durationMs = activity.endsAt.getTime() - startMs;
  const count = Math.max(table.minimumUnits, Math.ceil(durationMs / unitMs));
  return Array.from({ length: count }, (_, i) => {
    const start = new Date(startMs + i * unitMs);
    const band = activity.programme
      ? programmeBandAt(start, activity.programme, table)
      : bandAt(start, activity.category, table);
    return { start, band, date: activity.programme ? tokyoDateOf(start) : '' };
  });
}

function assertValidActivity({ startsAt, endsAt, childCount }: PlannedActivity): void {
  if (!isValidInstant(startsAt) || !isValidInstant(endsAt) || endsAt <= startsAt) {
    throw new FeeInputError('invalid_activity_period');
  }
  if (!Number.isSafeInteger(childCount) || childCount < 1) {
    throw new FeeInputError('invalid_child_count');
  }
}

function isValidInstant(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/** The band of the unit beginning at `instant`, read on the Tokyo calendar and clock. */
function bandAt(instant: Date, category: number, table: FeeTable): FeeBand {
  if (category === table.sickChildCategory) return 'sick_child';
  const date = tokyoDateOf(instant);
  if (isYearEndDate(date, table.yearEnd)) return 'year_end';
  if (isWeekend(date) || isNationalHoliday(date)) return 'weekend_holiday';
  // 'HH:MM' strings compare in clock order.
  const time = tokyoTimeOf(instant);
  const { start, end } = table.weekdayDayBand;
  return time >= start && time < end ? 'weekday_day' : 'weekday_other';
}

/**
 * The programme band of the unit beginning at `instant`: early, late and overnight by the time
 * of day alone; the day band by the kind of care and, for emergency care, the kind of day.
 */
function programmeBandAt(instant: Date, kind: ProgrammeKind, table: FeeTable): FeeBand {
  const p = table.programme;
  const time = tokyoTimeOf(instant);
  if (time >= p.overnightStart || time < p.earlyStart) return 'programme_overnight';
  if (time < p.dayStart) return 'programme_early';
  if (time >= p.lateStart) return 'programme_late';
  if (kind === 'sick') return 'programme_sick';
  const date = tokyoDateOf(instant);
  const holiday = isYearEndDate(date, table.yearEnd) || isWeekend(date) || isNationalHoliday(date);
  return holiday ? 'programme_holiday' : 'programme_emergency';
}

/** Saturday or Sunday, from the calendar date alone. */
function isWeekend(date: string): boolean {
  return isoWeekdayOf(date) >= 6;
}

/** Each programme band's rate in `table.programme.rates`. */
const PROGRAMME_RATE = {
  programme_sick: 'sick',
  programme_emergency: 'emergency',
  programme_holiday: 'holiday',
  programme_early: 'early',
  programme_late: 'late',
  programme_overnight: 'overnight',
} as const satisfies Record<Exclude<FeeBand, OrdinaryBand>, keyof FeeTable['programme']['rates']>;
type OrdinaryBand = 'weekday_day' | 'weekday_other' | 'weekend_holiday' | 'year_end' | 'sick_child';

function hourlyRate(band: FeeBand, table: FeeTable): number {
  const { rates } = table;
  switch (band) {
    case 'weekday_day':
      return rates.weekdayDay;
    case 'weekday_other':
      return rates.weekdayOther;
    case 'weekend_holiday':
      return rates.weekendHoliday;
    case 'year_end':
      return rates.yearEnd;
    case 'sick_child':
      return rates.sickChild;
    default:
      return table.programme.rates[PROGRAMME_RATE[band]];
  }
}

interface Run {
  band: FeeBand;
  date: string;
  from: Date;
  units: number;
}

/** Consecutive units of the same band (and, in the programme, the same day), in order. */
function runsOf(units: readonly Unit[]): Run[] {
  const runs: Run[] = [];
  for (const unit of units) {
    const last = runs.at(-1);
    if (last && last.band === unit.band && last.date === unit.date) last.units += 1;
    else runs.push({ band: unit.band, date: unit.date, from: unit.start, units: 1 });
  }
  return runs;
}

/** Sibling factor as a whole percentage (the schema allows hundredths only). */
function childPercent(childIndex: number, table: FeeTable): number {
  return childIndex === 0 ? 100 : Math.round(table.siblingFactor * 100);
}

/** yen·minutes·percent → yen, as an exact division. */
const PER_YEN = 60 * 100;

function priceUnits(units: readonly Unit[], childCount: number, table: FeeTable): FeeQuote {
  const runs = runsOf(units);
  const lines: FeeLine[] = [];
  const childTotals: number[] = [];
  for (let childIndex = 0; childIndex < childCount; childIndex++) {
    const percent = childPercent(childIndex, table);
    let scaled = 0; // integer yen × minutes × percent
    for (const run of runs) {
      const hourly = hourlyRate(run.band, table);
      const minutes = run.units * table.unitMinutes;
      const lineScaled = hourly * minutes * percent;
      scaled += lineScaled;
      lines.push({
        childIndex,
        band: run.band,
        // Fresh Date objects: lines of different children must not share a mutable instance.
        from: new Date(run.from.getTime()),
        to: new Date(run.from.getTime() + minutes * 60_000),
        minutes,
        units: run.units,
        rate: (hourly * percent) / 100,
        amount: lineScaled / PER_YEN,
      });
    }
    childTotals.push(roundHalfUp(scaled, PER_YEN));
  }
  return { total: childTotals.reduce((a, b) => a + b, 0), childTotals, lines };
}

/** Rounds the non-negative fraction numerator / denominator to the nearest integer, half up. */
function roundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

function withRule(rule: CancellationRule, quote: FeeQuote): CancellationFee {
  return { amount: quote.total, rule, childTotals: quote.childTotals, lines: quote.lines };
}

function nothingCharged(rule: 'free' | 'not_charged', childCount: number): CancellationFee {
  return { amount: 0, rule, childTotals: Array<number>(childCount).fill(0), lines: [] };
}

export interface MinimumCharge {
  /** How long the help took, in whole minutes (a started minute counts). */
  actualMinutes: number;
  /** The time always charged: minimumUnits × unitMinutes. */
  minimumMinutes: number;
}

/**
 * The minimum charge (at least `minimumUnits` units, DOMAIN.md) when it is what prices an
 * activity: the activity was shorter than the minimum, so the fee lines cover more time than the
 * help took. Null when the activity lasted the minimum or longer (then only the rounding up of a
 * started unit can add minutes, which the line times already show).
 */
export function minimumChargeOf(
  table: Pick<FeeTable, 'unitMinutes' | 'minimumUnits'>,
  period: { startsAt: Date; endsAt: Date },
): MinimumCharge | null {
  const minimumMinutes = table.unitMinutes * table.minimumUnits;
  const actualMinutes = Math.ceil((period.endsAt.getTime() - period.startsAt.getTime()) / MINUTE);
  if (!(actualMinutes > 0) || actualMinutes >= minimumMinutes) return null;
  return { actualMinutes, minimumMinutes };
}
