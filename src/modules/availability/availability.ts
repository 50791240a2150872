import {
  DAY_MS,
  dateOfDayNumber,
  dayNumberOf,
  isoWeekdayOf,
  isoWeekdayOfDayNumber,
  isValidDateString,
  tokyoDayNumber,
  tokyoMidnightMs,
} from '../../lib/dates.js';

/**
 * Helper availability arithmetic, evaluated in Asia/Tokyo.
 *
 * Pure: no database, no clock, no process-time-zone dependence. Japan has had no daylight saving
 * time since 1951, so a Tokyo wall time is always UTC+09:00. The time kernel (src/lib/dates.ts)
 * gives the day numbers and Tokyo midnights this works on, as epoch milliseconds rather than
 * TZDate: the candidate ranking calls this for thousands of helpers per request, and TZDate/format
 * allocate and are one to two orders of magnitude slower.
 *
 * All intervals are half-open [startsAt, endsAt): an activity ending at 12:00 and one starting at
 * 12:00 do not overlap, and a weekly slot 09:00–12:00 followed by 12:00–15:00 covers 11:00–13:00.
 */

/** A recurring weekly window in which the helper can take requests (Tokyo wall time). */
export interface WeeklySlot {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** 'HH:MM', 00:00–23:59. */
  start: string;
  /** 'HH:MM', after start; '24:00' means until midnight. */
  end: string;
  /** `parseTime(start)` and `parseTime(end)` when the caller parsed them once (cached slots). */
  startMin?: number;
  endMin?: number;
}

/**
 * A date on which the helper is NOT available: the whole day when no times are given, otherwise
 * [start, end). Only one bound given: from start to midnight, or from 00:00 to end.
 */
export interface AvailabilityException {
  date: string;
  start?: string | null;
  end?: string | null;
}

export interface Interval {
  startsAt: Date;
  endsAt: Date;
}

/** Why an interval is not available; both can be true at once (ranking reports every reason). */
export interface AvailabilityCheck {
  /** Every minute of the interval lies inside the union of that day's weekly slots. */
  coveredByWeekly: boolean;
  /** At least one exception overlaps the interval (whole-day exceptions overlap any part of the day). */
  hitsException: boolean;
  /** The date of the first exception hit (for messages), or null. */
  exceptionDate: string | null;
}

/** The part of an interval that falls on one Tokyo calendar day, in minutes since Tokyo midnight. */
export interface DaySegment {
  date: string;
  /** ISO weekday of `date`, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Inclusive start, minutes after 00:00 (may be fractional when the instant has seconds). */
  fromMin: number;
  /** Exclusive end, minutes after 00:00, at most 1440. */
  toMin: number;
}

const MINUTE_MS = 60_000;
const DAY_MINUTES = 1440;

/** Re-exported for this module's callers; the kernel owns calendar dates. */
export { isoWeekdayOf };

/**
 * Minutes after midnight of an 'HH:MM' string in 00:00–24:00, or -1 when malformed.
 * Hand-rolled with charCodeAt so the ranking hot loop does not allocate (no split/regex).
 */
export function parseTime(hhmm: string): number {
  if (hhmm.length !== 5 || hhmm.charCodeAt(2) !== 58 /* : */) return -1;
  const h1 = hhmm.charCodeAt(0) - 48;
  const h2 = hhmm.charCodeAt(1) - 48;
  const m1 = hhmm.charCodeAt(3) - 48;
  const m2 = hhmm.charCodeAt(4) - 48;
  if (h1 < 0 || h1 > 9 || h2 < 0 || h2 > 9 || m1 < 0 || m1 > 5 || m2 < 0 || m2 > 9) return -1;
  const minutes = (h1 * 10 + h2) * 60 + m1 * 10 + m2;
  return minutes > DAY_MINUTES ? -1 : minutes;
}

/**
 * Splits an interval into its Tokyo calendar days. An interval ending exactly at midnight does not
 * touch the next day (half-open). Empty or inverted intervals give no segments.
 */
export function daySegments(interval: Interval): DaySegment[] {
  const startMs = interval.startsAt.getTime();
  const endMs = interval.endsAt.getTime();
  const segments: DaySegment[] = [];
  if (!(endMs > startMs)) return segments;
  const firstDay = tokyoDayNumber(startMs);
  // The last instant inside the interval is just before endMs, so an end at 00:00 stays on the
  // day before.
  const lastDay = tokyoDayNumber(endMs - 1);
  for (let day = firstDay; day <= lastDay; day++) {
    const dayStartMs = tokyoMidnightMs(day);
    const fromMs = Math.max(startMs, dayStartMs);
    const toMs = Math.min(endMs, dayStartMs + DAY_MS);
    segments.push({
      date: dateOfDayNumber(day),
      weekday: isoWeekdayOfDayNumber(day),
      fromMin: (fromMs - dayStartMs) / MINUTE_MS,
      toMin: (toMs - dayStartMs) / MINUTE_MS,
    });
  }
  return segments;
}

/**
 * Is [fromMin, toMin) covered by the union of the weekday's slots? Walks a cursor forward through
 * slots that contain it, so adjacent or overlapping slots chain; no sorting and no allocation
 * (slots per day are a handful, so the quadratic walk is cheaper than building a sorted copy).
 */
function weeklyCovers(
  weekly: readonly WeeklySlot[],
  weekday: number,
  fromMin: number,
  toMin: number,
): boolean {
  let cursor = fromMin;
  while (cursor < toMin) {
    let reach = -1;
    for (let i = 0; i < weekly.length; i++) {
      const slot = weekly[i]!;
      if (slot.weekday !== weekday) continue;
      const start = slot.startMin ?? parseTime(slot.start);
      if (start < 0 || start > cursor) continue;
      const end = slot.endMin ?? parseTime(slot.end);
      if (end > cursor && end > reach) reach = end;
    }
    if (reach < 0) return false;
    cursor = reach;
  }
  return true;
}

/**
 * Start of an exception's unavailable minutes on its date. Malformed or inverted times make the
 * whole day unavailable: an exception the helper entered must never be silently ignored and lead
 * to an unwanted offer. (Two scalar functions rather than a tuple so the hot loop does not allocate.)
 */
function exceptionStart(ex: AvailabilityException): number {
  const start = ex.start != null && ex.start !== '' ? parseTime(ex.start) : 0;
  const end = ex.end != null && ex.end !== '' ? parseTime(ex.end) : DAY_MINUTES;
  return start < 0 || end < 0 || end <= start ? 0 : start;
}

function exceptionEnd(ex: AvailabilityException): number {
  const start = ex.start != null && ex.start !== '' ? parseTime(ex.start) : 0;
  const end = ex.end != null && ex.end !== '' ? parseTime(ex.end) : DAY_MINUTES;
  return start < 0 || end < 0 || end <= start ? DAY_MINUTES : end;
}

/** True when every segment is inside the union of its weekday's slots (false for no segments). */
export function segmentsCoveredByWeekly(
  segments: readonly DaySegment[],
  weekly: readonly WeeklySlot[],
): boolean {
  if (segments.length === 0) return false;
  for (let s = 0; s < segments.length; s++) {
    const seg = segments[s]!;
    if (!weeklyCovers(weekly, seg.weekday, seg.fromMin, seg.toMin)) return false;
  }
  return true;
}

/** The date of the first exception that overlaps a segment (half-open), or null. */
export function firstExceptionHit(
  segments: readonly DaySegment[],
  exceptions: readonly AvailabilityException[],
): string | null {
  for (let s = 0; s < segments.length; s++) {
    const seg = segments[s]!;
    for (let e = 0; e < exceptions.length; e++) {
      const ex = exceptions[e]!;
      if (ex.date !== seg.date) continue;
      if (exceptionStart(ex) < seg.toMin && seg.fromMin < exceptionEnd(ex)) return seg.date;
    }
  }
  return null;
}

/**
 * Both reasons an interval may be unavailable, evaluated separately (an empty or inverted interval
 * is never covered).
 */
export function checkAvailability(
  interval: Interval,
  weekly: readonly WeeklySlot[],
  exceptions: readonly AvailabilityException[],
): AvailabilityCheck {
  const segments = daySegments(interval);
  const exceptionDate = firstExceptionHit(segments, exceptions);
  return {
    coveredByWeekly: segmentsCoveredByWeekly(segments, weekly),
    hitsException: exceptionDate !== null,
    exceptionDate,
  };
}

/**
 * True when the whole interval lies within the helper's weekly slots (adjacent slots chain, a
 * midnight-crossing interval needs both days covered) and no exception overlaps it.
 * Existing assignments are checked separately with `overlaps`, because ranking reports them as
 * their own reason.
 */
export function isAvailableFor(
  interval: Interval,
  weekly: readonly WeeklySlot[],
  exceptions: readonly AvailabilityException[],
): boolean {
  const check = checkAvailability(interval, weekly, exceptions);
  return check.coveredByWeekly && !check.hitsException;
}

/** Half-open overlap: [a.startsAt, a.endsAt) ∩ [b.startsAt, b.endsAt) ≠ ∅; touching ends do not overlap. */
export function overlaps(a: Interval, b: Interval): boolean {
  return (
    a.startsAt.getTime() < b.endsAt.getTime() &&
    b.startsAt.getTime() < a.endsAt.getTime() &&
    // Empty intervals overlap nothing.
    a.startsAt.getTime() < a.endsAt.getTime() &&
    b.startsAt.getTime() < b.endsAt.getTime()
  );
}

/** Sorted, merged ranges (adjacent ranges join: 09:00–12:00 + 12:00–15:00 = 09:00–15:00). */
function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = ranges.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const merged: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/** `free` minus every range in `busy`; both sorted and merged. */
function subtractRanges(free: [number, number][], busy: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [start, end] of free) {
    let cursor = start;
    for (const [bStart, bEnd] of busy) {
      if (bEnd <= cursor || bStart >= end) continue;
      if (bStart > cursor) out.push([cursor, bStart]);
      cursor = Math.max(cursor, bEnd);
      if (cursor >= end) break;
    }
    if (cursor < end) out.push([cursor, end]);
  }
  return out;
}

/**
 * The helper's free time on a Tokyo date, for a calendar view: that weekday's slots (merged),
 * minus the date's exceptions, minus existing assignments (clipped to the day). Sorted, disjoint,
 * non-adjacent intervals; a slot ending at 24:00 ends at the next day's 00:00 instant.
 */
export function freeIntervalsOn(
  date: string,
  weekly: readonly WeeklySlot[],
  exceptions: readonly AvailabilityException[],
  assignments: readonly Interval[],
): Interval[] {
  if (!isValidDateString(date)) throw new RangeError(`Invalid date: ${date}`);
  const day = dayNumberOf(date);
  const weekday = isoWeekdayOfDayNumber(day);
  const dayStartMs = tokyoMidnightMs(day);

  const slots: [number, number][] = [];
  for (const slot of weekly) {
    if (slot.weekday !== weekday) continue;
    const start = parseTime(slot.start);
    const end = parseTime(slot.end);
    if (start >= 0 && end > start) slots.push([start, end]);
  }

  const busy: [number, number][] = [];
  for (const ex of exceptions) {
    if (ex.date === date) busy.push([exceptionStart(ex), exceptionEnd(ex)]);
  }
  for (const a of assignments) {
    const from = (a.startsAt.getTime() - dayStartMs) / MINUTE_MS;
    const to = (a.endsAt.getTime() - dayStartMs) / MINUTE_MS;
    if (to > 0 && from < DAY_MINUTES) busy.push([Math.max(0, from), Math.min(DAY_MINUTES, to)]);
  }

  return subtractRanges(mergeRanges(slots), mergeRanges(busy)).map(([from, to]) => ({
    startsAt: new Date(dayStartMs + from * MINUTE_MS),
    endsAt: new Date(dayStartMs + to * MINUTE_MS),
  }));
}

export type SlotIssueCode =
  'weekday_invalid' | 'time_invalid' | 'start_not_before_end' | 'overlaps_other_slot';

export interface SlotIssue {
  /** Index of the offending slot in the submitted list. */
  index: number;
  code: SlotIssueCode;
  /** For overlaps: the index of the earlier slot it collides with. */
  otherIndex?: number;
}

/**
 * Validates a submitted weekly availability (the PUT body). Returns every issue, empty when valid.
 * Slots on the same weekday may touch (09:00–12:00 and 12:00–15:00) but not overlap, so each
 * minute belongs to exactly one slot and the calendar view stays unambiguous.
 */
export function validateWeeklySlots(slots: readonly WeeklySlot[]): SlotIssue[] {
  const issues: SlotIssue[] = [];
  const valid: { index: number; weekday: number; start: number; end: number }[] = [];
  slots.forEach((slot, index) => {
    if (!Number.isInteger(slot.weekday) || slot.weekday < 1 || slot.weekday > 7) {
      issues.push({ index, code: 'weekday_invalid' });
      return;
    }
    const start = parseTime(slot.start);
    const end = parseTime(slot.end);
    if (start < 0 || end < 0) {
      issues.push({ index, code: 'time_invalid' });
      return;
    }
    if (start >= end) {
      issues.push({ index, code: 'start_not_before_end' });
      return;
    }
    for (const other of valid) {
      if (other.weekday === slot.weekday && other.start < end && start < other.end) {
        issues.push({ index, code: 'overlaps_other_slot', otherIndex: other.index });
        return;
      }
    }
    valid.push({ index, weekday: slot.weekday, start, end });
  });
  return issues;
}

export type ExceptionIssueCode = 'date_invalid' | 'time_invalid' | 'start_not_before_end';

/**
 * Validates one exception (the POST body): a real date, and either no times (whole day) or times
 * with start < end. A single bound is accepted (until midnight / from midnight).
 */
export function validateException(ex: AvailabilityException): ExceptionIssueCode[] {
  const issues: ExceptionIssueCode[] = [];
  if (!isValidDateString(ex.date)) issues.push('date_invalid');
  const start = ex.start != null && ex.start !== '' ? parseTime(ex.start) : 0;
  const end = ex.end != null && ex.end !== '' ? parseTime(ex.end) : DAY_MINUTES;
  if (start < 0 || end < 0) issues.push('time_invalid');
  else if (start >= end) issues.push('start_not_before_end');
  return issues;
}
