/**
 * Help categories (援助内容) as data (migration 0027, docs/decisions/2026-12-06-help-categories.md).
 * Pure: plain values in and out.
 *
 * The codes are the integers 1..12 that requests and activities store (DOMAIN.md). What used to
 * be fixed in code is now a row per code: its names, its order, whether it may be chosen for a
 * new request, the transport-only flag (fees/statements.ts: a statement line whose categories
 * are all transport-only is not reimbursable care; claims exclude it the same way), the
 * sick-child flag (reports' 病児・病後児 figure; the programme's rule that ordinary sick-child
 * requests go through it) and the national survey category it is counted under.
 */

/**
 * The activity categories of the national survey (子育て援助活動支援事業 実施状況調査) this center
 * reports under, in the survey's order. Our reading of the form: see the decision note.
 */
export const NATIONAL_CATEGORIES = [
  'transport',
  'before_after_childcare',
  'after_school',
  'parent_illness',
  'family_events',
  'outings',
  'work',
  'sick_child',
  'emergency',
  'other',
] as const;
export type NationalCategory = (typeof NATIONAL_CATEGORIES)[number];

export const isNationalCategory = (v: string): v is NationalCategory =>
  (NATIONAL_CATEGORIES as readonly string[]).includes(v);

export interface HelpCategory {
  code: number;
  labelJa: string;
  labelEn: string;
  sortOrder: number;
  active: boolean;
  transportOnly: boolean;
  sickChild: boolean;
  nationalCategory: NationalCategory;
}

/**
 * The fixed mapping this replaces, as it stood before migration 0027: transport categories 1 and
 * 5 (fees/statements.ts), sick-child category 10 (reports, programme). Kept for the tests that
 * compare every report before and after, and as the fallback of the pure rules' defaults.
 */
export const LEGACY_TRANSPORT_CODES: readonly number[] = [1, 5];
export const LEGACY_SICK_CHILD_CODES: readonly number[] = [10];

/** The codes flagged transport-only. */
export const transportCodes = (cats: readonly HelpCategory[]): number[] =>
  cats.filter((c) => c.transportOnly).map((c) => c.code);

/** The codes flagged sick-child. */
export const sickChildCodes = (cats: readonly HelpCategory[]): number[] =>
  cats.filter((c) => c.sickChild).map((c) => c.code);

/** The name shown for a category in the given language. */
export const helpCategoryLabel = (c: HelpCategory, lang: string): string =>
  lang === 'en' ? c.labelEn : c.labelJa;

export interface NationalRow {
  category: NationalCategory;
  /** Our codes counted under it, in their order. */
  codes: number[];
  count: number;
  hours: number;
  fees: number;
}

/**
 * The annual report's table by national survey category: each national category is the sum of
 * the report's per-category figures of the codes mapped to it. The per-category figures count an
 * activity once under each of its categories (report_category_total), so this table does too: an
 * activity recorded as 1 and 5 counts twice under `transport`, as it counts in rows 1 and 5.
 * Every national category is listed, with zeros when nothing maps to it.
 */
export function nationalTable(
  cats: readonly HelpCategory[],
  byCategory: Readonly<Record<number, { count: number; hours: number }>>,
  feesByCategory: Readonly<Record<number, number>>,
): NationalRow[] {
  const ordered = [...cats].sort((a, b) => a.sortOrder - b.sortOrder || a.code - b.code);
  return NATIONAL_CATEGORIES.map((category) => {
    const codes = ordered.filter((c) => c.nationalCategory === category).map((c) => c.code);
    let count = 0;
    let hundredths = 0;
    let fees = 0;
    for (const code of codes) {
      count += byCategory[code]?.count ?? 0;
      hundredths += Math.round((byCategory[code]?.hours ?? 0) * 100);
      fees += feesByCategory[code] ?? 0;
    }
    return { category, codes, count, hours: hundredths / 100, fees };
  });
}
