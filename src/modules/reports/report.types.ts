import type { NationalRow } from '../categories/help-category-rules.js';
/**
 * The shape of the center's reports (月報 / 年度報告), shared by the JSON API, the CSV export and
 * the report pages. Keep it stable: pages and charts are built on it.
 *
 * Counting rules (the service implements them, tests prove them):
 * - A period is a range of Tokyo calendar dates, both inclusive; its instants are
 *   [from 00:00 JST, the day after `to` 00:00 JST).
 * - Activities count when APPROVED (as in the monthly statements) and belong to the period of
 *   their actual start. Reports not approved yet are counted apart (`pendingApproval`).
 * - An activity may combine categories: it counts once in each of its categories, so the
 *   category rows may add up to more than the total (延べ件数).
 * - Child age band: at the activity's Tokyo date for activities; at the period end for the
 *   children count. Elementary grades follow the school year (children born April 2 – April 1).
 * - Members at period end: the side was approved before the period ended and the member had
 *   not withdrawn by then (suspended members still count as members).
 * - Requests belong to the period of their planned start.
 */

export type ReportMemberKind = 'requester' | 'helper' | 'both';
export const REPORT_MEMBER_KINDS: readonly ReportMemberKind[] = ['requester', 'helper', 'both'];

/** Members by age in completed years at the period end. */
export const MEMBER_AGE_BANDS = [
  'under30',
  'age30s',
  'age40s',
  'age50s',
  'age60s',
  'age70plus',
] as const;
export type MemberAgeBand = (typeof MEMBER_AGE_BANDS)[number];

/**
 * 0歳 / 1–2歳 / 3歳〜就学前 / 小学1–3年 / 小学4–6年 / それ以上 (junior high; only listed when the
 * center's eligibility setting reaches past elementary school, but always counted).
 */
export const CHILD_AGE_BANDS = [
  'age0',
  'age1to2',
  'age3to5',
  'elementary1to3',
  'elementary4to6',
  'older',
] as const;
export type ChildAgeBand = (typeof CHILD_AGE_BANDS)[number];

/** Time band of an activity's actual start, Tokyo time. */
export const TIME_BANDS = ['early', 'daytime', 'evening', 'night'] as const;
export type TimeBand = (typeof TIME_BANDS)[number];
/** Start-of-band times (HH:MM, inclusive) of TIME_BANDS; 'early' is 00:00–06:59. */
export const TIME_BAND_STARTS: Record<TimeBand, string> = {
  early: '00:00',
  daytime: '07:00',
  evening: '17:00',
  night: '19:00',
};

export const ACTIVITY_CATEGORIES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
/** The sick-child code before it became data (help_category.sick_child, migration 0027). */
export const SICK_CHILD_CATEGORY = 10;

export interface ReportPeriod {
  /** Tokyo dates, both inclusive. */
  from: string;
  to: string;
}

/** Activity count and time; hours are minutes / 60 rounded to 2 decimals. */
export interface CountHours {
  count: number;
  minutes: number;
  hours: number;
}

export interface KindCounts {
  requester: number;
  helper: number;
  both: number;
  total: number;
}

export interface MemberFigures {
  /** Members at the period end. */
  byKind: KindCounts;
  /** Members at the period end by age band, per kind. */
  byAgeBand: Record<MemberAgeBand, KindCounts>;
  /** First approved within the period (by the member's kind). */
  newMembers: KindCounts;
  /** Withdrew within the period (by the member's kind). */
  withdrawn: KindCounts;
}

export interface ChildFigures {
  /** Children (not removed) of requester-side members at the period end, by age band then. */
  byAgeBand: Record<ChildAgeBand, number>;
  total: number;
}

export interface RequestFigures {
  /** Requests whose planned start falls in the period, whatever happened to them. */
  received: number;
  /** Of those, requests a helper accepted (even if cancelled later). */
  matched: number;
  /** Never matched, not cancelled, and the planned start has passed. */
  unfilled: number;
  /** Still waiting for a helper, planned start in the future. */
  open: number;
  cancelled: number;
  cancelledBy: { requester: number; helper: number; staff: number };
  /** matched / (matched + unfilled), 0–1 rounded to 4 decimals; null when nothing to fill. */
  fillRate: number | null;
  /** Median hours from a request being made to a helper accepting it (2 decimals). */
  medianHoursToMatch: number | null;
}

export interface ActivityFigures extends CountHours {
  /** Children cared for in total (延べ人数): one per child per activity. */
  childCount: number;
  byCategory: Record<number, CountHours>;
  byTimeBand: Record<TimeBand, CountHours>;
  /** Per child (延べ): a two-child activity adds one to each child's band, with its hours. */
  byChildAgeBand: Record<ChildAgeBand, CountHours>;
  /** Started on a weekday, or on a Saturday, Sunday, national holiday or 12/29–1/3. */
  byDayType: { weekday: CountHours; holiday: CountHours };
  /** Activities with category 10 (病児・病後児の預かり). */
  sickChild: CountHours;
  /** Reported but not approved yet (reported, confirmed, disputed, returned). */
  pendingApproval: number;
  /** Matched requests whose planned end has passed and that have no report yet. */
  missingReports: number;
}

export interface FeeFigures {
  /** Sum of the fees (報酬) of approved activities, integer yen. */
  total: number;
  /** Per category; a combined activity's fee counts in each of its categories. */
  byCategory: Record<number, number>;
  transportCost: number;
  mealCost: number;
  /** Cancellation fees charged on requests (planned start in the period). */
  cancellationFees: number;
}

export interface TrainingFigures {
  sessionsHeld: number;
  hoursDelivered: number;
  attendances: number;
  attendees: number;
  newlyQualified: number;
}

export interface IncidentFigures {
  /** Incidents recorded on activities that started in the period. */
  total: number;
  nearMiss: number;
  accident: number;
  /** Serious accidents that must be reported to the prefecture. */
  reportable: number;
  /** Of the reportable ones, those already reported. */
  reportedToPrefecture: number;
}

/** The 病児・緊急対応強化事業's rows (issue #20; docs/decisions/2026-12-06-programme-report-figures.md). */
export const PROGRAMME_ROWS = ['sick', 'recovering', 'earlyLate', 'overnight', 'total'] as const;
export type ProgrammeRow = (typeof PROGRAMME_ROWS)[number];

/** Activities, distinct children (実人数) and their time. */
export interface ProgrammeCount extends CountHours {
  children: number;
}

/**
 * Approved activities of programme requests, by the period of their actual start:
 * - `sick` / `recovering`: sick-child requests, by the doctor's note's 病児 / 病後児;
 * - `overnight` (宿泊): any programme activity that runs past a Tokyo midnight;
 * - `earlyLate` (早朝・夜間): any other programme activity with time before 07:00 or after 19:00;
 * - `total`: every programme activity once (a sick-child care at night is in two rows above).
 */
export type ProgrammeFigures = Record<ProgrammeRow, ProgrammeCount>;

/** Every figure of one period. */
export interface ReportFigures {
  period: ReportPeriod;
  members: MemberFigures;
  children: ChildFigures;
  requests: RequestFigures;
  activities: ActivityFigures;
  fees: FeeFigures;
  training: TrainingFigures;
  incidents: IncidentFigures;
  programme: ProgrammeFigures;
}

/** Headline figures compared with the same period a year earlier. */
export const COMPARISON_KEYS = [
  'membersTotal',
  'requesters',
  'helpers',
  'both',
  'newMembers',
  'withdrawnMembers',
  'requestsReceived',
  'requestsMatched',
  'requestsCancelled',
  'activities',
  'hours',
  'sickChild',
  'feesTotal',
  'incidents',
] as const;
export type ComparisonKey = (typeof COMPARISON_KEYS)[number];

export interface ComparisonItem {
  key: ComparisonKey;
  current: number;
  previous: number;
  /** current − previous (hours to 2 decimals). */
  delta: number;
}

export interface ReportComparison {
  previousPeriod: ReportPeriod;
  items: ComparisonItem[];
}

export interface MonthlyReport extends ReportFigures {
  /** 'YYYY-MM'. */
  month: string;
  /** Whether the center's children reach past elementary school (show the 'older' band). */
  showOlderChildren: boolean;
  previousYear: ReportComparison;
  /** When the report was computed (ISO, +09:00). */
  generatedAt: string;
}

export interface MonthPoint {
  /** 'YYYY-MM'. */
  month: string;
  activities: number;
  minutes: number;
  hours: number;
}

export interface MemberTrendPoint {
  /** 'YYYY-MM': members at the end of that month. */
  month: string;
  requester: number;
  helper: number;
  both: number;
  total: number;
}

export interface AnnualReport extends ReportFigures {
  /** 2026 = April 2026 – March 2027. */
  fiscalYear: number;
  showOlderChildren: boolean;
  /** Twelve points, April first. */
  months: MonthPoint[];
  /** Twelve month-end member totals, April first. */
  memberTrend: MemberTrendPoint[];
  previousYear: ReportComparison;
  /** The activities by national survey category (help_category.national_category, 0027). */
  byNationalCategory: NationalRow[];
  generatedAt: string;
}

/** Approved activities of one member (a helper or a family) in a period. */
interface ActivitySummary {
  memberId: string;
  memberNo: number | null;
  name: string;
  activities: number;
  minutes: number;
  hours: number;
  /** Fees (報酬) of the activities, integer yen: what the helper received, the family paid. */
  fees: number;
  /** Transport and meal costs reimbursed to the helper. */
  costs: number;
}

/** Approved activities of one helper in a period. */
export interface HelperSummary extends ActivitySummary {
  families: number;
}

/** Approved activities of one family (requester) in a period. */
export interface FamilySummary extends ActivitySummary {
  helpers: number;
}
