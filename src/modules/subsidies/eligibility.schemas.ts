import { z } from 'zod';
import { formFields } from '../../http/form-fields.js';
import { optionalMultiLineText, singleLineText } from '../../lib/text-schemas.js';
import { tokyoDateField } from '../../lib/time-schemas.js';
import { CERTIFICATION_TYPES, SUBSIDY_CATEGORIES } from './eligibility-rules.js';

/** Bodies of eligibility writes (API) and the forms mapped to them (pages). */

const validity = {
  checkedOn: tokyoDateField,
  validFrom: tokyoDateField,
  validTo: tokyoDateField,
};
const toAfterFrom = (v: { validFrom: string; validTo: string }) => v.validTo >= v.validFrom;
const toAfterFromIssue = { message: 'subsidies.validation.validTo', path: ['validTo'] };

export const eligibilityBody = z
  .object({
    category: z.enum(SUBSIDY_CATEGORIES, 'subsidies.validation.category'),
    evidence: singleLineText(200),
    note: optionalMultiLineText(1000),
    ...validity,
  })
  .strict()
  .refine(toAfterFrom, toAfterFromIssue);

export const certificationBody = z
  .object({
    childId: z.string().min(1).max(64),
    certificationType: z.enum(CERTIFICATION_TYPES, 'subsidies.validation.certificationType'),
    certificateNo: singleLineText(40),
    taxExempt: z.boolean(),
    ...validity,
  })
  .strict()
  .refine(toAfterFrom, toAfterFromIssue);

export const revokeBody = z.object({ recordId: z.string().min(1).max(64) }).strict();

/** The forms: the same fields by name; the tax-exempt checkbox sends `yes`. */
export const eligibilityForm = formFields.pipe(
  z.preprocess((f) => {
    const v = f;
    return { ...v, note: v.note ?? null };
  }, eligibilityBody),
);
/** Its date fields are named apart from the eligibility form's (both on one page). */
export const certificationForm = formFields.pipe(
  z.preprocess((f) => {
    const v = f;
    return {
      childId: v.childId,
      certificationType: v.certificationType,
      certificateNo: v.certificateNo,
      taxExempt: v.taxExempt === 'yes',
      checkedOn: v.certCheckedOn,
      validFrom: v.certValidFrom,
      validTo: v.certValidTo,
    };
  }, certificationBody),
);
export const revokeForm = formFields.pipe(revokeBody);
