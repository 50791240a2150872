import { toTokyoIso } from '../../lib/dates.js';
import type { EventRow } from './events.queries.js';

export const seatsLeft = (e: Pick<EventRow, 'capacity' | 'registered'>) =>
  Math.max(0, e.capacity - Number(e.registered ?? 0));

/** An event as the API shows it (instants with +09:00). */
export function toEventJson(
  e: EventRow,
  mine?: { status: string; children: number; waitlistPosition: number | null } | null,
) {
  return {
    id: e.id,
    kind: e.kind,
    title: e.title,
    description: e.description,
    startsAt: toTokyoIso(e.starts_at),
    endsAt: toTokyoIso(e.ends_at),
    venue: e.venue,
    capacity: e.capacity,
    audience: e.audience,
    childcare: e.childcare === 1,
    registered: Number(e.registered ?? 0),
    waitlisted: Number(e.waitlisted ?? 0),
    spotsLeft: seatsLeft(e),
    cancelled: e.cancelled_at !== null,
    ...(mine !== undefined ? { myRegistration: mine } : {}),
  };
}
