import { formatDate } from '../../../src/lib/dates.js';
import type { Translator } from '../../../src/lib/i18n.js';
import type { AnnouncementAudience, Locale } from '../../../db/schema.js';

/** An announcement as the pages show it. */
export interface AnnouncementView {
  id: string;
  title: string;
  body: string;
  audience: AnnouncementAudience;
  email: boolean;
  publishedAt: string | null;
  createdAt: string;
  authorName: string | null;
}

export const annAudienceLabel = (t: Translator, a: AnnouncementAudience) => t(`ann.audience.${a}`);

/** 「2026年11月21日(土) 公開」 or 「下書き」. */
export function publishedText(t: Translator, locale: Locale, a: AnnouncementView): string {
  return a.publishedAt
    ? t('ann.publishedOn', { date: formatDate(a.publishedAt, locale) })
    : t('ann.draft');
}
