import { z } from 'zod';
import { instantJson, responseOf } from '../../http/api-route.js';
import { toTokyoIso } from '../../lib/dates.js';
import { ownSeatSchema } from '../../lib/seat-schemas.js';
import type { EventRegistrationStatus } from '../../../db/schema.js';
import type { EventRow, listEventRegistrations } from './events.queries.js';
import { EVENT_AUDIENCES } from './audience.js';
import { EVENT_KINDS } from './events.schemas.js';

export const seatsLeft = (e: Pick<EventRow, 'capacity' | 'registered'>) =>
  Math.max(0, e.capacity - Number(e.registered ?? 0));

/** The caller's own registration, on the list a member sees. */
export interface MyRegistration {
  status: EventRegistrationStatus;
  children: number;
  waitlistPosition: number | null;
}

/** What the API and the pages both say of an event, besides its times. */
export const eventFacts = (e: EventRow) => ({
  id: e.id,
  kind: e.kind,
  title: e.title,
  description: e.description,
  venue: e.venue,
  capacity: e.capacity,
  audience: e.audience,
  childcare: e.childcare === 1,
  registered: Number(e.registered ?? 0),
  waitlisted: Number(e.waitlisted ?? 0),
  cancelled: e.cancelled_at !== null,
});

/** An event as the API shows it (instants with +09:00). */
export function toEventJson(e: EventRow, mine?: MyRegistration | null) {
  return {
    ...eventFacts(e),
    startsAt: toTokyoIso(e.starts_at),
    endsAt: toTokyoIso(e.ends_at),
    spotsLeft: seatsLeft(e),
    ...(mine !== undefined ? { myRegistration: mine } : {}),
  };
}

type RegistrationRow = Awaited<ReturnType<typeof listEventRegistrations>>[number];

/** One registration for staff; `place` is its place on the waitlist (null with a seat). */
export const toRegistrationJson = (r: RegistrationRow, place: number | null) => ({
  memberId: r.member_id,
  name: r.name,
  memberNo: r.member_no,
  status: r.status,
  waitlistPosition: place,
  children: r.children,
  attended: r.attended === null ? null : r.attended === 1,
});

const registrationStatus = z.enum(['registered', 'waitlisted', 'cancelled']);

export const eventSchema = responseOf<ReturnType<typeof toEventJson>>()(
  z.object({
    id: z.string(),
    kind: z.enum(EVENT_KINDS),
    title: z.string(),
    description: z.string(),
    startsAt: instantJson,
    endsAt: instantJson,
    venue: z.string(),
    capacity: z.number().int(),
    audience: z.enum(EVENT_AUDIENCES),
    childcare: z.boolean(),
    registered: z.number().int(),
    waitlisted: z.number().int(),
    spotsLeft: z.number().int(),
    cancelled: z.boolean(),
    myRegistration: ownSeatSchema(
      { status: registrationStatus, children: z.number().int() },
      'A member’s own registration (null: none); absent for staff and visitors',
    ),
  }),
);

export const registrationSchema = responseOf<ReturnType<typeof toRegistrationJson>>()(
  z.object({
    memberId: z.string(),
    name: z.string(),
    memberNo: z.number().int().nullable(),
    status: registrationStatus,
    waitlistPosition: z.number().int().nullable().describe('1 = next in line; null with a seat'),
    children: z.number().int(),
    attended: z.boolean().nullable(),
  }),
);
