import { sql, type RawBuilder } from 'kysely';
import type { AppDeps, CurrentUser } from '../../context.js';
import type { Compilable } from '../../lib/atomic.js';
import type { Db } from '../../lib/db.js';
import { notFound } from '../../lib/errors.js';
import { isMessageKey, translator, type MessageKey } from '../../lib/i18n.js';
import { newId } from '../../lib/ids.js';
import { tokyoDateOf } from '../../lib/dates.js';
import { channelWanted, lineOutboxInsert, noticeGroupOf } from './channels.js';
import { readableParams } from './notification-text.js';
import type { Locale } from '../../../db/schema.js';
import {
  buildMarkAllRead,
  buildMarkRead,
  countUnread,
  findRecipient,
  listNotifications,
  notifiable,
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
export function renderEmail(
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
 * Only while this holds (a SQL condition evaluated inside the caller's batch): the notification
 * is written only if the change it reports happened in that same batch. `changes() > 0` right
 * after a conditional UPDATE, or a row the batch wrote (e.g. its audit row by id).
 */
export type NotifyCondition = RawBuilder<unknown>;

/** `onlyIf` for the notification written right after a conditional statement of the batch. */
export const previousChanged: NotifyCondition = sql`changes() > 0`;

/** `onlyIf`: the row with this id was written by the batch (ids are fresh per batch). */
export const rowWritten = (table: 'audit_log', id: string): NotifyCondition =>
  sql`EXISTS (SELECT 1 FROM ${sql.table(table)} WHERE id = ${id})`;

/**
 * The statements that notify someone, for the caller's own `deps.atomic` batch (so the
 * notification is written together with the change it reports). They read nothing first: the
 * recipient rule (`mayBeNotified`, as SQL), the language and the address are decided inside the
 * batch, so a recipient who must not be notified (unknown, disabled, or a member with no applied
 * or active side) gets no row. A `dedupeKey` used before makes both statements do nothing, and
 * so does a false `onlyIf`.
 */
export function notificationStatements(
  deps: AppDeps,
  input: NotificationInput,
  onlyIf: NotifyCondition = sql`1`,
): Compilable[] {
  const params = input.params ?? {};
  const today = tokyoDateOf(deps.clock.now());
  const text = {
    ja: renderNotificationText('ja', input.kind, params, today),
    en: renderNotificationText('en', input.kind, params, today),
  };
  let link: string | null = input.link ?? null;
  if (link !== null && !SAME_SITE_PATH.test(link)) {
    console.warn(`[notify] dropped a link that is not a same-site path (kind "${input.kind}")`);
    link = null;
  }
  const now = deps.clock.now().toISOString();
  const notificationId = newId();
  const byLocale = (ja: string, en: string) =>
    sql`CASE u.locale WHEN 'en' THEN ${en} ELSE ${ja} END`;

  const statements: Compilable[] = [
    // The WHERE clause also keeps SQLite from reading ON CONFLICT as the join's ON.
    // NOTE: a repeated dedupe key is not an error: idempotent jobs rely on this.
    sql`INSERT INTO notification
        (id, user_id, kind, params, link, dedupe_key, title, body, created_at, read_at)
      SELECT ${notificationId}, u.id, ${input.kind}, ${JSON.stringify(params)}, ${link},
        ${input.dedupeKey ?? null}, ${byLocale(text.ja.title, text.en.title)},
        ${byLocale(text.ja.body, text.en.body)}, ${now}, NULL
      FROM "user" u LEFT JOIN member m ON m.user_id = u.id
      WHERE u.id = ${input.userId} AND ${notifiable} AND (${onlyIf})
      ON CONFLICT (dedupe_key) DO NOTHING`.compile(deps.db),
  ];
  if (input.email ?? true) {
    const mail = {
      ja: renderEmail(deps, 'ja', text.ja, link),
      en: renderEmail(deps, 'en', text.en, link),
    };
    // Queued only if the notification row above was written (not when the dedupe key existed,
    // the recipient may not be notified or the condition was false).
    statements.push(
      sql`INSERT INTO outbox
          (id, notification_id, to_email, subject, body, locale, status, attempts, created_at, next_attempt_at)
        SELECT ${newId()}, n.id, u.email, ${byLocale(mail.ja.subject, mail.en.subject)},
          ${byLocale(mail.ja.body, mail.en.body)}, CASE u.locale WHEN 'en' THEN 'en' ELSE 'ja' END,
          'pending', 0, ${now}, ${now}
        FROM notification n JOIN "user" u ON u.id = n.user_id
        WHERE n.id = ${notificationId}
          AND ${channelWanted(sql.ref('u.id'), noticeGroupOf(input.kind), 'email')}`.compile(
        deps.db,
      ),
      // A notice that may be mailed may also go to LINE (issue #21), as the member chose.
      lineOutboxInsert({
        id: newId(),
        notificationId,
        group: noticeGroupOf(input.kind),
        nowIso: now,
      }).compile(deps.db),
    );
  }
  return statements;
}

/**
 * The statements that notify someone, for the caller's own `deps.atomic` batch, after reading
 * the recipient: [] when they must not be notified. `notificationStatements` is the same without
 * the read (the rule is then applied inside the batch).
 */
export async function buildNotifyStatements(
  deps: AppDeps,
  input: NotificationInput,
  onlyIf?: NotifyCondition,
): Promise<Compilable[]> {
  const recipient = await findRecipient(deps.db, input.userId);
  if (!recipient || !mayBeNotified(recipient)) return [];
  return notificationStatements(deps, input, onlyIf);
}

/** Notifies one user: an inbox entry and (by default) a queued mail, in their language. */
export async function notify(deps: AppDeps, input: NotificationInput): Promise<void> {
  await deps.atomic(notificationStatements(deps, input));
}

/** Notifies several users in one batch (one round trip however many). */
export async function notifyAll(deps: AppDeps, inputs: readonly NotificationInput[]) {
  if (inputs.length === 0) return;
  await deps.atomic(inputs.flatMap((input) => notificationStatements(deps, input)));
}

/** One notice of `memberNotificationStatements`: to a member, if the batch wrote `auditId`. */
export interface MemberNotice {
  memberId: string;
  params: Record<string, string | number>;
  link: string;
  /** Written only if the batch wrote this audit row (the change it reports happened). */
  auditId: string;
}

/**
 * Notices of one kind to many members, as two set-based statements for the caller's batch
 * however many (each notice's texts rendered per language here, the rows travelling as one JSON
 * parameter): the same rows, recipient rule and mail as `notificationStatements`.
 */
export function memberNotificationStatements(
  deps: AppDeps,
  kind: string,
  notices: readonly MemberNotice[],
  { email = true }: { email?: boolean } = {},
): Compilable[] {
  if (notices.length === 0) return [];
  const now = deps.clock.now().toISOString();
  const rows = notices.map((n) => {
    const ja = renderNotificationText('ja', kind, n.params);
    const en = renderNotificationText('en', kind, n.params);
    const link = SAME_SITE_PATH.test(n.link) ? n.link : null;
    const mailJa = renderEmail(deps, 'ja', ja, link);
    const mailEn = renderEmail(deps, 'en', en, link);
    return {
      id: newId(),
      mailId: newId(),
      lineId: newId(),
      memberId: n.memberId,
      auditId: n.auditId,
      params: JSON.stringify(n.params),
      link,
      titleJa: ja.title,
      titleEn: en.title,
      bodyJa: ja.body,
      bodyEn: en.body,
      subjectJa: mailJa.subject,
      subjectEn: mailEn.subject,
      mailJa: mailJa.body,
      mailEn: mailEn.body,
    };
  });
  const json = JSON.stringify(rows);
  const field = (name: keyof (typeof rows)[number]) =>
    sql.raw(`json_extract(j.value, '$.${name}')`);
  const byLocale = (ja: keyof (typeof rows)[number], en: keyof (typeof rows)[number]) =>
    sql`CASE u.locale WHEN 'en' THEN ${field(en)} ELSE ${field(ja)} END`;
  const statements: Compilable[] = [
    sql`INSERT INTO notification
        (id, user_id, kind, params, link, dedupe_key, title, body, created_at, read_at)
      SELECT ${field('id')}, u.id, ${kind}, ${field('params')}, ${field('link')}, NULL,
        ${byLocale('titleJa', 'titleEn')}, ${byLocale('bodyJa', 'bodyEn')}, ${now}, NULL
      FROM json_each(${json}) j
        JOIN member m ON m.id = ${field('memberId')}
        JOIN "user" u ON u.id = m.user_id
      WHERE ${notifiable}
        AND EXISTS (SELECT 1 FROM audit_log a WHERE a.id = ${field('auditId')})`.compile(deps.db),
  ];
  if (email)
    statements.push(
      sql`INSERT INTO outbox
          (id, notification_id, to_email, subject, body, locale, status, attempts, created_at, next_attempt_at)
        SELECT ${field('mailId')}, n.id, u.email, ${byLocale('subjectJa', 'subjectEn')},
          ${byLocale('mailJa', 'mailEn')}, CASE u.locale WHEN 'en' THEN 'en' ELSE 'ja' END,
          'pending', 0, ${now}, ${now}
        FROM json_each(${json}) j
          JOIN notification n ON n.id = ${field('id')}
          JOIN "user" u ON u.id = n.user_id
        WHERE ${channelWanted(sql.ref('u.id'), noticeGroupOf(kind), 'email')}`.compile(deps.db),
      lineOutboxInsert({
        id: field('lineId'),
        notificationId: field('id'),
        group: noticeGroupOf(kind),
        nowIso: now,
        rows: sql`json_each(${json}) j`,
      }).compile(deps.db),
    );
  return statements;
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
