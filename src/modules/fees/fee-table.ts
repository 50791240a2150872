import { z } from 'zod';
import { isValidDateString, tokyoDateOf } from '../../lib/dates.js';
import { datedVersionList, versionInForce } from '../../lib/dated-versions.js';

/**
 * The fee table (報酬基準) is a center setting: every rate, band edge and cancellation rule of
 * DOMAIN.md "Activities and fees" is a field here, with DOMAIN's figures as the default. A center
 * keeps a list of tables; each applies from its `validFrom` date (Asia/Tokyo), so a new table
 * never changes the fee of an activity that happened before it.
 */

const INVALID = 'validation.invalid';

/** 'HH:MM', 00:00–23:59. */
const timeOfDay = z.string(INVALID).regex(/^([01]\d|2[0-3]):[0-5]\d$/, INVALID);

/** 'MM-DD' of any year; 02-29 is allowed (it exists in leap years). */
const monthDay = z.string(INVALID).refine(isValidMonthDay, INVALID);

/** Hourly rate per child in whole yen. */
const hourlyYen = z.number(INVALID).int(INVALID).min(0, INVALID).max(100_000, INVALID);

const count = (min: number, max: number) =>
  z.number(INVALID).int(INVALID).min(min, INVALID).max(max, INVALID);

const dayBandSchema = z
  .object({ start: timeOfDay, end: timeOfDay })
  .strict()
  // The weekday day band lies within one calendar day; everything outside it is "other hours".
  .refine((band) => band.start < band.end, { message: INVALID, path: ['end'] });

/**
 * The 病児・緊急対応強化事業's rates (issue #20). Its day is cut at four edges: early
 * [earlyStart, dayStart), day [dayStart, lateStart), late [lateStart, overnightStart), overnight
 * [overnightStart, earlyStart of the next day). Early, late and overnight units cost their own
 * rate whatever the day; a day-band unit costs `sick` in sick-child care, else `emergency` on a
 * weekday and `holiday` on a Saturday, Sunday, national holiday or year-end date.
 */
export const programmeFeesSchema = z
  .object({
    earlyStart: timeOfDay,
    dayStart: timeOfDay,
    lateStart: timeOfDay,
    overnightStart: timeOfDay,
    rates: z
      .object({
        sick: hourlyYen,
        emergency: hourlyYen,
        holiday: hourlyYen,
        early: hourlyYen,
        late: hourlyYen,
        overnight: hourlyYen,
      })
      .strict(),
  })
  .strict()
  .refine(
    (p) => p.earlyStart < p.dayStart && p.dayStart < p.lateStart && p.lateStart < p.overnightStart,
    { message: INVALID, path: ['overnightStart'] },
  );
export type ProgrammeFees = z.output<typeof programmeFeesSchema>;

/** Example figures of a center running the programme; each center sets its own. */
export const DEFAULT_PROGRAMME_FEES: ProgrammeFees = {
  earlyStart: '05:00',
  dayStart: '07:00',
  lateStart: '19:00',
  overnightStart: '22:00',
  rates: { sick: 1000, emergency: 900, holiday: 1000, early: 1100, late: 1100, overnight: 1200 },
};

export const feeTableSchema = z
  .object({
    /** First Tokyo date (YYYY-MM-DD) of activities this table prices. */
    validFrom: z.string(INVALID).refine(isValidDateString, INVALID),
    /** Yen per child per hour, by band. */
    rates: z
      .object({
        weekdayDay: hourlyYen,
        weekdayOther: hourlyYen,
        weekendHoliday: hourlyYen,
        yearEnd: hourlyYen,
        sickChild: hourlyYen,
      })
      .strict(),
    /** Weekday hours charged at `rates.weekdayDay`: [start, end). */
    weekdayDayBand: dayBandSchema,
    /** Year-end holidays (年末年始), inclusive, may wrap the new year; null when not used. */
    yearEnd: z.object({ from: monthDay, to: monthDay }).strict().nullable(),
    /** The activity category charged at `rates.sickChild` at any time (病児・病後児の預かり). */
    sickChildCategory: count(1, 99),
    /** Share of the first child's fee that each further sibling pays, in hundredths (0.5 = half). */
    siblingFactor: z.number(INVALID).min(0, INVALID).max(1, INVALID).refine(isHundredths, INVALID),
    /** Length of one charging unit; a started unit counts in full. */
    unitMinutes: count(1, 240),
    /** Units always charged, however short the activity. */
    minimumUnits: count(1, 48),
    cancellation: z
      .object({
        /** Units of the planned activity charged per child for a same-day requester cancellation. */
        sameDayUnits: count(0, 48),
        /** What a no-show costs: the full planned fee, or only the same-day cancellation fee. */
        noShow: z.enum(['full', 'same_day'], INVALID),
      })
      .strict(),
    /** Rates of programme requests; tables saved before the programme existed take the default. */
    programme: programmeFeesSchema.default(() => structuredClone(DEFAULT_PROGRAMME_FEES)),
  })
  .strict();

export type FeeTable = z.output<typeof feeTableSchema>;

/** The setting value: every table the center has used, each with a distinct `validFrom`. */
export const feeTableListSchema = datedVersionList(feeTableSchema, INVALID);

/** DOMAIN.md's defaults. `validFrom` is early enough to price any activity the system holds. */
export const DEFAULT_FEE_TABLE: FeeTable = {
  validFrom: '2000-01-01',
  rates: {
    weekdayDay: 800,
    weekdayOther: 900,
    weekendHoliday: 900,
    yearEnd: 900,
    sickChild: 1000,
  },
  weekdayDayBand: { start: '07:00', end: '19:00' },
  yearEnd: { from: '12-29', to: '01-03' },
  sickChildCategory: 10,
  siblingFactor: 0.5,
  unitMinutes: 30,
  minimumUnits: 2,
  cancellation: { sameDayUnits: 2, noShow: 'full' },
  programme: DEFAULT_PROGRAMME_FEES,
};

/**
 * Whether a table applies "from the start": the default table's `validFrom` is only a date early
 * enough to price anything, which people should not read as a real date (「2000-01-01から適用」).
 */
export const appliesFromTheStart = (validFrom: string) => validFrom <= DEFAULT_FEE_TABLE.validFrom;

/**
 * The table that prices an activity: the one with the latest `validFrom` on or before the
 * activity's Tokyo date. `activityDate` is a 'YYYY-MM-DD' Tokyo date or the activity's start
 * instant. Undefined when every table starts after the activity (the caller decides what that
 * means; with the default table's early `validFrom` it does not happen).
 */
export function selectFeeTable(
  tables: readonly FeeTable[],
  activityDate: string | Date,
): FeeTable | undefined {
  return versionInForce(
    tables,
    typeof activityDate === 'string' ? activityDate : tokyoDateOf(activityDate),
  );
}

/** Whether a Tokyo date ('YYYY-MM-DD') falls in the table's year-end range. */
export function isYearEndDate(date: string, yearEnd: FeeTable['yearEnd']): boolean {
  if (!yearEnd) return false;
  const md = date.slice(5);
  // A range such as 12-29 → 01-03 wraps the new year; 'MM-DD' strings compare in calendar order.
  return yearEnd.from <= yearEnd.to
    ? md >= yearEnd.from && md <= yearEnd.to
    : md >= yearEnd.from || md <= yearEnd.to;
}

function isValidMonthDay(md: string): boolean {
  // 2000 is a leap year, so 02-29 is accepted and 02-30 is not.
  return /^\d{2}-\d{2}$/.test(md) && isValidDateString(`2000-${md}`);
}

/** Fees are computed in exact integer arithmetic with the factor as a whole percentage. */
function isHundredths(f: number): boolean {
  return Math.abs(f * 100 - Math.round(f * 100)) < 1e-9;
}
