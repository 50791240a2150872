import { sql } from 'kysely';
import type { Db } from '../../lib/db.js';
import type { DirectoryQuery } from './directory.schemas.js';

export function findGroup(db: Db, id: string) {
  return db.selectFrom('local_group').selectAll().where('id', '=', id).executeTakeFirst();
}

export type GroupRow = NonNullable<Awaited<ReturnType<typeof findGroup>>>;

/**
 * The directory, searched and filtered: `q` in the name or description, a kind, an area, and a
 * child's age (groups whose range contains it; an open end counts as no limit). Archived
 * groups are left out. Sorted by name; the pages group them by area.
 */
export function listGroups(db: Db, query: DirectoryQuery, limit = 500) {
  let q = db.selectFrom('local_group').selectAll().where('archived_at', 'is', null);
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
  return q.orderBy('name').orderBy('id').limit(limit).execute();
}

/** All groups still listed, for the referral form's choice. */
export function listGroupChoices(db: Db) {
  return db
    .selectFrom('local_group')
    .select(['id', 'name', 'area', 'kind'])
    .where('archived_at', 'is', null)
    .orderBy('name')
    .execute();
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
