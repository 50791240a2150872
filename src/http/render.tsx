import type { JSX } from 'hono/jsx/jsx-runtime';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppContext } from '../context.js';
import { isMessageKey } from '../lib/i18n.js';
import type { ViewContext } from '../../views/view-context.js';

const FLASH_COOKIE = 'tsunagu_flash';

/** The plain props every page gets. */
export function viewContext(c: AppContext): ViewContext {
  const user = c.var.user;
  const url = new URL(c.req.url);
  return {
    t: c.var.t,
    locale: c.var.locale,
    user: user ? { name: user.name, role: user.role } : null,
    path: url.pathname + url.search,
    notice: readFlash(c),
    unreadCount: c.var.unreadCount ?? undefined,
    memberSides: c.var.memberSides ?? undefined,
    waiting: c.var.waiting ?? undefined,
  };
}

type PageStatus = 200 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 400 | 500;

export async function render(c: AppContext, page: JSX.Element, status: PageStatus = 200) {
  const html: string = await page;
  return c.html(`<!DOCTYPE html>${html}`, status);
}

/**
 * A page with the request's view context, so a route passes only what the page shows:
 *
 *     return renderPage(c, MemberDirectoryPage, { filters, rows, total, page });
 */
export function renderPage<P extends { ctx: ViewContext }>(
  c: AppContext,
  Page: (props: P) => JSX.Element,
  props: Omit<P, 'ctx'>,
  status?: PageStatus,
) {
  return render(c, <Page {...(props as P)} ctx={viewContext(c)} />, status);
}

/** A one-time notice shown on the next page (after a 303), stored as an i18n key plus params. */
export function setFlash(c: AppContext, key: string, params?: Record<string, string>) {
  setCookie(c, FLASH_COOKIE, JSON.stringify({ key, params }), {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.var.deps.config.SECURE_COOKIES,
    maxAge: 60,
  });
}

function readFlash(c: AppContext): string | undefined {
  const raw = getCookie(c, FLASH_COOKIE);
  if (!raw) return undefined;
  deleteCookie(c, FLASH_COOKIE, { path: '/', secure: c.var.deps.config.SECURE_COOKIES });
  try {
    const { key, params } = JSON.parse(raw) as { key?: unknown; params?: Record<string, string> };
    return typeof key === 'string' && isMessageKey(key) ? c.var.t(key, params) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Only same-origin paths may be redirect targets (no open redirects): one leading slash, and no
 * backslash, whitespace or control character anywhere (browsers drop or rewrite those, so
 * `/\t/evil.example` or `/\\evil.example` would leave the site).
 */
export function safeNextPath(next: unknown): string {
  // eslint-disable-next-line no-control-regex
  const refused = /[\\\s\u0000-\u001f\u007f-\u009f]/u;
  return typeof next === 'string' && /^\/(?!\/)/.test(next) && !refused.test(next) ? next : '/';
}
