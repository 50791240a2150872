import { z } from 'zod';
import { instantJson, responseOf } from '../../http/api-route.js';
import { toTokyoIso } from '../../lib/dates.js';
import { renderMarkdown } from '../../lib/markdown.js';
import { ANNOUNCEMENT_AUDIENCES } from '../events/audience.js';
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

type NewsletterListed = Pick<
  NewsletterRow,
  'id' | 'title' | 'issued_on' | 'format' | 'file_name' | 'file_size'
>;

/** What the API and the pages both say of a newsletter. */
export const newsletterFields = (n: NewsletterListed) => ({
  id: n.id,
  title: n.title,
  issuedOn: n.issued_on,
  format: n.format,
  fileName: n.file_name,
  fileSize: n.file_size,
});

export function toNewsletterJson(n: NewsletterListed) {
  return {
    ...newsletterFields(n),
    url: n.format === 'pdf' ? `/newsletters/${n.id}/file` : `/newsletters/${n.id}`,
  };
}

// The response schemas of the serializers above (pinned to them: see `responseOf`).
export const announcementSchema = responseOf<ReturnType<typeof toAnnouncementJson>>()(
  z.object({
    id: z.string(),
    title: z.string(),
    body: z.string().describe('Markdown'),
    bodyHtml: z.string().describe('The body rendered by the safe Markdown subset'),
    audience: z.enum(ANNOUNCEMENT_AUDIENCES),
    email: z.boolean(),
    status: z.enum(['draft', 'published']),
    publishedAt: instantJson.nullable(),
    createdAt: instantJson,
  }),
);

export const newsletterSchema = responseOf<ReturnType<typeof toNewsletterJson>>()(
  z.object({
    id: z.string(),
    title: z.string(),
    issuedOn: z.string().describe('YYYY-MM-DD'),
    format: z.enum(['pdf', 'page']),
    fileName: z.string().nullable(),
    fileSize: z.number().int().nullable(),
    url: z.string().describe('The PDF download, or the page'),
  }),
);
