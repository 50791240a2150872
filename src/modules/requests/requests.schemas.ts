import { z } from 'zod';
import { endsAfterStart, endsAfterStartIssue } from '../../lib/time-schemas.js';
import { optionalMultiLineText as text } from '../../lib/text-schemas.js';
import { isValidDateString } from '../../lib/dates.js';
import { checklistAnswers } from './sick-care.schemas.js';

const instant = z.iso.datetime({ offset: true });
const time = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'validation.time');

export const recurrenceSchema = z
  .object({
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    until: z.string().refine(isValidDateString, 'validation.date'),
    skipHolidays: z.boolean().default(true),
  })
  .strict();

export const createRequestBody = z
  .object({
    requesterId: z.string().min(1).max(64).optional(),
    childIds: z
      .array(z.string().min(1).max(64))
      .min(1, 'validation.children_required_request')
      .max(5),
    category: z.number().int().min(1).max(12),
    startsAt: instant,
    endsAt: instant,
    careLocation: z.enum(['helper_home', 'requester_home', 'other']).default('helper_home'),
    careLocationNote: text(200),
    pickup: text(200),
    dropoff: text(200),
    notes: text(2000),
    recurrence: recurrenceSchema.optional(),
    /** The sick-child and emergency programme (issue #20): chosen explicitly; absent = ordinary. */
    programme: z.enum(['sick', 'emergency']).optional(),
    /** A sick-child request's exclusion checklist: item code → "yes" (sick-care.schemas.ts). */
    checklist: checklistAnswers.optional(),
  })
  .strict()
  .refine(endsAfterStart, endsAfterStartIssue);
export type CreateRequestInput = z.output<typeof createRequestBody>;

export const updateRequestBody = z
  .object({
    startsAt: instant,
    endsAt: instant,
    careLocation: z.enum(['helper_home', 'requester_home', 'other']),
    careLocationNote: text(200),
    pickup: text(200),
    dropoff: text(200),
    notes: text(2000),
  })
  .partial()
  .strict();
export type UpdateRequestInput = z.output<typeof updateRequestBody>;

export const requestListQuery = z.object({
  status: z.enum(['open', 'offered', 'matched', 'completed', 'cancelled']).optional(),
  from: z.string().refine(isValidDateString, 'validation.date').optional(),
  to: z.string().refine(isValidDateString, 'validation.date').optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type RequestListQuery = z.output<typeof requestListQuery>;

export const offerBody = z
  .object({ helperIds: z.array(z.string().min(1).max(64)).min(1).max(20) })
  .strict();
export const assignBody = z.object({ helperId: z.string().min(1).max(64) }).strict();
export const declineBody = z.object({ reason: z.string().trim().max(500).optional() }).strict();
export const cancelBody = z
  .object({
    reason: z.string().trim().min(1).max(500),
    kind: z.enum(['cancel', 'no_show', 'weather']).default('cancel'),
    /** Staff only: the party who cancelled by phone (the fee follows who it was). */
    onBehalfOf: z.enum(['requester', 'helper']).optional(),
  })
  .strict();

export const preMeetingBody = z
  .object({
    requesterId: z.string().min(1).max(64),
    helperId: z.string().min(1).max(64),
    heldOn: z.string().refine(isValidDateString, 'validation.date'),
    place: z.string().trim().min(1).max(200),
    attendees: z.string().trim().min(1).max(500),
    emergencyProcedure: z.string().trim().min(1).max(2000),
    agreedDetails: text(2000),
    notes: text(2000),
  })
  .strict();
export type PreMeetingInput = z.output<typeof preMeetingBody>;

/** A staff correction of a pre-meeting: its details (not the pair) and why. */
export const preMeetingCorrectionBody = preMeetingBody
  .omit({ requesterId: true, helperId: true })
  .extend({ reason: z.string().trim().min(1).max(500) })
  .strict();
export type PreMeetingCorrection = z.output<typeof preMeetingCorrectionBody>;

export { time as timeOfDaySchema };
