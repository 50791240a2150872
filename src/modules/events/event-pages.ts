import type { AppContext } from '../../context.js';
import type { EventView } from '../../../views/pages/events/event-facts.js';
import { visibleEventAudiences, type Viewer } from './audience.js';
import { eventFacts } from './events.json.js';
import { listEvents, listMemberEventRegistrations, type EventRow } from './events.queries.js';
import { loadViewer } from './viewer.js';

/** What the event pages share: the event as a view, the member's registrations. */

type Mine = EventView['mine'];

export function toEventView(row: EventRow, nowIso: string, mine: Mine = null): EventView {
  return {
    ...eventFacts(row),
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    children: Number(row.children ?? 0),
    started: row.starts_at <= nowIso,
    ended: row.ends_at <= nowIso,
    mine,
  };
}

/** The member's registrations by event id (empty for anyone else). */
export async function myRegistrations(c: AppContext, viewer: Viewer) {
  const map = new Map<string, NonNullable<Mine>>();
  if (viewer.kind !== 'member' || !viewer.memberId) return map;
  for (const r of await listMemberEventRegistrations(c.var.deps.db, viewer.memberId)) {
    map.set(r.event_id, {
      status: r.status as 'registered' | 'waitlisted',
      children: r.children,
      waitlistPosition: r.status === 'waitlisted' ? Number(r.waitlist_position) : null,
    });
  }
  return map;
}

/**
 * The events the viewer may see, upcoming or past (`range` of listEvents), as views with the
 * member's own registration; the viewer too, for what the page shows around them.
 */
export async function eventViewsFor(
  c: AppContext,
  when: 'upcoming' | 'past',
  range: { limit: number; offset?: number },
) {
  const viewer = await loadViewer(c.var.deps.db, c.var.user);
  const nowIso = c.var.deps.clock.now().toISOString();
  const [rows, mine] = await Promise.all([
    listEvents(c.var.deps.db, { audiences: visibleEventAudiences(viewer), nowIso, when, ...range }),
    myRegistrations(c, viewer),
  ]);
  return { viewer, events: rows.map((r) => toEventView(r, nowIso, mine.get(r.id) ?? null)) };
}

/** Upcoming events for the home page: the next few the viewer may see, with their status. */
export async function upcomingEventsFor(c: AppContext, limit = 3): Promise<EventView[]> {
  const { events } = await eventViewsFor(c, 'upcoming', { limit: limit + 5 });
  return events.filter((e) => !e.cancelled).slice(0, limit);
}
