import { sql } from 'kysely';
import type { Db } from '../../lib/db.js';
import type { Child } from '../../../db/schema.js';
import { findMemberById, type MemberWithEmail } from './members.queries.js';

/** Active requesters (also `both` members) with their current children, for the renewal list. */
export async function listActiveRequestersWithChildren(db: Db) {
  const members = await db
    .selectFrom('member')
    .selectAll()
    .where('requester_status', '=', 'active')
    .where('withdrawn_at', 'is', null)
    .orderBy('name_kana')
    .orderBy('id')
    .execute();
  const children: Child[] = members.length
    ? await db
        .selectFrom('child')
        .selectAll()
        .where('removed_at', 'is', null)
        .where(
          'member_id',
          'in',
          db
            .selectFrom('member')
            .select('id')
            .where('requester_status', '=', 'active')
            .where('withdrawn_at', 'is', null),
        )
        .execute()
    : [];
  const byMember = new Map<string, Child[]>();
  for (const child of children) {
    const list = byMember.get(child.member_id) ?? [];
    list.push(child);
    byMember.set(child.member_id, list);
  }
  return { members, childrenOf: (memberId: string) => byMember.get(memberId) ?? [] };
}

export type IdentifiedMember =
  { found: true; member: MemberWithEmail } | { found: false; reason: 'not_found' | 'ambiguous' };

/**
 * A member named the way staff have it at hand: a member number ("12", "00012"), a phone number
 * (with or without hyphens) or an email address. Applicants have no number yet, hence the others.
 */
export async function findMemberByIdentifier(db: Db, input: string): Promise<IdentifiedMember> {
  const text = input.normalize('NFKC').trim();
  let ids: { id: string }[] = [];
  if (text.includes('@')) {
    ids = await db
      .selectFrom('member')
      .innerJoin('user', 'user.id', 'member.user_id')
      .select('member.id')
      .where(sql<string>`lower(user.email)`, '=', text.toLowerCase())
      .where('member.purged_at', 'is', null)
      .execute();
  } else {
    const digits = text.replace(/[-\s]/g, '');
    if (/^0\d{9,10}$/.test(digits)) {
      ids = await db
        .selectFrom('member')
        .select('id')
        .where(sql<string>`replace(phone, '-', '')`, '=', digits)
        .where('purged_at', 'is', null)
        .execute();
    } else if (/^\d{1,8}$/.test(digits)) {
      ids = await db
        .selectFrom('member')
        .select('id')
        .where('member_no', '=', Number(digits))
        .execute();
    }
  }
  if (ids.length === 0) return { found: false, reason: 'not_found' };
  if (ids.length > 1) return { found: false, reason: 'ambiguous' };
  const member = await findMemberById(db, ids[0]!.id);
  return member ? { found: true, member } : { found: false, reason: 'not_found' };
}
