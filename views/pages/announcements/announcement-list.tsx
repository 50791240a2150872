import { PageHead } from '../../components/page-head.js';
import { Badge, StatusBadge } from '../../components/status-badge.js';
import { Layout } from '../../layout.js';
import { Pagination } from '../../components/pagination.js';
import type { ViewContext } from '../../view-context.js';
import { markdownToPlainText } from '../../../src/lib/markdown.js';
import { annAudienceLabel, publishedText, type AnnouncementView } from './announcement-text.js';
import { CenterNewsNav } from './center-news-nav.js';

/** センターからのお知らせ: what the center published for the reader (staff: drafts first). */
export function AnnouncementListPage(props: {
  ctx: ViewContext;
  announcements: AnnouncementView[];
  isStaff: boolean;
  /** Which page is shown (newest first); the next page's link when there is one. */
  paging?: { page: number; pageCount: number; href: (page: number) => string };
}) {
  const { t, locale } = props.ctx;
  const title = t('ann.title');
  return (
    <Layout ctx={props.ctx} title={title}>
      <PageHead
        title={title}
        action={props.isStaff && { href: '/announcements/new', label: t('ann.new') }}
      />
      <CenterNewsNav t={t} current="announcements" />
      <p>{t('ann.lead')}</p>
      {props.announcements.length === 0 ? (
        <p class="card">{t('ann.none')}</p>
      ) : (
        <ul class="plain-list cl-cards">
          {props.announcements.map((a) => (
            <li class="card cl-card">
              <h2 class="cl-card__title">
                <a href={`/announcements/${a.id}`}>{a.title}</a>
              </h2>
              <p class="badge-list cl-badges">
                {a.publishedAt === null && (
                  <StatusBadge kind="publication" status="draft">
                    {t('ann.draft')}
                  </StatusBadge>
                )}
                {props.isStaff && <Badge>{annAudienceLabel(t, a.audience)}</Badge>}
              </p>
              {a.publishedAt && <p class="muted cl-card__date">{publishedText(t, locale, a)}</p>}
              <p class="cl-card__excerpt">{markdownToPlainText(a.body, 140)}</p>
            </li>
          ))}
        </ul>
      )}
      {props.paging && <Pagination t={t} {...props.paging} />}
    </Layout>
  );
}
