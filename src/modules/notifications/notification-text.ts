/**
 * How a notification's parameters read: dates and times stored as data ("2026-12-10 17:30",
 * "2026-12-10") are written the way people read them in the reader's language, at the time
 * they read them: 「12月10日(木) 17:30」 / "Thu 10 Dec, 17:30". The year is named only when it
 * is not the reader's current year. Anything else (names, amounts, text already formatted by
 * an older version) is shown as stored.
 */
import { TOKYO, tokyoInstant } from '../../lib/dates.js';
import { dateTimeFormat } from '../../lib/intl.js';
import type { Locale } from '../../../db/schema.js';

const WHEN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayText(date: string, locale: Locale, withYear: boolean): string {
  // en-GB puts a comma after the weekday once the year is named; people write "Tue 5 Jan 2027".
  const day = dateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: TOKYO,
    ...(withYear && locale === 'ja' ? { year: 'numeric' } : {}),
    month: locale === 'ja' ? 'long' : 'short',
    day: 'numeric',
    weekday: 'short',
  }).format(tokyoInstant(date, '12:00'));
  return withYear && locale === 'en' ? `${day} ${date.slice(0, 4)}` : day;
}

/** One parameter value as the reader reads it; `today` is the reader's Tokyo date. */
export function readableParam(
  value: string | number,
  locale: Locale,
  today: string,
): string | number {
  if (typeof value !== 'string') return value;
  const when = WHEN.exec(value);
  const date = when ? value.slice(0, 10) : DATE.test(value) ? value : null;
  if (!date) return value;
  const day = dayText(date, locale, date.slice(0, 4) !== today.slice(0, 4));
  if (!when) return day;
  const time = `${Number(when[4])}:${when[5]}`;
  return locale === 'ja' ? `${day} ${time}` : `${day}, ${time}`;
}

export function readableParams(
  params: Record<string, string | number>,
  locale: Locale,
  today: string,
): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, readableParam(v, locale, today)]),
  );
}
