import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../lib/db.js';
import { withWriterName } from '../../lib/query-fragments.js';
import { pageWithTotal } from '../../lib/sql.js';
import type {
  ChildTable,
  EmergencyContactTable,
  MemberStatusEventTable,
  MemberTable,
  Side,
  SideStatus,
  UserTable,
} from '../../../db/schema.js';
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

/** A member on a staff sheet: number, names, kind, phone and the state of each side. */
export const memberSheetColumns = [
  'member.member_no',
  'member.name',
  'member.name_kana',
  'member.kind',
  'member.phone',
  'member.requester_status',
  'member.helper_status',
] as const;

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
  return pageWithTotal(
    q
      .orderBy('member.name_kana')
      .orderBy('member.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q,
  );
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

/** Emergency contacts and authorized pickups: the same columns, one table each. */
type ContactTable = 'emergency_contact' | 'authorized_pickup';

/** A member's contacts of one kind, in the order they were added. */
function listContacts(db: Db, table: ContactTable, memberId: string) {
  return db
    .selectFrom(table)
    .selectAll()
    .where('member_id', '=', memberId)
    .orderBy('created_at')
    .execute();
}

export function listEmergencyContacts(db: Db, memberId: string) {
  return listContacts(db, 'emergency_contact', memberId);
}

export function listAuthorizedPickups(db: Db, memberId: string) {
  return listContacts(db, 'authorized_pickup', memberId);
}

export function listStatusEvents(db: Db, memberId: string) {
  return withWriterName(db, 'member_status_event', 'actor_user_id', 'actor_name')
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

// ---------------------------------------------------------------------------------------------
// Writes of the service (builders for its atomic batches)

export function buildInsertMemberUser(db: Db, row: Insertable<UserTable>) {
  return db.insertInto('user').values(row);
}

export function buildInsertMember(db: Db, row: Insertable<MemberTable>) {
  return db.insertInto('member').values(row);
}

export function buildInsertChild(db: Db, row: Insertable<ChildTable>) {
  return db.insertInto('child').values(row);
}

export function buildInsertEmergencyContact(db: Db, row: Insertable<EmergencyContactTable>) {
  return db.insertInto('emergency_contact').values(row);
}

export function buildInsertStatusEvent(db: Db, row: Insertable<MemberStatusEventTable>) {
  return db.insertInto('member_status_event').values(row);
}

/** A side's status change: no row unless the side is in one of the `from` states. */
export function buildChangeSideStatus(
  db: Db,
  memberId: string,
  column: 'requester_status' | 'helper_status',
  from: SideStatus[],
  set: Updateable<MemberTable>,
) {
  return buildUpdateMember(db, memberId, set).where(column, 'in', from);
}

/**
 * The login follows the member's sides: disabled when none is applied or active, enabled again
 * when one is; `endSessions` also signs the member out everywhere.
 */
export function buildLoginFollowsSides(db: Db, userId: string, now: string, endSessions: boolean) {
  const usable = sql<boolean>`EXISTS (SELECT 1 FROM member WHERE member.user_id = ${userId} AND (requester_status IN ('applied', 'active') OR helper_status IN ('applied', 'active')))`;
  return [
    ...(endSessions ? [db.deleteFrom('session').where('user_id', '=', userId)] : []),
    db
      .updateTable('user')
      .set({ disabled_at: now, updated_at: now })
      .where('id', '=', userId)
      .where('disabled_at', 'is', null)
      .where(sql<boolean>`NOT ${usable}`),
    db
      .updateTable('user')
      .set({ disabled_at: null, updated_at: now })
      .where('id', '=', userId)
      .where('disabled_at', 'is not', null)
      .where(usable),
  ];
}

/** 退会: no row once the member has withdrawn. */
export function buildWithdrawMember(db: Db, memberId: string, set: Updateable<MemberTable>) {
  return buildUpdateMember(db, memberId, set).where('withdrawn_at', 'is', null);
}

export function buildUpdateMember(db: Db, memberId: string, set: Updateable<MemberTable>) {
  return db.updateTable('member').set(set).where('id', '=', memberId);
}

export function buildUpdateMemberUser(db: Db, userId: string, set: Updateable<UserTable>) {
  return db.updateTable('user').set(set).where('id', '=', userId);
}

/** A child of this member not removed: no row otherwise. */
export function buildUpdateChild(
  db: Db,
  memberId: string,
  childId: string,
  set: Updateable<ChildTable>,
) {
  return db
    .updateTable('child')
    .set(set)
    .where('id', '=', childId)
    .where('member_id', '=', memberId)
    .where('removed_at', 'is', null);
}

export async function insertContact(
  db: Db,
  table: ContactTable,
  row: Insertable<EmergencyContactTable>,
) {
  await db.insertInto(table).values(row).execute();
}

/**
 * Deletes a member's contact (only while more than `keep` remain, when given); answers whether
 * a row went.
 */
export async function deleteContact(
  db: Db,
  table: ContactTable,
  row: { memberId: string; id: string; keep: number | null },
) {
  const result = await db
    .deleteFrom(table)
    .where('id', '=', row.id)
    .where('member_id', '=', row.memberId)
    .$if(row.keep !== null, (q) =>
      q.where(
        sql<boolean>`(SELECT COUNT(*) FROM ${sql.table(table)} WHERE member_id = ${row.memberId}) > ${row.keep}`,
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Changes a member's contact in place; answers whether it was hers (a row changed). */
export async function updateContact(
  db: Db,
  table: ContactTable,
  row: { memberId: string; id: string },
  set: Pick<EmergencyContactTable, 'name' | 'relation' | 'phone'>,
) {
  const result = await db
    .updateTable(table)
    .set(set)
    .where('id', '=', row.id)
    .where('member_id', '=', row.memberId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export function findContact(db: Db, table: ContactTable, memberId: string, id: string) {
  return db
    .selectFrom(table)
    .select('id')
    .where('id', '=', id)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
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

/** Fills a member's search keys while they are still missing (a live write sets them itself). */
export function buildFillSearchKeys(
  db: Db,
  memberId: string,
  keys: { search_key: string; phone_key: string },
) {
  return db
    .updateTable('member')
    .set(keys)
    .where('id', '=', memberId)
    .where('search_key', 'is', null);
}

/**
 * Public applications (not those staff enter from paper) since `sinceIso`, in total and from
 * one client address, counted from their audit rows.
 */
export async function countPublicApplicationsSince(
  db: Db,
  sinceIso: string,
  clientAddress: string,
) {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn
        .sum<number>(sql`CASE WHEN client_address = ${clientAddress} THEN 1 ELSE 0 END`)
        .as('fromAddress'),
    ])
    .where('action', '=', 'member_applied')
    .where('at', '>', sinceIso)
    .where(sql<boolean>`json_extract(details, '$.enteredByStaff') = 0`)
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), fromAddress: Number(row.fromAddress ?? 0) };
}
