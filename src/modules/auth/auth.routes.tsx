import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { requireUser } from '../../auth/guards.js';
import {
  clearSessionCookie,
  LOCALE_COOKIE,
  setSessionCookie,
} from '../../auth/session.middleware.js';
import type { AppEnv } from '../../context.js';
import { formBody, signedIn } from '../../http/validate.js';
import { fieldRefusal } from '../../http/refusal.js';
import { renderPage, safeNextPath, setFlash } from '../../http/render.js';
import { AppError } from '../../lib/errors.js';
import { ChangePasswordPage } from '../../../views/pages/auth/password.js';
import { LoginPage } from '../../../views/pages/auth/login.js';
import { changePassword, signIn, signOut } from './auth.service.js';
import { loginForm, loginFormValues } from './auth-form.js';
import { changePasswordForm, localeForm } from './auth.schemas.js';
import { updateUserLocale } from './users.queries.js';

export const authPages = new Hono<AppEnv>();

authPages.get('/login', (c) => {
  if (c.var.user) return c.redirect('/', 303);
  return renderPage(c, LoginPage, { values: { next: c.req.query('next') ?? '' }, errors: {} });
});

authPages.post(
  '/login',
  formBody(loginForm, (c, errors, form) =>
    renderPage(c, LoginPage, { values: loginFormValues(form), errors }, 422),
  ),
  async (c) => {
    const { next, ...credentials } = c.req.valid('form');
    const values = { email: credentials.email, next };
    try {
      const { sessionToken } = await signIn(c.var.deps, c.var.lucia, {
        ...credentials,
        clientAddress: c.var.clientAddress,
      });
      setSessionCookie(c, sessionToken);
      return c.redirect(safeNextPath(next), 303);
    } catch (err) {
      if (err instanceof AppError && (err.status === 401 || err.status === 429)) {
        const message = c.var.t(err.status === 429 ? 'login.throttled' : 'login.failed');
        return renderPage(
          c,
          LoginPage,
          { values, errors: {}, formError: message },
          err.status === 429 ? 429 : 422,
        );
      }
      throw err;
    }
  },
);

authPages.post('/logout', async (c) => {
  if (c.var.sessionToken) await signOut(c.var.lucia, c.var.sessionToken);
  clearSessionCookie(c);
  setFlash(c, 'logout.done');
  return c.redirect('/login', 303);
});

authPages.get('/account/password', (c) => {
  requireUser(c);
  return renderPage(c, ChangePasswordPage, { errors: {} });
});

authPages.post(
  '/account/password',
  signedIn,
  formBody(changePasswordForm, (c, errors) => renderPage(c, ChangePasswordPage, { errors }, 422)),
  async (c) => {
    const user = requireUser(c);
    const form = c.req.valid('form');
    try {
      const { sessionToken } = await changePassword(c.var.deps, c.var.lucia, {
        userId: user.id,
        currentPassword: form.currentPassword,
        newPassword: form.newPassword,
        clientAddress: c.var.clientAddress,
      });
      setSessionCookie(c, sessionToken);
    } catch (err) {
      const errors = fieldRefusal(c, err, {
        wrong_current_password: ['currentPassword', 'password.wrongCurrent'],
      });
      if (!errors) throw err;
      return renderPage(c, ChangePasswordPage, { errors }, 422);
    }
    setFlash(c, 'password.changed');
    return c.redirect('/', 303);
  },
);

/** The language switch: remembered in a cookie, and on the account when signed in. */
authPages.post(
  '/locale',
  formBody(localeForm, (c) => c.redirect('/', 303)),
  async (c) => {
    const { locale, next } = c.req.valid('form');
    setCookie(c, LOCALE_COOKIE, locale, {
      path: '/',
      maxAge: 365 * 24 * 3600,
      sameSite: 'Lax',
      secure: c.var.deps.config.SECURE_COOKIES,
    });
    if (c.var.user)
      await updateUserLocale(c.var.deps.db, c.var.user.id, locale, c.var.deps.clock.now());
    return c.redirect(safeNextPath(next), 303);
  },
);
