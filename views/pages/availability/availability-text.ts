import { displayTime } from '../../format.js';
import type { MessageKey, Translator } from '../../../src/lib/i18n.js';

export function displayRange(t: Translator, start: string, end: string): string {
  return t('availability.range', { start: displayTime(start), end: displayTime(end) });
}

export const weekdayKey = (weekday: number) => `availability.weekday.${weekday}` as MessageKey;

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
