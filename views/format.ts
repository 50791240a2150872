/**
 * How every page writes money, dates and times. Built on the time kernel (src/lib/dates.ts) and
 * the cached Intl formatters (src/lib/intl.ts); pages import from here rather than formatting
 * on their own, so a date reads the same on every page.
 */
import type { Locale } from '../db/schema.js';
import {
  formatDate,
  formatDateTime,
  formatMonth,
  formatYen,
  TOKYO,
  tokyoDateOf,
  tokyoInstant,
  tokyoTimeOf,
} from '../src/lib/dates.js';
import { dateTimeFormat, numberFormat } from '../src/lib/intl.js';

export { formatDate, formatDateTime, formatMonth, tokyoDateOf, tokyoTimeOf };

const intlLocale = (locale: Locale) => (locale === 'ja' ? 'ja-JP' : 'en-GB');

/** A Tokyo date 'YYYY-MM-DD' or an instant, as the instant to format. */
const instantOf = (dateOrInstant: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(dateOrInstant) ? tokyoInstant(dateOrInstant) : new Date(dateOrInstant);

/**
 * Yen as people read it. Whole amounts as the kernel writes them; a fraction (a sibling's half
 * unit, ¥212.5) is shown, not rounded away.
 */
export function yen(amount: number, locale: Locale): string {
  if (Number.isInteger(amount)) return formatYen(amount, locale);
  return numberFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
    style: 'currency',
    currency: 'JPY',
    minimumFractionDigits: 0,
    maximumFractionDigits: 2,
  }).format(amount);
}

/** "09:00" → "9:00": how times are written on Japanese notices and in English alike. */
export const displayTime = (hhmm: string) => hhmm.replace(/^0(\d)/, '$1');

/** "11月25日(水)" / "Wed 25 Nov", for a Tokyo date or an instant. */
export function monthDay(dateOrInstant: string, locale: Locale): string {
  return dateTimeFormat(intlLocale(locale), {
    timeZone: TOKYO,
    month: locale === 'ja' ? 'long' : 'short',
    day: 'numeric',
    weekday: 'short',
  }).format(instantOf(dateOrInstant));
}

/** "11月21日 10:05" / "21 Nov, 10:05": when something was sent or answered. */
export function monthDayTime(instant: string, locale: Locale): string {
  return dateTimeFormat(intlLocale(locale), {
    timeZone: TOKYO,
    month: locale === 'ja' ? 'long' : 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(instant));
}

/** A day within a month already named in the heading: 「25日(水)」 / "Wed 25". */
export function shortDay(date: string, locale: Locale): string {
  return dateTimeFormat(intlLocale(locale), {
    timeZone: TOKYO,
    day: 'numeric',
    weekday: 'short',
  }).format(tokyoInstant(date, '12:00'));
}

/** A calendar date without the weekday (birth dates, the card): 2019年8月15日 / 15 Aug 2019. */
export function plainDate(date: string, locale: Locale): string {
  return dateTimeFormat(intlLocale(locale), {
    timeZone: TOKYO,
    year: 'numeric',
    month: locale === 'ja' ? 'long' : 'short',
    day: 'numeric',
  }).format(tokyoInstant(date));
}

/** "13:00〜16:00" / "13:00–16:00", in Tokyo. */
export function timeRangeText(startsAt: string, endsAt: string, locale: Locale): string {
  return `${tokyoTimeOf(startsAt)}${locale === 'ja' ? '〜' : '–'}${tokyoTimeOf(endsAt)}`;
}

/** An aside in brackets: full-width（…）in Japanese, " (…)" in English. */
export const paren = (locale: Locale, text: string) =>
  locale === 'ja' ? `（${text}）` : ` (${text})`;

/** A phone number in one written form with hyphens (src/lib/search-key.ts). */
export { formatPhone } from '../src/lib/search-key.js';
