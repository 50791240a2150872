import type { AppDeps, CurrentUser } from '../../context.js';
import type { RequestStatus } from '../../../db/schema.js';
import { tokyoDateOf } from '../../lib/dates.js';
import { auditHealthReads, loadVisibleChild } from '../members/children.access.js';
import {
  findMemberById,
  listAuthorizedPickups,
  listEmergencyContacts,
  type MemberWithEmail,
} from '../members/members.queries.js';
import { getCenterSettings } from '../settings/settings.service.js';
import { getQualifications, loadCurriculum } from '../trainings/qualification.service.js';
import {
  findOfferOfHelper,
  findSeriesById,
  listHelperOffersPage,
  listPastRequests,
  listRequestChildAges,
  listSeriesOfRequester,
  listUpcomingAssignments,
  listUpcomingRequests,
} from './request-pages.queries.js';
import { listRequestChildren, type RequestRow } from './requests.queries.js';
import { loadVisibleRequest, preMeetingRequired } from './requests.service.js';

/** What the member-facing request pages read: one function per page. */

const LIVE: RequestStatus[] = ['open', 'offered', 'matched'];
export const PAST_PAGE_SIZE = 20;

/** A live request that has not ended yet can be cancelled from its page. */
export const isCancellable = (r: RequestRow, now: Date) =>
  LIVE.includes(r.status) && r.ends_at > now.toISOString();

/** 援助の申し込み一覧: a requester's upcoming and past requests, a helper's assignments. */
export async function loadMyRequests(
  deps: AppDeps,
  member: MemberWithEmail,
  filter: { status: RequestStatus | undefined; pastPage: number },
) {
  const { db } = deps;
  const nowIso = deps.clock.now().toISOString();
  const { status, pastPage } = filter;
  const isRequester = member.requester_status !== null;
  const isHelper = member.helper_status !== null;
  const [upcoming, past, assignments] = await Promise.all([
    isRequester ? listUpcomingRequests(db, member.id, nowIso, status) : Promise.resolve([]),
    isRequester
      ? listPastRequests(db, member.id, nowIso, {
          status,
          limit: PAST_PAGE_SIZE,
          offset: (pastPage - 1) * PAST_PAGE_SIZE,
        })
      : Promise.resolve({ items: [], total: 0 }),
    isHelper ? listUpcomingAssignments(db, member.id, nowIso) : Promise.resolve([]),
  ]);
  const all = [...upcoming, ...past.items];
  const [children, series] = await Promise.all([
    listRequestChildren(
      db,
      all.map((r) => r.id),
    ),
    listSeriesOfRequester(db, member.id, [
      ...new Set(upcoming.map((r) => r.series_id).filter((s): s is string => !!s)),
    ]),
  ]);
  return { isRequester, isHelper, upcoming, past, assignments, children, series };
}

/** One request as its viewer may see it, with what its page shows beside it. */
export async function loadRequestDetails(deps: AppDeps, user: CurrentUser, id: string) {
  const { request: r, viewer } = await loadVisibleRequest(deps, user, id);
  if (viewer.kind === 'staff') return { staff: true } as const;
  const [children, settings, series, preMeeting, parent, offer] = await Promise.all([
    listRequestChildren(deps.db, [r.id]),
    getCenterSettings(deps),
    r.series_id ? findSeriesById(deps.db, r.series_id) : Promise.resolve(undefined),
    viewer.kind === 'offered' ? Promise.resolve(false) : preMeetingRequired(deps, r),
    viewer.kind === 'helper'
      ? findMemberById(deps.db, r.requester_member_id)
      : Promise.resolve(undefined),
    viewer.kind === 'offered'
      ? findOfferOfHelper(deps.db, r.id, viewer.member.id)
      : Promise.resolve(undefined),
  ]);
  return {
    staff: false,
    request: r,
    viewer,
    children,
    settings,
    series,
    preMeeting,
    parent,
    offer,
  } as const;
}

/**
 * Whether a helper may be offered requests now, and if not why and what training is missing
 * (curriculum codes with their titles).
 */
async function helperEligibility(deps: AppDeps, member: MemberWithEmail) {
  const [q, curriculum] = await Promise.all([
    getQualifications(deps, member.id, tokyoDateOf(deps.clock.now())),
    loadCurriculum(deps),
  ]);
  if (q?.eligibleForMatching)
    return { eligible: true, reason: null, missing: [], sickChildCare: q.sickChildCare } as const;
  const reason =
    member.helper_status === 'applied'
      ? 'applied'
      : member.helper_status === 'suspended'
        ? 'suspended'
        : q?.status === 'in_training' || q?.status === 'lapsed'
          ? q.status
          : 'inactive';
  const module = new Map(curriculum.rows.map((m) => [m.code, m]));
  return {
    eligible: false,
    reason,
    missing: (q?.missing ?? []).map((code) => ({ code, module: module.get(code) })),
    sickChildCare: false,
  } as const;
}

/** Answered (or closed) offers per page of 依頼の紹介; the open ones are all shown. */
export const ANSWERED_PAGE_SIZE = 20;

/**
 * 依頼の紹介: a helper's open offers and one page of the answered ones, the ages of the children
 * of each, and her eligibility.
 */
export async function loadHelperOffers(deps: AppDeps, member: MemberWithEmail, answeredPage = 1) {
  const nowIso = deps.clock.now().toISOString();
  const [open, answered, settings, eligibility] = await Promise.all([
    listHelperOffersPage(deps.db, member.id, nowIso, { open: true }),
    listHelperOffersPage(deps.db, member.id, nowIso, {
      open: false,
      limit: ANSWERED_PAGE_SIZE,
      offset: (answeredPage - 1) * ANSWERED_PAGE_SIZE,
    }),
    getCenterSettings(deps),
    helperEligibility(deps, member),
  ]);
  const ages = await listRequestChildAges(
    deps.db,
    [...open.items, ...answered.items].map((o) => o.request_id),
  );
  return {
    open: open.items,
    answered: answered.items,
    answeredTotal: answered.total,
    settings,
    eligibility,
    ages,
  };
}

/**
 * A child's details for whoever may see them (the parent, the matched helper, staff), with the
 * family's emergency contacts and authorized pickups. Health data (要配慮個人情報): every read by
 * someone other than the parent is audited.
 */
export async function readChildDetails(
  deps: AppDeps,
  user: CurrentUser,
  childId: string,
  clientAddress: string,
) {
  const { child, parent } = await loadVisibleChild(deps, user, childId);
  await auditHealthReads(deps, user, parent, [child], clientAddress);
  const [contacts, pickups] = await Promise.all([
    listEmergencyContacts(deps.db, parent.id),
    listAuthorizedPickups(deps.db, parent.id),
  ]);
  return { child, parent, contacts, pickups };
}
