import { categoryLabel } from '../../../src/i18n/category-labels.js';
import type { Translator } from '../../../src/lib/i18n.js';
import { formatDate, TOKYO } from '../../../src/lib/dates.js';
import type { Locale } from '../../../db/schema.js';
import type { FeeLineView } from '../../../src/modules/fees/fee-lines.js';
import { dateTimeFormat, numberFormat } from '../../../src/lib/intl.js';

/** Shared pieces of the activity pages: money, times, status badges, fee lines, safety rules. */

export type ActivityStatus = 'reported' | 'confirmed' | 'disputed' | 'returned' | 'approved';

/** Yen as people read it; a fraction (a sibling's half unit, ¥212.5) is shown, not rounded away. */
export function yen(amount: number, locale: Locale): string {
  return numberFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
    style: 'currency',
    currency: 'JPY',
    minimumFractionDigits: 0,
    maximumFractionDigits: Number.isInteger(amount) ? 0 : 2,
  }).format(amount);
}

export function clock(instant: string): string {
  return dateTimeFormat('en-GB', {
    timeZone: TOKYO,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}

/** A day within a month already named in the heading: 「25日(水)」 / "Wed 25". */
export function shortDay(date: string, locale: Locale): string {
  return dateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: TOKYO,
    day: 'numeric',
    weekday: 'short',
  }).format(new Date(`${date}T12:00:00+09:00`));
}

/** 「2026年11月25日(水) 18:30–19:40」 */
export function whenText(startedAt: string, endedAt: string, locale: Locale): string {
  return `${formatDate(startedAt, locale)} ${clock(startedAt)}–${clock(endedAt)}`;
}

/** 1時間10分 / 1 h 10 min */
export function duration(t: Translator, minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return t('activities.minutes', { m });
  if (m === 0) return t('activities.hours', { h });
  return t('activities.hoursMinutes', { h, m });
}

export function StatusBadge(props: { t: Translator; status: ActivityStatus }) {
  return (
    <span class={`act-badge act-badge--${props.status}`}>
      {props.t(`activities.status.${props.status}`)}
    </span>
  );
}

export function categoryNames(t: Translator, categories: readonly number[]): string {
  return categories.map((c) => categoryLabel(t, c)).join(t('activities.separator'));
}

/** The fee line by line, per child totals, costs and what the family pays. */
export function FeeTable(props: {
  t: Translator;
  locale: Locale;
  id: string;
  lines: FeeLineView[];
  childTotals: { name: string; amount: number }[];
  total: number;
  transportCost?: number;
  mealCost?: number;
}) {
  const { t, locale } = props;
  const costs = (props.transportCost ?? 0) + (props.mealCost ?? 0);
  return (
    <div class="table-scroll act-fee" tabindex={0} role="region" aria-labelledby={props.id}>
      <table class="table act-fee__table">
        <caption class="visually-hidden">{t('activities.fee.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('activities.fee.line')}</th>
            <th scope="col" class="num">
              {t('activities.fee.minutes')}
            </th>
            <th scope="col" class="num">
              {t('activities.fee.rate')}
            </th>
            <th scope="col" class="num">
              {t('activities.fee.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.lines.map((l) => (
            <tr>
              <th scope="row">{l.label}</th>
              <td class="num">{t('activities.minutes', { m: l.minutes })}</td>
              <td class="num">{t('activities.fee.perHour', { rate: yen(l.rate, locale) })}</td>
              <td class="num">{yen(l.amount, locale)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          {props.childTotals.length > 1 &&
            props.childTotals.map((c, i) => (
              <tr>
                <th scope="row" colspan={3}>
                  {t('activities.fee.childTotal', {
                    child: t('fees.childOrdinal', { n: i + 1 }),
                    name: c.name,
                  })}
                </th>
                <td class="num">{yen(c.amount, locale)}</td>
              </tr>
            ))}
          <tr class="act-fee__total">
            <th scope="row" colspan={3}>
              {t('activities.fee.total')}
            </th>
            <td class="num">{yen(props.total, locale)}</td>
          </tr>
          {props.transportCost !== undefined && (
            <tr>
              <th scope="row" colspan={3}>
                {t('activities.transportCost')}
              </th>
              <td class="num">{yen(props.transportCost, locale)}</td>
            </tr>
          )}
          {props.mealCost !== undefined && (
            <tr>
              <th scope="row" colspan={3}>
                {t('activities.mealCost')}
              </th>
              <td class="num">{yen(props.mealCost, locale)}</td>
            </tr>
          )}
          {props.transportCost !== undefined && (
            <tr class="act-fee__due">
              <th scope="row" colspan={3}>
                {t('activities.fee.due')}
              </th>
              <td class="num">{yen(props.total + costs, locale)}</td>
            </tr>
          )}
        </tfoot>
      </table>
    </div>
  );
}

/** DOMAIN.md's safety rules, shown where the helper records what she did. */
export function SafetyRules(props: { t: Translator; carAllowed: boolean }) {
  const { t } = props;
  return (
    <aside class="alert alert--warning act-safety" aria-labelledby="safety-title">
      <h2 id="safety-title">{t('activities.safety.title')}</h2>
      <ul>
        <li>{t('activities.safety.medicine')}</li>
        <li>{t('activities.safety.water')}</li>
        <li>
          {props.carAllowed ? t('activities.safety.carAllowed') : t('activities.safety.noCar')}
        </li>
        <li>{t('activities.safety.handover')}</li>
        <li>{t('activities.safety.overnight')}</li>
      </ul>
      <p>{t('activities.safety.incident')}</p>
    </aside>
  );
}

/** Info rows (dt/dd), stacked on a phone. */
export function InfoRows(props: { rows: [string, string | null | undefined][] }) {
  return (
    <dl class="summary-list">
      {props.rows
        .filter(([, v]) => v !== null && v !== undefined && v !== '')
        .map(([k, v]) => (
          <div>
            <dt>{k}</dt>
            <dd class="pre-line">{v}</dd>
          </div>
        ))}
    </dl>
  );
}
