import type { AppDeps, CurrentUser } from '../../context.js';
import { AppError } from '../../lib/errors.js';
import { insertAuditLog } from '../audit/audit.queries.js';
import { getCenterSettings, getEligibility } from '../settings/settings.service.js';
import { auditHealthReads } from './children.access.js';
import { listActiveRequestersWithChildren } from './member-admin.queries.js';
import {
  hasAttendedOrientation,
  listAuthorizedPickups,
  listChildren,
  listEmergencyContacts,
  listMembers,
  listStatusEvents,
  type MemberWithEmail,
} from './members.queries.js';
import { withdrawMember } from './members.service.js';
import { agedOutAtFiscalYearEnd } from './renewals.js';

/** What staff see and do on the member list, the member page and the renewal list. */

export const EXPORT_LIMIT = 10_000;

type MemberFilters = Omit<Parameters<typeof listMembers>[1], 'page' | 'pageSize'>;

/**
 * The members of a filter for the CSV file, at most EXPORT_LIMIT; the export is audited with
 * its filter and counts, as the file leaves the system's control.
 */
export async function exportMembers(
  deps: AppDeps,
  staff: CurrentUser,
  filters: MemberFilters,
  clientAddress: string,
) {
  const { items, total } = await listMembers(deps.db, {
    ...filters,
    page: 1,
    pageSize: EXPORT_LIMIT,
  });
  const now = deps.clock.now();
  await insertAuditLog(deps.db, {
    at: now,
    actorUserId: staff.id,
    action: 'members_exported',
    subjectType: 'member',
    clientAddress,
    details: { filter: filters, count: items.length, total },
  });
  return { items, exportedAt: now };
}

/**
 * Everything the member page shows. It shows the children's health details, so every
 * rendering (also after a failed form post) writes one audit row per child.
 */
export async function memberPageData(
  deps: AppDeps,
  staff: CurrentUser,
  member: MemberWithEmail,
  clientAddress: string,
) {
  const { db } = deps;
  const now = deps.clock.now();
  const [settings, children, contacts, pickups, events, attended] = await Promise.all([
    getCenterSettings(deps),
    listChildren(db, member.id),
    listEmergencyContacts(db, member.id),
    listAuthorizedPickups(db, member.id),
    listStatusEvents(db, member.id),
    hasAttendedOrientation(db, member.id),
  ]);
  await auditHealthReads(deps, staff, member, children, clientAddress);
  return {
    settings,
    now,
    children,
    contacts,
    pickups,
    events,
    attended,
  };
}

/**
 * The requesters whose youngest child passes the center's age limit (`requesterChildUntil`) by
 * the fiscal-year end.
 */
export async function renewalList(deps: AppDeps, fiscalYear: number) {
  const [{ members, childrenOf }, eligibility] = await Promise.all([
    listActiveRequestersWithChildren(deps.db),
    getEligibility(deps),
  ]);
  return agedOutAtFiscalYearEnd(members, childrenOf, fiscalYear, eligibility.requesterChildUntil);
}

/**
 * Lapses the requesters of an ended fiscal year (理由 aged_out); answers how many. `both`
 * members are listed but not withdrawn: their helper side goes on, and withdrawal is of whole
 * members only.
 */
export async function lapseAgedOutRequesters(
  deps: AppDeps,
  staff: CurrentUser,
  fiscalYear: number,
  clientAddress: string,
): Promise<number> {
  const rows = (await renewalList(deps, fiscalYear)).filter((r) => r.member.kind === 'requester');
  let lapsed = 0;
  for (const { member } of rows) {
    try {
      await withdrawMember(deps, staff, member.id, 'aged_out', clientAddress);
      lapsed += 1;
    } catch (err) {
      // Withdrawn meanwhile by someone else: nothing left to do for this member.
      if (!(err instanceof AppError && err.status === 409)) throw err;
    }
  }
  return lapsed;
}
