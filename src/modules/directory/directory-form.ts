import { z } from 'zod';
import { textValues } from '../../http/validate.js';
import { pickText, reissue, type FormValues } from '../members/form-issues.js';
import { groupBody, referralBody } from './directory.schemas.js';

/**
 * The staff forms of the directory ↔ the service's input (`groupBody`, `referralBody`). The
 * form's field names are the schema's, so each message sits next to its field.
 */

const GROUP_FIELDS = [
  'name',
  'kind',
  'area',
  'schedule',
  'contact',
  'ageMin',
  'ageMax',
  'description',
  'url',
] as const;

/** The group form as the page shows it again (the link trimmed). */
export function groupFormValues(raw: FormValues): FormValues {
  const values = pickText(raw, GROUP_FIELDS);
  return { ...values, url: (values.url ?? '').trim() };
}

/** An age box: one or two digits, else no limit. */
const ageValue = (v: string | undefined) => (v && /^\d{1,2}$/.test(v) ? Number(v) : null);

export const groupForm = z.unknown().transform((raw, ctx) => {
  const values = groupFormValues(textValues(raw));
  const parsed = groupBody.safeParse({
    ...values,
    ageMin: ageValue(values.ageMin),
    ageMax: ageValue(values.ageMax),
    url: values.url || null,
  });
  if (!parsed.success) {
    reissue(ctx, parsed.error.issues);
    return z.NEVER;
  }
  return { values, input: parsed.data };
});

/** The referral form as the page shows it again (the date trimmed). */
export function referralFormValues(raw: FormValues): FormValues {
  const values = pickText(raw, ['groupId', 'referredOn', 'note']);
  return { ...values, referredOn: (values.referredOn ?? '').trim() };
}

export const referralForm = z.unknown().transform((raw, ctx) => {
  const values = referralFormValues(textValues(raw));
  const parsed = referralBody.safeParse({
    groupId: values.groupId,
    referredOn: values.referredOn,
    note: values.note?.trim() ? values.note : null,
  });
  if (!parsed.success) {
    reissue(ctx, parsed.error.issues);
    return z.NEVER;
  }
  return { values, input: parsed.data };
});
