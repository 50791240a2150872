import { Badge, StatusBadge } from '../../components/status-badge.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { Markdown } from './markdown.js';
import { annAudienceLabel, publishedText, type AnnouncementView } from './announcement-text.js';
import { StaffBackLink } from '../../components/back-link.js';

/** One announcement. For staff and a draft: edit, publish (notifies), delete. */
export function AnnouncementPage(props: {
  ctx: ViewContext;
  announcement: AnnouncementView;
  isStaff: boolean;
  actionError?: string | undefined;
}) {
  const { t, locale } = props.ctx;
  const a = props.announcement;
  return (
    <Layout ctx={props.ctx} title={a.title}>
      <StaffBackLink href="/announcements" label={t('ann.back')} />
      <article aria-labelledby="ann-title">
        <h1 id="ann-title">{a.title}</h1>
        <p class="badge-list cl-badges">
          {a.publishedAt === null && (
            <StatusBadge kind="publication" status="draft">
              {t('ann.draft')}
            </StatusBadge>
          )}
          {props.isStaff && <Badge>{annAudienceLabel(t, a.audience)}</Badge>}
          {props.isStaff && a.email && <Badge>{t('ann.withEmail')}</Badge>}
        </p>
        {a.publishedAt && <p class="muted">{publishedText(t, locale, a)}</p>}
        {props.actionError && (
          <div class="alert alert--error" role="alert">
            <p>{props.actionError}</p>
          </div>
        )}
        <Markdown source={a.body} class="cl-prose" />
      </article>
      {props.isStaff && a.publishedAt === null && (
        <section aria-labelledby="draft-title" class="card">
          <h2 id="draft-title">{t('ann.draftTools')}</h2>
          <p>
            {t('ann.publishLead', { audience: annAudienceLabel(t, a.audience) })}
            {a.email && (
              <>
                <br />
                {t('ann.publishEmailLead')}
              </>
            )}
          </p>
          <div class="button-row">
            <form method="post" action={`/announcements/${a.id}/publish`}>
              <button type="submit" class="button button--primary">
                {t('ann.publish')}
              </button>
            </form>
            <a class="button button--secondary" href={`/announcements/${a.id}/edit`}>
              {t('ann.edit')}
            </a>
          </div>
          <details class="disclosure">
            <summary>{t('ann.delete')}</summary>
            <form method="post" action={`/announcements/${a.id}/delete`}>
              <button type="submit" class="button button--danger">
                {t('ann.deleteSubmit')}
              </button>
            </form>
          </details>
        </section>
      )}
    </Layout>
  );
}
