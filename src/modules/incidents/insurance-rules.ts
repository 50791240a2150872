import { addDaysToDate, daysBetween, tokyoDateOf } from '../../lib/dates.js';

/**
 * Insurance cases of accidents (issue #19; DOMAIN.md "Insurance, refreshers, the national
 * programme"): the covers a center holds, the claim window, and the warning for help the center
 * was not told about in advance (not insured). Pure: plain values in and out.
 */

/** The last day a claim may reach the insurer: the accident's Tokyo date + the window. */
export const claimDeadline = (occurredAt: string, claimDays: number): string =>
  addDaysToDate(tokyoDateOf(occurredAt), claimDays);

/** Days left until a deadline (negative once passed), counted in Tokyo dates. */
export const daysLeft = (today: string, deadline: string): number => daysBetween(today, deadline);

/** Whether an open case is to be shown as nearing (or past) its deadline. */
export const isNearingDeadline = (today: string, deadline: string, warnDays: number) =>
  daysLeft(today, deadline) <= warnDays;

/**
 * Whether the help was known to the center before the accident (help the center was not told
 * about in advance is not insured). Only help counts: training and events are the center's own.
 * Known = a request with a helper assigned, created before the accident's time.
 */
export function helpKnownInAdvance(f: {
  situation: 'during_help' | 'travel' | 'training' | 'event' | 'other' | null;
  occurredAt: string;
  requestCreatedAt: string | null;
  requestHasHelper: boolean;
}): boolean {
  if (f.situation !== 'during_help' && f.situation !== 'travel') return true;
  return (
    f.requestCreatedAt !== null &&
    f.requestHasHelper &&
    Date.parse(f.requestCreatedAt) < Date.parse(f.occurredAt)
  );
}
