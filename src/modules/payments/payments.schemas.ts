import { z } from 'zod';
import { formFields, normalizeInput, reportIssuesAt } from '../../http/form-fields.js';
import { multiLineText } from '../../lib/text-schemas.js';
import { tokyoDateField } from '../../lib/time-schemas.js';
import { formYen } from '../activities/report-form.js';
import { PAYMENT_METHODS } from './payment-rules.js';

/** Bodies of payment writes (API) and the forms that map to them (pages). */

export const recordPaymentBody = z
  .object({
    paidOn: tokyoDateField,
    method: z.enum(PAYMENT_METHODS, 'payments.validation.method'),
    amount: z
      .number('payments.validation.amount')
      .int('payments.validation.amount')
      .min(1, 'payments.validation.amount')
      .max(1_000_000, 'payments.validation.amount'),
  })
  .strict();

export const paymentDisputeBody = z.object({ reason: multiLineText(1000, 1) }).strict();

/** The payment form: the date, the method and the amount as typed on a phone (「1,200」「¥300」). */
export const paymentForm = formFields.transform((form, ctx) => {
  const parsed = recordPaymentBody.safeParse({
    paidOn: normalizeInput(form.paidOn),
    method: form.method,
    amount: formYen(form.amount ?? ''),
  });
  if (parsed.success) return parsed.data;
  reportIssuesAt(parsed.error, ctx, (path) => String(path[0] ?? 'amount'));
  return z.NEVER;
});

export const paymentDisputeForm = formFields.transform((form, ctx) => {
  const parsed = paymentDisputeBody.safeParse({ reason: form.reason ?? '' });
  if (parsed.success) return parsed.data;
  reportIssuesAt(parsed.error, ctx, () => 'reason');
  return z.NEVER;
});
