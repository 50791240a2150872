import { z } from 'zod';
import { instantJson, responseOf } from '../../http/api-route.js';
import { NATIONAL_CATEGORIES } from '../categories/help-category-rules.js';
import {
  CHILD_AGE_BANDS,
  COMPARISON_KEYS,
  MEMBER_AGE_BANDS,
  PROGRAMME_ROWS,
  TIME_BANDS,
  type AnnualReport,
  type FamilySummary,
  type HelperSummary,
  type MonthlyReport,
  type ReportPeriod,
} from './report.types.js';

// The response schemas of the report API, pinned to report.types.ts (see `responseOf`): the
// service's values are sent as they are.

const int = () => z.number().int();
const date = z.string().describe('YYYY-MM-DD (Tokyo)');
const byKeys = <K extends string, S extends z.ZodType>(keys: readonly K[], value: S) =>
  z.object(Object.fromEntries(keys.map((k) => [k, value])) as Record<K, S>);

const period = responseOf<ReportPeriod>()(z.object({ from: date, to: date }));
const countHours = z.object({ count: int(), minutes: int(), hours: z.number() });
const kindCounts = z.object({ requester: int(), helper: int(), both: int(), total: int() });
const byCategory = <S extends z.ZodType>(value: S) =>
  z.record(z.string(), value).describe('By category number (1–12)');

const figures = {
  period,
  members: z.object({
    byKind: kindCounts,
    byAgeBand: byKeys(MEMBER_AGE_BANDS, kindCounts),
    newMembers: kindCounts,
    withdrawn: kindCounts,
  }),
  children: z.object({ byAgeBand: byKeys(CHILD_AGE_BANDS, int()), total: int() }),
  requests: z.object({
    received: int(),
    matched: int(),
    unfilled: int(),
    open: int(),
    cancelled: int(),
    cancelledBy: z.object({ requester: int(), helper: int(), staff: int() }),
    fillRate: z.number().nullable(),
    medianHoursToMatch: z.number().nullable(),
  }),
  activities: countHours.extend({
    childCount: int(),
    byCategory: byCategory(countHours),
    byTimeBand: byKeys(TIME_BANDS, countHours),
    byChildAgeBand: byKeys(CHILD_AGE_BANDS, countHours),
    byDayType: z.object({ weekday: countHours, holiday: countHours }),
    sickChild: countHours,
    pendingApproval: int(),
    missingReports: int(),
  }),
  fees: z.object({
    total: int(),
    byCategory: byCategory(int()),
    transportCost: int(),
    mealCost: int(),
    cancellationFees: int(),
  }),
  training: z.object({
    sessionsHeld: int(),
    hoursDelivered: z.number(),
    attendances: int(),
    attendees: int(),
    newlyQualified: int(),
  }),
  incidents: z.object({
    total: int(),
    nearMiss: int(),
    accident: int(),
    reportable: int(),
    reportedToPrefecture: int(),
  }),
  programme: byKeys(PROGRAMME_ROWS, countHours.extend({ children: int() })).describe(
    '病児・緊急対応強化事業: sick (病児), recovering (病後児), earlyLate (早朝・夜間), overnight (宿泊), total; children are distinct',
  ),
};

const comparison = z.object({
  previousPeriod: period,
  items: z.array(
    z.object({
      key: z.enum(COMPARISON_KEYS),
      current: z.number(),
      previous: z.number(),
      delta: z.number(),
    }),
  ),
});

export const monthlyReportSchema = responseOf<MonthlyReport>()(
  z.object({
    ...figures,
    month: z.string().describe('YYYY-MM'),
    showOlderChildren: z.boolean(),
    previousYear: comparison,
    generatedAt: instantJson,
  }),
);

export const annualReportSchema = responseOf<AnnualReport>()(
  z.object({
    ...figures,
    fiscalYear: int().describe('2026 = April 2026 – March 2027'),
    showOlderChildren: z.boolean(),
    months: z.array(
      z.object({ month: z.string(), activities: int(), minutes: int(), hours: z.number() }),
    ),
    memberTrend: z.array(
      z.object({
        month: z.string(),
        requester: int(),
        helper: int(),
        both: int(),
        total: int(),
      }),
    ),
    previousYear: comparison,
    byNationalCategory: z
      .array(
        z.object({
          category: z.enum(NATIONAL_CATEGORIES),
          codes: z.array(int()).describe('The help category codes counted under it'),
          count: int(),
          hours: z.number(),
          fees: int(),
        }),
      )
      .describe(
        'By national survey category: the sums of the per-category rows of the codes mapped to it',
      ),
    generatedAt: instantJson,
  }),
);

const summaryBase = {
  memberId: z.string(),
  memberNo: int().nullable(),
  name: z.string(),
  activities: int(),
  minutes: int(),
  hours: z.number(),
  fees: int(),
  costs: int(),
};
export const helperSummarySchema = responseOf<HelperSummary>()(
  z.object({ ...summaryBase, families: int() }),
);
export const familySummarySchema = responseOf<FamilySummary>()(
  z.object({ ...summaryBase, helpers: int() }),
);
export const periodSchema = period;
