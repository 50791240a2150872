/**
 * The annual renewal (年度更新) as pure rules. Each member confirms their details and, per side,
 * whether they continue, for the fiscal year that begins on April 1. Dates are Tokyo YYYY-MM-DD.
 *
 * Defaults chosen (docs/decisions/2026-12-06-annual-renewal.md):
 * - the confirmation opens RENEWAL_OPENS_MONTHS_BEFORE (2) months before the fiscal year, i.e.
 *   on February 1, and stays possible during the year for those who are late;
 * - at the start of the year, the sides a member said they do not continue are ended (a side
 *   status `withdrawn`, reason `not_renewed`); a member who did not answer is NOT lapsed
 *   automatically: staff follow them up from the list (many answer on paper or by phone);
 * - only answers given before the year began end sides on April 1; a "stop" given later in the
 *   year (a late confirmation) is shown to staff, who handle it as a withdrawal (退会届).
 */
import { addMonthsToDate, fiscalYearOf, fiscalYearStart } from '../../lib/dates.js';

/** The default of the center setting `renewal.opensMonthsBefore` (settings.schemas.ts). */
export const RENEWAL_OPENS_MONTHS_BEFORE = 2;
/** The reason recorded on a side (and in its history) ended at the renewal. */
export const NOT_RENEWED = 'not_renewed';

/**
 * The first day a member can confirm for fiscal year `fy`: `monthsBefore` months before April 1
 * (the center setting `renewal.opensMonthsBefore`; February 1 by default).
 */
export const renewalOpensOn = (fy: number, monthsBefore = RENEWAL_OPENS_MONTHS_BEFORE): string =>
  addMonthsToDate(fiscalYearStart(fy), -monthsBefore);

/**
 * The fiscal year a confirmation made on `today` is for: the next one once its renewal has
 * opened, else the current one (a late confirmation).
 */
export function renewalYearOn(today: string, monthsBefore = RENEWAL_OPENS_MONTHS_BEFORE): number {
  const next = fiscalYearOf(today) + 1;
  return today >= renewalOpensOn(next, monthsBefore) ? next : next - 1;
}

export type Side = 'requester' | 'helper';
type SideStatus = 'applied' | 'active' | 'suspended' | 'withdrawn';

export interface RenewalAnswer {
  continueRequester: boolean | null;
  continueHelper: boolean | null;
}

/**
 * The sides to end for a member's answer: a side the member has, not already withdrawn, that
 * they said they do not continue. `all` when nothing would be left: the whole member withdraws.
 */
export function sidesToLapse(
  member: { requester_status: SideStatus | null; helper_status: SideStatus | null },
  answer: RenewalAnswer,
): { sides: Side[]; all: boolean } {
  const live = liveSide;
  const sides: Side[] = [];
  if (live(member.requester_status) && answer.continueRequester === false) sides.push('requester');
  if (live(member.helper_status) && answer.continueHelper === false) sides.push('helper');
  const remaining =
    (live(member.requester_status) && !sides.includes('requester') ? 1 : 0) +
    (live(member.helper_status) && !sides.includes('helper') ? 1 : 0);
  return { sides, all: sides.length > 0 && remaining === 0 };
}

/**
 * The answer must cover exactly the sides the member has: an answer for a side the member does
 * not have is refused, and a side they have needs an answer.
 */
export function answerProblem(
  member: { requester_status: SideStatus | null; helper_status: SideStatus | null },
  answer: RenewalAnswer,
): 'renewal_answer_missing' | 'no_such_side' | null {
  const has = liveSide;
  for (const [status, value] of [
    [member.requester_status, answer.continueRequester],
    [member.helper_status, answer.continueHelper],
  ] as const) {
    if (has(status) && value === null) return 'renewal_answer_missing';
    if (!has(status) && value !== null) return 'no_such_side';
  }
  return null;
}

/** A side the member has and has not ended. */
export const liveSide = (status: SideStatus | null): boolean =>
  status !== null && status !== 'withdrawn';

/**
 * The questions a form left unanswered, as field errors (`message` for each), or null: a side
 * the member has needs a yes or a no.
 */
export function unansweredSides(
  member: { requester_status: SideStatus | null; helper_status: SideStatus | null },
  answer: RenewalAnswer,
  message: string,
): Record<string, string> | null {
  const errors: Record<string, string> = {};
  if (liveSide(member.requester_status) && answer.continueRequester === null)
    errors.continueRequester = message;
  if (liveSide(member.helper_status) && answer.continueHelper === null)
    errors.continueHelper = message;
  return Object.keys(errors).length ? errors : null;
}
