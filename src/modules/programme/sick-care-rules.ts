import { addDaysToDate } from '../../lib/dates.js';

/**
 * The sick-child programme's safeguards (病児・緊急対応強化事業, issue #20 point 3). Pure: plain
 * values in and out.
 *
 * - The exclusion checklist (settings `programme.exclusions`) is answered item by item, at
 *   request time by the family and again at handover by the helper. Every item needs an answer;
 *   any "yes" stops the care, naming the items answered "yes".
 * - One helper per child: a sick child is cared for alone (no siblings in the same request);
 *   the helper has no other care at the same time (matching's overlap rule) and holds the
 *   sick-child qualification (matching's `no_sick_child_qualification` gate, category 10).
 * - The child sees a doctor before the care: the 医師連絡票 is recorded before the handover,
 *   and its consultation date is no later than the care's day.
 */

export interface ChecklistItem {
  code: string;
  ja: string;
  en: string;
}

/** One item as it was asked and answered: kept with the record, as settings change. */
export interface AnsweredItem extends ChecklistItem {
  yes: boolean;
}

export type ChecklistOutcome =
  | { kind: 'unanswered'; codes: string[] }
  | { kind: 'excluded'; items: AnsweredItem[]; answered: AnsweredItem[] }
  | { kind: 'clear'; answered: AnsweredItem[] };

/**
 * The checklist's outcome for these answers (item code → yes). Codes not on the checklist are
 * ignored (the list may have changed since the page was shown); a missing one is unanswered.
 */
export function answerChecklist(
  items: readonly ChecklistItem[],
  answers: Readonly<Record<string, boolean>>,
): ChecklistOutcome {
  const codes = items.filter((i) => !Object.hasOwn(answers, i.code)).map((i) => i.code);
  if (codes.length) return { kind: 'unanswered', codes };
  const answered = items.map((i) => ({ ...i, yes: answers[i.code] === true }));
  const yes = answered.filter((i) => i.yes);
  return yes.length ? { kind: 'excluded', items: yes, answered } : { kind: 'clear', answered };
}

/** The items answered "yes", as the refusal message names them (「、」 / "; " joined). */
export function exclusionReasons(items: readonly AnsweredItem[]) {
  return {
    reasonsJa: items.map((i) => i.ja).join('、'),
    reasonsEn: items.map((i) => i.en).join('; '),
  };
}

/** A sick child is cared for alone: one child per sick-child request (no siblings together). */
export const sickChildCountProblem = (childCount: number): 'sick_one_child' | null =>
  childCount === 1 ? null : 'sick_one_child';

/** How many days before the care a consultation still counts (the day before, or that day). */
export const DOCTOR_SEEN_WITHIN_DAYS = 1;

/**
 * The doctor was seen before the care: on its first day or the day before (both Tokyo dates).
 * An older note no longer says how the child is today.
 */
export function doctorSeenProblem(
  seenOn: string,
  careDate: string,
): 'doctor_seen_after' | 'doctor_seen_too_early' | null {
  if (seenOn > careDate) return 'doctor_seen_after';
  if (seenOn < addDaysToDate(careDate, -DOCTOR_SEEN_WITHIN_DAYS)) return 'doctor_seen_too_early';
  return null;
}
