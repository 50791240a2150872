import { isStaff, type AppDeps, type CurrentUser } from '../../context.js';
import { tokyoDateOf } from '../../lib/dates.js';
import { conflict, notFound, unprocessable } from '../../lib/errors.js';
import { buildAuditIfPreviousChanged } from '../audit/audit.queries.js';
import { insertAudited } from '../audit/audit.service.js';
import { findMemberById, listChildren } from '../members/members.queries.js';
import { memberEntry } from '../members/members.service.js';
import { expiryWindow, isInForce } from './eligibility-rules.js';
import {
  insertCertification,
  insertEligibility,
  listCertifications,
  listEligibility,
  listExpiring,
  revokeRecord,
} from './eligibility.queries.js';
import type { Compilable } from '../../lib/atomic.js';
import type { z } from 'zod';
import type { certificationBody, eligibilityBody } from './eligibility.schemas.js';

export type EligibilityInput = z.output<typeof eligibilityBody>;
export type CertificationInput = z.output<typeof certificationBody>;

/**
 * A requester household's eligibility records and certifications: staff, and the family itself
 * (read only); 404 for anyone else and for a member without a requester side.
 */
export async function loadHousehold(deps: AppDeps, user: CurrentUser, memberId: string) {
  const member = await findMemberById(deps.db, memberId);
  if (!member || member.requester_status === null) throw notFound();
  if (!isStaff(user) && member.user_id !== user.id) throw notFound();
  const [eligibility, certifications, children] = await Promise.all([
    listEligibility(deps.db, member.id),
    listCertifications(deps.db, member.id),
    listChildren(deps.db, member.id),
  ]);
  const today = tokyoDateOf(deps.clock.now());
  return {
    member,
    today,
    children: children.map((c) => ({ id: c.id, name: c.name })),
    eligibility: eligibility.map((r) => ({ ...r, inForce: isInForce(r, today) })),
    certifications: certifications.map((r) => ({ ...r, inForce: isInForce(r, today) })),
  };
}
export type Household = Awaited<ReturnType<typeof loadHousehold>>;

/** The columns every household record has: who checked what, when, valid from/to; not revoked. */
function checkedColumns(
  staff: CurrentUser,
  memberId: string,
  input: { checkedOn: string; validFrom: string; validTo: string },
  at: string,
) {
  return {
    member_id: memberId,
    checked_on: input.checkedOn,
    checked_by_user_id: staff.id,
    valid_from: input.validFrom,
    valid_to: input.validTo,
    created_at: at,
    revoked_at: null,
    revoked_by_user_id: null,
  };
}

/**
 * Adds a household record (its checked columns filled from `input`) and its audit entry about
 * the member, whose details name the new record. Answers its id.
 */
function insertHouseholdRecord(
  deps: AppDeps,
  staff: CurrentUser,
  memberId: string,
  input: { checkedOn: string; validFrom: string; validTo: string },
  audit: { action: string; details: Record<string, unknown>; clientAddress?: string },
  insert: (id: string, checked: ReturnType<typeof checkedColumns>) => Compilable,
) {
  return insertAudited(
    deps,
    staff,
    (id) => memberEntry(memberId, audit.action, { id, ...audit.details }, audit.clientAddress),
    (id, at) => insert(id, checkedColumns(staff, memberId, input, at)),
  );
}

/** Staff record a subsidy category of the household, with the evidence they saw. */
export async function addEligibility(
  deps: AppDeps,
  staff: CurrentUser,
  memberId: string,
  input: EligibilityInput,
  clientAddress?: string,
) {
  return insertHouseholdRecord(
    deps,
    staff,
    memberId,
    input,
    { action: 'eligibility_recorded', details: { category: input.category }, clientAddress },
    (id, checked) =>
      insertEligibility(deps.db, {
        id,
        ...checked,
        category: input.category,
        evidence: input.evidence,
        note: input.note,
      }),
  );
}

/** Staff record a child's 施設等利用給付認定 (a child of this household only: else 422). */
export async function addCertification(
  deps: AppDeps,
  staff: CurrentUser,
  memberId: string,
  input: CertificationInput,
  clientAddress?: string,
) {
  const children = await listChildren(deps.db, memberId);
  if (!children.some((c) => c.id === input.childId)) throw unprocessable('child_not_in_household');
  return insertHouseholdRecord(
    deps,
    staff,
    memberId,
    input,
    { action: 'certification_recorded', details: { childId: input.childId }, clientAddress },
    (id, checked) =>
      insertCertification(deps.db, {
        id,
        ...checked,
        child_id: input.childId,
        certification_type: input.certificationType,
        certificate_no: input.certificateNo,
        tax_exempt: input.taxExempt ? 1 : 0,
      }),
  );
}

/** Staff revoke a record entered wrongly (kept, marked revoked); 409 when none is revocable. */
export async function revokeHouseholdRecord(
  deps: AppDeps,
  staff: CurrentUser,
  memberId: string,
  table: 'household_eligibility' | 'free_childcare_certification',
  recordId: string,
  clientAddress?: string,
) {
  const [update] = await deps.atomic([
    revokeRecord(deps.db, table, memberId, recordId, staff.id, deps.clock.now().toISOString()),
    buildAuditIfPreviousChanged(deps.db, {
      ...memberEntry(memberId, `${table}_revoked`, { id: recordId }, clientAddress),
      at: deps.clock.now(),
      actorUserId: staff.id,
    }),
  ]);
  if (!update || update.numAffectedRows === 0) throw conflict('record_not_revocable');
}

/** Eligibility and certifications in force that end within a month: the staff dashboard. */
export async function loadExpiringEligibility(deps: AppDeps, limit = 50) {
  return listExpiring(deps.db, expiryWindow(tokyoDateOf(deps.clock.now())), limit);
}
