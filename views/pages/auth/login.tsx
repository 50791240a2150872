import {
  ErrorSummary,
  TextField,
  SubmitButton,
  type FormErrors,
  bindFields,
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
  const field = bindFields(t, props.values, props.errors);
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
      </section>
    </Layout>
  );
}
