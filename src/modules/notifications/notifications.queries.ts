import { sql } from 'kysely';
import type { Db } from '../../lib/db.js';
import { pageWithTotal } from '../../lib/sql.js';

/**
 * `mayBeNotified` (recipients.ts) as a SQL condition over `"user" u LEFT JOIN member m`, for
 * statements that notify inside a batch without reading the recipient first. The two are pinned
 * to each other by test/unit/notification-rules.test.ts.
 */
export const notifiable = sql<boolean>`(u.disabled_at IS NULL AND (
  u.role IN ('staff', 'admin') OR m.id IS NULL OR (
    m.withdrawn_at IS NULL AND m.purged_at IS NULL
    AND (m.requester_status IN ('applied', 'active') OR m.helper_status IN ('applied', 'active')))))`;

/**
 * Users with what decides whether they may be notified (mayBeNotified), and in which language
 * and to which address; the caller narrows it to one user or an audience.
 */
export function selectRecipients(db: Db) {
  return db
    .selectFrom('user')
    .leftJoin('member', 'member.user_id', 'user.id')
    .select([
      'user.id',
      'user.email',
      'user.role',
      'user.locale',
      'user.disabled_at',
      'member.id as member_id',
      'member.requester_status',
      'member.helper_status',
      'member.withdrawn_at',
      'member.purged_at',
    ]);
}

/** What decides whether a user may be notified, and in which language and to which address. */
export function findRecipient(db: Db, userId: string) {
  return selectRecipients(db).where('user.id', '=', userId).executeTakeFirst();
}

export type Recipient = NonNullable<Awaited<ReturnType<typeof findRecipient>>>;

/** A user's inbox, newest first. */
export function listNotifications(
  db: Db,
  userId: string,
  { page, pageSize }: { page: number; pageSize: number },
) {
  const inbox = db.selectFrom('notification').where('user_id', '=', userId);
  return pageWithTotal(
    inbox
      .select(['id', 'kind', 'params', 'title', 'body', 'link', 'created_at', 'read_at'])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    inbox,
  );
}

export type NotificationRow = Awaited<ReturnType<typeof listNotifications>>['items'][number];

/** The unread count of the header: one COUNT over the (user_id, read_at, created_at) index. */
export async function countUnread(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Marks one of the owner's notifications read (keeping the first read time). Affects 0 rows when
 * the notification is not theirs.
 */
export function buildMarkRead(db: Db, userId: string, id: string, now: string) {
  return db
    .updateTable('notification')
    .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(now)) }))
    .where('id', '=', id)
    .where('user_id', '=', userId);
}

export function buildMarkAllRead(db: Db, userId: string, now: string) {
  return db
    .updateTable('notification')
    .set({ read_at: now })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
}

/**
 * Claims the due messages (oldest due first, at most `limit`) in one statement: each claimed
 * row counts its attempt and has next_attempt_at pushed to the lease end, so another runner's
 * claim (the same statement, serialized by the database) cannot take it until the lease ends.
 * The rows come back with the attempt already counted.
 */
export function claimDueOutbox(
  db: Db,
  a: { now: string; leaseUntil: string; maxAttempts: number; limit: number },
) {
  return (
    db
      .updateTable('outbox')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: a.leaseUntil }))
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('outbox as o')
          .select('o.id')
          .where('o.status', 'in', ['pending', 'failed'])
          .where('o.next_attempt_at', 'is not', null)
          .where('o.next_attempt_at', '<=', a.now)
          .where('o.attempts', '<', a.maxAttempts)
          .orderBy('o.next_attempt_at')
          .orderBy('o.id')
          .limit(a.limit),
      )
      // Again on the row itself: the conditions hold when the row is written, not only when found.
      .where('status', 'in', ['pending', 'failed'])
      .where('next_attempt_at', '<=', a.now)
      .where('attempts', '<', a.maxAttempts)
      .returningAll()
  );
}

export type OutboxRow = Awaited<ReturnType<ReturnType<typeof claimDueOutbox>['execute']>>[number];

/** The sent messages (ids as one JSON parameter: any number of them in one statement). */
export function buildMarkOutboxSent(db: Db, ids: readonly string[], now: string) {
  return db
    .updateTable('outbox')
    .set({ status: 'sent', sent_at: now, next_attempt_at: null, last_error: null })
    .where('id', 'in', sql<string>`(SELECT value FROM json_each(${JSON.stringify(ids)}))`)
    .where('status', '<>', 'sent');
}

/** The failed messages, each with its error and next try (null: given up), in one statement. */
export function buildMarkOutboxFailed(
  db: Db,
  failures: readonly { id: string; error: string; nextAttemptAt: string | null }[],
) {
  const json = JSON.stringify(failures);
  const field = (name: 'error' | 'nextAttemptAt') =>
    sql<string | null>`(SELECT json_extract(f.value, ${`$.${name}`}) FROM json_each(${json}) f
      WHERE json_extract(f.value, '$.id') = outbox.id)`;
  return db
    .updateTable('outbox')
    .set({ status: 'failed', last_error: field('error'), next_attempt_at: field('nextAttemptAt') })
    .where('id', 'in', sql<string>`(SELECT json_extract(value, '$.id') FROM json_each(${json}))`)
    .where('status', '<>', 'sent');
}
