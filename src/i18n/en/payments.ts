import type { payments as ja } from '../ja/payments.js';

/** Payments of activities and cancellation fees, issue #18. */
export const payments: Record<keyof typeof ja, string> = {
  'payments.title': 'Payment',
  'payments.pageTitle': 'Payment for {what}',
  'payments.back': 'Back',
  'payments.kind.activity': 'the activity',
  'payments.kind.cancellation': 'the cancellation fee',
  'payments.notPayable.activity':
    'The payment can be recorded once the center approves the report.',
  'payments.notPayable.cancellation': 'No cancellation fee was charged for this request.',
  'payments.state.unpaid': 'Unpaid',
  'payments.state.recorded': 'Awaiting the helper',
  'payments.state.received': 'Received',
  'payments.state.disputed': 'Disputed',
  'payments.state.short': 'Short',
  'payments.stateHelp.unpaid': 'No payment has been recorded yet.',
  'payments.stateHelp.recorded':
    'The family recorded a payment; the helper has not acknowledged it yet.',
  'payments.stateHelp.received': 'The helper acknowledged receipt.',
  'payments.stateHelp.disputed':
    'The helper says it did not arrive as recorded. The center will follow up.',
  'payments.stateHelp.short': 'The amount recorded is less than the amount due.',
  'payments.due': 'Amount due',
  'payments.amount': 'Amount paid',
  'payments.amountYen': 'Amount paid (yen)',
  'payments.amountHint': 'Fee plus costs (transport, meals): {due}.',
  'payments.paidOn': 'Date paid',
  'payments.method': 'Method',
  'payments.method.cash': 'Cash',
  'payments.method.bank_transfer': 'Bank transfer',
  'payments.method.qr': 'QR payment',
  'payments.recordedBy': 'Recorded by',
  'payments.recordedByText': '{role} ({name}), {at}',
  'payments.role.requester': 'Family',
  'payments.role.helper': 'Helper',
  'payments.role.staff': 'Center',
  'payments.receivedAt': 'Receipt acknowledged',
  'payments.disputeReason': 'What differs',
  'payments.receiveLead': 'Once you have received {amount}, press the button.',
  'payments.receiveLeadNone':
    'If you received {amount} in cash today, press the button (for another date or method, use “Record the payment”).',
  'payments.action.received': 'I received it',
  'payments.action.record': 'Record the payment',
  'payments.action.correct': 'Correct the payment',
  'payments.action.save': 'Save',
  'payments.action.dispute': 'Report a difference',
  'payments.recordLead.requester':
    'Record the date, method and amount you paid the helper. The helper then acknowledges it.',
  'payments.recordLead.helper':
    'Record the date, method and amount you received. It is saved as received.',
  'payments.recordLead.staff':
    'The center records or corrects the payment. A corrected payment is acknowledged again by the helper.',
  'payments.disputeTitle': 'If it did not arrive as recorded',
  'payments.disputeLabel': 'What differs (e.g. not received yet, a different amount)',
  'payments.outstanding.title': 'Unpaid and disputed payments',
  'payments.outstanding.lead':
    'Approved activities and cancellation fees of earlier months (the last 12) with no payment recorded, a disputed payment, or less than due.',
  'payments.outstanding.none': 'No unpaid or disputed payments.',
  'payments.outstanding.count': '{count} items, {total} outstanding in all',
  'payments.outstanding.date': 'Date',
  'payments.outstanding.what': 'For',
  'payments.outstanding.owed': 'Outstanding',
  'payments.outstanding.state': 'Status',
  'payments.cancellationLink': 'Payment of the cancellation fee',
  'payments.home.outstanding': 'Unpaid and disputed payments',
  'payments.flash.recorded': 'The payment was recorded.',
  'payments.flash.received': 'Receipt acknowledged.',
  'payments.flash.disputed': 'The difference was reported. The center will be in touch.',
  'payments.validation.method': 'Choose a payment method.',
  'payments.validation.amount': 'Enter a whole number of yen, 1 or more.',
  'rule.payment_not_approved': 'Record the payment once the center has approved the report.',
  'rule.payment_no_cancellation_fee': 'No cancellation fee was charged for this request.',
  'rule.payment_already_received':
    'The helper has already acknowledged this payment. Ask the center to correct it.',
  'rule.payment_not_disputable':
    'Only a payment the family recorded and the helper has not acknowledged can be disputed.',
  'rule.paid_in_future': 'The date paid cannot be after today.',
  'rule.payment_over_due': 'The amount cannot be more than the amount due.',
  'notification.payment_recorded.title': 'A payment was recorded',
  'notification.payment_recorded.body':
    'The family recorded a payment of ¥{amount} for the activity of {when}. Press “I received it” once you have it.',
  'notification.payment_disputed.title': 'A payment is disputed',
  'notification.payment_disputed.body':
    'Helper {helper} reports a difference in the payment for the activity of {when}.',
};
