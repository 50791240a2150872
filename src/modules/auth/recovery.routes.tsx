import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../../context.js';
import { renderPage, setFlash } from '../../http/render.js';
import { formBody } from '../../http/validate.js';
import { AppError } from '../../lib/errors.js';
import {
  ForgotPasswordPage,
  ResetCodeIssuedPage,
  ResetPasswordPage,
} from '../../../views/pages/auth/recovery.js';
import { publicOrigin } from './recovery.api.js';
import { forgotPasswordBody, resetWithCodeForm, resetWithTokenForm } from './recovery.schemas.js';
import {
  isLiveResetLink,
  requestPasswordReset,
  resetPassword,
  type ResetSecret,
} from './recovery.service.js';

/**
 * A reset code just issued by staff (for a member who phoned, or a staff account), shown on this
 * page only and never cached; `back` is the page of the account.
 */
export function renderIssuedResetCode(
  c: AppContext,
  name: string,
  issued: { code: string; expiresAt: string },
  back: string,
) {
  c.header('Cache-Control', 'no-store');
  return renderPage(c, ResetCodeIssuedPage, {
    name,
    code: issued.code,
    expiresAt: issued.expiresAt,
    back,
  });
}

/** Forgot password, the reset forms (link and code), and the code staff issue for a member. */
export const recoveryPages = new Hono<AppEnv>();

recoveryPages.get('/forgot-password', (c) =>
  renderPage(c, ForgotPasswordPage, { sent: false, values: {}, errors: {} }),
);

recoveryPages.post(
  '/forgot-password',
  formBody(forgotPasswordBody, (c, errors, values) =>
    renderPage(c, ForgotPasswordPage, { sent: false, values, errors }, 422),
  ),
  async (c) => {
    await requestPasswordReset(c.var.deps, {
      email: c.req.valid('form').email,
      clientAddress: c.var.clientAddress,
      origin: publicOrigin(c.var.deps.config.PUBLIC_ORIGIN, c.req.url),
      locale: c.var.locale,
    });
    return renderPage(c, ForgotPasswordPage, { sent: true, values: {}, errors: {} });
  },
);

const resetPage = (
  c: AppContext,
  mode: 'link' | 'code',
  values: Record<string, string>,
  errors: Record<string, string>,
  formError?: string,
) =>
  renderPage(
    c,
    ResetPasswordPage,
    {
      mode,
      token: values.token,
      values: { email: values.email, code: values.code },
      errors,
      formError,
    },
    Object.keys(errors).length || formError ? 422 : 200,
  );

recoveryPages.get('/reset-password', async (c) => {
  const token = c.req.query('token') ?? '';
  if (!(await isLiveResetLink(c.var.deps, token)))
    return resetPage(c, 'link', {}, {}, c.var.t('recovery.invalid'));
  return resetPage(c, 'link', { token }, {});
});

recoveryPages.get('/reset-code', (c) => resetPage(c, 'code', {}, {}));

/** Sets the password, then sends the person to sign in with it. */
async function completeReset(
  c: AppContext,
  secret: ResetSecret,
  newPassword: string,
  values: Record<string, string>,
) {
  try {
    await resetPassword(c.var.deps, { ...secret, newPassword, clientAddress: c.var.clientAddress });
  } catch (err) {
    if (err instanceof AppError && (err.code === 'invalid_reset' || err.status === 429)) {
      const message = c.var.t(err.status === 429 ? 'login.throttled' : 'recovery.invalid');
      return resetPage(c, secret.kind, values, {}, message);
    }
    throw err;
  }
  setFlash(c, 'recovery.done');
  return c.redirect('/login', 303);
}

recoveryPages.post(
  '/reset-password',
  formBody(resetWithTokenForm, (c, errors, values) => resetPage(c, 'link', values, errors)),
  async (c) => {
    const { token, newPassword } = c.req.valid('form');
    return completeReset(c, { kind: 'link', token }, newPassword, { token });
  },
);

recoveryPages.post(
  '/reset-code',
  formBody(resetWithCodeForm, (c, errors, values) => resetPage(c, 'code', values, errors)),
  async (c) => {
    const { email, code, newPassword } = c.req.valid('form');
    return completeReset(c, { kind: 'code', email, code }, newPassword, { email, code });
  },
);
