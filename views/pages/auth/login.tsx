import {
  ErrorSummary,
  TextField,
  SubmitButton,
  type FormErrors,
} from '../../components/form-fields.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';

export function LoginPage(props: {
  ctx: ViewContext;
  values: { email?: string; next?: string };
  errors: FormErrors;
  formError?: string | undefined;
}) {
  const { t } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={t('login.title')}>
      <section class="card card--narrow">
        <h1>{t('login.title')}</h1>
        <p>{t('login.lead')}</p>
        {props.formError && (
          <p class="alert alert--error" role="alert">
            {props.formError}
          </p>
        )}
        <ErrorSummary
          t={t}
          errors={props.errors}
          labels={{ email: t('login.email'), password: t('login.password') }}
        />
        <form method="post" action="/login" novalidate>
          <input type="hidden" name="next" value={props.values.next ?? ''} />
          <TextField
            t={t}
            name="email"
            type="email"
            label={t('login.email')}
            value={props.values.email}
            error={props.errors.email}
            autocomplete="username"
            required
          />
          <TextField
            t={t}
            name="password"
            type="password"
            label={t('login.password')}
            error={props.errors.password}
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
      </section>
    </Layout>
  );
}
