import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { formatDateTime } from '../../../src/lib/dates.js';
import { whenText } from './activity-text.js';

/** ヒヤリハット・事故 for staff, and the printable accident report (事故報告書). */

export interface IncidentListItem {
  id: string;
  activityId: string;
  kind: 'near_miss' | 'accident';
  severity: 'minor' | 'moderate' | 'serious';
  seriousReason: 'death' | 'loss_of_consciousness' | 'treatment_30_days' | null;
  description: string;
  actionTaken: string;
  reportedToPrefectureAt: string | null;
  createdAt: string;
  startedAt: string;
  endedAt: string;
  place: string | null;
  helperName: string;
  requesterName: string;
  authorName: string | null;
}

export function IncidentsPage(props: {
  ctx: ViewContext;
  items: IncidentListItem[];
  seriousOnly: boolean;
}) {
  const { ctx, items } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('incidents.title')}>
      <p class="back-link">
        <a href="/activities">{t('activities.backToList')}</a>
      </p>
      <h1>{t('incidents.title')}</h1>
      <p>{t('incidents.lead')}</p>
      <p class="button-row">
        {props.seriousOnly ? (
          <a class="button button--secondary" href="/incidents">
            {t('incidents.showAll')}
          </a>
        ) : (
          <a class="button button--secondary" href="/incidents?serious=1">
            {t('incidents.showSerious')}
          </a>
        )}
      </p>
      {items.length === 0 ? (
        <p>{t('incidents.none')}</p>
      ) : (
        <ul class="act-list">
          {items.map((i) => (
            <li class="act-item">
              <h2 class="act-item__title" id={`incident-${i.id}`}>
                {t('activities.incident.heading', {
                  kind: t(`activities.incident.kind.${i.kind}`),
                  severity: t(`activities.incident.severity.${i.severity}`),
                })}
              </h2>
              <p class="act-item__meta">
                <span>{whenText(i.startedAt, i.endedAt, locale)}</span>
                <span>
                  {t('activities.list.family', { name: i.requesterName })} ·{' '}
                  {t('activities.list.helper', { name: i.helperName })}
                </span>
              </p>
              {i.seriousReason && (
                <p class={i.reportedToPrefectureAt ? 'alert alert--info' : 'alert alert--error'}>
                  {t('activities.incident.prefectureFlag', {
                    reason: t(`activities.incident.seriousReason.${i.seriousReason}`),
                  })}{' '}
                  {i.reportedToPrefectureAt
                    ? t('incidents.reportedOn', {
                        at: formatDateTime(i.reportedToPrefectureAt, locale),
                      })
                    : t('incidents.notReported')}
                </p>
              )}
              <p class="pre-line">{i.description}</p>
              <p class="act-item__actions">
                <a
                  class="button button--secondary"
                  href={`/incidents/${i.id}/print`}
                  aria-describedby={`incident-${i.id}`}
                >
                  {t('incidents.printLink')}
                </a>
                <a
                  class="button button--secondary"
                  href={`/activities/${i.activityId}`}
                  aria-describedby={`incident-${i.id}`}
                >
                  {t('incidents.activityLink')}
                </a>
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function IncidentPrintPage(props: {
  ctx: ViewContext;
  incident: IncidentListItem;
  childNames: string[];
}) {
  const { ctx, incident: i } = props;
  const { t, locale } = ctx;
  const rows: [string, string][] = [
    [t('incidents.print.center'), t('app.center')],
    [t('incidents.print.when'), whenText(i.startedAt, i.endedAt, locale)],
    [t('activities.form.place'), i.place ?? '—'],
    [t('activities.helper'), i.helperName],
    [t('activities.requester'), i.requesterName],
    [t('activities.form.children'), props.childNames.join(t('activities.separator')) || '—'],
    [t('activities.incident.kind'), t(`activities.incident.kind.${i.kind}`)],
    [t('activities.incident.severity'), t(`activities.incident.severity.${i.severity}`)],
    [
      t('activities.incident.seriousReason'),
      i.seriousReason ? t(`activities.incident.seriousReason.${i.seriousReason}`) : '—',
    ],
    [t('activities.incident.description'), i.description],
    [t('activities.incident.actionTaken'), i.actionTaken],
    [
      t('incidents.print.recordedBy'),
      `${i.authorName ?? '—'}${t('activities.paren', { text: formatDateTime(i.createdAt, locale) })}`,
    ],
    [
      t('incidents.print.reportedToPrefecture'),
      i.reportedToPrefectureAt ? formatDateTime(i.reportedToPrefectureAt, locale) : '',
    ],
  ];
  return (
    <Layout ctx={ctx} title={t('incidents.print.title')}>
      <div class="no-print">
        <p class="back-link">
          <a href="/incidents">{t('incidents.backToList')}</a>
        </p>
        <p class="hint">{t('incidents.print.hint')}</p>
        <div class="button-row">
          <button type="button" class="button button--primary" data-print hidden>
            {t('statements.print')}
          </button>
          {i.seriousReason && !i.reportedToPrefectureAt && (
            <form method="post" action={`/incidents/${i.id}/reported`}>
              <button type="submit" class="button button--secondary">
                {t('incidents.markReported')}
              </button>
            </form>
          )}
        </div>
      </div>
      <article class="stmt incident-report">
        <h1>{t('incidents.print.title')}</h1>
        {i.seriousReason && <p class="incident-report__flag">{t('incidents.print.serious')}</p>}
        <table class="table incident-report__table">
          <tbody>
            {rows.map(([k, v]) => (
              <tr>
                <th scope="row">{k}</th>
                <td class="pre-line wrap">{v}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('incidents.print.confirmedBy')}</th>
              <td class="incident-report__blank"></td>
            </tr>
          </tbody>
        </table>
      </article>
      <script src="/assets/print.js" defer></script>
    </Layout>
  );
}
