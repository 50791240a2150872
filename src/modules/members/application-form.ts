import { z } from 'zod';
import { textFieldsOf } from '../../http/form-fields.js';
import { textValues } from '../../http/validate.js';
import { CHILD_FIELDS, CHILD_SLOTS, CONTACT_FIELDS, CONTACT_SLOTS } from './form-layout.js';
import { blankBirthDate, reissue, type FormValues } from './form-issues.js';
import { applicationBody, type ApplicationInput } from './members.schemas.js';

/**
 * The application form (/apply and /members/new): flat fields with numbered slots
 * (`children.0.name`…) on the page, the nested `applicationBody` for the service.
 */

/**
 * Reads the numbered slots of a form. A slot whose text fields are all empty is ignored;
 * `slots[i]` is the form slot of item `i`, to put errors back in place.
 */
function readSlots<F extends string>(
  form: FormValues,
  prefix: string,
  count: number,
  fields: readonly F[],
): { items: Record<F, string>[]; slots: number[] } {
  const items: Record<F, string>[] = [];
  const slots: number[] = [];
  for (let i = 0; i < count; i++) {
    const item = {} as Record<F, string>;
    let filled = false;
    for (const f of fields) {
      const value = form[`${prefix}.${i}.${f}`] ?? '';
      item[f] = value;
      // A radio choice alone (sex) does not make a child.
      if (f !== 'sex' && value.trim() !== '') filled = true;
    }
    if (filled) {
      items.push(item);
      slots.push(i);
    }
  }
  return { items, slots };
}

/** The applicant's own text fields, as the body names them. */
const APPLICANT_FIELDS = [
  'name',
  'nameKana',
  'email',
  'password',
  'phone',
  'birthDate',
  'postalCode',
  'address',
  'area',
] as const;

/** The nested application body built from the flat form, and where each list item came from. */
function applicationFromForm(form: FormValues) {
  const kind = form.kind ?? '';
  // A helper-only applicant registers no children (the form hides the slots for them).
  const children =
    kind === 'helper'
      ? { items: [], slots: [] }
      : readSlots(form, 'children', CHILD_SLOTS, CHILD_FIELDS);
  const contacts = readSlots(form, 'emergencyContacts', CONTACT_SLOTS, CONTACT_FIELDS);
  const input = {
    kind,
    ...textFieldsOf(form, APPLICANT_FIELDS),
    children: children.items.map((ch) => ({ ...ch, sex: ch.sex || null })),
    emergencyContacts: contacts.items,
    consent: {
      terms: form['consent.terms'] === 'yes',
      healthData: form['consent.healthData'] === 'yes',
    },
  };
  return { input, childSlots: children.slots, contactSlots: contacts.slots };
}

/** An error path of a list item (`children.0.nameKana`) back to the form's slot name. */
function slotName(path: string, childSlots: number[], contactSlots: number[]): string {
  const m = /^(children|emergencyContacts)\.(\d+)(\..+)?$/.exec(path);
  if (!m) return path;
  const slot = (m[1] === 'children' ? childSlots : contactSlots)[Number(m[2])];
  return slot === undefined || !m[3] ? m[1]! : `${m[1]}.${slot}${m[3]}`;
}

/** Field errors a service raised (`children.0.birthDate`), under the form's slot names. */
export function toSlotNames(
  errors: Record<string, string>,
  childSlots: number[],
  contactSlots: number[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    out[slotName(path, childSlots, contactSlots)] ??= message;
  }
  return out;
}

/** The error summary lists problems in the order the form shows the fields. */
const APPLICATION_ORDER = [
  'kind',
  'name',
  'nameKana',
  'birthDate',
  'phone',
  'postalCode',
  'address',
  'area',
  'email',
  'password',
  'children',
  ...Array.from({ length: CHILD_SLOTS }, (_, i) =>
    CHILD_FIELDS.map((f) => `children.${i}.${f}`),
  ).flat(),
  'emergencyContacts',
  ...Array.from({ length: CONTACT_SLOTS }, (_, i) =>
    CONTACT_FIELDS.map((f) => `emergencyContacts.${i}.${f}`),
  ).flat(),
  'consent.terms',
  'consent.healthData',
];
const formRank = (name: string) => {
  const i = APPLICATION_ORDER.indexOf(name);
  return i < 0 ? APPLICATION_ORDER.length : i;
};

/**
 * Plainer messages for empty fields: an empty date is "required" (not "a real date"), an
 * unselected area is "choose one".
 */
function plainer(form: FormValues, name: string): string | undefined {
  if (name === 'area' && (form.area ?? '').trim() === '') return 'validation.choice';
  return blankBirthDate(form, name);
}

/** What the page shows again: everything sent but the password, never written into a page. */
export const applicationValues = (raw: FormValues): FormValues =>
  Object.fromEntries(Object.entries(raw).filter(([k]) => k !== 'password'));

export interface ApplicationForm {
  input: ApplicationInput;
  /** The form slot of each child and contact, to show a service's field errors in place. */
  childSlots: number[];
  contactSlots: number[];
  /** What the page shows again if the service refuses the application. */
  values: FormValues;
}

export const applicationForm = z.unknown().transform((raw, ctx): ApplicationForm => {
  const form = textValues(raw);
  const { input, childSlots, contactSlots } = applicationFromForm(form);
  const parsed = applicationBody.safeParse(input);
  if (parsed.success) {
    return { input: parsed.data, childSlots, contactSlots, values: applicationValues(form) };
  }
  const issues: z.core.$ZodIssue[] = [...parsed.error.issues];
  // Zod checks the lists only once every field is valid: say it now, not on the next round.
  if (input.kind === 'requester' || input.kind === 'both') {
    const list = (path: string, message: string) =>
      issues.push({ code: 'custom', path: [path], message, input: undefined });
    if (input.children.length === 0) list('children', 'validation.children_required');
    if (input.emergencyContacts.length < 2)
      list('emergencyContacts', 'validation.two_emergency_contacts');
  }
  const named = issues
    .map((issue) => ({
      issue,
      name: slotName(issue.path.map(String).join('.'), childSlots, contactSlots),
    }))
    .sort((a, b) => formRank(a.name) - formRank(b.name));
  for (const { issue, name } of named) {
    reissue(ctx, [issue], () => ({ name, message: plainer(form, name) }));
  }
  return z.NEVER;
});
