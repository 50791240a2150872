import { addMonthsToMonth, tokyoDateOf } from '../../lib/dates.js';
import { monthOf, monthRange } from '../fees/statements.js';

/**
 * Payments of approved activities and cancellation fees (issue #18), pure: no database, no clock.
 *
 * The family pays the helper directly (the center only records it). What is due for an activity
 * is everything the family hands over for it: the fee plus transport and meal costs at cost; for
 * a cancellation, the cancellation fee. Amounts are integer yen.
 */

export const PAYMENT_METHODS = ['cash', 'bank_transfer', 'qr'] as const;
export type PaymentMethodCode = (typeof PAYMENT_METHODS)[number];

/** How far back the staff list of outstanding amounts looks, in whole months. */
export const OUTSTANDING_LOOKBACK_MONTHS = 12;

/** What the family owes the helper for one approved activity. */
export function activityAmountDue(a: {
  feeTotal: number;
  transportCost: number;
  mealCost: number;
}) {
  return a.feeTotal + a.transportCost + a.mealCost;
}

export type PaymentState = 'unpaid' | 'recorded' | 'received' | 'disputed' | 'short';

/**
 * Where an amount stands: `unpaid` (nothing recorded), `disputed` (the helper says it did not
 * arrive as recorded), `short` (less than due was recorded), `recorded` (awaiting the helper's
 * acknowledgement), `received` (acknowledged in full).
 */
export function paymentState(
  due: number,
  payment: { amount: number; status: 'recorded' | 'received' | 'disputed' } | undefined | null,
): PaymentState {
  if (!payment) return 'unpaid';
  if (payment.status === 'disputed') return 'disputed';
  if (payment.amount < due) return 'short';
  return payment.status;
}

/** Outstanding for staff: unpaid, disputed or short. */
export const isOutstanding = (state: PaymentState) =>
  state === 'unpaid' || state === 'disputed' || state === 'short';

/**
 * The instants bounding the amounts listed as outstanding at `now`: months before the current
 * Tokyo month (a family pays within the month), back `lookbackMonths` whole months.
 */
export function outstandingWindow(now: Date, lookbackMonths = OUTSTANDING_LOOKBACK_MONTHS) {
  const month = monthOf(now);
  return {
    from: monthRange(addMonthsToMonth(month, -lookbackMonths)).from,
    to: monthRange(month).from,
  };
}

/** A payment date may not lie in the future (Tokyo): the rule code, or undefined. */
export function paidOnRule(paidOn: string, now: Date): 'paid_in_future' | undefined {
  return paidOn > tokyoDateOf(now) ? 'paid_in_future' : undefined;
}
