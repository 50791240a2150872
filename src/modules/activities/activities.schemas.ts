import { z } from 'zod';
import { endsAfterStart, endsAfterStartIssue } from '../../lib/time-schemas.js';
import { optionalMultiLineText as optionalText } from '../../lib/text-schemas.js';
import { isValidDateString } from '../../lib/dates.js';
import { isValidMonth } from '../fees/statements.js';

/** Bodies and queries of activity reports, reviews, incidents and fee quotes (API and forms). */

const instant = z.iso.datetime({ offset: true });
const id = z.string().min(1).max(64);
const yen = z
  .number('activities.validation.yen')
  .int('activities.validation.yen')
  .min(0, 'activities.validation.yen')
  .max(1_000_000, 'activities.validation.yen');
const requiredText = (max: number) => z.string().trim().min(1, 'validation.required').max(max);
const unique = <T>(values: T[]) => [...new Set(values)];

export const INCIDENT_KINDS = ['near_miss', 'accident'] as const;
export const INCIDENT_SEVERITIES = ['minor', 'moderate', 'serious'] as const;
export const SERIOUS_REASONS = ['death', 'loss_of_consciousness', 'treatment_30_days'] as const;
export const ACTIVITY_STATUSES = [
  'reported',
  'confirmed',
  'disputed',
  'returned',
  'approved',
] as const;

/**
 * A near-miss or an accident. A serious accident (death, loss of consciousness, 30+ days of
 * treatment) names its reason, which flags it for the prefecture; nothing else may.
 */
export const incidentBody = z
  .object({
    kind: z.enum(INCIDENT_KINDS),
    severity: z.enum(INCIDENT_SEVERITIES),
    seriousReason: z
      .enum(SERIOUS_REASONS)
      .nullish()
      .transform((v) => v ?? null),
    description: requiredText(2000),
    actionTaken: requiredText(2000),
  })
  .strict()
  .superRefine((v, ctx) => {
    const serious = v.kind === 'accident' && v.severity === 'serious';
    if (serious && !v.seriousReason)
      ctx.addIssue({
        code: 'custom',
        path: ['seriousReason'],
        message: 'activities.validation.seriousReasonRequired',
      });
    if (!serious && v.seriousReason)
      ctx.addIssue({
        code: 'custom',
        path: ['seriousReason'],
        message: 'activities.validation.seriousReasonOnlySerious',
      });
  });
export type IncidentInput = z.output<typeof incidentBody>;

export const activityFields = {
  startedAt: instant,
  endedAt: instant,
  childIds: z.array(id).min(1, 'activities.validation.childrenRequired').max(5).transform(unique),
  categories: z
    .array(z.number().int().min(1).max(12))
    .min(1, 'activities.validation.categoriesRequired')
    .max(12)
    .transform(unique),
  place: optionalText(200),
  transportCost: yen.default(0),
  mealCost: yen.default(0),
  notes: optionalText(2000),
};

const endAfterStart = {
  path: ['endedAt'],
  message: 'validation.end_after_start',
};

export const createActivityBody = z
  .object({ requestId: id, ...activityFields, incident: incidentBody.optional() })
  .strict()
  .refine((v) => Date.parse(v.endedAt) > Date.parse(v.startedAt), endAfterStart);
export type CreateActivityInput = z.output<typeof createActivityBody>;

/**
 * A correction by the helper: any of the report's fields, with an optional reason and the
 * version being corrected (a stale version is a 409).
 */
export const updateActivityBody = z
  .object({
    ...activityFields,
    // No defaults here: a field left out keeps its value.
    transportCost: yen,
    mealCost: yen,
    reason: optionalText(500),
    version: z.number().int().min(1).optional(),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).some((k) => k !== 'reason' && k !== 'version'), {
    message: 'activities.validation.nothingToChange',
  })
  .refine(
    (v) => !v.startedAt || !v.endedAt || Date.parse(v.endedAt) > Date.parse(v.startedAt),
    endAfterStart,
  );
export type UpdateActivityInput = z.output<typeof updateActivityBody>;

export const confirmBody = z.object({ version: z.number().int().min(1).optional() }).strict();
export const reasonBody = z
  .object({ reason: requiredText(1000), version: z.number().int().min(1).optional() })
  .strict();

const monthParam = z.string().refine(isValidMonth, 'activities.validation.month');

export const activityListQuery = z.object({
  month: monthParam.optional(),
  helperId: id.optional(),
  requesterId: id.optional(),
  status: z.enum(ACTIVITY_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ActivityListQuery = z.output<typeof activityListQuery>;

export const statementQuery = z.object({ month: monthParam });

export const incidentListQuery = z.object({
  serious: z.enum(['0', '1', 'true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const feeQuoteBody = z
  .object({
    startsAt: instant,
    endsAt: instant,
    children: z
      .array(
        z.object({ birthDate: z.string().refine(isValidDateString, 'validation.date') }).strict(),
      )
      .min(1)
      .max(10),
    category: z.number().int().min(1).max(12),
  })
  .strict()
  .refine(endsAfterStart, endsAfterStartIssue)
  .refine((v) => Date.parse(v.endsAt) - Date.parse(v.startsAt) <= 24 * 3_600_000, {
    path: ['endsAt'],
    message: 'activities.validation.tooLong',
  });
export type FeeQuoteInput = z.output<typeof feeQuoteBody>;
