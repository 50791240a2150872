import { sql } from 'kysely';
import type { Member, OfferStatus } from '../../../db/schema.js';
import type { AppDeps, CurrentUser } from '../../context.js';
import { insertIfPreviousChanged, type Compilable } from '../../lib/atomic.js';
import { batchRead } from '../../lib/batch-read.js';
import { HOUR } from '../../lib/clock.js';
import { conflict, notFound, unprocessable } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { auditRow } from '../audit/audit.queries.js';
import { fiscalYearOf, tokyoDateOf } from '../../lib/dates.js';
import { findMemberById, findMemberByUserId } from '../members/members.queries.js';
import {
  notificationStatements,
  notifyAll,
  rowWritten,
  type NotifyCondition,
} from '../notifications/notifications.service.js';
import { getCenterSettings } from '../settings/settings.service.js';
import { findCandidates } from './candidates.js';
import type { RankResult } from './ranking.js';
import {
  activeStaffQuery,
  findOfferById,
  findRequestById,
  findOfferOfHelper,
  listActiveStaffUserIds,
  offerQuery,
  offersOfRequestQuery,
  requestOfOfferQuery,
  requestQuery,
  type RequestRow,
} from '../requests/requests.queries.js';
import {
  acceptOfferIfFree,
  closeLiveOffersIfAccepted,
  declineOfferIfOffered,
  deleteUnansweredOffer,
  expireOffersDue,
  findHelper,
  insertOfferIfRequestLive,
  insertPairingIfAccepted,
  listHelpersAmongQuery,
  listMatchedWithoutAnyPreMeeting,
  markRequestOffered,
  matchRequestIfAccepted,
  offerIdOfHelperQuery,
  offersDueQuery,
  offersOfRequestOfOfferQuery,
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
function assertCandidates(ranking: RankResult, helperIds: string[]) {
  const { candidates, excluded } = ranking;
  const blocked = excluded.find((e) => helperIds.includes(e.helperId));
  if (blocked) throw unprocessable(blocked.reasons[0]?.code ?? 'not_qualified');
  // Helpers the ranking never considered (the requester herself, withdrawn members) are refused too.
  const ranked = new Set(candidates.map((c) => c.helperId));
  if (helperIds.some((id) => !ranked.has(id))) throw unprocessable('not_active');
}

export interface OfferOptions {
  /**
   * The caller's own check of the ranking, run before the domain's (a page refuses some ids with
   * its own codes). The ranking is computed once, by createOffers.
   */
  check?: (ranking: RankResult) => void;
  /** A ranking of this request the caller has just made (not ranked again then). */
  ranking?: RankResult;
}

type OfferRow = Awaited<ReturnType<ReturnType<typeof offersOfRequestQuery>['execute']>>[number];

/**
 * Staff offer a request to one or several helpers; each is told, and the request is `offered`.
 * Three round trips on D1 whatever the number of helpers: the ranking and the helpers' rows read
 * side by side, then one batch with the offers, the request's status, the audit row, the
 * notifications (written only if the batch's audit row is, i.e. the request was still live) and
 * the request's offers as the batch left them.
 */
export async function createOffers(
  deps: AppDeps,
  actor: CurrentUser,
  request: RequestRow,
  helperIds: string[],
  clientAddress?: string,
  options: OfferOptions = {},
): Promise<OfferRow[]> {
  const unique = [...new Set(helperIds)];
  if (!LIVE.includes(request.status as (typeof LIVE)[number])) throw conflict('invalid_transition');
  if (request.starts_at <= deps.clock.now().toISOString()) throw unprocessable('past_start');
  const [ranking, [helpers, offers], settings] = await Promise.all([
    options.ranking ?? findCandidates(deps, request, { onlyHelperIds: unique }),
    batchRead(deps, [
      listHelpersAmongQuery(deps.db, unique),
      offersOfRequestQuery(deps.db, request.id),
    ] as const),
    getCenterSettings(deps),
  ]);
  options.check?.(ranking);
  if (helpers.length !== unique.length) throw unprocessable('unknown_helper');
  assertCandidates(ranking, unique);
  // Helpers who already hold a live offer keep it unchanged (the upsert skips them): not told twice.
  const alreadyOffered = new Set(
    offers.filter((o) => o.status === 'offered').map((o) => o.helper_member_id),
  );
  const now = deps.clock.now();
  const expiresAt = new Date(
    Math.min(
      now.getTime() + settings.requests.offerExpiryHours * HOUR,
      new Date(request.starts_at).getTime(),
    ),
  );
  const audit = auditRow({
    at: now,
    actorUserId: actor.id,
    action: 'offers_sent',
    subjectType: 'care_request',
    subjectId: request.id,
    clientAddress,
    details: { helperIds: unique },
  });
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
    insertIfPreviousChanged(deps.db, 'audit_log', audit),
  );
  const marked = statements.length - 2;
  const when = formatWhen(request.starts_at);
  for (const h of helpers.filter((helper) => !alreadyOffered.has(helper.id)))
    statements.push(
      ...notificationStatements(
        deps,
        { userId: h.user_id, kind: 'offer_received', params: { when }, link: '/offers' },
        rowWritten('audit_log', audit.id),
      ),
    );
  statements.push(offersOfRequestQuery(deps.db, request.id));
  const results = await deps.atomic(statements);
  if (results[marked]?.numAffectedRows === 0) throw conflict('invalid_transition');
  return results.at(-1)!.rows as OfferRow[];
}

/**
 * The heart of matching: the first acceptance wins. One atomic batch of conditional statements:
 * the offer becomes accepted only if it is still offered and unexpired, the request still open,
 * no other offer accepted (a partial unique index enforces it too) and the helper not booked at
 * an overlapping time; everything after is chained to that outcome (the batch's audit row), the
 * notifications of the match included. No read-then-write. The offer and the request come back
 * as the batch left them.
 */
async function acceptInBatch(
  deps: AppDeps,
  a: {
    offerId: string;
    request: RequestRow;
    helperMemberId: string;
    actorUserId: string;
    action: string;
    clientAddress?: string | undefined;
    /** Who is told of the match (built with `matchNotices`). */
    notices: (accepted: NotifyCondition) => Compilable[];
  },
) {
  const now = deps.clock.now().toISOString();
  const audit = auditRow({
    at: deps.clock.now(),
    actorUserId: a.actorUserId,
    action: a.action,
    subjectType: 'care_request',
    subjectId: a.request.id,
    clientAddress: a.clientAddress,
    details: { offerId: a.offerId, helperMemberId: a.helperMemberId },
  });
  const statements: Compilable[] = [
    acceptOfferIfFree(deps.db, {
      offerId: a.offerId,
      nowIso: now,
      request: a.request,
      helperMemberId: a.helperMemberId,
    }),
    insertIfPreviousChanged(deps.db, 'audit_log', audit),
    matchRequestIfAccepted(deps.db, a.offerId, a.request.id, a.helperMemberId, now),
    closeLiveOffersIfAccepted(deps.db, a.offerId, a.request.id, now),
    insertPairingIfAccepted(deps.db, {
      id: newId(),
      offerId: a.offerId,
      requesterId: a.request.requester_member_id,
      helperId: a.helperMemberId,
      nowIso: now,
    }),
    ...a.notices(rowWritten('audit_log', audit.id)),
    offerQuery(deps.db, a.offerId),
    requestQuery(deps.db, a.request.id),
  ];
  const results = await deps.atomic(statements);
  const won = (results[0]?.numAffectedRows ?? 0) > 0;
  const [offer] = results.at(-2)!.rows as OfferRow[];
  const [request] = results.at(-1)!.rows as RequestRow[];
  return { won, offer: offer!, request: request! };
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

/**
 * The notifications of a match, for the accepting batch: the other helpers whose live offer the
 * batch closes, the family, and staff (in the inbox only). `offers` and `staffIds` are read
 * before the batch; each notice is written only if the match happened (`accepted`), and a
 * helper's only if the batch closed her offer.
 */
function matchNotices(
  deps: AppDeps,
  request: RequestRow,
  offers: readonly OfferRow[],
  staffIds: readonly string[],
  winnerUserId: string,
) {
  const when = formatWhen(request.starts_at);
  return (accepted: NotifyCondition): Compilable[] => [
    ...offers
      .filter((o) => o.status === 'offered' && o.helper_user_id !== winnerUserId)
      .flatMap((o) =>
        notificationStatements(
          deps,
          { userId: o.helper_user_id, kind: 'offer_closed', params: { when }, link: '/offers' },
          sql`${accepted} AND EXISTS (SELECT 1 FROM offer WHERE id = ${o.id} AND status = 'closed')`,
        ),
      ),
    ...notificationStatements(
      deps,
      {
        userId: request.requester_user_id,
        kind: 'request_matched',
        params: { when },
        link: `/requests/${request.id}`,
      },
      accepted,
    ),
    ...staffIds.flatMap((staffId) =>
      notificationStatements(
        deps,
        {
          userId: staffId,
          kind: 'offer_accepted',
          params: { when, requester: request.requester_name },
          link: `/requests/${request.id}`,
          email: false,
        },
        accepted,
      ),
    ),
  ];
}

/**
 * The offered helper accepts: 200, or 409 `already_matched` when another helper won. Two round
 * trips on D1: what the batch needs (the offer, its request, the request's offers, staff) in
 * one, then the batch.
 */
export async function acceptOffer(
  deps: AppDeps,
  user: CurrentUser,
  offerId: string,
  clientAddress?: string,
) {
  const [[offer], [request], offers, staff] = await batchRead(deps, [
    offerQuery(deps.db, offerId),
    requestOfOfferQuery(deps.db, offerId),
    offersOfRequestOfOfferQuery(deps.db, offerId),
    activeStaffQuery(deps.db),
  ] as const);
  if (!offer || offer.helper_user_id !== user.id || !request) throw notFound();
  const accepted = await acceptInBatch(deps, {
    offerId: offer.id,
    request,
    helperMemberId: offer.helper_member_id,
    actorUserId: user.id,
    action: 'offer_accepted',
    clientAddress,
    notices: matchNotices(
      deps,
      request,
      offers,
      staff.map((s) => s.id),
      user.id,
    ),
  });
  if (!accepted.won) return explainFailedAccept(deps, offer.id, request.id);
  return { offer: accepted.offer, request: accepted.request };
}

export async function declineOffer(
  deps: AppDeps,
  user: CurrentUser,
  offerId: string,
  reason: string | undefined,
  clientAddress?: string,
) {
  const [[offer], [request], staff] = await batchRead(deps, [
    offerQuery(deps.db, offerId),
    requestOfOfferQuery(deps.db, offerId),
    activeStaffQuery(deps.db),
  ] as const);
  if (!offer || offer.helper_user_id !== user.id || !request) throw notFound();
  const now = deps.clock.now();
  const audit = auditRow({
    at: now,
    actorUserId: user.id,
    action: 'offer_declined',
    subjectType: 'care_request',
    subjectId: offer.request_id,
    clientAddress,
    details: { offerId },
  });
  const results = await deps.atomic([
    declineOfferIfOffered(deps.db, offer.id, now.toISOString(), reason ?? null),
    // Right after the UPDATE: a decline refused as a 409 must leave no audit row (nor notice).
    insertIfPreviousChanged(deps.db, 'audit_log', audit),
    reopenIfNoLiveOffer(deps.db, offer.request_id, now.toISOString()),
    ...staff.flatMap((s) =>
      notificationStatements(
        deps,
        {
          userId: s.id,
          kind: 'offer_declined',
          params: { when: formatWhen(request.starts_at), helper: offer.helper_name },
          link: `/requests/${request.id}`,
          email: false,
        },
        rowWritten('audit_log', audit.id),
      ),
    ),
    offerQuery(deps.db, offer.id),
  ]);
  if (!results[0] || results[0].numAffectedRows === 0) throw conflict('invalid_transition');
  return (results.at(-1)!.rows as OfferRow[])[0]!;
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
  const [helper, ranking, previous] = await Promise.all([
    findHelper(deps.db, helperId),
    findCandidates(deps, request, { onlyHelperIds: [helperId] }),
    findOfferOfHelper(deps.db, request.id, helperId),
  ]);
  if (!helper) throw unprocessable('unknown_helper');
  if (request.starts_at <= deps.clock.now().toISOString()) throw unprocessable('past_start');
  assertCandidates(ranking, [helperId]);
  const now = deps.clock.now();
  const offerId = newId();
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
  const [[existing], offers, staff] = await batchRead(deps, [
    offerIdOfHelperQuery(deps.db, request.id, helperId),
    offersOfRequestQuery(deps.db, request.id),
    activeStaffQuery(deps.db),
  ] as const);
  const matched = matchNotices(
    deps,
    request,
    offers,
    staff.map((s) => s.id),
    helper.user_id,
  );
  const { won, request: updated } = await acceptInBatch(deps, {
    offerId: existing!.id,
    request,
    helperMemberId: helperId,
    actorUserId: actor.id,
    action: 'request_assigned',
    clientAddress,
    notices: (accepted) => [
      ...notificationStatements(
        deps,
        {
          userId: helper.user_id,
          kind: 'request_assigned',
          params: { when: formatWhen(request.starts_at) },
          link: `/requests/${request.id}`,
        },
        accepted,
      ),
      ...matched(accepted),
    ],
  });
  if (!won) {
    const failure: unknown = await explainFailedAccept(deps, existing!.id, request.id).catch(
      (e: unknown) => e,
    );
    await undoDirectOffer(deps, existing!.id, previous?.status);
    throw failure;
  }
  return updated;
}

/** Scheduled: offers past their expiry become `expired`; their requests reopen. Idempotent. */
export async function expireOffers(deps: AppDeps, now: Date) {
  const [due, staff] = await batchRead(deps, [
    offersDueQuery(deps.db, now.toISOString()),
    activeStaffQuery(deps.db),
  ] as const);
  if (due.length === 0) return 0;
  const requestIds = [...new Set(due.map((o) => o.request_id))];
  // The helper learns the offer lapsed; staff see which requests need another try. Each notice
  // only if this offer did expire (not accepted meanwhile); the dedupe keys make reruns silent.
  const notices = due.flatMap((o) => {
    const when = formatWhen(o.starts_at);
    const expired = sql`EXISTS (SELECT 1 FROM offer WHERE id = ${o.id} AND status = 'expired')`;
    return [
      ...notificationStatements(
        deps,
        {
          userId: o.user_id,
          kind: 'offer_expired',
          params: { when },
          link: '/offers',
          email: false,
          dedupeKey: `offer-expired:${o.id}`,
        },
        expired,
      ),
      ...staff.flatMap(({ id: staffId }) =>
        notificationStatements(
          deps,
          {
            userId: staffId,
            kind: 'offer_expired_staff',
            params: { when },
            link: `/coordination/requests/${o.request_id}`,
            email: false,
            dedupeKey: `offer-expired:${o.id}:${staffId}`,
          },
          expired,
        ),
      ),
    ];
  });
  await deps.atomic([
    expireOffersDue(deps.db, now.toISOString()),
    ...requestIds.map((id) => reopenIfNoLiveOffer(deps.db, id, now.toISOString())),
    ...notices,
  ]);
  return due.length;
}

const PRE_MEETING_NOTICE_DAYS = 3;

/**
 * Scheduled: a matched request starting within three days whose pairing still needs its
 * pre-meeting is flagged to staff and to both families, once per pairing and fiscal year.
 */
export async function notifyPreMeetingsDue(deps: AppDeps, now: Date) {
  const until = new Date(now.getTime() + PRE_MEETING_NOTICE_DAYS * 24 * 3_600_000).toISOString();
  const [rows, staff] = await Promise.all([
    listMatchedWithoutAnyPreMeeting(deps.db, now.toISOString(), until),
    listActiveStaffUserIds(deps.db),
  ]);
  await notifyAll(
    deps,
    rows.flatMap((r) => {
      const fy = fiscalYearOf(tokyoDateOf(r.starts_at));
      const key = `pre-meeting-due:${r.requester_member_id}:${r.helper_member_id}:${fy}`;
      const params = { when: formatWhen(r.starts_at), requester: r.requester_name };
      return [
        ...[r.requester_user_id, r.helper_user_id].map((userId) => ({
          userId,
          kind: 'pre_meeting_due',
          params,
          link: `/requests/${r.id}`,
          dedupeKey: `${key}:${userId}`,
        })),
        ...staff.map((staffId) => ({
          userId: staffId,
          kind: 'pre_meeting_due_staff',
          params,
          link: `/coordination/requests/${r.id}`,
          email: false,
          dedupeKey: `${key}:${staffId}`,
        })),
      ];
    }),
  );
}

/**
 * The signed-in helper's member row; 404 for anyone else. `known`: the row the request context
 * read with the session (c.var.member), so no query.
 */
export async function ownHelperMemberId(
  deps: AppDeps,
  user: CurrentUser,
  known?: { member: Member | null },
) {
  const member = known
    ? known.member && { ...known.member, email: user.email }
    : await findMemberByUserId(deps.db, user.id);
  if (!member || member.helper_status === null) throw notFound();
  return member;
}
