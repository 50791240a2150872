import { z } from 'zod';
import { toTokyoIso } from '../../lib/dates.js';
import type { InsuranceCaseRow } from './insurance.queries.js';

/** How far a case's claim has gone, as both the staff API and the staff pages show it. */
export function caseProgressOf(row: InsuranceCaseRow) {
  return {
    insurerNotifiedOn: row.insurer_notified_on,
    documentsSent: row.documents_sent,
    documentsSentOn: row.documents_sent_on,
    amountPaid: row.amount_paid,
    paidOn: row.paid_on,
    note: row.note,
    closedOn: row.closed_on,
  };
}

/** An insurance case as the staff API shows it. */
export function insuranceCaseJson(
  row: InsuranceCaseRow,
  facts: { knownInAdvance: boolean; nearingDeadline: boolean },
) {
  return {
    id: row.id,
    incidentId: row.incident_id,
    cover: row.cover,
    occurredAt: toTokyoIso(row.occurred_at),
    claimDeadlineOn: row.claim_deadline_on,
    nearingDeadline: facts.nearingDeadline,
    knownInAdvance: facts.knownInAdvance,
    ...caseProgressOf(row),
  };
}

export const insuranceCaseSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  cover: z.string().describe('A code of the `insurance` setting’s covers'),
  occurredAt: z.string(),
  claimDeadlineOn: z.string().describe('The accident’s date + the claim window (fixed at opening)'),
  nearingDeadline: z.boolean().describe('Open, and the deadline is within the warning days'),
  knownInAdvance: z
    .boolean()
    .describe('False when help was not known to the center before the accident (not insured)'),
  insurerNotifiedOn: z.string().nullable(),
  documentsSent: z.string().nullable(),
  documentsSentOn: z.string().nullable(),
  amountPaid: z.number().int().nullable(),
  paidOn: z.string().nullable(),
  note: z.string().nullable(),
  closedOn: z.string().nullable(),
});
