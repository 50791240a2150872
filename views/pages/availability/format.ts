import type { Locale } from '../../../db/schema.js';
import { TOKYO, tokyoInstant } from '../../../src/lib/dates.js';
import type { MessageKey, Translator } from '../../../src/lib/i18n.js';
import { dateTimeFormat } from '../../../src/lib/intl.js';

/** "09:00" → "9:00": how times are written on Japanese notices and in English alike. */
export function displayTime(hhmm: string): string {
  return hhmm.replace(/^0(\d)/, '$1');
}

export function displayRange(t: Translator, start: string, end: string): string {
  return t('availability.range', { start: displayTime(start), end: displayTime(end) });
}

export const weekdayKey = (weekday: number) => `availability.weekday.${weekday}` as MessageKey;

/** "11月23日(月)" / "Mon 23 Nov" for a Tokyo date 'YYYY-MM-DD'. */
export function formatMonthDay(date: string, locale: Locale): string {
  return dateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: TOKYO,
    month: locale === 'ja' ? 'long' : 'short',
    day: 'numeric',
    weekday: 'short',
  }).format(tokyoInstant(date));
}

/** An exception's hours in words: all day, "13:00〜15:00", "15:00から", "12:00まで". */
export function describeExceptionHours(
  t: Translator,
  ex: { start: string | null; end: string | null },
): string {
  if (!ex.start && !ex.end) return t('availability.exceptions.wholeDay');
  if (ex.start && ex.end) return displayRange(t, ex.start, ex.end);
  if (ex.start) return t('availability.exceptions.from', { start: displayTime(ex.start) });
  return t('availability.exceptions.until', { end: displayTime(ex.end ?? '') });
}
