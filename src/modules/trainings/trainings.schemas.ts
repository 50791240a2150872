import { z } from 'zod';
import { endsAfterStart, endsAfterStartIssue } from '../../lib/time-schemas.js';
import {
  multiLineText,
  optionalMultiLineText as optionalText,
  singleLineText,
} from '../../lib/text-schemas.js';
import { isValidDateString } from '../../lib/dates.js';

// Bodies of the training API and forms. Messages are i18n keys; the edge translates them.

const id = z.string().min(1).max(64);
const instant = z.iso.datetime({ offset: true });
export const trainingDateSchema = z.string().trim().refine(isValidDateString, 'validation.date');

export const MODULE_KINDS = ['basic', 'cpr', 'followup', 'sick_child'] as const;
export const VALIDITY_MODES = ['months', 'fiscal_year_end'] as const;

const titleText = singleLineText(100);

export const moduleBody = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, 'training.validation.code'),
    /** One title for both languages, or `{ ja, en }`. */
    title: z.union([titleText, z.object({ ja: titleText, en: titleText }).strict()]),
    hours: z.number().positive('training.validation.hours').max(100, 'training.validation.hours'),
    kind: z.enum(MODULE_KINDS),
    /** Months a completion stays valid; absent or null: never expires (or fiscal_year_end). */
    validityMonths: z.number().int().min(1).max(240).nullish(),
    validityMode: z.enum(VALIDITY_MODES).optional(),
    sortOrder: z.number().int().min(0).max(100_000).optional(),
  })
  .strict()
  .refine((v) => !(v.validityMode === 'fiscal_year_end' && v.validityMonths != null), {
    path: ['validityMonths'],
    message: 'training.validation.fiscalYearNoMonths',
  });
export type ModuleInput = z.output<typeof moduleBody>;

/**
 * A module's validity (#19: any module may be repeated, e.g. 事故防止講習 every 5 years):
 * `validityMonths` null = never expires; `fiscal_year_end` = through March 31 of its 年度.
 */
export const moduleValidityBody = z
  .object({
    validityMode: z.enum(VALIDITY_MODES),
    validityMonths: z.number().int().min(1).max(240).nullable(),
  })
  .strict()
  .refine((v) => !(v.validityMode === 'fiscal_year_end' && v.validityMonths !== null), {
    path: ['validityMonths'],
    message: 'training.validation.fiscalYearNoMonths',
  });
export type ModuleValidityInput = z.output<typeof moduleValidityBody>;

export const sessionBody = z
  .object({
    moduleIds: z.array(id).min(1, 'training.validation.modulesRequired').max(30),
    startsAt: instant,
    endsAt: instant,
    venue: z.string().trim().min(1).max(200),
    capacity: z.number().int().min(1).max(500),
    instructor: optionalText(100),
    notes: optionalText(1000),
  })
  .strict()
  .refine(endsAfterStart, endsAfterStartIssue);
export type SessionInput = z.output<typeof sessionBody>;

export const sessionListQuery = z
  .object({ from: trainingDateSchema.optional(), to: trainingDateSchema.optional() })
  .strict();

/** Enrol or cancel: a helper sends `{}` (themselves); staff name the member. */
export const enrollmentBody = z.object({ memberId: id.optional() }).strict();

export const attendanceBody = z
  .object({
    attendees: z
      .array(
        z
          .object({
            memberId: id,
            attended: z.boolean(),
            /** The modules attended (partial attendance); default: every module of the session. */
            moduleIds: z.array(id).max(30).optional(),
          })
          .strict(),
      )
      .max(500),
  })
  .strict();
export type AttendanceInput = z.output<typeof attendanceBody>;

export const RECORD_SOURCES = ['external', 'exemption'] as const;

export const recordBody = z
  .object({
    moduleId: id,
    completedOn: trainingDateSchema,
    source: z.enum(RECORD_SOURCES),
    /** The evidence: certificate name and number, or the qualification that exempts. */
    note: multiLineText(500, 1),
  })
  .strict();
export type RecordInput = z.output<typeof recordBody>;

export const reviewBody = z.object({ note: optionalText(500) }).strict();

export const recordListQuery = z
  .object({ status: z.enum(['pending', 'approved', 'rejected']).optional() })
  .strict();

export const summaryQuery = z
  .object({ from: trainingDateSchema, to: trainingDateSchema })
  .strict()
  .refine((v) => v.from <= v.to, { path: ['to'], message: 'training.validation.periodOrder' });
