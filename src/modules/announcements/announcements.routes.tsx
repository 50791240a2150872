import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requireStaff, requireUser } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import { parseFormOrReject, readForm, validateForm } from '../../http/forms.js';
import { render, setFlash, viewContext } from '../../http/render.js';
import { AppError, notFound } from '../../lib/errors.js';
import { isMessageKey } from '../../lib/i18n.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import { AnnouncementPage } from '../../../views/pages/announcements/announcement-detail.js';
import {
  AnnouncementFormPage,
  type AnnouncementFormValues,
} from '../../../views/pages/announcements/announcement-form.js';
import { AnnouncementListPage } from '../../../views/pages/announcements/announcement-list.js';
import {
  NewsletterFormPage,
  NewsletterListPage,
  NewsletterPage,
  type NewsletterFormValues,
  type NewsletterView,
} from '../../../views/pages/announcements/newsletters.js';
import type { AnnouncementView } from '../../../views/pages/announcements/announcement-text.js';
import { visibleAnnouncementAudiences, type Viewer } from '../events/audience.js';
import { loadViewer } from '../events/viewer.js';
import {
  findNewsletter,
  listAnnouncements,
  listNewsletters,
  type AnnouncementRow,
  type NewsletterRow,
} from './announcements.queries.js';
import {
  announcementBody,
  MAX_PDF_BYTES,
  newsletterPageBody,
  newsletterPdfFields,
} from './announcements.schemas.js';
import {
  createAnnouncement,
  createNewsletterPage,
  deleteDraft,
  deleteNewsletter,
  loadReadableAnnouncement,
  openNewsletterFile,
  publishAnnouncement,
  updateDraft,
  uploadNewsletterPdf,
} from './announcements.service.js';

export const announcementPages = new Hono<AppEnv>();

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ANNOUNCEMENT = `/announcements/:id{${UUID}}`;
const NEWSLETTER = `/newsletters/:id{${UUID}}`;

/** The path of the PDF upload: app.ts exempts it from the site-wide body limit (it has its own). */
export const NEWSLETTER_UPLOAD_PATH = '/newsletters/pdf';

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

function refusal(c: AppContext, err: unknown): { status: 409 | 422; message: string } | null {
  if (err instanceof AppError && (err.status === 409 || err.status === 422)) {
    const key = isMessageKey(err.messageKey) ? err.messageKey : 'error.conflict';
    return { status: err.status, message: c.var.t(key) };
  }
  return null;
}

/** Members and staff; a login without a live member record (withdrawn) sees nothing. */
async function memberOrStaff(c: AppContext): Promise<Viewer> {
  const viewer = await loadViewer(c.var.deps.db, requireUser(c));
  if (viewer.kind === 'member' && !viewer.memberId) throw notFound();
  return viewer;
}

// ---------------------------------------------------------------------------------------------
// Announcements

announcementPages.get('/announcements', async (c) => {
  const viewer = await memberOrStaff(c);
  const rows = await listAnnouncements(c.var.deps.db, {
    audiences: visibleAnnouncementAudiences(viewer),
    includeDrafts: viewer.kind === 'staff',
    limit: 100,
  });
  return render(
    c,
    <AnnouncementListPage
      ctx={viewContext(c)}
      announcements={rows.map(toAnnouncementView)}
      isStaff={viewer.kind === 'staff'}
    />,
  );
});

async function renderAnnouncement(
  c: AppContext,
  id: string,
  options: { actionError?: string; status?: 200 | 409 | 422 } = {},
) {
  const viewer = await memberOrStaff(c);
  const row = await loadReadableAnnouncement(c.var.deps, viewer, id);
  return render(
    c,
    <AnnouncementPage
      ctx={viewContext(c)}
      announcement={toAnnouncementView(row)}
      isStaff={viewer.kind === 'staff'}
      actionError={options.actionError}
    />,
    options.status,
  );
}

announcementPages.get(ANNOUNCEMENT, (c) => renderAnnouncement(c, c.req.param('id')));

function readAnnouncementForm(c: AppContext, form: Record<string, string>) {
  const values: AnnouncementFormValues = {
    title: form.title ?? '',
    body: form.body ?? '',
    audience: form.audience ?? '',
    email: form.email === 'yes',
  };
  const intent = form.intent === 'publish' || form.intent === 'draft' ? form.intent : 'preview';
  const parsed = validateForm(c, announcementBody, {
    title: values.title,
    body: values.body,
    audience: values.audience,
    email: values.email,
    publish: intent === 'publish',
  });
  return { values, intent, parsed };
}

announcementPages.get('/announcements/new', (c) => {
  requireStaff(c);
  return render(
    c,
    <AnnouncementFormPage ctx={viewContext(c)} values={{}} errors={{}} preview={false} />,
  );
});

announcementPages.post('/announcements', async (c) => {
  const staff = requireStaff(c);
  const { values, intent, parsed } = readAnnouncementForm(c, await readForm(c));
  if (!parsed.ok || intent === 'preview')
    return render(
      c,
      <AnnouncementFormPage
        ctx={viewContext(c)}
        values={values}
        errors={parsed.ok ? {} : parsed.errors}
        preview={intent === 'preview'}
      />,
      parsed.ok ? 200 : 422,
    );
  const { announcement, notified } = await createAnnouncement(c.var.deps, staff, parsed.data);
  if (intent === 'publish') setFlash(c, 'ann.publishedNotice', { count: String(notified) });
  else setFlash(c, 'ann.draftSavedNotice');
  return c.redirect(`/announcements/${announcement.id}`, 303);
});

announcementPages.get(`${ANNOUNCEMENT}/edit`, async (c) => {
  requireStaff(c);
  const viewer = await memberOrStaff(c);
  const row = await loadReadableAnnouncement(c.var.deps, viewer, c.req.param('id'));
  if (row.published_at !== null) return c.redirect(`/announcements/${row.id}`, 303);
  return render(
    c,
    <AnnouncementFormPage
      ctx={viewContext(c)}
      announcementId={row.id}
      values={{ title: row.title, body: row.body, audience: row.audience, email: row.email === 1 }}
      errors={{}}
      preview={false}
    />,
  );
});

announcementPages.post(`${ANNOUNCEMENT}/edit`, async (c) => {
  const staff = requireStaff(c);
  const id = c.req.param('id');
  const { values, intent, parsed } = readAnnouncementForm(c, await readForm(c));
  if (!parsed.ok || intent === 'preview')
    return render(
      c,
      <AnnouncementFormPage
        ctx={viewContext(c)}
        announcementId={id}
        values={values}
        errors={parsed.ok ? {} : parsed.errors}
        preview={intent === 'preview'}
      />,
      parsed.ok ? 200 : 422,
    );
  try {
    const { notified } = await updateDraft(c.var.deps, staff, id, parsed.data);
    if (intent === 'publish') setFlash(c, 'ann.publishedNotice', { count: String(notified) });
    else setFlash(c, 'ann.draftSavedNotice');
  } catch (err) {
    const r = refusal(c, err);
    if (!r) throw err;
    return renderAnnouncement(c, id, { actionError: r.message, status: r.status });
  }
  return c.redirect(`/announcements/${id}`, 303);
});

announcementPages.post(`${ANNOUNCEMENT}/publish`, async (c) => {
  const staff = requireStaff(c);
  const id = c.req.param('id');
  try {
    const { notified } = await publishAnnouncement(c.var.deps, staff, id);
    setFlash(c, 'ann.publishedNotice', { count: String(notified) });
  } catch (err) {
    const r = refusal(c, err);
    if (!r) throw err;
    return renderAnnouncement(c, id, { actionError: r.message, status: r.status });
  }
  return c.redirect(`/announcements/${id}`, 303);
});

announcementPages.post(`${ANNOUNCEMENT}/delete`, async (c) => {
  const staff = requireStaff(c);
  const id = c.req.param('id');
  try {
    await deleteDraft(c.var.deps, staff, id);
  } catch (err) {
    const r = refusal(c, err);
    if (!r) throw err;
    return renderAnnouncement(c, id, { actionError: r.message, status: r.status });
  }
  setFlash(c, 'ann.deletedNotice');
  return c.redirect('/announcements', 303);
});

// ---------------------------------------------------------------------------------------------
// Newsletters (広報誌)

const toNewsletterView = (
  n: Pick<NewsletterRow, 'id' | 'title' | 'issued_on' | 'format' | 'file_name' | 'file_size'> & {
    body?: string | null;
  },
): NewsletterView => ({
  id: n.id,
  title: n.title,
  issuedOn: n.issued_on,
  format: n.format,
  fileName: n.file_name,
  fileSize: n.file_size,
  body: n.body ?? null,
});

announcementPages.get('/newsletters', async (c) => {
  const viewer = await memberOrStaff(c);
  const rows = await listNewsletters(c.var.deps.db);
  return render(
    c,
    <NewsletterListPage
      ctx={viewContext(c)}
      newsletters={rows.map(toNewsletterView)}
      isStaff={viewer.kind === 'staff'}
    />,
  );
});

announcementPages.get(NEWSLETTER, async (c) => {
  await memberOrStaff(c);
  const row = await findNewsletter(c.var.deps.db, c.req.param('id'));
  if (!row) throw notFound();
  if (row.format === 'pdf') return c.redirect(`/newsletters/${row.id}/file`, 303);
  return render(c, <NewsletterPage ctx={viewContext(c)} newsletter={toNewsletterView(row)} />);
});

announcementPages.get(`${NEWSLETTER}/file`, async (c) => {
  await memberOrStaff(c);
  const file = await openNewsletterFile(c.var.deps, c.req.param('id'));
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return c.body(file.stream, 200, {
    'Content-Type': 'application/pdf',
    'Content-Length': String(file.size),
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  });
});

const renderNewsletterForm = (
  c: AppContext,
  form: 'pdf' | 'page' | null,
  values: NewsletterFormValues,
  errors: FormErrors,
  status: 200 | 413 | 422 = 200,
) =>
  render(
    c,
    <NewsletterFormPage ctx={viewContext(c)} form={form} values={values} errors={errors} />,
    status,
  );

announcementPages.get('/newsletters/new', (c) => {
  requireStaff(c);
  return renderNewsletterForm(c, null, {}, {});
});

announcementPages.post('/newsletters/page', async (c) => {
  const staff = requireStaff(c);
  const form = await readForm(c);
  const values = {
    title: form.title ?? '',
    issuedOn: (form.issuedOn ?? '').trim(),
    body: form.body ?? '',
  };
  const parsed = validateForm(c, newsletterPageBody, values);
  if (!parsed.ok) return renderNewsletterForm(c, 'page', values, parsed.errors, 422);
  const row = await createNewsletterPage(c.var.deps, staff, parsed.data);
  setFlash(c, 'news.addedNotice');
  return c.redirect(`/newsletters/${row.id}`, 303);
});

// NOTE: the upload has its own body limit (the file plus a little form overhead); anything
// bigger is refused before it is read, with the form and a message (413).
announcementPages.post(
  NEWSLETTER_UPLOAD_PATH,
  bodyLimit({
    maxSize: MAX_PDF_BYTES + 64 * 1024,
    onError: (c) => {
      const ctx = c as AppContext;
      return renderNewsletterForm(
        ctx,
        'pdf',
        {},
        { file: ctx.var.t('news.rule.file_too_large') },
        413,
      );
    },
  }),
  async (c) => {
    const staff = requireStaff(c);
    const body = await parseFormOrReject(c);
    const values = {
      title: typeof body.pdfTitle === 'string' ? body.pdfTitle : '',
      issuedOn: typeof body.pdfIssuedOn === 'string' ? body.pdfIssuedOn.trim() : '',
    };
    const errors: FormErrors = {};
    const parsed = validateForm(c, newsletterPdfFields, values);
    if (!parsed.ok) {
      if (parsed.errors.title) errors.pdfTitle = parsed.errors.title;
      if (parsed.errors.issuedOn) errors.pdfIssuedOn = parsed.errors.issuedOn;
    }
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) errors.file = c.var.t('news.validation.file');
    if (Object.keys(errors).length > 0 || !parsed.ok || !(file instanceof File))
      return renderNewsletterForm(c, 'pdf', values, errors, 422);
    try {
      await uploadPdf(c, staff, parsed.data, file);
    } catch (err) {
      const r = refusal(c, err);
      if (!r) throw err;
      return renderNewsletterForm(c, 'pdf', values, { file: r.message }, 422);
    }
    setFlash(c, 'news.addedNotice');
    return c.redirect('/newsletters', 303);
  },
);

async function uploadPdf(
  c: AppContext,
  staff: ReturnType<typeof requireStaff>,
  fields: { title: string; issuedOn: string },
  file: File,
) {
  // Checked before reading, too: never hold more than the limit in memory.
  if (file.size > MAX_PDF_BYTES)
    throw new AppError(422, 'file_too_large', 'news.rule.file_too_large');
  return uploadNewsletterPdf(c.var.deps, staff, {
    ...fields,
    fileName: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
  });
}

announcementPages.post(`${NEWSLETTER}/delete`, async (c) => {
  const staff = requireStaff(c);
  await deleteNewsletter(c.var.deps, staff, c.req.param('id'));
  setFlash(c, 'news.deletedNotice');
  return c.redirect('/newsletters', 303);
});
