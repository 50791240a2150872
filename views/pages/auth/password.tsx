import {
  ErrorSummary,
  TextField,
  SubmitButton,
  type FormErrors,
  bindFields,
} from '../../components/form-fields.js';
import type { ViewContext } from '../../view-context.js';
import { AuthCard, NewPasswordFields } from './auth-card.js';

export function ChangePasswordPage(props: { ctx: ViewContext; errors: FormErrors }) {
  const { t } = props.ctx;
  const labels = {
    currentPassword: t('password.current'),
    newPassword: t('password.new'),
    confirmPassword: t('password.confirm'),
  };
  const field = bindFields(t, {}, props.errors, labels);
  return (
    <AuthCard ctx={props.ctx} title={t('password.title')}>
      <ErrorSummary t={t} errors={props.errors} labels={labels} />
      <form method="post" action="/account/password" novalidate>
        <TextField
          {...field('currentPassword')}
          type="password"
          autocomplete="current-password"
          required
        />
        <NewPasswordFields field={field} hint={t('password.newHint')} />
        <SubmitButton>{t('password.submit')}</SubmitButton>
      </form>
    </AuthCard>
  );
}
