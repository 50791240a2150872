import { sql } from 'kysely';
import type { Db } from '../../lib/db.js';
import type { Side } from '../../../db/schema.js';
import { phoneDigits, searchKey } from '../../lib/search-key.js';
import { normalizeKana } from './member-rules.js';
import type { MemberListQuery } from './members.schemas.js';

const memberColumns = (db: Db) =>
  db
    .selectFrom('member')
    .innerJoin('user', 'user.id', 'member.user_id')
    .selectAll('member')
    .select('user.email');

export type MemberWithEmail = NonNullable<Awaited<ReturnType<typeof findMemberById>>>;

export function findMemberById(db: Db, id: string) {
  return memberColumns(db).where('member.id', '=', id).executeTakeFirst();
}

export function findMemberByUserId(db: Db, userId: string) {
  return memberColumns(db).where('member.user_id', '=', userId).executeTakeFirst();
}

/** The staff directory: search by name, kana, member number or phone; filter by side, status, area. */
export async function listMembers(db: Db, query: MemberListQuery) {
  let q = memberColumns(db).where('member.purged_at', 'is', null);
  const side: Side | undefined = query.kind === 'both' ? undefined : query.kind;
  if (query.kind === 'both') q = q.where('member.kind', '=', 'both');
  else if (side) q = q.where('member.kind', 'in', [side, 'both']);
  if (query.status) {
    const status = query.status;
    if (side === 'requester') q = q.where('member.requester_status', '=', status);
    else if (side === 'helper') q = q.where('member.helper_status', '=', status);
    else
      q = q.where((eb) =>
        eb.or([
          eb('member.requester_status', '=', status),
          eb('member.helper_status', '=', status),
        ]),
      );
  }
  if (query.area) q = q.where('member.area', '=', query.area);
  if (query.q) {
    const text = query.q;
    const escape = (v: string) => v.replace(/[%_\\]/g, (m) => `\\${m}`);
    const key = searchKey(text);
    // Digits are a phone or member number only when nothing else was typed ("港町3丁目" is not).
    const digits = /^[\d\s()+-]+$/.test(text.normalize('NFKC').replace(/[‐―ー]/g, '-'))
      ? phoneDigits(text)
      : '';
    const like = (v: string) => sql<string>`${`%${escape(v)}%`} ESCAPE '\\'`;
    q = q.where((eb) =>
      eb.or([
        ...(key ? [eb('member.search_key', 'like', like(key))] : []),
        eb('user.email', 'like', like(text.normalize('NFKC').trim())),
        ...(digits
          ? [
              eb('member.member_no', '=', Number(digits)),
              eb('member.phone_key', 'like', like(digits)),
            ]
          : []),
        // Rows the backfill has not reached yet (migration 0016) are matched as before it.
        eb.and([
          eb('member.search_key', 'is', null),
          eb.or([
            eb(sql`member.name`, 'like', like(text)),
            eb(
              sql`replace(member.name_kana, ' ', '')`,
              'like',
              like(normalizeKana(text).replace(/ /g, '')),
            ),
            ...(digits ? [eb(sql`replace(member.phone, '-', '')`, 'like', like(digits))] : []),
          ]),
        ]),
      ]),
    );
  }
  const [items, total] = await Promise.all([
    q
      .orderBy('member.name_kana')
      .orderBy('member.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export function listChildren(db: Db, memberId: string) {
  return db
    .selectFrom('child')
    .selectAll()
    .where('member_id', '=', memberId)
    .where('removed_at', 'is', null)
    .orderBy('birth_date')
    .execute();
}

export function findChildById(db: Db, id: string) {
  return db
    .selectFrom('child')
    .selectAll()
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
}

export function listEmergencyContacts(db: Db, memberId: string) {
  return db
    .selectFrom('emergency_contact')
    .selectAll()
    .where('member_id', '=', memberId)
    .orderBy('created_at')
    .execute();
}

export function listAuthorizedPickups(db: Db, memberId: string) {
  return db
    .selectFrom('authorized_pickup')
    .selectAll()
    .where('member_id', '=', memberId)
    .orderBy('created_at')
    .execute();
}

export function listStatusEvents(db: Db, memberId: string) {
  return db
    .selectFrom('member_status_event')
    .leftJoin('user', 'user.id', 'member_status_event.actor_user_id')
    .selectAll('member_status_event')
    .select('user.name as actor_name')
    .where('member_id', '=', memberId)
    .orderBy('at', 'desc')
    .execute();
}

export async function hasAttendedOrientation(db: Db, memberId: string): Promise<boolean> {
  const row = await db
    .selectFrom('orientation_registration')
    .select('id')
    .where('member_id', '=', memberId)
    .where('attended', '=', 1)
    .executeTakeFirst();
  return !!row;
}

/** Members whose search keys predate them (migration 0016): at most `limit`, for the backfill. */
export function listMembersWithoutSearchKey(db: Db, limit: number) {
  return db
    .selectFrom('member')
    .select(['id', 'name', 'name_kana', 'address', 'phone'])
    .where('search_key', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute();
}
