import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { formatDate, formatDateTime } from '../../../src/lib/dates.js';
import { Badge } from '../../components/status-badge.js';
import type { Tone } from '../../components/badge-tones.js';
import { DetailList } from '../../components/detail-list.js';
import {
  ErrorSummary,
  SelectField,
  TextareaField,
  TextField,
  type FormErrors,
} from '../../components/form-fields.js';
import { yen } from '../../format.js';
import { StaffBackLink } from '../../components/back-link.js';
import { ScrollTable } from '../../components/scroll-table.js';

export type PaymentStateCode = 'unpaid' | 'recorded' | 'received' | 'disputed' | 'short';
export type PaymentMethodCode = 'cash' | 'bank_transfer' | 'qr';

/** A subject's payment as a page shows it. */
export interface PaymentView {
  kind: 'activity' | 'cancellation';
  id: string;
  due: number;
  payable: boolean;
  state: PaymentStateCode;
  payment: {
    amount: number;
    paidOn: string;
    method: PaymentMethodCode;
    status: 'recorded' | 'received' | 'disputed';
    recordedBy: 'requester' | 'helper' | 'staff';
    recordedByName: string | null;
    recordedAt: string;
    receivedAt: string | null;
    disputeReason: string | null;
  } | null;
}

export type PaymentViewer = 'staff' | 'helper' | 'requester';

const TONE: Record<PaymentStateCode, Tone> = {
  unpaid: 'warning',
  recorded: 'info',
  received: 'success',
  disputed: 'danger',
  short: 'danger',
};

/** Where a subject's payment page and its forms are. */
export const paymentPath = (p: Pick<PaymentView, 'kind' | 'id'>) =>
  p.kind === 'activity' ? `/activities/${p.id}/payment` : `/requests/${p.id}/cancellation-payment`;

export function PaymentStateBadge(props: { ctx: ViewContext; state: PaymentStateCode }) {
  return (
    <Badge tone={TONE[props.state]} status={props.state}>
      {props.ctx.t(`payments.state.${props.state}`)}
    </Badge>
  );
}

/**
 * The payment in brief, with the helper's one tap ("I received it") and a link to record or
 * correct it: on the activity page, on a phone.
 */
export function PaymentCard(props: {
  ctx: ViewContext;
  viewer: PaymentViewer;
  view: PaymentView;
  /** On the payment page itself the form follows: no link to it. */
  onPaymentPage?: boolean;
}) {
  const { ctx, viewer, view } = props;
  const { t, locale } = ctx;
  const p = view.payment;
  const mayRecord = viewer === 'staff' || (view.payable && p?.status !== 'received');
  return (
    <section aria-labelledby="payment-title" id="payment" class="card">
      <h2 id="payment-title">{t('payments.title')}</h2>
      {!view.payable ? (
        <p>{t(`payments.notPayable.${view.kind}`)}</p>
      ) : (
        <>
          <p>
            <PaymentStateBadge ctx={ctx} state={view.state} />{' '}
            {t(`payments.stateHelp.${view.state}`)}
          </p>
          <DetailList
            preLine
            rows={[
              [t('payments.due'), yen(view.due, locale)],
              [t('payments.amount'), p ? yen(p.amount, locale) : null],
              [t('payments.paidOn'), p ? formatDate(p.paidOn, locale) : null],
              [t('payments.method'), p ? t(`payments.method.${p.method}`) : null],
              [
                t('payments.recordedBy'),
                p
                  ? t('payments.recordedByText', {
                      role: t(`payments.role.${p.recordedBy}`),
                      name: p.recordedByName ?? '—',
                      at: formatDateTime(p.recordedAt, locale),
                    })
                  : null,
              ],
              [
                t('payments.receivedAt'),
                p?.receivedAt ? formatDateTime(p.receivedAt, locale) : null,
              ],
              [t('payments.disputeReason'), p?.status === 'disputed' ? p.disputeReason : null],
            ]}
          />
          {viewer === 'helper' && p?.status !== 'received' && (
            <form method="post" action={`${paymentPath(view)}/received`}>
              <p class="hint">
                {t(p ? 'payments.receiveLead' : 'payments.receiveLeadNone', {
                  amount: yen(p?.amount ?? view.due, locale),
                })}
              </p>
              <button type="submit" class="button button--primary">
                {t('payments.action.received')}
              </button>
            </form>
          )}
        </>
      )}
      {view.kind === 'activity' && p?.status === 'received' && viewer !== 'helper' && (
        <p>
          <a href={`/activities/${view.id}/receipt`}>{t('receipts.link')}</a>
        </p>
      )}
      {view.payable && mayRecord && !props.onPaymentPage && (
        <p>
          <a href={paymentPath(view)}>
            {t(p ? 'payments.action.correct' : 'payments.action.record')}
          </a>
        </p>
      )}
    </section>
  );
}

export interface PaymentPageProps {
  ctx: ViewContext;
  viewer: PaymentViewer;
  view: PaymentView;
  subject: {
    title: string;
    when: string;
    requesterName: string;
    helperName: string;
    backHref: string;
  };
  today: string;
  form?: 'record' | 'dispute';
  errors?: FormErrors;
  values?: Record<string, string>;
}

/** A payment's page: what it is for, where it stands, and the forms to record or dispute it. */
export function PaymentPage(props: PaymentPageProps) {
  const { ctx, viewer, view, subject } = props;
  const { t } = ctx;
  const p = view.payment;
  const errors = props.errors ?? {};
  const values = props.values ?? {};
  const recordValues = props.form === 'record' ? values : {};
  const mayRecord = view.payable && (viewer === 'staff' || p?.status !== 'received');
  const title = t('payments.pageTitle', { what: subject.title });
  return (
    <Layout ctx={ctx} title={title}>
      <StaffBackLink href={subject.backHref} label={t('payments.back')} />
      <h1>
        {title}
        <span class="heading-sub">{subject.when}</span>
      </h1>
      <DetailList
        rows={[
          [t('activities.requester'), subject.requesterName],
          [t('activities.helper'), subject.helperName],
        ]}
      />
      <PaymentCard ctx={ctx} viewer={viewer} view={view} onPaymentPage />
      {mayRecord && (
        <section aria-labelledby="record-title" class="card">
          <h2 id="record-title">{t(p ? 'payments.action.correct' : 'payments.action.record')}</h2>
          <p>{t(`payments.recordLead.${viewer}`)}</p>
          {props.form === 'record' && (
            <ErrorSummary
              t={t}
              errors={errors}
              labels={{
                paidOn: t('payments.paidOn'),
                method: t('payments.method'),
                amount: t('payments.amount'),
              }}
            />
          )}
          <form method="post" action={paymentPath(view)} class="member-form">
            <TextField
              t={t}
              name="paidOn"
              type="date"
              label={t('payments.paidOn')}
              value={recordValues.paidOn ?? p?.paidOn ?? props.today}
              error={props.form === 'record' ? errors.paidOn : undefined}
              required
            />
            <SelectField
              t={t}
              name="method"
              label={t('payments.method')}
              value={recordValues.method ?? p?.method ?? 'cash'}
              options={(['cash', 'bank_transfer', 'qr'] as const).map((m) => ({
                value: m,
                label: t(`payments.method.${m}`),
              }))}
              error={props.form === 'record' ? errors.method : undefined}
              required
            />
            <TextField
              t={t}
              name="amount"
              label={t('payments.amountYen')}
              inputmode="numeric"
              size="short"
              value={recordValues.amount ?? String(p?.amount ?? view.due)}
              hint={t('payments.amountHint', { due: yen(view.due, ctx.locale) })}
              error={props.form === 'record' ? errors.amount : undefined}
              required
            />
            <button type="submit" class="button button--primary">
              {t('payments.action.save')}
            </button>
          </form>
        </section>
      )}
      {viewer === 'helper' && p?.status === 'recorded' && (
        <section aria-labelledby="dispute-title" class="card">
          <h2 id="dispute-title">{t('payments.disputeTitle')}</h2>
          <form method="post" action={`${paymentPath(view)}/dispute`} class="member-form">
            <TextareaField
              t={t}
              name="reason"
              label={t('payments.disputeLabel')}
              value={props.form === 'dispute' ? values.reason : ''}
              error={props.form === 'dispute' ? errors.reason : undefined}
              rows={3}
              maxlength={1000}
              required
            />
            <button type="submit" class="button button--secondary">
              {t('payments.action.dispute')}
            </button>
          </form>
        </section>
      )}
    </Layout>
  );
}

export interface OutstandingView {
  kind: 'activity' | 'cancellation';
  id: string;
  date: string;
  due: number;
  paid: number | null;
  outstanding: number;
  state: PaymentStateCode;
  disputeReason: string | null;
  requesterName: string;
  helperName: string;
}

/** Staff: amounts of earlier months still unpaid, disputed or short. */
export function OutstandingPage(props: { ctx: ViewContext; items: OutstandingView[] }) {
  const { ctx, items } = props;
  const { t, locale } = ctx;
  const total = items.reduce((a, i) => a + i.outstanding, 0);
  return (
    <Layout ctx={ctx} title={t('payments.outstanding.title')}>
      <StaffBackLink href="/activities" label={t('activities.backToList')} />
      <h1>{t('payments.outstanding.title')}</h1>
      <p>{t('payments.outstanding.lead')}</p>
      {items.length === 0 ? (
        <p role="status">{t('payments.outstanding.none')}</p>
      ) : (
        <>
          <p role="status">
            {t('payments.outstanding.count', { count: items.length, total: yen(total, locale) })}
          </p>
          <ScrollTable
            labelledBy="outstanding-caption"
            caption={t('payments.outstanding.title')}
            captionId="outstanding-caption"
            head={[
              t('payments.outstanding.date'),
              t('payments.outstanding.what'),
              t('activities.requester'),
              t('activities.helper'),
              t('payments.due'),
              t('payments.outstanding.owed'),
              t('payments.outstanding.state'),
            ]}
          >
            {items.map((i) => (
              <tr>
                <td>{formatDate(i.date, locale)}</td>
                <td>
                  <a href={paymentPath(i)}>{t(`payments.kind.${i.kind}`)}</a>
                </td>
                <td class="name-cell">{i.requesterName}</td>
                <td class="name-cell">{i.helperName}</td>
                <td class="num">{yen(i.due, locale)}</td>
                <td class="num">{yen(i.outstanding, locale)}</td>
                <td>
                  <PaymentStateBadge ctx={ctx} state={i.state} />
                  {i.disputeReason && <p class="hint pre-line">{i.disputeReason}</p>}
                </td>
              </tr>
            ))}
          </ScrollTable>
        </>
      )}
    </Layout>
  );
}
