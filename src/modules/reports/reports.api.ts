import { z } from 'zod';
import { jsonApi, jsonResponse, operationsOf } from '../../http/api-route.js';
import {
  annualReportSchema,
  familySummarySchema,
  helperSummarySchema,
  monthlyReportSchema,
  periodSchema,
} from './reports.json.js';
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

const api = jsonApi();
export const reportsApi = api.router;

const op = operationsOf('reports');
const csvResponse = (description: string) => ({
  description,
  content: { 'text/csv': { schema: z.string() } },
});

const monthlyRoute = op('staff', 'get /reports/monthly', {
  summary:
    'Monthly report (月報) for a Tokyo calendar month: members, children, requests, approved activities by category / time band / child age band, fees, training, incidents, missing reports, and the same month a year earlier',
  query: monthlyReportQuery,
  responses: { 200: jsonResponse('The monthly report', monthlyReportSchema) },
});
api.openapi(monthlyRoute, (c) => monthlyReport(c.var.deps, c.req.valid('query').month));

const monthlyCsvRoute = op('staff', 'get /reports/monthly.csv', {
  summary:
    'The monthly report as CSV for Excel (UTF-8 with BOM, CRLF, headers in the user language): section, item, value, same period last year',
  query: monthlyReportQuery,
  responses: { 200: csvResponse('The CSV attachment') },
});
api.openapi(monthlyCsvRoute, async (c) => {
  const report = await monthlyReport(c.var.deps, c.req.valid('query').month);
  return c.body(
    monthlyReportCsv(c.var.t, report),
    200,
    csvDownloadHeaders(reportCsvFilename(report)),
  );
});

const annualRoute = op('staff', 'get /reports/annual', {
  summary:
    'Fiscal-year report (年度報告), April to March: every monthly figure over the year, the twelve monthly activity counts, month-end member totals, and the previous fiscal year',
  query: annualReportQuery,
  responses: { 200: jsonResponse('The fiscal-year report', annualReportSchema) },
});
api.openapi(annualRoute, (c) => annualReport(c.var.deps, Number(c.req.valid('query').fiscalYear)));

const annualCsvRoute = op('staff', 'get /reports/annual.csv', {
  summary: 'The fiscal-year report as CSV for Excel (UTF-8 with BOM, CRLF)',
  query: annualReportQuery,
  responses: { 200: csvResponse('The CSV attachment') },
});
api.openapi(annualCsvRoute, async (c) => {
  const report = await annualReport(c.var.deps, Number(c.req.valid('query').fiscalYear));
  return c.body(
    annualReportCsv(c.var.t, report),
    200,
    csvDownloadHeaders(reportCsvFilename(report)),
  );
});

function summaryPeriod(q: z.output<typeof summaryQuery>) {
  return q.month ? monthPeriod(q.month) : fiscalYearPeriod(Number(q.fiscalYear));
}

/** Summaries of approved activities for ?month= or ?fiscalYear=, one row per helper or family. */
for (const { rows, who, summary, item, summaries } of [
  {
    rows: 'helpers',
    who: 'helper',
    summary:
      'Per-helper summary of approved activities (count, hours, fees, costs, families) for ?month= or ?fiscalYear=',
    item: helperSummarySchema,
    summaries: helperSummaries,
  },
  {
    rows: 'families',
    who: 'family',
    summary:
      'Per-family summary of approved activities (count, hours, fees, costs, helpers) for ?month= or ?fiscalYear=',
    item: familySummarySchema,
    summaries: familySummaries,
  },
] as const) {
  const route = op('staff', `get /reports/${rows}`, {
    summary,
    query: summaryQuery,
    responses: {
      200: jsonResponse(
        `The period and one row per ${who}`,
        z.object({ period: periodSchema, items: z.array(item) }),
      ),
    },
  });
  api.openapi(route, async (c) => {
    const period = summaryPeriod(c.req.valid('query'));
    return { period, items: await summaries(c.var.deps, period) };
  });
}
