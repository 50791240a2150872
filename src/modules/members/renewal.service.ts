import type { AppDeps, CurrentUser } from '../../context.js';
import {
  fiscalYearEnd,
  fiscalYearOf,
  fiscalYearStart,
  tokyoDateOf,
  tokyoInstant,
} from '../../lib/dates.js';
import { AppError, conflict, unprocessable } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { buildAuditInsert } from '../audit/audit.queries.js';
import { notifyAll } from '../notifications/notifications.service.js';
import { getConsentVersions, getRenewalSettings } from '../settings/settings.service.js';
import {
  buildUpdateMember,
  findMemberById,
  listAuthorizedPickups,
  listChildren,
  listEmergencyContacts,
  type MemberWithEmail,
} from './members.queries.js';
import { endSide, withdrawMember } from './members.service.js';
import {
  answerProblem,
  NOT_RENEWED,
  renewalOpensOn,
  renewalYearOn,
  sidesToLapse,
  type RenewalAnswer,
} from './renewal-rules.js';
import {
  buildUpsertRenewalConfirmation,
  findRenewalConfirmation,
  listDueRenewalLapses,
  listRenewalStatus,
  markRenewalLapsed,
} from './renewal.queries.js';

/** 年度更新: members confirm their details for the coming fiscal year; staff follow up. */

const todayOf = (deps: AppDeps) => tokyoDateOf(deps.clock.now());

/** The renewal's opening: months before April 1 (the center setting, February 1 by default). */
const opensMonthsBefore = async (deps: AppDeps) =>
  (await getRenewalSettings(deps)).opensMonthsBefore;

/** The fiscal year the renewal is for today (the coming one once its renewal has opened). */
export const currentRenewalYear = async (deps: AppDeps) =>
  renewalYearOn(todayOf(deps), await opensMonthsBefore(deps));

/** The first day members can confirm for fiscal year `fy`, by the center setting. */
export const renewalOpensOnFor = async (deps: AppDeps, fy: number) =>
  renewalOpensOn(fy, await opensMonthsBefore(deps));

/**
 * Everything the member's renewal page shows: the year, its deadline, the member's answer so far,
 * and the details to check (children without health fields: the page is about who, not health).
 */
export async function myRenewal(deps: AppDeps, member: MemberWithEmail) {
  const fiscalYear = await currentRenewalYear(deps);
  const [confirmation, children, contacts, pickups, consent] = await Promise.all([
    findRenewalConfirmation(deps.db, member.id, fiscalYear),
    member.requester_status ? listChildren(deps.db, member.id) : Promise.resolve([]),
    listEmergencyContacts(deps.db, member.id),
    listAuthorizedPickups(deps.db, member.id),
    getConsentVersions(deps),
  ]);
  return {
    fiscalYear,
    /** Confirming for the year already under way: a "stop" is then a withdrawal for staff. */
    late: fiscalYear === fiscalYearOf(todayOf(deps)),
    opensOn: await renewalOpensOnFor(deps, fiscalYear),
    deadline: fiscalYearEnd(fiscalYear - 1),
    confirmation: confirmation ?? null,
    children: children.map((c) => ({ id: c.id, name: c.name, birthDate: c.birth_date })),
    contacts,
    pickups,
    termsVersion: consent.termsVersion,
  };
}

export interface RenewalInput extends RenewalAnswer {
  /** Given by ticking the terms box (members) or by the signed paper form (staff). */
  consent: true;
}

/**
 * Records a member's renewal for the current renewal year, online by the member or on paper by
 * staff: the answer per side, the terms agreed again (the member row's consent is brought to the
 * current version), an audit row. A later confirmation replaces the earlier answer.
 */
export async function confirmRenewal(
  deps: AppDeps,
  actor: CurrentUser,
  member: MemberWithEmail,
  input: RenewalInput,
  channel: 'online' | 'paper',
  clientAddress?: string,
) {
  if (member.withdrawn_at) throw conflict('already_withdrawn');
  const problem = answerProblem(member, input);
  if (problem) throw unprocessable(problem);
  const fiscalYear = await currentRenewalYear(deps);
  const nowDate = deps.clock.now();
  const now = nowDate.toISOString();
  const { termsVersion } = await getConsentVersions(deps);
  const bit = (v: boolean | null) => (v === null ? null : v ? 1 : 0);
  await deps.atomic([
    buildUpsertRenewalConfirmation(deps.db, {
      id: newId(),
      member_id: member.id,
      fiscal_year: fiscalYear,
      continue_requester: bit(input.continueRequester),
      continue_helper: bit(input.continueHelper),
      consent_terms_version: termsVersion,
      channel,
      confirmed_at: now,
      recorded_by_user_id: actor.id,
    }),
    buildUpdateMember(deps.db, member.id, {
      consent_terms_version: termsVersion,
      consent_terms_at: now,
      updated_at: now,
    }),
    buildAuditInsert(deps.db, {
      at: nowDate,
      actorUserId: actor.id,
      action: 'renewal_confirmed',
      subjectType: 'member',
      subjectId: member.id,
      clientAddress,
      details: {
        fiscalYear,
        channel,
        continueRequester: input.continueRequester,
        continueHelper: input.continueHelper,
        termsVersion,
      },
    }),
  ]);
  return (await findRenewalConfirmation(deps.db, member.id, fiscalYear))!;
}

export type RenewalStatusRow = Awaited<ReturnType<typeof listRenewalStatus>>[number];

/** Staff's list for a year: who has confirmed (how, when, what) and who has not. */
export async function renewalStatus(deps: AppDeps, fiscalYear: number) {
  const rows = await listRenewalStatus(deps.db, fiscalYear);
  const confirmed = rows.filter((r) => r.confirmed_at !== null);
  return {
    fiscalYear,
    rows,
    counts: {
      members: rows.length,
      confirmed: confirmed.length,
      notConfirmed: rows.length - confirmed.length,
      notContinuing: confirmed.filter((r) => r.continue_requester === 0 || r.continue_helper === 0)
        .length,
    },
  };
}

/**
 * Reminds every member who has not confirmed for the current renewal year (inbox, mail and
 * LINE through the notifications outbox); at most one reminder per member a day however often
 * staff press the button. Answers how many were queued.
 */
export async function sendRenewalReminders(
  deps: AppDeps,
  staff: CurrentUser,
  clientAddress?: string,
): Promise<{ fiscalYear: number; reminded: number }> {
  const fiscalYear = await currentRenewalYear(deps);
  const today = todayOf(deps);
  const due = (await listRenewalStatus(deps.db, fiscalYear)).filter((r) => !r.confirmed_at);
  const deadline = fiscalYearEnd(fiscalYear - 1);
  await notifyAll(
    deps,
    due.map((r) => ({
      userId: r.user_id,
      kind: 'renewal_reminder',
      params: { year: fiscalYear, deadline },
      link: '/my/renewal',
      dedupeKey: `renewal_reminder:${fiscalYear}:${r.id}:${today}`,
    })),
  );
  await deps.atomic([
    buildAuditInsert(deps.db, {
      at: deps.clock.now(),
      actorUserId: staff.id,
      action: 'renewal_reminders_sent',
      subjectType: 'renewal',
      subjectId: String(fiscalYear),
      clientAddress,
      details: { fiscalYear, count: due.length },
    }),
  ]);
  return { fiscalYear, reminded: due.length };
}

/**
 * The scheduled job: from April 1, ends the sides members said they do not continue for the
 * fiscal year that has begun, as answered before it began (the whole member withdraws when
 * nothing is left), keeping their
 * history (status events, audit). Idempotent: each confirmation is acted on once (`lapsed_at`),
 * and a side already ended is skipped.
 */
export async function lapseNotRenewed(deps: AppDeps, now: Date) {
  const fiscalYear = fiscalYearOf(tokyoDateOf(now));
  const beganAt = tokyoInstant(fiscalYearStart(fiscalYear)).toISOString();
  const due = await listDueRenewalLapses(deps.db, fiscalYear, beganAt);
  let ended = 0;
  for (const row of due) {
    const member = await findMemberById(deps.db, row.member_id);
    if (member && !member.withdrawn_at) {
      const { sides, all } = sidesToLapse(member, {
        continueRequester: row.continue_requester === null ? null : row.continue_requester === 1,
        continueHelper: row.continue_helper === null ? null : row.continue_helper === 1,
      });
      try {
        if (all) await withdrawMember(deps, null, member.id, NOT_RENEWED);
        else for (const side of sides) await endSide(deps, null, member.id, side, NOT_RENEWED);
        ended += sides.length;
      } catch (err) {
        // Changed meanwhile by staff (withdrawn, side ended): nothing left to do for this member.
        if (!(err instanceof AppError && err.status === 409)) throw err;
      }
    }
    await markRenewalLapsed(deps.db, row.id, now.toISOString());
  }
  return { fiscalYear, confirmations: due.length, ended };
}
