import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../lib/db.js';
import type { LocalGroupTable, ReferralTable } from '../../../db/schema.js';
import { DIRECTORY_PAGE_SIZE, type DirectoryQuery } from './directory.schemas.js';

export function findGroup(db: Db, id: string) {
  return db.selectFrom('local_group').selectAll().where('id', '=', id).executeTakeFirst();
}

export type GroupRow = NonNullable<Awaited<ReturnType<typeof findGroup>>>;

/**
 * The directory, searched and filtered: `q` in the name or description, a kind, an area, and a
 * child's age (groups whose range contains it; an open end counts as no limit). Archived
 * groups are left out. Sorted by name; the pages group them by area.
 */
function groupsMatching(db: Db, query: Omit<DirectoryQuery, 'page'>) {
  let q = db.selectFrom('local_group').where('archived_at', 'is', null);
  if (query.kind) q = q.where('kind', '=', query.kind);
  if (query.area) q = q.where('area', '=', query.area);
  if (query.age !== undefined) {
    const age = query.age;
    q = q
      .where((eb) => eb.or([eb('age_min', 'is', null), eb('age_min', '<=', age)]))
      .where((eb) => eb.or([eb('age_max', 'is', null), eb('age_max', '>=', age)]));
  }
  if (query.q) {
    // NOTE: LIKE wildcards typed by the user are matched literally.
    const like = `%${query.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb(sql`name`, 'like', sql`${like} ESCAPE '\\'`),
        eb(sql`description`, 'like', sql`${like} ESCAPE '\\'`),
      ]),
    );
  }
  return q;
}

export function listGroups(
  db: Db,
  query: Omit<DirectoryQuery, 'page'>,
  { limit = DIRECTORY_PAGE_SIZE, offset = 0 } = {},
) {
  return groupsMatching(db, query)
    .selectAll()
    .orderBy('name')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countGroups(db: Db, query: Omit<DirectoryQuery, 'page'>) {
  const row = await groupsMatching(db, query)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** All groups still listed, for the referral form's choice. */
export function listGroupChoices(db: Db) {
  return groupsMatching(db, {}).select(['id', 'name', 'area', 'kind']).orderBy('name').execute();
}

/** The "referred to" notes of a member, newest first, with the group and the staff member. */
export function listReferralsForMember(db: Db, memberId: string) {
  return db
    .selectFrom('referral')
    .innerJoin('local_group', 'local_group.id', 'referral.group_id')
    .leftJoin('user', 'user.id', 'referral.staff_user_id')
    .select([
      'referral.id',
      'referral.group_id',
      'referral.referred_on',
      'referral.note',
      'referral.created_at',
      'local_group.name as group_name',
      'local_group.kind as group_kind',
      'local_group.area as group_area',
      'user.name as staff_name',
    ])
    .where('referral.member_id', '=', memberId)
    .orderBy('referral.referred_on', 'desc')
    .orderBy('referral.created_at', 'desc')
    .execute();
}

export type ReferralRow = Awaited<ReturnType<typeof listReferralsForMember>>[number];

export function buildInsertGroup(db: Db, row: Insertable<LocalGroupTable>) {
  return db.insertInto('local_group').values(row);
}

/** Changes a group still in the directory: no row once it is archived (or unknown). */
export function buildUpdateLiveGroup(db: Db, id: string, set: Updateable<LocalGroupTable>) {
  return db
    .updateTable('local_group')
    .set(set)
    .where('id', '=', id)
    .where('archived_at', 'is', null);
}

export function buildInsertReferral(db: Db, row: Insertable<ReferralTable>) {
  return db.insertInto('referral').values(row);
}
