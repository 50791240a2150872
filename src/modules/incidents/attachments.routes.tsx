import { Hono } from 'hono';
import { requireStaff } from '../../auth/guards.js';
import type { AppEnv } from '../../context.js';
import { setFlash, viewContext } from '../../http/render.js';
import { parseFormOrReject } from '../../http/forms.js';
import { refusal } from '../../http/refusal.js';
import { staffOnly, textValues } from '../../http/validate.js';
import { attachmentBodyLimit, attachmentResponse } from './attachments.api.js';
import { parseAttachmentForm } from './attachments.schemas.js';
import { deleteAttachment, downloadAttachment, uploadAttachment } from './attachments.service.js';
import { loadForEdit, renderDetail } from './incident-detail.routes.js';

/** Staff pages: an incident's photos and documents (upload, view, delete; issue #19). */
export const attachmentPages = new Hono<AppEnv>();

/** The upload of a photo or document: app.ts leaves its body to the route's own limit. */
export const ATTACHMENT_UPLOAD_PATH = '/incidents/:id/attachments';

attachmentPages.post(
  ATTACHMENT_UPLOAD_PATH,
  staffOnly,
  async (c, next) => {
    await loadForEdit(c);
    await next();
  },
  attachmentBodyLimit((c) =>
    renderDetail(c, c.req.param('id') ?? '', {}, 413, {
      errors: { file: viewContext(c).t('rule.attachment_too_large') },
    }),
  ),
  async (c) => {
    const staff = requireStaff(c);
    const id = c.req.param('id');
    const raw = await parseFormOrReject(c);
    const values = textValues(raw);
    const parsed = parseAttachmentForm(raw);
    const { t } = viewContext(c);
    if (!parsed.ok) {
      const errors = Object.fromEntries(
        Object.entries(parsed.errors).map(([k, v]) => [k, t(v as never)]),
      );
      return renderDetail(c, id, {}, 422, { values, errors });
    }
    try {
      await uploadAttachment(c.var.deps, staff, id, parsed.input, c.var.clientAddress);
    } catch (err) {
      const r = refusal(c, err);
      if (!r) throw err;
      return renderDetail(c, id, {}, 422, { values, errors: { file: r.message } });
    }
    setFlash(c, 'attachments.flash.added');
    return c.redirect(`/incidents/${id}#attachments`, 303);
  },
);

/** A photo or document (the read audited like the incident's details). */
attachmentPages.get('/incidents/:id/attachments/:attachmentId', async (c) => {
  const staff = requireStaff(c);
  return attachmentResponse(
    c,
    await downloadAttachment(
      c.var.deps,
      staff,
      c.req.param('id'),
      c.req.param('attachmentId'),
      c.var.clientAddress,
    ),
  );
});

attachmentPages.post('/incidents/:id/attachments/:attachmentId/delete', staffOnly, async (c) => {
  const staff = requireStaff(c);
  const id = c.req.param('id');
  await deleteAttachment(c.var.deps, staff, id, c.req.param('attachmentId'), c.var.clientAddress);
  setFlash(c, 'attachments.flash.deleted');
  return c.redirect(`/incidents/${id}#attachments`, 303);
});
