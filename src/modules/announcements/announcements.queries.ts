import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../lib/db.js';
import { withWriterName } from '../../lib/query-fragments.js';
import type {
  AnnouncementAudience,
  AnnouncementTable,
  NewsletterFilePartTable,
  NewsletterTable,
} from '../../../db/schema.js';
import { MEMBERS_CONTENT_SIDE } from '../access/member-content.policy.js';
import { selectRecipients } from '../notifications/notifications.queries.js';

export function findAnnouncement(db: Db, id: string) {
  return withWriterName(db, 'announcement', 'created_by', 'author_name')
    .where('announcement.id', '=', id)
    .executeTakeFirst();
}

export type AnnouncementRow = NonNullable<Awaited<ReturnType<typeof findAnnouncement>>>;

/** Published announcements of the given audiences, newest first (drafts too, for staff). */
export function listAnnouncements(
  db: Db,
  options: {
    audiences: readonly AnnouncementAudience[];
    includeDrafts: boolean;
    limit: number;
    offset?: number;
  },
) {
  if (options.audiences.length === 0) return Promise.resolve([]);
  return withWriterName(db, 'announcement', 'created_by', 'author_name')
    .where('announcement.audience', 'in', [...options.audiences])
    .$if(!options.includeDrafts, (q) => q.where('announcement.published_at', 'is not', null))
    .orderBy(sql`announcement.published_at IS NULL`, 'desc')
    .orderBy(sql`COALESCE(announcement.published_at, announcement.created_at)`, 'desc')
    .orderBy('announcement.id')
    .limit(options.limit)
    .offset(options.offset ?? 0)
    .execute();
}

/**
 * The users an announcement for `audience` goes to, with what decides whether and how they may
 * be notified. Staff only for 'staff'; otherwise members whose side for the audience is applied
 * or active (any live side for 'all') and who read members' content: one side approved, the
 * rule of contentReach (access/member-content.policy.ts): an applicant is not told of news she
 * may not read. mayBeNotified() has the last word.
 */
export function listAudienceRecipients(db: Db, audience: AnnouncementAudience) {
  let q = selectRecipients(db).where('user.disabled_at', 'is', null);
  const live = ['applied', 'active'] as const;
  if (audience === 'staff') q = q.where('user.role', 'in', ['staff', 'admin']);
  else {
    q = q
      .where('user.role', '=', 'member')
      .where('member.withdrawn_at', 'is', null)
      .where((eb) =>
        eb.or([
          eb('member.requester_status', '=', MEMBERS_CONTENT_SIDE),
          eb('member.helper_status', '=', MEMBERS_CONTENT_SIDE),
        ]),
      );
    if (audience === 'helpers') q = q.where('member.helper_status', 'in', [...live]);
    else if (audience === 'requesters') q = q.where('member.requester_status', 'in', [...live]);
    else
      q = q.where((eb) =>
        eb.or([
          eb('member.helper_status', 'in', [...live]),
          eb('member.requester_status', 'in', [...live]),
        ]),
      );
  }
  return q.orderBy('user.id').execute();
}

export function listNewsletters(db: Db) {
  return db
    .selectFrom('newsletter')
    .select(['id', 'title', 'issued_on', 'format', 'file_name', 'file_size', 'created_at'])
    .orderBy('issued_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export function findNewsletter(db: Db, id: string) {
  return db.selectFrom('newsletter').selectAll().where('id', '=', id).executeTakeFirst();
}

export type NewsletterRow = NonNullable<Awaited<ReturnType<typeof findNewsletter>>>;

/** The stored parts of a newsletter's PDF. */
const partsOf = (db: Db, id: string) =>
  db.selectFrom('newsletter_file_part').where('newsletter_id', '=', id);

/** The parts of a PDF, in order, one at a time (each is at most PART_BYTES). */
export function listNewsletterPartSeqs(db: Db, id: string) {
  return partsOf(db, id).select('seq').orderBy('seq').execute();
}

export function findNewsletterPart(db: Db, id: string, seq: number) {
  return partsOf(db, id).select('data').where('seq', '=', seq).executeTakeFirst();
}

export function buildInsertAnnouncement(db: Db, row: Insertable<AnnouncementTable>) {
  return db.insertInto('announcement').values(row);
}

/** Edits a draft: changes no row once it is published (what was sent stays as sent). */
export function buildUpdateDraft(db: Db, id: string, set: Updateable<AnnouncementTable>) {
  return db
    .updateTable('announcement')
    .set(set)
    .where('id', '=', id)
    .where('published_at', 'is', null);
}

/** Publishes a draft at `at`: changes no row when it was already published. */
export function buildPublishAnnouncement(db: Db, id: string, at: string) {
  return buildUpdateDraft(db, id, { published_at: at, updated_at: at });
}

/** Deletes a draft: changes no row once it is published. */
export function buildDeleteDraft(db: Db, id: string) {
  return db.deleteFrom('announcement').where('id', '=', id).where('published_at', 'is', null);
}

export function buildInsertNewsletter(db: Db, row: Insertable<NewsletterTable>) {
  return db.insertInto('newsletter').values(row);
}

export function buildInsertNewsletterPart(db: Db, row: Insertable<NewsletterFilePartTable>) {
  return db.insertInto('newsletter_file_part').values(row);
}

/** The newsletter's stored parts, then the newsletter itself (in that order, in one batch). */
export function buildDeleteNewsletter(db: Db, id: string) {
  return [
    db.deleteFrom('newsletter_file_part').where('newsletter_id', '=', id),
    db.deleteFrom('newsletter').where('id', '=', id),
  ] as const;
}
