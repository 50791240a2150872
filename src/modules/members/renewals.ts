/**
 * The fiscal-year renewal list (年度更新): a requester lapses at the end of the fiscal year in
 * which their youngest child leaves elementary school. Pure: dates are Tokyo YYYY-MM-DD strings.
 */
import { fiscalYearEnd } from '../../lib/dates.js';
import { endOfElementarySchool } from './member-rules.js';

/** March 31 that closes a fiscal year: the kernel's, re-exported for this module's callers. */
export { fiscalYearEnd };

export interface RenewalChild {
  id: string;
  name: string;
  birth_date: string;
}

export interface RenewalEntry<M, C extends RenewalChild> {
  member: M;
  /** Every child, each with the last day of elementary school, youngest first. */
  children: (C & { agedOutOn: string })[];
}

/**
 * The members none of whose children is still in elementary school at the fiscal-year end.
 * A member without any registered child is not listed: there is no youngest child to age out.
 */
export function agedOutAtFiscalYearEnd<M extends { id: string }, C extends RenewalChild>(
  members: M[],
  childrenOf: (memberId: string) => C[],
  fiscalYear: number,
): RenewalEntry<M, C>[] {
  const end = fiscalYearEnd(fiscalYear);
  const out: RenewalEntry<M, C>[] = [];
  for (const member of members) {
    const children = childrenOf(member.id)
      .map((c) => ({ ...c, agedOutOn: endOfElementarySchool(c.birth_date) }))
      .sort((a, b) => (a.birth_date < b.birth_date ? 1 : -1));
    if (children.length > 0 && children.every((c) => c.agedOutOn <= end))
      out.push({ member, children });
  }
  return out;
}
