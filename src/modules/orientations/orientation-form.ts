import { z } from 'zod';
import { textValues } from '../../http/validate.js';
import { tokyoDateField, tokyoIsoOf } from '../../lib/time-schemas.js';
import type { ScheduleValues } from '../../../views/pages/orientations/orientation-list.js';
import type { OrientationInput } from './orientations.schemas.js';

/** The forms of the orientation pages: scheduling a session, its attendance sheet. */

/** Full-width digits and colons (１０：００) become ASCII; "9:30" becomes "09:30". */
const timeField = z
  .string()
  .transform((v) => {
    const s = v.normalize('NFKC').trim();
    return /^\d:\d\d$/.test(s) ? `0${s}` : s;
  })
  .pipe(
    z
      .string()
      .min(1)
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'orientationAdmin.validation.time'),
  );

/** The schedule form as typed; turned into the service's orientation input afterwards. */
const scheduleFields = z
  .object({
    date: z
      .string()
      .transform((v) => v.normalize('NFKC').trim())
      .pipe(z.string().min(1))
      .pipe(tokyoDateField),
    startTime: timeField,
    endTime: timeField,
    venue: z.string().trim().min(1).max(200),
    capacity: z
      .string()
      .transform((v) => v.normalize('NFKC').trim())
      .pipe(
        z
          .string()
          .min(1)
          .regex(/^\d{1,3}$/, 'orientationAdmin.validation.capacity'),
      )
      .transform(Number)
      .pipe(
        z
          .number()
          .int()
          .min(1, 'orientationAdmin.validation.capacity')
          .max(500, 'orientationAdmin.validation.capacity'),
      ),
    notes: z.string().trim().max(1000),
  })
  .refine((v) => v.endTime > v.startTime, {
    path: ['endTime'],
    message: 'validation.end_after_start',
  });

const SCHEDULE_FIELDS = ['date', 'startTime', 'endTime', 'venue', 'capacity', 'notes'] as const;

/** The schedule form's fields, as the page shows them again. */
export const scheduleValues = (raw: unknown): Required<ScheduleValues> => {
  const form = textValues(raw);
  return Object.fromEntries(
    SCHEDULE_FIELDS.map((f) => [f, form[f] ?? '']),
  ) as Required<ScheduleValues>;
};

/** One date and two times of day on the page; the service takes the instants. */
export const scheduleForm = z.unknown().transform((raw, ctx): OrientationInput => {
  const parsed = scheduleFields.safeParse(scheduleValues(raw));
  if (!parsed.success) {
    // In the order of the form, so the summary reads top to bottom.
    const rank = (i: z.core.$ZodIssue) => {
      const at = (SCHEDULE_FIELDS as readonly string[]).indexOf(String(i.path[0]));
      return at < 0 ? SCHEDULE_FIELDS.length : at;
    };
    for (const issue of [...parsed.error.issues].sort((x, y) => rank(x) - rank(y))) {
      ctx.addIssue({ ...(issue as z.core.$ZodIssueCustom) });
    }
    return z.NEVER;
  }
  const v = parsed.data;
  return {
    startsAt: tokyoIsoOf(v.date, v.startTime),
    endsAt: tokyoIsoOf(v.date, v.endTime),
    venue: v.venue,
    capacity: v.capacity,
    notes: v.notes || null,
  };
});

/** The attendance sheet: the ticked members, and walk-ins typed as numbers, phones or emails. */
export const attendanceSheetForm = z.unknown().transform((raw) => {
  const body = (raw ?? {}) as Record<string, unknown>;
  const attended = [body.attended]
    .flat()
    .filter((v): v is string => typeof v === 'string' && v.length > 0);
  const walkIns = typeof body.walkIns === 'string' ? body.walkIns : '';
  return { attended, walkIns };
});

/** A member to register, as staff typed them (number, phone or email). */
export const memberIdentifierForm = z.unknown().transform((raw, ctx) => {
  const member = (textValues(raw).member ?? '').trim();
  if (!member) {
    ctx.addIssue({ code: 'custom', path: ['member'], message: 'validation.required' });
    return z.NEVER;
  }
  return member;
});
