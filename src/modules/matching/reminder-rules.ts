import { addDaysToDate, tokyoDateOf, tokyoDateRange, tokyoTimeOf } from '../../lib/dates.js';

/**
 * The reminder the day before an activity (issue #21 pt 3): from this Tokyo time on the day
 * before — when requests for the next day are closed (the lead-time cutoff is 17:00 by default),
 * so the plan for tomorrow is settled — both the parent and the helper are reminded.
 */
export const REMINDER_TIME = '17:00';

/**
 * The instants [fromIso, untilIso) of the activities to remind of at `now`: tomorrow's (Tokyo)
 * once it is REMINDER_TIME or later today; undefined before that. Pure.
 */
export function dayBeforeReminderWindow(
  now: Date,
): { fromIso: string; untilIso: string } | undefined {
  if (tokyoTimeOf(now) < REMINDER_TIME) return undefined;
  const tomorrow = addDaysToDate(tokyoDateOf(now), 1);
  return tokyoDateRange(tomorrow, tomorrow);
}
