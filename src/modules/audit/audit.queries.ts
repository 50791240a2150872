import { sql } from 'kysely';
import type { Db } from '../../lib/db.js';
import { newId } from '../../lib/ids.js';

export interface AuditEntry {
  at: Date;
  actorUserId: string | null;
  action: string;
  subjectType?: string;
  subjectId?: string;
  clientAddress?: string;
  details?: Record<string, unknown>;
}

export function auditRow(entry: AuditEntry) {
  return {
    id: newId(),
    at: entry.at.toISOString(),
    actor_user_id: entry.actorUserId,
    action: entry.action,
    subject_type: entry.subjectType ?? null,
    subject_id: entry.subjectId ?? null,
    client_address: entry.clientAddress ?? null,
    details: entry.details ? JSON.stringify(entry.details) : null,
  };
}

/** The insert for one audit row, for use inside an atomic batch. */
export function buildAuditInsert(db: Db, entry: AuditEntry) {
  return db.insertInto('audit_log').values(auditRow(entry));
}

/**
 * The audit insert for the conditional UPDATE right before it in an atomic batch: written only
 * if that statement changed a row (SQLite's `changes()`, on Node and D1 alike). A batch is not
 * undone when its UPDATE matches 0 rows, so an unconditional insert would record a refused
 * transition (the 409) as done. Place it immediately after the UPDATE it records.
 */
export function buildAuditInsertIfChanged(db: Db, entry: AuditEntry) {
  const row = auditRow(entry);
  return db
    .insertInto('audit_log')
    .columns([
      'id',
      'at',
      'actor_user_id',
      'action',
      'subject_type',
      'subject_id',
      'client_address',
      'details',
    ])
    .expression(
      db
        .selectNoFrom((eb) => [
          eb.val(row.id).as('id'),
          eb.val(row.at).as('at'),
          eb.val(row.actor_user_id).as('actor_user_id'),
          eb.val(row.action).as('action'),
          eb.val(row.subject_type).as('subject_type'),
          eb.val(row.subject_id).as('subject_id'),
          eb.val(row.client_address).as('client_address'),
          eb.val(row.details).as('details'),
        ])
        .where(sql<boolean>`changes() > 0`),
    );
}

export async function insertAuditLog(db: Db, entry: AuditEntry): Promise<void> {
  await buildAuditInsert(db, entry).execute();
}

export function listAuditLogForSubject(db: Db, subjectType: string, subjectId: string) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .orderBy('at', 'desc')
    .execute();
}
