import type { Db } from '../../lib/db.js';

/** What decides whether a user may be notified, and in which language and to which address. */
export function findRecipient(db: Db, userId: string) {
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
    ])
    .where('user.id', '=', userId)
    .executeTakeFirst();
}

export type Recipient = NonNullable<Awaited<ReturnType<typeof findRecipient>>>;

/** A user's inbox, newest first. */
export async function listNotifications(
  db: Db,
  userId: string,
  { page, pageSize }: { page: number; pageSize: number },
) {
  const [items, total] = await Promise.all([
    db
      .selectFrom('notification')
      .select(['id', 'kind', 'params', 'title', 'body', 'link', 'created_at', 'read_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    db
      .selectFrom('notification')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
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

/** Messages due for a (first or further) delivery attempt, oldest due first. */
export function listDueOutbox(db: Db, now: string, maxAttempts: number, limit: number) {
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('status', 'in', ['pending', 'failed'])
    .where('next_attempt_at', 'is not', null)
    .where('next_attempt_at', '<=', now)
    .where('attempts', '<', maxAttempts)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export type OutboxRow = Awaited<ReturnType<typeof listDueOutbox>>[number];

/**
 * Claims a due message for one attempt: counts the attempt and pushes next_attempt_at to the
 * lease end, only if nobody else claimed it since it was read (same attempts count).
 */
export function buildClaimOutbox(db: Db, row: OutboxRow, now: string, leaseUntil: string) {
  return db
    .updateTable('outbox')
    .set({ attempts: row.attempts + 1, next_attempt_at: leaseUntil })
    .where('id', '=', row.id)
    .where('attempts', '=', row.attempts)
    .where('status', 'in', ['pending', 'failed'])
    .where('next_attempt_at', '<=', now);
}

export function buildMarkOutboxSent(db: Db, id: string, now: string) {
  return db
    .updateTable('outbox')
    .set({ status: 'sent', sent_at: now, next_attempt_at: null, last_error: null })
    .where('id', '=', id)
    .where('status', '<>', 'sent');
}

export function buildMarkOutboxFailed(
  db: Db,
  id: string,
  error: string,
  nextAttemptAt: string | null,
) {
  return db
    .updateTable('outbox')
    .set({ status: 'failed', last_error: error, next_attempt_at: nextAttemptAt })
    .where('id', '=', id)
    .where('status', '<>', 'sent');
}
