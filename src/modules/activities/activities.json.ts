import { z } from 'zod';
import { toTokyoIso } from '../../lib/dates.js';
import type { Translator } from '../../lib/i18n.js';
import type { Selectable } from 'kysely';
import type { IncidentTable } from '../../../db/schema.js';
import type { ActivityRow, IncidentRow } from './activities.queries.js';
import {
  parseStoredJson,
  presentFeeLines,
  type StoredChildTotal,
  type StoredFeeLine,
} from '../fees/fee-lines.js';

export interface ActivityChildRow {
  activity_id: string;
  id: string;
  name: string;
  birth_date: string;
}

export interface ActivityCategoryRow {
  activity_id: string;
  category: number;
}

export function storedFeeOf(a: Pick<ActivityRow, 'fee_lines' | 'fee_child_totals'>) {
  return {
    lines: parseStoredJson<StoredFeeLine[]>(a.fee_lines, []),
    childTotals: parseStoredJson<StoredChildTotal[]>(a.fee_child_totals, []),
  };
}

/** The fee as API.md shows it: `{total, lines:[{label,minutes,rate,amount}]}` plus detail. */
export function feeJson(
  t: Translator,
  fee: { total: number; lines: StoredFeeLine[]; childTotals: StoredChildTotal[] },
  tableValidFrom: string,
) {
  return {
    total: fee.total,
    lines: presentFeeLines(t, fee.lines).map((l) => ({
      label: l.label,
      minutes: l.minutes,
      rate: l.rate,
      amount: l.amount,
      childId: l.childId,
      childIndex: l.childIndex,
      band: l.band,
      units: l.units,
      from: toTokyoIso(l.from),
      to: toTokyoIso(l.to),
    })),
    childTotals: fee.childTotals,
    tableValidFrom,
  };
}

export function incidentJson(i: Selectable<IncidentTable> | IncidentRow) {
  return {
    id: i.id,
    activityId: i.activity_id,
    kind: i.kind,
    severity: i.severity,
    seriousReason: i.serious_reason,
    reportToPrefecture: i.serious_reason !== null,
    description: i.description,
    actionTaken: i.action_taken,
    reportedToPrefectureAt: i.reported_to_prefecture_at
      ? toTokyoIso(i.reported_to_prefecture_at)
      : null,
    createdAt: toTokyoIso(i.created_at),
  };
}

export const incidentSchema = z.object({
  id: z.string(),
  activityId: z.string(),
  kind: z.enum(['near_miss', 'accident']),
  severity: z.enum(['minor', 'moderate', 'serious']),
  seriousReason: z.enum(['death', 'loss_of_consciousness', 'treatment_30_days']).nullable(),
  reportToPrefecture: z.boolean(),
  description: z.string(),
  actionTaken: z.string(),
  reportedToPrefectureAt: z.string().nullable(),
  createdAt: z.string(),
});

/** The Activity of API.md. */
export function toActivityJson(
  t: Translator,
  a: ActivityRow,
  children: ActivityChildRow[],
  categories: ActivityCategoryRow[],
  incidents: Selectable<IncidentTable>[] = [],
) {
  const own = children.filter((c) => c.activity_id === a.id);
  const fee = storedFeeOf(a);
  return {
    id: a.id,
    requestId: a.request_id,
    helperId: a.helper_member_id,
    helperName: a.helper_name,
    requesterId: a.requester_member_id,
    requesterName: a.requester_name,
    plannedStartsAt: toTokyoIso(a.planned_starts_at),
    plannedEndsAt: toTokyoIso(a.planned_ends_at),
    startedAt: toTokyoIso(a.started_at),
    endedAt: toTokyoIso(a.ended_at),
    childIds: own.map((c) => c.id),
    children: own.map((c) => ({ id: c.id, name: c.name })),
    categories: categories.filter((c) => c.activity_id === a.id).map((c) => c.category),
    place: a.place,
    transportCost: a.transport_cost,
    mealCost: a.meal_cost,
    notes: a.notes,
    fee: feeJson(t, { total: a.fee_total, ...fee }, a.fee_table_valid_from),
    /** What the family pays the helper: the fee plus transport and meals at cost. */
    amountDue: a.fee_total + a.transport_cost + a.meal_cost,
    status: a.status,
    disputeReason: a.dispute_reason,
    returnReason: a.return_reason,
    reportedAt: toTokyoIso(a.reported_at),
    confirmedAt: a.confirmed_at ? toTokyoIso(a.confirmed_at) : null,
    approvedAt: a.approved_at ? toTokyoIso(a.approved_at) : null,
    approvedBy: a.approved_by,
    version: a.version,
    incidents: incidents.filter((i) => i.activity_id === a.id).map(incidentJson),
  };
}

export type ActivityJson = ReturnType<typeof toActivityJson>;

const INSTANT_KEYS = new Set(['startedAt', 'endedAt', 'startsAt']);

/** A statement for the API: every instant with the +09:00 offset of API.md. */
export function statementJson<T>(value: T): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => [
          k,
          INSTANT_KEYS.has(k) && typeof x === 'string' ? toTokyoIso(x) : walk(x),
        ]),
      );
    return v;
  };
  return walk(value) as T;
}
