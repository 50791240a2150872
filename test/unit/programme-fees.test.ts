import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNationalHoliday } from '../../src/lib/holidays.js';
import {
  DEFAULT_FEE_TABLE,
  feeTableSchema,
  type FeeTable,
} from '../../src/modules/fees/fee-table.js';
import { quoteFee, type FeeBand, type ProgrammeKind } from '../../src/modules/fees/fees.js';

/*
 * The sick-child and emergency programme's fees (issue #20). Every expected figure is computed by
 * hand from the default programme rates, per 30-minute unit: sick ¥500, emergency (weekday day)
 * ¥450, holiday day ¥500, early (05–07) ¥550, late (19–22) ¥550, overnight (22–05) ¥600; each
 * sibling pays half.
 */

const jst = (date: string, time: string) => new Date(`${date}T${time}:00+09:00`);

const EMERGENCY = 11;
const SICK = 10;

function quote(
  kind: ProgrammeKind,
  from: [string, string],
  to: [string, string],
  childCount = 1,
  table: FeeTable = DEFAULT_FEE_TABLE,
) {
  return quoteFee({
    startsAt: jst(...from),
    endsAt: jst(...to),
    childCount,
    category: kind === 'sick' ? SICK : EMERGENCY,
    programme: kind,
    table,
  });
}

/** The first child's lines as [Tokyo date of the line, band, units]. */
const runs = (q: ReturnType<typeof quote>) =>
  q.lines
    .filter((l) => l.childIndex === 0)
    .map((l): [string, FeeBand, number] => [
      new Date(l.from.getTime() + 9 * 3_600_000).toISOString().slice(0, 10),
      l.band,
      l.units,
    ]);

describe('programme fees: overnight care across midnight, holidays and the year-end break', () => {
  it('the fixture dates are what the cases say they are', () => {
    expect(isNationalHoliday('2027-11-03')).toBe(true); // 文化の日 (Wednesday)
    expect(isNationalHoliday('2027-11-02')).toBe(false); // Tuesday
  });

  it('22:00 on a weekday to 07:00 on a holiday: overnight split at midnight, then early', () => {
    const q = quote('emergency', ['2027-11-02', '22:00'], ['2027-11-03', '07:00']);
    expect(runs(q)).toEqual([
      ['2027-11-02', 'programme_overnight', 4], // 22:00–24:00: 4 × 600 = 2,400
      ['2027-11-03', 'programme_overnight', 10], // 00:00–05:00: 10 × 600 = 6,000
      ['2027-11-03', 'programme_early', 4], // 05:00–07:00: 4 × 550 = 2,200
    ]);
    expect(q.total).toBe(10_600);
  });

  it('with two children the sibling pays half: 10,600 + 5,300', () => {
    const q = quote('emergency', ['2027-11-02', '22:00'], ['2027-11-03', '07:00'], 2);
    expect(q.childTotals).toEqual([10_600, 5_300]);
    expect(q.total).toBe(15_900);
  });

  it('care running on into the holiday morning is charged at the holiday day rate', () => {
    const q = quote('emergency', ['2027-11-02', '22:00'], ['2027-11-03', '09:00']);
    expect(runs(q).at(-1)).toEqual(['2027-11-03', 'programme_holiday', 4]); // 4 × 500
    expect(q.total).toBe(12_600);
  });

  it('the same morning on a weekday is charged at the emergency day rate', () => {
    const q = quote('emergency', ['2027-11-01', '22:00'], ['2027-11-02', '09:00']);
    expect(runs(q).at(-1)).toEqual(['2027-11-02', 'programme_emergency', 4]); // 4 × 450
    expect(q.total).toBe(12_400);
  });

  it('the year-end break: late, overnight across midnight, early, then the year-end day rate', () => {
    const q = quote('emergency', ['2027-12-30', '20:00'], ['2027-12-31', '10:00']);
    expect(runs(q)).toEqual([
      ['2027-12-30', 'programme_late', 4], // 2,200
      ['2027-12-30', 'programme_overnight', 4], // 2,400
      ['2027-12-31', 'programme_overnight', 10], // 6,000
      ['2027-12-31', 'programme_early', 4], // 2,200
      ['2027-12-31', 'programme_holiday', 6], // 3,000
    ]);
    expect(q.total).toBe(15_800);
  });

  it('new year: a night from 12/31 into 1/1 splits at midnight into the new year', () => {
    const q = quote('emergency', ['2027-12-31', '23:00'], ['2028-01-01', '01:00']);
    expect(runs(q)).toEqual([
      ['2027-12-31', 'programme_overnight', 2],
      ['2028-01-01', 'programme_overnight', 2],
    ]);
    expect(q.total).toBe(2_400);
  });

  it('sick-child care costs the sick rate in the day band on any day, the band rates outside it', () => {
    // Saturday: the day band is still the sick rate (20 × 500).
    expect(quote('sick', ['2027-11-06', '08:00'], ['2027-11-06', '18:00']).total).toBe(10_000);
    const q = quote('sick', ['2027-11-02', '17:30'], ['2027-11-02', '20:00']);
    expect(runs(q)).toEqual([
      ['2027-11-02', 'programme_sick', 3], // 1,500
      ['2027-11-02', 'programme_late', 2], // 1,100
    ]);
    expect(q.total).toBe(2_600);
  });

  it('the minimum of two units is laid from the start, across a band edge', () => {
    // 04:50 (overnight, 600) + 05:20 (early, 550).
    expect(quote('emergency', ['2027-11-02', '04:50'], ['2027-11-02', '05:00']).total).toBe(1_150);
  });

  it('a fee table saved before the programme existed takes the default programme rates', () => {
    const { programme: _omitted, ...old } = DEFAULT_FEE_TABLE;
    const parsed = feeTableSchema.parse(old);
    expect(parsed.programme.rates.overnight).toBe(1200);
  });

  it('band edges must follow each other through the day', () => {
    const bad = {
      ...DEFAULT_FEE_TABLE,
      programme: { ...DEFAULT_FEE_TABLE.programme, lateStart: '23:00' },
    };
    expect(feeTableSchema.safeParse(bad).success).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: for any overnight (or any) programme interval, the fee is the sum of its per-band
// parts: cut the interval at every band edge and at midnight, price each part alone, add them.

const HALF_HOUR = 30 * 60_000;
const RANGE_START = Date.parse('2027-11-01T00:00:00+09:00');
const rateArb = fc.integer({ min: 0, max: 5000 });
const halfHour = (n: number) =>
  `${String(Math.floor(n / 2)).padStart(2, '0')}:${n % 2 === 0 ? '00' : '30'}`;

/** Random programme rates and band edges on half hours, as a center could save them. */
const tableArb: fc.Arbitrary<FeeTable> = fc
  .record({
    edges: fc.uniqueArray(fc.integer({ min: 0, max: 47 }), { minLength: 4, maxLength: 4 }),
    rates: fc.record({
      sick: rateArb,
      emergency: rateArb,
      holiday: rateArb,
      early: rateArb,
      late: rateArb,
      overnight: rateArb,
    }),
    siblingFactor: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
  })
  .map(({ edges, rates, siblingFactor }) => {
    const [earlyStart, dayStart, lateStart, overnightStart] = [...edges]
      .sort((a, b) => a - b)
      .map(halfHour) as [string, string, string, string];
    return feeTableSchema.parse({
      ...DEFAULT_FEE_TABLE,
      siblingFactor,
      programme: { earlyStart, dayStart, lateStart, overnightStart, rates },
    });
  });

/** The first child's exact (unrounded) amount per child index. */
const exactByChild = (q: ReturnType<typeof quoteFee>, children: number) =>
  Array.from({ length: children }, (_, i) =>
    q.lines.filter((l) => l.childIndex === i).reduce((sum, l) => sum + l.amount, 0),
  );

describe('programme fee property', () => {
  it('the fee of any programme interval equals the sum of its per-band, per-day parts', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constant(DEFAULT_FEE_TABLE), tableArb),
        // A start on a half hour within about two years (holidays, year-ends, a leap day).
        fc.integer({ min: 0, max: 2 * 366 * 48 }),
        // Two half hours up to 24 hours: at or above the minimum, so every unit is real time.
        fc.integer({ min: 2, max: 48 }),
        fc.constantFrom<ProgrammeKind>('sick', 'emergency'),
        fc.integer({ min: 1, max: 4 }),
        (table, startSlot, units, kind, children) => {
          const startsAt = new Date(RANGE_START + startSlot * HALF_HOUR);
          const endsAt = new Date(startsAt.getTime() + units * HALF_HOUR);
          const whole = quoteFee({
            startsAt,
            endsAt,
            childCount: children,
            category: 11,
            programme: kind,
            table,
          });
          // Parts: each line of the whole is a maximal run of one band on one day; price each
          // alone (no minimum) and add the exact amounts per child.
          const single = { ...table, minimumUnits: 1 };
          const parts = whole.lines
            .filter((l) => l.childIndex === 0)
            .map((l) =>
              quoteFee({
                startsAt: l.from,
                endsAt: l.to,
                childCount: children,
                category: 11,
                programme: kind,
                table: single,
              }),
            );
          // Each part is one band on one day.
          for (const part of parts) {
            expect(part.lines.filter((l) => l.childIndex === 0)).toHaveLength(1);
          }
          const wholeExact = exactByChild(whole, children);
          const partsExact = Array.from({ length: children }, (_, i) =>
            parts.reduce((sum, p) => sum + exactByChild(p, children)[i]!, 0),
          );
          partsExact.forEach((amount, i) => expect(amount).toBeCloseTo(wholeExact[i]!, 6));
          // And the whole covers exactly its time: no unit lost or counted twice.
          expect(
            whole.lines.filter((l) => l.childIndex === 0).reduce((s, l) => s + l.units, 0),
          ).toBe(units);
          // Totals are each child's exact amount rounded half up. The test adds the lines in
          // floating point, so an exact half (x.5) may come out a hair either side of it.
          whole.childTotals.forEach((t, i) =>
            expect(Math.abs(t - wholeExact[i]!)).toBeLessThanOrEqual(0.5 + 1e-9),
          );
        },
      ),
    );
  });
});
