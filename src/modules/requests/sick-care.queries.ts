import { sql, type Insertable } from 'kysely';
import type { SickCareCheckTable, SickCareNoteTable } from '../../../db/schema.js';
import type { Db } from '../../lib/db.js';

/** The 医師連絡票 of a request, or undefined. */
export function findSickCareNote(db: Db, requestId: string) {
  return db
    .selectFrom('sick_care_note')
    .selectAll()
    .where('request_id', '=', requestId)
    .executeTakeFirst();
}

/** The checklist answers of a request: at request time and at handover (when recorded). */
export function listSickCareChecks(db: Db, requestId: string) {
  return db
    .selectFrom('sick_care_check')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('recorded_at')
    .execute();
}

/** The refusals by the checklist at handover (kept in the audit log), newest first. */
export function listHandoverRefusals(db: Db, requestId: string) {
  return db
    .selectFrom('audit_log')
    .select(['at', 'details'])
    .where('subject_type', '=', 'care_request')
    .where('subject_id', '=', requestId)
    .where('action', '=', 'sick_handover_refused')
    .orderBy('at', 'desc')
    .execute();
}

/** The request-time answers, for the request's creating batch. */
export function buildInsertSickCareCheck(db: Db, row: Insertable<SickCareCheckTable>) {
  return db.insertInto('sick_care_check').values(row);
}

/**
 * Records or corrects the 医師連絡票, only while the care has not been handed over: after the
 * handover the note is what the helper worked with, and stays as it was.
 */
export function buildUpsertSickCareNote(db: Db, row: Insertable<SickCareNoteTable>) {
  const { request_id: _id, recorded_at: _at, recorded_by_user_id: _by, ...changes } = row;
  return db
    .insertInto('sick_care_note')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('request_id')
        .doUpdateSet({ ...changes, recorded_by_user_id: row.recorded_by_user_id })
        .where(
          sql<boolean>`NOT EXISTS (SELECT 1 FROM sick_care_check h WHERE h.request_id = ${row.request_id} AND h.stage = 'handover')`,
        ),
    );
}

/**
 * The handover's answers: only while the request is matched to this helper and has a note,
 * once (a second handover inserts nothing).
 */
export function buildInsertHandoverIfMatched(
  db: Db,
  row: Insertable<SickCareCheckTable>,
  helperMemberId: string,
) {
  return db
    .insertInto('sick_care_check')
    .columns([
      'request_id',
      'stage',
      'answers',
      'temperature',
      'child_state',
      'recorded_by_user_id',
      'recorded_at',
    ])
    .expression(
      db
        .selectFrom('care_request')
        .select([
          sql.val(row.request_id).as('request_id'),
          sql.val('handover').as('stage'),
          sql.val(row.answers).as('answers'),
          sql.val(row.temperature ?? null).as('temperature'),
          sql.val(row.child_state ?? null).as('child_state'),
          sql.val(row.recorded_by_user_id).as('recorded_by_user_id'),
          sql.val(row.recorded_at).as('recorded_at'),
        ])
        .where('care_request.id', '=', row.request_id)
        .where('care_request.status', '=', 'matched')
        .where('care_request.helper_member_id', '=', helperMemberId)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('sick_care_note')
              .select('sick_care_note.request_id')
              .whereRef('sick_care_note.request_id', '=', 'care_request.id'),
          ),
        ),
    )
    .onConflict((oc) => oc.doNothing());
}
