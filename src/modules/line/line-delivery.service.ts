import type { Locale } from '../../../db/schema.js';
import type { AppDeps } from '../../context.js';
import type { Compilable } from '../../lib/atomic.js';
import { MINUTE } from '../../lib/clock.js';
import {
  ageInMonths,
  formatDate,
  formatDateTime,
  tokyoDateOf,
  tokyoTimeOf,
} from '../../lib/dates.js';
import { translator } from '../../lib/i18n.js';
import { newId } from '../../lib/ids.js';
import {
  LineApiError,
  lineClientOf,
  retryAfterMs,
  type LineMessage,
} from '../../lib/line-client.js';
import { areaName } from '../../i18n/area-labels.js';
import { categoryLabel } from '../../i18n/category-labels.js';
import { renderEmail, renderStoredNotification } from '../notifications/notifications.service.js';
import { MAX_SEND_ATTEMPTS, nextAttemptAfterFailure } from '../notifications/outbox.service.js';
import { listRequestChildAges } from '../requests/request-pages.queries.js';
import { getCenterSettings } from '../settings/settings.service.js';
import { offerFlexMessage, signOfferPostback } from './line-rules.js';
import {
  claimDueLineOutbox,
  forgetWebhookEvents,
  listLineOutboxContent,
  listUnpushedOffersOfUser,
  mailInsteadOfLine,
  markLineOutboxFailed,
  markLineOutboxSent,
  markOffersPushed,
  releaseLineOutbox,
} from './line.queries.js';

/**
 * The LINE outbox (issue #21): notices queued with their notification (channels.ts) are pushed
 * by the scheduler like mail — claimed in one statement, retried with the mail outbox's backoff
 * on 429/5xx (and network errors), given up on ('dead') after MAX_SEND_ATTEMPTS or at once on
 * another 4xx, and then mailed instead. An `offer_received` notice is pushed as Flex messages of
 * the helper's live offers not pushed yet, with signed Accept/Decline postback buttons.
 *
 * Rate limits: a run pushes at most LINE_PUSHES_PER_RUN notices (the rest wait for the next run),
 * and a 429 stops the run — the pushes not tried yet are put back untried, due when LINE's
 * Retry-After says (or at the next run when it says nothing), and the one that got the 429 waits
 * at least that long too.
 */

/** At most this many pushes a run (every 10 minutes): a burst stays far below LINE's limits. */
export const LINE_PUSHES_PER_RUN = 100;

const CLAIM_LEASE_MINUTES = 15;
/** A Flex carousel holds at most 12 bubbles. */
const MAX_BUBBLES = 12;
/** LINE redelivers a webhook for a while only; the ids are kept a week. */
const WEBHOOK_MEMORY_MINUTES = 7 * 24 * 60;

type Content = Awaited<ReturnType<typeof listLineOutboxContent>>[number];
type OfferRow = Awaited<ReturnType<typeof listUnpushedOffersOfUser>>[number];

/** The helper's live offers not pushed yet, as one Flex message (a carousel when several). */
async function offerMessages(
  deps: AppDeps,
  locale: Locale,
  lineUserId: string,
  offers: readonly OfferRow[],
): Promise<LineMessage[]> {
  const shown = offers.slice(0, MAX_BUBBLES);
  const [settings, ages] = await Promise.all([
    getCenterSettings(deps),
    listRequestChildAges(
      deps.db,
      shown.map((o) => o.request_id),
    ),
  ]);
  const t = translator(locale);
  const today = tokyoDateOf(deps.clock.now());
  const secret = deps.config.LINE_CHANNEL_SECRET!;
  const origin = deps.config.PUBLIC_ORIGIN?.replace(/\/+$/, '');
  const messages = await Promise.all(
    shown.map(async (o) => {
      const date = formatDate(o.starts_at, locale);
      const time = `${tokyoTimeOf(o.starts_at)}–${tokyoTimeOf(o.ends_at)}`;
      const area = areaName(settings.areas, o.requester_area, locale);
      const childAges = ages
        .filter((a) => a.request_id === o.request_id)
        .map((a) => {
          const months = Math.max(0, ageInMonths(a.birth_date, today));
          return t('my.children.age', { years: Math.floor(months / 12), months: months % 12 });
        });
      return offerFlexMessage({
        heading: t('line.flex.heading'),
        rows: [
          { label: t('line.flex.date'), value: date },
          { label: t('line.flex.time'), value: time },
          { label: t('line.flex.area'), value: area },
          { label: t('line.flex.category'), value: categoryLabel(t, o.category) },
          {
            label: t('line.flex.ages'),
            value: childAges.length > 0 ? childAges.join('、') : t('line.flex.noChildren'),
          },
        ],
        note: t('line.flex.note', { until: formatDateTime(o.expires_at, locale) }),
        accept: {
          label: t('line.flex.accept'),
          data: await signOfferPostback(secret, 'accept', o.id, lineUserId),
          displayText: t('line.flex.acceptText'),
        },
        decline: {
          label: t('line.flex.decline'),
          data: await signOfferPostback(secret, 'decline', o.id, lineUserId),
          displayText: t('line.flex.declineText'),
        },
        ...(origin ? { link: { label: t('line.flex.open'), uri: `${origin}/offers` } } : {}),
        altText: t('line.flex.alt', { date, time, area }),
      });
    }),
  );
  if (messages.length === 1) return messages;
  return [
    {
      type: 'flex',
      altText: messages[0]!.altText,
      contents: {
        type: 'carousel',
        contents: messages.map((m) => m.contents as Extract<typeof m.contents, { type: 'bubble' }>),
      },
    },
  ];
}

/** A notice as a text message, rendered from its message key in the reader's language. */
function textMessage(deps: AppDeps, c: Content, locale: Locale): LineMessage {
  const text = renderStoredNotification(c, locale, tokyoDateOf(deps.clock.now()));
  const origin = deps.config.PUBLIC_ORIGIN?.replace(/\/+$/, '');
  const more = c.link && origin ? `\n\n${origin}${c.link}` : '';
  // A text message holds at most 5000 characters.
  return { type: 'text', text: `${text.title}\n\n${text.body}${more}`.slice(0, 5000) };
}

export interface LineDeliveryReport {
  sent: number;
  failed: number;
  /** Claimed but not tried: put back after a 429. */
  deferred: number;
}

/** Pushes the due LINE notices; does nothing while the LINE channel is off. */
export async function deliverLineOutbox(
  deps: AppDeps,
  { limit = LINE_PUSHES_PER_RUN }: { limit?: number } = {},
): Promise<LineDeliveryReport> {
  const client = lineClientOf(deps);
  if (!client) return { sent: 0, failed: 0, deferred: 0 };
  const claimedAt = deps.clock.now();
  const claimed = await claimDueLineOutbox(deps.db, {
    nowIso: claimedAt.toISOString(),
    leaseUntil: new Date(claimedAt.getTime() + CLAIM_LEASE_MINUTES * MINUTE).toISOString(),
    maxAttempts: MAX_SEND_ATTEMPTS,
    limit,
  }).execute(deps.db);
  const rows = claimed.rows.sort(
    (a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id),
  );
  const contents = new Map(
    (
      await listLineOutboxContent(
        deps.db,
        rows.map((r) => r.id),
      )
    ).map((c) => [c.id, c]),
  );
  const sent: string[] = [];
  const marks: Compilable[] = [];
  let failed = 0;
  /** Set by a 429: when LINE may be called again; the rows after it are put back. */
  let throttledUntil: string | undefined;
  const deferred: string[] = [];
  for (const row of rows) {
    if (throttledUntil) {
      deferred.push(row.id);
      continue;
    }
    const content = contents.get(row.id);
    const locale: Locale = content?.locale === 'en' ? 'en' : 'ja';
    try {
      if (!content?.line_user_id) throw new LineApiError('the LINE account was unlinked', 410);
      let messages: LineMessage[];
      let offers: OfferRow[] = [];
      if (content.kind === 'offer_received') {
        offers = await listUnpushedOffersOfUser(
          deps.db,
          row.user_id,
          deps.clock.now().toISOString(),
        );
        // Pushed already with an earlier notice, or no longer open: nothing to say.
        messages =
          offers.length > 0 ? await offerMessages(deps, locale, content.line_user_id, offers) : [];
      } else messages = [textMessage(deps, content, locale)];
      if (messages.length > 0) await client.push(content.line_user_id, messages, row.id);
      if (offers.length > 0)
        await markOffersPushed(
          deps.db,
          offers.slice(0, MAX_BUBBLES),
          deps.clock.now().toISOString(),
        ).execute();
      sent.push(row.id);
    } catch (err) {
      failed += 1;
      const error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      const retryable = !(err instanceof LineApiError) || err.retryable;
      let next = retryable ? nextAttemptAfterFailure(deps.clock.now(), row.attempts) : null;
      if (err instanceof LineApiError && err.status === 429) {
        const wait = retryAfterMs(err.retryAfter, deps.clock.now());
        throttledUntil = new Date(deps.clock.now().getTime() + (wait ?? 0)).toISOString();
        if (next && next < throttledUntil) next = throttledUntil;
      }
      console.warn(`[line] push ${row.id} failed (attempt ${row.attempts}): ${error}`);
      marks.push(
        markLineOutboxFailed(deps.db, { id: row.id, error, nextAttemptAt: next }).compile(),
      );
      if (!next && content) {
        // Given up for good: mailed instead (unless mailed already).
        const text = renderStoredNotification(content, locale, tokyoDateOf(deps.clock.now()));
        const mail = renderEmail(deps, locale, text, content.link);
        marks.push(
          mailInsteadOfLine(deps.db, {
            id: newId(),
            lineOutboxId: row.id,
            subject: mail.subject,
            body: mail.body,
            nowIso: deps.clock.now().toISOString(),
          }),
        );
      }
    }
  }
  if (sent.length > 0)
    marks.push(markLineOutboxSent(deps.db, sent, deps.clock.now().toISOString()).compile());
  if (throttledUntil && deferred.length > 0)
    marks.push(releaseLineOutbox(deps.db, deferred, throttledUntil).compile());
  marks.push(
    forgetWebhookEvents(
      deps.db,
      new Date(claimedAt.getTime() - WEBHOOK_MEMORY_MINUTES * MINUTE).toISOString(),
    ).compile(),
  );
  await deps.atomic(marks);
  return { sent: sent.length, failed, deferred: deferred.length };
}
