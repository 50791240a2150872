import {
  ErrorSummary,
  type FormErrors,
  BackToMy,
  Checkbox,
  RuleAlert,
  TextareaField,
  bindFields,
} from '../../components/form-fields.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';

export function WithdrawPage(props: {
  ctx: ViewContext;
  retentionYears: number;
  values: { reason?: string | undefined; confirm?: string | undefined };
  errors: FormErrors;
  ruleError?: string | undefined;
}) {
  const { ctx, values, errors } = props;
  const { t } = ctx;
  const labels = { reason: t('my.withdraw.reason'), confirm: t('my.withdraw.confirm') };
  const field = bindFields(t, values, errors, labels);
  return (
    <Layout ctx={ctx} title={t('my.withdraw.title')}>
      <BackToMy t={t} />
      <h1>{t('my.withdraw.title')}</h1>
      <RuleAlert title={t('apply.ruleTitle')} message={props.ruleError} />
      <section class="card" aria-labelledby="withdraw-consequences">
        <h2 id="withdraw-consequences">{t('my.withdraw.lead')}</h2>
        <ul>
          <li>{t('my.withdraw.point1')}</li>
          <li>{t('my.withdraw.point2')}</li>
          <li>{t('my.withdraw.point3', { years: props.retentionYears })}</li>
          <li>{t('my.withdraw.point4')}</li>
          <li>{t('my.withdraw.point5')}</li>
        </ul>
      </section>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <form method="post" action="/my/withdraw" novalidate class="member-form">
        <TextareaField
          {...field('reason')}
          hint={t('my.withdraw.reasonHint')}
          rows={3}
          maxlength={500}
        />
        <Checkbox
          t={t}
          name="confirm"
          label={labels.confirm}
          checked={values.confirm === 'yes'}
          error={errors.confirm}
          required
        />
        <div class="button-row">
          <button type="submit" class="button button--warning">
            {t('my.withdraw.submit')}
          </button>
          <a class="button button--secondary" href="/my">
            {t('form.backToMy')}
          </a>
        </div>
      </form>
    </Layout>
  );
}
