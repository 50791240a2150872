/**
 * The time kernel (src/lib/dates.ts) pinned to date-fns + @date-fns/tz in Asia/Tokyo. The node
 * project runs with TZ=America/New_York, so anything reading the process zone (which has DST)
 * would show here. Dates are biased to the edges the rules care about: month ends, February 28/29
 * and March 1, and April 1/2 (fiscal and school years).
 */
import { TZDate } from '@date-fns/tz';
import {
  addDays,
  addMonths,
  addYears,
  differenceInCalendarDays,
  differenceInCalendarMonths,
  differenceInYears,
  formatISO,
  getDate,
  getISODay,
  getMonth,
  getYear,
  startOfDay,
  subMonths,
} from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDaysToDate,
  addMonthsToDate,
  ageInMonths,
  ageInYears,
  dateOfDayNumber,
  dayNumberOf,
  daysBetween,
  fiscalYearEnd,
  fiscalYearOf,
  fiscalYearStart,
  isoWeekdayOf,
  isValidDateString,
  lastDateOfMonth,
  schoolGrade,
  TOKYO,
  tokyoDateOf,
  tokyoDayNumber,
  tokyoInstant,
  tokyoMidnightMs,
  tokyoTimeOf,
  toTokyoIso,
} from '../../src/lib/dates.js';

const RUNS = { numRuns: 500 };
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A calendar date at Tokyo noon (noon: the 1948–51 summer-time switches were at midnight). */
const zoned = (date: string) =>
  new TZDate(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10), 12, TOKYO);
const dateOf = (d: Date) => formatISO(d, { representation: 'date' });

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** Dates from 1940 to 2100 with the edge days and months over-represented. */
const date = fc
  .record({
    y: fc.oneof(fc.integer({ min: 1940, max: 2100 }), fc.constantFrom(2024, 2025, 2028, 2100)),
    m: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constantFrom(1, 2, 3, 4)),
    d: fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constantFrom(1, 2, 28, 29, 30, 31)),
  })
  .map(({ y, m, d }) => `${y}-${pad(m)}-${pad(Math.min(d, daysIn(y, m)))}`);
const orderedPair = fc
  .tuple(date, date)
  .map(([a, b]): [string, string] => (a <= b ? [a, b] : [b, a]));

describe('calendar arithmetic equals date-fns on TZDate (Asia/Tokyo)', () => {
  it('adds days, counts days and names weekdays', () => {
    fc.assert(
      fc.property(date, date, fc.integer({ min: -800, max: 800 }), (a, b, n) => {
        expect(addDaysToDate(a, n)).toBe(dateOf(addDays(zoned(a), n)));
        expect(daysBetween(a, b)).toBe(differenceInCalendarDays(zoned(b), zoned(a)));
        expect(isoWeekdayOf(a)).toBe(getISODay(zoned(a)));
        expect(dateOfDayNumber(dayNumberOf(a))).toBe(a);
      }),
      RUNS,
    );
  });

  it('adds months, clamping to the end of a shorter month', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -60, max: 60 }), (a, n) => {
        expect(addMonthsToDate(a, n)).toBe(dateOf(addMonths(zoned(a), n)));
      }),
      RUNS,
    );
  });

  it('knows the last day of every month', () => {
    fc.assert(
      fc.property(date, (a) => {
        const next = addMonths(zoned(`${a.slice(0, 7)}-01`), 1);
        expect(lastDateOfMonth(a.slice(0, 7))).toBe(dateOf(addDays(next, -1)));
      }),
      RUNS,
    );
  });
});

describe('fiscal year (年度) and school year (学年)', () => {
  it('a fiscal year runs April 1 – March 31 and is named by its start', () => {
    fc.assert(
      fc.property(date, (a) => {
        const fy = fiscalYearOf(a);
        expect(fy).toBe(getYear(subMonths(zoned(a), 3)));
        expect(fiscalYearStart(fy) <= a && a <= fiscalYearEnd(fy)).toBe(true);
      }),
      RUNS,
    );
  });

  it('grade 1 starts at the first April 1 on or after the 6th birthday (学校教育法17条)', () => {
    fc.assert(
      fc.property(date, date, (birth, on) => {
        const sixth = addYears(zoned(birth), 6); // February 29 clamps to the 28th
        const onOrAfterApril1 =
          getMonth(sixth) > 3 || (getMonth(sixth) === 3 && getDate(sixth) > 1);
        const firstGradeYear = getYear(sixth) + (onOrAfterApril1 ? 1 : 0);
        expect(schoolGrade(birth, on)).toBe(fiscalYearOf(on) - firstGradeYear + 1);
      }),
      RUNS,
    );
  });
});

describe('ages: 民法143条 via 年齢計算ニ関スル法律', () => {
  it('completed years equal date-fns differenceInYears (Feb 29 birthdays reached on March 1)', () => {
    fc.assert(
      fc.property(orderedPair, ([birth, on]) => {
        expect(ageInYears(birth, on)).toBe(differenceInYears(zoned(on), zoned(birth)));
      }),
      RUNS,
    );
  });

  it('month N completes on the 応当日, or on the 1st of the next month when there is none', () => {
    fc.assert(
      fc.property(orderedPair, ([birth, on]) => {
        const n = differenceInCalendarMonths(zoned(on), zoned(birth));
        const sameDay = addMonths(zoned(birth), n);
        const completes =
          getDate(sameDay) === getDate(zoned(birth)) ? sameDay : addDays(sameDay, 1);
        const expected = zoned(on) >= completes ? n : n - 1;
        expect(ageInMonths(birth, on)).toBe(expected);
      }),
      RUNS,
    );
  });

  it('years are whole twelves of months, also before birth (negative, floored)', () => {
    fc.assert(
      fc.property(date, date, (birth, on) => {
        expect(ageInYears(birth, on)).toBe(Math.floor(ageInMonths(birth, on) / 12));
      }),
      RUNS,
    );
  });

  it.each([
    ['2025-01-31', '2025-02-28', 0],
    ['2025-01-31', '2025-03-01', 1],
    ['2024-01-31', '2024-02-29', 0],
    ['2024-01-29', '2024-02-29', 1],
    ['2024-02-29', '2025-02-28', 11],
    ['2024-02-29', '2025-03-01', 12],
    ['2024-02-29', '2028-02-29', 48],
  ])('born %s, on %s → %i completed months', (birth, on, months) => {
    expect(ageInMonths(birth, on)).toBe(months);
  });
});

describe('instants in Tokyo, which has no daylight saving time since 1952', () => {
  const aroundTokyoMidnight = fc
    .tuple(date, fc.integer({ min: -3 * 3_600_000, max: 3 * 3_600_000 }))
    .filter(([d]) => d >= '1952-01-01')
    .map(([d, offset]) => Date.parse(`${d}T15:00:00Z`) + offset);

  it('the fixed +09:00 fast path agrees with TZDate around 15:00 UTC', () => {
    fc.assert(
      fc.property(aroundTokyoMidnight, (ms) => {
        const inTokyo = new TZDate(ms, TOKYO);
        expect(inTokyo.getTimezoneOffset()).toBe(-540);
        expect(tokyoDateOf(ms)).toBe(dateOf(inTokyo));
        expect(tokyoTimeOf(ms)).toBe(formatISO(inTokyo, { representation: 'time' }).slice(0, 5));
        expect(toTokyoIso(new Date(ms))).toBe(formatISO(inTokyo).replace(/\.\d+/, ''));
        expect(tokyoDayNumber(ms)).toBe(dayNumberOf(dateOf(inTokyo)));
      }),
      RUNS,
    );
  });

  it('builds the instant of a Tokyo wall time and of a Tokyo midnight as TZDate does', () => {
    fc.assert(
      fc.property(
        date.filter((d) => d >= '1952-01-01'),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (d, h, m) => {
          const wall = new TZDate(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10), h, m, TOKYO);
          expect(tokyoInstant(d, `${pad(h)}:${pad(m)}`).getTime()).toBe(wall.getTime());
          expect(tokyoMidnightMs(dayNumberOf(d))).toBe(startOfDay(wall).getTime());
        },
      ),
      RUNS,
    );
  });

  it('tells a valid YYYY-MM-DD as a Date round trip does', () => {
    // The Date-based definition the digit-by-digit check replaced.
    const byDate = (x: string) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(x)) return false;
      const d = new Date(`${x}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === x;
    };
    const digits = (n: number) => fc.integer({ min: 0, max: 10 ** n - 1 }).map((v) => pad(v, n));
    const shaped = fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`);
    const near = fc.oneof(
      fc.string({ maxLength: 12 }),
      shaped.map((x) => x.replace('-', '/')),
      shaped.map((x) => `${x} `),
      shaped.map((x) => x.slice(1)),
      shaped.map((x) => x.replace(/\d/, 'x')),
    );
    fc.assert(
      fc.property(fc.oneof(date, shaped, near), (x) => {
        expect(isValidDateString(x)).toBe(byDate(x));
      }),
      { numRuns: 5000 },
    );
    for (const x of [
      '0000-02-29',
      '1900-02-29',
      '2000-02-29',
      '2026-04-31',
      '2026-00-10',
      '2026-12-00',
    ])
      expect(isValidDateString(x)).toBe(byDate(x));
  });
});
