import { toTokyoIso } from '../../lib/dates.js';
import { renderMarkdown } from '../../lib/markdown.js';
import type { AnnouncementRow, NewsletterRow } from './announcements.queries.js';

export function toAnnouncementJson(a: Omit<AnnouncementRow, 'author_name'>) {
  return {
    id: a.id,
    title: a.title,
    body: a.body,
    /** The body rendered by the safe Markdown subset (no raw HTML ever passes). */
    bodyHtml: renderMarkdown(a.body),
    audience: a.audience,
    email: a.email === 1,
    status: a.published_at === null ? ('draft' as const) : ('published' as const),
    publishedAt: a.published_at === null ? null : toTokyoIso(a.published_at),
    createdAt: toTokyoIso(a.created_at),
  };
}

export function toNewsletterJson(
  n: Pick<NewsletterRow, 'id' | 'title' | 'issued_on' | 'format' | 'file_name' | 'file_size'>,
) {
  return {
    id: n.id,
    title: n.title,
    issuedOn: n.issued_on,
    format: n.format,
    fileName: n.file_name,
    fileSize: n.file_size,
    url: n.format === 'pdf' ? `/newsletters/${n.id}/file` : `/newsletters/${n.id}`,
  };
}
