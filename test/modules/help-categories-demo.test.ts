import { expect, it } from 'vitest';
import { seedDemoCenter } from '../../db/seed/demo.js';
import { listHelpCategories } from '../../src/modules/categories/categories.queries.js';
import {
  LEGACY_SICK_CHILD_CODES,
  LEGACY_TRANSPORT_CODES,
  sickChildCodes,
  transportCodes,
} from '../../src/modules/categories/help-category-rules.js';
import { isTransportOnly } from '../../src/modules/fees/statements.js';
import { programmeRequestProblem } from '../../src/modules/programme/programme-rules.js';
import { SICK_CHILD_CATEGORY } from '../../src/modules/reports/report.types.js';
import { countApprovedActivitiesInCategory } from '../../src/modules/reports/reports.queries.js';
import {
  annualReport,
  fiscalYearPeriod,
  instantRange,
  monthlyReport,
  monthPeriod,
  previousYearPeriod,
} from '../../src/modules/reports/reports.service.js';
import { setupTestApp } from '../helpers/test-app.js';

/*
 * Help categories became data (migration 0027). With the seeded rows, every figure must be what
 * the old fixed mapping gave: sick-child care was category 10's row (reports) and count
 * (comparisons), transport-only was "every category is 1 or 5" (statements, claims), and an
 * ordinary request of category 10 went through the programme while it ran. This checks every
 * report of the demo history (April 2025 to November 2026, monthly and annual), every approved
 * activity's categories, and the national table against the mapping written out here.
 */

/** The national survey category of each code, as the decision note sets it (by hand). */
const NATIONAL_OF: Record<number, string> = {
  1: 'transport',
  2: 'before_after_childcare',
  3: 'before_after_childcare',
  4: 'after_school',
  5: 'transport',
  6: 'parent_illness',
  7: 'family_events',
  8: 'outings',
  9: 'work',
  10: 'sick_child',
  11: 'emergency',
  12: 'other',
};

const MONTHS = [
  ...['04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2025-${m}`),
  ...['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11'].map((m) => `2026-${m}`),
];

it(
  'gives every demo report the figures of the old fixed mapping',
  { timeout: 300_000 },
  async () => {
    const ctx = await setupTestApp();
    await seedDemoCenter(ctx.deps);
    const db = ctx.deps.db;
    const categories = await listHelpCategories(db);
    expect(transportCodes(categories)).toEqual(LEGACY_TRANSPORT_CODES);
    expect(sickChildCodes(categories)).toEqual(LEGACY_SICK_CHILD_CODES);

    // Statements and claims: every approved activity is transport-only exactly when it was.
    const rows = await db
      .selectFrom('activity_category')
      .innerJoin('activity', 'activity.id', 'activity_category.activity_id')
      .select(['activity_category.activity_id as id', 'activity_category.category'])
      .where('activity.status', '=', 'approved')
      .execute();
    const byActivity = new Map<string, number[]>();
    for (const r of rows) byActivity.set(r.id, [...(byActivity.get(r.id) ?? []), r.category]);
    expect(byActivity.size).toBeGreaterThan(300);
    let transportOnly = 0;
    for (const cats of byActivity.values()) {
      const before = cats.every((c) => c === 1 || c === 5);
      expect(isTransportOnly(cats, transportCodes(categories))).toBe(before);
      if (before) transportOnly += 1;
    }
    expect(transportOnly).toBeGreaterThan(0);

    // The programme: only an ordinary request of category 10 is sent to it, as before.
    for (let code = 1; code <= 12; code++)
      for (const enabled of [true, false])
        expect(
          programmeRequestProblem(
            { category: code, recurring: false },
            enabled,
            sickChildCodes(categories),
          ),
        ).toBe(enabled && code === 10 ? 'programme_required' : null);

    const sickCount = async (period: { from: string; to: string }) =>
      countApprovedActivitiesInCategory(db, instantRange(period), SICK_CHILD_CATEGORY);

    let sickSeen = 0;
    for (const month of MONTHS) {
      const report = await monthlyReport(ctx.deps, month);
      expect(report.activities.sickChild, month).toEqual(
        report.activities.byCategory[SICK_CHILD_CATEGORY],
      );
      const item = report.previousYear.items.find((i) => i.key === 'sickChild')!;
      expect(item.current, month).toBe(await sickCount(monthPeriod(month)));
      expect(item.previous, month).toBe(await sickCount(previousYearPeriod(monthPeriod(month))));
      sickSeen += report.activities.sickChild.count;
    }
    expect(sickSeen).toBeGreaterThan(0);

    for (const fy of [2025, 2026]) {
      const report = await annualReport(ctx.deps, fy);
      const a = report.activities;
      expect(a.sickChild).toEqual(a.byCategory[SICK_CHILD_CATEGORY]);
      const item = report.previousYear.items.find((i) => i.key === 'sickChild')!;
      expect(item.current).toBe(await sickCount(fiscalYearPeriod(fy)));
      expect(item.previous).toBe(await sickCount(previousYearPeriod(fiscalYearPeriod(fy))));

      // The national table is the per-category rows summed by the mapping above.
      const expected = new Map<string, { count: number; hundredths: number; fees: number }>();
      for (let code = 1; code <= 12; code++) {
        const key = NATIONAL_OF[code]!;
        const sum = expected.get(key) ?? { count: 0, hundredths: 0, fees: 0 };
        sum.count += a.byCategory[code]!.count;
        sum.hundredths += Math.round(a.byCategory[code]!.hours * 100);
        sum.fees += report.fees.byCategory[code]!;
        expected.set(key, sum);
      }
      expect(
        report.byNationalCategory.map((r) => ({
          category: r.category,
          count: r.count,
          hours: r.hours,
          fees: r.fees,
        })),
      ).toEqual(
        [...expected].map(([category, s]) => ({
          category,
          count: s.count,
          hours: s.hundredths / 100,
          fees: s.fees,
        })),
      );
      const total = report.byNationalCategory.reduce((s, r) => s + r.count, 0);
      const perCategory = Object.values(a.byCategory).reduce((s, c) => s + c.count, 0);
      expect(total).toBe(perCategory);
      expect(total).toBeGreaterThan(0);
    }
  },
);
