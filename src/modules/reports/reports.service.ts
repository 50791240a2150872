/**
 * The center's reports: monthly (月報), fiscal-year (年度), the previous-year comparison and the
 * per-helper / per-family summaries. Every figure is aggregated in SQL (reports.queries.ts);
 * this file only builds periods and assembles the grouped rows.
 */
import type { AppDeps } from '../../context.js';
import { listHelpCategories } from '../categories/categories.queries.js';
import {
  nationalTable,
  sickChildCodes,
  type HelpCategory,
} from '../categories/help-category-rules.js';
import {
  addMonthsToDate,
  fiscalYearEnd,
  fiscalYearStart,
  isoWeekdayOf,
  lastDateOfMonth,
  nextMonth,
  tokyoDateRange,
  toTokyoIso,
} from '../../lib/dates.js';
import { withBatchedReads } from '../../lib/batch-read.js';
import { isNationalHoliday } from '../../lib/holidays.js';
import { DEFAULT_FEE_TABLE, isYearEndDate } from '../fees/fee-table.js';
import { getEligibility } from '../settings/settings.service.js';
import {
  countApprovedActivitiesByCategory,
  countApprovedActivitiesInCategory,
  countApprovedActivitiesByChildAgeBand,
  countChildrenAt,
  countIncidents,
  countMembersAt,
  countMembersAtMonthEnds,
  countMissingReports,
  countNewMembers,
  countRequests,
  countTrainingFigures,
  countUnapprovedActivities,
  countWithdrawnMembers,
  medianMinutesToMatch,
  sumApprovedActivities,
  summarizeApprovedActivitiesBy,
  summarizeApprovedActivitiesByDayAndTimeBand,
  summarizeProgrammeActivities,
  type DayRow,
  type InstantRange,
  type KindCountRow,
  type PartySummaryRow,
} from './reports.queries.js';
import {
  ACTIVITY_CATEGORIES,
  CHILD_AGE_BANDS,
  COMPARISON_KEYS,
  MEMBER_AGE_BANDS,
  PROGRAMME_ROWS,
  TIME_BANDS,
  type AnnualReport,
  type ComparisonKey,
  type CountHours,
  type FamilySummary,
  type HelperSummary,
  type KindCounts,
  type MemberAgeBand,
  type MemberTrendPoint,
  type MonthlyReport,
  type MonthPoint,
  type ReportComparison,
  type ReportFigures,
  type ReportPeriod,
  type TimeBand,
} from './report.types.js';

export type ReportDeps = Pick<AppDeps, 'db' | 'clock' | 'batchRead'>;

/** 'YYYY-MM' with a real month (years 2000–2100), else null. */
export function parseReportMonth(input: string | undefined | null): string | null {
  if (!input || !/^\d{4}-(0[1-9]|1[0-2])$/.test(input)) return null;
  return parseFiscalYear(input.slice(0, 4)) === null ? null : input;
}

/** A four-digit fiscal year between 2000 and 2100, else null. */
export function parseFiscalYear(input: string | undefined | null): number | null {
  if (!input || !/^\d{4}$/.test(input)) return null;
  const fy = Number(input);
  return fy >= 2000 && fy <= 2100 ? fy : null;
}

/** The Tokyo calendar month as a period. */
export function monthPeriod(month: string): ReportPeriod {
  return { from: `${month}-01`, to: lastDateOfMonth(month) };
}

/** April 1 – March 31. */
export function fiscalYearPeriod(fiscalYear: number): ReportPeriod {
  return { from: fiscalYearStart(fiscalYear), to: fiscalYearEnd(fiscalYear) };
}

/** The same period one year earlier (Feb 29 → Feb 28). */
export function previousYearPeriod(period: ReportPeriod): ReportPeriod {
  return { from: addMonthsToDate(period.from, -12), to: addMonthsToDate(period.to, -12) };
}

export function instantRange(period: ReportPeriod): InstantRange {
  const { fromIso, untilIso } = tokyoDateRange(period.from, period.to);
  return {
    fromIso,
    toIso: untilIso,
    fromDate: period.from,
    endDate: period.to,
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const countHours = (count: number, minutes: number): CountHours => ({
  count,
  minutes,
  hours: round2(minutes / 60),
});
const emptyKinds = (): KindCounts => ({ requester: 0, helper: 0, both: 0, total: 0 });

function kindCounts(list: readonly KindCountRow[]): KindCounts {
  const out = emptyKinds();
  for (const r of list) {
    out[r.kind] += r.count;
    out.total += r.count;
  }
  return out;
}

/** Saturday, Sunday, a national holiday or the year-end days (12/29–1/3) count as holidays. */
function isHolidayDate(date: string): boolean {
  return (
    isoWeekdayOf(date) >= 6 ||
    isNationalHoliday(date) ||
    isYearEndDate(date, DEFAULT_FEE_TABLE.yearEnd)
  );
}

const MAX_GRADE = { end_of_preschool: 0, end_of_elementary: 6, end_of_junior_high: 9 } as const;

interface FiguresWithDays {
  figures: ReportFigures;
  days: DayRow[];
  helpCategories: HelpCategory[];
}

async function computeFigures(deps: ReportDeps, period: ReportPeriod): Promise<FiguresWithDays> {
  const db = deps.db;
  const r = instantRange(period);
  const nowIso = deps.clock.now().toISOString();
  const [eligibility, helpCategories] = await Promise.all([
    getEligibility(deps),
    listHelpCategories(db),
  ]);
  const [
    dayBands,
    categories,
    childBands,
    unapproved,
    missing,
    requests,
    medianMinutes,
    members,
    newMembers,
    withdrawn,
    children,
    incidents,
    training,
    programme,
  ] = await Promise.all([
    summarizeApprovedActivitiesByDayAndTimeBand(db, r),
    countApprovedActivitiesByCategory(db, r),
    countApprovedActivitiesByChildAgeBand(db, r),
    countUnapprovedActivities(db, r),
    countMissingReports(db, r, nowIso),
    countRequests(db, r, nowIso),
    medianMinutesToMatch(db, r),
    countMembersAt(db, r),
    countNewMembers(db, r),
    countWithdrawnMembers(db, r),
    countChildrenAt(db, r, MAX_GRADE[eligibility.requesterChildUntil]),
    countIncidents(db, r),
    countTrainingFigures(db, period, r.fromIso, nowIso < r.toIso ? nowIso : r.toIso),
    summarizeProgrammeActivities(db, r),
  ]);

  // Totals, days (in date order) and time bands, added up from the (day, band) groups.
  const totals = { count: 0, minutes: 0, fees: 0, transport: 0, meal: 0 };
  const days: DayRow[] = [];
  const timeBands = new Map<TimeBand, { count: number; minutes: number }>();
  for (const g of dayBands) {
    totals.count += g.count;
    totals.minutes += g.minutes;
    totals.fees += g.fees;
    totals.transport += g.transport;
    totals.meal += g.meal;
    const last = days[days.length - 1];
    if (last?.day === g.day) {
      last.count += g.count;
      last.minutes += g.minutes;
    } else days.push({ day: g.day, count: g.count, minutes: g.minutes });
    const band = timeBands.get(g.band) ?? { count: 0, minutes: 0 };
    band.count += g.count;
    band.minutes += g.minutes;
    timeBands.set(g.band, band);
  }

  const byAgeBand = Object.fromEntries(MEMBER_AGE_BANDS.map((b) => [b, emptyKinds()])) as Record<
    MemberAgeBand,
    KindCounts
  >;
  const byKind = emptyKinds();
  for (const m of members) {
    byAgeBand[m.band][m.kind] += m.count;
    byAgeBand[m.band].total += m.count;
    byKind[m.kind] += m.count;
    byKind.total += m.count;
  }

  const childByBand = Object.fromEntries(CHILD_AGE_BANDS.map((b) => [b, 0])) as Record<
    (typeof CHILD_AGE_BANDS)[number],
    number
  >;
  for (const c of children) childByBand[c.band] += c.count;

  const byCategory: Record<number, CountHours> = {};
  const feesByCategory: Record<number, number> = {};
  for (const cat of ACTIVITY_CATEGORIES) {
    const row = categories.find((x) => x.category === cat);
    byCategory[cat] = countHours(row?.count ?? 0, row?.minutes ?? 0);
    feesByCategory[cat] = row?.fees ?? 0;
  }

  const byTimeBand = Object.fromEntries(
    TIME_BANDS.map((b) => {
      const row = timeBands.get(b);
      return [b, countHours(row?.count ?? 0, row?.minutes ?? 0)];
    }),
  ) as ReportFigures['activities']['byTimeBand'];
  const byChildAgeBand = Object.fromEntries(
    CHILD_AGE_BANDS.map((b) => {
      const row = childBands.find((x) => x.band === b);
      return [b, countHours(row?.count ?? 0, row?.minutes ?? 0)];
    }),
  ) as ReportFigures['activities']['byChildAgeBand'];

  const dayType = { weekday: { count: 0, minutes: 0 }, holiday: { count: 0, minutes: 0 } };
  for (const d of days) {
    const slot = isHolidayDate(d.day) ? dayType.holiday : dayType.weekday;
    slot.count += d.count;
    slot.minutes += d.minutes;
  }

  const fillBase = requests.matched + requests.unfilled;
  const figures: ReportFigures = {
    period,
    members: {
      byKind,
      byAgeBand,
      newMembers: kindCounts(newMembers),
      withdrawn: kindCounts(withdrawn),
    },
    children: {
      byAgeBand: childByBand,
      total: children.reduce((s, c) => s + c.count, 0),
    },
    requests: {
      received: requests.received,
      matched: requests.matched,
      unfilled: requests.unfilled,
      open: requests.open,
      cancelled: requests.cancelled,
      cancelledBy: {
        requester: requests.byRequester,
        helper: requests.byHelper,
        staff: requests.byStaff,
      },
      fillRate: fillBase === 0 ? null : Math.round((requests.matched / fillBase) * 10000) / 10000,
      medianHoursToMatch: medianMinutes === null ? null : round2(medianMinutes / 60),
    },
    activities: {
      ...countHours(totals.count, totals.minutes),
      childCount: CHILD_AGE_BANDS.reduce((s, b) => s + byChildAgeBand[b].count, 0),
      byCategory,
      byTimeBand,
      byChildAgeBand,
      byDayType: {
        weekday: countHours(dayType.weekday.count, dayType.weekday.minutes),
        holiday: countHours(dayType.holiday.count, dayType.holiday.minutes),
      },
      sickChild: sickChildFigure(byCategory, sickChildCodes(helpCategories)),
      pendingApproval: unapproved,
      missingReports: missing,
    },
    fees: {
      total: totals.fees,
      byCategory: feesByCategory,
      transportCost: totals.transport,
      mealCost: totals.meal,
      cancellationFees: requests.cancellationFees,
    },
    training: {
      sessionsHeld: training.sessionsHeld,
      hoursDelivered: round2(training.hours),
      attendances: training.attendances,
      attendees: training.attendees,
      newlyQualified: training.newlyQualified,
    },
    incidents: {
      total: incidents.total,
      nearMiss: incidents.nearMiss,
      accident: incidents.accident,
      reportable: incidents.reportable,
      reportedToPrefecture: incidents.reported,
    },
    programme: Object.fromEntries(
      PROGRAMME_ROWS.map((key) => {
        const row = programme.find((x) => x.grp === key);
        return [
          key,
          { ...countHours(row?.count ?? 0, row?.minutes ?? 0), children: row?.children ?? 0 },
        ];
      }),
    ) as ReportFigures['programme'],
  };
  return { figures, days, helpCategories };
}

/**
 * 病児・病後児: the categories flagged sick-child (help_category, 0027) added up, as the
 * per-category rows count (an activity once under each of its categories). With the one
 * flagged category of the seed (10) this is that category's row, as before.
 */
function sickChildFigure(
  byCategory: Record<number, CountHours>,
  codes: readonly number[],
): CountHours {
  let count = 0;
  let minutes = 0;
  for (const code of codes) {
    count += byCategory[code]?.count ?? 0;
    minutes += byCategory[code]?.minutes ?? 0;
  }
  return countHours(count, minutes);
}

/** Every figure of a period (Tokyo dates, inclusive). */
export async function reportFigures(
  deps: ReportDeps,
  period: ReportPeriod,
): Promise<ReportFigures> {
  return (await computeFigures(deps, period)).figures;
}

function headline(f: ReportFigures): Record<ComparisonKey, number> {
  return {
    membersTotal: f.members.byKind.total,
    requesters: f.members.byKind.requester,
    helpers: f.members.byKind.helper,
    both: f.members.byKind.both,
    newMembers: f.members.newMembers.total,
    withdrawnMembers: f.members.withdrawn.total,
    requestsReceived: f.requests.received,
    requestsMatched: f.requests.matched,
    requestsCancelled: f.requests.cancelled,
    activities: f.activities.count,
    hours: f.activities.hours,
    sickChild: f.activities.sickChild.count,
    feesTotal: f.fees.total,
    incidents: f.incidents.total,
  };
}

/**
 * Only the headline figures of a period, for the comparison: the same queries as the full
 * report for these figures, without the breakdowns the comparison does not show.
 */
export async function headlineFigures(
  deps: ReportDeps,
  period: ReportPeriod,
): Promise<Record<ComparisonKey, number>> {
  const r = instantRange(period);
  const nowIso = deps.clock.now().toISOString();
  const sickCodes = sickChildCodes(await listHelpCategories(deps.db));
  const [totals, sick, requests, members, newMembers, withdrawn, incidents] = await Promise.all([
    sumApprovedActivities(deps.db, r),
    Promise.all(sickCodes.map((code) => countApprovedActivitiesInCategory(deps.db, r, code))).then(
      (counts) => counts.reduce((a, b) => a + b, 0),
    ),
    countRequests(deps.db, r, nowIso),
    countMembersAt(deps.db, r),
    countNewMembers(deps.db, r),
    countWithdrawnMembers(deps.db, r),
    countIncidents(deps.db, r),
  ]);
  const byKind = kindCounts(members);
  return {
    membersTotal: byKind.total,
    requesters: byKind.requester,
    helpers: byKind.helper,
    both: byKind.both,
    newMembers: kindCounts(newMembers).total,
    withdrawnMembers: kindCounts(withdrawn).total,
    requestsReceived: requests.received,
    requestsMatched: requests.matched,
    requestsCancelled: requests.cancelled,
    activities: totals.count,
    hours: round2(totals.minutes / 60),
    sickChild: sick,
    feesTotal: totals.fees,
    incidents: incidents.total,
  };
}

/** Headline figures against those of another (earlier) period. */
export function compareFigures(
  current: ReportFigures,
  previous: Record<ComparisonKey, number>,
  previousPeriod: ReportPeriod,
): ReportComparison {
  const now = headline(current);
  return {
    previousPeriod,
    items: COMPARISON_KEYS.map((key) => ({
      key,
      current: now[key],
      previous: previous[key],
      delta: round2(now[key] - previous[key]),
    })),
  };
}

const showOlder = async (deps: ReportDeps) =>
  (await getEligibility(deps)).requesterChildUntil === 'end_of_junior_high';

export async function monthlyReport(reportDeps: ReportDeps, month: string): Promise<MonthlyReport> {
  // Its dozens of aggregates are independent: one round trip on D1.
  const deps = withBatchedReads(reportDeps);
  const period = monthPeriod(month);
  const before = previousYearPeriod(period);
  const [current, previous, older] = await Promise.all([
    reportFigures(deps, period),
    headlineFigures(deps, before),
    showOlder(deps),
  ]);
  return {
    ...current,
    month,
    showOlderChildren: older,
    previousYear: compareFigures(current, previous, before),
    generatedAt: toTokyoIso(deps.clock.now()),
  };
}

/** The twelve months of a fiscal year, April first. */
export function fiscalYearMonths(fiscalYear: number): string[] {
  const months: string[] = [];
  let m = fiscalYearStart(fiscalYear).slice(0, 7);
  for (let i = 0; i < 12; i += 1) {
    months.push(m);
    m = nextMonth(m);
  }
  return months;
}

export async function annualReport(
  reportDeps: ReportDeps,
  fiscalYear: number,
): Promise<AnnualReport> {
  // Its dozens of aggregates are independent: one round trip on D1.
  const deps = withBatchedReads(reportDeps);
  const period = fiscalYearPeriod(fiscalYear);
  const months = fiscalYearMonths(fiscalYear);
  const [current, previous, older, trend] = await Promise.all([
    computeFigures(deps, period),
    headlineFigures(deps, previousYearPeriod(period)),
    showOlder(deps),
    countMembersAtMonthEnds(deps.db, months),
  ]);

  const monthPoints: MonthPoint[] = months.map((month) => {
    const inMonth = current.days.filter((d) => d.day.startsWith(month));
    const minutes = inMonth.reduce((s, d) => s + d.minutes, 0);
    return {
      month,
      activities: inMonth.reduce((s, d) => s + d.count, 0),
      minutes,
      hours: round2(minutes / 60),
    };
  });
  const memberTrend: MemberTrendPoint[] = months.map((month) => {
    const point: MemberTrendPoint = { month, requester: 0, helper: 0, both: 0, total: 0 };
    for (const row of trend.filter((x) => x.month === month)) {
      point[row.kind] += row.count;
      point.total += row.count;
    }
    return point;
  });
  return {
    ...current.figures,
    fiscalYear,
    showOlderChildren: older,
    months: monthPoints,
    memberTrend,
    previousYear: compareFigures(current.figures, previous, previousYearPeriod(period)),
    byNationalCategory: nationalTable(
      current.helpCategories,
      current.figures.activities.byCategory,
      current.figures.fees.byCategory,
    ),
    generatedAt: toTokyoIso(deps.clock.now()),
  };
}

function toSummary(row: PartySummaryRow) {
  return {
    memberId: row.memberId,
    memberNo: row.memberNo,
    name: row.name,
    activities: row.activities,
    minutes: row.minutes,
    hours: round2(row.minutes / 60),
    fees: row.fees,
    costs: row.costs,
  };
}

/** Helpers with approved activities in the period, most hours first. */
export async function helperSummaries(
  deps: ReportDeps,
  period: ReportPeriod,
): Promise<HelperSummary[]> {
  const list = await summarizeApprovedActivitiesBy(deps.db, instantRange(period), 'helper');
  return list.map((row) => ({ ...toSummary(row), families: row.others }));
}

/** Families with approved activities in the period, most hours first. */
export async function familySummaries(
  deps: ReportDeps,
  period: ReportPeriod,
): Promise<FamilySummary[]> {
  const list = await summarizeApprovedActivitiesBy(deps.db, instantRange(period), 'requester');
  return list.map((row) => ({ ...toSummary(row), helpers: row.others }));
}
