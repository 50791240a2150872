import { Layout } from '../../layout.js';
import type { ViewContext } from '../../view-context.js';
import { formatDate, formatMonth, yen } from '../../format.js';
import { TextField } from '../../components/form-fields.js';
import type { Ledger } from '../../../src/modules/claims/claims.service.js';
import { bucketLabel } from '../../../src/modules/claims/ledger-csv.js';
import { DataTable } from '../../components/data-table.js';

/** The city ledger of claims (issue #18 point 5): a month or a fiscal year, to print or export. */
export function LedgerPage(props: { ctx: ViewContext; ledger: Ledger; query: string }) {
  const { ctx, ledger } = props;
  const { t, locale } = ctx;
  const period =
    'month' in ledger.period
      ? t('claims.ledger.month', { month: formatMonth(ledger.period.month, locale) })
      : t('claims.ledger.fiscalYear', { year: ledger.period.fiscalYear });
  return (
    <Layout ctx={ctx} title={`${t('claims.ledger.title')} ${period}`}>
      <h1>
        {t('claims.ledger.title')} {period}
      </h1>
      <form method="get" action="/claims/ledger" class="no-print member-form">
        <TextField
          t={t}
          name="month"
          label={t('claims.col.month')}
          hint="YYYY-MM"
          value={'month' in ledger.period ? ledger.period.month : ''}
          size="short"
        />
        <button type="submit" class="button">
          {t('claims.ledger.show')}
        </button>
      </form>
      <p class="no-print">
        <a class="button" href={`/claims/ledger.csv?${props.query}`}>
          {t('claims.ledger.csv')}
        </a>{' '}
        <button type="button" class="button" onclick="window.print()">
          {t('claims.print')}
        </button>
      </p>
      <h2>{t('claims.ledger.totals')}</h2>
      <div class="table-scroll" tabindex={0} role="region" aria-label={t('claims.ledger.title')}>
        <DataTable
          head={[
            t('claims.col.category'),
            t('claims.col.count'),
            t('claims.col.claimed'),
            t('claims.col.approved'),
            t('claims.col.paid'),
          ]}
        >
          {[...ledger.totals.rows, ledger.totals.all].map((r) => (
            <tr>
              <th scope="row">{bucketLabel(t, r.bucket)}</th>
              <td>{r.count}</td>
              <td>{yen(r.claimed, locale)}</td>
              <td>{yen(r.approved, locale)}</td>
              <td>{yen(r.paid, locale)}</td>
            </tr>
          ))}
        </DataTable>
      </div>
      {ledger.rows.length === 0 ? (
        <p>{t('claims.ledger.none')}</p>
      ) : (
        <div class="table-scroll" tabindex={0} role="region" aria-label={t('claims.ledger.title')}>
          <DataTable
            head={[
              t('claims.col.month'),
              t('claims.col.member'),
              t('claims.col.category'),
              t('claims.col.claimed'),
              t('claims.col.status'),
              t('claims.col.paid'),
            ]}
          >
            {ledger.rows.map((r) => (
              <tr>
                <td>{formatMonth(r.month, locale)}</td>
                <td>
                  <a href={`/members/${r.member_id}/claims/${r.month}`}>{r.member_name}</a>
                </td>
                <td>{bucketLabel(t, r.scheme === 'subsidy' ? (r.category ?? '') : r.scheme)}</td>
                <td>{yen(r.claimed_amount, locale)}</td>
                <td>{t(`claims.status.${r.status}`)}</td>
                <td>
                  {r.paid_on
                    ? `${yen(r.paid_amount ?? 0, locale)}（${formatDate(r.paid_on, locale)}）`
                    : ''}
                </td>
              </tr>
            ))}
          </DataTable>
        </div>
      )}
    </Layout>
  );
}
