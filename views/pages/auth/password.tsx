import {
  ErrorSummary,
  TextField,
  SubmitButton,
  type FormErrors,
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
  return (
    <Layout ctx={props.ctx} title={t('password.title')}>
      <section class="card card--narrow">
        <h1>{t('password.title')}</h1>
        <ErrorSummary t={t} errors={props.errors} labels={labels} />
        <form method="post" action="/account/password" novalidate>
          <TextField
            t={t}
            name="currentPassword"
            type="password"
            label={labels.currentPassword}
            error={props.errors.currentPassword}
            autocomplete="current-password"
            required
          />
          <TextField
            t={t}
            name="newPassword"
            type="password"
            label={labels.newPassword}
            hint={t('password.newHint')}
            error={props.errors.newPassword}
            autocomplete="new-password"
            required
          />
          <TextField
            t={t}
            name="confirmPassword"
            type="password"
            label={labels.confirmPassword}
            error={props.errors.confirmPassword}
            autocomplete="new-password"
            required
          />
          <SubmitButton>{t('password.submit')}</SubmitButton>
        </form>
      </section>
    </Layout>
  );
}
