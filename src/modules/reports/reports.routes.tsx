import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../context.js';
import { requireStaff } from '../../auth/guards.js';
import { renderPage } from '../../http/render.js';
import { withBatchedReads } from '../../lib/batch-read.js';
import { AppError } from '../../lib/errors.js';
import { addDaysToDate, fiscalYearOf, tokyoDateOf } from '../../lib/dates.js';
import { nextMonth, previousMonth } from '../fees/statements.js';
import type { MonthPoint } from './report.types.js';
import { countApprovedActivitiesByDay } from './reports.queries.js';
import {
  annualReport,
  familySummaries,
  fiscalYearMonths,
  fiscalYearPeriod,
  helperSummaries,
  instantRange,
  monthlyReport,
  parseFiscalYear,
  parseReportMonth,
} from './reports.service.js';
import { AnnualReportPage, MonthlyReportPage } from '../../../views/pages/reports/report-pages.js';

/** Staff report pages: 月報 and 年度報告 (the JSON and CSV are in reports.api.ts). */
export const reportPages = new Hono<AppEnv>();

/** How many fiscal years the picker offers, counting back from the current one. */
const PICKER_YEARS = 6;

/** The last complete Tokyo month: what staff send the city at the start of a month. */
export function lastCompleteMonth(now: Date): string {
  return previousMonth(tokyoDateOf(now).slice(0, 7));
}

/**
 * Activities per month of a fiscal year, from one grouped query (at most 366 day rows): the
 * previous year's bars of the chart, without computing that whole report.
 */
async function monthPoints(deps: AppDeps, fiscalYear: number): Promise<MonthPoint[]> {
  const period = fiscalYearPeriod(fiscalYear);
  const days = await countApprovedActivitiesByDay(deps.db, instantRange(period));
  return fiscalYearMonths(fiscalYear).map((month) => {
    const inMonth = days.filter((d) => d.day.startsWith(month));
    const minutes = inMonth.reduce((s, d) => s + d.minutes, 0);
    return {
      month,
      activities: inMonth.reduce((s, d) => s + d.count, 0),
      minutes,
      hours: Math.round((minutes / 60) * 100) / 100,
    };
  });
}

reportPages.get('/staff/reports/monthly', async (c) => {
  requireStaff(c);
  // The report and the month charts and summaries are independent reads: one round trip on D1.
  const deps = withBatchedReads(c.var.deps);
  const raw = c.req.query('month');
  const month =
    raw === undefined || raw === '' ? lastCompleteMonth(deps.clock.now()) : parseReportMonth(raw);
  if (!month) throw new AppError(400, 'invalid_month', 'reports.error.invalidMonth');
  const fiscalYear = fiscalYearOf(`${month}-01`);
  const period = { from: `${month}-01`, to: addDaysToDate(`${nextMonth(month)}-01`, -1) };
  const [report, current, previous, helpers, families] = await Promise.all([
    monthlyReport(deps, month),
    monthPoints(deps, fiscalYear),
    monthPoints(deps, fiscalYear - 1),
    helperSummaries(deps, period),
    familySummaries(deps, period),
  ]);
  return renderPage(c, MonthlyReportPage, {
    report,
    previousMonth: previousMonth(month),
    nextMonth: nextMonth(month),
    months: { fiscalYear, current, previous },
    helpers,
    families,
  });
});

reportPages.get('/staff/reports/annual', async (c) => {
  requireStaff(c);
  const deps = c.var.deps;
  const raw = c.req.query('fiscalYear');
  const defaultYear = fiscalYearOf(`${lastCompleteMonth(deps.clock.now())}-01`);
  const fiscalYear = raw === undefined || raw === '' ? defaultYear : parseFiscalYear(raw);
  if (fiscalYear === null)
    throw new AppError(400, 'invalid_fiscal_year', 'reports.error.invalidFiscalYear');
  const period = fiscalYearPeriod(fiscalYear);
  const [report, previousMonths, helpers, families] = await Promise.all([
    annualReport(deps, fiscalYear),
    monthPoints(deps, fiscalYear - 1),
    helperSummaries(deps, period),
    familySummaries(deps, period),
  ]);
  const currentYear = fiscalYearOf(tokyoDateOf(deps.clock.now()));
  const newest = Math.max(currentYear, fiscalYear);
  const years = Array.from({ length: PICKER_YEARS }, (_, i) => newest - i);
  if (!years.includes(fiscalYear)) years.push(fiscalYear);
  return renderPage(c, AnnualReportPage, { report, previousMonths, helpers, families, years });
});
