import { formatDate } from '../../../src/lib/dates.js';
import type { Translator } from '../../../src/lib/i18n.js';
import type { AnnouncementAudience, Locale } from '../../../db/schema.js';

/** An announcement as the pages show it. */
export interface AnnouncementView {
  id: string;
  title: string;
  body: string;
  audience: AnnouncementAudience;
  email: boolean;
  publishedAt: string | null;
  createdAt: string;
  authorName: string | null;
}

export const annAudienceLabel = (t: Translator, a: AnnouncementAudience) => t(`ann.audience.${a}`);

/** 「2026年11月21日(土) 公開」 or 「下書き」. */
export function publishedText(t: Translator, locale: Locale, a: AnnouncementView): string {
  return a.publishedAt
    ? t('ann.publishedOn', { date: formatDate(a.publishedAt, locale) })
    : t('ann.draft');
}

/** The sub-menu shared by the announcements and the newsletter archive. */
export function CenterNewsNav(props: { t: Translator; current: 'announcements' | 'newsletters' }) {
  const { t } = props;
  return (
    <nav class="cl-tabs" aria-label={t('ann.subnav')}>
      <a
        href="/announcements"
        aria-current={props.current === 'announcements' ? 'page' : undefined}
      >
        {t('ann.title')}
      </a>
      <a href="/newsletters" aria-current={props.current === 'newsletters' ? 'page' : undefined}>
        {t('news.title')}
      </a>
    </nav>
  );
}

/** The Markdown cheat sheet under a text box (in plain words, with examples). */
export function MarkdownHelp(props: { t: Translator }) {
  const { t } = props;
  return (
    <details class="disclosure cl-md-help">
      <summary>{t('markdown.helpTitle')}</summary>
      <table class="table cl-md-table">
        <caption class="visually-hidden">{t('markdown.helpTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('markdown.helpWrite')}</th>
            <th scope="col">{t('markdown.helpResult')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>
              <code>## {t('markdown.exHeading')}</code>
            </td>
            <td>{t('markdown.heading')}</td>
          </tr>
          <tr>
            <td>
              <code>**{t('markdown.exBold')}**</code>
            </td>
            <td>
              <strong>{t('markdown.exBold')}</strong>
            </td>
          </tr>
          <tr>
            <td>
              <code>- {t('markdown.exItem')}</code>
            </td>
            <td>{t('markdown.list')}</td>
          </tr>
          <tr>
            <td>
              <code>[{t('markdown.exLink')}](https://…)</code>
            </td>
            <td>{t('markdown.link')}</td>
          </tr>
        </tbody>
      </table>
      <p class="hint">{t('markdown.noHtml')}</p>
    </details>
  );
}
