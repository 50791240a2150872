import { ScrollTable } from '../../components/scroll-table.js';
import type { ViewContext } from '../../view-context.js';
import { formatDate } from '../../../src/lib/dates.js';
import type { MonthMoney } from '../../../src/modules/claims/claims.service.js';
import { shortDay, yen } from '../../format.js';

/**
 * The money of a family's monthly statement (issue #18 point 6): each amount's payment (state,
 * date, method) and what the family can claim for the month — the city's fee subsidy and 無償化,
 * as the monthly claim computes them.
 */
export function StatementMoney(props: { ctx: ViewContext; money: MonthMoney; claimHref: string }) {
  const { t, locale } = props.ctx;
  const { claim, payments } = props.money;
  return (
    <section class="stmt-money" aria-labelledby="money-title">
      <h3 id="money-title">{t('claims.statement.payments')}</h3>
      {payments.length === 0 ? (
        <p>{t('statements.none')}</p>
      ) : (
        <ScrollTable
          labelledBy="money-title"
          class="stmt-table"
          head={[
            t('statements.date'),
            t('claims.statement.subject'),
            { label: t('claims.statement.due'), class: 'num' },
            t('claims.statement.state'),
            t('claims.statement.paidOn'),
            t('claims.statement.method'),
          ]}
        >
          {payments.map((p) => (
            <tr>
              <td class="nowrap">{shortDay(p.date, locale)}</td>
              <td>{t(`claims.statement.kind.${p.kind}`)}</td>
              <td class="num">{yen(p.due, locale)}</td>
              <td>{t(`payments.state.${p.state}`)}</td>
              <td class="nowrap">{p.paidOn === null ? '—' : formatDate(p.paidOn, locale)}</td>
              <td>{p.method === null ? '—' : t(`payments.method.${p.method}`)}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
      <h3 id="claimable-title">{t('claims.statement.claimable')}</h3>
      <dl class="summary-list stmt-totals">
        <div>
          <dt>
            {t('claims.subsidy')}
            {claim.subsidy.category !== null &&
              t('activities.paren', {
                text: t(`subsidies.category.${claim.subsidy.category}`),
              })}
          </dt>
          <dd>{yen(claim.subsidy.amount, locale)}</dd>
        </div>
        {claim.freeChildcare.children.map((k) => (
          <div>
            <dt>
              {t('claims.freeChildcare')}
              {t('activities.paren', { text: k.child.name })}
            </dt>
            <dd>{yen(k.amount, locale)}</dd>
          </div>
        ))}
        <div class="stmt-money-total">
          <dt>{t('claims.statement.claimableTotal')}</dt>
          <dd>{yen(claim.subsidy.amount + claim.freeChildcare.total, locale)}</dd>
        </div>
      </dl>
      <p class="hint">
        {t('claims.statement.claimNote')}{' '}
        <a class="no-print" href={props.claimHref}>
          {t('claims.link')}
        </a>
      </p>
    </section>
  );
}
