/**
 * The center's reports: monthly (月報), fiscal-year (年度), the previous-year comparison and the
 * per-helper / per-family summaries. Every figure is aggregated in SQL (reports.queries.ts);
 * this file only assembles periods and results.
 */
import type { AppDeps } from '../../context.js';
import type {
  AnnualReport,
  FamilySummary,
  HelperSummary,
  MonthlyReport,
  ReportFigures,
  ReportPeriod,
} from './report.types.js';

export type ReportDeps = Pick<AppDeps, 'db' | 'clock'>;

/** 'YYYY-MM' with a real month, else null. */
export function parseReportMonth(input: string | undefined | null): string | null {
  return input && /^\d{4}-(0[1-9]|1[0-2])$/.test(input) ? input : null;
}

/** A four-digit fiscal year between 2000 and 2100, else null. */
export function parseFiscalYear(input: string | undefined | null): number | null {
  if (!input || !/^\d{4}$/.test(input)) return null;
  const fy = Number(input);
  return fy >= 2000 && fy <= 2100 ? fy : null;
}

export async function reportFigures(
  _deps: ReportDeps,
  _period: ReportPeriod,
): Promise<ReportFigures> {
  throw new Error('not implemented yet');
}

export async function monthlyReport(_deps: ReportDeps, _month: string): Promise<MonthlyReport> {
  throw new Error('not implemented yet');
}

export async function annualReport(_deps: ReportDeps, _fiscalYear: number): Promise<AnnualReport> {
  throw new Error('not implemented yet');
}

/** Helpers with approved activities in the period, most hours first. */
export async function helperSummaries(
  _deps: ReportDeps,
  _period: ReportPeriod,
): Promise<HelperSummary[]> {
  throw new Error('not implemented yet');
}

/** Families with approved activities in the period, most hours first. */
export async function familySummaries(
  _deps: ReportDeps,
  _period: ReportPeriod,
): Promise<FamilySummary[]> {
  throw new Error('not implemented yet');
}
