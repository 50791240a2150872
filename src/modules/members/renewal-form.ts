import { z } from 'zod';
import { textValues } from '../../http/validate.js';
import { reissue } from './form-issues.js';

/**
 * The renewal answer (年度更新), for the API and the forms: per side whether the member continues
 * (null for a side the member does not have), the details checked, the terms agreed again.
 * Staff recording a paper form tick the same boxes for what the signed form says.
 */
export const renewalBody = z
  .object({
    continueRequester: z.boolean().nullable(),
    continueHelper: z.boolean().nullable(),
    detailsChecked: z.literal(true, 'renewal.error.detailsChecked'),
    consent: z.literal(true, 'renewal.error.consent'),
  })
  .strict();
export type RenewalBody = z.output<typeof renewalBody>;

const yesNo = (v: string | undefined) => (v === 'yes' ? true : v === 'no' ? false : null);

/** The renewal form: radios `continueRequester` / `continueHelper` (yes/no), two checkboxes. */
export const renewalForm = z.unknown().transform((raw, ctx) => {
  const form = textValues(raw);
  const parsed = renewalBody.safeParse({
    continueRequester: yesNo(form.continueRequester),
    continueHelper: yesNo(form.continueHelper),
    detailsChecked: form.detailsChecked === 'yes',
    consent: form.consent === 'yes',
  });
  if (!parsed.success) {
    reissue(ctx, parsed.error.issues);
    return z.NEVER;
  }
  return parsed.data;
});
