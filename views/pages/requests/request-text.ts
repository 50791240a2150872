import type { CareLocation, Locale, OfferStatus, RequestStatus } from '../../../db/schema.js';
import { displayTime, formatDate, tokyoTimeOf } from '../../format.js';
import type { MessageKey, Translator } from '../../../src/lib/i18n.js';
import { ageInMonths } from '../../../src/modules/members/member-rules.js';

export const statusName = (t: Translator, s: RequestStatus) => t(`req.status.${s}`);
export const offerStatusName = (t: Translator, s: OfferStatus) => t(`offers.status.${s}`);
export const careLocationName = (t: Translator, l: CareLocation) => t(`req.location.${l}`);

/** ISO weekday 1–7 → 月…日 / Mon…Sun. */
export const weekdayName = (t: Translator, d: number) => t(`req.weekday.${d}` as MessageKey);

export function timeRange(t: Translator, startsAt: string, endsAt: string): string {
  return t('req.timeRange', {
    start: displayTime(tokyoTimeOf(startsAt)),
    end: displayTime(tokyoTimeOf(endsAt)),
  });
}

/** "2026年11月25日(水) 13:00〜16:00". */
export function whenText(t: Translator, locale: Locale, startsAt: string, endsAt: string) {
  return `${formatDate(startsAt, locale)} ${timeRange(t, startsAt, endsAt)}`;
}

/** "3時間", "1時間30分", "45分". */
export function durationText(t: Translator, startsAt: string, endsAt: string): string {
  const minutes = Math.round((Date.parse(endsAt) - Date.parse(startsAt)) / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return t('req.duration.minutes', { m });
  if (m === 0) return t('req.duration.hours', { h });
  return t('req.duration.hoursMinutes', { h, m });
}

/** "3歳2か月" on `today` (a Tokyo date). */
export function ageText(t: Translator, birthDate: string, today: string): string {
  const months = Math.max(0, ageInMonths(birthDate, today));
  return t('my.children.age', { years: Math.floor(months / 12), months: months % 12 });
}

/** The time left to answer an offer: "あと5時間20分", "あと2日3時間", or "まもなく締め切り". */
export function timeLeftText(t: Translator, ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return t('offers.left.soon');
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  // Up to two days the hours count ("あと26時間" reads faster than "あと1日2時間").
  if (minutes >= 2 * 1440) return t('offers.left.days', { d: days, h: hours });
  if (minutes >= 60) return t('offers.left.hours', { h: Math.floor(minutes / 60), m: mins });
  return t('offers.left.minutes', { m: mins });
}

/** "月・水・金" / "Mon, Wed, Fri". */
export function weekdaysText(t: Translator, locale: Locale, weekdays: number[]): string {
  return [...weekdays]
    .sort((a, b) => a - b)
    .map((d) => weekdayName(t, d))
    .join(locale === 'ja' ? '・' : ', ');
}
