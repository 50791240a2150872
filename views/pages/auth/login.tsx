import {
  ActionError,
  ErrorSummary,
  TextField,
  SubmitButton,
  type FormErrors,
  bindFields,
} from '../../components/form-fields.js';
import type { ViewContext } from '../../view-context.js';
import { AuthCard } from './auth-card.js';

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
      <ActionError message={props.formError} />
      <ErrorSummary
        t={t}
        errors={props.errors}
        labels={{ email: t('login.email'), password: t('login.password') }}
      />
      <form method="post" action="/login" novalidate>
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
        <SubmitButton>{t('login.submit')}</SubmitButton>
      </form>
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
