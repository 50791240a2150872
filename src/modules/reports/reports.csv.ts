/**
 * The reports as CSV for Excel: one row per figure (section, item, value, previous year),
 * UTF-8 with BOM and CRLF (src/lib/csv.ts), headers in the reader's language.
 */
import type { Translator } from '../../lib/i18n.js';
import type { AnnualReport, MonthlyReport } from './report.types.js';

export function monthlyReportCsv(_t: Translator, _report: MonthlyReport): string {
  throw new Error('not implemented yet');
}

export function annualReportCsv(_t: Translator, _report: AnnualReport): string {
  throw new Error('not implemented yet');
}

/** Attachment file names: tsunagu-monthly-2026-04.csv / tsunagu-annual-2026.csv. */
export function reportCsvFilename(report: MonthlyReport | AnnualReport): string {
  return 'month' in report
    ? `tsunagu-monthly-${report.month}.csv`
    : `tsunagu-annual-${report.fiscalYear}.csv`;
}
