import { MemberNameCell } from '../../../components/member-name-cell.js';
import { ScrollTable } from '../../../components/scroll-table.js';
import { RenewalAnswerFields } from '../my-renewal.js';
import {
  ErrorSummary,
  RuleAlert,
  SubmitButton,
  type FormErrors,
} from '../../../components/form-fields.js';
import { Layout } from '../../../layout.js';
import type { ViewContext } from '../../../view-context.js';
import { formatDate, formatDateTime } from '../../../../src/lib/dates.js';
import { formatMemberNo } from '../../../../src/modules/members/members.json.js';
import type { MemberTypeLabels } from '../../../../src/modules/settings/settings.schemas.js';
import { kindLabel } from '../labels.js';
import { formatPhone } from '../../../format.js';
import type { RenewalMember } from './renewals.js';

/** One member of the renewal list with their answer for the year, if any. */
export interface RenewalStatusRow extends RenewalMember {
  channel: 'online' | 'paper' | null;
  confirmed_at: string | null;
  continue_requester: number | null;
  continue_helper: number | null;
}

type Translate = ViewContext['t'];

/** What a row's answer says, in words: confirmed how and when, and the sides not continued. */
function answerText(
  t: Translate,
  row: RenewalStatusRow,
  labels: MemberTypeLabels,
  locale: ViewContext['locale'],
) {
  if (!row.confirmed_at) return null;
  const stopping = [
    row.continue_requester === 0 ? kindLabel(labels, 'requester', locale) : null,
    row.continue_helper === 0 ? kindLabel(labels, 'helper', locale) : null,
  ].filter((s): s is string => s !== null);
  return {
    how: t(row.channel === 'paper' ? 'renewal.staff.byPaper' : 'renewal.staff.online', {
      at: formatDateTime(row.confirmed_at, locale),
    }),
    intent:
      stopping.length === 0
        ? t('renewal.staff.continues')
        : t('renewal.staff.stops', { sides: stopping.join('・') }),
  };
}

export function RenewalConfirmationsPage(props: {
  ctx: ViewContext;
  fiscalYear: number;
  /** The year members answer for today: only it takes reminders and paper forms. */
  current: boolean;
  deadline: string;
  opensOn: string;
  rows: RenewalStatusRow[];
  counts: { members: number; confirmed: number; notConfirmed: number; notContinuing: number };
  labels: MemberTypeLabels;
  filter: 'all' | 'pending';
}) {
  const { t, locale } = props.ctx;
  const { fiscalYear, labels } = props;
  const shown = props.filter === 'pending' ? props.rows.filter((r) => !r.confirmed_at) : props.rows;
  const base = `/renewals/confirmations?fiscalYear=${fiscalYear}`;
  return (
    <Layout ctx={props.ctx} title={t('renewal.staff.title')}>
      <h1>{t('renewal.staff.heading', { year: fiscalYear })}</h1>
      <p>
        {t('renewal.staff.lead', {
          opens: formatDate(props.opensOn, locale),
          deadline: formatDate(props.deadline, locale),
        })}
      </p>
      <nav class="year-nav" aria-label={t('memberAdmin.renewals.fiscalYear')}>
        <a
          class="button button--secondary"
          href={`/renewals/confirmations?fiscalYear=${fiscalYear - 1}`}
        >
          {t('memberAdmin.renewals.fiscalYearLabel', { year: fiscalYear - 1 })}
        </a>
        <a
          class="button button--secondary"
          href={`/renewals/confirmations?fiscalYear=${fiscalYear + 1}`}
        >
          {t('memberAdmin.renewals.fiscalYearLabel', { year: fiscalYear + 1 })}
        </a>
        <a class="button button--secondary" href="/renewals">
          {t('memberAdmin.renewals.title')}
        </a>
      </nav>

      <dl class="summary-list renewal-counts">
        <div>
          <dt>{t('renewal.staff.confirmed')}</dt>
          <dd>{t('memberAdmin.renewals.count', { count: props.counts.confirmed })}</dd>
        </div>
        <div>
          <dt>{t('renewal.staff.notConfirmed')}</dt>
          <dd>{t('memberAdmin.renewals.count', { count: props.counts.notConfirmed })}</dd>
        </div>
        <div>
          <dt>{t('renewal.staff.notContinuing')}</dt>
          <dd>{t('memberAdmin.renewals.count', { count: props.counts.notContinuing })}</dd>
        </div>
      </dl>

      {props.current && props.counts.notConfirmed > 0 && (
        <form method="post" action="/renewals/reminders" class="card">
          <p>{t('renewal.staff.remindLead', { count: props.counts.notConfirmed })}</p>
          <button type="submit" class="button button--primary">
            {t('renewal.staff.remind', { count: props.counts.notConfirmed })}
          </button>
        </form>
      )}

      <section aria-labelledby="renewal-status-title">
        <h2 id="renewal-status-title">{t('renewal.staff.listTitle')}</h2>
        <nav class="year-nav" aria-label={t('renewal.staff.filter')}>
          <a
            class="button button--secondary"
            href={base}
            aria-current={props.filter === 'all' ? 'page' : undefined}
          >
            {t('renewal.staff.filterAll', { count: props.counts.members })}
          </a>
          <a
            class="button button--secondary"
            href={`${base}&show=pending`}
            aria-current={props.filter === 'pending' ? 'page' : undefined}
          >
            {t('renewal.staff.filterPending', { count: props.counts.notConfirmed })}
          </a>
        </nav>
        {shown.length === 0 ? (
          <p>{t('renewal.staff.empty')}</p>
        ) : (
          <ScrollTable
            labelledBy="renewal-status-title"
            head={[
              t('memberAdmin.field.memberNo'),
              t('memberAdmin.field.nameAndKana'),
              t('memberAdmin.field.kind'),
              t('memberAdmin.field.phone'),
              t('renewal.staff.status'),
              t('renewal.staff.action'),
            ]}
          >
            {shown.map((row) => {
              const answer = answerText(t, row, labels, locale);
              return (
                <tr>
                  <td class="num">{formatMemberNo(row.member_no) ?? t('memberAdmin.noNumber')}</td>
                  <MemberNameCell id={row.id} name={row.name} nameKana={row.name_kana} />
                  <td>{kindLabel(labels, row.kind, locale)}</td>
                  <td class="nowrap">{formatPhone(row.phone)}</td>
                  <td>
                    {answer ? (
                      <>
                        <span class="block">{answer.how}</span>
                        <span class="block">{answer.intent}</span>
                      </>
                    ) : (
                      <strong>{t('renewal.staff.notYet')}</strong>
                    )}
                  </td>
                  <td>
                    {props.current && (
                      <a href={`/renewals/confirmations/${row.id}`}>
                        {t('renewal.staff.recordPaper')}
                      </a>
                    )}
                  </td>
                </tr>
              );
            })}
          </ScrollTable>
        )}
      </section>
    </Layout>
  );
}

/** Staff record a returned paper renewal form for one member. */
export function PaperRenewalPage(props: {
  ctx: ViewContext;
  fiscalYear: number;
  member: { id: string; name: string; requester: boolean; helper: boolean };
  labels: MemberTypeLabels;
  termsVersion: string;
  values: Record<string, string | undefined>;
  errors: FormErrors;
  ruleError?: string | undefined;
}) {
  const { t, locale } = props.ctx;
  const { member, values, errors, labels } = props;
  const question = (side: 'requester' | 'helper') =>
    t('renewal.my.continueQuestion', { side: kindLabel(labels, side, locale) });
  const fieldLabels = {
    continueRequester: question('requester'),
    continueHelper: question('helper'),
    detailsChecked: t('renewal.staff.paperDetails'),
    consent: t('renewal.staff.paperConsent', { version: props.termsVersion }),
  };
  return (
    <Layout ctx={props.ctx} title={t('renewal.staff.paperTitle', { name: member.name })}>
      <p>
        <a href={`/renewals/confirmations?fiscalYear=${props.fiscalYear}`}>
          {t('renewal.staff.back')}
        </a>
      </p>
      <h1>{t('renewal.staff.paperTitle', { name: member.name })}</h1>
      <p>{t('renewal.staff.paperLead', { year: props.fiscalYear })}</p>
      <ErrorSummary t={t} errors={errors} labels={fieldLabels} />
      <RuleAlert title={t('apply.ruleTitle')} message={props.ruleError} />
      <form method="post" action={`/renewals/confirmations/${member.id}`} novalidate class="card">
        <RenewalAnswerFields
          ctx={props.ctx}
          labels={labels}
          requester={member.requester}
          helper={member.helper}
          values={values}
          errors={errors}
          fieldLabels={fieldLabels}
        />
        <SubmitButton>{t('renewal.staff.paperSubmit')}</SubmitButton>
      </form>
    </Layout>
  );
}
