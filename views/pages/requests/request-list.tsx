import { categoryLabel } from '../../../src/i18n/category-labels.js';
import type { RequestStatus } from '../../../db/schema.js';
import { formatDate } from '../../../src/lib/dates.js';
import type { Translator } from '../../../src/lib/i18n.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { careLocationName, statusName, timeRange, weekdaysText, whenText } from './request-text.js';
import { displayTime, monthDay } from '../../format.js';
import { Badge, StatusBadge } from '../../components/status-badge.js';

export interface RequestItemView {
  id: string;
  category: number;
  startsAt: string;
  endsAt: string;
  status: RequestStatus;
  helperName: string | null;
  childNames: string[];
  seriesId: string | null;
}

export type UpcomingEntry =
  | { kind: 'single'; item: RequestItemView }
  | {
      kind: 'series';
      id: string;
      weekdays: number[];
      startTime: string;
      endTime: string;
      fromDate: string;
      toDate: string;
      items: RequestItemView[];
    };

export interface AssignmentView {
  id: string;
  category: number;
  startsAt: string;
  endsAt: string;
  familyName: string;
  careLocation: 'helper_home' | 'requester_home' | 'other';
}

export interface RequestListProps {
  ctx: ViewContext;
  isRequester: boolean;
  isHelper: boolean;
  status: RequestStatus | '';
  upcoming: UpcomingEntry[];
  past: { items: RequestItemView[]; page: number; pages: number; total: number };
  assignments: AssignmentView[];
}

export const STATUS_FILTERS: RequestStatus[] = [
  'open',
  'offered',
  'matched',
  'completed',
  'cancelled',
];

/** 援助の申し込み: a parent's requests (series grouped) and, for a helper, her assignments. */
export function RequestListPage(props: RequestListProps) {
  const { ctx } = props;
  const { t, locale } = ctx;
  const query = (page: number) =>
    `/requests?${new URLSearchParams({ ...(props.status ? { status: props.status } : {}), pastPage: String(page) }).toString()}#past`;
  return (
    <Layout ctx={ctx} title={t('req.list.title')}>
      <div class="page-head">
        <h1>{t('req.list.title')}</h1>
      </div>
      {props.isRequester && (
        <p>
          <a class="button button--primary req-new-button" href="/requests/new">
            {t('req.list.new')}
          </a>
        </p>
      )}

      {props.isHelper && (
        <section aria-labelledby="assigned" class="req-section">
          <h2 id="assigned">{t('req.list.assigned')}</h2>
          <ul class="req-links">
            <li>
              <a href="/offers">{t('req.list.toOffers')}</a>
            </li>
            <li>
              <a href="/calendar">{t('req.list.toCalendar')}</a>
            </li>
          </ul>
          {props.assignments.length === 0 ? (
            <p>{t('req.list.noAssignments')}</p>
          ) : (
            <ul class="req-cards">
              {props.assignments.map((a) => (
                <li class="req-card">
                  <a class="req-card__link" href={`/requests/${a.id}`}>
                    <span class="req-card__when">{whenText(t, locale, a.startsAt, a.endsAt)}</span>
                    <span class="req-card__what">{categoryLabel(t, a.category)}</span>
                    <span class="req-card__meta">
                      {t('req.list.family', { name: a.familyName })} ・{' '}
                      {careLocationName(t, a.careLocation)}
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {props.isRequester && (
        <>
          <form method="get" action="/requests" class="req-filter">
            <div class="field">
              <label for="field-status">{t('req.list.filter')}</label>
              <select id="field-status" name="status">
                <option value="" selected={props.status === ''}>
                  {t('req.list.filterAll')}
                </option>
                {STATUS_FILTERS.map((s) => (
                  <option value={s} selected={props.status === s}>
                    {statusName(t, s)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" class="button button--secondary">
              {t('req.list.filterApply')}
            </button>
          </form>

          <section aria-labelledby="upcoming" class="req-section">
            <h2 id="upcoming">{t('req.list.upcoming')}</h2>
            {props.upcoming.length === 0 ? (
              <p>{props.status ? t('req.list.noneFiltered') : t('req.list.noUpcoming')}</p>
            ) : (
              <ul class="req-cards">
                {props.upcoming.map((e) =>
                  e.kind === 'single' ? (
                    <li class="req-card">
                      <RequestCard t={t} locale={locale} item={e.item} />
                    </li>
                  ) : (
                    <li class="req-card req-card--series">
                      <SeriesCard t={t} locale={locale} entry={e} />
                    </li>
                  ),
                )}
              </ul>
            )}
          </section>

          <section aria-labelledby="past" class="req-section" id="past-section">
            <h2 id="past">{t('req.list.past')}</h2>
            {props.past.items.length === 0 ? (
              <p>{t('req.list.noPast')}</p>
            ) : (
              <>
                <ul class="req-cards req-cards--past">
                  {props.past.items.map((item) => (
                    <li class="req-card req-card--past">
                      <RequestCard t={t} locale={locale} item={item} />
                    </li>
                  ))}
                </ul>
                {props.past.pages > 1 && (
                  <nav class="pager" aria-label={t('req.list.pastPages')}>
                    <ul>
                      {props.past.page > 1 && (
                        <li>
                          <a href={query(props.past.page - 1)}>{t('req.list.newer')}</a>
                        </li>
                      )}
                      <li>
                        <span aria-current="page">
                          {t('req.list.pageOf', { page: props.past.page, pages: props.past.pages })}
                        </span>
                      </li>
                      {props.past.page < props.past.pages && (
                        <li>
                          <a href={query(props.past.page + 1)}>{t('req.list.older')}</a>
                        </li>
                      )}
                    </ul>
                  </nav>
                )}
              </>
            )}
          </section>
        </>
      )}
    </Layout>
  );
}

function RequestCard(props: { t: Translator; locale: 'ja' | 'en'; item: RequestItemView }) {
  const { t, locale, item } = props;
  return (
    <a class="req-card__link" href={`/requests/${item.id}`}>
      <span class="req-card__top">
        <span class="req-card__when">{whenText(t, locale, item.startsAt, item.endsAt)}</span>
        <StatusBadge kind="request" status={item.status}>
          {statusName(t, item.status)}
        </StatusBadge>
      </span>
      <span class="req-card__what">{categoryLabel(t, item.category)}</span>
      <span class="req-card__meta">
        {/* Only the parts there are, so no separator or 「担当：」 is left hanging. */}
        {[
          item.childNames.join(locale === 'ja' ? '・' : ', '),
          item.seriesId ? t('req.list.seriesTag') : '',
          item.helperName?.trim() ? t('req.list.helper', { name: item.helperName }) : '',
        ]
          .filter(Boolean)
          .join(locale === 'ja' ? ' ・ ' : ' · ')}
      </span>
    </a>
  );
}

function SeriesCard(props: {
  t: Translator;
  locale: 'ja' | 'en';
  entry: Extract<UpcomingEntry, { kind: 'series' }>;
}) {
  const { t, locale, entry } = props;
  const counts = new Map<RequestStatus, number>();
  for (const i of entry.items) counts.set(i.status, (counts.get(i.status) ?? 0) + 1);
  const next = entry.items.find((i) => i.status !== 'cancelled');
  const headingId = `series-${entry.id}`;
  return (
    <section aria-labelledby={headingId} class="req-series" id={`series-${entry.id}-box`}>
      <h3 id={headingId} class="req-series__title">
        <Badge tone="info" solid>
          {t('req.list.seriesTag')}
        </Badge>{' '}
        {t('req.list.seriesTitle', {
          weekdays: weekdaysText(t, locale, entry.weekdays),
          start: displayTime(entry.startTime),
          end: displayTime(entry.endTime),
        })}
      </h3>
      <p class="req-series__range">
        {t('req.list.seriesRange', {
          from: formatDate(entry.fromDate, locale),
          to: formatDate(entry.toDate, locale),
          count: entry.items.length,
        })}
      </p>
      <p class="req-series__counts">
        {[...counts.entries()].map(([s, n]) => (
          <span class="req-series__count">
            <StatusBadge kind="request" status={s}>
              {statusName(t, s)}
            </StatusBadge>{' '}
            {t('req.list.times', { n })}
          </span>
        ))}
      </p>
      {next && (
        <p>
          {t('req.list.next')}{' '}
          <a href={`/requests/${next.id}`}>{whenText(t, locale, next.startsAt, next.endsAt)}</a>
        </p>
      )}
      <details class="req-dates">
        <summary>{t('req.list.seriesAll', { count: entry.items.length })}</summary>
        <ul class="req-dates__list">
          {entry.items.map((i) => (
            <li>
              <a href={`/requests/${i.id}`}>
                {monthDay(i.startsAt, locale)} {timeRange(t, i.startsAt, i.endsAt)}
              </a>{' '}
              <StatusBadge kind="request" status={i.status}>
                {statusName(t, i.status)}
              </StatusBadge>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
