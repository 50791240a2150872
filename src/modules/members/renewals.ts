/**
 * The fiscal-year renewal list (年度更新): a requester lapses at the end of the fiscal year in
 * which their youngest child passes the center's age limit (the `requesterChildUntil` setting:
 * the end of preschool, elementary school or junior high). Pure: dates are Tokyo YYYY-MM-DD strings.
 */
import { fiscalYearEnd } from '../../lib/dates.js';
import { lastEligibleDay, type ChildUntil } from './member-rules.js';

/** March 31 that closes a fiscal year: the kernel's, re-exported for this module's callers. */
export { fiscalYearEnd };

export interface RenewalChild {
  id: string;
  name: string;
  birth_date: string;
}

export interface RenewalEntry<M, C extends RenewalChild> {
  member: M;
  /** Every child, each with its last eligible day under the setting, youngest first. */
  children: (C & { agedOutOn: string })[];
}

/**
 * The members none of whose children is still eligible (under `until`) after the fiscal-year end.
 * A member without any registered child is not listed: there is no youngest child to age out.
 */
export function agedOutAtFiscalYearEnd<M extends { id: string }, C extends RenewalChild>(
  members: M[],
  childrenOf: (memberId: string) => C[],
  fiscalYear: number,
  until: ChildUntil,
): RenewalEntry<M, C>[] {
  const end = fiscalYearEnd(fiscalYear);
  const out: RenewalEntry<M, C>[] = [];
  for (const member of members) {
    const children = childrenOf(member.id)
      .map((c) => ({ ...c, agedOutOn: lastEligibleDay(c.birth_date, until) }))
      .sort((a, b) => (a.birth_date < b.birth_date ? 1 : -1));
    if (children.length > 0 && children.every((c) => c.agedOutOn <= end))
      out.push({ member, children });
  }
  return out;
}
