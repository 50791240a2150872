import { type FormErrors, ErrorSummary, TextareaField } from '../../components/form-fields.js';
import { BackLink } from '../../components/back-link.js';
import { yen } from '../../format.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { whenText } from './request-text.js';
import type { CancelPageProps } from './cancel.js';

export interface CancelSeriesPageProps {
  ctx: ViewContext;
  /** The occurrence the family started from. */
  requestId: string;
  /** Every occurrence from that date onwards that can still be cancelled, with its fee now. */
  occurrences: {
    id: string;
    startsAt: string;
    endsAt: string;
    fee: CancelPageProps['fee'];
  }[];
  values: { reason?: string | undefined };
  errors: FormErrors;
}

/**
 * 繰り返しの依頼を、この日以降まとめて取り消す: each date with what cancelling it now costs and
 * why (the single cancellation's rule), the total, then the reason and one button.
 */
export function CancelSeriesPage(props: CancelSeriesPageProps) {
  const { ctx, occurrences } = props;
  const { t, locale } = ctx;
  const total = occurrences.reduce((sum, o) => sum + o.fee.amount, 0);
  return (
    <Layout ctx={ctx} title={t('req.cancelSeries.title')}>
      <BackLink href={`/requests/${props.requestId}`} label={t('req.cancel.back')} />
      <h1>{t('req.cancelSeries.title')}</h1>
      <ErrorSummary t={t} errors={props.errors} labels={{ reason: t('req.cancel.reason') }} />
      <p>{t('req.cancelSeries.lead', { n: occurrences.length })}</p>
      {/* Focusable and named, so the dates can be scrolled sideways by keyboard at 360 px. */}
      <div
        class="table-scroll"
        tabindex={0}
        role="region"
        aria-label={t('req.cancelSeries.caption')}
      >
        <table class="table">
          <caption class="visually-hidden">{t('req.cancelSeries.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('req.cancelSeries.date')}</th>
              <th scope="col" class="num">
                {t('req.cancel.feeTitle')}
              </th>
              <th scope="col">{t('req.cancelSeries.why')}</th>
            </tr>
          </thead>
          <tbody>
            {occurrences.map((o) => (
              <tr>
                <th scope="row">{whenText(t, locale, o.startsAt, o.endsAt)}</th>
                <td class="num">{yen(o.fee.amount, locale)}</td>
                <td>{t(`req.cancel.rule.${o.fee.rule}`)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('req.cancelSeries.total')}</th>
              <td class="num">{yen(total, locale)}</td>
              <td></td>
            </tr>
          </tfoot>
        </table>
      </div>
      <form
        method="post"
        action={`/requests/${props.requestId}/cancel-series`}
        class="member-form"
        novalidate
      >
        <TextareaField
          t={t}
          name="reason"
          label={t('req.cancel.reason')}
          hint={t('req.cancel.reasonHint')}
          required
          value={props.values.reason}
          error={props.errors.reason}
          maxlength={500}
          rows={3}
        />
        <p>{t('req.cancel.notify')}</p>
        <div class="button-row">
          <button type="submit" class="button button--warning">
            {total > 0
              ? t('req.cancelSeries.submitWithFee', {
                  n: occurrences.length,
                  amount: yen(total, locale),
                })
              : t('req.cancelSeries.submit', { n: occurrences.length })}
          </button>
          <a class="button button--secondary" href={`/requests/${props.requestId}`}>
            {t('req.cancel.keep')}
          </a>
        </div>
      </form>
    </Layout>
  );
}
