/**
 * The reports as CSV for Excel: one row per figure (section, item, value, same period last
 * year), UTF-8 with BOM and CRLF (src/lib/csv.ts), headers and labels in the reader's language.
 * The previous-year column is filled for the headline figures the comparison carries.
 */
import { toCsv, type CsvCell } from '../../lib/csv.js';
import { isMessageKey, type MessageKey, type Translator } from '../../lib/i18n.js';
import {
  ACTIVITY_CATEGORIES,
  CHILD_AGE_BANDS,
  MEMBER_AGE_BANDS,
  PROGRAMME_ROWS,
  REPORT_MEMBER_KINDS,
  TIME_BANDS,
  type AnnualReport,
  type ComparisonKey,
  type CountHours,
  type KindCounts,
  type MonthlyReport,
  type ReportComparison,
  type ReportFigures,
} from './report.types.js';

/**
 * "10 病児・病後児の預かり". NOTE: the shared category names are moving from
 * `availability.category.N` to `category.N`; take whichever the dictionary has, so the export
 * never shows a raw key whichever change lands first.
 */
export function categoryLabel(t: Translator, category: number): string {
  const key = [`category.${category}`, `availability.category.${category}`].find(isMessageKey);
  return key ? t(key) : String(category);
}

type Row = [section: string, item: string, value: CsvCell, previous: CsvCell];

class Rows {
  readonly list: Row[] = [];
  constructor(
    private readonly t: Translator,
    private readonly comparison: ReportComparison,
  ) {}

  add(section: MessageKey, item: string, value: CsvCell, key?: ComparisonKey) {
    const previous = key ? this.comparison.items.find((i) => i.key === key)?.previous : undefined;
    this.list.push([this.t(section), item, value, previous ?? null]);
  }

  kinds(
    section: MessageKey,
    counts: KindCounts,
    keys: Partial<Record<string, ComparisonKey>> = {},
  ) {
    for (const kind of [...REPORT_MEMBER_KINDS, 'total'] as const)
      this.add(section, this.t(`reports.kind.${kind}`), counts[kind], keys[kind]);
  }

  countHours(section: MessageKey, name: string, value: CountHours) {
    this.add(section, this.t('reports.item.count', { name }), value.count);
    this.add(section, this.t('reports.item.hours', { name }), value.hours);
  }
}

function figureRows(
  t: Translator,
  f: ReportFigures,
  comparison: ReportComparison,
  showOlder: boolean,
) {
  const rows = new Rows(t, comparison);
  const childBands = CHILD_AGE_BANDS.filter((b) => showOlder || b !== 'older');
  const category = (c: number) => `${c} ${categoryLabel(t, c)}`;

  rows.add('reports.section.period', t('reports.item.from'), f.period.from);
  rows.add('reports.section.period', t('reports.item.to'), f.period.to);

  rows.kinds('reports.section.members', f.members.byKind, {
    requester: 'requesters',
    helper: 'helpers',
    both: 'both',
    total: 'membersTotal',
  });
  for (const band of MEMBER_AGE_BANDS)
    for (const kind of [...REPORT_MEMBER_KINDS, 'total'] as const)
      rows.add(
        'reports.section.memberAge',
        `${t(`reports.memberAge.${band}`)} ${t(`reports.kind.${kind}`)}`,
        f.members.byAgeBand[band][kind],
      );
  rows.kinds('reports.section.newMembers', f.members.newMembers, { total: 'newMembers' });
  rows.kinds('reports.section.withdrawn', f.members.withdrawn, { total: 'withdrawnMembers' });
  for (const band of childBands)
    rows.add('reports.section.children', t(`reports.childAge.${band}`), f.children.byAgeBand[band]);
  rows.add('reports.section.children', t('reports.kind.total'), f.children.total);

  const q = f.requests;
  const rs = 'reports.section.requests' as const;
  rows.add(rs, t('reports.item.received'), q.received, 'requestsReceived');
  rows.add(rs, t('reports.item.matched'), q.matched, 'requestsMatched');
  rows.add(rs, t('reports.item.unfilled'), q.unfilled);
  rows.add(rs, t('reports.item.open'), q.open);
  rows.add(rs, t('reports.item.cancelled'), q.cancelled, 'requestsCancelled');
  rows.add(rs, t('reports.item.cancelledByRequester'), q.cancelledBy.requester);
  rows.add(rs, t('reports.item.cancelledByHelper'), q.cancelledBy.helper);
  rows.add(rs, t('reports.item.cancelledByStaff'), q.cancelledBy.staff);
  rows.add(
    rs,
    t('reports.item.fillRate'),
    q.fillRate === null ? null : Math.round(q.fillRate * 1000) / 10,
  );
  rows.add(rs, t('reports.item.medianHoursToMatch'), q.medianHoursToMatch);

  const a = f.activities;
  const as = 'reports.section.activities' as const;
  rows.add(as, t('reports.item.activities'), a.count, 'activities');
  rows.add(as, t('reports.item.activityHours'), a.hours, 'hours');
  rows.add(as, t('reports.item.childCount'), a.childCount);
  rows.add(as, t('reports.item.sickChild'), a.sickChild.count, 'sickChild');
  rows.add(as, t('reports.item.sickChildHours'), a.sickChild.hours);
  rows.add(as, t('reports.item.pendingApproval'), a.pendingApproval);
  rows.add(as, t('reports.item.missingReports'), a.missingReports);
  for (const c of ACTIVITY_CATEGORIES)
    rows.countHours('reports.section.byCategory', category(c), a.byCategory[c]!);
  for (const b of TIME_BANDS)
    rows.countHours('reports.section.byTimeBand', t(`reports.timeBand.${b}`), a.byTimeBand[b]);
  for (const b of childBands)
    rows.countHours('reports.section.byChildAge', t(`reports.childAge.${b}`), a.byChildAgeBand[b]);
  for (const d of ['weekday', 'holiday'] as const)
    rows.countHours('reports.section.byDayType', t(`reports.dayType.${d}`), a.byDayType[d]);

  rows.add('reports.section.fees', t('reports.item.feesTotal'), f.fees.total, 'feesTotal');
  rows.add('reports.section.fees', t('reports.item.transportCost'), f.fees.transportCost);
  rows.add('reports.section.fees', t('reports.item.mealCost'), f.fees.mealCost);
  rows.add('reports.section.fees', t('reports.item.cancellationFees'), f.fees.cancellationFees);
  for (const c of ACTIVITY_CATEGORIES)
    rows.add(
      'reports.section.feesByCategory',
      t('reports.item.yen', { name: category(c) }),
      f.fees.byCategory[c] ?? 0,
    );

  const ps = 'reports.section.programme' as const;
  for (const key of PROGRAMME_ROWS) {
    const name = t(`reports.programme.${key}`);
    const p = f.programme[key];
    rows.add(ps, t('reports.item.count', { name }), p.count);
    rows.add(ps, t('reports.item.programmeChildren', { name }), p.children);
    rows.add(ps, t('reports.item.hours', { name }), p.hours);
  }

  const tr = 'reports.section.training' as const;
  rows.add(tr, t('reports.item.sessionsHeld'), f.training.sessionsHeld);
  rows.add(tr, t('reports.item.hoursDelivered'), f.training.hoursDelivered);
  rows.add(tr, t('reports.item.attendances'), f.training.attendances);
  rows.add(tr, t('reports.item.attendees'), f.training.attendees);
  rows.add(tr, t('reports.item.newlyQualified'), f.training.newlyQualified);

  const ins = 'reports.section.incidents' as const;
  rows.add(ins, t('reports.item.incidents'), f.incidents.total, 'incidents');
  rows.add(ins, t('reports.item.nearMiss'), f.incidents.nearMiss);
  rows.add(ins, t('reports.item.accident'), f.incidents.accident);
  rows.add(ins, t('reports.item.reportable'), f.incidents.reportable);
  rows.add(ins, t('reports.item.reportedToPrefecture'), f.incidents.reportedToPrefecture);
  return rows;
}

const headers = (t: Translator) => [
  t('reports.csv.section'),
  t('reports.csv.item'),
  t('reports.csv.value'),
  t('reports.csv.previousYear'),
];

export function monthlyReportCsv(t: Translator, report: MonthlyReport): string {
  const rows = figureRows(t, report, report.previousYear, report.showOlderChildren);
  return toCsv(headers(t), rows.list);
}

export function annualReportCsv(t: Translator, report: AnnualReport): string {
  const rows = figureRows(t, report, report.previousYear, report.showOlderChildren);
  for (const m of report.months) {
    rows.add(
      'reports.section.months',
      t('reports.item.monthActivities', { month: m.month }),
      m.activities,
    );
    rows.add('reports.section.months', t('reports.item.monthHours', { month: m.month }), m.hours);
  }
  for (const p of report.memberTrend)
    for (const kind of [...REPORT_MEMBER_KINDS, 'total'] as const)
      rows.add(
        'reports.section.memberTrend',
        t('reports.item.monthMembers', { month: p.month, kind: t(`reports.kind.${kind}`) }),
        p[kind],
      );
  const ns = 'reports.section.byNationalCategory' as const;
  for (const row of report.byNationalCategory) {
    const name = t(`helpCategories.national.${row.category}`);
    rows.add(ns, t('reports.item.count', { name }), row.count);
    rows.add(ns, t('reports.item.hours', { name }), row.hours);
    rows.add(ns, t('reports.item.yen', { name }), row.fees);
  }
  return toCsv(headers(t), rows.list);
}

/** Attachment file names: tsunagu-monthly-2026-04.csv / tsunagu-annual-2026.csv. */
export function reportCsvFilename(report: MonthlyReport | AnnualReport): string {
  return 'month' in report
    ? `tsunagu-monthly-${report.month}.csv`
    : `tsunagu-annual-${report.fiscalYear}.csv`;
}

/** The response headers of a CSV download (pages and API alike). */
export function csvDownloadHeaders(filename: string): Record<string, string> {
  return {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${filename}"`,
  };
}
