import { expect, it } from 'vitest';
import { seedDemoCenter } from '../../db/seed/demo.js';
import { quoteFee } from '../../src/modules/fees/fees.js';
import { DEFAULT_FEE_TABLE } from '../../src/modules/fees/fee-table.js';
import { annualReport, monthlyReport } from '../../src/modules/reports/reports.service.js';
import { setupTestApp } from '../helpers/test-app.js';

// The demo center (seeded on 2026-11-21, the test clock) has history since April 2025, so every
// report and the previous-year comparison show data.
it('seeds a demo history that makes believable reports', { timeout: 300_000 }, async () => {
  const ctx = await setupTestApp();
  await seedDemoCenter(ctx.deps);

  const previous = await annualReport(ctx.deps, 2025);
  const current = await annualReport(ctx.deps, 2026);
  const perMonth = [...previous.months, ...current.months.slice(0, 7)].map((m) => m.activities);
  console.log(`demo history: activities per month since 2025-04: ${perMonth.join(' ')}`);
  // Every month from April 2025 to October 2026 has some help, none an absurd amount.
  expect(perMonth.every((n) => n >= 5 && n <= 80)).toBe(true);
  expect(current.months.slice(8).every((m) => m.activities === 0)).toBe(true);
  expect(previous.requests.cancelled + current.requests.cancelled).toBeGreaterThan(0);
  expect(previous.requests.unfilled + current.requests.unfilled).toBeGreaterThan(0);
  expect(previous.incidents.total + current.incidents.total).toBeGreaterThanOrEqual(2);
  expect(current.fees.total).toBeGreaterThan(0);
  // Members joined over time: the trend does not start at its end value.
  expect(current.memberTrend[0]!.total).toBeGreaterThan(0);
  expect(previous.memberTrend[0]!.total).toBeLessThan(current.memberTrend[11]!.total);

  const november = await monthlyReport(ctx.deps, '2026-11');
  const comparison = Object.fromEntries(november.previousYear.items.map((i) => [i.key, i]));
  expect(comparison.activities!.previous).toBeGreaterThan(0);
  expect(november.activities.missingReports).toBeLessThanOrEqual(2);
  expect(november.activities.pendingApproval).toBeGreaterThan(0);

  // Fees come from the real engine: re-price one stored one-child activity.
  const sample = await ctx.deps.db
    .selectFrom('activity')
    .innerJoin('activity_category', 'activity_category.activity_id', 'activity.id')
    .select(['activity.started_at', 'activity.ended_at', 'activity.fee_total', 'category'])
    .where((eb) =>
      eb(
        eb
          .selectFrom('activity_child')
          .select((x) => x.fn.countAll().as('n'))
          .whereRef('activity_child.activity_id', '=', 'activity.id'),
        '=',
        1,
      ),
    )
    .orderBy('activity.started_at')
    .limit(1)
    .executeTakeFirstOrThrow();
  const quote = quoteFee({
    startsAt: new Date(sample.started_at),
    endsAt: new Date(sample.ended_at),
    childCount: 1,
    category: sample.category,
    table: DEFAULT_FEE_TABLE,
  });
  expect(sample.fee_total).toBe(quote.total);
});
