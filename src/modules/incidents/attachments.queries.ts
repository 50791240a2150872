import type { Insertable } from 'kysely';
import type { Db } from '../../lib/db.js';
import type { IncidentAttachmentTable } from '../../../db/schema.js';

/** An incident's photos and documents (issue #19); the files are in the file store. */
const attachmentColumns = (db: Db) =>
  db
    .selectFrom('incident_attachment as a')
    .leftJoin('user as uploader', 'uploader.id', 'a.uploaded_by')
    .selectAll('a')
    .select('uploader.name as uploader_name');

export type AttachmentRow = NonNullable<Awaited<ReturnType<typeof findAttachment>>>;

/** One attachment of an incident that has not been removed. */
export function findAttachment(db: Db, incidentId: string, id: string) {
  return attachmentColumns(db)
    .where('a.id', '=', id)
    .where('a.incident_id', '=', incidentId)
    .where('a.deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The attachments of an incident still there, oldest first. */
export function listAttachments(db: Db, incidentId: string) {
  return attachmentColumns(db)
    .where('a.incident_id', '=', incidentId)
    .where('a.deleted_at', 'is', null)
    .orderBy('a.uploaded_at')
    .orderBy('a.id')
    .execute();
}

export async function countAttachments(db: Db, incidentId: string) {
  const row = await db
    .selectFrom('incident_attachment')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('incident_id', '=', incidentId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function buildInsertAttachment(db: Db, row: Insertable<IncidentAttachmentTable>) {
  return db.insertInto('incident_attachment').values(row);
}

/** Marks an attachment removed (the row stays for the history; the file is deleted). */
export function buildMarkAttachmentDeleted(
  db: Db,
  id: string,
  by: { deletedBy: string; at: string },
) {
  return db
    .updateTable('incident_attachment')
    .set({ deleted_at: by.at, deleted_by: by.deletedBy })
    .where('id', '=', id)
    .where('deleted_at', 'is', null);
}
