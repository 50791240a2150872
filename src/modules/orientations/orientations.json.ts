import { z } from 'zod';
import { instantJson, responseOf } from '../../http/api-route.js';
import { toTokyoIso } from '../../lib/dates.js';
import type { listOrientations } from './orientations.queries.js';

type OrientationRow = Awaited<ReturnType<typeof listOrientations>>[number];

/** An orientation session (説明会) as the API shows it (instants with +09:00). */
export const toOrientationJson = (o: OrientationRow) => ({
  id: o.id,
  startsAt: toTokyoIso(o.starts_at),
  endsAt: toTokyoIso(o.ends_at),
  venue: o.venue,
  capacity: o.capacity,
  registered: Number(o.registered ?? 0),
  spotsLeft: Math.max(0, o.capacity - Number(o.registered ?? 0)),
  notes: o.notes,
});

export const orientationSchema = responseOf<ReturnType<typeof toOrientationJson>>()(
  z.object({
    id: z.string(),
    startsAt: instantJson,
    endsAt: instantJson,
    venue: z.string(),
    capacity: z.number().int(),
    registered: z.number().int(),
    spotsLeft: z.number().int(),
    notes: z.string().nullable(),
  }),
);
