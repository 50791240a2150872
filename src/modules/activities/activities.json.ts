import { z } from 'zod';
import { toTokyoIso } from '../../lib/dates.js';
import type { Translator } from '../../lib/i18n.js';
import type { Selectable } from 'kysely';
import type { IncidentTable } from '../../../db/schema.js';
import type { ActivityRow } from './activities.queries.js';
import type { ChargedActivity } from '../fees/statements.js';
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

/** An activity's times, categories (from its category rows) and charges, for statements and claims. */
export function chargedActivityOf(
  a: Pick<
    ActivityRow,
    | 'id'
    | 'started_at'
    | 'ended_at'
    | 'transport_cost'
    | 'meal_cost'
    | 'fee_lines'
    | 'fee_child_totals'
  >,
  categoryRows: readonly { activity_id: string; category: number }[],
): ChargedActivity {
  return {
    id: a.id,
    startedAt: a.started_at,
    endedAt: a.ended_at,
    categories: categoryRows.filter((c) => c.activity_id === a.id).map((c) => c.category),
    transportCost: a.transport_cost,
    mealCost: a.meal_cost,
    childTotals: storedFeeOf(a).childTotals,
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

export function incidentJson(i: Selectable<IncidentTable>) {
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
  /** Null for an incident recorded on its own (issue #19). */
  activityId: z.string().nullable(),
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

// The response schemas of the serializers above (the API contract; see lib/openapi.ts).
const feeBand = z.enum([
  'weekday_day',
  'weekday_other',
  'weekend_holiday',
  'year_end',
  'sick_child',
  'programme_sick',
  'programme_emergency',
  'programme_holiday',
  'programme_early',
  'programme_late',
  'programme_overnight',
]);
const childTotalJson = z.object({ childId: z.string().nullable(), amount: z.number() });

/** A line of a fee, as the stored fee and a quote both show it. */
const feeLineJson = z.object({
  label: z.string(),
  minutes: z.number(),
  rate: z.number(),
  amount: z.number(),
  childIndex: z.number().int(),
  band: feeBand,
  from: z.string(),
  to: z.string(),
});

export const feeSchema = z.object({
  total: z.number(),
  lines: z.array(feeLineJson.extend({ childId: z.string().nullable(), units: z.number() })),
  childTotals: z.array(childTotalJson),
  tableValidFrom: z.string(),
});

export const feeQuoteSchema = z.object({
  total: z.number(),
  lines: z.array(
    feeLineJson.extend({
      amount: z.number().describe('exact: a sibling’s half unit may carry ¥0.5'),
    }),
  ),
  childTotals: z.array(z.number().int()).describe('per child, rounded half up'),
  tableValidFrom: z.string(),
});

export const activitySchema = z.object({
  id: z.string(),
  requestId: z.string(),
  helperId: z.string(),
  helperName: z.string(),
  requesterId: z.string(),
  requesterName: z.string(),
  plannedStartsAt: z.string(),
  plannedEndsAt: z.string(),
  startedAt: z.string(),
  endedAt: z.string(),
  childIds: z.array(z.string()),
  children: z.array(z.object({ id: z.string(), name: z.string() })),
  categories: z.array(z.number().int()),
  place: z.string().nullable(),
  transportCost: z.number().int(),
  mealCost: z.number().int(),
  notes: z.string().nullable(),
  fee: feeSchema,
  amountDue: z.number(),
  status: z.enum(['reported', 'confirmed', 'disputed', 'returned', 'approved']),
  disputeReason: z.string().nullable(),
  returnReason: z.string().nullable(),
  reportedAt: z.string(),
  confirmedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  version: z.number().int(),
  incidents: z.array(incidentSchema),
});

const amountAndTime = z.object({ count: z.number(), minutes: z.number(), amount: z.number() });
export const statementSchema = z.object({
  memberId: z.string(),
  memberName: z.string(),
  memberNo: z.number().int().nullable(),
  month: z.string(),
  requester: z
    .object({
      month: z.string(),
      children: z.array(
        z.object({
          child: z.object({ id: z.string(), name: z.string(), birthDate: z.string() }),
          freeChildcareAge: z.boolean(),
          lines: z.array(
            z.object({
              activityId: z.string(),
              date: z.string(),
              startedAt: z.string(),
              endedAt: z.string(),
              minutes: z.number(),
              kind: z.enum(['reimbursable_care', 'care', 'transport_only']),
              amount: z.number(),
            }),
          ),
          reimbursableCare: amountAndTime,
          otherCare: amountAndTime,
          transportOnly: amountAndTime,
          total: z.number(),
          reimbursableWithinCap: z.number(),
          cap: z.number(),
        }),
      ),
      costs: z.object({
        lines: z.array(
          z.object({
            activityId: z.string(),
            date: z.string(),
            transportCost: z.number(),
            mealCost: z.number(),
          }),
        ),
        transport: z.number(),
        meal: z.number(),
        total: z.number(),
      }),
      cancellations: z.object({
        lines: z.array(
          z.object({
            requestId: z.string(),
            startsAt: z.string(),
            amount: z.number(),
            date: z.string(),
          }),
        ),
        total: z.number(),
      }),
      feesTotal: z.number(),
      grandTotal: z.number(),
      pending: z.number().int(),
    })
    .nullable(),
  helper: z
    .object({
      month: z.string(),
      count: z.number(),
      minutes: z.number(),
      fees: z.number(),
      transport: z.number(),
      meal: z.number(),
      total: z.number(),
      lines: z.array(
        z.object({
          id: z.string(),
          startedAt: z.string(),
          endedAt: z.string(),
          requesterName: z.string(),
          childCount: z.number().int(),
          feeTotal: z.number(),
          transportCost: z.number(),
          mealCost: z.number(),
          date: z.string(),
          minutes: z.number(),
          total: z.number(),
        }),
      ),
      pending: z.number().int(),
    })
    .nullable(),
});
