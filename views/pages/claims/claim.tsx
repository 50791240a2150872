import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { ErrorSummary, TextField, type FormErrors } from '../../components/form-fields.js';
import { formatDate, formatMonth, yen } from '../../format.js';
import type { ClaimLine, MonthlyClaim } from '../../../src/modules/subsidies/claim-rules.js';
import type { ClaimRow } from '../../../src/modules/claims/claims.queries.js';
import { CLAIM_SCHEMES } from '../../../src/modules/claims/ledger-rules.js';
import type { Translator } from '../../../src/lib/i18n.js';
import { DataTable } from '../../components/data-table.js';

/**
 * A family's monthly claim (申請書, issue #18 point 5): on a phone a readable list, printed one
 * A4 form to sign (print.css hides the site's frame and the `no-print` parts). Every counted
 * line and every excluded line with its reason; for staff, the submit and decision forms.
 */

const lineLabel = (t: Translator, l: ClaimLine, names: Map<string, string>) =>
  `${t(`claims.kind.${l.kind}`)}${l.childId ? `（${names.get(l.childId) ?? ''}）` : ''}`;

/**
 * A staff form sent back (422): the submit form of a scheme, or the decision form of a claim,
 * with the messages per field and the values as typed.
 */
export type ClaimFormState =
  | { form: 'submit'; errors: FormErrors; values: Record<string, string> }
  | { form: 'decision'; claimId: string; errors: FormErrors; values: Record<string, string> };

export interface ClaimPageProps {
  ctx: ViewContext;
  member: { id: string; name: string; member_no: number | null };
  claim: MonthlyClaim;
  records: ClaimRow[];
  isStaff: boolean;
  today: string;
  sent?: ClaimFormState | undefined;
}

export function ClaimPage(props: ClaimPageProps) {
  const { ctx, claim, member } = props;
  const { t, locale } = ctx;
  const names = new Map(claim.freeChildcare.children.map((c) => [c.child.id, c.child.name]));
  const month = formatMonth(claim.month, locale);
  const s = claim.subsidy;
  return (
    <Layout ctx={ctx} title={t('claims.title', { month })}>
      <h1>{t('claims.title', { month })}</h1>
      <dl class="summary-list">
        <div>
          <dt>{t('claims.family')}</dt>
          <dd>
            {member.name}
            {member.member_no !== null && ` ${t('claims.memberNo', { no: member.member_no })}`}
          </dd>
        </div>
        <div>
          <dt>{t('claims.linesTotal')}</dt>
          <dd>{yen(claim.linesTotal, locale)}</dd>
        </div>
      </dl>

      <h2>{t('claims.freeChildcare')}</h2>
      {claim.freeChildcare.children.map((c) => (
        <section class="card">
          <h3>
            {t('claims.child', {
              name: c.child.name,
              band: t(`claims.band.${c.band}`),
              cap: yen(c.cap, locale),
            })}
          </h3>
          <div
            class="table-scroll"
            tabindex={0}
            role="region"
            aria-label={t('claims.title', { month })}
          >
            <DataTable
              head={[t('claims.col.date'), t('claims.col.amount'), t('claims.col.claimed')]}
            >
              {c.lines.map((l) => (
                <tr>
                  <td>{formatDate(l.date, locale)}</td>
                  <td>{yen(l.amount, locale)}</td>
                  <td>{yen(l.reimbursed, locale)}</td>
                </tr>
              ))}
            </DataTable>
          </div>
          <Excluded t={t} locale={locale} lines={c.excluded} names={names} />
          <p>
            <strong>{t('claims.total', { amount: yen(c.amount, locale) })}</strong>
          </p>
        </section>
      ))}
      <p>
        <strong>{t('claims.total', { amount: yen(claim.freeChildcare.total, locale) })}</strong>
      </p>

      <h2>{t('claims.subsidy')}</h2>
      <section class="card">
        {s.category === null ? (
          <p>{t('claims.noCategory')}</p>
        ) : (
          <>
            <h3>
              {t('claims.category', {
                category: t(`subsidies.category.${s.category}`),
                cap: yen(s.cap, locale),
              })}
            </h3>
            <div
              class="table-scroll"
              tabindex={0}
              role="region"
              aria-label={t('claims.title', { month })}
            >
              <DataTable
                head={[
                  t('claims.col.date'),
                  t('claims.col.line'),
                  t('claims.col.amount'),
                  t('claims.col.base'),
                ]}
              >
                {s.lines.map((l) => (
                  <tr>
                    <td>{formatDate(l.date, locale)}</td>
                    <td>{lineLabel(t, l, names)}</td>
                    <td>{yen(l.amount, locale)}</td>
                    <td>{yen(l.base, locale)}</td>
                  </tr>
                ))}
              </DataTable>
            </div>
          </>
        )}
        <Excluded t={t} locale={locale} lines={s.excluded} names={names} />
        <p>
          {t('claims.computed', {
            computed: yen(s.computed, locale),
            amount: yen(s.amount, locale),
          })}
        </p>
      </section>

      <p>{t('claims.attach')}</p>
      <p class="claim-signature">{t('claims.signature')}：＿＿＿＿＿＿＿＿＿＿＿＿</p>

      <div class="no-print">
        <button type="button" class="button" onclick="window.print()">
          {t('claims.print')}
        </button>
        <Records {...props} />
      </div>
    </Layout>
  );
}

function Excluded(props: {
  t: Translator;
  locale: ViewContext['locale'];
  lines: (ClaimLine & { reason: string })[];
  names: Map<string, string>;
}) {
  const { t, locale } = props;
  if (props.lines.length === 0) return <></>;
  return (
    <details open>
      <summary>{t('claims.excluded')}</summary>
      <ul>
        {props.lines.map((l) => (
          <li>
            {formatDate(l.date, locale)} {lineLabel(t, l, props.names)} {yen(l.amount, locale)}：
            {t(`claims.reason.${l.reason}` as 'claims.reason.cost')}
          </li>
        ))}
      </ul>
    </details>
  );
}

function Records(props: ClaimPageProps) {
  const { t, locale } = props.ctx;
  const sent = props.sent;
  return (
    <section aria-labelledby="claim-status">
      <h2 id="claim-status">{t('claims.status')}</h2>
      {sent?.form === 'submit' && (
        <ErrorSummary
          t={t}
          errors={sent.errors}
          labels={{ month: t('claims.col.month'), scheme: t('claims.field.scheme') }}
          idOf={() => 'claim-status'}
        />
      )}
      {CLAIM_SCHEMES.map((scheme) => {
        const r = props.records.find((x) => x.scheme === scheme && x.month === props.claim.month);
        if (!r)
          return props.isStaff ? (
            <form method="post" action={`/members/${props.member.id}/claims`}>
              <input type="hidden" name="month" value={props.claim.month} />
              <input type="hidden" name="scheme" value={scheme} />
              <button type="submit" class="button">
                {t(`claims.submit.${scheme}`)}
              </button>
            </form>
          ) : (
            <></>
          );
        const step = r.status === 'submitted' ? 'approve' : r.status === 'approved' ? 'pay' : null;
        const mine = sent?.form === 'decision' && sent.claimId === r.id ? sent : undefined;
        const idOf = (field: string) => `claim-${r.id}-${field}`;
        const labels = { amount: t('claims.decision.amount'), on: t('claims.decision.on') };
        return (
          <div class="card">
            <p>
              {t(`claims.scheme.${scheme}`)}：{t(`claims.status.${r.status}`)}（
              {yen(r.claimed_amount, locale)}・{formatDate(r.submitted_on, locale)}）
              {r.approved_on &&
                ` ${t('claims.col.approved')} ${yen(r.approved_amount ?? 0, locale)}（${formatDate(r.approved_on, locale)}）`}
              {r.paid_on &&
                ` ${t('claims.col.paid')} ${yen(r.paid_amount ?? 0, locale)}（${formatDate(r.paid_on, locale)}）`}
            </p>
            {props.isStaff && step && mine && (
              <ErrorSummary t={t} errors={mine.errors} labels={labels} idOf={idOf} />
            )}
            {props.isStaff && step && (
              <form method="post" action={`/claims/${r.id}/${step}`} class="member-form">
                <div class="act-times">
                  <TextField
                    t={t}
                    name="amount"
                    id={idOf('amount')}
                    label={labels.amount}
                    value={
                      mine
                        ? (mine.values.amount ?? '')
                        : String(step === 'approve' ? r.claimed_amount : (r.approved_amount ?? 0))
                    }
                    error={mine?.errors.amount}
                    inputmode="numeric"
                    size="short"
                  />
                  <TextField
                    t={t}
                    name="on"
                    id={idOf('on')}
                    label={labels.on}
                    type="date"
                    value={mine ? (mine.values.on ?? '') : props.today}
                    error={mine?.errors.on}
                  />
                </div>
                <button type="submit" class="button button--primary">
                  {t(`claims.${step}`)}
                </button>
              </form>
            )}
          </div>
        );
      })}
    </section>
  );
}
