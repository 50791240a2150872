import { MINUTE } from '../../lib/clock.js';
import { tokyoDateOf } from '../../lib/dates.js';

/**
 * An activity report must describe the help that was asked for (issue #22): it starts on the
 * request's Tokyo date, or within `windowMinutes` of the planned start (care that began just
 * before midnight); not before the request was made; and it has ended. The first rule broken,
 * as a 422 code (`rule.<code>` is its message), or null. Pure: the caller passes every instant.
 */
export type ReportTimeRule =
  'activity_in_future' | 'activity_before_request' | 'activity_not_on_request_date';

export interface ReportTimes {
  startedAt: Date;
  endedAt: Date;
  now: Date;
  /** The request's planned start and when it was made (ISO instants). */
  requestStartsAt: string;
  requestCreatedAt: string;
  windowMinutes: number;
}

export function reportTimeRule(r: ReportTimes): ReportTimeRule | null {
  if (r.endedAt.getTime() > r.now.getTime()) return 'activity_in_future';
  if (r.startedAt.getTime() < new Date(r.requestCreatedAt).getTime())
    return 'activity_before_request';
  const planned = new Date(r.requestStartsAt);
  const sameDay = tokyoDateOf(r.startedAt) === tokyoDateOf(planned);
  const near = Math.abs(r.startedAt.getTime() - planned.getTime()) <= r.windowMinutes * MINUTE;
  if (!sameDay && !near) return 'activity_not_on_request_date';
  return null;
}
