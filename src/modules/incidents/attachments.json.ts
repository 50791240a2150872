import { z } from 'zod';
import { responseOf } from '../../http/api-route.js';
import { toTokyoIso } from '../../lib/dates.js';
import { ATTACHMENT_KINDS, ATTACHMENT_TYPES } from './attachment-rules.js';
import type { AttachmentRow } from './attachments.queries.js';

/** An incident's attachment as the staff API lists it (the bytes are read from `url`). */
export function attachmentJson(row: AttachmentRow) {
  return {
    id: row.id,
    incidentId: row.incident_id,
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    kind: row.kind,
    description: row.description,
    uploadedBy: { id: row.uploaded_by, name: row.uploader_name },
    uploadedAt: toTokyoIso(row.uploaded_at),
    url: `/api/v1/incidents/${row.incident_id}/attachments/${row.id}`,
  };
}

export const attachmentSchema = responseOf<ReturnType<typeof attachmentJson>>()(
  z.object({
    id: z.string(),
    incidentId: z.string(),
    fileName: z.string(),
    contentType: z.enum(ATTACHMENT_TYPES).describe('As recognised from the bytes'),
    sizeBytes: z.number().int(),
    kind: z.enum(ATTACHMENT_KINDS),
    description: z.string().nullable(),
    uploadedBy: z.object({ id: z.string(), name: z.string().nullable() }),
    uploadedAt: z.string(),
    url: z.string().describe('The bytes (each download is audited)'),
  }),
);
