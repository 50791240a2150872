import { TextField, type FormErrors, bindFields } from '../../components/form-fields.js';
import type { ViewContext } from '../../view-context.js';
import { formatDateTime } from '../../../src/lib/dates.js';
import { AuthCard, AuthForm, NewPasswordFields } from './auth-card.js';

/** "Forgot password": the email form, or (after it is sent) the same answer for any address. */
export function ForgotPasswordPage(props: {
  ctx: ViewContext;
  sent: boolean;
  values: { email?: string };
  errors: FormErrors;
}) {
  const { t } = props.ctx;
  const field = bindFields(t, props.values, props.errors);
  return (
    <AuthCard ctx={props.ctx} title={t('recovery.forgotTitle')}>
      {props.sent ? (
        <p class="alert" role="status">
          {t('recovery.sent')}
        </p>
      ) : (
        <>
          <p>{t('recovery.forgotLead')}</p>
          <AuthForm
            ctx={props.ctx}
            action="/forgot-password"
            errors={props.errors}
            labels={{ email: t('recovery.email') }}
            submit={t('recovery.send')}
          >
            <TextField
              {...field('email')}
              type="email"
              label={t('recovery.email')}
              autocomplete="username"
              required
            />
          </AuthForm>
        </>
      )}
      <p class="hint">{t('recovery.noEmail')}</p>
      <p>
        <a href="/reset-code">{t('recovery.codeLink')}</a>
      </p>
    </AuthCard>
  );
}

/** The new-password form of a mailed link (`token`) or of a code from staff (email + code). */
export function ResetPasswordPage(props: {
  ctx: ViewContext;
  mode: 'link' | 'code';
  token?: string;
  values: { email?: string; code?: string };
  errors: FormErrors;
  formError?: string | undefined;
}) {
  const { t } = props.ctx;
  const labels = {
    email: t('recovery.email'),
    code: t('recovery.code'),
    newPassword: t('password.new'),
    confirmPassword: t('password.confirm'),
  };
  const title = props.mode === 'link' ? t('recovery.resetTitle') : t('recovery.codeTitle');
  const field = bindFields(t, props.values, props.errors, labels);
  return (
    <AuthCard ctx={props.ctx} title={title}>
      <AuthForm
        ctx={props.ctx}
        action={props.mode === 'link' ? '/reset-password' : '/reset-code'}
        errors={props.errors}
        labels={labels}
        formError={props.formError}
        submit={t('recovery.submit')}
      >
        {props.mode === 'link' ? (
          <input type="hidden" name="token" value={props.token ?? ''} />
        ) : (
          <>
            <TextField {...field('email')} type="email" autocomplete="username" required />
            <TextField {...field('code')} autocomplete="one-time-code" required />
          </>
        )}
        <NewPasswordFields field={field} hint={t('password.newHint')} />
      </AuthForm>
    </AuthCard>
  );
}

/** A reset code, shown this once to the staff member who issued it. */
export function ResetCodeIssuedPage(props: {
  ctx: ViewContext;
  name: string;
  code: string;
  expiresAt: string;
  back: string;
}) {
  const { t, locale } = props.ctx;
  return (
    <AuthCard ctx={props.ctx} title={t('recovery.codeIssuedTitle')}>
      <p>{props.name}</p>
      <p class="reset-code" data-testid="reset-code">
        <strong>{props.code}</strong>
      </p>
      <p>{t('recovery.codeIssuedLead', { until: formatDateTime(props.expiresAt, locale) })}</p>
      <p class="hint">{t('recovery.codeHowTo')}</p>
      <p>
        <a href={props.back}>{t('recovery.back')}</a>
      </p>
    </AuthCard>
  );
}
