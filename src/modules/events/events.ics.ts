import { markdownToPlainText } from '../../lib/markdown.js';
import { writeCalendar } from '../availability/ical.js';
import type { EventRow } from './events.queries.js';

/**
 * One event as an iCalendar file (RFC 5545), through the shared writer. The UID is stable, so
 * downloading it again after an edit updates the entry in the calendar instead of adding one;
 * SEQUENCE grows with every edit (seconds since creation), and a called-off event is CANCELLED.
 */
export function eventCalendar(
  event: EventRow,
  options: { prodName: string; origin?: string | undefined },
): string {
  const created = Date.parse(event.created_at);
  const updated = Date.parse(event.updated_at);
  const origin = options.origin?.replace(/\/+$/, '');
  return writeCalendar({
    prodId: `-//${options.prodName}//Tsunagu events//JA`,
    events: [
      {
        uid: `event-${event.id}@tsunagu`,
        startsAt: new Date(event.starts_at),
        endsAt: new Date(event.ends_at),
        summary: event.title,
        description: markdownToPlainText(event.description) || null,
        location: event.venue,
        url: origin ? `${origin}/events/${event.id}` : null,
        updatedAt: new Date(event.updated_at),
        sequence: Math.max(0, Math.floor((updated - created) / 1000)),
        status: event.cancelled_at ? 'CANCELLED' : 'CONFIRMED',
      },
    ],
  });
}
