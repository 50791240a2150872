import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requireStaff } from '../../auth/guards.js';
import type { AppContext, AppEnv } from '../../context.js';
import { renderPage, setFlash } from '../../http/render.js';
import { formBody, staffOnly } from '../../http/validate.js';
import { notFound } from '../../lib/errors.js';
import type { FormErrors } from '../../../views/components/form-fields.js';
import {
  NewsletterFormPage,
  NewsletterListPage,
  NewsletterPage,
  type NewsletterFormValues,
  type NewsletterView,
} from '../../../views/pages/announcements/newsletters.js';
import {
  newsletterPageForm,
  newsletterPageValues,
  newsletterPdfForm,
  newsletterPdfValues,
} from './announcement-form.js';
import { refusal } from '../../http/refusal.js';
import { loadMembersOnlyReader } from '../events/viewer.js';
import { UUID } from '../../http/paths.js';
import { newsletterFields } from './announcements.json.js';
import { findNewsletter, listNewsletters } from './announcements.queries.js';
import { MAX_PDF_BYTES } from './announcements.schemas.js';
import {
  createNewsletterPage,
  deleteNewsletter,
  openNewsletterFile,
  uploadNewsletterFile,
} from './announcements.service.js';

/** Newsletters (広報誌): pages written here, or PDF files uploaded. */
export const newsletterPages = new Hono<AppEnv>();

const NEWSLETTER = `/newsletters/:id{${UUID}}`;

/** The path of the PDF upload: app.ts exempts it from the site-wide body limit (it has its own). */
export const NEWSLETTER_UPLOAD_PATH = '/newsletters/pdf';

const toNewsletterView = (
  n: Parameters<typeof newsletterFields>[0] & { body?: string | null },
): NewsletterView => ({ ...newsletterFields(n), body: n.body ?? null });

newsletterPages.get('/newsletters', async (c) => {
  const viewer = loadMembersOnlyReader(c);
  const rows = await listNewsletters(c.var.deps.db);
  return renderPage(c, NewsletterListPage, {
    newsletters: rows.map(toNewsletterView),
    isStaff: viewer.kind === 'staff',
  });
});

newsletterPages.get(NEWSLETTER, async (c) => {
  loadMembersOnlyReader(c);
  const row = await findNewsletter(c.var.deps.db, c.req.param('id'));
  if (!row) throw notFound();
  if (row.format === 'pdf') return c.redirect(`/newsletters/${row.id}/file`, 303);
  return renderPage(c, NewsletterPage, { newsletter: toNewsletterView(row) });
});

newsletterPages.get(`${NEWSLETTER}/file`, async (c) => {
  loadMembersOnlyReader(c);
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
) => renderPage(c, NewsletterFormPage, { form, values, errors }, status);

newsletterPages.get('/newsletters/new', (c) => {
  requireStaff(c);
  return renderNewsletterForm(c, null, {}, {});
});

newsletterPages.post(
  '/newsletters/page',
  staffOnly,
  formBody(newsletterPageForm, (c, errors, values) =>
    renderNewsletterForm(c, 'page', newsletterPageValues(values), errors, 422),
  ),
  async (c) => {
    const staff = requireStaff(c);
    const row = await createNewsletterPage(c.var.deps, staff, c.req.valid('form'));
    setFlash(c, 'news.addedNotice');
    return c.redirect(`/newsletters/${row.id}`, 303);
  },
);

// NOTE: the upload has its own body limit (the file plus a little form overhead); anything
// bigger is refused before it is read, with the form and a message (413).
newsletterPages.post(
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
  staffOnly,
  formBody(newsletterPdfForm, (c, errors, values) =>
    renderNewsletterForm(c, 'pdf', newsletterPdfValues(values), errors, 422),
  ),
  async (c) => {
    const staff = requireStaff(c);
    const { fields, file } = c.req.valid('form');
    try {
      await uploadNewsletterFile(c.var.deps, staff, fields, file);
    } catch (err) {
      const r = refusal(c, err);
      if (!r) throw err;
      return renderNewsletterForm(c, 'pdf', fields, { file: r.message }, 422);
    }
    setFlash(c, 'news.addedNotice');
    return c.redirect('/newsletters', 303);
  },
);

newsletterPages.post(`${NEWSLETTER}/delete`, async (c) => {
  const staff = requireStaff(c);
  await deleteNewsletter(c.var.deps, staff, c.req.param('id'));
  setFlash(c, 'news.deletedNotice');
  return c.redirect('/newsletters', 303);
});
