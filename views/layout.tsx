import type { Child } from 'hono/jsx';
import type { ViewContext } from './view-context.js';
import type { MessageKey } from '../src/lib/i18n.js';

interface NavItem {
  href: string;
  label: MessageKey;
  /** A count shown after the label, e.g. unread notifications: 「お知らせ (3)」. */
  count?: number | undefined;
  /** The accessible name when a count is shown (it starts with the visible label, `{label}`). */
  countLabel?: MessageKey;
}

function navItems(ctx: ViewContext): NavItem[] {
  if (!ctx.user) return [];
  const items: NavItem[] = [{ href: '/', label: 'nav.home' }];
  items.push({
    href: '/inbox',
    label: 'nav.inbox',
    count: ctx.unreadCount,
    countLabel: 'nav.inboxUnread',
  });
  if (ctx.user.role === 'member') items.push({ href: '/my', label: 'my.nav' });
  if (ctx.memberSides?.requester) items.push({ href: '/requests', label: 'req.nav' });
  if (ctx.memberSides?.helper)
    items.push({
      href: '/offers',
      label: 'offers.nav',
      count: ctx.waiting?.offers,
      countLabel: 'home.nav.waiting',
    });
  if (ctx.memberSides?.helper || ctx.memberSides?.requester)
    items.push({
      href: '/activities',
      label: ctx.memberSides.helper ? 'activities.nav.helper' : 'activities.nav.requester',
      // Reports to write (helper side) and to confirm (parent side): both are done there.
      count: (ctx.waiting?.reportsDue ?? 0) + (ctx.waiting?.toConfirm ?? 0),
      countLabel: 'home.nav.waiting',
    });
  if (ctx.memberSides?.helper) {
    items.push({ href: '/calendar', label: 'availability.nav.calendar' });
    items.push({ href: '/availability', label: 'availability.nav.availability' });
  }
  if (ctx.user.role !== 'member') {
    items.push({ href: '/board', label: 'coord.nav.board' });
    items.push({ href: '/staff/planner', label: 'planner.nav' });
    items.push({ href: '/activities', label: 'activities.nav.staff' });
    items.push({ href: '/activities/missing', label: 'activities.nav.missing' });
    items.push({ href: '/members', label: 'nav.members' });
    items.push({ href: '/orientations', label: 'nav.orientations' });
    items.push({ href: '/staff/reports/monthly', label: 'reports.nav' });
    items.push({ href: '/line/members', label: 'line.staff.nav' });
  }
  items.push({
    href: '/training',
    label: ctx.user.role === 'member' ? 'training.nav.member' : 'training.nav.staff',
  });
  items.push({ href: '/events', label: 'events.nav' });
  // Members-only sections: not in an applicant's menu (they open with approval).
  if (ctx.user.role !== 'member' || ctx.memberSides?.membersContent) {
    items.push({ href: '/directory', label: 'dir.nav' });
    items.push({ href: '/announcements', label: 'ann.nav' });
  }
  if (ctx.user.role === 'admin')
    items.push({ href: '/staff-accounts', label: 'nav.staffAccounts' });
  if (ctx.user.role === 'admin') items.push({ href: '/settings', label: 'settings.nav' });
  items.push({ href: '/account/password', label: 'nav.password' });
  return items;
}

/**
 * The page frame. On a phone (under 48em) the header is one row: the brand, the language switch
 * and a menu button. The menu is a <details> disclosure (no script needed) holding the navigation
 * and sign-out, so the page's own content starts near the top. From 48em the full navigation and
 * the language switch show as before and the menu is not rendered visible. Both copies of the
 * navigation are the same list; the hidden one is display:none, so assistive technology and the
 * keyboard meet only one.
 */
export function Layout(props: { ctx: ViewContext; title: string; children?: Child }) {
  const { ctx } = props;
  const { t } = ctx;
  const items = navItems(ctx);
  const waiting = items.reduce((sum, item) => sum + (item.count ?? 0), 0);
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} | ${t('app.name')}`}</title>
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('nav.skip')}
        </a>
        <header class={ctx.user ? 'site-header site-header--signed-in' : 'site-header'}>
          <div class="site-header__inner">
            <a class="brand" href="/">
              <span class="brand__name">{t('app.name')}</span>
              <span class="brand__center">{t('app.center')}</span>
            </a>
            <LanguageSwitch ctx={ctx} />
            {ctx.user && (
              <details class="site-menu">
                <summary class="site-menu__toggle">
                  <span>{t('home.menu')}</span>
                  {waiting > 0 && (
                    <>
                      <span class="site-menu__count" aria-hidden="true">
                        {waiting}
                      </span>
                      <span class="visually-hidden">
                        {t('home.menuWaiting', { count: waiting })}
                      </span>
                    </>
                  )}
                </summary>
                <SiteNav ctx={ctx} items={items} />
              </details>
            )}
          </div>
          {ctx.user && <SiteNav ctx={ctx} items={items} wide />}
        </header>
        <main id="main" class="main" tabindex={-1}>
          {ctx.notice && (
            <p class="notice" role="status">
              {ctx.notice}
            </p>
          )}
          {props.children}
        </main>
        <footer class="site-footer">
          <p>{t('footer.contact')}</p>
        </footer>
      </body>
    </html>
  );
}

function SiteNav(props: { ctx: ViewContext; items: NavItem[]; wide?: boolean }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <nav class={props.wide ? 'site-nav site-nav--wide' : 'site-nav'} aria-label={t('nav.main')}>
      <ul>
        {props.items.map((item) => (
          <li>
            <a
              href={item.href}
              aria-current={isCurrent(ctx.path, item.href) ? 'page' : undefined}
              aria-label={
                item.count && item.countLabel
                  ? t(item.countLabel, { count: item.count, label: t(item.label) })
                  : undefined
              }
            >
              {t(item.label)}
              {item.count ? ` (${item.count})` : ''}
            </a>
          </li>
        ))}
        <li class="site-nav__logout">
          <form method="post" action="/logout">
            <button type="submit" class="link-button">
              {t('nav.logout')}
            </button>
          </form>
        </li>
      </ul>
    </nav>
  );
}

function isCurrent(path: string, href: string): boolean {
  const pathname = path.split('?')[0] ?? '/';
  return href === '/' ? pathname === '/' : pathname.startsWith(href);
}

function LanguageSwitch({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx;
  return (
    <form method="post" action="/locale" class="lang-switch">
      <input type="hidden" name="next" value={ctx.path} />
      <span class="lang-switch__label" id="lang-label">
        {t('lang.label')}
      </span>
      <div role="group" aria-labelledby="lang-label" class="lang-switch__buttons">
        {(['ja', 'en'] as const).map((l) => (
          <button
            type="submit"
            name="locale"
            value={l}
            lang={l}
            aria-pressed={ctx.locale === l ? 'true' : 'false'}
          >
            {t(l === 'ja' ? 'lang.ja' : 'lang.en')}
          </button>
        ))}
      </div>
    </form>
  );
}
