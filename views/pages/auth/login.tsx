import { TextField, type FormErrors, bindFields } from '../../components/form-fields.js';
import type { ViewContext } from '../../view-context.js';
import { AuthCard, AuthForm } from './auth-card.js';

export function LoginPage(props: {
  ctx: ViewContext;
  values: { email?: string; next?: string };
  errors: FormErrors;
  formError?: string | undefined;
}) {
  const { t } = props.ctx;
  const field = bindFields(t, props.values, props.errors);
  return (
    <AuthCard ctx={props.ctx} title={t('login.title')}>
      <p>{t('login.lead')}</p>
      <AuthForm
        ctx={props.ctx}
        action="/login"
        errors={props.errors}
        labels={{ email: t('login.email'), password: t('login.password') }}
        formError={props.formError}
        submit={t('login.submit')}
      >
        <input type="hidden" name="next" value={props.values.next ?? ''} />
        <TextField
          {...field('email')}
          type="email"
          label={t('login.email')}
          autocomplete="username"
          required
        />
        <TextField
          {...field('password')}
          type="password"
          label={t('login.password')}
          autocomplete="current-password"
          required
        />
      </AuthForm>
      <p>
        <a href="/forgot-password">{t('login.forgot')}</a>
      </p>
      <p class="hint">{t('login.help')}</p>
      <p>
        <a href="/apply">{t('apply.loginLink')}</a>
      </p>
    </AuthCard>
  );
}
