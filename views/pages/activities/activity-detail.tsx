import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { formatDate, formatDateTime } from '../../../src/lib/dates.js';
import type { FeeLineView } from '../../../src/modules/fees/fee-lines.js';
import { appliesFromTheStart } from '../../../src/modules/fees/fee-table.js';
import type { MinimumCharge } from '../../../src/modules/fees/fees.js';
import { type FormErrors, TextareaField } from '../../components/form-fields.js';
import { IncidentFields, type ReportFormValues } from './report-form.js';
import { categoryNames, duration, whenText, type ActivityStatus } from './activity-text.js';
import { FeeTable } from './fee-table.js';
import { DetailList } from '../../components/detail-list.js';
import { StatusBadge } from '../../components/status-badge.js';
import { yen } from '../../format.js';
import { PaymentCard, type PaymentView } from '../payments/payment.js';
import { StaffBackLink } from '../../components/back-link.js';

export interface IncidentView {
  id: string;
  kind: 'near_miss' | 'accident';
  severity: 'minor' | 'moderate' | 'serious';
  seriousReason: string | null;
  description: string;
  actionTaken: string;
  reportedToPrefectureAt: string | null;
  createdAt: string;
}

export interface RevisionView {
  version: number;
  at: string;
  changedByName: string | null;
  reason: string | null;
  startedAt: string;
  endedAt: string;
  feeTotal: number;
  transportCost: number;
  mealCost: number;
  returnReason: string | null;
  disputeReason: string | null;
}

export interface ActivityDetailProps {
  ctx: ViewContext;
  viewer: 'staff' | 'helper' | 'requester';
  activity: {
    id: string;
    status: ActivityStatus;
    version: number;
    requesterId: string;
    requesterName: string;
    helperName: string;
    plannedStartsAt: string;
    plannedEndsAt: string;
    startedAt: string;
    endedAt: string;
    children: string[];
    categories: number[];
    place: string | null;
    notes: string | null;
    transportCost: number;
    mealCost: number;
    disputeReason: string | null;
    returnReason: string | null;
    reportedAt: string;
    confirmedAt: string | null;
    approvedAt: string | null;
    tableValidFrom: string;
    fee: {
      total: number;
      lines: FeeLineView[];
      childTotals: { name: string; amount: number }[];
      minimum?: MinimumCharge | null;
    };
  };
  incidents: IncidentView[];
  revisions: RevisionView[];
  /** The payment of the activity (issue #18): shown once the report is approved. */
  payment?: PaymentView;
  /** Errors of the dispute / return / incident forms, after a 422. */
  errors?: FormErrors;
  form?: 'dispute' | 'return' | 'incident';
  values?: Partial<ReportFormValues> & { reason?: string };
}

const EMPTY_INCIDENT = {
  incident: true,
  incidentKind: '',
  incidentSeverity: '',
  incidentSeriousReason: '',
  incidentDescription: '',
  incidentActionTaken: '',
};

export function ActivityDetailPage(props: ActivityDetailProps) {
  const { ctx, activity: a, viewer } = props;
  const { t, locale } = ctx;
  const errors = props.errors ?? {};
  const minutes = Math.round((Date.parse(a.endedAt) - Date.parse(a.startedAt)) / 60_000);
  const title = t('activities.detail.title');
  return (
    <Layout ctx={ctx} title={title}>
      <StaffBackLink href="/activities" label={t('activities.backToList')} />
      <h1>
        {title}
        <span class="heading-sub">{whenText(a.startedAt, a.endedAt, locale)}</span>
      </h1>
      <p>
        <StatusBadge kind="activity" status={a.status}>
          {t(`activities.status.${a.status}`)}
        </StatusBadge>{' '}
        {viewer === 'requester'
          ? t(`activities.statusHelp.requester.${a.status}`)
          : viewer === 'helper' && a.status === 'returned'
            ? t('activities.statusHelp.helper.returned')
            : t(`activities.statusHelp.${a.status}`)}
      </p>
      {a.status === 'returned' && a.returnReason && (
        <div class="alert alert--warning">
          <p>
            <strong>{t('activities.detail.returnReason')}</strong>
          </p>
          <p class="pre-line">{a.returnReason}</p>
        </div>
      )}
      {a.status === 'disputed' && a.disputeReason && (
        <div class="alert alert--warning">
          <p>
            <strong>{t('activities.detail.disputeReason')}</strong>
          </p>
          <p class="pre-line">{a.disputeReason}</p>
        </div>
      )}
      <DetailList
        preLine
        rows={[
          [t('activities.requester'), a.requesterName],
          [t('activities.helper'), a.helperName],
          [t('activities.planned'), whenText(a.plannedStartsAt, a.plannedEndsAt, locale)],
          [
            t('activities.actual'),
            `${whenText(a.startedAt, a.endedAt, locale)}${t('activities.paren', { text: duration(t, minutes) })}`,
          ],
          [t('activities.form.children'), a.children.join(t('activities.separator'))],
          [t('activities.form.categories'), categoryNames(t, a.categories)],
          [t('activities.form.place'), a.place],
          [t('activities.form.notes'), a.notes],
          [t('activities.detail.reportedAt'), formatDateTime(a.reportedAt, locale)],
          [
            t('activities.detail.confirmedAt'),
            a.confirmedAt ? formatDateTime(a.confirmedAt, locale) : null,
          ],
          [
            t('activities.detail.approvedAt'),
            a.approvedAt ? formatDateTime(a.approvedAt, locale) : null,
          ],
        ]}
      />
      <h2 id="fee-title">{t('activities.fee.title')}</h2>
      <FeeTable
        t={t}
        locale={locale}
        id="fee-title"
        lines={a.fee.lines}
        childTotals={a.fee.childTotals}
        total={a.fee.total}
        minimum={a.fee.minimum}
        transportCost={a.transportCost}
        mealCost={a.mealCost}
      />
      <p class="hint">
        {appliesFromTheStart(a.tableValidFrom)
          ? t('activities.fee.tableUsedFromStart')
          : t('activities.fee.tableUsed', { date: formatDate(a.tableValidFrom, locale) })}
      </p>

      {props.payment && a.status === 'approved' && (
        <PaymentCard ctx={ctx} viewer={viewer} view={props.payment} />
      )}

      {viewer === 'requester' && (a.status === 'reported' || a.status === 'disputed') && (
        <section aria-labelledby="dispute-title" id="dispute" class="card">
          <h2 id="dispute-title">{t('activities.detail.confirmTitle')}</h2>
          <p>
            {t('activities.detail.confirmLead', {
              amount: yen(a.fee.total + a.transportCost + a.mealCost, locale),
            })}
          </p>
          <form method="post" action={`/activities/${a.id}/confirm`}>
            <input type="hidden" name="version" value={String(a.version)} />
            <button type="submit" class="button button--primary">
              {t('activities.action.confirm')}
            </button>
          </form>
          {a.status === 'reported' && (
            <form
              method="post"
              action={`/activities/${a.id}/dispute`}
              class="member-form act-subform"
            >
              <input type="hidden" name="version" value={String(a.version)} />
              <TextareaField
                t={t}
                name="reason"
                label={t('activities.detail.disputeLabel')}
                hint={t('activities.detail.disputeHint')}
                value={props.form === 'dispute' ? props.values?.reason : ''}
                error={props.form === 'dispute' ? errors.reason : undefined}
                rows={3}
                maxlength={1000}
              />
              <button type="submit" class="button button--secondary">
                {t('activities.action.dispute')}
              </button>
            </form>
          )}
        </section>
      )}

      {viewer === 'helper' && (a.status === 'reported' || a.status === 'returned') && (
        <p>
          <a class="button button--primary" href={`/activities/${a.id}/edit`}>
            {t('activities.action.correct')}
          </a>
        </p>
      )}

      {viewer === 'staff' && ['reported', 'confirmed', 'disputed'].includes(a.status) && (
        <section aria-labelledby="review-title" id="review" class="card">
          <h2 id="review-title">{t('activities.detail.reviewTitle')}</h2>
          {a.status === 'reported' ? (
            <p>{t('activities.detail.waitingForFamily')}</p>
          ) : (
            <form method="post" action={`/activities/${a.id}/approve`}>
              <input type="hidden" name="version" value={String(a.version)} />
              <p>{t('activities.detail.approveLead')}</p>
              <button type="submit" class="button button--primary">
                {t('activities.action.approve')}
              </button>
            </form>
          )}
          <form method="post" action={`/activities/${a.id}/return`} class="member-form act-subform">
            <input type="hidden" name="version" value={String(a.version)} />
            <TextareaField
              t={t}
              name="reason"
              label={t('activities.detail.returnLabel')}
              value={props.form === 'return' ? props.values?.reason : ''}
              error={props.form === 'return' ? errors.reason : undefined}
              rows={3}
              maxlength={1000}
            />
            <button type="submit" class="button button--secondary">
              {t('activities.action.return')}
            </button>
          </form>
          <p>
            <a href={`/statements/${a.requesterId}/${a.startedAt.slice(0, 7)}`}>
              {t('activities.detail.familyStatement')}
            </a>
          </p>
        </section>
      )}

      <section aria-labelledby="incidents-title">
        <h2 id="incidents-title">{t('activities.incident.section')}</h2>
        {props.incidents.length === 0 ? (
          <p>{t('activities.incident.none')}</p>
        ) : (
          <ul class="act-list">
            {props.incidents.map((i) => (
              <li class="act-item">
                <h3 class="act-item__title">
                  {t('activities.incident.heading', {
                    kind: t(`activities.incident.kind.${i.kind}`),
                    severity: t(`activities.incident.severity.${i.severity}`),
                  })}
                </h3>
                {i.seriousReason && (
                  <p class="alert alert--error">
                    {t('activities.incident.prefectureFlag', {
                      reason: t(`activities.incident.seriousReason.${i.seriousReason as 'death'}`),
                    })}
                    {viewer === 'staff' && (
                      <>
                        {' '}
                        <a href={`/incidents/${i.id}/print`}>{t('incidents.printLink')}</a>
                      </>
                    )}
                  </p>
                )}
                <DetailList
                  preLine
                  rows={[
                    [t('activities.incident.description'), i.description],
                    [t('activities.incident.actionTaken'), i.actionTaken],
                    [t('activities.incident.recordedAt'), formatDateTime(i.createdAt, locale)],
                  ]}
                />
              </li>
            ))}
          </ul>
        )}
        {viewer !== 'requester' && (
          <details class="disclosure" open={props.form === 'incident'}>
            <summary>{t('activities.incident.add')}</summary>
            <form
              method="post"
              action={`/activities/${a.id}/incidents`}
              class="member-form act-subform"
            >
              <IncidentFields
                ctx={ctx}
                values={{ ...EMPTY_INCIDENT, ...(props.form === 'incident' ? props.values : {}) }}
                errors={props.form === 'incident' ? errors : {}}
                standalone
              />
              <button type="submit" class="button button--secondary">
                {t('activities.incident.submit')}
              </button>
            </form>
          </details>
        )}
      </section>

      {props.revisions.length > 0 && (
        <section aria-labelledby="history-title">
          <h2 id="history-title">{t('activities.history.title')}</h2>
          <ol class="act-history">
            {props.revisions.map((r) => (
              <li>
                <p>
                  <strong>{t('activities.history.version', { version: r.version })}</strong>{' '}
                  {t('activities.history.changed', {
                    at: formatDateTime(r.at, locale),
                    name: r.changedByName ?? '—',
                  })}
                </p>
                <DetailList
                  preLine
                  rows={[
                    [t('activities.actual'), whenText(r.startedAt, r.endedAt, locale)],
                    [t('activities.fee.total'), yen(r.feeTotal, locale)],
                    [t('activities.transportCost'), yen(r.transportCost, locale)],
                    [t('activities.mealCost'), yen(r.mealCost, locale)],
                    [t('activities.detail.returnReason'), r.returnReason],
                    [t('activities.detail.disputeReason'), r.disputeReason],
                    [t('activities.form.reason'), r.reason],
                  ]}
                />
              </li>
            ))}
          </ol>
        </section>
      )}
    </Layout>
  );
}
