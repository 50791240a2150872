import { sql } from 'kysely';
import type { Db } from '../../lib/db.js';
import type { NoticeGroup } from '../../../db/schema.js';
import { offersWithRequest, openOffer, requestHelpColumns } from '../../lib/query-fragments.js';

/** The LINE channel's reads and writes (issue #21). */

// Link codes ------------------------------------------------------------------------------------

/** A new code for the user; her earlier unused codes stop working. */
export const replaceLinkCode = (
  db: Db,
  c: { hash: string; userId: string; nowIso: string; expiresIso: string },
) => [
  db.deleteFrom('line_link_code').where('user_id', '=', c.userId),
  db.insertInto('line_link_code').values({
    code_hash: c.hash,
    user_id: c.userId,
    created_at: c.nowIso,
    expires_at: c.expiresIso,
    used_at: null,
  }),
];

/** Uses a code once: the user it belongs to, or undefined (unknown, used or expired). */
export const useLinkCode = (db: Db, hash: string, nowIso: string) =>
  db
    .updateTable('line_link_code')
    .set({ used_at: nowIso })
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', nowIso)
    .returning('user_id')
    .executeTakeFirst();

// Links -----------------------------------------------------------------------------------------

/** Links a LINE account to a user: a LINE account has one user, a user one LINE account. */
export const linkStatements = (db: Db, userId: string, lineUserId: string, nowIso: string) => [
  db.deleteFrom('line_link').where('line_user_id', '=', lineUserId).where('user_id', '<>', userId),
  db
    .insertInto('line_link')
    .values({ user_id: userId, line_user_id: lineUserId, linked_at: nowIso })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({ line_user_id: lineUserId, linked_at: nowIso }),
    ),
];

export const findLinkOfUser = (db: Db, userId: string) =>
  db.selectFrom('line_link').selectAll().where('user_id', '=', userId).executeTakeFirst();

/** The login behind a LINE account, if it may still act (not disabled). */
export const findUserOfLineAccount = (db: Db, lineUserId: string) =>
  db
    .selectFrom('line_link')
    .innerJoin('user', 'user.id', 'line_link.user_id')
    .select(['user.id', 'user.email', 'user.name', 'user.role', 'user.locale'])
    .where('line_link.line_user_id', '=', lineUserId)
    .where('user.disabled_at', 'is', null)
    .executeTakeFirst();

export const unlinkUser = (db: Db, userId: string) =>
  db.deleteFrom('line_link').where('user_id', '=', userId);

export const unlinkLineAccount = (db: Db, lineUserId: string) =>
  db.deleteFrom('line_link').where('line_user_id', '=', lineUserId).executeTakeFirst();

/** Members with a linked LINE account, for staff. */
export const listLinkedMembers = (db: Db) =>
  db
    .selectFrom('line_link')
    .innerJoin('member', 'member.user_id', 'line_link.user_id')
    .select([
      'member.id as member_id',
      'member.member_no',
      'member.name',
      'member.name_kana',
      'line_link.linked_at',
    ])
    .orderBy('member.name_kana')
    .orderBy('member.id')
    .execute();

// Webhook events --------------------------------------------------------------------------------

/** Claims an event id: true the first time it is seen, false on a redelivery. */
export async function claimWebhookEvent(db: Db, eventId: string, nowIso: string) {
  const result = await db
    .insertInto('line_webhook_event')
    .values({ webhook_event_id: eventId, received_at: nowIso })
    .onConflict((oc) => oc.column('webhook_event_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** LINE redelivers for a while only: ids older than `beforeIso` are no longer needed. */
export const forgetWebhookEvents = (db: Db, beforeIso: string) =>
  db.deleteFrom('line_webhook_event').where('received_at', '<', beforeIso);

// Channel choices -------------------------------------------------------------------------------

export const listNoticeChannels = (db: Db, userId: string) =>
  db
    .selectFrom('notice_channel')
    .select(['notice_group', 'line', 'email'])
    .where('user_id', '=', userId)
    .execute();

export const saveNoticeChannels = (
  db: Db,
  userId: string,
  rows: readonly { group: NoticeGroup; line: boolean; email: boolean }[],
) =>
  rows.map((r) =>
    db
      .insertInto('notice_channel')
      .values({
        user_id: userId,
        notice_group: r.group,
        line: r.line ? 1 : 0,
        email: r.email ? 1 : 0,
      })
      .onConflict((oc) =>
        oc
          .columns(['user_id', 'notice_group'])
          .doUpdateSet({ line: r.line ? 1 : 0, email: r.email ? 1 : 0 }),
      ),
  );

// Offers pushed as Flex messages ----------------------------------------------------------------

/**
 * The user's live offers not pushed to LINE yet (an offer offered again counts as new): what a
 * helper sees on /offers — date, times, category, the family's area — and nothing more.
 */
export const listUnpushedOffersOfUser = (db: Db, userId: string, nowIso: string) =>
  offersWithRequest(db)
    .innerJoin('member as helper', 'helper.id', 'offer.helper_member_id')
    .select([
      'offer.id',
      'offer.offered_at',
      'offer.expires_at',
      'care_request.id as request_id',
      ...requestHelpColumns,
      'requester.area as requester_area',
    ])
    .where('helper.user_id', '=', userId)
    .where(openOffer(nowIso))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('line_offer_push')
            .select(sql.lit(1).as('one'))
            .whereRef('line_offer_push.offer_id', '=', 'offer.id')
            .whereRef('line_offer_push.offered_at', '=', 'offer.offered_at'),
        ),
      ),
    )
    .orderBy('care_request.starts_at')
    .orderBy('offer.id')
    .execute();

export const markOffersPushed = (
  db: Db,
  offers: readonly { id: string; offered_at: string }[],
  nowIso: string,
) =>
  db
    .insertInto('line_offer_push')
    .values(offers.map((o) => ({ offer_id: o.id, offered_at: o.offered_at, pushed_at: nowIso })))
    .onConflict((oc) => oc.doNothing());

// The LINE outbox -------------------------------------------------------------------------------

/** Claims the due pushes (as claimDueOutbox does for mail) with what each needs to be sent. */
export const claimDueLineOutbox = (
  db: Db,
  a: { nowIso: string; leaseUntil: string; maxAttempts: number; limit: number },
) =>
  sql<{
    id: string;
    notification_id: string;
    user_id: string;
    attempts: number;
    created_at: string;
  }>`UPDATE line_outbox SET attempts = attempts + 1, next_attempt_at = ${a.leaseUntil}
    WHERE id IN (
      SELECT id FROM line_outbox
      WHERE status IN ('pending', 'failed') AND attempts < ${a.maxAttempts}
        AND next_attempt_at <= ${a.nowIso}
      ORDER BY next_attempt_at, id LIMIT ${a.limit})
      -- Again on the row itself: the conditions hold when the row is written.
      AND status IN ('pending', 'failed') AND attempts < ${a.maxAttempts}
      AND next_attempt_at <= ${a.nowIso}
    RETURNING id, notification_id, user_id, attempts, created_at`;

/** LINE pushes with their notification and their recipient (`user`). */
const outboxWithNotice = (db: Db) =>
  db
    .selectFrom('line_outbox')
    .innerJoin('notification', 'notification.id', 'line_outbox.notification_id')
    .innerJoin('user', 'user.id', 'line_outbox.user_id');

/** What a claimed push says: its notification, the recipient's LINE id and language. */
export const listLineOutboxContent = (db: Db, ids: readonly string[]) =>
  outboxWithNotice(db)
    .leftJoin('line_link', 'line_link.user_id', 'line_outbox.user_id')
    .select([
      'line_outbox.id',
      'notification.kind',
      'notification.params',
      'notification.title',
      'notification.body',
      'notification.link',
      'user.locale',
      'line_link.line_user_id',
    ])
    .where('line_outbox.id', 'in', ids.length > 0 ? [...ids] : [''])
    .execute();

export const markLineOutboxSent = (db: Db, ids: readonly string[], nowIso: string) =>
  db
    .updateTable('line_outbox')
    .set({ status: 'sent', sent_at: nowIso, next_attempt_at: null, last_error: null })
    .where('id', 'in', [...ids]);

export const markLineOutboxFailed = (
  db: Db,
  f: { id: string; error: string; nextAttemptAt: string | null },
) =>
  db
    .updateTable('line_outbox')
    .set({
      status: f.nextAttemptAt ? 'failed' : 'dead',
      last_error: f.error,
      next_attempt_at: f.nextAttemptAt,
    })
    .where('id', '=', f.id);

/** Claimed pushes not tried (LINE said 429 first): untried again, due at `nextAttemptAt`. */
export const releaseLineOutbox = (db: Db, ids: readonly string[], nextAttemptAt: string) =>
  db
    .updateTable('line_outbox')
    .set((eb) => ({
      attempts: eb('attempts', '-', 1),
      next_attempt_at: nextAttemptAt,
    }))
    .where('id', 'in', [...ids]);

/**
 * A push given up on goes by email instead (unless the member turned email off for it, or it
 * was mailed already): the mail of the notification, in the recipient's language.
 */
export const mailInsteadOfLine = (
  db: Db,
  m: { id: string; lineOutboxId: string; subject: string; body: string; nowIso: string },
) =>
  sql`INSERT INTO outbox
      (id, notification_id, to_email, subject, body, locale, status, attempts, created_at, next_attempt_at)
    SELECT ${m.id}, lo.notification_id, u.email, ${m.subject}, ${m.body},
      CASE u.locale WHEN 'en' THEN 'en' ELSE 'ja' END, 'pending', 0, ${m.nowIso}, ${m.nowIso}
    FROM line_outbox lo JOIN "user" u ON u.id = lo.user_id
    WHERE lo.id = ${m.lineOutboxId}
      AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.notification_id = lo.notification_id)`.compile(
    db,
  );

/** Pushes that failed (retrying or given up), newest first, for the staff page. */
export const listLineFailures = (db: Db, limit = 100) =>
  outboxWithNotice(db)
    .select([
      'line_outbox.id',
      'line_outbox.status',
      'line_outbox.attempts',
      'line_outbox.last_error',
      'line_outbox.created_at',
      'line_outbox.next_attempt_at',
      'notification.kind',
      'user.name',
    ])
    .where('line_outbox.status', 'in', ['failed', 'dead'])
    .where('line_outbox.last_error', 'is not', null)
    .orderBy('line_outbox.created_at', 'desc')
    .limit(limit)
    .execute();
