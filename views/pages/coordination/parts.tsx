import { areaName } from '../../../src/i18n/area-labels.js';
import type { Child } from 'hono/jsx';
import { TOKYO, tokyoTimeOf } from '../../../src/lib/dates.js';
import type { MessageKey, Translator } from '../../../src/lib/i18n.js';
import type { Area } from '../../../src/modules/settings/settings.schemas.js';
import type { Locale, OfferStatus, RequestStatus } from '../../../db/schema.js';
import { dateTimeFormat } from '../../../src/lib/intl.js';

/** "（4歳）" / " (4 y)". */
export const paren = (locale: Locale, text: string) =>
  locale === 'ja' ? `（${text}）` : ` (${text})`;

/** "11月25日(水)" / "Wed 25 Nov", in Tokyo. */
export function dayText(instant: string, locale: Locale): string {
  return dateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: TOKYO,
    month: locale === 'ja' ? 'long' : 'short',
    day: 'numeric',
    weekday: 'short',
  }).format(new Date(instant));
}

/** "13:00〜16:00" / "13:00–16:00". */
export function timeRangeText(startsAt: string, endsAt: string, locale: Locale): string {
  return `${tokyoTimeOf(startsAt)}${locale === 'ja' ? '〜' : '–'}${tokyoTimeOf(endsAt)}`;
}

/** "11月25日(水) 13:00〜16:00". */
export function whenText(startsAt: string, endsAt: string, locale: Locale): string {
  return `${dayText(startsAt, locale)} ${timeRangeText(startsAt, endsAt, locale)}`;
}

/** "11月21日 10:05" for offer times. */
export function stampText(instant: string, locale: Locale): string {
  return dateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: TOKYO,
    month: locale === 'ja' ? 'long' : 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(instant));
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

/** A request's status in words; the border and tint only repeat it. */
export function RequestStatusBadge(props: { t: Translator; status: RequestStatus }) {
  return (
    <span class={`coord-status coord-status--${props.status}`}>
      {props.t(`coord.status.${props.status}`)}
    </span>
  );
}

export function OfferStatusBadge(props: { t: Translator; status: OfferStatus }) {
  return (
    <span class={`coord-offer coord-offer--${props.status}`}>
      {props.t(`coord.offerStatus.${props.status}`)}
    </span>
  );
}

/** "あと30時間" (or minutes within the hour). */
export function startsInText(t: Translator, startsAt: string, nowIso: string): string {
  const ms = Date.parse(startsAt) - Date.parse(nowIso);
  if (ms <= 0) return t('coord.startsIn.started');
  const minutes = Math.floor(ms / 60_000);
  return minutes < 60
    ? t('coord.startsIn.minutes', { minutes })
    : t('coord.startsIn.hours', { hours: Math.floor(minutes / 60) });
}

/** 至急 in words, with an icon and colour as second and third cues. */
export function UrgentBadge(props: { t: Translator; startsAt: string; nowIso: string }) {
  return (
    <span class="coord-urgent">
      <span aria-hidden="true" class="coord-urgent__icon">
        ⚠
      </span>
      {props.t('coord.urgent')}
      <span class="coord-urgent__time">{startsInText(props.t, props.startsAt, props.nowIso)}</span>
    </span>
  );
}

export function PreMeetingBadge(props: { t: Translator; done: boolean }) {
  return props.done ? (
    <span class="coord-pm coord-pm--done">
      <span aria-hidden="true">✓ </span>
      {props.t('coord.preMeeting.done')}
    </span>
  ) : (
    <span class="coord-pm coord-pm--missing">
      <span aria-hidden="true">⚠ </span>
      {props.t('coord.preMeeting.missing')}
    </span>
  );
}

/** Extra words for screen readers, so that repeated buttons say which row they act on. */
export function Hidden(props: { children?: Child }) {
  return <span class="visually-hidden">{props.children}</span>;
}

/** A rule or a stale page answered by the domain, shown at the top of the page. */
export function FailureAlert(props: { t: Translator; message: string | undefined }) {
  if (!props.message) return null;
  return (
    <div class="alert alert--error coord-failure" role="alert">
      <p>
        <strong>{props.t('coord.error.title')}</strong>
        {props.message}
      </p>
    </div>
  );
}

export function TelLink(props: { phone: string | null | undefined }) {
  if (!props.phone) return null;
  return (
    <a class="coord-tel" href={`tel:${props.phone.replace(/[^\d+]/g, '')}`}>
      {props.phone}
    </a>
  );
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
        date: dayText(`${String(p.date)}T12:00:00+09:00`, locale),
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
