import { Badge } from '../../components/status-badge.js';
import { areaName } from '../../../src/i18n/area-labels.js';
import { categoryShortLabel } from '../../../src/i18n/category-labels.js';
import { ErrorSummary, TextField } from '../../components/form-fields.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import type { MessageKey, Translator } from '../../../src/lib/i18n.js';
import type { Area } from '../../../src/modules/settings/settings.schemas.js';
import type { Locale } from '../../../db/schema.js';
import { childAgesText } from '../coordination/coordination-text.js';
import { monthDay, timeRangeText } from '../../format.js';
import { Hidden } from '../../components/visually-hidden.js';
import { PlannerTimeline, type TimelineHelper } from './timeline.js';
import { DataTable } from '../../components/data-table.js';

/** A helper as the review screen shows her for one request. */
export interface HelperChoice {
  helperId: string;
  name: string;
  paired: boolean;
  /** null when the helper is not (or no longer) a candidate of this request. */
  areaMatch: boolean | null;
  recent: number;
  /** Requests she has in the range: commitments plus planned ones. */
  inRange: number;
  /** Chosen by staff although it breaks the plan (kept so that nothing is lost). */
  invalid?: boolean;
}

export interface Problem {
  code: string;
  params?: Record<string, string | number>;
}

export interface PlanRow {
  id: string;
  startsAt: string;
  endsAt: string;
  requesterName: string;
  childAges: number[];
  category: number;
  area: string;
  /** The helper in the plan shown (null: unassigned). */
  chosen: HelperChoice | null;
  /** The helper the planner proposed (kept in a hidden input, to mark changes). */
  basisHelperId: string | null;
  /** Helpers that keep the plan valid if chosen for this request (the current one first). */
  options: HelperChoice[];
  problems: Problem[];
  /** Why nobody is assigned (explainUnassigned), for unassigned rows. */
  explanation: Problem | null;
}

export interface PlannerPageProps {
  ctx: ViewContext;
  areas: Area[];
  range: { from: string; to: string };
  rangeErrors: Record<string, string>;
  maxPerDay: number;
  /** Null when the range is invalid (no plan). */
  coverage: { covered: number; total: number; upperBound: number } | null;
  rows: PlanRow[];
  timeline: TimelineHelper[];
  /** Requests in the posted plan that no longer need a plan (matched, offered, cancelled). */
  gone: { requestId: string; label: string }[];
  /** A message over the form: why nothing was sent, or that the plan was checked. */
  alert?: { kind: 'error' | 'success'; message: string } | undefined;
}

const tk = (t: Translator, key: string, params?: Record<string, string | number>) =>
  t(key as MessageKey, params);

/** Short reasons: 継続・同じ地区・直近90日 3回・期間内 1件. */
export function choiceReasons(t: Translator, c: HelperChoice): string {
  const parts: string[] = [];
  if (c.paired) parts.push(t('planner.reason.paired'));
  if (c.areaMatch !== null)
    parts.push(t(c.areaMatch ? 'planner.reason.sameArea' : 'planner.reason.otherArea'));
  parts.push(t('planner.reason.recent', { count: c.recent }));
  parts.push(t('planner.reason.inRange', { count: c.inRange }));
  return parts.join(t('planner.reason.separator'));
}

export function problemText(t: Translator, p: Problem): string {
  return tk(t, `planner.problem.${p.code}`, p.params);
}

export const rowLabel = (
  t: Translator,
  locale: Locale,
  r: { startsAt: string; endsAt: string; requesterName: string },
) =>
  t('planner.rowLabel', {
    when: `${monthDay(r.startsAt, locale)} ${timeRangeText(r.startsAt, r.endsAt, locale)}`,
    family: r.requesterName,
  });

function HelperCell(props: { ctx: ViewContext; row: PlanRow }) {
  const { t, locale } = props.ctx;
  const { row } = props;
  const selectId = `assign-${row.id}`;
  const describedBy = [
    row.problems.length ? `${selectId}-problems` : '',
    row.explanation ? `${selectId}-why` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <td data-label={t('planner.col.helper')} class="planner-helper">
      {row.chosen ? (
        <p class="planner-chosen">
          <strong>{t('coord.family', { name: row.chosen.name })}</strong>
          <span class="coord-sub">{choiceReasons(t, row.chosen)}</span>
        </p>
      ) : (
        <p class="planner-none">
          <strong>{t('planner.unassigned')}</strong>
        </p>
      )}
      {row.explanation && (
        <p class="coord-sub" id={`${selectId}-why`}>
          {problemText(t, row.explanation)}
        </p>
      )}
      {row.problems.length > 0 && (
        <ul class="planner-problems" id={`${selectId}-problems`}>
          {row.problems.map((p) => (
            <li>{problemText(t, p)}</li>
          ))}
        </ul>
      )}
      {row.basisHelperId !== null && (
        <input type="hidden" name={`basis.${row.id}`} value={row.basisHelperId} />
      )}
      {row.options.length > 0 || row.chosen ? (
        <div class="field planner-select">
          <label for={selectId}>
            {t('planner.change')}
            <Hidden>{rowLabel(t, locale, row)}</Hidden>
          </label>
          <select
            id={selectId}
            name={`assign.${row.id}`}
            aria-invalid={row.problems.length ? 'true' : undefined}
            aria-describedby={describedBy || undefined}
          >
            <option value="" selected={!row.chosen}>
              {t(row.chosen ? 'planner.option.remove' : 'planner.option.none')}
            </option>
            {row.options.map((o) => (
              <option value={o.helperId} selected={o.helperId === row.chosen?.helperId}>
                {o.invalid
                  ? t('planner.option.invalid', { name: o.name })
                  : t('planner.option', { name: o.name, reasons: choiceReasons(t, o) })}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <input type="hidden" name={`assign.${row.id}`} value="" />
      )}
    </td>
  );
}

function PlanTable(props: { ctx: ViewContext; rows: PlanRow[]; areas: Area[] }) {
  const { t, locale } = props.ctx;
  return (
    <DataTable
      class="coord-table planner-table"
      caption={t('planner.plan.title')}
      head={[
        t('coord.col.when'),
        t('coord.col.family'),
        t('coord.col.what'),
        t('planner.col.helper'),
      ]}
    >
      {props.rows.map((r) => {
        const changed = r.basisHelperId !== null && r.basisHelperId !== (r.chosen?.helperId ?? '');
        const cls = [
          'coord-row',
          r.problems.length ? 'planner-row--problem' : '',
          !r.chosen ? 'planner-row--unassigned' : '',
        ]
          .filter(Boolean)
          .join(' ');
        return (
          <tr class={cls} id={`row-${r.id}`}>
            <td data-label={t('coord.col.when')} class="coord-when">
              <span class="coord-when__day">{monthDay(r.startsAt, locale)}</span>{' '}
              <span class="coord-when__time">{timeRangeText(r.startsAt, r.endsAt, locale)}</span>
              {changed && (
                <Badge tone="success" class="badge--after">
                  {t('planner.changed')}
                </Badge>
              )}
            </td>
            <th scope="row" data-label={t('coord.col.family')} class="coord-family">
              <a href={`/coordination/requests/${r.id}`}>
                {t('coord.family', { name: r.requesterName })}
              </a>
              <span class="coord-sub">{childAgesText(t, r.childAges)}</span>
            </th>
            <td data-label={t('coord.col.what')}>
              {categoryShortLabel(t, r.category)}
              <span class="coord-sub">{areaName(props.areas, r.area, locale)}</span>
            </td>
            <HelperCell ctx={props.ctx} row={r} />
          </tr>
        );
      })}
    </DataTable>
  );
}

export function PlannerPage(props: PlannerPageProps) {
  const { t, locale } = props.ctx;
  const { range, coverage, rows } = props;
  const unassigned = rows.filter((r) => !r.chosen);
  const rangeText = t('planner.range', {
    from: monthDay(`${range.from}T12:00:00+09:00`, locale),
    to: monthDay(`${range.to}T12:00:00+09:00`, locale),
  });
  return (
    <Layout ctx={props.ctx} title={t('planner.title')}>
      <div class="coord-page coord-page--wide planner-page">
        <div class="page-head">
          <h1>{t('planner.title')}</h1>
          <div class="button-row">
            <a class="button button--secondary" href="/board">
              {t('coord.nav.board')}
            </a>
          </div>
        </div>
        <p class="coord-lead">{t('planner.lead', { max: props.maxPerDay })}</p>

        <ErrorSummary
          t={t}
          errors={Object.fromEntries(
            Object.entries(props.rangeErrors).map(([k, v]) => [k, tk(t, v)]),
          )}
          labels={{ from: t('planner.from'), to: t('planner.to') }}
        />
        <form method="get" action="/staff/planner" class="coord-filters planner-range">
          {(['from', 'to'] as const).map((name) => (
            <TextField
              t={t}
              name={name}
              type="date"
              label={t(name === 'from' ? 'planner.from' : 'planner.to')}
              value={range[name]}
              error={props.rangeErrors[name] && tk(t, props.rangeErrors[name])}
              required
            />
          ))}
          <button type="submit" class="button button--secondary">
            {t('planner.makePlan')}
          </button>
        </form>

        {coverage && (
          <>
            <section aria-labelledby="coverage-title" class="coord-section planner-summary">
              <h2 id="coverage-title">{rangeText}</h2>
              <p class="planner-coverage">
                <strong>
                  {t('planner.coverage', { covered: coverage.covered, total: coverage.total })}
                </strong>{' '}
                <span>{t('planner.bound', { bound: coverage.upperBound })}</span>
              </p>
              <p class="coord-sub">{t('planner.boundHelp')}</p>
            </section>

            {props.alert && (
              <div
                class={props.alert.kind === 'error' ? 'alert alert--error' : 'notice'}
                role={props.alert.kind === 'error' ? 'alert' : 'status'}
              >
                <p>{props.alert.message}</p>
                {props.gone.length > 0 && (
                  <ul>
                    {props.gone.map((g) => (
                      <li>{g.label}</li>
                    ))}
                  </ul>
                )}
              </div>
            )}

            {rows.length === 0 ? (
              <p>{t('planner.empty')}</p>
            ) : (
              <form method="post" action="/staff/planner" class="planner-form">
                <input type="hidden" name="from" value={range.from} />
                <input type="hidden" name="to" value={range.to} />
                <section aria-labelledby="plan-title" class="coord-section">
                  <h2 id="plan-title">{t('planner.plan.title')}</h2>
                  <p class="coord-sub">{t('planner.plan.help')}</p>
                  <PlanTable ctx={props.ctx} rows={rows} areas={props.areas} />
                </section>
                <div class="button-row planner-actions">
                  <button type="submit" class="button button--secondary">
                    {t('planner.check')}
                  </button>
                  <button
                    type="submit"
                    class="button button--primary"
                    formaction="/staff/planner/send"
                  >
                    {t('planner.send')}
                  </button>
                </div>
              </form>
            )}

            {unassigned.length > 0 && (
              <section aria-labelledby="unassigned-title" class="coord-section">
                <h2 id="unassigned-title">
                  {t('planner.unassigned.title', { count: unassigned.length })}
                </h2>
                <ul class="planner-unassigned">
                  {unassigned.map((r) => (
                    <li>
                      <a href={`/coordination/requests/${r.id}`}>{rowLabel(t, locale, r)}</a>
                      {r.explanation && (
                        <span class="coord-sub">{problemText(t, r.explanation)}</span>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            )}

            <PlannerTimeline ctx={props.ctx} helpers={props.timeline} />
          </>
        )}
      </div>
    </Layout>
  );
}
