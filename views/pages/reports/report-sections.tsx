/**
 * The figure tables shared by the monthly report (月報) and the fiscal-year report (年度報告).
 * Every figure of the reports service appears here, in tables that read well on paper: one table
 * per section, a caption, and numbers right-aligned with separators.
 */
import type { Child } from 'hono/jsx';
import type { Locale } from '../../../db/schema.js';
import type { MessageKey, Translator } from '../../../src/lib/i18n.js';
import {
  ACTIVITY_CATEGORIES,
  CHILD_AGE_BANDS,
  MEMBER_AGE_BANDS,
  PROGRAMME_ROWS,
  REPORT_MEMBER_KINDS,
  TIME_BANDS,
  type ComparisonItem,
  type CountHours,
  type FamilySummary,
  type HelperSummary,
  type KindCounts,
  type ReportFigures,
} from '../../../src/modules/reports/report.types.js';
import { formatMemberNo } from '../../../src/modules/members/members.json.js';
import { categoryNumberedLabel } from '../../../src/i18n/category-labels.js';
import { dateTimeFormat, numberFormat } from '../../../src/lib/intl.js';

export interface Fmt {
  t: Translator;
  locale: Locale;
  /** 1,234 / 1,234.5 */
  n: (value: number) => string;
}

export function fmt(t: Translator, locale: Locale): Fmt {
  const nf = numberFormat(locale === 'ja' ? 'ja-JP' : 'en-US', {
    maximumFractionDigits: 2,
  });
  return { t, locale, n: (value: number) => nf.format(value) };
}

/** "+3", "−2.5", "±0": the sign is always written (a minus sign, not a hyphen). */
export function signed(f: Fmt, delta: number): string {
  if (delta === 0) return '±0';
  return delta > 0 ? `+${f.n(delta)}` : `−${f.n(-delta)}`;
}

/**
 * Axis label of a month: 「4」 (the axis says 月) / "A". Twelve short English names ("Sept") do not
 * fit a phone's width; the chart's data table names every month in full.
 */
export function monthTick(month: string, locale: Locale): string {
  const m = Number(month.slice(5, 7));
  return locale === 'ja'
    ? String(m)
    : dateTimeFormat('en-GB', { month: 'narrow', timeZone: 'UTC' }).format(
        new Date(Date.UTC(2000, m - 1, 15)),
      );
}

/** One section: a heading and its table, kept together on paper. */
export function Section(props: { id: string; title: string; children?: Child; lead?: string }) {
  return (
    <section class="report-section" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.lead && <p class="hint">{props.lead}</p>}
      {props.children}
    </section>
  );
}

/**
 * A table in a keyboard-scrollable region (wide tables scroll sideways on a phone instead of
 * widening the page).
 */
export function FigureTable(props: {
  caption: string;
  head: string[];
  rows: { label: string; cells: string[]; total?: boolean }[];
  narrow?: boolean;
}) {
  return (
    <div
      class="table-scroll report-table-wrap"
      tabindex={0}
      role="region"
      aria-label={props.caption}
    >
      <table class={`table report-table${props.narrow ? ' report-table--narrow' : ''}`}>
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {props.head.map((h, i) => (
              <th scope="col" class={i > 0 ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr class={r.total ? 'report-total' : undefined}>
              <th scope="row">{r.label}</th>
              {r.cells.map((c) => (
                <td class="num">{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Item / value rows. */
function ItemTable(props: { f: Fmt; caption: string; items: [MessageKey, string][] }) {
  const { t } = props.f;
  return (
    <FigureTable
      caption={props.caption}
      narrow
      head={[t('reports.csv.item'), t('reports.csv.value')]}
      rows={props.items.map(([key, value]) => ({ label: t(key), cells: [value] }))}
    />
  );
}

const COMPARISON_LABELS: Record<ComparisonItem['key'], MessageKey> = {
  membersTotal: 'reports.page.compare.membersTotal',
  requesters: 'reports.kind.requester',
  helpers: 'reports.kind.helper',
  both: 'reports.kind.both',
  newMembers: 'reports.section.newMembers',
  withdrawnMembers: 'reports.section.withdrawn',
  requestsReceived: 'reports.item.received',
  requestsMatched: 'reports.item.matched',
  requestsCancelled: 'reports.item.cancelled',
  activities: 'reports.item.activities',
  hours: 'reports.item.activityHours',
  sickChild: 'reports.item.sickChild',
  feesTotal: 'reports.item.feesTotal',
  incidents: 'reports.page.compare.incidents',
};

export function ComparisonTable(props: {
  f: Fmt;
  items: ComparisonItem[];
  currentLabel: string;
  previousLabel: string;
}) {
  const { f } = props;
  const { t } = f;
  return (
    <FigureTable
      caption={t('reports.page.compare.title')}
      head={[
        t('reports.csv.item'),
        props.currentLabel,
        props.previousLabel,
        t('reports.page.compare.delta'),
      ]}
      rows={props.items.map((i) => ({
        label: t(COMPARISON_LABELS[i.key]),
        cells: [f.n(i.current), f.n(i.previous), signed(f, i.delta)],
      }))}
    />
  );
}

const kindCells = (f: Fmt, k: KindCounts) => [
  f.n(k.requester),
  f.n(k.helper),
  f.n(k.both),
  f.n(k.total),
];
const countHoursCells = (f: Fmt, c: CountHours) => [f.n(c.count), f.n(c.hours)];

/** Every figure of a period, section by section (DOMAIN.md "Reports the center produces"). */
export function FigureSections(props: {
  f: Fmt;
  figures: ReportFigures;
  showOlderChildren: boolean;
  /** Charts placed after the activity tables. */
  charts?: Child;
}) {
  const { f, figures: r } = props;
  const { t, n } = f;
  const kindHead = [
    t('reports.kind.requester'),
    t('reports.kind.helper'),
    t('reports.kind.both'),
    t('reports.kind.total'),
  ];
  const childBands = CHILD_AGE_BANDS.filter(
    (b) => b !== 'older' || props.showOlderChildren || r.children.byAgeBand.older > 0,
  );
  return (
    <>
      <Section id="report-members" title={t('reports.page.section.members')}>
        <FigureTable
          caption={t('reports.page.section.members')}
          head={[
            t('reports.page.col.kind'),
            t('reports.section.members'),
            t('reports.section.newMembers'),
            t('reports.section.withdrawn'),
          ]}
          rows={[
            ...REPORT_MEMBER_KINDS.map((k) => ({
              label: t(`reports.kind.${k}`),
              cells: [
                n(r.members.byKind[k]),
                n(r.members.newMembers[k]),
                n(r.members.withdrawn[k]),
              ],
            })),
            {
              label: t('reports.kind.total'),
              total: true,
              cells: [
                n(r.members.byKind.total),
                n(r.members.newMembers.total),
                n(r.members.withdrawn.total),
              ],
            },
          ]}
        />
        <h3>{t('reports.section.memberAge')}</h3>
        <FigureTable
          caption={t('reports.section.memberAge')}
          head={[t('reports.page.col.ageBand'), ...kindHead]}
          rows={MEMBER_AGE_BANDS.map((b) => ({
            label: t(`reports.memberAge.${b}`),
            cells: kindCells(f, r.members.byAgeBand[b]),
          }))}
        />
      </Section>

      <Section id="report-children" title={t('reports.section.children')}>
        <FigureTable
          caption={t('reports.section.children')}
          narrow
          head={[t('reports.page.col.ageBand'), t('reports.page.col.children')]}
          rows={[
            ...childBands.map((b) => ({
              label: t(`reports.childAge.${b}`),
              cells: [n(r.children.byAgeBand[b])],
            })),
            { label: t('reports.kind.total'), total: true, cells: [n(r.children.total)] },
          ]}
        />
      </Section>

      <Section id="report-requests" title={t('reports.section.requests')}>
        <ItemTable
          f={f}
          caption={t('reports.section.requests')}
          items={[
            ['reports.item.received', n(r.requests.received)],
            ['reports.item.matched', n(r.requests.matched)],
            ['reports.item.unfilled', n(r.requests.unfilled)],
            ['reports.item.open', n(r.requests.open)],
            ['reports.item.cancelled', n(r.requests.cancelled)],
            ['reports.item.cancelledByRequester', n(r.requests.cancelledBy.requester)],
            ['reports.item.cancelledByHelper', n(r.requests.cancelledBy.helper)],
            ['reports.item.cancelledByStaff', n(r.requests.cancelledBy.staff)],
            [
              'reports.item.fillRate',
              r.requests.fillRate === null ? '—' : n(Math.round(r.requests.fillRate * 1000) / 10),
            ],
            [
              'reports.item.medianHoursToMatch',
              r.requests.medianHoursToMatch === null ? '—' : n(r.requests.medianHoursToMatch),
            ],
          ]}
        />
      </Section>

      <Section id="report-activities" title={t('reports.section.activities')}>
        <ItemTable
          f={f}
          caption={t('reports.section.activities')}
          items={[
            ['reports.item.activities', n(r.activities.count)],
            ['reports.item.activityHours', n(r.activities.hours)],
            ['reports.item.childCount', n(r.activities.childCount)],
            ['reports.item.sickChild', n(r.activities.sickChild.count)],
            ['reports.item.sickChildHours', n(r.activities.sickChild.hours)],
            ['reports.item.pendingApproval', n(r.activities.pendingApproval)],
            ['reports.item.missingReports', n(r.activities.missingReports)],
          ]}
        />
        <h3>{t('reports.section.byCategory')}</h3>
        <p class="hint">{t('reports.page.byCategoryNote')}</p>
        <FigureTable
          caption={t('reports.section.byCategory')}
          head={[
            t('reports.page.col.category'),
            t('reports.item.activities'),
            t('reports.item.activityHours'),
            t('reports.item.feesTotal'),
          ]}
          rows={ACTIVITY_CATEGORIES.map((c) => ({
            label: categoryNumberedLabel(t, c),
            cells: [
              ...countHoursCells(
                f,
                r.activities.byCategory[c] ?? { count: 0, minutes: 0, hours: 0 },
              ),
              n(r.fees.byCategory[c] ?? 0),
            ],
          }))}
        />
        <h3>{t('reports.section.byTimeBand')}</h3>
        <FigureTable
          caption={t('reports.section.byTimeBand')}
          head={[
            t('reports.page.col.timeBand'),
            t('reports.item.activities'),
            t('reports.item.activityHours'),
          ]}
          rows={TIME_BANDS.map((b) => ({
            label: t(`reports.timeBand.${b}`),
            cells: countHoursCells(f, r.activities.byTimeBand[b]),
          }))}
        />
        <h3>{t('reports.section.byChildAge')}</h3>
        <FigureTable
          caption={t('reports.section.byChildAge')}
          head={[
            t('reports.page.col.ageBand'),
            t('reports.item.activities'),
            t('reports.item.activityHours'),
          ]}
          rows={childBands.map((b) => ({
            label: t(`reports.childAge.${b}`),
            cells: countHoursCells(f, r.activities.byChildAgeBand[b]),
          }))}
        />
        <h3>{t('reports.section.byDayType')}</h3>
        <FigureTable
          caption={t('reports.section.byDayType')}
          head={[
            t('reports.page.col.dayType'),
            t('reports.item.activities'),
            t('reports.item.activityHours'),
          ]}
          rows={(['weekday', 'holiday'] as const).map((d) => ({
            label: t(`reports.dayType.${d}`),
            cells: countHoursCells(f, r.activities.byDayType[d]),
          }))}
        />
      </Section>

      <Section
        id="report-programme"
        title={t('reports.section.programme')}
        lead={t('reports.programme.lead')}
      >
        <FigureTable
          caption={t('reports.section.programme')}
          head={[
            t('reports.programme.col.kind'),
            t('reports.item.activities'),
            t('reports.programme.col.children'),
            t('reports.item.activityHours'),
          ]}
          rows={PROGRAMME_ROWS.map((key) => ({
            label: t(`reports.programme.${key}`),
            cells: [
              n(r.programme[key].count),
              n(r.programme[key].children),
              n(r.programme[key].hours),
            ],
            total: key === 'total',
          }))}
        />
      </Section>

      {props.charts}

      <Section id="report-fees" title={t('reports.section.fees')}>
        <ItemTable
          f={f}
          caption={t('reports.section.fees')}
          items={[
            ['reports.item.feesTotal', n(r.fees.total)],
            ['reports.item.transportCost', n(r.fees.transportCost)],
            ['reports.item.mealCost', n(r.fees.mealCost)],
            ['reports.item.cancellationFees', n(r.fees.cancellationFees)],
          ]}
        />
      </Section>

      <Section id="report-training" title={t('reports.section.training')}>
        <ItemTable
          f={f}
          caption={t('reports.section.training')}
          items={[
            ['reports.item.sessionsHeld', n(r.training.sessionsHeld)],
            ['reports.item.hoursDelivered', n(r.training.hoursDelivered)],
            ['reports.item.attendances', n(r.training.attendances)],
            ['reports.item.attendees', n(r.training.attendees)],
            ['reports.item.newlyQualified', n(r.training.newlyQualified)],
          ]}
        />
      </Section>

      <Section id="report-incidents" title={t('reports.section.incidents')}>
        <ItemTable
          f={f}
          caption={t('reports.section.incidents')}
          items={[
            ['reports.item.incidents', n(r.incidents.total)],
            ['reports.item.nearMiss', n(r.incidents.nearMiss)],
            ['reports.item.accident', n(r.incidents.accident)],
            ['reports.item.reportable', n(r.incidents.reportable)],
            ['reports.item.reportedToPrefecture', n(r.incidents.reportedToPrefecture)],
          ]}
        />
      </Section>
    </>
  );
}

/** Per-helper and per-family summaries of approved activities in the period. */
export function SummarySections(props: {
  f: Fmt;
  helpers: HelperSummary[];
  families: FamilySummary[];
}) {
  const { f } = props;
  const { t, n } = f;
  const head = (other: MessageKey) => [
    t('reports.page.col.member'),
    t('reports.page.col.memberNo'),
    t('reports.item.activities'),
    t('reports.item.activityHours'),
    t('reports.page.col.fees'),
    t('reports.page.col.costs'),
    t(other),
  ];
  const row = (s: HelperSummary | FamilySummary, others: number) => ({
    label: s.name,
    cells: [
      formatMemberNo(s.memberNo) ?? '—',
      n(s.activities),
      n(s.hours),
      n(s.fees),
      n(s.costs),
      n(others),
    ],
  });
  return (
    <>
      <Section
        id="report-helpers"
        title={t('reports.section.helpers')}
        lead={t('reports.page.summaryLead')}
      >
        {props.helpers.length === 0 ? (
          <p>{t('reports.page.noActivities')}</p>
        ) : (
          <FigureTable
            caption={t('reports.section.helpers')}
            head={head('reports.page.col.families')}
            rows={props.helpers.map((h) => row(h, h.families))}
          />
        )}
      </Section>
      <Section
        id="report-families"
        title={t('reports.section.families')}
        lead={t('reports.page.summaryLead')}
      >
        {props.families.length === 0 ? (
          <p>{t('reports.page.noActivities')}</p>
        ) : (
          <FigureTable
            caption={t('reports.section.families')}
            head={head('reports.page.col.helpers')}
            rows={props.families.map((h) => row(h, h.helpers))}
          />
        )}
      </Section>
    </>
  );
}
