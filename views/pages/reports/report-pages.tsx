/**
 * 月報 (monthly report) and 年度報告 (fiscal-year report) pages: the period picker, CSV and print,
 * the comparison with the same period a year earlier, the charts and every figure. Printed on A4
 * (see the "Reports" section of app.css): the tools and the site navigation are not printed.
 */
import { formatMonth } from '../../../src/lib/dates.js';
import type { Child } from 'hono/jsx';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { formatDate, formatDateTime } from '../../../src/lib/dates.js';
import {
  ACTIVITY_CATEGORIES,
  type AnnualReport,
  type FamilySummary,
  type HelperSummary,
  type MonthlyReport,
  type MonthPoint,
  type ReportComparison,
} from '../../../src/modules/reports/report.types.js';
import { BarChart, ColumnChart, LineChart } from '../../components/charts.js';
import { categoryNumberedLabel } from '../../../src/i18n/category-labels.js';
import {
  ComparisonTable,
  FigureSections,
  FigureTable,
  fmt,
  monthTick,
  Section,
  SummarySections,
  type Fmt,
} from './report-sections.js';

/** Activities per month of a fiscal year and of the one before, for the column chart. */
export interface MonthSeries {
  fiscalYear: number;
  current: MonthPoint[];
  previous: MonthPoint[];
}

function fiscalYearName(f: Fmt, fy: number): string {
  return f.t('reports.page.fiscalYearName', { year: fy });
}

function periodText(f: Fmt, from: string, to: string): string {
  return f.t('reports.page.period', {
    from: formatDate(from, f.locale),
    to: formatDate(to, f.locale),
  });
}

/** The period picker: a GET form with one control (`id`), the show button and its hint. */
interface ReportPicker {
  action: string;
  id: string;
  label: string;
  control: Child;
  hint?: string;
}

function Tools(props: {
  f: Fmt;
  picker: ReportPicker;
  links: { href: string; label: string; download?: boolean }[];
}) {
  const { t } = props.f;
  const { picker } = props;
  return (
    <div class="report-tools no-print">
      <form method="get" action={picker.action} class="report-picker">
        <label for={picker.id}>{picker.label}</label>
        {picker.control}
        <button type="submit" class="button button--secondary">
          {t('reports.page.show')}
        </button>
        {picker.hint && (
          <p id={`${picker.id}-hint`} class="hint">
            {picker.hint}
          </p>
        )}
      </form>
      <ul class="report-links">
        {props.links.map((l) => (
          <li>
            <a href={l.href} download={l.download ? '' : undefined}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
      {/* Shown by print.js only when JavaScript runs; the browser's own Print works anyway. */}
      <button type="button" class="button button--primary" data-print hidden>
        {t('reports.page.print')}
      </button>
    </div>
  );
}

/** Months after `asOfMonth` have no figures yet: null, so charts leave them out. */
const upTo = <T,>(month: string, asOfMonth: string, value: T): T | null =>
  month > asOfMonth ? null : value;

function ActivityMonthsChart(props: {
  f: Fmt;
  id: string;
  series: MonthSeries;
  asOfMonth: string;
}) {
  const { f, series } = props;
  const { t } = f;
  const current = series.current.map((p) => upTo(p.month, props.asOfMonth, p.activities));
  const previous = series.previous.map((p) => p.activities);
  const sum = (xs: (number | null)[]) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);
  return (
    <ColumnChart
      text={{
        id: props.id,
        title: t('reports.page.chart.months', { year: fiscalYearName(f, series.fiscalYear) }),
        summary: t('reports.page.chart.monthsSummary', {
          current: fiscalYearName(f, series.fiscalYear),
          currentTotal: f.n(sum(current)),
          previous: fiscalYearName(f, series.fiscalYear - 1),
          previousTotal: f.n(sum(previous)),
        }),
        tableLabel: t('reports.page.chart.table'),
        categoryHeader: t('reports.page.col.month'),
        format: f.n,
        unit: t('reports.page.chart.unitCount'),
        axis: t('reports.page.chart.axisMonth'),
      }}
      categories={series.current.map((p) => monthTick(p.month, f.locale))}
      rowLabels={series.current.map((p) => formatMonth(p.month, f.locale))}
      series={[
        { label: fiscalYearName(f, series.fiscalYear), values: current },
        { label: fiscalYearName(f, series.fiscalYear - 1), values: previous },
      ]}
    />
  );
}

function CategoryChart(props: { f: Fmt; id: string; report: MonthlyReport | AnnualReport }) {
  const { f, report } = props;
  const { t } = f;
  const values = ACTIVITY_CATEGORIES.map((c) => report.activities.byCategory[c]?.count ?? 0);
  const top = ACTIVITY_CATEGORIES.reduce<number | null>(
    (best, c, i) =>
      values[i]! > 0 && (best === null || values[i]! > values[best - 1]!) ? c : best,
    null,
  );
  return (
    <BarChart
      text={{
        id: props.id,
        title: t('reports.page.chart.categories'),
        summary:
          top === null
            ? t('reports.page.chart.categoriesEmpty')
            : t('reports.page.chart.categoriesSummary', {
                category: categoryNumberedLabel(t, top),
                count: f.n(values[top - 1] ?? 0),
              }),
        tableLabel: t('reports.page.chart.table'),
        categoryHeader: t('reports.page.col.category'),
        format: f.n,
      }}
      categories={ACTIVITY_CATEGORIES.map((c) => categoryNumberedLabel(t, c))}
      values={values}
    />
  );
}

/** The same figures beside those of the same period a year before. */
function CompareSection(props: {
  f: Fmt;
  comparison: ReportComparison;
  currentLabel: string;
  previousLabel: string;
}) {
  const { f, comparison } = props;
  return (
    <Section
      id="report-compare"
      title={f.t('reports.page.compare.title')}
      lead={periodText(f, comparison.previousPeriod.from, comparison.previousPeriod.to)}
    >
      <ComparisonTable
        f={f}
        items={comparison.items}
        currentLabel={props.currentLabel}
        previousLabel={props.previousLabel}
      />
    </Section>
  );
}

/** The charts of a report, side by side on a wide screen. */
function ChartsSection(props: { f: Fmt; children: Child }) {
  return (
    <section class="report-section report-charts" aria-labelledby="report-charts">
      <h2 id="report-charts">{props.f.t('reports.page.chart.title')}</h2>
      <div class="report-charts__grid">{props.children}</div>
    </section>
  );
}

/**
 * A report's page: its title, the period and when it was made, the tools (the picker, the links,
 * the print button) and then its sections.
 */
function ReportPage(props: {
  ctx: ViewContext;
  f: Fmt;
  title: string;
  report: { period: { from: string; to: string }; generatedAt: string };
  picker: ReportPicker;
  links: { href: string; label: string; download?: boolean }[];
  children: Child;
}) {
  const { f, report } = props;
  return (
    <Layout ctx={props.ctx} title={props.title}>
      <article class="report">
        <h1>{props.title}</h1>
        <p class="report-meta">
          {periodText(f, report.period.from, report.period.to)}
          <span class="report-meta__sep" aria-hidden="true">
            {' / '}
          </span>
          {f.t('reports.page.generatedAt', { at: formatDateTime(report.generatedAt, f.locale) })}
        </p>
        <Tools f={f} picker={props.picker} links={props.links} />
        {props.children}
      </article>
      <script src="/assets/print.js" defer></script>
    </Layout>
  );
}

export function MonthlyReportPage(props: {
  ctx: ViewContext;
  report: MonthlyReport;
  previousMonth: string;
  nextMonth: string;
  months: MonthSeries;
  helpers: HelperSummary[];
  families: FamilySummary[];
}) {
  const { ctx, report } = props;
  const f = fmt(ctx.t, ctx.locale);
  const { t } = f;
  const title = t('reports.page.monthly.title', { month: formatMonth(report.month, f.locale) });
  return (
    <ReportPage
      ctx={ctx}
      f={f}
      title={title}
      report={report}
      picker={{
        action: '/staff/reports/monthly',
        id: 'report-month',
        label: t('reports.page.monthly.pick'),
        control: (
          <input
            id="report-month"
            type="month"
            name="month"
            value={report.month}
            required
            aria-describedby="report-month-hint"
          />
        ),
        hint: t('reports.page.monthly.hint'),
      }}
      links={[
        {
          href: `/staff/reports/monthly?month=${props.previousMonth}`,
          label: t('reports.page.monthly.previous', {
            month: formatMonth(props.previousMonth, f.locale),
          }),
        },
        {
          href: `/staff/reports/monthly?month=${props.nextMonth}`,
          label: t('reports.page.monthly.next', {
            month: formatMonth(props.nextMonth, f.locale),
          }),
        },
        {
          href: `/api/v1/reports/monthly.csv?month=${report.month}`,
          label: t('reports.page.csv'),
          download: true,
        },
        {
          href: `/staff/reports/annual?fiscalYear=${props.months.fiscalYear}`,
          label: t('reports.page.monthly.toAnnual', {
            year: fiscalYearName(f, props.months.fiscalYear),
          }),
        },
      ]}
    >
      <CompareSection
        f={f}
        comparison={report.previousYear}
        currentLabel={formatMonth(report.month, f.locale)}
        previousLabel={formatMonth(report.previousYear.previousPeriod.from.slice(0, 7), f.locale)}
      />

      <FigureSections
        f={f}
        figures={report}
        showOlderChildren={report.showOlderChildren}
        charts={
          <ChartsSection f={f}>
            <CategoryChart f={f} id="chart-categories" report={report} />
            <ActivityMonthsChart
              f={f}
              id="chart-months"
              series={props.months}
              asOfMonth={report.generatedAt.slice(0, 7)}
            />
          </ChartsSection>
        }
      />
      <SummarySections f={f} helpers={props.helpers} families={props.families} />
    </ReportPage>
  );
}

export function AnnualReportPage(props: {
  ctx: ViewContext;
  report: AnnualReport;
  previousMonths: MonthPoint[];
  helpers: HelperSummary[];
  families: FamilySummary[];
  /** The fiscal years offered in the picker, newest first. */
  years: number[];
}) {
  const { ctx, report } = props;
  const f = fmt(ctx.t, ctx.locale);
  const { t } = f;
  const fy = report.fiscalYear;
  const title = t('reports.page.annual.title', { year: fiscalYearName(f, fy) });
  // generatedAt is Tokyo time (+09:00): its first 7 characters are the Tokyo month.
  const asOfMonth = report.generatedAt.slice(0, 7);
  const trend = report.memberTrend;
  const shown = trend.filter((p) => p.month <= asOfMonth);
  const last = shown[shown.length - 1];
  const line = (pick: (p: (typeof trend)[number]) => number) =>
    trend.map((p) => upTo(p.month, asOfMonth, pick(p)));
  return (
    <ReportPage
      ctx={ctx}
      f={f}
      title={title}
      report={report}
      picker={{
        action: '/staff/reports/annual',
        id: 'report-year',
        label: t('reports.page.annual.pick'),
        control: (
          <select id="report-year" name="fiscalYear">
            {props.years.map((y) => (
              <option value={String(y)} selected={y === fy}>
                {fiscalYearName(f, y)}
              </option>
            ))}
          </select>
        ),
      }}
      links={[
        {
          href: `/api/v1/reports/annual.csv?fiscalYear=${fy}`,
          label: t('reports.page.csv'),
          download: true,
        },
        {
          href: `/staff/reports/monthly?month=${fy}-04`,
          label: t('reports.page.annual.toMonthly'),
        },
      ]}
    >
      <CompareSection
        f={f}
        comparison={report.previousYear}
        currentLabel={fiscalYearName(f, fy)}
        previousLabel={fiscalYearName(f, fy - 1)}
      />

      <FigureSections
        f={f}
        figures={report}
        showOlderChildren={report.showOlderChildren}
        charts={
          <ChartsSection f={f}>
            <ActivityMonthsChart
              f={f}
              id="chart-months"
              series={{
                fiscalYear: fy,
                current: report.months,
                previous: props.previousMonths,
              }}
              asOfMonth={asOfMonth}
            />
            <LineChart
              text={{
                id: 'chart-members',
                title: t('reports.section.memberTrend'),
                summary: last
                  ? t('reports.page.chart.membersSummary', {
                      month: formatMonth(last.month, f.locale),
                      total: f.n(last.total),
                      requester: f.n(last.requester),
                      helper: f.n(last.helper),
                      both: f.n(last.both),
                    })
                  : '',
                tableLabel: t('reports.page.chart.table'),
                categoryHeader: t('reports.page.col.month'),
                format: f.n,
                unit: t('reports.page.chart.unitPeople'),
                axis: t('reports.page.chart.axisMonth'),
              }}
              categories={trend.map((p) => monthTick(p.month, f.locale))}
              rowLabels={trend.map((p) => formatMonth(p.month, f.locale))}
              series={[
                { label: t('reports.kind.total'), values: line((p) => p.total) },
                { label: t('reports.kind.requester'), values: line((p) => p.requester) },
                { label: t('reports.kind.helper'), values: line((p) => p.helper) },
                { label: t('reports.kind.both'), values: line((p) => p.both) },
              ]}
            />
            <CategoryChart f={f} id="chart-categories" report={report} />
          </ChartsSection>
        }
      />
      <NationalSection f={f} report={report} />
      <SummarySections f={f} helpers={props.helpers} families={props.families} />
    </ReportPage>
  );
}

/** The activities by national survey category (help_category.national_category, 0027). */
function NationalSection(props: { f: Fmt; report: AnnualReport }) {
  const { f } = props;
  const t = f.t;
  const title = t('reports.section.byNationalCategory');
  return (
    <Section id="report-national" title={title}>
      <FigureTable
        caption={title}
        head={[
          t('reports.page.col.category'),
          t('reports.item.activities'),
          t('reports.item.activityHours'),
          t('reports.item.feesTotal'),
          t('reports.national.codes'),
        ]}
        rows={props.report.byNationalCategory.map((row) => ({
          label: t(`helpCategories.national.${row.category}`),
          cells: [f.n(row.count), f.n(row.hours), f.n(row.fees), row.codes.join(', ')],
        }))}
      />
    </Section>
  );
}
