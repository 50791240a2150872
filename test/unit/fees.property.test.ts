import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FEE_TABLE,
  feeTableSchema,
  type FeeTable,
} from '../../src/modules/fees/fee-table.js';
import { cancellationFee, quoteFee, type FeeQuote } from '../../src/modules/fees/fees.js';

/*
 * Invariants of the fee rules that must hold for every valid fee table, not just the default:
 * random tables are generated and passed through `feeTableSchema` so they are ones a center
 * could actually save.
 */

const MINUTE = 60_000;
/** Activities start anywhere in two years that include year-ends, holidays and a leap day. */
const RANGE_START = Date.parse('2027-11-01T00:00:00+09:00');
const RANGE_SECONDS = 2 * 366 * 24 * 60 * 60;

const startArb = fc
  .integer({ min: 0, max: RANGE_SECONDS })
  .map((s) => new Date(RANGE_START + s * 1000));
/** Up to a day, to the second (a started unit counts). */
const durationSecondsArb = fc.integer({ min: 1, max: 24 * 60 * 60 });
const childCountArb = fc.integer({ min: 1, max: 5 });
const categoryArb = fc.integer({ min: 1, max: 12 });

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
/** 'MM-DD' of the n-th day of leap year 2000 (so 02-29 can occur). */
const monthDayArb = fc
  .integer({ min: 0, max: 365 })
  .map((n) => new Date(Date.UTC(2000, 0, 1 + n)).toISOString().slice(5, 10));
const rateArb = fc.integer({ min: 0, max: 5000 });

const randomTableArb: fc.Arbitrary<FeeTable> = fc
  .record({
    validFrom: fc.constant('2000-01-01'),
    rates: fc.record({
      weekdayDay: rateArb,
      weekdayOther: rateArb,
      weekendHoliday: rateArb,
      yearEnd: rateArb,
      sickChild: rateArb,
    }),
    weekdayDayBand: fc
      .uniqueArray(fc.integer({ min: 0, max: 23 * 60 + 59 }), { minLength: 2, maxLength: 2 })
      .map(([a = 0, b = 1]) => ({ start: hhmm(Math.min(a, b)), end: hhmm(Math.max(a, b)) })),
    yearEnd: fc.option(fc.record({ from: monthDayArb, to: monthDayArb }), { nil: null }),
    sickChildCategory: fc.integer({ min: 1, max: 12 }),
    siblingFactor: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
    unitMinutes: fc.integer({ min: 5, max: 120 }),
    minimumUnits: fc.integer({ min: 1, max: 6 }),
    cancellation: fc.record({
      sameDayUnits: fc.integer({ min: 0, max: 6 }),
      noShow: fc.constantFrom('full' as const, 'same_day' as const),
    }),
  })
  .map((table) => feeTableSchema.parse(table));

const tableArb = fc.oneof(fc.constant(DEFAULT_FEE_TABLE), randomTableArb);

function quote(
  table: FeeTable,
  startsAt: Date,
  durationSeconds: number,
  childCount: number,
  category: number,
): FeeQuote {
  return quoteFee({
    startsAt,
    endsAt: new Date(startsAt.getTime() + durationSeconds * 1000),
    childCount,
    category,
    table,
  });
}

describe('fee properties', () => {
  it('a longer activity (same start, later end) never costs less, for any child', () => {
    fc.assert(
      fc.property(
        tableArb,
        startArb,
        durationSecondsArb,
        durationSecondsArb,
        childCountArb,
        categoryArb,
        (table, start, duration, extra, children, category) => {
          const shorter = quote(table, start, duration, children, category);
          const longer = quote(table, start, duration + extra, children, category);
          expect(longer.total).toBeGreaterThanOrEqual(shorter.total);
          longer.childTotals.forEach((amount, i) =>
            expect(amount).toBeGreaterThanOrEqual(shorter.childTotals[i] ?? 0),
          );
        },
      ),
    );
  });

  it('the total is a non-negative integer: the sum of per-child totals, each its lines rounded', () => {
    fc.assert(
      fc.property(
        tableArb,
        startArb,
        durationSecondsArb,
        childCountArb,
        categoryArb,
        (table, start, duration, children, category) => {
          const q = quote(table, start, duration, children, category);
          expect(Number.isSafeInteger(q.total)).toBe(true);
          expect(q.total).toBeGreaterThanOrEqual(0);
          expect(q.childTotals).toHaveLength(children);
          expect(q.childTotals.reduce((a, b) => a + b, 0)).toBe(q.total);
          q.childTotals.forEach((childTotal, i) => {
            const lines = q.lines.filter((l) => l.childIndex === i);
            const exact = lines.reduce((sum, l) => sum + l.amount, 0);
            expect(Math.abs(childTotal - exact)).toBeLessThanOrEqual(0.5 + 1e-6);
            // Every unit is charged once: at least the minimum, and enough to cover the time.
            const units = lines.reduce((sum, l) => sum + l.units, 0);
            const covering = Math.ceil(duration / 60 / table.unitMinutes);
            expect(units).toBe(Math.max(table.minimumUnits, covering));
          });
        },
      ),
    );
  });

  it('adding a child never lowers the total and leaves the others unchanged', () => {
    fc.assert(
      fc.property(
        tableArb,
        startArb,
        durationSecondsArb,
        childCountArb,
        categoryArb,
        (table, start, duration, children, category) => {
          const fewer = quote(table, start, duration, children, category);
          const more = quote(table, start, duration, children + 1, category);
          expect(more.total).toBeGreaterThanOrEqual(fewer.total);
          expect(more.childTotals.slice(0, children)).toEqual(fewer.childTotals);
        },
      ),
    );
  });

  it('a cancellation never costs more than the full planned fee', () => {
    fc.assert(
      fc.property(
        tableArb,
        startArb,
        durationSecondsArb,
        childCountArb,
        categoryArb,
        // Cancelled anywhere from three days before to one day after the planned start.
        fc.integer({ min: -3 * 24 * 60, max: 24 * 60 }),
        fc.constantFrom('requester' as const, 'helper' as const, 'staff' as const),
        fc.constantFrom('cancel' as const, 'no_show' as const, 'weather' as const),
        (table, start, duration, children, category, offsetMinutes, cancelledBy, kind) => {
          const planned = {
            startsAt: start,
            endsAt: new Date(start.getTime() + duration * 1000),
            childCount: children,
            category,
          };
          const full = quoteFee({ ...planned, table }).total;
          const fee = cancellationFee({
            planned,
            cancelledAt: new Date(start.getTime() + offsetMinutes * MINUTE),
            cancelledBy,
            kind,
            table,
          });
          expect(Number.isSafeInteger(fee.amount)).toBe(true);
          expect(fee.amount).toBeGreaterThanOrEqual(0);
          expect(fee.amount).toBeLessThanOrEqual(full);
          if (kind === 'weather' || cancelledBy !== 'requester') expect(fee.amount).toBe(0);
          if (
            kind === 'no_show' &&
            cancelledBy === 'requester' &&
            table.cancellation.noShow === 'full'
          )
            expect(fee.amount).toBe(full);
        },
      ),
    );
  });
});
