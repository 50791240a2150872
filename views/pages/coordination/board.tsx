import { areaName } from '../../../src/i18n/area-labels.js';
import { categoryShortLabel } from '../../../src/i18n/category-labels.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import type { Area } from '../../../src/modules/settings/settings.schemas.js';
import type { RequestStatus } from '../../../db/schema.js';
import type { PreMeetingNeedReason } from '../../../src/modules/requests/pre-meeting-need-rules.js';
import { childAgesText, quickOfferLabel } from './coordination-text.js';
import { monthDay, timeRangeText } from '../../format.js';
import { Hidden } from '../../components/visually-hidden.js';
import { PreMeetingBadge, UrgentBadge } from './badges.js';
import { StatusBadge } from '../../components/status-badge.js';
import { TelLink } from './tel-link.js';
import { DataTable } from '../../components/data-table.js';

export interface BoardRequestItem {
  id: string;
  startsAt: string;
  endsAt: string;
  requesterName: string;
  area: string;
  category: number;
  status: RequestStatus;
  /** Completed months of each child on the day. */
  childAges: number[];
  offersSent: number;
  offersWaiting: number;
  offersDeclined: number;
  /** Ranked candidates, or null when not counted (beyond the per-page budget). */
  candidates: number | null;
  /** Candidates not asked yet (the ones 「上位3人に紹介」 would pick from). */
  fresh: number | null;
  urgent: boolean;
  /** Its helper was taken off (her helper side suspended): it needs a new helper. */
  needsNewHelper?: boolean;
}

export interface TodayItem {
  id: string;
  startsAt: string;
  endsAt: string;
  requesterName: string;
  area: string;
  category: number;
  status: RequestStatus;
  helperName: string;
  helperPhone: string | null;
  hasPreMeeting: boolean;
  /** Why a new pre-meeting is needed (pre-meeting-need-rules.ts), when it is. */
  preMeetingReason: PreMeetingNeedReason | null;
  childAges: number[];
}

export interface BoardFilters {
  days: number;
  area?: string | undefined;
}

export interface BoardProps {
  ctx: ViewContext;
  nowIso: string;
  todayDate: string;
  filters: BoardFilters;
  dayOptions: readonly number[];
  areas: Area[];
  urgent: BoardRequestItem[];
  open: BoardRequestItem[];
  openTotal: number;
  page: number;
  pageCount: number;
  today: TodayItem[];
}

export function boardQuery(filters: BoardFilters, page?: number): string {
  const params = new URLSearchParams();
  params.set('days', String(filters.days));
  if (filters.area) params.set('area', filters.area);
  if (page && page > 1) params.set('page', String(page));
  return `?${params.toString()}`;
}

function RequestTable(props: {
  ctx: ViewContext;
  items: BoardRequestItem[];
  nowIso: string;
  areas: Area[];
  caption: string;
  next: string;
}) {
  const { t, locale } = props.ctx;
  return (
    <DataTable
      class="coord-table coord-board-table"
      caption={props.caption}
      head={[
        t('coord.col.when'),
        t('coord.col.family'),
        t('coord.col.what'),
        t('coord.col.status'),
        t('coord.col.candidates'),
        t('coord.col.actions'),
      ]}
    >
      {props.items.map((r) => {
        const when = `${monthDay(r.startsAt, locale)} ${timeRangeText(r.startsAt, r.endsAt, locale)}`;
        const context = t('coord.action.context', { when, family: r.requesterName });
        const asked = r.offersSent > 0;
        return (
          <tr class={r.urgent ? 'coord-row coord-row--urgent' : 'coord-row'}>
            <td data-label={t('coord.col.when')} class="coord-when">
              <span class="coord-when__day">{monthDay(r.startsAt, locale)}</span>{' '}
              <span class="coord-when__time">{timeRangeText(r.startsAt, r.endsAt, locale)}</span>
              {r.urgent && <UrgentBadge t={t} startsAt={r.startsAt} nowIso={props.nowIso} />}
            </td>
            <th scope="row" data-label={t('coord.col.family')} class="coord-family">
              {t('coord.family', { name: r.requesterName })}
              <span class="coord-sub">{childAgesText(t, r.childAges)}</span>
            </th>
            <td data-label={t('coord.col.what')}>
              {categoryShortLabel(t, r.category)}
              <span class="coord-sub">{areaName(props.areas, r.area, locale)}</span>
            </td>
            <td data-label={t('coord.col.status')}>
              <StatusBadge kind="request" status={r.status}>
                {t(`coord.status.${r.status}`)}
              </StatusBadge>
              {r.needsNewHelper && (
                <strong class="coord-sub coord-needs-helper">{t('coord.needsNewHelper')}</strong>
              )}
              <span class="coord-sub">
                {asked
                  ? [
                      t('coord.offers.summary', { sent: r.offersSent }),
                      r.offersWaiting > 0 && t('coord.offers.waiting', { count: r.offersWaiting }),
                      r.offersDeclined > 0 &&
                        t('coord.offers.declined', { count: r.offersDeclined }),
                    ]
                      .filter(Boolean)
                      .join(' · ')
                  : t('coord.offers.none')}
              </span>
            </td>
            <td data-label={t('coord.col.candidates')} class="coord-count">
              {r.candidates === null ? (
                <span class="muted">{t('coord.candidates.notCounted')}</span>
              ) : r.candidates === 0 ? (
                <strong class="coord-none">{t('coord.candidates.none')}</strong>
              ) : (
                <>
                  <strong class="coord-count__n">
                    {t('coord.candidates.count', { count: r.candidates })}
                  </strong>
                  {asked && r.fresh !== null && (
                    <span class="coord-sub">{t('coord.candidates.fresh', { count: r.fresh })}</span>
                  )}
                </>
              )}
            </td>
            <td data-label={t('coord.col.actions')} class="coord-actions">
              <a
                class="button button--secondary button--small"
                href={`/coordination/requests/${r.id}`}
              >
                {t('coord.action.view')}
                <Hidden>{context}</Hidden>
              </a>
              {r.fresh !== 0 && (
                <form method="post" action={`/coordination/requests/${r.id}/offer-top`}>
                  <input type="hidden" name="next" value={props.next} />
                  <button type="submit" class="button button--primary button--small">
                    {quickOfferLabel(t, asked, r.fresh)}
                    <Hidden>{context}</Hidden>
                  </button>
                </form>
              )}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}

export function BoardPage(props: BoardProps) {
  const { t, locale } = props.ctx;
  const { filters } = props;
  const next = `/board${boardQuery(filters, props.page)}`;
  return (
    <Layout ctx={props.ctx} title={t('coord.board.title')}>
      <div class="coord-page coord-page--wide">
        <div class="page-head">
          <h1>{t('coord.board.title')}</h1>
          <div class="button-row">
            <a class="button button--primary" href="/coordination/requests/new">
              {t('coord.board.intake')}
            </a>
            <a class="button button--secondary" href="/coordination/pre-meetings">
              {t('coord.board.preMeetings')}
            </a>
            <a class="button button--secondary" href="/staff/planner">
              {t('planner.nav')}
            </a>
          </div>
        </div>
        <p class="coord-lead">{t('coord.board.lead')}</p>

        <div class="coord-toolbar">
          <ul class="coord-counts" aria-label={t('coord.board.title')}>
            <li class={props.urgent.length ? 'coord-counts__urgent' : undefined}>
              <a href="#urgent-title">
                {t('coord.board.count.urgent', { count: props.urgent.length })}
              </a>
            </li>
            <li>
              <a href="#open-title">{t('coord.board.count.open', { count: props.openTotal })}</a>
            </li>
            <li>
              <a href="#today-title">
                {t('coord.board.count.today', { count: props.today.length })}
              </a>
            </li>
          </ul>
          <form
            method="get"
            action="/board"
            class="coord-filters"
            aria-label={t('coord.board.filters')}
          >
            <div class="field">
              <label for="filter-days">{t('coord.board.days')}</label>
              <select id="filter-days" name="days">
                {props.dayOptions.map((d) => (
                  <option value={String(d)} selected={d === filters.days}>
                    {t('coord.board.daysOption', { days: d })}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="filter-area">{t('coord.board.area')}</label>
              <select id="filter-area" name="area">
                <option value="">{t('coord.board.allAreas')}</option>
                {props.areas.map((a) => (
                  <option value={a.code} selected={a.code === filters.area}>
                    {areaName(props.areas, a.code, locale)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" class="button button--secondary">
              {t('coord.board.apply')}
            </button>
          </form>
        </div>

        <section
          aria-labelledby="urgent-title"
          class={props.urgent.length ? 'coord-section coord-section--urgent' : 'coord-section'}
        >
          <h2 id="urgent-title">
            {props.urgent.length > 0 && (
              <span aria-hidden="true" class="coord-urgent__icon">
                ⚠{' '}
              </span>
            )}
            {t('coord.board.urgent.title')}
          </h2>
          {props.urgent.length === 0 ? (
            <p>{t('coord.board.urgent.empty')}</p>
          ) : (
            <RequestTable
              ctx={props.ctx}
              items={props.urgent}
              nowIso={props.nowIso}
              areas={props.areas}
              caption={t('coord.board.urgent.title')}
              next={next}
            />
          )}
        </section>

        <section aria-labelledby="open-title" class="coord-section">
          <h2 id="open-title">
            {t('coord.board.open.title')}
            <span class="coord-h-sub">{t('coord.board.open.range', { days: filters.days })}</span>
          </h2>
          {props.open.length === 0 ? (
            <p>{t('coord.board.open.empty')}</p>
          ) : (
            <RequestTable
              ctx={props.ctx}
              items={props.open}
              nowIso={props.nowIso}
              areas={props.areas}
              caption={t('coord.board.open.title')}
              next={next}
            />
          )}
          {props.pageCount > 1 && (
            <nav class="coord-pager" aria-label={t('coord.board.pagination')}>
              {props.page > 1 && (
                <a
                  class="button button--secondary"
                  rel="prev"
                  href={`/board${boardQuery(filters, props.page - 1)}#open-title`}
                >
                  {t('coord.board.prev')}
                </a>
              )}
              <span>{t('coord.board.pageOf', { page: props.page, pages: props.pageCount })}</span>
              {props.page < props.pageCount && (
                <a
                  class="button button--secondary"
                  rel="next"
                  href={`/board${boardQuery(filters, props.page + 1)}#open-title`}
                >
                  {t('coord.board.next')}
                </a>
              )}
            </nav>
          )}
        </section>

        <section aria-labelledby="today-title" class="coord-section">
          <h2 id="today-title">
            {t('coord.board.today.title', { date: monthDay(props.nowIso, locale) })}
          </h2>
          {props.today.length === 0 ? (
            <p>{t('coord.board.today.empty')}</p>
          ) : (
            <DataTable
              class="coord-table coord-today-table"
              caption={t('coord.board.today.title', { date: monthDay(props.nowIso, locale) })}
              head={[
                t('coord.col.when'),
                t('coord.col.family'),
                t('coord.col.helper'),
                t('coord.col.what'),
                t('coord.col.preMeeting'),
              ]}
            >
              {props.today.map((a) => (
                <tr class={a.hasPreMeeting ? 'coord-row' : 'coord-row coord-row--warn'}>
                  <td data-label={t('coord.col.when')} class="coord-when">
                    <a href={`/coordination/requests/${a.id}`} class="coord-when__time">
                      {timeRangeText(a.startsAt, a.endsAt, locale)}
                    </a>
                    {a.status !== 'matched' && (
                      <StatusBadge kind="request" status={a.status}>
                        {t(`coord.status.${a.status}`)}
                      </StatusBadge>
                    )}
                  </td>
                  <th scope="row" data-label={t('coord.col.family')} class="coord-family">
                    {t('coord.family', { name: a.requesterName })}
                    <span class="coord-sub">{childAgesText(t, a.childAges)}</span>
                  </th>
                  <td data-label={t('coord.col.helper')}>
                    {t('coord.family', { name: a.helperName })}
                    <span class="coord-sub">
                      <TelLink phone={a.helperPhone} />
                    </span>
                  </td>
                  <td data-label={t('coord.col.what')}>
                    {categoryShortLabel(t, a.category)}
                    <span class="coord-sub">{areaName(props.areas, a.area, locale)}</span>
                  </td>
                  <td data-label={t('coord.col.preMeeting')}>
                    <PreMeetingBadge t={t} done={a.hasPreMeeting} reason={a.preMeetingReason} />
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>
      </div>
    </Layout>
  );
}
