import { QUICK_OFFER_SIZE } from '../../../src/modules/matching/ranking.js';
import { formatDate, monthDay, timeRangeText } from '../../format.js';
import { areaName } from '../../../src/i18n/area-labels.js';
import type { MessageKey, Translator } from '../../../src/lib/i18n.js';
import type { Area } from '../../../src/modules/settings/settings.schemas.js';
import type { Locale } from '../../../db/schema.js';

/** "11月25日(水) 13:00〜16:00". */
export function whenText(startsAt: string, endsAt: string, locale: Locale): string {
  return `${monthDay(startsAt, locale)} ${timeRangeText(startsAt, endsAt, locale)}`;
}

/** "3歳", "1歳6か月", "8か月" from completed months. */
export function ageText(t: Translator, months: number): string {
  const m = Math.max(0, months);
  const years = Math.floor(m / 12);
  const rest = m % 12;
  if (years === 0) return t('coord.age.months', { months: rest });
  return years < 3 && rest > 0
    ? t('coord.age.yearsMonths', { years, months: rest })
    : t('coord.age.years', { years });
}

export const ageListText = (t: Translator, months: number[]) =>
  months.map((m) => ageText(t, m)).join(t('coord.ageList.separator'));

/**
 * The quick offer's button says how many it will ask: 「次の2人に紹介」 when only two are left, not
 * 「次の3人」. `fresh` null (not counted on the board): at most QUICK_OFFER_SIZE.
 */
export function quickOfferLabel(t: Translator, asked: boolean, fresh: number | null): string {
  if (fresh === null)
    return t(asked ? 'coord.action.nextUpTo' : 'coord.action.topUpTo', { count: QUICK_OFFER_SIZE });
  const count = Math.min(fresh, QUICK_OFFER_SIZE);
  if (count === 1) return t(asked ? 'coord.action.nextOne' : 'coord.action.topOne');
  return t(asked ? 'coord.action.nextN' : 'coord.action.topN', { count });
}

/**
 * The children's ages said to be theirs: 「お子さん 6歳・3歳」, so that next to the parent's name
 * they are not read as her age (「加藤 恵さん（6歳）」). Empty when there are none.
 */
export const childAgesText = (t: Translator, months: number[]) =>
  months.length === 0
    ? ''
    : t(months.length === 1 ? 'coord.childAge' : 'coord.childAges', {
        ages: ageListText(t, months),
      });

/** "あと30時間" (or minutes within the hour). */
export function startsInText(t: Translator, startsAt: string, nowIso: string): string {
  const ms = Date.parse(startsAt) - Date.parse(nowIso);
  if (ms <= 0) return t('coord.startsIn.started');
  const minutes = Math.floor(ms / 60_000);
  return minutes < 60
    ? t('coord.startsIn.minutes', { minutes })
    : t('coord.startsIn.hours', { hours: Math.floor(minutes / 60) });
}

export interface ReasonView {
  code: string;
  params?: Readonly<Record<string, string | number>> | undefined;
}

const num = (v: string | number | undefined) => (typeof v === 'number' ? v : Number(v ?? 0));

/** A candidate's reason code in words (同じ地区（北地区）, 直近90日の活動 3回). */
export function candidateReasonText(
  t: Translator,
  reason: ReasonView,
  areas: Area[],
  locale: Locale,
): string {
  const p = reason.params ?? {};
  switch (reason.code) {
    case 'paired_with_family':
    case 'other_area':
    case 'prefers_category':
    case 'any_category':
    case 'category_not_preferred':
      return t(`coord.reason.${reason.code}`);
    case 'same_area':
      return t('coord.reason.same_area', { area: areaName(areas, String(p.area ?? ''), locale) });
    case 'recent_activities':
      return t('coord.reason.recent_activities', { count: num(p.count) });
    default:
      return reason.code;
  }
}

/** Why a helper is out, in words, with the rule's details (the date, the numbers, the ages). */
export function exclusionText(t: Translator, reason: ReasonView, locale: Locale): string {
  const p = reason.params ?? {};
  switch (reason.code) {
    case 'not_active': {
      const status = String(p.status ?? '');
      const known = ['applied', 'active', 'suspended', 'withdrawn'].includes(status);
      return t('coord.excluded.not_active', {
        status: known ? t(`coord.memberStatus.${status}` as MessageKey) : status,
      });
    }
    case 'exception_that_day':
      return t('coord.excluded.exception_that_day', {
        date: monthDay(String(p.date), locale),
      });
    case 'already_assigned':
      return t('coord.excluded.already_assigned', { count: num(p.count) });
    case 'too_many_children':
      return t('coord.excluded.too_many_children', {
        children: num(p.children),
        max: num(p.max),
      });
    case 'child_age_outside_preference': {
      const min = p.min === undefined ? undefined : ageText(t, num(p.min));
      const max = p.max === undefined ? undefined : ageText(t, num(p.max));
      const range =
        min && max
          ? t('coord.ageRange.between', { min, max })
          : min
            ? t('coord.ageRange.from', { min })
            : t('coord.ageRange.upTo', { max: max ?? '' });
      return t('coord.excluded.child_age_outside_preference', { range });
    }
    case 'not_qualified':
      // Overdue refreshers alone: say which, and since when (#19).
      if (p.expiredOn !== undefined)
        return t('coord.excluded.refresher_overdue', {
          modules: String(locale === 'ja' ? p.titlesJa : p.titlesEn),
          date: formatDate(String(p.expiredOn), locale),
        });
      return t(`coord.excluded.${reason.code}`);
    case 'no_sick_child_qualification':
    case 'unavailable':
    case 'blocked_by_family':
    case 'is_requester':
      return t(`coord.excluded.${reason.code}`);
    default:
      return reason.code;
  }
}

const EXCLUSION_CODES = [
  'not_active',
  'not_qualified',
  'no_sick_child_qualification',
  'unavailable',
  'exception_that_day',
  'already_assigned',
  'too_many_children',
  'child_age_outside_preference',
  'blocked_by_family',
  'is_requester',
] as const;

/** The label used in the per-reason counts (no per-helper details). */
export function exclusionHeading(t: Translator, code: string): string {
  return (EXCLUSION_CODES as readonly string[]).includes(code)
    ? t(`coord.excludedShort.${code}` as MessageKey)
    : code;
}
