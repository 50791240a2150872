import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../../context.js';
import {
  jsonApi,
  idParam,
  jsonResponse,
  noContent,
  operationsOf,
  wholeList,
  listOf,
} from '../../http/api-route.js';
import { parseFormOrReject } from '../../http/forms.js';
import { AppError, badRequest, notFound } from '../../lib/errors.js';
import {
  ATTACHMENT_TYPES,
  contentDispositionOf,
  MAX_ATTACHMENT_BYTES,
} from './attachment-rules.js';
import { attachmentJson, attachmentSchema } from './attachments.json.js';
import { findAttachment, listAttachments } from './attachments.queries.js';
import { attachmentUploadSchema, parseAttachmentForm } from './attachments.schemas.js';
import { deleteAttachment, downloadAttachment, uploadAttachment } from './attachments.service.js';
import { findIncidentById } from './incidents.queries.js';

const api = jsonApi();
/**
 * An incident's photos and documents for staff (issue #19): the list, an upload (multipart,
 * the one API write that is not JSON), the bytes (each download audited) and removal.
 */
export const attachmentsApi = api.router;
const op = operationsOf('incidents');

/** The upload's path: app.ts lets it through the JSON-only and site-wide body limit checks. */
export const ATTACHMENT_API_UPLOAD_PATH = '/api/v1/incidents/:id/attachments';

/** The file plus a little form overhead; anything bigger is refused before it is read. */
export const attachmentBodyLimit = (onError: (c: AppContext) => Response | Promise<Response>) =>
  bodyLimit({
    maxSize: MAX_ATTACHMENT_BYTES + 64 * 1024,
    onError: (c) => onError(c as AppContext),
  });

const incidentExists = createMiddleware<AppEnv>(async (c, next) => {
  if (!(await findIncidentById(c.var.deps.db, c.req.param('id') ?? ''))) throw notFound();
  await next();
});

const attachmentParams = z.object({ id: z.string(), attachmentId: z.string() });
const RULES = ['attachment_empty', 'attachment_too_large', 'attachment_type', 'attachment_limit'];

const listRoute = op('staff', 'get /incidents/{id}/attachments', {
  summary: 'The photos and documents of an incident, oldest first',
  responses: { 200: jsonResponse('The attachments', listOf(attachmentSchema)) },
});
api.openapi(listRoute, async (c) => {
  const { id } = c.req.valid('param');
  if (!(await findIncidentById(c.var.deps.db, id))) throw notFound();
  const rows = await listAttachments(c.var.deps.db, id);
  return wholeList(rows.map(attachmentJson));
});

const uploadRoute = op('staff', 'post /incidents/{id}/attachments', {
  summary: 'Attach a photo or document to an incident (multipart/form-data)',
  description:
    'JPEG, PNG, HEIC/HEIF or PDF, recognised by the bytes; at most 10 MB a file and 20 files an incident. ' +
    'The one write of this API that takes multipart/form-data instead of JSON (send Origin).',
  errors: { 400: ['malformed_form'], 422: RULES },
  scope: [
    attachmentBodyLimit(() => {
      throw new AppError(413, 'payload_too_large', 'error.payload_too_large');
    }),
    incidentExists,
  ],
  request: {
    params: idParam,
    body: {
      required: true,
      content: { 'multipart/form-data': { schema: attachmentUploadSchema } },
    },
  },
  responses: { 201: jsonResponse('The attachment', attachmentSchema) },
});
api.openapi(uploadRoute, async (c, staff) => {
  const { id } = c.req.valid('param');
  const parsed = parseAttachmentForm(await parseFormOrReject(c));
  if (!parsed.ok)
    throw badRequest(
      'invalid_input',
      Object.fromEntries(Object.entries(parsed.errors).map(([k, v]) => [k, [c.var.t(v as never)]])),
    );
  const attachmentId = await uploadAttachment(
    c.var.deps,
    staff,
    id,
    parsed.input,
    c.var.clientAddress,
  );
  return attachmentJson((await findAttachment(c.var.deps.db, id, attachmentId))!);
});

const downloadRoute = op('staff', 'get /incidents/{id}/attachments/{attachmentId}', {
  summary: 'The bytes of a photo or document (the read is audited)',
  request: { params: attachmentParams },
  responses: {
    200: {
      description: 'The file, with its type; images inline, documents as a download',
      content: Object.fromEntries(
        ATTACHMENT_TYPES.map((t) => [t, { schema: z.string().describe('The bytes') }]),
      ),
    },
  },
});
api.openapi(downloadRoute, async (c, staff) => {
  const { id, attachmentId } = c.req.valid('param');
  return attachmentResponse(
    c,
    await downloadAttachment(c.var.deps, staff, id, attachmentId, c.var.clientAddress),
  );
});

const deleteRoute = op('staff', 'delete /incidents/{id}/attachments/{attachmentId}', {
  summary: 'Remove a photo or document (the file is deleted; the record of it is kept)',
  request: { params: attachmentParams },
  responses: { 204: noContent('Removed') },
});
api.openapi(deleteRoute, async (c, staff) => {
  const { id, attachmentId } = c.req.valid('param');
  await deleteAttachment(c.var.deps, staff, id, attachmentId, c.var.clientAddress);
});

/** A downloaded file: its type, inline for images, never cached, never sniffed. */
export function attachmentResponse(
  c: AppContext,
  file: Awaited<ReturnType<typeof downloadAttachment>>,
) {
  return c.body(file.bytes, 200, {
    'Content-Type': file.row.content_type,
    'Content-Length': String(file.bytes.byteLength),
    'Content-Disposition': contentDispositionOf(file.row.content_type, file.row.file_name),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
}
