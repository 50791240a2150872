import { toCsv } from '../../lib/csv.js';
import type { Translator } from '../../lib/i18n.js';
import { SUBSIDY_CATEGORIES } from '../subsidies/eligibility-rules.js';
import type { Ledger } from './claims.service.js';

/**
 * The city ledger as Excel CSV: UTF-8 with BOM, formula-safe (src/lib/csv.ts), headers and
 * labels in the reader's language (Japanese for the city). One row per claim, then the totals
 * by category.
 */

/** A subsidy category, 無償化 or the grand total, in the reader's language. */
export function bucketLabel(t: Translator, bucket: string): string {
  if ((SUBSIDY_CATEGORIES as readonly string[]).includes(bucket))
    return t(`subsidies.category.${bucket}` as 'subsidies.category.single_parent');
  if (bucket === 'free_childcare') return t('claims.ledger.bucket.free_childcare');
  if (bucket === 'total') return t('claims.ledger.bucket.total');
  return bucket;
}

export function ledgerCsv(t: Translator, ledger: Ledger): string {
  const headers = [
    t('claims.col.month'),
    t('claims.col.member'),
    t('claims.col.category'),
    t('claims.col.claimed'),
    t('claims.col.submittedOn'),
    t('claims.col.status'),
    t('claims.col.approved'),
    t('claims.col.approvedOn'),
    t('claims.col.paid'),
    t('claims.col.paidOn'),
  ];
  const rows = ledger.rows.map((r) => [
    r.month,
    r.member_no === null ? r.member_name : `${r.member_no} ${r.member_name}`,
    bucketLabel(t, r.scheme === 'subsidy' ? (r.category ?? '') : r.scheme),
    r.claimed_amount,
    r.submitted_on,
    t(`claims.status.${r.status}`),
    r.approved_amount,
    r.approved_on,
    r.paid_amount,
    r.paid_on,
  ]);
  const totals = [...ledger.totals.rows, ledger.totals.all].map((x) => [
    t('claims.ledger.totals'),
    `${x.count}`,
    bucketLabel(t, x.bucket),
    x.claimed,
    null,
    null,
    x.approved,
    null,
    x.paid,
    null,
  ]);
  return toCsv(headers, [...rows, ...totals]);
}

export const ledgerFilename = (period: Ledger['period']) =>
  'month' in period
    ? `tsunagu-claims-${period.month}.csv`
    : `tsunagu-claims-fy${period.fiscalYear}.csv`;
