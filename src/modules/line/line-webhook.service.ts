import { z } from 'zod';
import type { AppDeps, CurrentUser } from '../../context.js';
import { formatDateTime } from '../../lib/dates.js';
import { AppError } from '../../lib/errors.js';
import { translator, type MessageKey } from '../../lib/i18n.js';
import { lineClientOf } from '../../lib/line-client.js';
import { buildAuditInsert } from '../audit/audit.queries.js';
import { acceptOffer, declineOffer } from '../matching/offers.service.js';
import { normalizeLinkCode, readOfferPostback } from './line-rules.js';
import { linkWithCode } from './line.service.js';
import { claimWebhookEvent, findUserOfLineAccount, unlinkLineAccount } from './line.queries.js';

/**
 * The webhook's events (issue #21), once the signature is verified: each event once (by its
 * webhookEventId, however often LINE redelivers it), each on its own (one failing is logged, the
 * others still run). Only events from a user's one-to-one chat are acted on.
 */

/** The fields of LINE's webhook body the app reads (the rest is ignored). */
export const webhookBody = z.object({
  destination: z.string().optional(),
  events: z.array(
    z.object({
      type: z.string(),
      webhookEventId: z.string().min(1).max(100),
      replyToken: z.string().optional(),
      source: z.object({ type: z.string(), userId: z.string().max(100).optional() }).optional(),
      message: z.object({ type: z.string(), text: z.string().optional() }).optional(),
      postback: z.object({ data: z.string() }).optional(),
    }),
  ),
});
export type WebhookEvent = z.infer<typeof webhookBody>['events'][number];

async function reply(
  deps: AppDeps,
  event: WebhookEvent,
  locale: CurrentUser['locale'],
  key: MessageKey,
  params?: Record<string, string | number>,
) {
  const client = lineClientOf(deps);
  if (!client || !event.replyToken) return;
  try {
    await client.reply(event.replyToken, [
      { type: 'text', text: translator(locale ?? 'ja')(key, params) },
    ]);
  } catch (err) {
    // A reply token lasts a short while only: the answer itself has been recorded.
    console.warn(`[line] reply failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** What a refused accept means, in the words the helper reads. */
const ACCEPT_REFUSAL: Readonly<Record<string, MessageKey>> = {
  already_matched: 'line.reply.filled',
  request_cancelled: 'line.reply.cancelled',
  offer_expired: 'line.reply.expired',
  helper_double_booked: 'line.reply.busy',
};

async function answerOffer(deps: AppDeps, event: WebhookEvent, lineUserId: string) {
  const user = await findUserOfLineAccount(deps.db, lineUserId);
  if (!user) return reply(deps, event, null, 'line.reply.notLinked');
  const postback = await readOfferPostback(
    deps.config.LINE_CHANNEL_SECRET!,
    event.postback?.data ?? '',
    lineUserId,
  );
  if (!postback) return reply(deps, event, user.locale, 'line.reply.unknownOffer');
  const locale = user.locale ?? 'ja';
  try {
    // The same operations as the site's buttons: first acceptance wins, the offer must be hers.
    if (postback.answer === 'accept') {
      const { request } = await acceptOffer(deps, user, postback.offerId);
      return reply(deps, event, locale, 'line.reply.accepted', {
        when: formatDateTime(request.starts_at, locale),
      });
    }
    await declineOffer(deps, user, postback.offerId, undefined);
    return reply(deps, event, locale, 'line.reply.declined');
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (err.status === 404) return reply(deps, event, locale, 'line.reply.unknownOffer');
    if (err.status === 409)
      return reply(deps, event, locale, ACCEPT_REFUSAL[err.code] ?? 'line.reply.answered');
    throw err;
  }
}

/** A reply in the language of the account's user: `linked` if it is linked to one, else `unlinked`. */
async function replyToAccount(
  deps: AppDeps,
  event: WebhookEvent,
  lineUserId: string,
  linked: MessageKey,
  unlinked: MessageKey,
) {
  const user = await findUserOfLineAccount(deps.db, lineUserId);
  return reply(deps, event, user?.locale ?? null, user ? linked : unlinked);
}

async function handleEvent(deps: AppDeps, event: WebhookEvent) {
  const lineUserId = event.source?.type === 'user' ? event.source.userId : undefined;
  if (!lineUserId) return;
  switch (event.type) {
    case 'follow':
      return replyToAccount(deps, event, lineUserId, 'line.reply.linked', 'line.reply.followed');
    case 'unfollow': {
      // She blocked the account: the link ends (LINE gives no reply token for this event).
      const user = await findUserOfLineAccount(deps.db, lineUserId);
      const result = await unlinkLineAccount(deps.db, lineUserId);
      if (user && Number(result.numDeletedRows) > 0)
        await buildAuditInsert(deps.db, {
          at: deps.clock.now(),
          actorUserId: user.id,
          action: 'line_unlinked',
          subjectType: 'user',
          subjectId: user.id,
          details: { by: 'unfollow' },
        }).execute();
      return;
    }
    case 'message': {
      const code =
        event.message?.type === 'text' ? normalizeLinkCode(event.message.text ?? '') : undefined;
      if (code) {
        const userId = await linkWithCode(deps, code, lineUserId);
        const user = userId ? await findUserOfLineAccount(deps.db, lineUserId) : undefined;
        return reply(
          deps,
          event,
          user?.locale ?? null,
          userId ? 'line.reply.linked' : 'line.reply.codeInvalid',
        );
      }
      return replyToAccount(deps, event, lineUserId, 'line.reply.help', 'line.reply.notLinked');
    }
    case 'postback':
      return answerOffer(deps, event, lineUserId);
    default:
      return;
  }
}

/** Handles a verified webhook body's events, each once. */
export async function handleLineEvents(deps: AppDeps, events: readonly WebhookEvent[]) {
  for (const event of events) {
    try {
      if (!(await claimWebhookEvent(deps.db, event.webhookEventId, deps.clock.now().toISOString())))
        continue;
      await handleEvent(deps, event);
    } catch (err) {
      console.error(`[line] event ${event.webhookEventId} (${event.type}) failed:`, err);
    }
  }
}
