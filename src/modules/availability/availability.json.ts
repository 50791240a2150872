import { z } from 'zod';
import { responseOf } from '../../http/api-route.js';
import type { AvailabilityView, ExceptionView } from './availability.service.js';

// The answers of the availability API: the service's views, as they are sent.

export const exceptionSchema = responseOf<ExceptionView>()(
  z.object({
    id: z.string(),
    date: z.string().describe('YYYY-MM-DD'),
    start: z.string().nullable().describe('HH:MM; null with end null: the whole day'),
    end: z.string().nullable().describe('HH:MM (24:00 = midnight)'),
    note: z.string().nullable(),
  }),
);

export const availabilitySchema = responseOf<AvailabilityView>()(
  z.object({
    weekly: z.array(
      z.object({
        weekday: z.number().int().describe('ISO weekday: 1 = Monday … 7 = Sunday'),
        start: z.string().describe('HH:MM'),
        end: z.string().describe('HH:MM (24:00 = midnight)'),
      }),
    ),
    exceptions: z.array(exceptionSchema),
  }),
);
