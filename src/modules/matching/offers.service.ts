import { sql } from 'kysely';
import type { OfferStatus } from '../../../db/schema.js';
import type { AppDeps, CurrentUser } from '../../context.js';
import { insertIfPreviousChanged, type Compilable } from '../../lib/atomic.js';
import { HOUR } from '../../lib/clock.js';
import { conflict, notFound, unprocessable } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { auditRow } from '../audit/audit.queries.js';
import { fiscalYearOf, tokyoDateOf } from '../../lib/dates.js';
import { findMemberByUserId } from '../members/members.queries.js';
import { notify } from '../notifications/notifications.service.js';
import { getCenterSettings } from '../settings/settings.service.js';
import { findCandidates } from './candidates.js';
import {
  findOfferById,
  findRequestById,
  listOffersForRequest,
  type RequestRow,
} from '../requests/requests.queries.js';
import { formatWhen } from '../requests/requests.service.js';

const LIVE = ['open', 'offered'] as const;

/**
 * Refuses helpers the hard filters exclude: a helper who is not eligible, busy or unavailable is
 * never offered a request (the code of the first reason names the rule).
 */
async function assertCandidates(deps: AppDeps, request: RequestRow, helperIds: string[]) {
  if (request.starts_at <= deps.clock.now().toISOString()) throw unprocessable('past_start');
  const { candidates, excluded } = await findCandidates(deps, request, {
    onlyHelperIds: helperIds,
  });
  const blocked = excluded.find((e) => helperIds.includes(e.helperId));
  if (blocked) throw unprocessable(blocked.reasons[0]?.code ?? 'not_qualified');
  // Helpers the ranking never considered (the requester herself, withdrawn members) are refused too.
  const ranked = new Set(candidates.map((c) => c.helperId));
  if (helperIds.some((id) => !ranked.has(id))) throw unprocessable('not_active');
}

/** Staff offer a request to one or several helpers; each is told, and the request is `offered`. */
export async function createOffers(
  deps: AppDeps,
  actor: CurrentUser,
  request: RequestRow,
  helperIds: string[],
  clientAddress?: string,
) {
  const unique = [...new Set(helperIds)];
  if (!LIVE.includes(request.status as (typeof LIVE)[number])) throw conflict('invalid_transition');
  const helpers = await deps.db
    .selectFrom('member')
    .select(['id', 'user_id'])
    .where('id', 'in', unique)
    .where('helper_status', 'is not', null)
    .execute();
  if (helpers.length !== unique.length) throw unprocessable('unknown_helper');
  await assertCandidates(deps, request, unique);
  // Helpers who already hold a live offer keep it unchanged (the upsert skips them): not told twice.
  const alreadyOffered = new Set(
    (await listOffersForRequest(deps.db, request.id))
      .filter((o) => o.status === 'offered')
      .map((o) => o.helper_member_id),
  );
  const settings = await getCenterSettings(deps);
  const now = deps.clock.now();
  const expiresAt = new Date(
    Math.min(
      now.getTime() + settings.requests.offerExpiryHours * HOUR,
      new Date(request.starts_at).getTime(),
    ),
  );
  const statements: Compilable[] = unique.map((helperId) =>
    // The request must still be open when the batch runs (another adviser may have matched it).
    sql`INSERT INTO offer (id, request_id, helper_member_id, status, offered_by_user_id, offered_at, expires_at, responded_at, decline_reason)
      SELECT ${newId()}, ${request.id}, ${helperId}, 'offered', ${actor.id}, ${now.toISOString()}, ${expiresAt.toISOString()}, NULL, NULL
      WHERE EXISTS (SELECT 1 FROM care_request WHERE id = ${request.id} AND status IN ('open', 'offered'))
      ON CONFLICT (request_id, helper_member_id) DO UPDATE SET status = 'offered', offered_at = excluded.offered_at,
        expires_at = excluded.expires_at, responded_at = NULL, decline_reason = NULL, offered_by_user_id = excluded.offered_by_user_id
      WHERE offer.status IN ('declined', 'expired', 'withdrawn')`.compile(deps.db),
  );
  statements.push(
    deps.db
      .updateTable('care_request')
      .set({ status: 'offered', updated_at: now.toISOString() })
      .where('id', '=', request.id)
      .where('status', 'in', [...LIVE]),
    // Only if the request was still live: a refused batch (409) must leave no audit row.
    insertIfPreviousChanged(
      deps.db,
      'audit_log',
      auditRow({
        at: now,
        actorUserId: actor.id,
        action: 'offers_sent',
        subjectType: 'care_request',
        subjectId: request.id,
        clientAddress,
        details: { helperIds: unique },
      }),
    ),
  );
  const results = await deps.atomic(statements);
  if (results.at(-2)?.numAffectedRows === 0) throw conflict('invalid_transition');
  for (const h of helpers.filter((helper) => !alreadyOffered.has(helper.id))) {
    await notify(deps, {
      userId: h.user_id,
      kind: 'offer_received',
      params: { when: formatWhen(request.starts_at) },
      link: '/offers',
    });
  }
  return listOffersForRequest(deps.db, request.id);
}

/**
 * The heart of matching: the first acceptance wins. One atomic batch of conditional statements:
 * the offer becomes accepted only if it is still offered and unexpired, the request still open,
 * no other offer accepted (a partial unique index enforces it too) and the helper not booked at
 * an overlapping time; everything after is chained to that outcome. No read-then-write.
 */
async function acceptInBatch(
  deps: AppDeps,
  offerId: string,
  request: RequestRow,
  helperMemberId: string,
  actorUserId: string,
  action: string,
  clientAddress?: string,
) {
  const now = deps.clock.now().toISOString();
  const accepted = sql<boolean>`EXISTS (SELECT 1 FROM offer WHERE id = ${offerId} AND status = 'accepted')`;
  const statements: Compilable[] = [
    sql`UPDATE offer SET status = 'accepted', responded_at = ${now}
        WHERE id = ${offerId} AND status = 'offered' AND expires_at > ${now}
          AND EXISTS (SELECT 1 FROM care_request WHERE id = ${request.id} AND status IN ('open', 'offered'))
          AND NOT EXISTS (SELECT 1 FROM offer WHERE request_id = ${request.id} AND status = 'accepted')
          AND NOT EXISTS (SELECT 1 FROM care_request WHERE helper_member_id = ${helperMemberId} AND status = 'matched'
                          AND starts_at < ${request.ends_at} AND ends_at > ${request.starts_at})`.compile(
      deps.db,
    ),
    insertIfPreviousChanged(
      deps.db,
      'audit_log',
      auditRow({
        at: deps.clock.now(),
        actorUserId,
        action,
        subjectType: 'care_request',
        subjectId: request.id,
        clientAddress,
        details: { offerId, helperMemberId },
      }),
    ),
    deps.db
      .updateTable('care_request')
      .set({
        status: 'matched',
        helper_member_id: helperMemberId,
        matched_at: now,
        updated_at: now,
      })
      .where('id', '=', request.id)
      .where('status', 'in', [...LIVE])
      .where(accepted),
    deps.db
      .updateTable('offer')
      .set({ status: 'closed', responded_at: now })
      .where('request_id', '=', request.id)
      .where('status', '=', 'offered')
      .where(accepted),
    sql`INSERT INTO pairing (id, requester_member_id, helper_member_id, created_at)
        SELECT ${newId()}, ${request.requester_member_id}, ${helperMemberId}, ${now} WHERE ${accepted}
        ON CONFLICT (requester_member_id, helper_member_id) DO NOTHING`.compile(deps.db),
  ];
  const [first] = await deps.atomic(statements);
  return (first?.numAffectedRows ?? 0) > 0;
}

async function explainFailedAccept(
  deps: AppDeps,
  offerId: string,
  requestId: string,
): Promise<never> {
  const [offer, request] = await Promise.all([
    findOfferById(deps.db, offerId),
    findRequestById(deps.db, requestId),
  ]);
  if (request && request.status === 'matched')
    throw conflict('already_matched', 'rule.already_matched');
  if (request && request.status === 'cancelled')
    throw conflict('request_cancelled', 'rule.request_cancelled');
  if (offer && offer.status === 'offered' && offer.expires_at <= deps.clock.now().toISOString())
    throw conflict('offer_expired', 'rule.offer_expired');
  if (offer && offer.status === 'offered')
    throw conflict('helper_double_booked', 'rule.helper_double_booked');
  throw conflict('invalid_transition');
}

async function notifyAfterMatch(deps: AppDeps, request: RequestRow, winnerUserId: string) {
  const when = formatWhen(request.starts_at);
  const offers = await listOffersForRequest(deps.db, request.id);
  for (const o of offers) {
    if (o.status === 'closed' && o.helper_user_id !== winnerUserId) {
      await notify(deps, {
        userId: o.helper_user_id,
        kind: 'offer_closed',
        params: { when },
        link: '/offers',
      });
    }
  }
  await notify(deps, {
    userId: request.requester_user_id,
    kind: 'request_matched',
    params: { when },
    link: `/requests/${request.id}`,
  });
  const staff = await deps.db
    .selectFrom('user')
    .select('id')
    .where('role', 'in', ['staff', 'admin'])
    .where('disabled_at', 'is', null)
    .execute();
  for (const s of staff) {
    await notify(deps, {
      userId: s.id,
      kind: 'offer_accepted',
      params: { when, requester: request.requester_name },
      link: `/requests/${request.id}`,
      email: false,
    });
  }
}

/** The offered helper accepts: 200, or 409 `already_matched` when another helper won. */
export async function acceptOffer(
  deps: AppDeps,
  user: CurrentUser,
  offerId: string,
  clientAddress?: string,
) {
  const offer = await findOfferById(deps.db, offerId);
  if (!offer || offer.helper_user_id !== user.id) throw notFound();
  const request = (await findRequestById(deps.db, offer.request_id))!;
  const won = await acceptInBatch(
    deps,
    offer.id,
    request,
    offer.helper_member_id,
    user.id,
    'offer_accepted',
    clientAddress,
  );
  if (!won) return explainFailedAccept(deps, offer.id, request.id);
  await notifyAfterMatch(deps, request, user.id);
  return {
    offer: (await findOfferById(deps.db, offer.id))!,
    request: (await findRequestById(deps.db, request.id))!,
  };
}

export async function declineOffer(
  deps: AppDeps,
  user: CurrentUser,
  offerId: string,
  reason: string | undefined,
  clientAddress?: string,
) {
  const offer = await findOfferById(deps.db, offerId);
  if (!offer || offer.helper_user_id !== user.id) throw notFound();
  const now = deps.clock.now();
  const [update] = await deps.atomic([
    deps.db
      .updateTable('offer')
      .set({ status: 'declined', responded_at: now.toISOString(), decline_reason: reason ?? null })
      .where('id', '=', offer.id)
      .where('status', '=', 'offered'),
    // Right after the UPDATE: a decline refused as a 409 must leave no audit row.
    insertIfPreviousChanged(
      deps.db,
      'audit_log',
      auditRow({
        at: now,
        actorUserId: user.id,
        action: 'offer_declined',
        subjectType: 'care_request',
        subjectId: offer.request_id,
        clientAddress,
        details: { offerId },
      }),
    ),
    ...reopenIfNoLiveOffer(deps, offer.request_id, now),
  ]);
  if (!update || update.numAffectedRows === 0) throw conflict('invalid_transition');
  const request = (await findRequestById(deps.db, offer.request_id))!;
  for (const staffId of (
    await deps.db
      .selectFrom('user')
      .select('id')
      .where('role', 'in', ['staff', 'admin'])
      .where('disabled_at', 'is', null)
      .execute()
  ).map((r) => r.id)) {
    await notify(deps, {
      userId: staffId,
      kind: 'offer_declined',
      params: { when: formatWhen(request.starts_at), helper: offer.helper_name },
      link: `/requests/${request.id}`,
      email: false,
    });
  }
  return (await findOfferById(deps.db, offer.id))!;
}

/** An `offered` request with no live offer left goes back to `open` for staff to try again. */
function reopenIfNoLiveOffer(deps: AppDeps, requestId: string, now: Date): Compilable[] {
  return [
    deps.db
      .updateTable('care_request')
      .set({ status: 'open', updated_at: now.toISOString() })
      .where('id', '=', requestId)
      .where('status', '=', 'offered')
      .where(
        sql<boolean>`NOT EXISTS (SELECT 1 FROM offer WHERE request_id = ${requestId} AND status = 'offered' AND expires_at > ${now.toISOString()})`,
      ),
  ];
}

/**
 * A direct assignment that lost (another helper won, or the helper is now booked) must not leave
 * behind an offer nobody made: the row goes back to what it was, or away if it was new.
 */
async function undoDirectOffer(deps: AppDeps, offerId: string, previousStatus?: OfferStatus) {
  if (previousStatus === 'offered') return;
  // The winner's batch may already have closed it along with the other live offers.
  const undone = ['offered', 'closed'] as const;
  if (previousStatus)
    await deps.db
      .updateTable('offer')
      .set({ status: previousStatus })
      .where('id', '=', offerId)
      .where('status', 'in', undone)
      .execute();
  else
    await deps.db
      .deleteFrom('offer')
      .where('id', '=', offerId)
      .where('status', 'in', undone)
      .execute();
}

/** Staff assign directly when a helper agreed by phone: an accepted offer, the same guarantees. */
export async function assignDirectly(
  deps: AppDeps,
  actor: CurrentUser,
  request: RequestRow,
  helperId: string,
  clientAddress?: string,
) {
  if (!LIVE.includes(request.status as (typeof LIVE)[number]))
    throw conflict('already_matched', 'rule.already_matched');
  const helper = await deps.db
    .selectFrom('member')
    .select(['id', 'user_id'])
    .where('id', '=', helperId)
    .where('helper_status', 'is not', null)
    .executeTakeFirst();
  if (!helper) throw unprocessable('unknown_helper');
  await assertCandidates(deps, request, [helperId]);
  const now = deps.clock.now();
  const offerId = newId();
  const previous = await deps.db
    .selectFrom('offer')
    .select(['id', 'status'])
    .where('request_id', '=', request.id)
    .where('helper_member_id', '=', helperId)
    .executeTakeFirst();
  await deps.db
    .insertInto('offer')
    .values({
      id: offerId,
      request_id: request.id,
      helper_member_id: helperId,
      status: 'offered',
      offered_by_user_id: actor.id,
      offered_at: now.toISOString(),
      expires_at: new Date(request.starts_at).toISOString(),
      responded_at: null,
      decline_reason: null,
    })
    .onConflict((oc) =>
      oc
        .columns(['request_id', 'helper_member_id'])
        .doUpdateSet({ status: 'offered', expires_at: new Date(request.starts_at).toISOString() }),
    )
    .execute();
  const existing = await deps.db
    .selectFrom('offer')
    .select('id')
    .where('request_id', '=', request.id)
    .where('helper_member_id', '=', helperId)
    .executeTakeFirstOrThrow();
  const won = await acceptInBatch(
    deps,
    existing.id,
    request,
    helperId,
    actor.id,
    'request_assigned',
    clientAddress,
  );
  if (!won) {
    const failure: unknown = await explainFailedAccept(deps, existing.id, request.id).catch(
      (e: unknown) => e,
    );
    await undoDirectOffer(deps, existing.id, previous?.status);
    throw failure;
  }
  await notify(deps, {
    userId: helper.user_id,
    kind: 'request_assigned',
    params: { when: formatWhen(request.starts_at) },
    link: `/requests/${request.id}`,
  });
  await notifyAfterMatch(deps, request, helper.user_id);
  return (await findRequestById(deps.db, request.id))!;
}

/** Scheduled: offers past their expiry become `expired`; their requests reopen. Idempotent. */
export async function expireOffers(deps: AppDeps, now: Date) {
  const due = await deps.db
    .selectFrom('offer')
    .innerJoin('member', 'member.id', 'offer.helper_member_id')
    .innerJoin('care_request', 'care_request.id', 'offer.request_id')
    .select(['offer.id', 'offer.request_id', 'member.user_id', 'care_request.starts_at'])
    .where('offer.status', '=', 'offered')
    .where('offer.expires_at', '<=', now.toISOString())
    .execute();
  if (due.length === 0) return 0;
  const requestIds = [...new Set(due.map((o) => o.request_id))];
  await deps.atomic([
    deps.db
      .updateTable('offer')
      .set({ status: 'expired', responded_at: now.toISOString() })
      .where('status', '=', 'offered')
      .where('expires_at', '<=', now.toISOString()),
    ...requestIds.flatMap((id) => reopenIfNoLiveOffer(deps, id, now)),
  ]);
  // The helper learns the offer lapsed; staff see which requests need another try.
  const staff = await deps.db
    .selectFrom('user')
    .select('id')
    .where('role', 'in', ['staff', 'admin'])
    .where('disabled_at', 'is', null)
    .execute();
  for (const o of due) {
    const when = formatWhen(o.starts_at);
    await notify(deps, {
      userId: o.user_id,
      kind: 'offer_expired',
      params: { when },
      link: '/offers',
      email: false,
      dedupeKey: `offer-expired:${o.id}`,
    });
    for (const s of staff) {
      await notify(deps, {
        userId: s.id,
        kind: 'offer_expired_staff',
        params: { when },
        link: `/coordination/requests/${o.request_id}`,
        email: false,
        dedupeKey: `offer-expired:${o.id}:${s.id}`,
      });
    }
  }
  return due.length;
}

const PRE_MEETING_NOTICE_DAYS = 3;

/**
 * Scheduled: a matched request starting within three days whose pairing still needs its
 * pre-meeting is flagged to staff and to both families, once per pairing and fiscal year.
 */
export async function notifyPreMeetingsDue(deps: AppDeps, now: Date) {
  const until = new Date(now.getTime() + PRE_MEETING_NOTICE_DAYS * 24 * 3_600_000).toISOString();
  const rows = await deps.db
    .selectFrom('care_request')
    .innerJoin('member as requester', 'requester.id', 'care_request.requester_member_id')
    .innerJoin('member as helper', 'helper.id', 'care_request.helper_member_id')
    .select([
      'care_request.id',
      'care_request.starts_at',
      'care_request.requester_member_id',
      'care_request.helper_member_id',
      'requester.user_id as requester_user_id',
      'helper.user_id as helper_user_id',
      'requester.name as requester_name',
    ])
    .where('care_request.status', '=', 'matched')
    .where('care_request.starts_at', '>', now.toISOString())
    .where('care_request.starts_at', '<=', until)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('pre_meeting')
            .select('pre_meeting.id')
            .whereRef('pre_meeting.requester_member_id', '=', 'care_request.requester_member_id')
            .whereRef('pre_meeting.helper_member_id', '=', 'care_request.helper_member_id'),
        ),
      ),
    )
    .orderBy('care_request.starts_at')
    .execute();
  const staff = await deps.db
    .selectFrom('user')
    .select('id')
    .where('role', 'in', ['staff', 'admin'])
    .where('disabled_at', 'is', null)
    .execute();
  for (const r of rows) {
    const fy = fiscalYearOf(tokyoDateOf(r.starts_at));
    const key = `pre-meeting-due:${r.requester_member_id}:${r.helper_member_id}:${fy}`;
    const params = { when: formatWhen(r.starts_at), requester: r.requester_name };
    for (const userId of [r.requester_user_id, r.helper_user_id]) {
      await notify(deps, {
        userId,
        kind: 'pre_meeting_due',
        params,
        link: `/requests/${r.id}`,
        dedupeKey: `${key}:${userId}`,
      });
    }
    for (const s of staff) {
      await notify(deps, {
        userId: s.id,
        kind: 'pre_meeting_due_staff',
        params,
        link: `/coordination/requests/${r.id}`,
        email: false,
        dedupeKey: `${key}:${s.id}`,
      });
    }
  }
}

export async function ownHelperMemberId(deps: AppDeps, user: CurrentUser) {
  const member = await findMemberByUserId(deps.db, user.id);
  if (!member || member.helper_status === null) throw notFound();
  return member;
}
