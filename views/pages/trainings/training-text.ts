import { formatDate, paren, tokyoTimeOf } from '../../format.js';
import type { ModuleView, RecordView } from '../../../src/modules/trainings/trainings.views.js';
import type { Translator } from '../../../src/lib/i18n.js';
import type { Locale } from '../../../db/schema.js';

export const moduleTitle = (locale: Locale, m: Pick<ModuleView, 'titleJa' | 'titleEn'>) =>
  locale === 'ja' ? m.titleJa : m.titleEn;

/** Hours without a trailing ".0": 2, 1.5. */
export const hoursText = (t: Translator, hours: number) =>
  t('training.hours', { hours: String(Math.round(hours * 100) / 100) });

/** "2026年12月5日(土) 10:00〜12:00". */
export function sessionWhen(
  t: Translator,
  locale: Locale,
  s: { startsAt: string; endsAt: string },
): string {
  return `${formatDate(s.startsAt, locale)} ${t('training.timeRange', {
    start: tokyoTimeOf(s.startsAt),
    end: tokyoTimeOf(s.endsAt),
  })}`;
}

/** Validity of a record in words: "Valid until …", "Expired", "No expiry". */
export function validityText(
  t: Translator,
  locale: Locale,
  r: Pick<RecordView, 'completedOn' | 'expiresOn' | 'status'>,
  today: string,
): { text: string; valid: boolean } {
  if (r.completedOn > today)
    return {
      text: t('training.notYet', { date: formatDate(r.completedOn, locale) }),
      valid: false,
    };
  if (r.expiresOn === null) return { text: t('training.noExpiry'), valid: true };
  if (r.expiresOn < today)
    return {
      text: `${t('training.expired')}${paren(locale, formatDate(r.expiresOn, locale))}`,
      valid: false,
    };
  return { text: t('training.validUntil', { date: formatDate(r.expiresOn, locale) }), valid: true };
}
