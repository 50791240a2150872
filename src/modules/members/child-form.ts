import { z } from 'zod';
import { textValues } from '../../http/validate.js';
import { CHILD_FIELDS } from './form-layout.js';
import type { Child } from '../../../db/schema.js';
import { blankBirthDate, pickText, reissue, type FormValues } from './form-issues.js';
import { childBody, type ChildInput } from './members.schemas.js';

/** A child of マイページ (new or edited), with the health-data consent the form may give. */

const CHILD_FORM_FIELDS = [...CHILD_FIELDS, 'healthConsent'];

/** The form's fields, as the page shows them again. */
export const childFormValues = (raw: FormValues) => pickText(raw, CHILD_FORM_FIELDS);

/** A saved child as the edit form shows it. */
export const childValues = (child: Child): FormValues => ({
  name: child.name,
  nameKana: child.name_kana,
  sex: child.sex ?? '',
  birthDate: child.birth_date,
  school: child.school ?? '',
  allergies: child.allergies ?? '',
  healthNotes: child.health_notes ?? '',
  familyDoctor: child.family_doctor ?? '',
});

export interface ChildForm {
  input: ChildInput;
  /** The member ticked the consent to health data on this form. */
  healthConsent: boolean;
  values: FormValues;
}

export const childForm = z.unknown().transform((raw, ctx): ChildForm => {
  const values = childFormValues(textValues(raw));
  const parsed = childBody.safeParse({
    name: values.name,
    nameKana: values.nameKana,
    sex: values.sex || null,
    birthDate: values.birthDate,
    school: values.school,
    allergies: values.allergies,
    healthNotes: values.healthNotes,
    familyDoctor: values.familyDoctor,
  });
  if (!parsed.success) {
    reissue(ctx, parsed.error.issues, (name) => ({
      name,
      message: blankBirthDate(values, name),
    }));
    return z.NEVER;
  }
  return { input: parsed.data, healthConsent: values.healthConsent === 'yes', values };
});
