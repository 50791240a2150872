import type { Insertable } from 'kysely';
import type { Db } from '../../lib/db.js';
import type { InsuranceCaseTable } from '../../../db/schema.js';
import type { CaseUpdateInput } from './insurance.schemas.js';
import { incidentsWithRequest, occurredAt } from './incidents.queries.js';

/**
 * Insurance cases with the facts of their accident: when it happened, what was going on, and
 * the request it concerns (for the "not known in advance" warning).
 */
const caseColumns = (db: Db) =>
  incidentsWithRequest(db)
    .innerJoin('insurance_case as ic', 'ic.incident_id', 'incident.id')
    .leftJoin('member as requester', 'requester.id', 'req.requester_member_id')
    .selectAll('ic')
    .select((eb) => [
      'incident.kind',
      'incident.severity',
      'incident.situation',
      'incident.victim',
      'incident.description',
      occurredAt(eb).as('occurred_at'),
      'incident.place',
      'req.created_at as request_created_at',
      'req.helper_member_id as request_helper_id',
      'requester.name as requester_name',
    ]);

export type InsuranceCaseRow = NonNullable<Awaited<ReturnType<typeof findInsuranceCase>>>;

export function findInsuranceCase(db: Db, id: string) {
  return caseColumns(db).where('ic.id', '=', id).executeTakeFirst();
}

export function listCasesOfIncident(db: Db, incidentId: string) {
  return caseColumns(db)
    .where('ic.incident_id', '=', incidentId)
    .orderBy('ic.created_at')
    .orderBy('ic.id')
    .execute();
}

/** Open cases by deadline (those due first on top), or the latest closed ones. */
export function listCases(db: Db, state: 'open' | 'closed', limit = 200) {
  const q = caseColumns(db);
  return (
    state === 'open'
      ? q.where('ic.closed_on', 'is', null).orderBy('ic.claim_deadline_on').orderBy('ic.id')
      : q.where('ic.closed_on', 'is not', null).orderBy('ic.closed_on', 'desc').orderBy('ic.id')
  )
    .limit(limit)
    .execute();
}

/** Open cases whose claim deadline is on or before `untilDate` (the dashboard's list). */
export function listCasesDueBy(db: Db, untilDate: string, limit = 20) {
  return caseColumns(db)
    .where('ic.closed_on', 'is', null)
    .where('ic.claim_deadline_on', '<=', untilDate)
    .orderBy('ic.claim_deadline_on')
    .orderBy('ic.id')
    .limit(limit)
    .execute();
}

/** A new case; nothing when the incident already has one for this cover. */
export function buildInsertCase(db: Db, row: Insertable<InsuranceCaseTable>) {
  return db
    .insertInto('insurance_case')
    .values(row)
    .onConflict((oc) => oc.columns(['incident_id', 'cover']).doNothing());
}

/** The claim's progress, only while the case is open. */
export function buildUpdateCase(db: Db, id: string, input: CaseUpdateInput, at: string) {
  return db
    .updateTable('insurance_case')
    .set({
      insurer_notified_on: input.insurerNotifiedOn,
      documents_sent: input.documentsSent,
      documents_sent_on: input.documentsSentOn,
      amount_paid: input.amountPaid,
      paid_on: input.paidOn,
      note: input.note,
      updated_at: at,
    })
    .where('id', '=', id)
    .where('closed_on', 'is', null);
}

export function buildCloseCase(db: Db, id: string, closedOn: string, at: string) {
  return db
    .updateTable('insurance_case')
    .set({ closed_on: closedOn, updated_at: at })
    .where('id', '=', id)
    .where('closed_on', 'is', null);
}
