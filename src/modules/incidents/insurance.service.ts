import type { AppDeps, CurrentUser } from '../../context.js';
import { addDaysToDate, isValidDateString, tokyoDateOf } from '../../lib/dates.js';
import { conflict, notFound, unprocessable } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { Compilable } from '../../lib/atomic.js';
import { changeAudited } from '../audit/audit.service.js';
import { getSetting } from '../settings/settings.service.js';
import { findIncidentById } from './incidents.queries.js';
import { occurredAtOf } from './incident-rules.js';
import { claimDeadline, helpKnownInAdvance, isNearingDeadline } from './insurance-rules.js';
import type { CaseUpdateInput } from './insurance.schemas.js';
import {
  buildCloseCase,
  buildInsertCase,
  buildUpdateCase,
  findInsuranceCase,
  listCasesDueBy,
  type InsuranceCaseRow,
} from './insurance.queries.js';

/**
 * An accident's insurance claim as a case (issue #19): opened for one cover, the insurer
 * notified, documents sent, amounts paid, closed. The claim deadline is fixed at opening.
 */

export const getInsuranceSettings = (deps: Pick<AppDeps, 'db' | 'stamps'>) =>
  getSetting(deps, 'insurance');

/** What a page or the API says about a case beyond its columns. */
export function caseFacts(row: InsuranceCaseRow, today: string, warnDays: number) {
  return {
    knownInAdvance: helpKnownInAdvance({
      situation: row.situation,
      occurredAt: row.occurred_at,
      requestCreatedAt: row.request_created_at,
      requestHasHelper: row.request_helper_id !== null,
    }),
    nearingDeadline:
      row.closed_on === null && isNearingDeadline(today, row.claim_deadline_on, warnDays),
  };
}

export async function openInsuranceCase(
  deps: AppDeps,
  staff: CurrentUser,
  incidentId: string,
  cover: string,
  clientAddress?: string,
): Promise<string> {
  const incident = await findIncidentById(deps.db, incidentId);
  if (!incident) throw notFound();
  if (incident.kind !== 'accident') throw unprocessable('insurance_near_miss');
  const settings = await getInsuranceSettings(deps);
  if (!settings.covers.some((c) => c.code === cover))
    throw unprocessable('insurance_unknown_cover');
  const now = deps.clock.now();
  const id = newId();
  const insert = buildInsertCase(deps.db, {
    id,
    incident_id: incidentId,
    cover,
    claim_deadline_on: claimDeadline(occurredAtOf(incident), settings.claimDays),
    created_by: staff.id,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  });
  await writeCase(deps, staff, insert, {
    at: now,
    action: 'insurance_case_opened',
    caseId: id,
    clientAddress,
    details: { incidentId, cover },
    refused: 'insurance_case_exists',
  });
  return id;
}

/**
 * A conditional write to a case and its audit row, in one batch: `refused` (a conflict) when the
 * write changed nothing (the case exists already, or was closed meanwhile).
 */
async function writeCase(
  deps: AppDeps,
  staff: CurrentUser,
  write: Compilable,
  audit: {
    at: Date;
    action: string;
    caseId: string;
    clientAddress: string | undefined;
    details: Record<string, unknown>;
    refused: string;
  },
) {
  const { refused, caseId, ...entry } = audit;
  const { changed } = await changeAudited(deps, staff, write, {
    ...entry,
    subjectType: 'insurance_case',
    subjectId: caseId,
  });
  if (!changed) throw conflict(refused);
}

async function loadCase(deps: AppDeps, id: string) {
  const row = await findInsuranceCase(deps.db, id);
  if (!row) throw notFound();
  return row;
}

export async function updateInsuranceCase(
  deps: AppDeps,
  staff: CurrentUser,
  id: string,
  input: CaseUpdateInput,
  clientAddress?: string,
) {
  await loadCase(deps, id);
  const now = deps.clock.now();
  await writeCase(deps, staff, buildUpdateCase(deps.db, id, input, now.toISOString()), {
    at: now,
    action: 'insurance_case_updated',
    caseId: id,
    clientAddress,
    details: { ...input },
    refused: 'insurance_case_closed',
  });
}

export async function closeInsuranceCase(
  deps: AppDeps,
  staff: CurrentUser,
  id: string,
  closedOn: string,
  clientAddress?: string,
) {
  const row = await loadCase(deps, id);
  const now = deps.clock.now();
  if (
    !isValidDateString(closedOn) ||
    closedOn > tokyoDateOf(now) ||
    closedOn < tokyoDateOf(row.occurred_at)
  )
    throw unprocessable('insurance_close_date');
  await writeCase(deps, staff, buildCloseCase(deps.db, id, closedOn, now.toISOString()), {
    at: now,
    action: 'insurance_case_closed',
    caseId: id,
    clientAddress,
    details: { closedOn },
    refused: 'insurance_case_closed',
  });
}

/**
 * Open cases whose claim deadline falls within the warning days (or has passed), for the staff
 * dashboard: the deadline and the cover's label in both languages.
 */
export async function loadInsuranceDeadlines(deps: AppDeps, today: string) {
  const settings = await getInsuranceSettings(deps);
  const rows = await listCasesDueBy(deps.db, addDaysToDate(today, settings.warnDays), 10);
  return {
    warnDays: settings.warnDays,
    items: rows.map((r) => {
      const cover = settings.covers.find((k) => k.code === r.cover);
      return {
        id: r.id,
        deadline: r.claim_deadline_on,
        cover: cover ? { ja: cover.ja, en: cover.en } : { ja: r.cover, en: r.cover },
        requesterName: r.requester_name,
        notified: r.insurer_notified_on !== null,
      };
    }),
  };
}
