import { Hono } from 'hono';
import { requireStaff } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import { renderPage, setFlash } from '../../http/render.js';
import { pageNumberOf } from '../../lib/paging.js';
import { formBody, staffOnly } from '../../http/validate.js';
import { AnnouncementPage } from '../../../views/pages/announcements/announcement-detail.js';
import {
  AnnouncementFormPage,
  type AnnouncementFormValues,
} from '../../../views/pages/announcements/announcement-form.js';
import { AnnouncementListPage } from '../../../views/pages/announcements/announcement-list.js';
import type { AnnouncementView } from '../../../views/pages/announcements/announcement-text.js';
import { visibleAnnouncementAudiences } from '../events/audience.js';
import { loadMembersOnlyReader, loadViewer } from '../events/viewer.js';
import { newsletterPages } from './newsletters.routes.js';
import { redirectUnlessRefused } from '../../http/refusal.js';
import { UUID } from '../../http/paths.js';
import { listAnnouncements, type AnnouncementRow } from './announcements.queries.js';
import { announcementForm, announcementValues, intentOf } from './announcement-form.js';
import {
  createAnnouncement,
  deleteDraft,
  loadReadableAnnouncement,
  publishAnnouncement,
  updateDraft,
} from './announcements.service.js';

export const announcementPages = new Hono<AppEnv>();

export { NEWSLETTER_UPLOAD_PATH } from './newsletters.routes.js';

const ANNOUNCEMENT = `/announcements/:id{${UUID}}`;

export const toAnnouncementView = (
  a: Omit<AnnouncementRow, 'author_name'> & { author_name?: string | null },
): AnnouncementView => ({
  id: a.id,
  title: a.title,
  body: a.body,
  audience: a.audience,
  email: a.email === 1,
  publishedAt: a.published_at,
  createdAt: a.created_at,
  authorName: a.author_name ?? null,
});

/** The latest published announcements for the home page (never drafts). */
export async function latestAnnouncementsFor(
  c: AppContext,
  limit = 3,
): Promise<AnnouncementView[]> {
  const viewer = await loadViewer(c.var.deps.db, c.var.user);
  const rows = await listAnnouncements(c.var.deps.db, {
    audiences: visibleAnnouncementAudiences(viewer),
    includeDrafts: false,
    limit,
  });
  return rows.map(toAnnouncementView);
}

// ---------------------------------------------------------------------------------------------
// Announcements

/** Announcements per page of the list: it grows every month, newest first. */
const ANNOUNCEMENT_PAGE_SIZE = 20;

announcementPages.get('/announcements', async (c) => {
  const viewer = loadMembersOnlyReader(c);
  const page = pageNumberOf(c.req.query('page'));
  // One row more than a page says whether a next page exists, without counting them all.
  const rows = await listAnnouncements(c.var.deps.db, {
    audiences: visibleAnnouncementAudiences(viewer),
    includeDrafts: viewer.kind === 'staff',
    limit: ANNOUNCEMENT_PAGE_SIZE + 1,
    offset: (page - 1) * ANNOUNCEMENT_PAGE_SIZE,
  });
  const hasNext = rows.length > ANNOUNCEMENT_PAGE_SIZE;
  return renderPage(c, AnnouncementListPage, {
    announcements: rows.slice(0, ANNOUNCEMENT_PAGE_SIZE).map(toAnnouncementView),
    isStaff: viewer.kind === 'staff',
    paging: {
      page,
      pageCount: hasNext ? page + 1 : page,
      href: (p: number) => (p > 1 ? `/announcements?page=${p}` : '/announcements'),
    },
  });
});

async function renderAnnouncement(
  c: AppContext,
  id: string,
  options: { actionError?: string; status?: 200 | 409 | 422 } = {},
) {
  const viewer = loadMembersOnlyReader(c);
  const row = await loadReadableAnnouncement(c.var.deps, viewer, id);
  return renderPage(
    c,
    AnnouncementPage,
    {
      announcement: toAnnouncementView(row),
      isStaff: viewer.kind === 'staff',
      actionError: options.actionError,
    },
    options.status,
  );
}

announcementPages.get(ANNOUNCEMENT, (c) => renderAnnouncement(c, c.req.param('id')));

announcementPages.get('/announcements/new', (c) => {
  requireStaff(c);
  return renderPage(c, AnnouncementFormPage, { values: {}, errors: {}, preview: false });
});

/** The form again: 422 with the messages. */
const announcementBodyOf = (form: 'new' | 'edit') =>
  formBody(announcementForm, (c, errors, values) =>
    renderPage(
      c,
      AnnouncementFormPage,
      {
        announcementId: form === 'edit' ? c.req.param('id') : undefined,
        values: announcementValues(values),
        errors,
        preview: intentOf(values) === 'preview',
      },
      422,
    ),
  );

/** A valid form asked for a preview: the form again, with the preview, 200. */
const previewPage = (c: AppContext, values: AnnouncementFormValues, announcementId?: string) =>
  renderPage(c, AnnouncementFormPage, { announcementId, values, errors: {}, preview: true });

announcementPages.post('/announcements', staffOnly, announcementBodyOf('new'), async (c) => {
  const staff = requireStaff(c);
  const { input, intent, values } = c.req.valid('form');
  if (intent === 'preview') return previewPage(c, values);
  const { announcement, notified } = await createAnnouncement(c.var.deps, staff, input);
  if (intent === 'publish') setFlash(c, 'ann.publishedNotice', { count: String(notified) });
  else setFlash(c, 'ann.draftSavedNotice');
  return c.redirect(`/announcements/${announcement.id}`, 303);
});

announcementPages.get(`${ANNOUNCEMENT}/edit`, async (c) => {
  requireStaff(c);
  const viewer = loadMembersOnlyReader(c);
  const row = await loadReadableAnnouncement(c.var.deps, viewer, c.req.param('id'));
  if (row.published_at !== null) return c.redirect(`/announcements/${row.id}`, 303);
  return renderPage(c, AnnouncementFormPage, {
    announcementId: row.id,
    values: { title: row.title, body: row.body, audience: row.audience, email: row.email === 1 },
    errors: {},
    preview: false,
  });
});

announcementPages.post(`${ANNOUNCEMENT}/edit`, staffOnly, announcementBodyOf('edit'), async (c) => {
  const staff = requireStaff(c);
  const id = c.req.param('id');
  const { input, intent, values } = c.req.valid('form');
  if (intent === 'preview') return previewPage(c, values, id);
  return redirectUnlessRefused(
    c,
    `/announcements/${id}`,
    async () => {
      const { notified } = await updateDraft(c.var.deps, staff, id, input);
      if (intent === 'publish') setFlash(c, 'ann.publishedNotice', { count: String(notified) });
      else setFlash(c, 'ann.draftSavedNotice');
    },
    (r) => renderAnnouncement(c, id, r),
  );
});

announcementPages.post(`${ANNOUNCEMENT}/publish`, async (c) => {
  const staff = requireStaff(c);
  const id = c.req.param('id');
  return redirectUnlessRefused(
    c,
    `/announcements/${id}`,
    async () => {
      const { notified } = await publishAnnouncement(c.var.deps, staff, id);
      setFlash(c, 'ann.publishedNotice', { count: String(notified) });
    },
    (r) => renderAnnouncement(c, id, r),
  );
});

announcementPages.post(`${ANNOUNCEMENT}/delete`, async (c) => {
  const staff = requireStaff(c);
  const id = c.req.param('id');
  return redirectUnlessRefused(
    c,
    '/announcements',
    async () => {
      await deleteDraft(c.var.deps, staff, id);
      setFlash(c, 'ann.deletedNotice');
    },
    (r) => renderAnnouncement(c, id, r),
  );
});

announcementPages.route('/', newsletterPages);
