import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.js';
import { negotiateLocale, translator } from '../lib/i18n.js';
import { countUnread } from '../modules/notifications/notifications.queries.js';

export const LOCALE_COOKIE = 'tsunagu_locale';

/** Resolves the signed-in user from the session cookie, then the locale for this request. */
export const sessionMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  const lucia = c.var.lucia;
  const token = lucia.readSessionCookie(c.req.header('cookie') ?? '');
  c.set('user', null);
  c.set('sessionToken', null);
  c.set('unreadCount', null);
  if (token) {
    const { session, user } = await lucia.validateSession(token);
    if (session) {
      c.set('user', {
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        locale: user.locale,
      });
      c.set('sessionToken', session.id);
      // The header's unread count (one indexed COUNT); API callers read it from /notifications.
      if (!new URL(c.req.url).pathname.startsWith('/api/'))
        c.set('unreadCount', await countUnread(c.var.deps.db, user.id));
    } else {
      // The cookie names a session that ended: tell the browser to forget it.
      c.header('Set-Cookie', lucia.createBlankSessionCookie().serialize(), { append: true });
    }
  }
  setLocale(c);
  await next();
});

export function setLocale(c: Parameters<Parameters<typeof createMiddleware<AppEnv>>[0]>[0]) {
  const locale = negotiateLocale(
    c.var.user?.locale,
    getCookie(c, LOCALE_COOKIE),
    c.req.header('accept-language'),
  );
  c.set('locale', locale);
  c.set('t', translator(locale));
}

export function setSessionCookie(
  c: { header: (n: string, v: string, o?: { append?: boolean }) => void; var: AppEnv['Variables'] },
  token: string,
) {
  c.header('Set-Cookie', c.var.lucia.createSessionCookie(token).serialize(), { append: true });
}

export function clearSessionCookie(c: {
  header: (n: string, v: string, o?: { append?: boolean }) => void;
  var: AppEnv['Variables'];
}) {
  c.header('Set-Cookie', c.var.lucia.createBlankSessionCookie().serialize(), { append: true });
}
