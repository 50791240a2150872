import { Hono } from 'hono';
import { z } from 'zod';
import { requireStaff } from '../../auth/guards.js';
import type { AppEnv } from '../../context.js';
import { parseQuery } from '../../http/json.js';
import type { ApiRouteDoc } from '../../lib/openapi.js';
import {
  annualReportCsv,
  csvDownloadHeaders,
  monthlyReportCsv,
  reportCsvFilename,
} from './reports.csv.js';
import {
  annualReport,
  familySummaries,
  fiscalYearPeriod,
  helperSummaries,
  monthlyReport,
  monthPeriod,
  parseFiscalYear,
  parseReportMonth,
} from './reports.service.js';

const monthParam = z
  .string()
  .refine((v) => parseReportMonth(v) !== null, 'reports.error.invalidMonth');
const fiscalYearParam = z
  .string()
  .refine((v) => parseFiscalYear(v) !== null, 'reports.error.invalidFiscalYear');

export const monthlyReportQuery = z.object({ month: monthParam });
export const annualReportQuery = z.object({ fiscalYear: fiscalYearParam });
/** A month or a fiscal year, exactly one. */
export const summaryQuery = z
  .object({ month: monthParam.optional(), fiscalYear: fiscalYearParam.optional() })
  .refine((q) => (q.month === undefined) !== (q.fiscalYear === undefined), {
    message: 'reports.error.invalidMonth',
    path: ['month'],
  });

export const reportsApi = new Hono<AppEnv>();

reportsApi.get('/reports/monthly', async (c) => {
  requireStaff(c);
  const { month } = parseQuery(c, monthlyReportQuery);
  return c.json(await monthlyReport(c.var.deps, month));
});

reportsApi.get('/reports/monthly.csv', async (c) => {
  requireStaff(c);
  const { month } = parseQuery(c, monthlyReportQuery);
  const report = await monthlyReport(c.var.deps, month);
  return c.body(
    monthlyReportCsv(c.var.t, report),
    200,
    csvDownloadHeaders(reportCsvFilename(report)),
  );
});

reportsApi.get('/reports/annual', async (c) => {
  requireStaff(c);
  const { fiscalYear } = parseQuery(c, annualReportQuery);
  return c.json(await annualReport(c.var.deps, Number(fiscalYear)));
});

reportsApi.get('/reports/annual.csv', async (c) => {
  requireStaff(c);
  const { fiscalYear } = parseQuery(c, annualReportQuery);
  const report = await annualReport(c.var.deps, Number(fiscalYear));
  return c.body(
    annualReportCsv(c.var.t, report),
    200,
    csvDownloadHeaders(reportCsvFilename(report)),
  );
});

function summaryPeriod(q: z.output<typeof summaryQuery>) {
  return q.month ? monthPeriod(q.month) : fiscalYearPeriod(Number(q.fiscalYear));
}

reportsApi.get('/reports/helpers', async (c) => {
  requireStaff(c);
  const period = summaryPeriod(parseQuery(c, summaryQuery));
  return c.json({ period, items: await helperSummaries(c.var.deps, period) });
});

reportsApi.get('/reports/families', async (c) => {
  requireStaff(c);
  const period = summaryPeriod(parseQuery(c, summaryQuery));
  return c.json({ period, items: await familySummaries(c.var.deps, period) });
});

const staffOnly = { 400: 'Invalid month or fiscal year', 401: 'Not signed in', 403: 'Not staff' };
export const reportsApiDocs: ApiRouteDoc[] = [
  {
    method: 'get',
    path: '/reports/monthly',
    tag: 'reports',
    access: 'staff',
    query: monthlyReportQuery,
    summary:
      'Monthly report (月報) for a Tokyo calendar month: members, children, requests, approved activities by category / time band / child age band, fees, training, incidents, missing reports, and the same month a year earlier',
    responses: { 200: 'Monthly report', ...staffOnly },
  },
  {
    method: 'get',
    path: '/reports/monthly.csv',
    tag: 'reports',
    access: 'staff',
    query: monthlyReportQuery,
    summary:
      'The monthly report as CSV for Excel (UTF-8 with BOM, CRLF, headers in the user language): section, item, value, same period last year',
    responses: { 200: 'CSV attachment', ...staffOnly },
  },
  {
    method: 'get',
    path: '/reports/annual',
    tag: 'reports',
    access: 'staff',
    query: annualReportQuery,
    summary:
      'Fiscal-year report (年度報告), April to March: every monthly figure over the year, the twelve monthly activity counts, month-end member totals, and the previous fiscal year',
    responses: { 200: 'Fiscal-year report', ...staffOnly },
  },
  {
    method: 'get',
    path: '/reports/annual.csv',
    tag: 'reports',
    access: 'staff',
    query: annualReportQuery,
    summary: 'The fiscal-year report as CSV for Excel (UTF-8 with BOM, CRLF)',
    responses: { 200: 'CSV attachment', ...staffOnly },
  },
  {
    method: 'get',
    path: '/reports/helpers',
    tag: 'reports',
    access: 'staff',
    query: summaryQuery,
    summary:
      'Per-helper summary of approved activities (count, hours, fees, costs, families) for ?month= or ?fiscalYear=',
    responses: { 200: '{period, items}', ...staffOnly },
  },
  {
    method: 'get',
    path: '/reports/families',
    tag: 'reports',
    access: 'staff',
    query: summaryQuery,
    summary:
      'Per-family summary of approved activities (count, hours, fees, costs, helpers) for ?month= or ?fiscalYear=',
    responses: { 200: '{period, items}', ...staffOnly },
  },
];
