/**
 * The city ledger of claims (issue #18 point 5), pure: totals by scheme and category of the
 * claims of a month or a fiscal year. Integer yen; nothing is rounded here (claims were rounded
 * when computed: claim-rules.ts `claimYen`).
 */

export const CLAIM_SCHEMES = ['subsidy', 'free_childcare'] as const;
export type ClaimScheme = (typeof CLAIM_SCHEMES)[number];
export const CLAIM_STATUSES = ['submitted', 'approved', 'paid'] as const;

export interface LedgerEntry {
  scheme: ClaimScheme;
  category: string | null;
  claimed_amount: number;
  approved_amount: number | null;
  paid_amount: number | null;
}

export interface LedgerTotal {
  /** A subsidy category, or 'free_childcare'. */
  bucket: string;
  count: number;
  claimed: number;
  approved: number;
  paid: number;
}

export const bucketOf = (e: Pick<LedgerEntry, 'scheme' | 'category'>) =>
  e.scheme === 'free_childcare' ? 'free_childcare' : (e.category ?? 'unknown');

/** Totals per bucket in the order given (`order`: the buckets to list, even when empty). */
export function ledgerTotals(entries: readonly LedgerEntry[], order: readonly string[]) {
  const totals = new Map<string, LedgerTotal>(
    order.map((bucket) => [bucket, { bucket, count: 0, claimed: 0, approved: 0, paid: 0 }]),
  );
  for (const e of entries) {
    const bucket = bucketOf(e);
    const t = totals.get(bucket) ?? { bucket, count: 0, claimed: 0, approved: 0, paid: 0 };
    t.count += 1;
    t.claimed += e.claimed_amount;
    t.approved += e.approved_amount ?? 0;
    t.paid += e.paid_amount ?? 0;
    totals.set(bucket, t);
  }
  const rows = [...totals.values()];
  const all = rows.reduce(
    (a, t) => ({
      bucket: 'total',
      count: a.count + t.count,
      claimed: a.claimed + t.claimed,
      approved: a.approved + t.approved,
      paid: a.paid + t.paid,
    }),
    { bucket: 'total', count: 0, claimed: 0, approved: 0, paid: 0 },
  );
  return { rows, all };
}
