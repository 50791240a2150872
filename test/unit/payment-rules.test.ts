import { describe, expect, it } from 'vitest';
import {
  activityAmountDue,
  isOutstanding,
  outstandingWindow,
  paidOnRule,
  paymentState,
} from '../../src/modules/payments/payment-rules.js';

describe('payment rules (issue #18)', () => {
  it('an activity is due its fee plus transport and meal costs', () => {
    expect(activityAmountDue({ feeTotal: 1950, transportCost: 300, mealCost: 450 })).toBe(2700);
  });

  it.each([
    [1800, null, 'unpaid', true],
    [1800, { amount: 1800, status: 'recorded' as const }, 'recorded', false],
    [1800, { amount: 1800, status: 'received' as const }, 'received', false],
    [1800, { amount: 1500, status: 'received' as const }, 'short', true],
    [1800, { amount: 1500, status: 'recorded' as const }, 'short', true],
    [1800, { amount: 1800, status: 'disputed' as const }, 'disputed', true],
    [1800, { amount: 1000, status: 'disputed' as const }, 'disputed', true],
  ])('due %i with %o → %s (outstanding: %s)', (due, payment, state, outstanding) => {
    expect(paymentState(due, payment)).toBe(state);
    expect(isOutstanding(paymentState(due, payment))).toBe(outstanding);
  });

  it('lists months before the current Tokyo month, 12 back, whatever the process zone', () => {
    // 2026-12-01 00:30 JST is still 2026-11-30 in UTC: the current month is December.
    expect(outstandingWindow(new Date('2026-11-30T15:30:00Z'))).toEqual({
      from: '2025-11-30T15:00:00.000Z',
      to: '2026-11-30T15:00:00.000Z',
    });
    // The last minute of November (JST) still counts November as current.
    expect(outstandingWindow(new Date('2026-11-30T14:59:00Z'), 1)).toEqual({
      from: '2026-09-30T15:00:00.000Z',
      to: '2026-10-31T15:00:00.000Z',
    });
  });

  it('a payment date may be today (Tokyo) but not tomorrow', () => {
    const now = new Date('2026-11-30T15:30:00Z'); // 2026-12-01 00:30 JST
    expect(paidOnRule('2026-12-01', now)).toBeUndefined();
    expect(paidOnRule('2026-11-15', now)).toBeUndefined();
    expect(paidOnRule('2026-12-02', now)).toBe('paid_in_future');
  });
});
