import type { Db } from '../../lib/db.js';
import { isNationalCategory, type HelpCategory } from './help-category-rules.js';

type Row = {
  code: number;
  label_ja: string;
  label_en: string;
  sort_order: number;
  active: number;
  transport_only: number;
  sick_child: number;
  national_category: string;
};

const toCategory = (r: Row): HelpCategory => ({
  code: r.code,
  labelJa: r.label_ja,
  labelEn: r.label_en,
  sortOrder: r.sort_order,
  active: r.active === 1,
  transportOnly: r.transport_only === 1,
  sickChild: r.sick_child === 1,
  // A value written by hand outside the form counts as その他 rather than breaking a report.
  nationalCategory: isNationalCategory(r.national_category) ? r.national_category : 'other',
});

const COLUMNS = [
  'code',
  'label_ja',
  'label_en',
  'sort_order',
  'active',
  'transport_only',
  'sick_child',
  'national_category',
] as const;

/** Every help category, in display order (sort order, then code). */
export async function listHelpCategories(db: Db): Promise<HelpCategory[]> {
  const rows = await db
    .selectFrom('help_category')
    .select(COLUMNS)
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
  return rows.map(toCategory);
}

export async function findHelpCategory(db: Db, code: number): Promise<HelpCategory | undefined> {
  const row = await db
    .selectFrom('help_category')
    .select(COLUMNS)
    .where('code', '=', code)
    .executeTakeFirst();
  return row ? toCategory(row) : undefined;
}

/** Whether any request or activity stores the code (then it may only be deactivated). */
export async function isHelpCategoryInUse(db: Db, code: number): Promise<boolean> {
  const [request, activity] = await Promise.all([
    db
      .selectFrom('care_request')
      .select('id')
      .where('category', '=', code)
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('activity_category')
      .select('activity_id')
      .where('category', '=', code)
      .limit(1)
      .executeTakeFirst(),
  ]);
  return request !== undefined || activity !== undefined;
}

/** The codes any request or activity stores. */
export async function listHelpCategoryCodesInUse(db: Db): Promise<Set<number>> {
  const [requests, activities] = await Promise.all([
    db.selectFrom('care_request').select('category').distinct().execute(),
    db.selectFrom('activity_category').select('category').distinct().execute(),
  ]);
  return new Set([...requests, ...activities].map((r) => r.category));
}

export function buildUpdateHelpCategory(db: Db, c: HelpCategory, updatedAt: string) {
  return db
    .updateTable('help_category')
    .set({
      label_ja: c.labelJa,
      label_en: c.labelEn,
      sort_order: c.sortOrder,
      active: c.active ? 1 : 0,
      transport_only: c.transportOnly ? 1 : 0,
      sick_child: c.sickChild ? 1 : 0,
      national_category: c.nationalCategory,
      updated_at: updatedAt,
    })
    .where('code', '=', c.code);
}

/** Deletes a code no request or activity stores (the condition is in the statement). */
export function buildDeleteUnusedHelpCategory(db: Db, code: number) {
  return db
    .deleteFrom('help_category')
    .where('code', '=', code)
    .where((eb) =>
      eb.not(
        eb.or([
          eb.exists(eb.selectFrom('care_request').select('id').where('category', '=', code)),
          eb.exists(
            eb.selectFrom('activity_category').select('activity_id').where('category', '=', code),
          ),
        ]),
      ),
    );
}

/** The codes flagged transport-only and sick-child, read from help_category. */
export async function readHelpCategoryFlags(
  db: Db,
): Promise<{ transport: number[]; sickChild: number[]; categories: HelpCategory[] }> {
  const categories = await listHelpCategories(db);
  return {
    transport: categories.filter((c) => c.transportOnly).map((c) => c.code),
    sickChild: categories.filter((c) => c.sickChild).map((c) => c.code),
    categories,
  };
}
