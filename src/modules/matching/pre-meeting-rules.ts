import { fiscalYearOf } from '../../lib/dates.js';

/**
 * A pre-meeting (事前打ち合わせ) records something that happened before the help it clears
 * (issue #22): its date is not in the future, and not after the first activity of the pair in
 * that fiscal year (a pre-meeting cannot clear help already given). The first rule broken as a
 * 422 code, or null. Pure: dates are Tokyo `YYYY-MM-DD`.
 */
export type PreMeetingDateRule = 'pre_meeting_in_future' | 'pre_meeting_after_activity';

export function preMeetingDateRule(
  heldOn: string,
  today: string,
  /** The Tokyo dates of the pair's activities (any fiscal year). */
  activityDates: readonly string[],
): PreMeetingDateRule | null {
  if (heldOn > today) return 'pre_meeting_in_future';
  const fiscalYear = fiscalYearOf(heldOn);
  const first = activityDates
    .filter((d) => fiscalYearOf(d) === fiscalYear)
    .reduce<string | null>((min, d) => (min === null || d < min ? d : min), null);
  if (first !== null && heldOn > first) return 'pre_meeting_after_activity';
  return null;
}
