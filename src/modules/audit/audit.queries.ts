import { insertIfPreviousChanged } from '../../lib/atomic.js';
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

/**
 * The audit row for a conditional change, written only if the statement just before it in the
 * same atomic batch changed a row (see insertIfPreviousChanged).
 */
export function buildAuditIfPreviousChanged(db: Db, entry: AuditEntry) {
  return insertIfPreviousChanged(db, 'audit_log', auditRow(entry));
}
