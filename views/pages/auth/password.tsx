import { TextField, type FormErrors, bindFields } from '../../components/form-fields.js';
import type { ViewContext } from '../../view-context.js';
import { AuthCard, AuthForm, NewPasswordFields } from './auth-card.js';

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
      <AuthForm
        ctx={props.ctx}
        action="/account/password"
        errors={props.errors}
        labels={labels}
        submit={t('password.submit')}
      >
        <TextField
          {...field('currentPassword')}
          type="password"
          autocomplete="current-password"
          required
        />
        <NewPasswordFields field={field} hint={t('password.newHint')} />
      </AuthForm>
    </AuthCard>
  );
}
