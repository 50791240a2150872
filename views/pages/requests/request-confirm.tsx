import type { Locale } from '../../../db/schema.js';
import type { Translator } from '../../../src/lib/i18n.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { monthDay, yen } from '../../format.js';
import { weekdaysText } from './request-text.js';
import { DetailList } from '../../components/detail-list.js';

export interface FeeEstimateView {
  /** Per occurrence, in order. */
  occurrences: { date: string; total: number }[];
  /** The first occurrence's amount per child (siblings pay less). */
  childTotals: number[];
  total: number;
}

export interface ConfirmPageProps {
  ctx: ViewContext;
  /** Every submitted value, carried to the final post as hidden fields. */
  values: Record<string, string>;
  childList: { name: string; age: string }[];
  category: string;
  when: string;
  duration: string;
  location: string;
  locationNote: string | null;
  pickup: string | null;
  dropoff: string | null;
  notes: string | null;
  series: { weekdays: number[]; until: string; skipHolidays: boolean } | null;
  fee: FeeEstimateView | null;
  /** Hours of the planned activity a same-day cancellation costs (per child). */
  cancellation: { sameDayHours: number };
  firstTime: { days: number } | null;
}

/** 確認: everything the parent entered, the expected fee, and what a cancellation would cost. */
export function ConfirmRequestPage(props: ConfirmPageProps) {
  const { ctx } = props;
  const { t, locale } = ctx;
  const count = props.fee?.occurrences.length ?? 1;
  return (
    <Layout ctx={ctx} title={t('req.confirm.title')}>
      <h1>{t('req.confirm.title')}</h1>
      <p>{t('req.confirm.lead')}</p>
      <ol class="req-steps" aria-label={t('req.steps.label')}>
        <li class="req-steps__step req-steps__step--done">
          <span class="visually-hidden">{t('req.timeline.state.done')}</span>
          {t('req.steps.input')}
        </li>
        <li class="req-steps__step req-steps__step--current" aria-current="step">
          <span class="visually-hidden">{t('req.timeline.state.current')}</span>
          {t('req.steps.confirm')}
        </li>
        <li class="req-steps__step">
          <span class="visually-hidden">{t('req.timeline.state.todo')}</span>
          {t('req.steps.done')}
        </li>
      </ol>

      {props.fee && <FeeEstimate t={t} locale={locale} fee={props.fee} />}

      <section class="card" aria-labelledby="confirm-details-title">
        <h2 id="confirm-details-title">{t('req.confirm.details')}</h2>
        <DetailList
          class="req-details"
          rows={[
            [
              t('req.form.children'),
              props.childList
                .map((c) => t('req.form.childOption', { name: c.name, age: c.age }))
                .join(locale === 'ja' ? '、' : ', '),
            ],
            [t('req.form.category'), props.category],
            [props.series ? t('req.confirm.firstDate') : t('req.detail.when'), props.when],
            [t('req.detail.duration'), props.duration],
            [
              t('req.confirm.repeat'),
              props.series
                ? t('req.confirm.repeatText', {
                    weekdays: weekdaysText(t, locale, props.series.weekdays),
                    until: monthDay(props.series.until, locale),
                    count,
                  }) + (props.series.skipHolidays ? ` ${t('req.confirm.skipsHolidays')}` : '')
                : t('req.confirm.once'),
            ],
            [
              t('req.form.location'),
              props.locationNote ? `${props.location}（${props.locationNote}）` : props.location,
            ],
            [t('req.form.pickup'), props.pickup],
            [t('req.form.dropoff'), props.dropoff],
            [t('req.form.notes'), props.notes ? <span class="pre-line">{props.notes}</span> : null],
          ]}
        />
        {props.series && props.fee && (
          <details class="req-dates">
            <summary>{t('req.confirm.showDates', { count })}</summary>
            <ul class="req-dates__list">
              {props.fee.occurrences.map((o) => (
                <li>
                  {monthDay(o.date, locale)}
                  <span class="req-dates__fee">{yen(o.total, locale)}</span>
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>

      <section class="card" aria-labelledby="confirm-after-title">
        <h2 id="confirm-after-title">{t('req.confirm.afterTitle')}</h2>
        <ul>
          <li>{t('req.confirm.after.search')}</li>
          <li>{t('req.confirm.after.preMeeting')}</li>
          <li>{t('req.confirm.after.pay')}</li>
          <li>
            {t('req.confirm.after.cancel', {
              hours: props.cancellation.sameDayHours,
            })}
          </li>
        </ul>
        {props.firstTime && (
          <p class="alert alert--info">
            {t('req.confirm.firstTime', { days: props.firstTime.days })}
          </p>
        )}
      </section>

      <form method="post" action="/requests/new" class="req-confirm-form">
        {Object.entries(props.values)
          .filter(([k]) => k !== 'step')
          .map(([k, v]) => (
            <input type="hidden" name={k} value={v} />
          ))}
        <div class="button-row req-confirm-buttons">
          <button type="submit" name="step" value="submit" class="button button--primary">
            {props.series ? t('req.confirm.submitSeries', { count }) : t('req.confirm.submit')}
          </button>
          <button type="submit" name="step" value="edit" class="button button--secondary">
            {t('req.confirm.edit')}
          </button>
        </div>
      </form>
    </Layout>
  );
}

/** The expected fee: one big figure, per child, and per occurrence for a series. */
export function FeeEstimate(props: { t: Translator; locale: Locale; fee: FeeEstimateView }) {
  const { t, locale, fee } = props;
  const amounts = fee.occurrences.map((o) => o.total);
  const min = Math.min(...amounts);
  const max = Math.max(...amounts);
  const series = fee.occurrences.length > 1;
  return (
    <section class="req-fee" aria-labelledby="req-fee-title">
      <h2 id="req-fee-title">{t('req.fee.title')}</h2>
      {series ? (
        <>
          <p class="req-fee__amount">
            {t('req.fee.seriesTotal', {
              count: fee.occurrences.length,
              total: yen(fee.total, locale),
            })}
          </p>
          <p>
            {min === max
              ? t('req.fee.perTime', { amount: yen(min, locale) })
              : t('req.fee.perTimeRange', { min: yen(min, locale), max: yen(max, locale) })}
          </p>
        </>
      ) : (
        <p class="req-fee__amount">{t('req.fee.single', { total: yen(fee.total, locale) })}</p>
      )}
      {fee.childTotals.length > 1 && (
        <p>
          {fee.childTotals
            .map((amount, i) =>
              t(i === 0 ? 'req.fee.firstChild' : 'req.fee.sibling', {
                n: i + 1,
                amount: yen(amount, locale),
              }),
            )
            .join(locale === 'ja' ? '、' : ', ')}
          {series ? ` ${t('req.fee.firstOccurrence')}` : ''}
        </p>
      )}
      <p class="hint">{t('req.fee.note')}</p>
    </section>
  );
}

export const cancellationHours = (sameDayUnits: number, unitMinutes: number) =>
  Math.round(((sameDayUnits * unitMinutes) / 60) * 100) / 100;
