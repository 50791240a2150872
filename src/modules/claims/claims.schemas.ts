import { z } from 'zod';
import { formFields, normalizeInput } from '../../http/form-fields.js';
import { fiscalYearOf } from '../../lib/dates.js';
import { tokyoDateField } from '../../lib/time-schemas.js';
import { isValidMonth } from '../fees/statements.js';
import { CLAIM_SCHEMES } from './ledger-rules.js';

/** Bodies of the claim writes (API) and the forms mapped to them (pages). */

const month = z.string('validation.required').refine(isValidMonth, 'activities.validation.month');
const yen = z
  .number('validation.invalid')
  .int('validation.invalid')
  .min(0, 'validation.invalid')
  .max(100_000_000, 'validation.invalid');

export const submitClaimBody = z
  .object({ month, scheme: z.enum(CLAIM_SCHEMES, 'validation.choice') })
  .strict();
export const claimDecisionBody = z.object({ amount: yen, on: tokyoDateField }).strict();

/** A month, or a fiscal year (the month wins when both are given). */
export const ledgerQuery = z.object({
  month: month.optional(),
  fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
});

/** The ledger's period: the month, else the fiscal year, else the fiscal year of `today`. */
export function ledgerPeriod(
  q: z.output<typeof ledgerQuery>,
  today: string,
): { month: string } | { fiscalYear: number } {
  if (q.month) return { month: q.month };
  return { fiscalYear: q.fiscalYear ?? fiscalYearOf(today) };
}

/** Amounts typed as 「1,200」「¥300」. */
const formYen = (s: string | undefined) => {
  const v = normalizeInput(s).replace(/[,¥円]/g, '');
  return /^\d+$/.test(v) ? Number(v) : v === '' ? undefined : Number.NaN;
};
export const submitClaimForm = formFields.pipe(
  z.preprocess((f) => ({ month: f.month, scheme: f.scheme }), submitClaimBody),
);
export const claimDecisionForm = formFields.pipe(
  z.preprocess((f) => ({ amount: formYen(f.amount), on: f.on }), claimDecisionBody),
);
