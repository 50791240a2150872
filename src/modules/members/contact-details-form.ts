import { z } from 'zod';
import { textValues } from '../../http/validate.js';
import { CONTACT_FIELDS } from './form-layout.js';
import { PROFILE_FIELDS } from './form-layout.js';
import { pickText, reissue, type FormValues } from './form-issues.js';
import { contactBody, memberPatchBody } from './members.schemas.js';

/** The forms of マイページ's contact details and of its emergency contacts and pick-up people. */

const profileBody = memberPatchBody.pick({
  phone: true,
  postalCode: true,
  address: true,
  area: true,
  email: true,
});

/** The profile form's fields, as the page shows them again. */
export const profileValues = (raw: FormValues) => pickText(raw, PROFILE_FIELDS);

export const profileForm = z.unknown().transform((raw, ctx) => {
  const values = profileValues(textValues(raw));
  const parsed = profileBody.safeParse(values);
  if (!parsed.success) {
    reissue(ctx, parsed.error.issues);
    return z.NEVER;
  }
  return { input: parsed.data, values };
});

export type ContactPrefix = 'contact' | 'pickup';

/** The fields of one of the two contact forms (`contact.*` / `pickup.*`). */
export const contactValues = (prefix: ContactPrefix, raw: FormValues) =>
  pickText(
    raw,
    CONTACT_FIELDS.map((f) => `${prefix}.${f}`),
  );

/** An emergency contact or a pick-up person; errors under the form's prefixed names. */
export const contactForm = (prefix: ContactPrefix) =>
  z.unknown().transform((raw, ctx) => {
    const values = contactValues(prefix, textValues(raw));
    const parsed = contactBody.safeParse(
      Object.fromEntries(CONTACT_FIELDS.map((f) => [f, values[`${prefix}.${f}`]])),
    );
    if (!parsed.success) {
      reissue(ctx, parsed.error.issues, (name) => ({ name: `${prefix}.${name}` }));
      return z.NEVER;
    }
    return parsed.data;
  });

/** The field names of one row's edit-in-place form: `contact.<id>.name`… (ids unique per row). */
export const editContactNames = (prefix: ContactPrefix, id: string) =>
  Object.fromEntries(CONTACT_FIELDS.map((f) => [f, `${prefix}.${id}.${f}`])) as Record<
    (typeof CONTACT_FIELDS)[number],
    string
  >;
