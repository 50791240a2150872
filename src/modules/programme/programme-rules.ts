/**
 * The 病児・緊急対応強化事業 (sick-child and emergency programme, issue #20): which requests
 * belong to it. Pure: plain values in and out.
 *
 * - A programme request says its kind explicitly: `sick` (病児・病後児, category 10) or
 *   `emergency` (早朝・夜間等の緊急預かり, category 11); its category must be that kind's.
 * - Only while the center runs the programme (settings `programme.enabled`).
 * - While it runs, sick-child care (category 10) is only taken in the programme, where its
 *   safeguards apply; an ordinary request of that category is refused with a pointer to it.
 *   Without the programme, every ordinary rule stays as it was.
 * - Programme requests are one-off (no weekly series): each needs its own checks.
 */

export type ProgrammeKind = 'sick' | 'emergency';
export const PROGRAMME_KINDS: readonly ProgrammeKind[] = ['sick', 'emergency'];

/** The activity category (DOMAIN.md's numbering) of each kind. */
export const PROGRAMME_CATEGORY: Record<ProgrammeKind, number> = { sick: 10, emergency: 11 };

export type ProgrammeRequestCode =
  'programme_off' | 'programme_category' | 'programme_required' | 'programme_once';

/**
 * `sickChildCategories`: the codes flagged sick-child (help_category, migration 0027); an
 * ordinary request of any of them is refused while the programme runs. By default the old fixed
 * one (10).
 */
export function programmeRequestProblem(
  request: { programme?: ProgrammeKind | null | undefined; category: number; recurring: boolean },
  programmeEnabled: boolean,
  sickChildCategories: readonly number[] = [PROGRAMME_CATEGORY.sick],
): ProgrammeRequestCode | null {
  const { programme, category } = request;
  if (!programme) {
    return programmeEnabled && sickChildCategories.includes(category) ? 'programme_required' : null;
  }
  if (!programmeEnabled) return 'programme_off';
  if (category !== PROGRAMME_CATEGORY[programme]) return 'programme_category';
  if (request.recurring) return 'programme_once';
  return null;
}
