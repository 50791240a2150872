import { getCookie } from 'hono/cookie';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.js';
import { negotiateLocale, translator } from '../lib/i18n.js';
import { readSessionContext } from './request-context.js';

export const LOCALE_COOKIE = 'tsunagu_locale';

/**
 * Resolves the signed-in user, their member row and (on pages) the header's unread and waiting
 * counts from the session cookie in one query, then the locale for this request. The session's
 * idle-deadline push goes out after the response where the runtime allows it (Workers' waitUntil).
 */
export const sessionMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  const lucia = c.var.lucia;
  const token = lucia.readSessionCookie(c.req.header('cookie') ?? '');
  c.set('user', null);
  c.set('member', null);
  c.set('sessionToken', null);
  c.set('unreadCount', null);
  c.set('waiting', null);
  if (token) {
    // API callers read the unread count from /notifications; the counts are for the page header.
    const page = !new URL(c.req.url).pathname.startsWith('/api/');
    const context = await readSessionContext(c.var.deps, token, { unread: page, waiting: page });
    if (context) {
      c.set('user', {
        id: context.userId,
        email: context.email,
        name: context.name,
        role: context.role,
        locale: context.locale,
      });
      c.set('member', context.member);
      // Request-scoped deps carry the stamps, so caches can check them without a query.
      if (context.stamps) c.set('deps', { ...c.var.deps, stamps: context.stamps });
      c.set('sessionToken', token);
      c.set('unreadCount', context.unread);
      c.set('waiting', context.waiting);
      if (context.touch) await afterResponse(c, context.touch());
    } else {
      // The cookie names a session that ended: tell the browser to forget it.
      c.header('Set-Cookie', lucia.createBlankSessionCookie().serialize(), { append: true });
    }
  }
  setLocale(c);
  await next();
});

/** Lets `work` finish after the response on Workers; elsewhere (Node, tests) awaits it. */
async function afterResponse(c: Context<AppEnv>, work: Promise<void>): Promise<void> {
  let executionCtx: { waitUntil(p: Promise<unknown>): void } | undefined;
  try {
    executionCtx = c.executionCtx;
  } catch {
    // Hono throws when the runtime gave no execution context (Node's server, app.request()).
  }
  if (!executionCtx) return work;
  executionCtx.waitUntil(
    work.catch((err: unknown) => console.error('[session] touch failed', err)),
  );
}

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
