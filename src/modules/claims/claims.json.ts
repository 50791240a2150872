import { z } from 'zod';
import { responseOf } from '../../http/api-route.js';
import { toTokyoIso } from '../../lib/dates.js';
import { PAYMENT_METHODS } from '../payments/payment-rules.js';
import type { ClaimLine, MonthlyClaim } from '../subsidies/claim-rules.js';
import { SUBSIDY_CATEGORIES } from '../subsidies/eligibility-rules.js';
import type { ClaimRow } from './claims.queries.js';
import type { Ledger, MonthMoney } from './claims.service.js';
import { CLAIM_SCHEMES, CLAIM_STATUSES } from './ledger-rules.js';

/** The monthly claim as JSON (issue #18 point 5). */

const lineJson = (l: ClaimLine) => ({
  kind: l.kind,
  activityId: l.activityId,
  requestId: l.requestId,
  childId: l.childId,
  date: l.date,
  minutes: l.minutes,
  amount: l.amount,
  paid: l.paid,
});

export function claimJson(c: MonthlyClaim) {
  return {
    month: c.month,
    linesTotal: c.linesTotal,
    freeChildcare: {
      total: c.freeChildcare.total,
      children: c.freeChildcare.children.map((k) => ({
        childId: k.child.id,
        name: k.child.name,
        band: k.band,
        cap: k.cap,
        eligible: k.eligible,
        amount: k.amount,
        lines: k.lines.map((l) => ({ ...lineJson(l), reimbursed: l.reimbursed })),
        excluded: k.excluded.map((l) => ({ ...lineJson(l), reason: l.reason })),
      })),
    },
    subsidy: {
      category: c.subsidy.category,
      cap: c.subsidy.cap,
      computed: c.subsidy.computed,
      amount: c.subsidy.amount,
      lines: c.subsidy.lines.map((l) => ({ ...lineJson(l), base: l.base, subsidy: l.subsidy })),
      excluded: c.subsidy.excluded.map((l) => ({ ...lineJson(l), reason: l.reason })),
    },
  };
}

const line = {
  kind: z.enum(['fee', 'transport_cost', 'meal_cost', 'cancellation_fee']),
  activityId: z.string().nullable(),
  requestId: z.string().nullable(),
  childId: z.string().nullable(),
  date: z.string(),
  minutes: z.number(),
  amount: z.number(),
  paid: z.boolean().describe('the helper acknowledged receiving the payment in full'),
};
const freeChildcareReason = z.enum([
  'cost',
  'cancellation_fee',
  'transport_only',
  'no_certification',
  'age_band',
  'not_paid',
  'no_rules',
]);
const subsidyReason = z.enum([
  'cost',
  'cancellation_fee',
  'transport_only',
  'not_eligible',
  'not_subsidised',
  'not_paid',
  'no_rules',
]);

export const claimSchema = responseOf<ReturnType<typeof claimJson>>()(
  z.object({
    month: z.string(),
    linesTotal: z.number().describe('every line of the month: fees, costs, cancellation fees'),
    freeChildcare: z.object({
      total: z.number(),
      children: z.array(
        z.object({
          childId: z.string(),
          name: z.string(),
          band: z.enum(['age3to5', 'age0to2', 'older']),
          cap: z.number(),
          eligible: z.number(),
          amount: z.number(),
          lines: z.array(z.object({ ...line, reimbursed: z.number() })),
          excluded: z.array(z.object({ ...line, reason: freeChildcareReason })),
        }),
      ),
    }),
    subsidy: z.object({
      category: z.enum(SUBSIDY_CATEGORIES).nullable(),
      cap: z.number(),
      computed: z.number().describe('before the cap, rounded down to the yen'),
      amount: z.number(),
      lines: z.array(
        z.object({
          ...line,
          base: z.number().describe('the amount less what 無償化 reimburses'),
          subsidy: z.number().describe('exact; only the month is rounded'),
        }),
      ),
      excluded: z.array(z.object({ ...line, reason: subsidyReason })),
    }),
  }),
);

/** A submitted claim and the city's decision. */
export function claimRecordJson(r: ClaimRow) {
  return {
    id: r.id,
    memberId: r.member_id,
    memberName: r.member_name,
    memberNo: r.member_no,
    month: r.month,
    fiscalYear: r.fiscal_year,
    scheme: r.scheme,
    category: r.category,
    claimedAmount: r.claimed_amount,
    status: r.status,
    submittedOn: r.submitted_on,
    approvedAmount: r.approved_amount,
    approvedOn: r.approved_on,
    paidAmount: r.paid_amount,
    paidOn: r.paid_on,
  };
}

export const claimRecordSchema = responseOf<ReturnType<typeof claimRecordJson>>()(
  z.object({
    id: z.string(),
    memberId: z.string(),
    memberName: z.string(),
    memberNo: z.number().nullable(),
    month: z.string(),
    fiscalYear: z.number(),
    scheme: z.enum(CLAIM_SCHEMES),
    category: z.string().nullable(),
    claimedAmount: z.number(),
    status: z.enum(CLAIM_STATUSES),
    submittedOn: z.string(),
    approvedAmount: z.number().nullable(),
    approvedOn: z.string().nullable(),
    paidAmount: z.number().nullable(),
    paidOn: z.string().nullable(),
  }),
);

const totalSchema = z.object({
  bucket: z.string().describe("a subsidy category, 'free_childcare' or 'total'"),
  count: z.number(),
  claimed: z.number(),
  approved: z.number(),
  paid: z.number(),
});

export function ledgerJson(l: Ledger) {
  return {
    month: 'month' in l.period ? l.period.month : null,
    fiscalYear: 'fiscalYear' in l.period ? l.period.fiscalYear : null,
    claims: l.rows.map(claimRecordJson),
    totals: l.totals.rows,
    total: l.totals.all,
  };
}

export const ledgerSchema = responseOf<ReturnType<typeof ledgerJson>>()(
  z.object({
    month: z.string().nullable(),
    fiscalYear: z.number().nullable(),
    claims: z.array(claimRecordSchema),
    totals: z.array(totalSchema),
    total: totalSchema,
  }),
);

/**
 * The money of a family's monthly statement (issue #18 point 6): each amount's payment, and the
 * subsidy and 無償化 amounts the family can claim for the month (the monthly claim's).
 */
export function statementMoneyJson(m: MonthMoney) {
  return {
    payments: m.payments.map((p) => ({
      ...p,
      receivedAt: p.receivedAt === null ? null : toTokyoIso(p.receivedAt),
    })),
    subsidy: {
      category: m.claim.subsidy.category,
      cap: m.claim.subsidy.cap,
      amount: m.claim.subsidy.amount,
    },
    freeChildcare: {
      total: m.claim.freeChildcare.total,
      children: m.claim.freeChildcare.children.map((k) => ({
        childId: k.child.id,
        name: k.child.name,
        band: k.band,
        cap: k.cap,
        amount: k.amount,
      })),
    },
    claimable: m.claim.subsidy.amount + m.claim.freeChildcare.total,
  };
}

export const statementMoneySchema = responseOf<ReturnType<typeof statementMoneyJson>>()(
  z.object({
    payments: z.array(
      z.object({
        kind: z.enum(['activity', 'cancellation']),
        id: z.string().describe('the activity, or the cancelled request'),
        date: z.string(),
        due: z.number().int().describe('fee + costs, or the cancellation fee'),
        state: z.enum(['unpaid', 'recorded', 'received', 'disputed', 'short']),
        amount: z.number().int().nullable().describe('the recorded payment'),
        paidOn: z.string().nullable(),
        method: z.enum(PAYMENT_METHODS).nullable(),
        receivedAt: z.string().nullable().describe('when the helper acknowledged it'),
      }),
    ),
    subsidy: z.object({
      category: z.enum(SUBSIDY_CATEGORIES).nullable(),
      cap: z.number().int(),
      amount: z.number().int(),
    }),
    freeChildcare: z.object({
      total: z.number().int(),
      children: z.array(
        z.object({
          childId: z.string(),
          name: z.string(),
          band: z.enum(['age3to5', 'age0to2', 'older']),
          cap: z.number().int(),
          amount: z.number().int(),
        }),
      ),
    }),
    claimable: z.number().int().describe('subsidy + 無償化 of the month'),
  }),
);
