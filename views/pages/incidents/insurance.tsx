import {
  ErrorSummary,
  SelectField,
  TextareaField,
  TextField,
  bindFields,
  type FormErrors,
} from '../../components/form-fields.js';
import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { formatDate, formatDateTime, yen } from '../../format.js';
import { StaffBackLink } from '../../components/back-link.js';

/** Insurance cases of accidents (issue #19): the incident's section, the list, one case. */

export interface CaseView {
  id: string;
  incidentId: string;
  coverLabel: string;
  occurredAt: string;
  claimDeadlineOn: string;
  daysLeft: number;
  nearingDeadline: boolean;
  knownInAdvance: boolean;
  insurerNotifiedOn: string | null;
  documentsSent: string | null;
  documentsSentOn: string | null;
  amountPaid: number | null;
  paidOn: string | null;
  note: string | null;
  closedOn: string | null;
  /** The accident in a few words (kind · severity). */
  incidentTitle: string;
  requesterName: string | null;
}

export type CaseFormValues = Partial<
  Record<
    'insurerNotifiedOn' | 'documentsSent' | 'documentsSentOn' | 'amountPaid' | 'paidOn' | 'note',
    string
  >
>;

function Deadline(props: { ctx: ViewContext; c: CaseView }) {
  const { t, locale } = props.ctx;
  const c = props.c;
  if (c.closedOn)
    return <span>{t('insurance.closedOn', { date: formatDate(c.closedOn, locale) })}</span>;
  const text = t(c.daysLeft < 0 ? 'insurance.deadlinePassed' : 'insurance.deadline', {
    date: formatDate(c.claimDeadlineOn, locale),
    days: Math.abs(c.daysLeft),
  });
  return c.nearingDeadline ? <strong>{text}</strong> : <span>{text}</span>;
}

/** The warning that help not told to the center in advance is not insured. */
export function NotKnownWarning(props: { ctx: ViewContext }) {
  return (
    <div class="alert alert--warning" role="note">
      <p>{props.ctx.t('insurance.notKnownInAdvance')}</p>
    </div>
  );
}

/** On an accident's page: its cases, and opening one for a cover. */
export function InsuranceSection(props: {
  ctx: ViewContext;
  incidentId: string;
  cases: CaseView[];
  covers: { value: string; label: string }[];
  knownInAdvance: boolean;
  error?: string | undefined;
}) {
  const { t } = props.ctx;
  const open = props.covers.filter((c) => !props.cases.some((k) => k.coverLabel === c.label));
  return (
    <section aria-labelledby="insurance-heading">
      <h2 id="insurance-heading">{t('insurance.title')}</h2>
      {!props.knownInAdvance && <NotKnownWarning ctx={props.ctx} />}
      {props.cases.length === 0 ? (
        <p>{t('insurance.noneForIncident')}</p>
      ) : (
        <ul class="act-list">
          {props.cases.map((c) => (
            <li class="act-item">
              <p class="act-item__title">
                <a href={`/insurance-cases/${c.id}`}>{c.coverLabel}</a>
              </p>
              <p class="act-item__meta">
                <Deadline ctx={props.ctx} c={c} />
              </p>
            </li>
          ))}
        </ul>
      )}
      {open.length > 0 && (
        <form
          method="post"
          action={`/incidents/${props.incidentId}/insurance-cases`}
          class="member-form"
        >
          <SelectField
            t={t}
            name="cover"
            label={t('insurance.cover')}
            error={props.error}
            options={open}
            hint={t('insurance.coverHint')}
          />
          <button type="submit" class="button button--secondary">
            {t('insurance.open')}
          </button>
        </form>
      )}
    </section>
  );
}

export function InsuranceCasesPage(props: {
  ctx: ViewContext;
  state: 'open' | 'closed';
  cases: CaseView[];
}) {
  const { ctx } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('insurance.listTitle')}>
      <StaffBackLink href="/incidents" label={t('incidents.backToList')} />
      <h1>{t('insurance.listTitle')}</h1>
      <p>{t('insurance.listLead')}</p>
      <p class="button-row">
        {props.state === 'open' ? (
          <a class="button button--secondary" href="/insurance-cases?state=closed">
            {t('insurance.showClosed')}
          </a>
        ) : (
          <a class="button button--secondary" href="/insurance-cases">
            {t('insurance.showOpen')}
          </a>
        )}
      </p>
      {props.cases.length === 0 ? (
        <p>{t('insurance.none')}</p>
      ) : (
        <ul class="act-list">
          {props.cases.map((c) => (
            <li class="act-item">
              <h2 class="act-item__title">
                <a href={`/insurance-cases/${c.id}`}>
                  {c.coverLabel} · {c.incidentTitle}
                </a>
              </h2>
              <p class="act-item__meta">
                <span>{formatDateTime(c.occurredAt, locale)}</span>
                {c.requesterName && (
                  <span>{t('activities.list.family', { name: c.requesterName })}</span>
                )}
                <Deadline ctx={ctx} c={c} />
              </p>
              <p class="act-item__meta">
                <span>
                  {c.insurerNotifiedOn
                    ? t('insurance.notifiedOn', { date: formatDate(c.insurerNotifiedOn, locale) })
                    : t('insurance.notNotified')}
                </span>
                {!c.knownInAdvance && <strong>{t('insurance.notKnownShort')}</strong>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function InsuranceCasePage(props: {
  ctx: ViewContext;
  c: CaseView;
  values: CaseFormValues;
  errors: FormErrors;
  closeError?: string | undefined;
  today: string;
}) {
  const { ctx, c } = props;
  const { t, locale } = ctx;
  const title = t('insurance.caseTitle', { cover: c.coverLabel });
  const labels: Record<string, string> = {
    insurerNotifiedOn: t('insurance.field.insurerNotifiedOn'),
    documentsSent: t('insurance.field.documentsSent'),
    documentsSentOn: t('insurance.field.documentsSentOn'),
    amountPaid: t('insurance.field.amountPaid'),
    paidOn: t('insurance.field.paidOn'),
    note: t('insurance.field.note'),
  };
  const field = bindFields(t, props.values, props.errors, labels);
  const facts: [string, string][] = [
    [t('insurance.field.accident'), `${c.incidentTitle} · ${formatDateTime(c.occurredAt, locale)}`],
    [t('insurance.cover'), c.coverLabel],
    [t('insurance.field.deadline'), formatDate(c.claimDeadlineOn, locale)],
    [
      labels.insurerNotifiedOn!,
      c.insurerNotifiedOn ? formatDate(c.insurerNotifiedOn, locale) : '—',
    ],
    [labels.documentsSent!, c.documentsSent ?? '—'],
    [labels.documentsSentOn!, c.documentsSentOn ? formatDate(c.documentsSentOn, locale) : '—'],
    [labels.amountPaid!, c.amountPaid === null ? '—' : yen(c.amountPaid, locale)],
    [labels.paidOn!, c.paidOn ? formatDate(c.paidOn, locale) : '—'],
    [labels.note!, c.note ?? '—'],
  ];
  return (
    <Layout ctx={ctx} title={title}>
      <StaffBackLink href={`/incidents/${c.incidentId}`} label={t('incidents.backToIncident')} />
      <h1>{title}</h1>
      <p>
        <Deadline ctx={ctx} c={c} />
      </p>
      {!c.knownInAdvance && <NotKnownWarning ctx={ctx} />}
      <dl class="info-list info-list--cols">
        {facts.map(([k, v]) => (
          <div class="info-list__row">
            <dt>{k}</dt>
            <dd class="pre-line wrap">{v}</dd>
          </div>
        ))}
      </dl>
      {!c.closedOn && (
        <>
          <h2>{t('insurance.progress')}</h2>
          <ErrorSummary t={t} errors={props.errors} labels={labels} />
          <form method="post" action={`/insurance-cases/${c.id}`} class="member-form" novalidate>
            <TextField {...field('insurerNotifiedOn')} type="date" />
            <TextareaField
              {...field('documentsSent')}
              maxlength={2000}
              hint={t('insurance.field.documentsSentHint')}
            />
            <TextField {...field('documentsSentOn')} type="date" />
            <TextField
              {...field('amountPaid')}
              type="number"
              size="short"
              hint={t('insurance.field.amountPaidHint')}
            />
            <TextField {...field('paidOn')} type="date" />
            <TextareaField {...field('note')} maxlength={2000} />
            <button type="submit" class="button button--primary">
              {t('insurance.save')}
            </button>
          </form>
          <h2>{t('insurance.closeTitle')}</h2>
          <form
            method="post"
            action={`/insurance-cases/${c.id}/close`}
            class="member-form"
            novalidate
          >
            <TextField
              t={t}
              name="closedOn"
              label={t('insurance.field.closedOn')}
              type="date"
              value={props.today}
              error={props.closeError}
              required
            />
            <button type="submit" class="button button--secondary">
              {t('insurance.close')}
            </button>
          </form>
        </>
      )}
    </Layout>
  );
}
