import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { formatDate, formatDateTime, formatMonth } from '../../../src/lib/dates.js';
import type { ReceiptView } from '../../../src/modules/payments/receipt-rules.js';
import { categoryNames, whenText } from '../activities/activity-text.js';
import { yen } from '../../format.js';
import { StaffBackLink } from '../../components/back-link.js';

export interface ReceiptPageProps {
  ctx: ViewContext;
  /** What the receipt is of, for the heading: the activity's date, or the month. */
  subjectTitle: string;
  receipt: ReceiptView | null;
  /** Where the print (issue / reprint) form posts. */
  printAction: string;
  backHref: string;
}

/**
 * A receipt (領収書): on a phone a readable list, printed one A4 page (print.css hides the site's
 * frame and this page's buttons). A receipt printed again says 再発行.
 */
export function ReceiptPage(props: ReceiptPageProps) {
  const { ctx, receipt: r } = props;
  const { t, locale } = ctx;
  const title = t('receipts.title');
  return (
    <Layout ctx={ctx} title={`${title} ${props.subjectTitle}`}>
      <div class="no-print">
        <StaffBackLink href={props.backHref} label={t('payments.back')} />
        <form method="post" action={props.printAction} class="button-row">
          <button type="submit" class="button button--primary">
            {t(r ? 'receipts.reprint' : 'receipts.issue')}
          </button>
          {r && (
            <button type="button" class="button button--secondary" data-print hidden>
              {t('receipts.print')}
            </button>
          )}
        </form>
        <p class="hint">{t(r ? 'receipts.reprintHint' : 'receipts.issueHint')}</p>
      </div>
      {!r ? (
        <>
          <h1>
            {title}
            <span class="heading-sub">{props.subjectTitle}</span>
          </h1>
          <p role="status">{t('receipts.none')}</p>
        </>
      ) : (
        <article class="stmt receipt">
          <header class="stmt-head">
            {r.printCount > 1 && (
              <p class="receipt-reissue">
                <strong>{t('receipts.reissue')}</strong>{' '}
                {t('receipts.reissueCount', { count: r.printCount })}
              </p>
            )}
            <h1>
              {title}
              <span class="heading-sub">{props.subjectTitle}</span>
            </h1>
            <p>{t('receipts.number', { number: r.number })}</p>
            <p>
              {t('receipts.issuedAt', {
                issued: formatDate(r.issuedAt, locale),
                printed: formatDate(r.lastPrintedAt, locale),
              })}
            </p>
            <p>
              {t('receipts.family', {
                name: r.content.familyName,
                no: r.content.memberNo ?? '—',
              })}
            </p>
            {r.content.month && <p>{formatMonth(r.content.month, locale)}</p>}
            <p class="receipt-total">
              {t('receipts.total', { amount: yen(r.content.total, locale) })}
            </p>
            <p>{t('receipts.lead')}</p>
          </header>
          <ol class="act-list">
            {r.content.lines.map((l) => (
              <li class="act-item">
                <h2 class="act-item__title">
                  {l.kind === 'activity' && l.endedAt
                    ? whenText(l.startedAt, l.endedAt, locale)
                    : t('receipts.cancellationOf', { date: formatDate(l.startedAt, locale) })}
                </h2>
                <dl class="summary-list">
                  {l.categories.length > 0 && (
                    <div>
                      <dt>{t('activities.form.categories')}</dt>
                      <dd>{categoryNames(t, l.categories)}</dd>
                    </div>
                  )}
                  {l.children.map((c) => (
                    <div>
                      <dt>{t('receipts.childFee', { name: c.name })}</dt>
                      <dd>{yen(c.amount, locale)}</dd>
                    </div>
                  ))}
                  <div>
                    <dt>
                      {t(l.kind === 'activity' ? 'receipts.fee' : 'payments.kind.cancellation')}
                    </dt>
                    <dd>{yen(l.fee, locale)}</dd>
                  </div>
                  {l.transportCost > 0 && (
                    <div>
                      <dt>{t('activities.transportCost')}</dt>
                      <dd>{yen(l.transportCost, locale)}</dd>
                    </div>
                  )}
                  {l.mealCost > 0 && (
                    <div>
                      <dt>{t('activities.mealCost')}</dt>
                      <dd>{yen(l.mealCost, locale)}</dd>
                    </div>
                  )}
                  <div>
                    <dt>{t('payments.due')}</dt>
                    <dd>{yen(l.due, locale)}</dd>
                  </div>
                  <div>
                    <dt>{t('payments.amount')}</dt>
                    <dd>
                      {t('receipts.paid', {
                        amount: yen(l.amountPaid, locale),
                        date: formatDate(l.paidOn, locale),
                        method: t(`payments.method.${l.method}`),
                      })}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('receipts.acknowledged')}</dt>
                    <dd>
                      {t('receipts.acknowledgedBy', {
                        name: l.helperName,
                        at: formatDateTime(l.receivedAt, locale),
                      })}
                    </dd>
                  </div>
                </dl>
              </li>
            ))}
          </ol>
          <p class="stmt-center">{t('app.center')}</p>
        </article>
      )}
      <script src="/assets/print.js" defer></script>
    </Layout>
  );
}
