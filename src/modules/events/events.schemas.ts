import { z } from 'zod';
import { endsAfterStart, endsAfterStartIssue } from '../../lib/time-schemas.js';
import { multiLineText, singleLineText } from '../../lib/text-schemas.js';
import { EVENT_AUDIENCES } from './audience.js';

export const EVENT_KINDS = ['exchange', 'lecture', 'open_day', 'other'] as const;
/** At most this many children per registration need care during an event. */
export const MAX_CHILDREN = 5;

const instant = z.iso.datetime({ offset: true });

export const eventBody = z
  .object({
    kind: z.enum(EVENT_KINDS),
    title: singleLineText(100),
    description: multiLineText(5000).default(''),
    startsAt: instant,
    endsAt: instant,
    venue: singleLineText(200),
    capacity: z.number().int().min(1, 'events.validation.capacity').max(1000),
    audience: z.enum(EVENT_AUDIENCES),
    childcare: z.boolean().default(false),
  })
  .strict()
  .refine(endsAfterStart, endsAfterStartIssue);
export type EventInput = z.output<typeof eventBody>;

export const registrationBody = z
  .object({
    memberId: z.string().min(1).max(64).optional(),
    children: z.number().int().min(0).max(MAX_CHILDREN).optional(),
  })
  .strict();

export const eventListQuery = z
  .object({
    /** `past` lists events that have ended, newest first; default: those still to come. */
    when: z.enum(['upcoming', 'past']).default('upcoming'),
  })
  .strict();

/** A body with nothing in it (`{}`), for actions that take no input. */
export const emptyBody = z.object({}).strict();
