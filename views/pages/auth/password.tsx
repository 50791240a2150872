import {
  ErrorSummary,
  TextField,
  SubmitButton,
  type FormErrors,
  bindFields,
} from '../../components/form-fields.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';

export function ChangePasswordPage(props: { ctx: ViewContext; errors: FormErrors }) {
  const { t } = props.ctx;
  const labels = {
    currentPassword: t('password.current'),
    newPassword: t('password.new'),
    confirmPassword: t('password.confirm'),
  };
  const field = bindFields(t, {}, props.errors, labels);
  return (
    <Layout ctx={props.ctx} title={t('password.title')}>
      <section class="card card--narrow">
        <h1>{t('password.title')}</h1>
        <ErrorSummary t={t} errors={props.errors} labels={labels} />
        <form method="post" action="/account/password" novalidate>
          <TextField
            {...field('currentPassword')}
            type="password"
            autocomplete="current-password"
            required
          />
          <TextField
            {...field('newPassword')}
            type="password"
            hint={t('password.newHint')}
            autocomplete="new-password"
            required
          />
          <TextField
            {...field('confirmPassword')}
            type="password"
            autocomplete="new-password"
            required
          />
          <SubmitButton>{t('password.submit')}</SubmitButton>
        </form>
      </section>
    </Layout>
  );
}
