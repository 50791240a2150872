import { z } from 'zod';
import { isValidDateString, tokyoIsoOf } from './dates.js';

/**
 * The zod types every form and body uses for Tokyo calendar dates and wall-clock times, so a
 * date is checked one way everywhere (impossible dates such as 2026-02-30 included).
 */
export const tokyoDateField = z
  .string('validation.required')
  .trim()
  .refine(isValidDateString, 'validation.date');

/** 'HH:MM', 00:00–23:59. */
export const timeOfDayField = z
  .string('validation.required')
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.time');

/** The kernel's Tokyo date + time of day → ISO with +09:00, kept importable from here. */
export { tokyoIsoOf };

/**
 * The rule every JSON body with a `startsAt`/`endsAt` pair keeps (events, orientations, training
 * sessions, requests, activities): it ends after it starts, reported on `endsAt`.
 *
 *     z.object({ startsAt: instant, endsAt: instant, … }).strict().refine(endsAfterStart, endsAfterStartIssue)
 */
export const endsAfterStart = (v: { startsAt: string; endsAt: string }) =>
  Date.parse(v.endsAt) > Date.parse(v.startsAt);

export const endsAfterStartIssue = { path: ['endsAt'], message: 'validation.end_after_start' };
