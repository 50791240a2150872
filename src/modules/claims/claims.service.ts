import type { AppDeps, CurrentUser } from '../../context.js';
import { fiscalYearOf, tokyoDateOf } from '../../lib/dates.js';
import { conflict, notFound, unprocessable } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { buildAuditIfPreviousChanged, buildAuditInsert } from '../audit/audit.queries.js';
import { findMemberById } from '../members/members.queries.js';
import { SUBSIDY_CATEGORIES } from '../subsidies/eligibility-rules.js';
import { ledgerTotals, type ClaimScheme } from './ledger-rules.js';
import { chargedActivityOf } from '../activities/activities.json.js';
import {
  listActivityCategories,
  listActivityChildren,
  listApprovedActivities,
  listChargedCancellations,
} from '../activities/activities.queries.js';
import { monthRange } from '../fees/statements.js';
import { readHelpCategoryFlags } from '../categories/categories.queries.js';
import {
  activityAmountDue,
  paymentState,
  type PaymentMethodCode,
  type PaymentState,
} from '../payments/payment-rules.js';
import { getCenterSettings } from '../settings/settings.service.js';
import { buildMonthlyClaim, type MonthlyClaim } from '../subsidies/claim-rules.js';
import { listCertifications, listEligibility } from '../subsidies/eligibility.queries.js';
import {
  findClaim,
  findClaimOf,
  insertClaim,
  listLedger,
  listPaymentsOf,
  updateClaimStatus,
} from './claims.queries.js';

/**
 * A family's monthly claim (issue #18 point 5): its approved activities and cancellation fees of
 * the month, whether the helper acknowledged each payment in full, the household's eligibility
 * and 無償化 certifications, and the subsidy rules, through the pure claim rules.
 */
export async function computeMonthlyClaim(
  deps: AppDeps,
  memberId: string,
  month: string,
): Promise<MonthlyClaim> {
  return (await loadMonthMoney(deps, memberId, month)).claim;
}

/** Where one amount of the month stands: an activity's or a cancellation fee's payment. */
export interface MoneyPayment {
  kind: 'activity' | 'cancellation';
  /** The activity's id, or the cancelled request's. */
  id: string;
  /** Tokyo date of the activity (or of the cancelled activity's planned start). */
  date: string;
  due: number;
  state: PaymentState;
  /** The recorded payment (null when nothing is recorded). */
  amount: number | null;
  paidOn: string | null;
  method: PaymentMethodCode | null;
  /** When the helper acknowledged it. */
  receivedAt: string | null;
}

export interface MonthMoney {
  claim: MonthlyClaim;
  payments: MoneyPayment[];
}

/**
 * A family's money of a month (issue #18 points 5 and 6): the payment of each approved activity
 * and cancellation fee, and the monthly claim computed from them (the one computation the claim
 * page, the claim API and the statement share).
 */
export async function loadMonthMoney(
  deps: AppDeps,
  memberId: string,
  month: string,
): Promise<MonthMoney> {
  const range = monthRange(month);
  const [activities, cancellations, eligibility, certifications, settings, flags] =
    await Promise.all([
      listApprovedActivities(deps.db, { requesterId: memberId }, range),
      listChargedCancellations(deps.db, memberId, range),
      listEligibility(deps.db, memberId),
      listCertifications(deps.db, memberId),
      getCenterSettings(deps),
      readHelpCategoryFlags(deps.db),
    ]);
  const ids = activities.map((a) => a.id);
  const [children, categories, paymentRows] = await Promise.all([
    listActivityChildren(deps.db, ids),
    listActivityCategories(deps.db, ids),
    listPaymentsOf(
      deps.db,
      ids,
      cancellations.map((c) => c.id),
    ),
  ]);
  const payment = (kind: MoneyPayment['kind'], id: string, startsAt: string, due: number) => {
    const row = paymentRows.find((p) =>
      kind === 'activity' ? p.activity_id === id : p.request_id === id,
    );
    return {
      kind,
      id,
      date: tokyoDateOf(startsAt),
      due,
      state: paymentState(due, row),
      amount: row?.amount ?? null,
      paidOn: row?.paid_on ?? null,
      method: row?.method ?? null,
      receivedAt: row?.received_at ?? null,
    } satisfies MoneyPayment;
  };
  const activityPayments = activities.map((a) =>
    payment(
      'activity',
      a.id,
      a.started_at,
      activityAmountDue({
        feeTotal: a.fee_total,
        transportCost: a.transport_cost,
        mealCost: a.meal_cost,
      }),
    ),
  );
  const cancellationPayments = cancellations.map((c) =>
    payment('cancellation', c.id, c.starts_at, c.cancellation_fee ?? 0),
  );
  const known = new Map(children.map((c) => [c.id, c]));
  const claim = buildMonthlyClaim({
    month,
    transportCategories: flags.transport,
    rules: settings.subsidies,
    children: [...known.values()].map((c) => ({ id: c.id, name: c.name, birthDate: c.birth_date })),
    eligibility,
    certifications: certifications.map((c) => ({
      ...c,
      childId: c.child_id,
      taxExempt: c.tax_exempt === 1,
    })),
    activities: activities.map((a, i) => ({
      ...chargedActivityOf(a, categories),
      paid: activityPayments[i]!.state === 'received',
    })),
    cancellations: cancellations.map((c, i) => ({
      requestId: c.id,
      startsAt: c.starts_at,
      endsAt: c.ends_at,
      amount: c.cancellation_fee ?? 0,
      paid: cancellationPayments[i]!.state === 'received',
    })),
  });
  const payments = [...activityPayments, ...cancellationPayments].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
  return { claim, payments };
}

/** The claimed amount of a scheme, and the category it is claimed under. */
function schemeAmount(claim: MonthlyClaim, scheme: ClaimScheme) {
  return scheme === 'subsidy'
    ? { amount: claim.subsidy.amount, category: claim.subsidy.category }
    : { amount: claim.freeChildcare.total, category: null };
}

/**
 * Staff submit a family's claim for a past month under one scheme: the computed claim is kept
 * as submitted. Once per family, month and scheme (409 `claim_exists`); a month not over yet or
 * nothing to claim is a 422.
 */
export async function submitClaim(
  deps: AppDeps,
  staff: CurrentUser,
  memberId: string,
  input: { month: string; scheme: ClaimScheme },
  clientAddress?: string,
) {
  const member = await findMemberById(deps.db, memberId);
  if (!member || member.requester_status === null) throw notFound();
  const today = tokyoDateOf(deps.clock.now());
  if (input.month >= today.slice(0, 7)) throw unprocessable('claim_month_not_over');
  if (await findClaimOf(deps.db, memberId, input.month, input.scheme))
    throw conflict('claim_exists');
  const claim = await computeMonthlyClaim(deps, memberId, input.month);
  const { amount, category } = schemeAmount(claim, input.scheme);
  if (amount <= 0 || (input.scheme === 'subsidy' && category === null))
    throw unprocessable('nothing_to_claim');
  const id = newId();
  const now = deps.clock.now();
  await deps.atomic([
    insertClaim(deps.db, {
      id,
      member_id: memberId,
      month: input.month,
      fiscal_year: fiscalYearOf(`${input.month}-01`),
      scheme: input.scheme,
      category,
      claimed_amount: amount,
      content: JSON.stringify(claim),
      status: 'submitted',
      submitted_on: today,
      submitted_by_user_id: staff.id,
      approved_amount: null,
      approved_on: null,
      paid_amount: null,
      paid_on: null,
      updated_at: now.toISOString(),
    }),
    buildAuditInsert(deps.db, {
      at: now,
      actorUserId: staff.id,
      action: 'claim.submit',
      subjectType: 'member',
      subjectId: memberId,
      clientAddress,
      details: { claimId: id, month: input.month, scheme: input.scheme, amount },
    }),
  ]);
  return (await findClaim(deps.db, id))!;
}

/**
 * The city's decision, recorded by staff: a submitted claim approved (for an amount up to what
 * was claimed), an approved one paid. Any other state is a 409 `claim_state`.
 */
export async function decideClaim(
  deps: AppDeps,
  staff: CurrentUser,
  claimId: string,
  step: 'approve' | 'pay',
  input: { amount: number; on: string },
  clientAddress?: string,
) {
  const claim = await findClaim(deps.db, claimId);
  if (!claim) throw notFound();
  if (claim.status !== (step === 'approve' ? 'submitted' : 'approved'))
    throw conflict('claim_state');
  if (input.on > tokyoDateOf(deps.clock.now())) throw unprocessable('claim_date_in_future');
  const limit = step === 'approve' ? claim.claimed_amount : (claim.approved_amount ?? 0);
  if (input.amount > limit) throw unprocessable('claim_amount_too_high');
  const now = deps.clock.now();
  const [result] = await deps.atomic([
    step === 'approve'
      ? updateClaimStatus(deps.db, claimId, 'submitted', {
          status: 'approved',
          approved_amount: input.amount,
          approved_on: input.on,
          updated_at: now.toISOString(),
        })
      : updateClaimStatus(deps.db, claimId, 'approved', {
          status: 'paid',
          paid_amount: input.amount,
          paid_on: input.on,
          updated_at: now.toISOString(),
        }),
    buildAuditIfPreviousChanged(deps.db, {
      at: now,
      actorUserId: staff.id,
      action: `claim.${step}`,
      subjectType: 'member',
      subjectId: claim.member_id,
      clientAddress,
      details: { claimId, amount: input.amount, on: input.on },
    }),
  ]);
  if (Number(result?.numAffectedRows ?? 0) === 0) throw conflict('claim_state');
  return (await findClaim(deps.db, claimId))!;
}

/** The city ledger of a month or a fiscal year: every claim and the totals by category. */
export async function loadLedger(
  deps: AppDeps,
  period: { month: string } | { fiscalYear: number },
) {
  const rows = await listLedger(deps.db, period);
  return { period, rows, totals: ledgerTotals(rows, [...SUBSIDY_CATEGORIES, 'free_childcare']) };
}
export type Ledger = Awaited<ReturnType<typeof loadLedger>>;
