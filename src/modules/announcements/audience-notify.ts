import { sql, type RawBuilder } from 'kysely';
import type { AppDeps } from '../../context.js';
import type { Compilable } from '../../lib/atomic.js';
import { translator } from '../../lib/i18n.js';
import { newId } from '../../lib/ids.js';
import type { AnnouncementAudience, Locale } from '../../../db/schema.js';
import { renderNotificationText } from '../notifications/notifications.service.js';
import { mayBeNotified } from '../notifications/recipients.js';
import { listAudienceRecipients } from './announcements.queries.js';

/** Rows per statement: one JSON parameter each (D1 allows 100 parameters, 2 MB per value). */
const CHUNK = 500;

export interface AudienceNotice {
  audience: AnnouncementAudience;
  kind: string;
  params: Record<string, string | number>;
  link: string;
  /** `${dedupePrefix}:${userId}`: at most one notice per subject and person, ever. */
  dedupePrefix: string;
  /** Also queue a mail, whose body is this text (per language) instead of the notice's body. */
  email: { ja: string; en: string } | null;
  /**
   * The statements write only while this holds (a SQL condition checked inside the same batch,
   * e.g. "the announcement is published at this instant"), so they can follow a conditional
   * UPDATE without reading its result.
   */
  onlyIf: RawBuilder<unknown>;
  /** Rows per statement (tests use small ones); CHUNK by default. */
  chunkSize?: number;
}

/**
 * The inbox entries (and mails) for everyone in an audience, as a few set-based statements for
 * the caller's atomic batch, however many people that is: the recipients are read once, the
 * texts are rendered once per language, and the rows travel as JSON. It is the bulk form of
 * notify(): same table rows, same recipient rule (mayBeNotified), same dedupe keys, same mail.
 */
export async function buildAudienceNotifications(
  deps: AppDeps,
  notice: AudienceNotice,
): Promise<{ statements: Compilable[]; recipients: number }> {
  const recipients = (await listAudienceRecipients(deps.db, notice.audience)).filter(mayBeNotified);
  if (recipients.length === 0) return { statements: [], recipients: 0 };
  const now = deps.clock.now().toISOString();
  const text = {
    ja: renderNotificationText('ja', notice.kind, notice.params),
    en: renderNotificationText('en', notice.kind, notice.params),
  };
  const mail = notice.email
    ? {
        ja: renderMail(deps, 'ja', text.ja.title, notice.email.ja, notice.link),
        en: renderMail(deps, 'en', text.en.title, notice.email.en, notice.link),
      }
    : null;
  const rows = recipients.map((r) => ({
    id: newId(),
    mailId: newId(),
    userId: r.id,
    email: r.email,
    locale: (r.locale ?? 'ja') satisfies Locale,
    dedupeKey: `${notice.dedupePrefix}:${r.id}`,
  }));
  const statements: Compilable[] = [];
  const size = Math.max(1, notice.chunkSize ?? CHUNK);
  for (let i = 0; i < rows.length; i += size) {
    const chunk = JSON.stringify(rows.slice(i, i + size));
    statements.push(
      sql`INSERT INTO notification
        (id, user_id, kind, params, link, dedupe_key, title, body, created_at, read_at)
      SELECT json_extract(r.value, '$.id'), json_extract(r.value, '$.userId'), ${notice.kind},
        ${JSON.stringify(notice.params)}, ${notice.link}, json_extract(r.value, '$.dedupeKey'),
        CASE json_extract(r.value, '$.locale') WHEN 'en' THEN ${text.en.title} ELSE ${text.ja.title} END,
        CASE json_extract(r.value, '$.locale') WHEN 'en' THEN ${text.en.body} ELSE ${text.ja.body} END,
        ${now}, NULL
      FROM json_each(${chunk}) r
      WHERE ${notice.onlyIf}
      ON CONFLICT (dedupe_key) DO NOTHING`.compile(deps.db),
    );
    if (mail) {
      // Queued only for the inbox rows just written: a repeated dedupe key wrote none.
      statements.push(
        sql`INSERT INTO outbox
          (id, notification_id, to_email, subject, body, locale, status, attempts, created_at, next_attempt_at)
        SELECT json_extract(r.value, '$.mailId'), n.id, json_extract(r.value, '$.email'),
          CASE json_extract(r.value, '$.locale') WHEN 'en' THEN ${mail.en.subject} ELSE ${mail.ja.subject} END,
          CASE json_extract(r.value, '$.locale') WHEN 'en' THEN ${mail.en.body} ELSE ${mail.ja.body} END,
          CASE json_extract(r.value, '$.locale') WHEN 'en' THEN 'en' ELSE 'ja' END,
          'pending', 0, ${now}, ${now}
        FROM json_each(${chunk}) r
        JOIN notification n ON n.id = json_extract(r.value, '$.id')`.compile(deps.db),
      );
    }
  }
  return { statements, recipients: recipients.length };
}

/** The same mail layout as notify(): the text, where to read it, and who sent it. */
function renderMail(deps: AppDeps, locale: Locale, title: string, text: string, link: string) {
  const t = translator(locale);
  const origin = deps.config.PUBLIC_ORIGIN?.replace(/\/+$/, '');
  const more = origin
    ? t('notification.email.openAt', { url: `${origin}${link}` })
    : t('notification.email.openInApp');
  return {
    subject: t('notification.email.subject', { title }),
    body: `${text}\n\n${more}\n\n--\n${t('notification.email.footer')}`,
  };
}
