import { z } from 'zod';
import { optionalMultiLineText as optionalText, singleLineText } from '../../lib/text-schemas.js';
import { newPasswordSchema } from '../../auth/password-policy.js';
import { isValidDateString } from '../../lib/dates.js';
import { emailSchema } from '../auth/auth.schemas.js';
import {
  emailProblem,
  isKatakana,
  normalizeEmail,
  normalizeKana,
  normalizePhone,
  phoneProblem,
} from './member-rules.js';

// Field schemas. Messages are i18n keys; the forms and the API translate them.
export const nameSchema = singleLineText(100);
export const kanaSchema = z
  .string()
  .max(100)
  .transform(normalizeKana)
  .pipe(z.string().min(1).refine(isKatakana, 'validation.katakana'));
export const dateSchema = z.string().trim().refine(isValidDateString, 'validation.date');
/**
 * A normalized value its rule accepts: a refusal says why (`problemOf` gives the i18n key;
 * `abort` skips the checks piped after it).
 */
const saysWhy = (problemOf: (v: string) => string | null, abort?: true) =>
  z
    .string()
    .min(1)
    .superRefine((v, ctx) => {
      const problem = problemOf(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, ...(abort ? { abort } : {}) });
    });
export const phoneSchema = z.string().max(30).transform(normalizePhone).pipe(saysWhy(phoneProblem));
/** An applicant's or member's e-mail: full-width typing accepted; a refusal says why. */
export const memberEmailSchema = z
  .string()
  .max(254)
  .transform(normalizeEmail)
  .pipe(saysWhy(emailProblem, true).pipe(emailSchema));
export const postalCodeSchema = z
  .string()
  .trim()
  .transform((v) => v.normalize('NFKC').replace(/[ー－]/g, '-'))
  .pipe(z.string().regex(/^(\d{3}-?\d{4})?$/, 'validation.postal_code'))
  .nullish()
  .transform((v) => (v ? v : null));

export const childBody = z
  .object({
    name: nameSchema,
    nameKana: kanaSchema,
    sex: z.enum(['female', 'male', 'other']).nullish(),
    birthDate: dateSchema,
    school: optionalText(100),
    allergies: optionalText(1000),
    healthNotes: optionalText(2000),
    familyDoctor: optionalText(200),
  })
  .strict();
export type ChildInput = z.output<typeof childBody>;

export const childPatchBody = childBody.partial().strict();

export const contactBody = z
  .object({ name: nameSchema, relation: singleLineText(50), phone: phoneSchema })
  .strict();
export type ContactInput = z.output<typeof contactBody>;

export const applicationBody = z
  .object({
    kind: z.enum(['requester', 'helper', 'both']),
    name: nameSchema,
    nameKana: kanaSchema,
    email: memberEmailSchema,
    password: newPasswordSchema,
    phone: phoneSchema,
    birthDate: dateSchema,
    postalCode: postalCodeSchema,
    address: singleLineText(200),
    area: singleLineText(50),
    children: z.array(childBody).max(10).default([]),
    emergencyContacts: z.array(contactBody).max(5).default([]),
    consent: z
      .object({ terms: z.literal(true, 'validation.consent_terms'), healthData: z.boolean() })
      .strict(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind !== 'helper') {
      if (v.children.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['children'],
          message: 'validation.children_required',
        });
      }
      if (v.emergencyContacts.length < 2) {
        ctx.addIssue({
          code: 'custom',
          path: ['emergencyContacts'],
          message: 'validation.two_emergency_contacts',
        });
      }
    }
  });
export type ApplicationInput = z.output<typeof applicationBody>;

/** Staff enter paper and phone applications; the initial password is theirs to hand over. */
export const staffApplicationBody = applicationBody;

const categoryList = z.array(z.number().int().min(1).max(12)).max(12);
const monthsSchema = z.number().int().min(0).max(156).nullable();

/** Fields a member may change themselves. Name, kana and birth date are ID-checked: staff only. */
export const selfEditableFields = [
  'phone',
  'postalCode',
  'address',
  'area',
  'email',
  'helperAreas',
  'helperCategories',
  'helperChildAgeMinMonths',
  'helperChildAgeMaxMonths',
  'helperMaxChildren',
  'helperHasPets',
  'helperSmokerInHome',
  'helperPreschoolersAtHome',
  'helperHouseholdNotes',
] as const;

export const memberPatchBody = z
  .object({
    name: nameSchema,
    nameKana: kanaSchema,
    birthDate: dateSchema,
    email: memberEmailSchema,
    phone: phoneSchema,
    postalCode: postalCodeSchema,
    address: singleLineText(200),
    area: singleLineText(50),
    helperAreas: z.array(z.string().min(1).max(50)).max(20),
    helperCategories: categoryList,
    helperChildAgeMinMonths: monthsSchema,
    helperChildAgeMaxMonths: monthsSchema,
    helperMaxChildren: z.number().int().min(1).max(3),
    helperHasPets: z.boolean(),
    helperSmokerInHome: z.boolean(),
    helperPreschoolersAtHome: z.boolean(),
    helperHouseholdNotes: optionalText(1000),
  })
  .partial()
  .strict();
export type MemberPatch = z.output<typeof memberPatchBody>;

export const sideBody = z.object({ side: z.enum(['requester', 'helper']) }).strict();
export const suspendBody = z
  .object({ side: z.enum(['requester', 'helper']), reason: z.string().trim().min(1).max(500) })
  .strict();
export const withdrawBody = z.object({ reason: z.string().trim().max(500).optional() }).strict();

export const memberListQuery = z.object({
  kind: z.enum(['requester', 'helper', 'both']).optional(),
  status: z.enum(['applied', 'active', 'suspended', 'withdrawn']).optional(),
  area: z.string().max(50).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type MemberListQuery = z.output<typeof memberListQuery>;

/** Self, or staff naming the member they act for (`memberActedFor` in member-scope.ts). */
export const actedForBody = z.object({ memberId: z.string().min(1).max(64).optional() }).strict();

/**
 * The answer to taking a seat for a member (an event registration, a training enrolment): what
 * (`key`, e.g. `eventId`), who, a seat (`seated`) or the waitlist, and the place in line.
 */
export const seatOutcomeJson = <K extends string, S extends string>(key: K, seated: S) =>
  z.object({
    ...({ [key]: z.string() } as Record<K, z.ZodString>),
    memberId: z.string(),
    status: z.enum([seated, 'waitlisted']),
    waitlistPosition: z.number().int().nullable(),
  });

/** The members who came (to an event, an orientation). */
export const memberAttendanceBody = z
  .object({ memberIds: z.array(z.string().min(1).max(64)).max(500) })
  .strict();
