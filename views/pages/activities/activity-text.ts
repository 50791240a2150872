import { categoryLabel } from '../../../src/i18n/category-labels.js';
import type { Translator } from '../../../src/lib/i18n.js';
import { displayTime, formatDate, monthDay, tokyoTimeOf } from '../../format.js';
import type { Locale } from '../../../db/schema.js';

export type ActivityStatus = 'reported' | 'confirmed' | 'disputed' | 'returned' | 'approved';

/** 「2026年11月25日(水) 18:30–19:40」 */
export function whenText(startedAt: string, endedAt: string, locale: Locale): string {
  return `${formatDate(startedAt, locale)} ${tokyoTimeOf(startedAt)}–${tokyoTimeOf(endedAt)}`;
}

/** 1時間10分 / 1 h 10 min */
export function duration(t: Translator, minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return t('activities.minutes', { m });
  if (m === 0) return t('activities.hours', { h });
  return t('activities.hoursMinutes', { h, m });
}

export function categoryNames(t: Translator, categories: readonly number[]): string {
  return categories.map((c) => categoryLabel(t, c)).join(t('activities.separator'));
}

/** When a report can be written (the help's end): 「12月10日(木) 17:30」 / "Thu 10 Dec, 17:30". */
export function reportOpensText(endsAt: string, locale: Locale): string {
  const time = displayTime(tokyoTimeOf(endsAt));
  return `${monthDay(endsAt, locale)}${locale === 'ja' ? ' ' : ', '}${time}`;
}
