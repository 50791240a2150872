import type { OfferStatus } from '../../../db/schema.js';
import type { AppDeps, CurrentUser } from '../../context.js';
import { insertIfPreviousChanged, type Compilable } from '../../lib/atomic.js';
import { HOUR } from '../../lib/clock.js';
import { conflict, notFound, unprocessable } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { auditRow } from '../audit/audit.queries.js';
import { fiscalYearOf, tokyoDateOf } from '../../lib/dates.js';
import { findMemberById, findMemberByUserId } from '../members/members.queries.js';
import { notify } from '../notifications/notifications.service.js';
import { getCenterSettings } from '../settings/settings.service.js';
import { findCandidates } from './candidates.js';
import {
  findOfferById,
  findOfferIdOfHelper,
  findRequestById,
  listActiveStaffUserIds,
  listOffersForRequest,
  type RequestRow,
} from '../requests/requests.queries.js';
import {
  acceptOfferIfFree,
  closeLiveOffersIfAccepted,
  declineOfferIfOffered,
  deleteUnansweredOffer,
  expireOffersDue,
  findHelper,
  findOfferStatusOfHelper,
  insertOfferIfRequestLive,
  insertPairingIfAccepted,
  listHelpersAmong,
  listMatchedWithoutAnyPreMeeting,
  listOffersDue,
  markRequestOffered,
  matchRequestIfAccepted,
  reopenIfNoLiveOffer,
  restoreOfferStatus,
  upsertDirectOffer,
} from './offers.queries.js';
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
  const helpers = await listHelpersAmong(deps.db, unique);
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
    insertOfferIfRequestLive(deps.db, {
      id: newId(),
      requestId: request.id,
      helperId,
      actorId: actor.id,
      nowIso: now.toISOString(),
      expiresIso: expiresAt.toISOString(),
    }),
  );
  statements.push(
    markRequestOffered(deps.db, request.id, now.toISOString()),
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
  const statements: Compilable[] = [
    acceptOfferIfFree(deps.db, { offerId, nowIso: now, request, helperMemberId }),
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
    matchRequestIfAccepted(deps.db, offerId, request.id, helperMemberId, now),
    closeLiveOffersIfAccepted(deps.db, offerId, request.id, now),
    insertPairingIfAccepted(deps.db, {
      id: newId(),
      offerId,
      requesterId: request.requester_member_id,
      helperId: helperMemberId,
      nowIso: now,
    }),
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
  const helper = offer ? await findMemberById(deps.db, offer.helper_member_id) : undefined;
  if (helper && (helper.helper_status !== 'active' || helper.withdrawn_at))
    throw conflict('helper_not_active');
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
  for (const staffId of await listActiveStaffUserIds(deps.db)) {
    await notify(deps, {
      userId: staffId,
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
    declineOfferIfOffered(deps.db, offer.id, now.toISOString(), reason ?? null),
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
    reopenIfNoLiveOffer(deps.db, offer.request_id, now.toISOString()),
  ]);
  if (!update || update.numAffectedRows === 0) throw conflict('invalid_transition');
  const request = (await findRequestById(deps.db, offer.request_id))!;
  for (const staffId of await listActiveStaffUserIds(deps.db)) {
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

/**
 * A direct assignment that lost (another helper won, or the helper is now booked) must not leave
 * behind an offer nobody made: the row goes back to what it was, or away if it was new.
 */
async function undoDirectOffer(deps: AppDeps, offerId: string, previousStatus?: OfferStatus) {
  if (previousStatus === 'offered') return;
  // The winner's batch may already have closed it along with the other live offers.
  if (previousStatus) await restoreOfferStatus(deps.db, offerId, previousStatus);
  else await deleteUnansweredOffer(deps.db, offerId);
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
  const helper = await findHelper(deps.db, helperId);
  if (!helper) throw unprocessable('unknown_helper');
  await assertCandidates(deps, request, [helperId]);
  const now = deps.clock.now();
  const offerId = newId();
  const previous = await findOfferStatusOfHelper(deps.db, request.id, helperId);
  await upsertDirectOffer(deps.db, {
    id: offerId,
    request_id: request.id,
    helper_member_id: helperId,
    status: 'offered',
    offered_by_user_id: actor.id,
    offered_at: now.toISOString(),
    expires_at: new Date(request.starts_at).toISOString(),
    responded_at: null,
    decline_reason: null,
  });
  const existing = (await findOfferIdOfHelper(deps.db, request.id, helperId))!;
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
  const due = await listOffersDue(deps.db, now.toISOString());
  if (due.length === 0) return 0;
  const requestIds = [...new Set(due.map((o) => o.request_id))];
  await deps.atomic([
    expireOffersDue(deps.db, now.toISOString()),
    ...requestIds.map((id) => reopenIfNoLiveOffer(deps.db, id, now.toISOString())),
  ]);
  // The helper learns the offer lapsed; staff see which requests need another try.
  const staff = await listActiveStaffUserIds(deps.db);
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
    for (const staffId of staff) {
      await notify(deps, {
        userId: staffId,
        kind: 'offer_expired_staff',
        params: { when },
        link: `/coordination/requests/${o.request_id}`,
        email: false,
        dedupeKey: `offer-expired:${o.id}:${staffId}`,
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
  const rows = await listMatchedWithoutAnyPreMeeting(deps.db, now.toISOString(), until);
  const staff = await listActiveStaffUserIds(deps.db);
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
    for (const staffId of staff) {
      await notify(deps, {
        userId: staffId,
        kind: 'pre_meeting_due_staff',
        params,
        link: `/coordination/requests/${r.id}`,
        email: false,
        dedupeKey: `${key}:${staffId}`,
      });
    }
  }
}

export async function ownHelperMemberId(deps: AppDeps, user: CurrentUser) {
  const member = await findMemberByUserId(deps.db, user.id);
  if (!member || member.helper_status === null) throw notFound();
  return member;
}
