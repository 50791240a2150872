import {
  type FormErrors,
  ErrorSummary,
  TextareaField,
  bindFields,
} from '../../components/form-fields.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { categoryLabel } from '../../../src/i18n/category-labels.js';
import { whenText } from './request-text.js';
import { yen } from '../../format.js';
import { BackLink } from '../../components/back-link.js';

export interface CancelPageProps {
  ctx: ViewContext;
  request: { id: string; category: number; startsAt: string; endsAt: string; matched: boolean };
  role: 'requester' | 'helper';
  /** What cancelling now would cost the parent, and why. */
  fee: { amount: number; rule: 'free' | 'same_day' | 'no_show' | 'not_charged' | 'unmatched' };
  values: { reason?: string | undefined };
  errors: FormErrors;
}

/** 取り消しの確認: the fee that applies now comes first, then the reason, then the button. */
export function CancelRequestPage(props: CancelPageProps) {
  const { ctx, request: r, fee } = props;
  const { t, locale } = ctx;
  const field = bindFields(t, props.values, props.errors);
  return (
    <Layout ctx={ctx} title={t('req.cancel.title')}>
      <BackLink href={`/requests/${r.id}`} label={t('req.cancel.back')} />
      <h1>
        {t('req.cancel.title')}
        <span class="heading-sub">
          {whenText(t, locale, r.startsAt, r.endsAt)} ・ {categoryLabel(t, r.category)}
        </span>
      </h1>
      <ErrorSummary t={t} errors={props.errors} labels={{ reason: t('req.cancel.reason') }} />

      <section
        class={`req-fee req-cancel-fee${fee.amount > 0 ? ' req-cancel-fee--charged' : ''}`}
        aria-labelledby="cancel-fee-title"
      >
        <h2 id="cancel-fee-title">{t('req.cancel.feeTitle')}</h2>
        <p class="req-fee__amount">
          {fee.amount > 0
            ? t('req.cancel.feeAmount', { amount: yen(fee.amount, locale) })
            : t('req.cancel.feeNone')}
        </p>
        <p>{t(`req.cancel.rule.${fee.rule}`)}</p>
        {props.role === 'requester' && fee.rule === 'free' && r.matched && (
          <p class="hint">{t('req.cancel.freeUntil')}</p>
        )}
      </section>

      {props.role === 'helper' && <p class="alert alert--info">{t('req.cancel.helperCall')}</p>}

      <form method="post" action={`/requests/${r.id}/cancel`} class="member-form" novalidate>
        <TextareaField
          {...field('reason')}
          label={t('req.cancel.reason')}
          hint={t('req.cancel.reasonHint')}
          required
          maxlength={500}
          rows={3}
        />
        <p>{t('req.cancel.notify')}</p>
        <div class="button-row">
          <button type="submit" class="button button--warning">
            {fee.amount > 0
              ? t('req.cancel.submitWithFee', { amount: yen(fee.amount, locale) })
              : t('req.cancel.submit')}
          </button>
          <a class="button button--secondary" href={`/requests/${r.id}`}>
            {t('req.cancel.keep')}
          </a>
        </div>
      </form>
    </Layout>
  );
}
