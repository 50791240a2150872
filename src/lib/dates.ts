import type { Locale } from '../../db/schema.js';
import { dateTimeFormat, numberFormat } from './intl.js';

/**
 * The time kernel. Every business rule (fee bands, holidays, lead times, fiscal and school years,
 * ages) is evaluated in Asia/Tokyo, whatever the process time zone, through the functions below;
 * no other module does date arithmetic. Display formatting uses Intl with `timeZone: TOKYO`.
 *
 * date-fns + @date-fns/tz (TZDate in Asia/Tokyo) is the reference: test/unit/dates.property.test.ts
 * pins every function here to it (leap days, month ends, April 1/2, instants around Tokyo
 * midnight). The functions themselves are integer arithmetic on the fixed +09:00 offset and on
 * day numbers, because they run inside loops (every timestamp of a list, every child of every
 * request the ranking scores, every qualification record of every helper) and TZDate is one to
 * two orders of magnitude slower: bench/dates.bench.ts, figures in docs/performance.md ("Time
 * kernel"). Japan has kept +09:00 without daylight saving time since 1951.
 *
 * Ages follow 民法143条 as the 年齢計算ニ関スル法律 applies it
 * (docs/decisions/2026-12-05-age-and-time-kernel.md): the Nth month or year is completed on the
 * day whose day-of-month is the birth day (応当日); when that month has no such day (born on the
 * 31st, or on February 29), on the first day of the following month.
 */
export const TOKYO = 'Asia/Tokyo';

const TOKYO_OFFSET_MS = 9 * 3_600_000;
export const DAY_MS = 86_400_000;

// --- Instants ↔ Tokyo wall-clock time -----------------------------------------------------------

/**
 * The instant shifted to Tokyo wall-clock time, read in UTC: the fixed-offset fast path. These run
 * for every timestamp of every list the API and pages render; TZDate's offset lookup per call was
 * most of a list's time at city scale (docs/performance.md). bench/dates.bench.ts, 2026-12-05:
 * `tokyoDateOf` 1.2 µs against 23 µs for TZDate + formatISO; date + n days 2.1 against 85 µs;
 * age in years 2.1 against 301 µs.
 */
const tokyoWallClock = (instant: Date | string | number) =>
  new Date(new Date(instant).getTime() + TOKYO_OFFSET_MS).toISOString();

/** The Tokyo calendar date of an instant, as YYYY-MM-DD. */
export function tokyoDateOf(instant: Date | string | number): string {
  return tokyoWallClock(instant).slice(0, 10);
}

/** The Tokyo time of day of an instant, as HH:MM. */
export function tokyoTimeOf(instant: Date | string | number): string {
  return tokyoWallClock(instant).slice(11, 16);
}

/** A Tokyo date and time of day as the ISO instant with +09:00 that API bodies carry. */
export function tokyoIsoOf(date: string, time: string): string {
  return `${date}T${time}:00+09:00`;
}

/** The instant of a Tokyo wall-clock date and time ("2026-04-01", "09:30"). */
export function tokyoInstant(date: string, time = '00:00'): Date {
  return new Date(tokyoIsoOf(date, time));
}

/** ISO-8601 with the +09:00 offset, as API responses use. */
export function toTokyoIso(instant: Date | string): string {
  return `${tokyoWallClock(instant).slice(0, 19)}+09:00`;
}

/** The ISO instants [from, until) covering the Tokyo calendar dates `from` … `to` inclusive. */
export function tokyoDateRange(from: string, to: string): { fromIso: string; untilIso: string } {
  return {
    fromIso: tokyoInstant(from).toISOString(),
    untilIso: tokyoInstant(addDaysToDate(to, 1)).toISOString(),
  };
}

// --- Day numbers: the allocation-free form the hot loops use -----------------------------------

/** Days since 1970-01-01 of the Tokyo calendar date of an epoch-ms instant. */
export function tokyoDayNumber(ms: number): number {
  return Math.floor((ms + TOKYO_OFFSET_MS) / DAY_MS);
}

/** The epoch-ms instant of Tokyo midnight starting day number `day`. */
export function tokyoMidnightMs(day: number): number {
  return day * DAY_MS - TOKYO_OFFSET_MS;
}

/** Day number of a valid 'YYYY-MM-DD'. */
export function dayNumberOf(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** 'YYYY-MM-DD' of a day number (toISOString is UTC by definition: no process time zone). */
export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a day number (1 = Monday … 7 = Sunday); 1970-01-01 was a Thursday. */
export function isoWeekdayOfDayNumber(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

// --- Calendar dates (YYYY-MM-DD) ----------------------------------------------------------------

/** date + n calendar days (date-fns `addDays`). */
export function addDaysToDate(date: string, days: number): string {
  return dateOfDayNumber(dayNumberOf(date) + days);
}

/** Whole calendar days from `from` to `to` (date-fns `differenceInCalendarDays(to, from)`). */
export function daysBetween(from: string, to: string): number {
  return dayNumberOf(to) - dayNumberOf(from);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday (date-fns `getISODay`). */
export function isoWeekdayOf(date: string): number {
  return isoWeekdayOfDayNumber(dayNumberOf(date));
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const pad4 = (n: number) => String(n).padStart(4, '0');

/**
 * date + n calendar months, clamping to the end of a shorter month (date-fns `addMonths`):
 * 2024-01-31 + 1 → 2024-02-29, 2024-02-29 + 12 → 2025-02-28.
 */
export function addMonthsToDate(date: string, months: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

/** The month 'YYYY-MM' n months after `month`. */
export function addMonthsToMonth(month: string, months: number): string {
  return addMonthsToDate(`${month}-01`, months).slice(0, 7);
}

export const nextMonth = (month: string): string => addMonthsToMonth(month, 1);
export const previousMonth = (month: string): string => addMonthsToMonth(month, -1);

/** The last calendar date of a month 'YYYY-MM' (date-fns `endOfMonth`). */
export function lastDateOfMonth(month: string): string {
  return `${month}-${pad2(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7))))}`;
}

// --- Fiscal year (年度): April 1 to March 31, named by its start year ---------------------------

/** The fiscal year containing a Tokyo date. */
export function fiscalYearOf(date: string): number {
  const y = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 4 ? y : y - 1;
}

/** April 1 opening fiscal year `fy`. */
export const fiscalYearStart = (fy: number): string => `${pad4(fy)}-04-01`;

/** March 31 closing fiscal year `fy`. */
export const fiscalYearEnd = (fy: number): string => `${pad4(fy + 1)}-03-31`;

// --- Ages and school years ------------------------------------------------------------------------

/**
 * Age in completed months on `on` (both 'YYYY-MM-DD'; the rule in the header). Born 2025-01-31:
 * 0 months on 2025-02-28, 1 month on 2025-03-01. Negative (floored) when born after `on`.
 * Allocation-free: the candidate ranking calls it for every child of every request.
 */
export function ageInMonths(birthDate: string, on: string): number {
  const months =
    (Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4))) * 12 +
    (Number(on.slice(5, 7)) - Number(birthDate.slice(5, 7)));
  return Number(on.slice(8, 10)) < Number(birthDate.slice(8, 10)) ? months - 1 : months;
}

/**
 * Age in completed years on `on` (date-fns `differenceInYears` when born on or before `on`): a
 * February 29 birthday is reached on March 1 in common years. Always ⌊ageInMonths / 12⌋.
 */
export function ageInYears(birthDate: string, on: string): number {
  return Math.floor(ageInMonths(birthDate, on) / 12);
}

/**
 * The school-year (学年) cohort of a child, named by the fiscal year it is born in: children born
 * April 2 to April 1 of the next year share a grade. An April 1 birthday joins the earlier grade:
 * one legally reaches an age at the end of the day before the birthday (年齢計算ニ関スル法律), and
 * school starts at the first April 1 after reaching six (学校教育法17条).
 */
export function schoolCohortOf(birthDate: string): number {
  const y = Number(birthDate.slice(0, 4));
  return birthDate.slice(5, 10) <= '04-01' ? y - 1 : y;
}

/**
 * The school grade a child is in during the fiscal year of `on`: 1–6 elementary, 7–9 junior high,
 * 0 or less before school.
 */
export function schoolGrade(birthDate: string, on: string): number {
  return fiscalYearOf(on) - schoolCohortOf(birthDate) - 6;
}

/** The last day of a child's school grade `grade`: March 31 closing that fiscal year. */
export function lastDayOfGrade(birthDate: string, grade: number): string {
  return fiscalYearEnd(schoolCohortOf(birthDate) + 6 + grade);
}

/** A strict YYYY-MM-DD check that also rejects impossible dates such as 2026-02-30. */
export function isValidDateString(s: string): boolean {
  // Digit by digit, without a regex or a Date: the qualification engine checks every date it
  // reads, for each of thousands of helpers when the ranking meets a new day. Same answer as
  // `new Date(\`${s}T00:00:00Z\`)` round-tripping (pinned by test/unit/dates.property.test.ts).
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  let year = 0;
  let month = 0;
  let day = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = s.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return false;
    if (i < 4) year = year * 10 + digit;
    else if (i < 7) month = month * 10 + digit;
    else day = day * 10 + digit;
  }
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days =
    month === 2
      ? leap
        ? 29
        : 28
      : month === 4 || month === 6 || month === 9 || month === 11
        ? 30
        : 31;
  return day <= days;
}

// --- Display ------------------------------------------------------------------------------------

/** A calendar month "2026-10" as 「2026年10月」 / "October 2026". */
export function formatMonth(month: string, locale: Locale): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return locale === 'ja'
    ? `${y}年${m}月`
    : dateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(Date.UTC(y, m - 1, 15)),
      );
}
/** A Tokyo calendar date written out in the locale ("2026年10月5日", "5 Oct 2026"), plus `more`. */
const tokyoDateFormat = (locale: Locale, more: Intl.DateTimeFormatOptions) =>
  dateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: TOKYO,
    year: 'numeric',
    month: locale === 'ja' ? 'long' : 'short',
    day: 'numeric',
    ...more,
  });

export function formatDate(instantOrDate: Date | string, locale: Locale): string {
  const d =
    typeof instantOrDate === 'string' && isValidDateString(instantOrDate)
      ? tokyoInstant(instantOrDate)
      : new Date(instantOrDate);
  return tokyoDateFormat(locale, { weekday: 'short' }).format(d);
}

export function formatDateTime(instant: Date | string, locale: Locale): string {
  return tokyoDateFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(instant));
}

export function formatYen(amount: number, locale: Locale): string {
  return numberFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
    style: 'currency',
    currency: 'JPY',
  }).format(amount);
}
