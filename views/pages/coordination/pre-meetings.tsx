import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { formatDate } from '../../../src/lib/dates.js';
import { Hidden } from '../../components/visually-hidden.js';
import { PreMeetingBadge } from './badges.js';
import type { PreMeetingNeedReason } from '../../../src/modules/requests/pre-meeting-need-rules.js';
import { whenText } from './coordination-text.js';
import { StaffBackLink } from '../../components/back-link.js';
import { DataTable } from '../../components/data-table.js';

export interface NeededPair {
  requestId: string;
  startsAt: string;
  endsAt: string;
  requesterName: string;
  helperName: string;
  /** Further upcoming dates of the same pair. */
  more: number;
  /** Why the first of them needs one (pre-meeting-need-rules.ts). */
  reason: PreMeetingNeedReason;
}

export interface RecordedPreMeeting {
  id: string;
  heldOn: string;
  place: string;
  attendees: string;
  requesterName: string;
  helperName: string;
  requestId: string | null;
}

export function PreMeetingsPage(props: {
  ctx: ViewContext;
  fiscalYear: number;
  currentFiscalYear: number;
  needed: NeededPair[];
  recorded: RecordedPreMeeting[];
}) {
  const { t, locale } = props.ctx;
  const pairText = (requester: string, helper: string) =>
    t('coord.preMeetings.pair', { requester, helper });
  return (
    <Layout ctx={props.ctx} title={t('coord.preMeetings.title')}>
      <div class="coord-page">
        <StaffBackLink href="/board" label={t('coord.request.back')} />
        <h1>{t('coord.preMeetings.title')}</h1>
        <p>{t('coord.preMeetings.lead')}</p>

        <section aria-labelledby="needed-title" class="coord-section">
          <h2 id="needed-title">{t('coord.preMeetings.needed.title')}</h2>
          {props.needed.length === 0 ? (
            <p>{t('coord.preMeetings.needed.empty')}</p>
          ) : (
            <DataTable
              class="coord-table"
              head={[
                t('coord.preMeetings.col.pair'),
                t('coord.preMeetings.col.first'),
                t('coord.col.preMeeting'),
              ]}
            >
              {props.needed.map((n) => (
                <tr class="coord-row coord-row--warn">
                  <th scope="row" data-label={t('coord.preMeetings.col.pair')} class="coord-family">
                    {pairText(n.requesterName, n.helperName)}
                  </th>
                  <td data-label={t('coord.preMeetings.col.first')}>
                    <a href={`/coordination/requests/${n.requestId}#matched-title`}>
                      {whenText(n.startsAt, n.endsAt, locale)}
                    </a>
                    {n.more > 0 && (
                      <span class="coord-sub">
                        {t('coord.preMeetings.needed.more', { count: n.more })}
                      </span>
                    )}
                  </td>
                  <td data-label={t('coord.col.preMeeting')}>
                    <PreMeetingBadge t={t} done={false} reason={n.reason} />
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>

        <section aria-labelledby="recorded-title" class="coord-section">
          <h2 id="recorded-title">
            {t('coord.preMeetings.recorded.title', {
              year: props.fiscalYear,
              count: props.recorded.length,
            })}
          </h2>
          <nav class="button-row coord-year-nav" aria-label={t('coord.preMeetings.title')}>
            <a
              class="button button--secondary button--small"
              href={`/coordination/pre-meetings?fy=${props.fiscalYear - 1}`}
            >
              {t('coord.preMeetings.prevYear')}
            </a>
            <span>{t('coord.preMeetings.year', { year: props.fiscalYear })}</span>
            {props.fiscalYear < props.currentFiscalYear && (
              <a
                class="button button--secondary button--small"
                href={`/coordination/pre-meetings?fy=${props.fiscalYear + 1}`}
              >
                {t('coord.preMeetings.nextYear')}
              </a>
            )}
          </nav>
          {props.recorded.length === 0 ? (
            <p>{t('coord.preMeetings.empty')}</p>
          ) : (
            <DataTable
              class="coord-table"
              head={[
                t('coord.preMeetings.col.date'),
                t('coord.preMeetings.col.pair'),
                t('coord.preMeetings.col.place'),
                t('coord.preMeetings.col.attendees'),
                t('coord.preMeetings.col.request'),
              ]}
            >
              {props.recorded.map((p) => {
                const pair = pairText(p.requesterName, p.helperName);
                return (
                  <tr class="coord-row">
                    <td data-label={t('coord.preMeetings.col.date')} class="nowrap">
                      {formatDate(p.heldOn, locale)}
                    </td>
                    <th
                      scope="row"
                      data-label={t('coord.preMeetings.col.pair')}
                      class="coord-family"
                    >
                      {pair}
                    </th>
                    <td data-label={t('coord.preMeetings.col.place')} class="wrap">
                      {p.place}
                    </td>
                    <td data-label={t('coord.preMeetings.col.attendees')} class="wrap">
                      {p.attendees}
                    </td>
                    <td data-label={t('coord.preMeetings.col.request')}>
                      {p.requestId ? (
                        <a href={`/coordination/requests/${p.requestId}`}>
                          {t('coord.preMeetings.open')}
                          <Hidden>{t('coord.preMeetings.openFor', { pair })}</Hidden>
                        </a>
                      ) : (
                        <span class="muted">{t('coord.preMeetings.noRequest')}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </DataTable>
          )}
        </section>
      </div>
    </Layout>
  );
}
