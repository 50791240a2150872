import { Badge } from '../../components/status-badge.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { formatDateTime } from '../../../src/lib/dates.js';

export interface InboxItem {
  id: string;
  title: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

export interface InboxPageProps {
  ctx: ViewContext;
  items: InboxItem[];
  unread: number;
  page: number;
  pages: number;
}

const pageHref = (page: number) => (page <= 1 ? '/inbox' : `/inbox?page=${page}`);

/** The inbox: newest first; unread ones say so in words and in bold (never by colour alone). */
export function InboxPage(props: InboxPageProps) {
  const { ctx, items, unread, page, pages } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('inbox.title')}>
      <h1>{t('inbox.title')}</h1>
      <p>{t('inbox.lead')}</p>
      <div class="inbox-summary">
        <p role="status">
          {unread > 0 ? t('inbox.unreadSummary', { count: unread }) : t('inbox.allRead')}
        </p>
        {unread > 0 && (
          <form method="post" action="/inbox/read-all">
            <button type="submit" class="button button--secondary">
              {t('inbox.markAllRead')}
            </button>
          </form>
        )}
      </div>
      {items.length === 0 ? (
        <p>{t('inbox.empty')}</p>
      ) : (
        <ul class="inbox-list">
          {items.map((n) => {
            const isUnread = n.read_at === null;
            const titleId = `notification-${n.id}`;
            return (
              <li class={isUnread ? 'inbox-item inbox-item--unread' : 'inbox-item'}>
                <h2 class="inbox-item__title" id={titleId}>
                  {isUnread && (
                    <Badge tone="info" solid class="inbox-item__status">
                      {t('inbox.unread')}
                    </Badge>
                  )}
                  {n.title}
                </h2>
                <p class="inbox-item__meta">
                  <span>{t('inbox.receivedAt')}</span>
                  <time datetime={n.created_at}>{formatDateTime(n.created_at, locale)}</time>
                </p>
                <p class="inbox-item__body">{n.body}</p>
                <div class="inbox-item__actions">
                  {n.link && (
                    <a class="button button--secondary" href={n.link} aria-describedby={titleId}>
                      {t('inbox.open')}
                    </a>
                  )}
                  {isUnread && (
                    <form method="post" action={`/inbox/${encodeURIComponent(n.id)}/read`}>
                      <input type="hidden" name="page" value={String(page)} />
                      <button
                        type="submit"
                        class="button button--secondary"
                        aria-describedby={titleId}
                      >
                        {t('inbox.markRead')}
                      </button>
                    </form>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {pages > 1 && (
        <nav class="pagination" aria-label={t('inbox.pagination')}>
          {page > 1 && (
            <a href={pageHref(page - 1)} rel="prev">
              {t('inbox.previous')}
            </a>
          )}
          <span aria-current="page">{t('inbox.pageOf', { page, pages })}</span>
          {page < pages && (
            <a href={pageHref(page + 1)} rel="next">
              {t('inbox.next')}
            </a>
          )}
        </nav>
      )}
    </Layout>
  );
}
