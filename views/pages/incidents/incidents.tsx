import type { Child } from 'hono/jsx';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { formatDateTime } from '../../../src/lib/dates.js';
import { incidentFacts, incidentHeading, type IncidentView } from './incident-facts.js';
import { SeriousChainTable, type SeriousStepView } from './serious-accident.js';
import { StaffBackLink } from '../../components/back-link.js';

/** ヒヤリハット・事故 for staff: the list, one incident, and the printable accident report. */

function SeriousFlag(props: { ctx: ViewContext; i: IncidentView }) {
  const { t, locale } = props.ctx;
  const i = props.i;
  if (!i.seriousReason) return null;
  return (
    <p class={i.reportedToPrefectureAt ? 'alert alert--info' : 'alert alert--error'}>
      {t('activities.incident.prefectureFlag', {
        reason: t(`activities.incident.seriousReason.${i.seriousReason}`),
      })}{' '}
      {i.reportedToPrefectureAt
        ? t('incidents.reportedOn', { at: formatDateTime(i.reportedToPrefectureAt, locale) })
        : t('incidents.notReported')}
    </p>
  );
}

export function IncidentsPage(props: {
  ctx: ViewContext;
  items: IncidentView[];
  seriousOnly: boolean;
}) {
  const { ctx, items } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('incidents.title')}>
      <StaffBackLink href="/activities" label={t('activities.backToList')} />
      <h1>{t('incidents.title')}</h1>
      <p>{t('incidents.leadAll')}</p>
      <p class="button-row">
        <a class="button button--primary" href="/incidents/new">
          {t('incidents.new')}
        </a>
        <a class="button button--secondary" href="/insurance-cases">
          {t('insurance.listTitle')}
        </a>
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
                <a href={`/incidents/${i.id}`}>{incidentHeading(t, i)}</a>
              </h2>
              <p class="act-item__meta">
                <span>{formatDateTime(i.occurredAt, locale)}</span>
                {i.situation && <span>{t(`incidents.situation.${i.situation}`)}</span>}
                {i.place && <span>{i.place}</span>}
                {(i.requesterName || i.helperName) && (
                  <span>
                    {i.requesterName && t('activities.list.family', { name: i.requesterName })}
                    {i.requesterName && i.helperName && ' · '}
                    {i.helperName && t('activities.list.helper', { name: i.helperName })}
                  </span>
                )}
              </p>
              <SeriousFlag ctx={ctx} i={i} />
              <p class="pre-line">{i.description}</p>
              <p class="act-item__actions">
                <a
                  class="button button--secondary"
                  href={`/incidents/${i.id}/print`}
                  aria-describedby={`incident-${i.id}`}
                >
                  {t('incidents.printLink')}
                </a>
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

/** One incident with everything recorded (its read is audited by the route). */
export function IncidentDetailPage(props: {
  ctx: ViewContext;
  incident: IncidentView;
  /** The reporting chain of a serious accident (serious-accidents.routes.tsx). */
  serious?: Child;
  /** The insurance cases of an accident (insurance.routes.tsx). */
  insurance?: Child;
  /** Photos and documents (attachments.tsx). */
  attachments?: Child;
}) {
  const { ctx, incident: i } = props;
  const { t, locale } = ctx;
  const title = incidentHeading(t, i);
  return (
    <Layout ctx={ctx} title={title}>
      <StaffBackLink href="/incidents" label={t('incidents.backToList')} />
      <h1>{title}</h1>
      <SeriousFlag ctx={ctx} i={i} />
      <dl class="info-list info-list--cols">
        {incidentFacts(t, locale, i).map(([k, v]) => (
          <div class="info-list__row">
            <dt>{k}</dt>
            <dd class="pre-line wrap">{v}</dd>
          </div>
        ))}
      </dl>
      <p class="button-row">
        <a class="button button--primary" href={`/incidents/${i.id}/edit`}>
          {t('incidents.edit')}
        </a>
        <a class="button button--secondary" href={`/incidents/${i.id}/print`}>
          {t('incidents.printLink')}
        </a>
        {i.link?.kind === 'activity' && (
          <a class="button button--secondary" href={`/activities/${i.link.id}`}>
            {t('incidents.activityLink')}
          </a>
        )}
      </p>
      {props.serious}
      {props.insurance}
      {props.attachments}
    </Layout>
  );
}

export function IncidentPrintPage(props: {
  ctx: ViewContext;
  incident: IncidentView;
  childNames: string[];
  /** A serious accident's reporting chain (absent for any other incident). */
  chain?: SeriousStepView[] | undefined;
}) {
  const { ctx, incident: i } = props;
  const { t, locale } = ctx;
  const rows: [string, string][] = [
    [t('incidents.print.center'), t('app.center')],
    ...incidentFacts(t, locale, i),
    [t('activities.form.children'), props.childNames.join(t('activities.separator')) || '—'],
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
        <StaffBackLink href={`/incidents/${i.id}`} label={t('incidents.backToIncident')} />
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
        {props.chain && (
          <>
            <h2 class="incident-report__subtitle">{t('serious.print.chain')}</h2>
            <SeriousChainTable ctx={ctx} steps={props.chain} />
          </>
        )}
      </article>
      <script src="/assets/print.js" defer></script>
    </Layout>
  );
}
