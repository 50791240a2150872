import { z } from 'zod';
import { responseOf } from '../../http/api-route.js';
import { toTokyoIso } from '../../lib/dates.js';
import { PAYMENT_METHODS } from './payment-rules.js';
import type { OutstandingItem, PaymentStatus } from './payments.service.js';

/** A subject's payment as the API shows it (instants with +09:00, yen as integers). */
export function toPaymentJson(s: PaymentStatus) {
  const p = s.payment;
  return {
    kind: s.key.kind,
    id: s.key.id,
    due: s.due,
    payable: s.payable,
    state: s.state,
    payment: p && {
      amount: p.amount,
      paidOn: p.paid_on,
      method: p.method,
      status: p.status,
      recordedBy: p.recorded_by_role,
      recordedByName: p.recorded_by_name,
      recordedAt: toTokyoIso(p.recorded_at),
      receivedAt: p.received_at ? toTokyoIso(p.received_at) : null,
      disputeReason: p.dispute_reason,
    },
  };
}

export const toOutstandingJson = (r: OutstandingItem) => ({
  kind: r.kind,
  id: r.id,
  date: toTokyoIso(r.date),
  due: r.due,
  paid: r.payment_amount,
  outstanding: r.outstanding,
  state: r.state,
  disputeReason: r.dispute_reason,
  requesterId: r.requester_member_id,
  requesterName: r.requester_name,
  helperId: r.helper_member_id,
  helperName: r.helper_name,
});

const kind = z.enum(['activity', 'cancellation']);
const state = z.enum(['unpaid', 'recorded', 'received', 'disputed', 'short']);

export const paymentSchema = responseOf<ReturnType<typeof toPaymentJson>>()(
  z.object({
    kind,
    id: z.string().describe('the activity id, or the cancelled request id'),
    due: z.number().int().describe('yen: fee + costs, or the cancellation fee'),
    payable: z.boolean().describe('approved (activity) or cancelled with a fee (request)'),
    state,
    payment: z
      .object({
        amount: z.number().int(),
        paidOn: z.string(),
        method: z.enum(PAYMENT_METHODS),
        status: z.enum(['recorded', 'received', 'disputed']),
        recordedBy: z.enum(['requester', 'helper', 'staff']),
        recordedByName: z.string().nullable(),
        recordedAt: z.string(),
        receivedAt: z.string().nullable(),
        disputeReason: z.string().nullable(),
      })
      .nullable(),
  }),
);

export const outstandingSchema = responseOf<ReturnType<typeof toOutstandingJson>>()(
  z.object({
    kind,
    id: z.string(),
    date: z.string(),
    due: z.number().int(),
    paid: z.number().int().nullable(),
    outstanding: z.number().int().describe('yen still owed'),
    state,
    disputeReason: z.string().nullable(),
    requesterId: z.string(),
    requesterName: z.string(),
    helperId: z.string(),
    helperName: z.string(),
  }),
);
