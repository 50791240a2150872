import { z } from 'zod';
import { isValidDateString } from '../../lib/dates.js';

// Bodies of the availability API; messages are i18n keys. The pages build the same shapes from
// their forms (see availability.routes.tsx) and go through the same service.

/** 'HH:MM' from 00:00 to 24:00 ('24:00' only makes sense as an end: until midnight). */
export const timeSchema = z
  .string()
  .regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, 'availability.validation.time');

export const dateOnlySchema = z.string().refine(isValidDateString, 'validation.date');

export const weeklySlotSchema = z
  .object({
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    weekday: z.number().int().min(1).max(7),
    start: timeSchema,
    end: timeSchema,
  })
  .strict();

/** Seven days of at most six slots each is more than any helper needs. */
export const MAX_WEEKLY_SLOTS = 42;

export const weeklyBody = z
  .object({ weekly: z.array(weeklySlotSchema).max(MAX_WEEKLY_SLOTS) })
  .strict();
export type WeeklyInput = z.output<typeof weeklyBody>;

const optionalTime = timeSchema
  .or(z.literal(''))
  .nullish()
  .transform((v) => (v ? v : null));

export const exceptionBody = z
  .object({
    date: dateOnlySchema,
    /** Both omitted: the whole day. One only: until midnight / from midnight. */
    start: optionalTime,
    end: optionalTime,
    note: z
      .string()
      .trim()
      .max(200)
      .nullish()
      .transform((v) => (v ? v : null)),
  })
  .strict();
export type ExceptionInput = z.output<typeof exceptionBody>;

export const availabilityQuery = z
  .object({
    /** Exceptions from this date on; today (Tokyo) by default. */
    from: dateOnlySchema.optional(),
  })
  .strict();

/** The feed and revoke endpoints take an empty JSON object (or no body at all). */
export const emptyBody = z.object({}).strict();
