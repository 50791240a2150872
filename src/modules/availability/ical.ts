/**
 * A small iCalendar (RFC 5545) writer: calendars of timed events in UTC.
 *
 * Pure (no clock, no database): the caller passes every instant. Used for the helper's private
 * assignment feed and, later, for training-session and event downloads.
 *
 * What RFC 5545 asks of us, and where it is done:
 * - lines end in CRLF (§3.1) — `writeCalendar` joins with "\r\n" and ends with one;
 * - content lines longer than 75 octets are folded with CRLF + one space (§3.1), never inside a
 *   UTF-8 sequence or a surrogate pair — `foldLine` counts octets per code point;
 * - TEXT values escape backslash, semicolon, comma and newlines (§3.3.11) — `escapeText`;
 * - DATE-TIME values in UTC carry the "Z" suffix (§3.3.5) — `formatUtc`;
 * - every VEVENT has UID and DTSTAMP (§3.6.1), the calendar has VERSION and PRODID (§3.7).
 */

export interface CalendarEvent {
  /** Globally unique and stable across refreshes, e.g. `request-<id>@tsunagu`. */
  uid: string;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  description?: string | null;
  location?: string | null;
  /** An http(s) link to the event's page. */
  url?: string | null;
  /**
   * When the event's data last changed. Written as DTSTAMP and LAST-MODIFIED: a feed without
   * METHOD uses DTSTAMP for "last revised" (§3.8.7.2), so refreshes do not look like edits.
   */
  updatedAt: Date;
  status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  /** Incremented when the event changes materially (§3.8.7.4); 0 by default. */
  sequence?: number;
}

export interface Calendar {
  /** "-//Organisation//Product//EN" (§3.7.3). */
  prodId: string;
  /** The calendar's display name in calendar apps (X-WR-CALNAME, NAME of RFC 7986). */
  name?: string;
  /** How often subscribers should refresh, in minutes (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
  refreshMinutes?: number;
  events: readonly CalendarEvent[];
}

const MAX_LINE_OCTETS = 75;

/** 20261121T010000Z: a UTC DATE-TIME (seconds kept, milliseconds dropped). */
export function formatUtc(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid date');
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/**
 * A TEXT property value (§3.3.11): backslash, semicolon and comma are escaped, every line break
 * (CRLF, LF or CR) becomes "\n", and other control characters (which TEXT may not contain) are
 * dropped; tabs are kept.
 */
export function escapeText(text: string): string {
  return (
    text
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
  );
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds one content line (§3.1): no physical line is longer than 75 octets, continuation lines
 * start with a single space (which counts towards their 75), and a multibyte character is never
 * split. Returns the physical lines joined by CRLF, without a final CRLF.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

/** "NAME:value" or "NAME;PARAM=x:value", folded. The value must already be escaped. */
function property(name: string, value: string): string {
  return foldLine(`${name}:${value}`);
}

function eventLines(event: CalendarEvent): string[] {
  const lines = [
    'BEGIN:VEVENT',
    property('UID', escapeText(event.uid)),
    property('DTSTAMP', formatUtc(event.updatedAt)),
    property('LAST-MODIFIED', formatUtc(event.updatedAt)),
    property('DTSTART', formatUtc(event.startsAt)),
    property('DTEND', formatUtc(event.endsAt)),
    property('SEQUENCE', String(event.sequence ?? 0)),
    property('SUMMARY', escapeText(event.summary)),
  ];
  if (event.description) lines.push(property('DESCRIPTION', escapeText(event.description)));
  if (event.location) lines.push(property('LOCATION', escapeText(event.location)));
  // URI values are not TEXT: no escaping, but no line breaks either.
  if (event.url) lines.push(property('URL', event.url.replace(/[\r\n]/g, '')));
  if (event.status) lines.push(property('STATUS', event.status));
  // An assignment blocks the helper's time in her calendar.
  lines.push('TRANSP:OPAQUE', 'END:VEVENT');
  return lines;
}

/** The whole VCALENDAR as a string with CRLF line endings (including the last line). */
export function writeCalendar(calendar: Calendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    property('PRODID', escapeText(calendar.prodId)),
    'CALSCALE:GREGORIAN',
  ];
  if (calendar.name) {
    lines.push(property('NAME', escapeText(calendar.name)));
    lines.push(property('X-WR-CALNAME', escapeText(calendar.name)));
  }
  if (calendar.refreshMinutes) {
    const duration = `PT${Math.max(1, Math.round(calendar.refreshMinutes))}M`;
    lines.push(`REFRESH-INTERVAL;VALUE=DURATION:${duration}`, `X-PUBLISHED-TTL:${duration}`);
  }
  for (const event of calendar.events) lines.push(...eventLines(event));
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}
