import type { AppDeps, CurrentUser } from '../../context.js';
import type { Compilable } from '../../lib/atomic.js';
import type { Db } from '../../lib/db.js';
import { notFound } from '../../lib/errors.js';
import { isMessageKey, translator, type MessageKey } from '../../lib/i18n.js';
import { newId } from '../../lib/ids.js';
import { tokyoDateOf } from '../../lib/dates.js';
import { readableParams } from './notification-text.js';
import type { Locale } from '../../../db/schema.js';
import {
  buildMarkAllRead,
  buildMarkRead,
  countUnread,
  findRecipient,
  listNotifications,
} from './notifications.queries.js';
import { mayBeNotified } from './recipients.js';

export { countUnread, listNotifications };

export interface NotificationInput {
  /** The recipient (a user id). */
  userId: string;
  /** e.g. 'offer_received'; the texts are i18n keys `notification.<kind>.title` and `.body`. */
  kind: string;
  /** Values for the {param} placeholders of the texts. */
  params?: Record<string, string | number>;
  /** A same-site path, e.g. '/offers/123'. */
  link?: string;
  /** When set, at most one notification per key ever (idempotent jobs). */
  dedupeKey?: string;
  /** Default true: also queue an email in the outbox. */
  email?: boolean;
}

/** Only same-site paths: never another origin (`//host`, `/\host`), nor control characters. */
const SAME_SITE_PATH = /^\/(?![/\\])[^\s\p{Cc}]*$/u;

const hasText = (kind: string) =>
  isMessageKey(`notification.${kind}.title`) && isMessageKey(`notification.${kind}.body`);

/**
 * The title and body of a kind in a language, with dates as people read them (`today`: the
 * reader's Tokyo date, to leave out the current year); a kind with no text falls back to the
 * generic one.
 */
export function renderNotificationText(
  locale: Locale,
  kind: string,
  params: Record<string, string | number> = {},
  today?: string,
): { title: string; body: string } {
  const t = translator(locale);
  const known = hasText(kind);
  if (!known) console.warn(`[notify] no text for notification kind "${kind}": generic text used`);
  const title = (known ? `notification.${kind}.title` : 'notification.generic.title') as MessageKey;
  const body = (known ? `notification.${kind}.body` : 'notification.generic.body') as MessageKey;
  const shown = readableParams(params, locale, today ?? '');
  return { title: t(title, shown), body: t(body, shown) };
}

/**
 * A stored notification as its reader reads it now: rendered again from its kind and parameters
 * in the reader's current language, so switching language translates older notifications too.
 * A kind without texts (or unreadable parameters) keeps the text stored when it was sent.
 */
export function renderStoredNotification(
  row: { kind: string; params: string; title: string; body: string },
  locale: Locale,
  today: string,
): { title: string; body: string } {
  if (!hasText(row.kind)) return { title: row.title, body: row.body };
  let params: unknown;
  try {
    params = JSON.parse(row.params);
  } catch {
    return { title: row.title, body: row.body };
  }
  if (!params || typeof params !== 'object' || Array.isArray(params))
    return { title: row.title, body: row.body };
  return renderNotificationText(locale, row.kind, params as Record<string, string | number>, today);
}

/** The mail for a notification: the body, where to read more, and who sent it. */
function renderEmail(
  deps: AppDeps,
  locale: Locale,
  text: { title: string; body: string },
  link: string | null,
) {
  const t = translator(locale);
  const origin = deps.config.PUBLIC_ORIGIN?.replace(/\/+$/, '');
  const more =
    link && origin
      ? t('notification.email.openAt', { url: `${origin}${link}` })
      : t('notification.email.openInApp');
  return {
    subject: t('notification.email.subject', { title: text.title }),
    body: `${text.body}\n\n${more}\n\n--\n${t('notification.email.footer')}`,
  };
}

/**
 * The statements that notify someone, for the caller's own `deps.atomic` batch (so the
 * notification is written together with the change it reports). [] when the recipient must
 * not be notified (unknown, disabled, or a member with no applied or active side).
 * A `dedupeKey` that was used before makes both statements do nothing.
 */
export async function buildNotifyStatements(
  deps: AppDeps,
  input: NotificationInput,
): Promise<Compilable[]> {
  const recipient = await findRecipient(deps.db, input.userId);
  if (!recipient || !mayBeNotified(recipient)) return [];

  const locale: Locale = recipient.locale ?? 'ja';
  const params = input.params ?? {};
  const text = renderNotificationText(locale, input.kind, params, tokyoDateOf(deps.clock.now()));
  let link: string | null = input.link ?? null;
  if (link !== null && !SAME_SITE_PATH.test(link)) {
    console.warn(`[notify] dropped a link that is not a same-site path (kind "${input.kind}")`);
    link = null;
  }
  const now = deps.clock.now().toISOString();
  const notificationId = newId();

  const statements: Compilable[] = [
    deps.db
      .insertInto('notification')
      .values({
        id: notificationId,
        user_id: recipient.id,
        kind: input.kind,
        params: JSON.stringify(params),
        link,
        dedupe_key: input.dedupeKey ?? null,
        title: text.title,
        body: text.body,
        created_at: now,
        read_at: null,
      })
      // NOTE: a repeated dedupe key is not an error: idempotent jobs rely on this.
      .onConflict((oc) => oc.column('dedupe_key').doNothing()),
  ];
  if (input.email ?? true) {
    const mail = renderEmail(deps, locale, text, link);
    // Queued only if the notification row above was written (not when the dedupe key existed):
    // the SELECT finds the freshly generated id only then.
    statements.push(
      deps.db
        .insertInto('outbox')
        .columns([
          'id',
          'notification_id',
          'to_email',
          'subject',
          'body',
          'locale',
          'status',
          'attempts',
          'created_at',
          'next_attempt_at',
        ])
        .expression((eb) =>
          eb
            .selectFrom('notification')
            .select((s) => [
              s.val(newId()).as('id'),
              'notification.id as notification_id',
              s.val(recipient.email).as('to_email'),
              s.val(mail.subject).as('subject'),
              s.val(mail.body).as('body'),
              s.val(locale).as('locale'),
              s.val('pending').as('status'),
              s.val(0).as('attempts'),
              s.val(now).as('created_at'),
              s.val(now).as('next_attempt_at'),
            ])
            .where('notification.id', '=', notificationId),
        ),
    );
  }
  return statements;
}

/** Notifies one user: an inbox entry and (by default) a queued mail, in their language. */
export async function notify(deps: AppDeps, input: NotificationInput): Promise<void> {
  const statements = await buildNotifyStatements(deps, input);
  if (statements.length > 0) await deps.atomic(statements);
}

/** Marks one of the user's notifications read; 404 when it is not theirs (or does not exist). */
export async function markRead(
  deps: AppDeps,
  user: Pick<CurrentUser, 'id'>,
  id: string,
): Promise<void> {
  const now = deps.clock.now().toISOString();
  const result = await buildMarkRead(deps.db, user.id, id, now).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw notFound();
}

export async function markAllRead(deps: AppDeps, user: Pick<CurrentUser, 'id'>): Promise<void> {
  await buildMarkAllRead(deps.db, user.id, deps.clock.now().toISOString()).execute();
}

/** The inbox with its unread count, for the API and the page. */
export async function loadInbox(
  db: Db,
  userId: string,
  paging: { page: number; pageSize: number },
  reader: { locale: Locale; today: string },
) {
  const [list, unread] = await Promise.all([
    listNotifications(db, userId, paging),
    countUnread(db, userId),
  ]);
  const items = list.items.map((n) => ({
    ...n,
    ...renderStoredNotification(n, reader.locale, reader.today),
  }));
  return { ...list, items, unread };
}
