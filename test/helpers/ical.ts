import ICAL from 'ical.js';

/**
 * An iCalendar feed as a calendar application reads it, parsed by ical.js (unfolding,
 * unescaping and time zones are its business, not the test's).
 */
export interface ParsedEvent {
  uid: string;
  summary: string;
  description: string | null;
  location: string | null;
  status: string | null;
  /** The instants as ISO UTC strings. */
  start: string;
  end: string;
  /** The zone the times are written in: 'UTC' for `…Z`, else the TZID. */
  startZone: string | undefined;
  endZone: string | undefined;
}

export function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  if (calendar.name !== 'vcalendar') throw new Error(`not a calendar: ${calendar.name}`);
  const text_ = (v: ICAL.Component, name: string) => {
    const value = v.getFirstPropertyValue(name);
    return typeof value === 'string' ? value : null;
  };
  const events: ParsedEvent[] = calendar.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v);
    return {
      uid: event.uid,
      summary: event.summary,
      description: text_(v, 'description'),
      location: text_(v, 'location'),
      status: text_(v, 'status'),
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      startZone: event.startDate.zone?.tzid,
      endZone: event.endDate.zone?.tzid,
    };
  });
  return { version: text_(calendar, 'version'), events };
}
