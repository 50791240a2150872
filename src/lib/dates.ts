import type { Locale } from '../../db/schema.js';
import { dateTimeFormat, numberFormat } from './intl.js';

/**
 * Every business rule (fee bands, holidays, lead times, fiscal years) is evaluated in Asia/Tokyo,
 * whatever the process time zone. Japan has no daylight saving time, so +09:00 is fixed: the
 * helpers below shift by it, and test/unit/dates.test.ts proves them equal to date-fns' TZDate in
 * Asia/Tokyo. Display formatting uses Intl with `timeZone: TOKYO`.
 */
export const TOKYO = 'Asia/Tokyo';

const TOKYO_OFFSET_MS = 9 * 3_600_000;

/**
 * The instant shifted to Tokyo wall-clock time, read in UTC. These three helpers run for every
 * timestamp of every list the API and pages render, and TZDate's offset lookup per call was
 * most of a list's time at city scale (docs/performance.md); Japan's offset has been a fixed
 * +09:00 since 1951, and a property test pins these to the TZDate results.
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

/** The instant of a Tokyo wall-clock date and time ("2026-04-01", "09:30"). */
export function tokyoInstant(date: string, time = '00:00'): Date {
  return new Date(`${date}T${time}:00+09:00`);
}

/** ISO-8601 with the +09:00 offset, as API responses use. */
export function toTokyoIso(instant: Date | string): string {
  return `${tokyoWallClock(instant).slice(0, 19)}+09:00`;
}

/** A calendar month "2026-10" as 「2026年10月」 / "October 2026". */
export function formatMonth(month: string, locale: Locale): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return locale === 'ja'
    ? `${y}年${m}月`
    : dateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(Date.UTC(y, m - 1, 15)),
      );
}

/** The fiscal year (年度) containing a Tokyo date: April 1 to March 31, named by its start year. */
export function fiscalYearOf(date: string): number {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m >= 4 ? y : y - 1;
}

/** Calendar arithmetic on YYYY-MM-DD strings (no time zone involved: UTC noon as a carrier). */
export function addDaysToDate(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekdayOf(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** A strict YYYY-MM-DD check that also rejects impossible dates such as 2026-02-30. */
export function isValidDateString(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function formatDate(instantOrDate: Date | string, locale: Locale): string {
  const d =
    typeof instantOrDate === 'string' && isValidDateString(instantOrDate)
      ? tokyoInstant(instantOrDate)
      : new Date(instantOrDate);
  return dateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: TOKYO,
    year: 'numeric',
    month: locale === 'ja' ? 'long' : 'short',
    day: 'numeric',
    weekday: 'short',
  }).format(d);
}

export function formatDateTime(instant: Date | string, locale: Locale): string {
  return dateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: TOKYO,
    year: 'numeric',
    month: locale === 'ja' ? 'long' : 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(instant));
}

export function formatYen(amount: number, locale: Locale): string {
  return numberFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
    style: 'currency',
    currency: 'JPY',
  }).format(amount);
}
