import { MemberNameCell } from '../../../components/member-name-cell.js';
import { ScrollTable } from '../../../components/scroll-table.js';
import { Layout } from '../../../layout.js';
import type { ViewContext } from '../../../view-context.js';
import { formatDate } from '../../../../src/lib/dates.js';
import { formatMemberNo } from '../../../../src/modules/members/members.json.js';
import type { MemberTypeLabels } from '../../../../src/modules/settings/settings.schemas.js';
import type { MemberKind } from '../../../../db/schema.js';
import { Checkbox } from '../../../components/form-fields.js';
import { kindLabel } from '../labels.js';
import type { ChildUntil } from '../../../../src/modules/members/member-rules.js';
import { formatPhone, plainDate } from '../../../format.js';

/** A member as the renewal lists show them. */
export interface RenewalMember {
  id: string;
  member_no: number | null;
  name: string;
  name_kana: string;
  kind: MemberKind;
  phone: string;
}

export interface RenewalRow {
  member: RenewalMember;
  children: { id: string; name: string; birth_date: string; agedOutOn: string }[];
}

export function RenewalsPage(props: {
  ctx: ViewContext;
  fiscalYear: number;
  fiscalYearEnd: string;
  rows: RenewalRow[];
  /** The fiscal year is over: its list can be lapsed. */
  canLapse: boolean;
  labels: MemberTypeLabels;
  /** The center's age limit (`requesterChildUntil`) the list follows. */
  until: ChildUntil;
  failure?: { field?: string; message: string } | undefined;
}) {
  const { t, locale } = props.ctx;
  const { fiscalYear, labels } = props;
  const lapsing = props.rows.filter((r) => r.member.kind === 'requester');
  const end = formatDate(props.fiscalYearEnd, locale);
  return (
    <Layout ctx={props.ctx} title={t('memberAdmin.renewals.title')}>
      <h1>{t('memberAdmin.renewals.heading', { year: fiscalYear })}</h1>
      <p>
        {t('memberAdmin.renewals.lead', {
          end,
          limit: t(`settings.eligibility.until.${props.until}`),
        })}
      </p>
      <nav class="year-nav" aria-label={t('memberAdmin.renewals.fiscalYear')}>
        <a class="button button--secondary" href={`/renewals?fiscalYear=${fiscalYear - 1}`}>
          {t('memberAdmin.renewals.prev')}（
          {t('memberAdmin.renewals.fiscalYearLabel', { year: fiscalYear - 1 })}）
        </a>
        <a class="button button--secondary" href={`/renewals?fiscalYear=${fiscalYear + 1}`}>
          {t('memberAdmin.renewals.next')}（
          {t('memberAdmin.renewals.fiscalYearLabel', { year: fiscalYear + 1 })}）
        </a>
      </nav>

      {props.failure && !props.failure.field && (
        <div class="alert alert--error" role="alert">
          <p>
            <strong>{t('memberAdmin.actionFailed')}：</strong>
            {props.failure.message}
          </p>
        </div>
      )}

      <section aria-labelledby="renewal-list-title">
        <h2 id="renewal-list-title">
          {t('memberAdmin.renewals.fiscalYearLabel', { year: fiscalYear })}
          <span class="results-head__count">
            {t('memberAdmin.renewals.count', { count: props.rows.length })}
          </span>
        </h2>
        {props.rows.length === 0 ? (
          <p>{t('memberAdmin.renewals.empty')}</p>
        ) : (
          <ScrollTable
            labelledBy="renewal-list-title"
            head={[
              t('memberAdmin.field.memberNo'),
              t('memberAdmin.field.nameAndKana'),
              t('memberAdmin.field.kind'),
              t('memberAdmin.field.phone'),
              t('memberAdmin.renewals.children'),
              t('memberAdmin.renewals.note'),
            ]}
          >
            {props.rows.map(({ member, children }) => (
              <tr>
                <td class="num">{formatMemberNo(member.member_no) ?? t('memberAdmin.noNumber')}</td>
                <MemberNameCell id={member.id} name={member.name} nameKana={member.name_kana} />
                <td>{kindLabel(labels, member.kind, locale)}</td>
                <td class="nowrap">{formatPhone(member.phone)}</td>
                <td>
                  <ul class="plain-list">
                    {children.map((c) => (
                      <li>
                        <span class="block">
                          {t('memberAdmin.renewals.childBorn', {
                            name: c.name,
                            birth: plainDate(c.birth_date, locale),
                          })}
                        </span>
                        <span class="block nowrap">
                          {t('memberAdmin.renewals.childLeaves', {
                            date: plainDate(c.agedOutOn, locale),
                          })}
                        </span>
                      </li>
                    ))}
                  </ul>
                </td>
                <td class="wrap">
                  {member.kind === 'both'
                    ? t('memberAdmin.renewals.bothNote', {
                        both: kindLabel(labels, 'both', locale),
                      })
                    : ''}
                </td>
              </tr>
            ))}
          </ScrollTable>
        )}
      </section>

      {lapsing.length > 0 && (
        <section aria-labelledby="lapse-title" class="card">
          <h2 id="lapse-title">{t('memberAdmin.renewals.lapse')}</h2>
          {props.canLapse ? (
            <form method="post" action="/renewals/lapse" novalidate>
              <input type="hidden" name="fiscalYear" value={String(fiscalYear)} />
              <p>
                {t('memberAdmin.renewals.lapseLead', {
                  requester: kindLabel(labels, 'requester', locale),
                  count: lapsing.length,
                })}
              </p>
              <Checkbox
                id="lapse-confirm"
                checked={false}
                name="confirm"
                value="yes"
                label={t('memberAdmin.renewals.lapseConfirm')}
                error={props.failure?.field === 'confirm' ? props.failure.message : undefined}
              />
              <button type="submit" class="button button--danger">
                {t('memberAdmin.renewals.lapseSubmit', { count: lapsing.length })}
              </button>
            </form>
          ) : (
            <p>{t('memberAdmin.renewals.lapseNotYet', { end })}</p>
          )}
        </section>
      )}
    </Layout>
  );
}
