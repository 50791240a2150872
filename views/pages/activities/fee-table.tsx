import { yen } from '../../format.js';
import type { Translator } from '../../../src/lib/i18n.js';
import type { Locale } from '../../../db/schema.js';
import type { FeeLineView } from '../../../src/modules/fees/fee-lines.js';
import type { MinimumCharge } from '../../../src/modules/fees/fees.js';
import { duration } from './activity-text.js';

/** The fee line by line, per child totals, costs and what the family pays. */
export function FeeTable(props: {
  t: Translator;
  locale: Locale;
  id: string;
  lines: FeeLineView[];
  childTotals: { name: string; amount: number }[];
  total: number;
  /** Set when the minimum charge priced the activity: the lines then say so. */
  minimum?: MinimumCharge | null | undefined;
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
          {props.minimum && (
            <tr class="act-fee__minimum">
              <td colspan={4}>
                {t('activities.fee.minimum', {
                  actual: duration(t, props.minimum.actualMinutes),
                  minimum: duration(t, props.minimum.minimumMinutes),
                })}
              </td>
            </tr>
          )}
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
