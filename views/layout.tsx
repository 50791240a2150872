import type { Child } from 'hono/jsx';
import type { ViewContext } from './view-context.js';
import type { MessageKey } from '../src/lib/i18n.js';

interface NavItem {
  href: string;
  label: MessageKey;
  /** A count shown after the label, e.g. unread notifications: 「お知らせ (3)」. */
  count?: number | undefined;
  /** The accessible name when a count is shown (it starts with the visible label). */
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
  if (ctx.memberSides?.helper) items.push({ href: '/offers', label: 'offers.nav' });
  if (ctx.memberSides?.helper || ctx.memberSides?.requester)
    items.push({
      href: '/activities',
      label: ctx.memberSides.helper ? 'activities.nav.helper' : 'activities.nav.requester',
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
  }
  items.push({
    href: '/training',
    label: ctx.user.role === 'member' ? 'training.nav.member' : 'training.nav.staff',
  });
  items.push({ href: '/events', label: 'events.nav' });
  items.push({ href: '/directory', label: 'dir.nav' });
  items.push({ href: '/announcements', label: 'ann.nav' });
  if (ctx.user.role === 'admin')
    items.push({ href: '/staff-accounts', label: 'nav.staffAccounts' });
  if (ctx.user.role === 'admin') items.push({ href: '/settings', label: 'settings.nav' });
  items.push({ href: '/account/password', label: 'nav.password' });
  return items;
}

export function Layout(props: { ctx: ViewContext; title: string; children?: Child }) {
  const { ctx } = props;
  const { t } = ctx;
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
        <header class="site-header">
          <div class="site-header__inner">
            <a class="brand" href="/">
              <span class="brand__name">{t('app.name')}</span>
              <span class="brand__center">{t('app.center')}</span>
            </a>
            <LanguageSwitch ctx={ctx} />
          </div>
          {ctx.user && (
            <nav class="site-nav" aria-label={t('nav.main')}>
              <ul>
                {navItems(ctx).map((item) => (
                  <li>
                    <a
                      href={item.href}
                      aria-current={isCurrent(ctx.path, item.href) ? 'page' : undefined}
                      aria-label={
                        item.count && item.countLabel
                          ? t(item.countLabel, { count: item.count })
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
          )}
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
