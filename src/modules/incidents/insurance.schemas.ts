import { z } from 'zod';
import { tokyoDateField } from '../../lib/time-schemas.js';
import { optionalMultiLineText } from '../../lib/text-schemas.js';

/** Bodies of insurance cases (issue #19). Dates are Tokyo calendar dates (YYYY-MM-DD). */

const optionalDate = tokyoDateField.nullish().transform((v) => v ?? null);

export const openCaseBody = z
  .object({ cover: z.string().trim().min(1, 'validation.required').max(32) })
  .strict();

export const caseUpdateBody = z
  .object({
    insurerNotifiedOn: optionalDate,
    documentsSent: optionalMultiLineText(2000),
    documentsSentOn: optionalDate,
    amountPaid: z
      .number('insurance.validation.amount')
      .int('insurance.validation.amount')
      .min(0, 'insurance.validation.amount')
      .max(100_000_000, 'insurance.validation.amount')
      .nullish()
      .transform((v) => v ?? null),
    paidOn: optionalDate,
    note: optionalMultiLineText(2000),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.paidOn && v.amountPaid === null)
      ctx.addIssue({
        code: 'custom',
        path: ['amountPaid'],
        message: 'insurance.validation.paidAmount',
      });
  });
export type CaseUpdateInput = z.output<typeof caseUpdateBody>;

export const closeCaseBody = z.object({ closedOn: tokyoDateField }).strict();

export const caseListQuery = z.object({
  /** `open` (default): open cases by deadline; `closed`: the latest closed ones. */
  state: z.enum(['open', 'closed']).default('open'),
});
