import { z } from 'zod';
import { endsAfterStart, endsAfterStartIssue } from '../../lib/time-schemas.js';
import { multiLineText, singleLineText } from '../../lib/text-schemas.js';

const instant = z.iso.datetime({ offset: true });

export const orientationBody = z
  .object({
    startsAt: instant,
    endsAt: instant,
    venue: singleLineText(200),
    capacity: z.number().int().min(1).max(500),
    notes: multiLineText(1000).nullish(),
  })
  .strict()
  .refine(endsAfterStart, endsAfterStartIssue);
export type OrientationInput = z.output<typeof orientationBody>;
