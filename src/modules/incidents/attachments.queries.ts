import { sql, type Insertable } from 'kysely';
import type { Db } from '../../lib/db.js';
import { withWriterName } from '../../lib/query-fragments.js';
import type { IncidentAttachmentTable } from '../../../db/schema.js';

/** An incident's photos and documents (issue #19); the files are in the file store. */
const attachmentColumns = (db: Db) =>
  withWriterName(db, 'incident_attachment', 'uploaded_by', 'uploader_name');

export type AttachmentRow = NonNullable<Awaited<ReturnType<typeof findAttachment>>>;

/** One attachment of an incident that has not been removed. */
export function findAttachment(db: Db, incidentId: string, id: string) {
  return attachmentColumns(db)
    .where('incident_attachment.id', '=', id)
    .where('incident_attachment.incident_id', '=', incidentId)
    .where('incident_attachment.deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The attachments of an incident still there, oldest first. */
export function listAttachments(db: Db, incidentId: string) {
  return attachmentColumns(db)
    .where('incident_attachment.incident_id', '=', incidentId)
    .where('incident_attachment.deleted_at', 'is', null)
    .orderBy('incident_attachment.uploaded_at')
    .orderBy('incident_attachment.id')
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

/**
 * Inserts the row only while its incident has fewer than `limit` attachments: one statement, so
 * two uploads at the same moment cannot both take the last place.
 */
export function buildInsertAttachmentUnder(
  db: Db,
  row: Insertable<IncidentAttachmentTable>,
  limit: number,
) {
  const columns = Object.keys(row) as (keyof IncidentAttachmentTable)[];
  return db
    .insertInto('incident_attachment')
    .columns(columns)
    .expression(
      db
        .selectFrom('incident')
        .select(columns.map((c) => sql.val(row[c]).as(c)))
        .where('incident.id', '=', row.incident_id)
        .where(
          (eb) =>
            eb
              .selectFrom('incident_attachment as a')
              .select(eb.fn.countAll().as('n'))
              .where('a.incident_id', '=', row.incident_id)
              .where('a.deleted_at', 'is', null),
          '<',
          limit,
        ),
    );
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
