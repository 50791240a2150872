import type { AppDeps, CurrentUser } from '../../context.js';
import { notFound, unprocessable } from '../../lib/errors.js';
import type { FileStore } from '../../lib/file-store.js';
import { newId } from '../../lib/ids.js';
import { buildAuditIfPreviousChanged } from '../audit/audit.queries.js';
import {
  attachmentRefusal,
  cleanAttachmentName,
  defaultKindOf,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_INCIDENT,
  sniffAttachmentType,
  type AttachmentKind,
} from './attachment-rules.js';
import {
  buildInsertAttachmentUnder,
  buildMarkAttachmentDeleted,
  countAttachments,
  findAttachment,
} from './attachments.queries.js';
import { findIncidentById } from './incidents.queries.js';
import { readIncident } from './incidents.service.js';

/**
 * An incident's photos and documents (issue #19). They are health data like the incident's
 * details: the same people read them (staff), through the same audited read (readIncident),
 * one audit row per download. Files live in the file store (`deps.files`), rows in
 * incident_attachment; a removed attachment keeps its row, its file is deleted.
 */

function fileStoreOf(deps: AppDeps): FileStore {
  if (!deps.files) throw new Error('[attachments] no file store: deps.files is not configured');
  return deps.files;
}

const keyOf = (incidentId: string, id: string) => `incidents/${incidentId}/${id}`;

export interface AttachmentUpload {
  file: File;
  kind?: AttachmentKind | undefined;
  description?: string | undefined;
}

/**
 * Stores an uploaded file on an incident: 422 unless it is a JPEG, PNG, HEIC/HEIF or PDF by its
 * bytes, at most 10 MB, and the incident has fewer than 20. Returns the new attachment's id.
 */
export async function uploadAttachment(
  deps: AppDeps,
  staff: CurrentUser,
  incidentId: string,
  input: AttachmentUpload,
  clientAddress?: string,
): Promise<string> {
  const files = fileStoreOf(deps);
  if (!(await findIncidentById(deps.db, incidentId))) throw notFound();
  // The size is known before the bytes are read: a file too big is never held in memory.
  if (input.file.size > MAX_ATTACHMENT_BYTES) throw unprocessable('attachment_too_large');
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  const type = sniffAttachmentType(bytes);
  const refused = attachmentRefusal({
    size: bytes.byteLength,
    type,
    attachedAlready: await countAttachments(deps.db, incidentId),
  });
  if (refused || !type) throw unprocessable(refused ?? 'attachment_type');
  const id = newId();
  const key = keyOf(incidentId, id);
  const now = deps.clock.now();
  const fileName = cleanAttachmentName(input.file.name, type);
  await files.put(key, bytes, type);
  let inserted;
  try {
    [inserted] = await deps.atomic([
      buildInsertAttachmentUnder(
        deps.db,
        {
          id,
          incident_id: incidentId,
          file_key: key,
          file_name: fileName,
          content_type: type,
          size_bytes: bytes.byteLength,
          kind: input.kind ?? defaultKindOf(type),
          description: input.description ?? null,
          uploaded_by: staff.id,
          uploaded_at: now.toISOString(),
          deleted_at: null,
          deleted_by: null,
        },
        MAX_ATTACHMENTS_PER_INCIDENT,
      ),
      buildAuditIfPreviousChanged(deps.db, {
        at: now,
        actorUserId: staff.id,
        action: 'incident_attachment_added',
        subjectType: 'incident',
        subjectId: incidentId,
        clientAddress,
        details: { attachmentId: id, contentType: type, bytes: bytes.byteLength },
      }),
    ]);
  } catch (err) {
    await files.delete(key); // no row, no file
    throw err;
  }
  // The count above was read before the file was stored: another upload may have taken the
  // last place since (the insert's own condition refused it).
  if (Number(inserted?.numAffectedRows ?? 0) === 0) {
    await files.delete(key);
    throw unprocessable('attachment_limit');
  }
  return id;
}

/**
 * An attachment's bytes for staff, the read audited like the incident's details (one row per
 * download, naming the file). 404 for an unknown, removed or missing file.
 */
export async function downloadAttachment(
  deps: AppDeps,
  staff: CurrentUser,
  incidentId: string,
  id: string,
  clientAddress?: string,
) {
  const row = await findAttachment(deps.db, incidentId, id);
  if (!row) throw notFound();
  const file = await fileStoreOf(deps).get(row.file_key);
  if (!file) throw notFound();
  await readIncident(deps, staff, incidentId, clientAddress, { id, fileName: row.file_name });
  return { row, bytes: file.bytes };
}

/** Removes an attachment: the row is marked (who, when) and kept; the file is deleted. */
export async function deleteAttachment(
  deps: AppDeps,
  staff: CurrentUser,
  incidentId: string,
  id: string,
  clientAddress?: string,
) {
  const row = await findAttachment(deps.db, incidentId, id);
  if (!row) throw notFound();
  const now = deps.clock.now();
  const [marked] = await deps.atomic([
    buildMarkAttachmentDeleted(deps.db, id, { deletedBy: staff.id, at: now.toISOString() }),
    buildAuditIfPreviousChanged(deps.db, {
      at: now,
      actorUserId: staff.id,
      action: 'incident_attachment_deleted',
      subjectType: 'incident',
      subjectId: incidentId,
      clientAddress,
      details: { attachmentId: id, fileName: row.file_name },
    }),
  ]);
  if (Number(marked?.numAffectedRows ?? 0) === 0) throw notFound();
  await fileStoreOf(deps).delete(row.file_key);
}
