import { Hono } from 'hono';
import { requireStaff } from '../../auth/guards.js';
import type { AppContext, AppEnv, CurrentUser } from '../../context.js';
import { acceptsAnyForm } from '../../http/form-fields.js';
import { renderPage, setFlash } from '../../http/render.js';
import { formPosts } from '../../http/form-posts.js';
import { staffOnly } from '../../http/validate.js';
import { UUID } from '../../http/paths.js';
import { formatDateTime, tokyoDateOf } from '../../lib/dates.js';
import { AppError, notFound, unprocessable } from '../../lib/errors.js';
import { ruleText } from '../../lib/i18n.js';
import {
  MemberDetailPage,
  type ActionFailure,
  type SuspensionEffects,
} from '../../../views/pages/members/staff/member-detail.js';
import {
  listFutureAssignmentsOfHelper,
  listWaitingOffersOfHelper,
} from '../matching/helper-side.queries.js';
import { listUpcomingRequests } from '../requests/request-pages.queries.js';
import { MemberCardPage } from '../../../views/pages/members/staff/member-card.js';
import {
  orientationsForMember,
  registerForOrientation,
} from '../orientations/orientations.service.js';
import { referralsForMember } from '../directory/directory.service.js';
import { getCenterSettings } from '../settings/settings.service.js';
import { orientationChoiceForm, readSide, sideForm, suspendForm } from './member-admin-form.js';
import { memberPageData } from './member-admin.service.js';
import { formatMemberNo } from './members.json.js';
import { memberOfPath } from './member-pages.js';
import { findMemberById, type MemberWithEmail } from './members.queries.js';
import { approveSide, reactivateSide, suspendSide, withdrawMember } from './members.service.js';
import { staffWithdrawForm } from './withdrawal-form.js';

/** The staff member page (会員詳細): approval, suspension, withdrawal, orientation, the card. */
export const memberAdminPages = new Hono<AppEnv>();

/** Member ids are UUIDs; the pattern keeps /members/new and friends for other routers. */
const MEMBER = `/members/:id{${UUID}}`;

/** The member page; a failed action is shown beside its form, with the values sent. */
async function renderMemberPage(
  c: AppContext,
  staff: CurrentUser,
  member: MemberWithEmail,
  options: {
    status?: 200 | 409 | 422;
    failure?: ActionFailure;
    values?: Record<string, string>;
  } = {},
) {
  const data = await memberPageData(c.var.deps, staff, member, c.var.clientAddress);
  // Referrals come from the directory module, which itself reads members: composed here.
  const referrals = await referralsForMember(c.var.deps, member.id);
  const { sessions, registrations } = await orientationsForMember(c.var.deps, member.id);
  const nowIso = data.now.toISOString();
  const affected = await suspensionEffects(c.var.deps, member, nowIso);
  return renderPage(
    c,
    MemberDetailPage,
    {
      member,
      labels: data.settings.labels,
      areas: data.settings.areas,
      retentionYears: data.settings.retention.withdrawnMemberYears,
      today: tokyoDateOf(data.now),
      nowIso: data.now.toISOString(),
      childRows: data.children,
      contacts: data.contacts,
      pickups: data.pickups,
      registrations,
      upcoming: sessions.filter((o) => o.starts_at > nowIso),
      events: data.events,
      referrals,
      attendedOrientation: data.attended,
      failure: options.failure,
      values: options.values,
      affected,
    },
    options.status ?? 200,
  );
}

/**
 * What suspending each side would touch, shown beside its suspend form (composed here: matching
 * and requests are other modules). The requester side cancels nothing: staff see the requests
 * and decide each one on its page. The helper side withdraws her waiting offers and puts her
 * future assignments back on the board (matching/helper-side.service.ts).
 */
async function suspensionEffects(
  deps: AppContext['var']['deps'],
  member: MemberWithEmail,
  nowIso: string,
): Promise<SuspensionEffects> {
  const live = new Set(['open', 'offered', 'matched']);
  const [requests, offers, assignments] = await Promise.all([
    member.requester_status ? listUpcomingRequests(deps.db, member.id, nowIso) : [],
    member.helper_status ? listWaitingOffersOfHelper(deps.db, member.id) : [],
    member.helper_status ? listFutureAssignmentsOfHelper(deps.db, member.id, nowIso) : [],
  ]);
  return {
    requests: requests
      .filter((r) => live.has(r.status))
      .map((r) => ({ id: r.id, startsAt: r.starts_at, status: r.status })),
    offers: offers.length,
    assignments: assignments.map((a) => ({ id: a.id, startsAt: a.starts_at })),
  };
}

memberAdminPages.get(MEMBER, async (c) => {
  const staff = requireStaff(c);
  return renderMemberPage(c, staff, await memberOfPath(c));
});

/** A rule (422) or a stale page (409) answered by the service: shown on the member page. */
async function renderFailure(
  c: AppContext,
  staff: CurrentUser,
  memberId: string,
  err: unknown,
  failure: Omit<ActionFailure, 'message'>,
  values: Record<string, string>,
) {
  if (!(err instanceof AppError) || (err.status !== 422 && err.status !== 409)) throw err;
  const member = await findMemberById(c.var.deps.db, memberId);
  if (!member) throw notFound();
  return renderMemberPage(c, staff, member, {
    status: err.status,
    failure: { ...failure, message: ruleText(c.var.t, err) },
    values,
  });
}

/** A form of the member page refused before any service ran: its first message is shown. */
const invalidAction =
  (
    failure: (values: Record<string, string>, field: string) => Omit<ActionFailure, 'message'>,
    reasonOf: (sent: string) => string,
  ) =>
  async (c: AppContext, errors: Record<string, string>, values: Record<string, string>) => {
    const member = await memberOfPath(c);
    const [field, message] = Object.entries(errors)[0] ?? ['', ''];
    return renderMemberPage(c, requireStaff(c), member, {
      status: 422,
      failure: { ...failure(values, field), message },
      values: { reason: reasonOf(values.reason ?? '') },
    });
  };

/** The staff forms of the member page. */
const staffForm = formPosts(memberAdminPages, [staffOnly], requireStaff);

/**
 * One action of the member page: run it (it sets its own flash), then back to the page; a rule
 * or a stale page answered by the service is shown beside the action's form, with the values sent.
 */
async function memberAction(
  c: AppContext,
  staff: CurrentUser,
  failure: Omit<ActionFailure, 'message'>,
  values: Record<string, string>,
  run: (member: MemberWithEmail) => Promise<void>,
) {
  const member = await memberOfPath(c);
  try {
    await run(member);
  } catch (err) {
    return renderFailure(c, staff, member.id, err, failure, values);
  }
  return c.redirect(`/members/${member.id}`, 303);
}

staffForm(`${MEMBER}/approve`, sideForm, acceptsAnyForm, async (c, staff, side) => {
  return memberAction(c, staff, { action: 'approve', side }, {}, async (member) => {
    if (!side) throw unprocessable('no_such_side');
    const updated = await approveSide(c.var.deps, staff, member.id, side, c.var.clientAddress);
    setFlash(c, 'memberAdmin.flash.approved', {
      name: updated.name,
      memberNo: formatMemberNo(updated.member_no) ?? '',
    });
  });
});

staffForm(
  `${MEMBER}/suspend`,
  suspendForm,
  invalidAction(
    (values, field) => ({
      action: 'suspend',
      side: readSide(values.side),
      field: field === 'reason' ? 'reason' : undefined,
    }),
    (sent) => sent,
  ),
  async (c, staff, { side, reason, values }) => {
    return memberAction(c, staff, { action: 'suspend', side }, values, async (member) => {
      await suspendSide(c.var.deps, staff, member.id, side, reason, c.var.clientAddress);
      setFlash(c, 'memberAdmin.flash.suspended', { name: member.name });
    });
  },
);

staffForm(`${MEMBER}/reactivate`, sideForm, acceptsAnyForm, async (c, staff, side) => {
  return memberAction(c, staff, { action: 'reactivate', side }, {}, async (member) => {
    if (!side) throw unprocessable('no_such_side');
    await reactivateSide(c.var.deps, staff, member.id, side, c.var.clientAddress);
    setFlash(c, 'memberAdmin.flash.reactivated', { name: member.name });
  });
});

staffForm(
  `${MEMBER}/withdraw`,
  staffWithdrawForm,
  invalidAction(
    (_values, field) => ({ action: 'withdraw', field }),
    (sent) => sent.trim(),
  ),
  async (c, staff, { reason }) => {
    const values = { reason: reason ?? '' };
    return memberAction(c, staff, { action: 'withdraw' }, values, async (member) => {
      await withdrawMember(c.var.deps, staff, member.id, reason, c.var.clientAddress);
      setFlash(c, 'memberAdmin.flash.withdrawn', { name: member.name });
    });
  },
);

/** Staff sign an applicant up for a session from the member page. */
staffForm(
  `${MEMBER}/orientation`,
  orientationChoiceForm,
  acceptsAnyForm,
  async (c, staff, orientationId) => {
    return memberAction(c, staff, { action: 'orientation' }, { orientationId }, async (member) => {
      const session = await registerForOrientation(c.var.deps, orientationId, member.id);
      setFlash(c, 'memberAdmin.flash.registered', {
        name: member.name,
        date: formatDateTime(session.starts_at, c.var.locale),
      });
    });
  },
);

memberAdminPages.get(`${MEMBER}/card`, async (c) => {
  requireStaff(c);
  const member = await memberOfPath(c);
  // A withdrawn member has no valid card to print.
  if (member.withdrawn_at) throw notFound();
  const settings = await getCenterSettings(c.var.deps);
  return renderPage(c, MemberCardPage, {
    member,
    labels: settings.labels,
    areas: settings.areas,
    issuedOn: tokyoDateOf(c.var.deps.clock.now()),
  });
});
