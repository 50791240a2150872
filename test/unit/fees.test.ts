import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNationalHoliday } from '../../src/lib/holidays.js';
import {
  DEFAULT_FEE_TABLE,
  feeTableListSchema,
  feeTableSchema,
  isYearEndDate,
  selectFeeTable,
  type FeeTable,
} from '../../src/modules/fees/fee-table.js';
import {
  cancellationFee,
  FeeInputError,
  minimumChargeOf,
  quoteFee,
  type CancellationKind,
  type CancellationRule,
  type CancelledBy,
  type FeeBand,
} from '../../src/modules/fees/fees.js';

/*
 * Every expected value below is computed by hand from DOMAIN.md, never by the code under test.
 * Per 30-minute unit with the default table: weekday day ¥400, weekday other ¥450,
 * weekend/holiday ¥450, year-end ¥450, sick child ¥500; a sibling pays half.
 * Instants are built with explicit +09:00 offsets; the core tables run under several process
 * time zones to show that nothing reads the local clock.
 */

/** A Tokyo wall-clock instant: ('2026-06-02', '18:30') or ('2026-06-02', '18:30:59.999'). */
function jst(date: string, time: string): Date {
  return new Date(`${date}T${time.length === 5 ? `${time}:00` : time}+09:00`);
}

/** Rates that differ per band, so a wrong band changes the total (units: 400/450/500/600/750). */
const DISTINCT: FeeTable = {
  ...DEFAULT_FEE_TABLE,
  rates: {
    weekdayDay: 800,
    weekdayOther: 900,
    weekendHoliday: 1000,
    yearEnd: 1200,
    sickChild: 1500,
  },
};

const WORK = 9; // 保護者の就労・求職時の預かり
const SICK = 10; // 病児・病後児の預かり

interface QuoteCase {
  name: string;
  from: [string, string];
  to: [string, string];
  children?: number;
  category?: number;
  table?: FeeTable;
  total: number;
  childTotals?: number[];
  /** Runs of the first child: [band, units]. */
  runs?: [FeeBand, number][];
}

const D = 'weekday_day';
const O = 'weekday_other';
const H = 'weekend_holiday';
const Y = 'year_end';
const S = 'sick_child';

const TUE = '2026-06-02'; // an ordinary Tuesday

const QUOTE_CASES: QuoteCase[] = [
  // DOMAIN.md's worked example.
  {
    name: 'DOMAIN example: weekday 18:30–19:40, two children = 1,300 + 650',
    from: [TUE, '18:30'],
    to: [TUE, '19:40'],
    children: 2,
    total: 1950,
    childTotals: [1300, 650],
    runs: [
      [D, 1],
      [O, 2],
    ],
  },
  // Band edges: the band of the minute in which a unit begins.
  {
    name: 'unit starting 06:59 is other hours',
    from: [TUE, '06:59'],
    to: [TUE, '07:59'],
    total: 850,
    runs: [
      [O, 1],
      [D, 1],
    ],
  },
  {
    name: 'unit starting 07:00 is day',
    from: [TUE, '07:00'],
    to: [TUE, '08:00'],
    total: 800,
    runs: [[D, 2]],
  },
  {
    name: '06:30–07:30 = 450 + 400',
    from: [TUE, '06:30'],
    to: [TUE, '07:30'],
    total: 850,
    runs: [
      [O, 1],
      [D, 1],
    ],
  },
  {
    name: 'unit starting 18:59 is day',
    from: [TUE, '18:59'],
    to: [TUE, '19:59'],
    total: 850,
    runs: [
      [D, 1],
      [O, 1],
    ],
  },
  {
    name: 'unit starting 19:00 is other hours',
    from: [TUE, '19:00'],
    to: [TUE, '20:00'],
    total: 900,
    runs: [[O, 2]],
  },
  {
    name: 'units 18:30 (day) and 19:00 (other)',
    from: [TUE, '18:30'],
    to: [TUE, '19:30'],
    total: 850,
    runs: [
      [D, 1],
      [O, 1],
    ],
  },
  {
    name: '18:00–19:00 ends on the edge: all day',
    from: [TUE, '18:00'],
    to: [TUE, '19:00'],
    total: 800,
    runs: [[D, 2]],
  },
  {
    name: 'early morning 05:00–07:00',
    from: [TUE, '05:00'],
    to: [TUE, '07:00'],
    total: 1800,
    runs: [[O, 4]],
  },
  {
    name: 'late evening 21:00–23:00',
    from: [TUE, '21:00'],
    to: [TUE, '23:00'],
    total: 1800,
    runs: [[O, 4]],
  },
  // Units and the minimum.
  {
    name: '10 minutes: the two-unit minimum',
    from: [TUE, '10:00'],
    to: [TUE, '10:10'],
    total: 800,
    runs: [[D, 2]],
  },
  {
    name: 'minimum units are laid from the start: 18:45 day + 19:15 other',
    from: [TUE, '18:45'],
    to: [TUE, '18:55'],
    total: 850,
    runs: [
      [D, 1],
      [O, 1],
    ],
  },
  {
    name: 'exactly 60 minutes = 2 units',
    from: [TUE, '10:00'],
    to: [TUE, '11:00'],
    total: 800,
    runs: [[D, 2]],
  },
  {
    name: '61 minutes = 3 units',
    from: [TUE, '10:00'],
    to: [TUE, '11:01'],
    total: 1200,
    runs: [[D, 3]],
  },
  {
    name: '60 minutes and 1 second = 3 units',
    from: [TUE, '10:00'],
    to: [TUE, '11:00:01'],
    total: 1200,
  },
  { name: '90 minutes = 3 units', from: [TUE, '10:00'], to: [TUE, '11:30'], total: 1200 },
  // Weekends and holidays.
  {
    name: 'Saturday',
    from: ['2026-06-06', '10:00'],
    to: ['2026-06-06', '12:00'],
    total: 1800,
    runs: [[H, 4]],
  },
  {
    name: 'Sunday',
    from: ['2026-06-07', '10:00'],
    to: ['2026-06-07', '12:00'],
    total: 1800,
    runs: [[H, 4]],
  },
  {
    name: 'Saturday, distinct rates',
    from: ['2026-06-06', '10:00'],
    to: ['2026-06-06', '12:00'],
    table: DISTINCT,
    total: 2000,
  },
  {
    name: 'Friday night into Saturday',
    from: ['2026-06-05', '23:00'],
    to: ['2026-06-06', '01:00'],
    table: DISTINCT,
    total: 1900,
    runs: [
      [O, 2],
      [H, 2],
    ],
  },
  {
    name: 'national holiday: Marine Day, Mon 2026-07-20',
    from: ['2026-07-20', '10:00'],
    to: ['2026-07-20', '12:00'],
    table: DISTINCT,
    total: 2000,
    runs: [[H, 4]],
  },
  {
    name: '振替休日: Wed 2026-05-06 (Constitution Day fell on Sunday)',
    from: ['2026-05-06', '10:00'],
    to: ['2026-05-06', '12:00'],
    table: DISTINCT,
    total: 2000,
    runs: [[H, 4]],
  },
  {
    name: 'the ordinary Thursday after it',
    from: ['2026-05-07', '10:00'],
    to: ['2026-05-07', '12:00'],
    total: 1600,
    runs: [[D, 4]],
  },
  {
    name: '国民の休日: Tue 2026-09-22',
    from: ['2026-09-22', '10:00'],
    to: ['2026-09-22', '12:00'],
    total: 1800,
    runs: [[H, 4]],
  },
  // Year-end 12/29–1/3.
  {
    name: '12/28 (Mon) is an ordinary weekday',
    from: ['2026-12-28', '10:00'],
    to: ['2026-12-28', '12:00'],
    total: 1600,
    runs: [[D, 4]],
  },
  {
    name: '12/29 (Tue) is year-end',
    from: ['2026-12-29', '10:00'],
    to: ['2026-12-29', '12:00'],
    total: 1800,
    runs: [[Y, 4]],
  },
  {
    name: '12/29 with distinct rates',
    from: ['2026-12-29', '10:00'],
    to: ['2026-12-29', '12:00'],
    table: DISTINCT,
    total: 2400,
  },
  {
    name: '1/1 is year-end before holiday',
    from: ['2027-01-01', '10:00'],
    to: ['2027-01-01', '11:00'],
    table: DISTINCT,
    total: 1200,
    runs: [[Y, 2]],
  },
  {
    name: '1/3 (Sun) is year-end before weekend',
    from: ['2027-01-03', '10:00'],
    to: ['2027-01-03', '12:00'],
    table: DISTINCT,
    total: 2400,
    runs: [[Y, 4]],
  },
  {
    name: '1/4 (Mon) is an ordinary weekday',
    from: ['2027-01-04', '10:00'],
    to: ['2027-01-04', '12:00'],
    total: 1600,
    runs: [[D, 4]],
  },
  {
    name: '12/28 night into 12/29',
    from: ['2026-12-28', '23:00'],
    to: ['2026-12-29', '01:00'],
    table: DISTINCT,
    total: 2100,
    runs: [
      [O, 2],
      [Y, 2],
    ],
  },
  {
    name: '1/3 night into 1/4',
    from: ['2027-01-03', '23:00'],
    to: ['2027-01-04', '01:00'],
    table: DISTINCT,
    total: 2100,
    runs: [
      [Y, 2],
      [O, 2],
    ],
  },
  // Crossing midnight into and out of a national holiday (Culture Day, Tue 2026-11-03).
  {
    name: 'Monday night into Culture Day',
    from: ['2026-11-02', '22:30'],
    to: ['2026-11-03', '01:00'],
    total: 2250,
    runs: [
      [O, 3],
      [H, 2],
    ],
  },
  {
    name: 'Monday night into Culture Day, distinct rates',
    from: ['2026-11-02', '22:30'],
    to: ['2026-11-03', '01:00'],
    table: DISTINCT,
    total: 2350,
  },
  {
    name: 'Culture Day night into Wednesday morning',
    from: ['2026-11-03', '23:30'],
    to: ['2026-11-04', '07:30'],
    table: DISTINCT,
    total: 7200, // 500 + 14 × 450 + 400
    runs: [
      [H, 1],
      [O, 14],
      [D, 1],
    ],
  },
  // Siblings.
  {
    name: 'three siblings, one weekday hour',
    from: [TUE, '10:00'],
    to: [TUE, '11:00'],
    children: 3,
    total: 1600,
    childTotals: [800, 400, 400],
  },
  {
    name: 'three siblings, DOMAIN times',
    from: [TUE, '18:30'],
    to: [TUE, '19:40'],
    children: 3,
    total: 2600,
    childTotals: [1300, 650, 650],
  },
  // Sick-child care: its own rate at any time.
  {
    name: 'sick child across 19:00',
    from: [TUE, '18:30'],
    to: [TUE, '19:40'],
    category: SICK,
    total: 1500,
    runs: [[S, 3]],
  },
  {
    name: 'sick child, two children',
    from: [TUE, '18:30'],
    to: [TUE, '19:40'],
    category: SICK,
    children: 2,
    total: 2250,
    childTotals: [1500, 750],
  },
  {
    name: 'sick child on Sunday',
    from: ['2026-06-07', '10:00'],
    to: ['2026-06-07', '11:00'],
    category: SICK,
    total: 1000,
    runs: [[S, 2]],
  },
  {
    name: 'sick child on 12/30',
    from: ['2026-12-30', '10:00'],
    to: ['2026-12-30', '11:00'],
    category: SICK,
    table: DISTINCT,
    total: 1500,
    runs: [[S, 2]],
  },
  {
    name: 'sick child at night on a holiday',
    from: ['2026-11-03', '21:00'],
    to: ['2026-11-03', '22:00'],
    category: SICK,
    total: 1000,
  },
];

/** Rounding to the yen happens per child, at the end, half up. */
const ROUNDING_CASES: QuoteCase[] = [
  {
    // 3 × 400.5 = 1201.5 → 1202 (rounding each unit would give 3 × 401 = 1203).
    name: '¥801/h, 90 minutes: rounded once, not per unit',
    from: [TUE, '10:00'],
    to: [TUE, '11:30'],
    table: { ...DEFAULT_FEE_TABLE, rates: { ...DEFAULT_FEE_TABLE.rates, weekdayDay: 801 } },
    total: 1202,
  },
  {
    // 3 × 425.5 = 1276.5 → 1277 (banker's rounding would give 1276);
    // sibling 3 × 212.75 = 638.25 → 638.
    name: '¥851/h, 90 minutes, two children: half up, not half even',
    from: [TUE, '10:00'],
    to: [TUE, '11:30'],
    children: 2,
    table: { ...DEFAULT_FEE_TABLE, rates: { ...DEFAULT_FEE_TABLE.rates, weekdayDay: 851 } },
    total: 1915,
    childTotals: [1277, 638],
  },
  {
    // Each sibling 3 × 212.5 = 637.5 → 638; rounding the sum instead would give 2550.
    name: '¥850/h, 90 minutes, three children: each child rounded',
    from: [TUE, '10:00'],
    to: [TUE, '11:30'],
    children: 3,
    table: { ...DEFAULT_FEE_TABLE, rates: { ...DEFAULT_FEE_TABLE.rates, weekdayDay: 850 } },
    total: 2551,
    childTotals: [1275, 638, 638],
  },
];

/** Other table fields are honoured. */
const TABLE_FIELD_CASES: QuoteCase[] = [
  {
    name: 'sibling factor 0.7',
    from: [TUE, '10:00'],
    to: [TUE, '11:00'],
    children: 2,
    table: { ...DEFAULT_FEE_TABLE, siblingFactor: 0.7 },
    total: 1360,
    childTotals: [800, 560],
  },
  {
    name: '15-minute units, minimum 4: a 20-minute activity costs one hour',
    from: [TUE, '10:00'],
    to: [TUE, '10:20'],
    table: { ...DEFAULT_FEE_TABLE, unitMinutes: 15, minimumUnits: 4 },
    total: 800,
    runs: [[D, 4]],
  },
  {
    name: '15-minute units: 61 minutes = 5 units of ¥200',
    from: [TUE, '10:00'],
    to: [TUE, '11:01'],
    table: { ...DEFAULT_FEE_TABLE, unitMinutes: 15 },
    total: 1000,
  },
  {
    name: 'day band 08:00–18:00: 07:30 is other, 08:00 is day',
    from: [TUE, '07:30'],
    to: [TUE, '08:30'],
    table: { ...DEFAULT_FEE_TABLE, weekdayDayBand: { start: '08:00', end: '18:00' } },
    total: 850,
    runs: [
      [O, 1],
      [D, 1],
    ],
  },
  {
    name: 'no year-end range: 12/29 (Tue) is an ordinary weekday',
    from: ['2026-12-29', '10:00'],
    to: ['2026-12-29', '11:00'],
    table: { ...DEFAULT_FEE_TABLE, yearEnd: null },
    total: 800,
    runs: [[D, 2]],
  },
  {
    name: 'sick-child category moved to 11',
    from: [TUE, '10:00'],
    to: [TUE, '11:00'],
    category: 11,
    table: { ...DEFAULT_FEE_TABLE, sickChildCategory: 11 },
    total: 1000,
    runs: [[S, 2]],
  },
];

function runQuoteCase(c: QuoteCase): void {
  const quote = quoteFee({
    startsAt: jst(...c.from),
    endsAt: jst(...c.to),
    childCount: c.children ?? 1,
    category: c.category ?? WORK,
    table: c.table ?? DEFAULT_FEE_TABLE,
  });
  expect(quote.total).toBe(c.total);
  if (c.childTotals) expect(quote.childTotals).toEqual(c.childTotals);
  if (c.runs) {
    const firstChild = quote.lines.filter((l) => l.childIndex === 0);
    expect(firstChild.map((l) => [l.band, l.units])).toEqual(c.runs);
  }
}

interface CancelCase {
  name: string;
  at: Date;
  by: CancelledBy;
  kind: CancellationKind;
  table?: FeeTable;
  amount: number;
  rule: CancellationRule;
}

/** Planned: DOMAIN example, Tue 2026-06-02 18:30–19:40, two children, full fee ¥1,950. */
const PLANNED = {
  startsAt: jst(TUE, '18:30'),
  endsAt: jst(TUE, '19:40'),
  childCount: 2,
  category: WORK,
};

const CANCEL_CASES: CancelCase[] = [
  {
    name: 'a week before: free',
    at: jst('2026-05-26', '12:00'),
    by: 'requester',
    kind: 'cancel',
    amount: 0,
    rule: 'free',
  },
  {
    name: 'the day before 23:59: free',
    at: jst('2026-06-01', '23:59'),
    by: 'requester',
    kind: 'cancel',
    amount: 0,
    rule: 'free',
  },
  {
    name: 'the day before 23:59:59.999: free',
    at: jst('2026-06-01', '23:59:59.999'),
    by: 'requester',
    kind: 'cancel',
    amount: 0,
    rule: 'free',
  },
  // Same day: first two units per child at the planned bands: 400 + 450 = 850; sibling 425.
  {
    name: 'same day 00:00 JST: first two units',
    at: jst(TUE, '00:00'),
    by: 'requester',
    kind: 'cancel',
    amount: 1275,
    rule: 'same_day',
  },
  {
    name: 'same day 00:00 JST given as UTC (15:00Z the day before)',
    at: new Date('2026-06-01T15:00:00.000Z'),
    by: 'requester',
    kind: 'cancel',
    amount: 1275,
    rule: 'same_day',
  },
  {
    name: '14:59:59.999Z the day before is still 23:59 JST: free',
    at: new Date('2026-06-01T14:59:59.999Z'),
    by: 'requester',
    kind: 'cancel',
    amount: 0,
    rule: 'free',
  },
  {
    name: 'after the planned start: same-day fee',
    at: jst(TUE, '18:45'),
    by: 'requester',
    kind: 'cancel',
    amount: 1275,
    rule: 'same_day',
  },
  {
    name: 'no-show: full planned fee',
    at: jst(TUE, '18:40'),
    by: 'requester',
    kind: 'no_show',
    amount: 1950,
    rule: 'no_show',
  },
  {
    name: 'helper cancels the same day',
    at: jst(TUE, '09:00'),
    by: 'helper',
    kind: 'cancel',
    amount: 0,
    rule: 'not_charged',
  },
  {
    name: 'center cancels the same day',
    at: jst(TUE, '09:00'),
    by: 'staff',
    kind: 'cancel',
    amount: 0,
    rule: 'not_charged',
  },
  {
    name: 'helper does not turn up',
    at: jst(TUE, '18:40'),
    by: 'helper',
    kind: 'no_show',
    amount: 0,
    rule: 'not_charged',
  },
  {
    name: 'weather warning, requester',
    at: jst(TUE, '07:00'),
    by: 'requester',
    kind: 'weather',
    amount: 0,
    rule: 'not_charged',
  },
  {
    name: 'weather warning, center',
    at: jst(TUE, '07:00'),
    by: 'staff',
    kind: 'weather',
    amount: 0,
    rule: 'not_charged',
  },
  {
    name: 'no-show charged as same-day by setting',
    at: jst(TUE, '18:40'),
    by: 'requester',
    kind: 'no_show',
    table: { ...DEFAULT_FEE_TABLE, cancellation: { sameDayUnits: 2, noShow: 'same_day' } },
    amount: 1275,
    rule: 'no_show',
  },
  {
    name: 'same-day units capped at the planned units (4 asked, 3 planned = full fee)',
    at: jst(TUE, '08:00'),
    by: 'requester',
    kind: 'cancel',
    table: { ...DEFAULT_FEE_TABLE, cancellation: { sameDayUnits: 4, noShow: 'full' } },
    amount: 1950,
    rule: 'same_day',
  },
  {
    name: 'same-day units set to 0',
    at: jst(TUE, '08:00'),
    by: 'requester',
    kind: 'cancel',
    table: { ...DEFAULT_FEE_TABLE, cancellation: { sameDayUnits: 0, noShow: 'full' } },
    amount: 0,
    rule: 'same_day',
  },
];

function runCancelCase(c: CancelCase): void {
  const fee = cancellationFee({
    planned: PLANNED,
    cancelledAt: c.at,
    cancelledBy: c.by,
    kind: c.kind,
    table: c.table ?? DEFAULT_FEE_TABLE,
  });
  expect(fee.rule).toBe(c.rule);
  expect(fee.amount).toBe(c.amount);
}

/** A process zone, and the local day-of-month it gives 2026-06-02 00:30 JST (proves it applies). */
const ZONES: [string, number][] = [
  ['Asia/Tokyo', 2],
  ['America/New_York', 1],
  ['UTC', 1],
  ['Pacific/Kiritimati', 2],
  ['Pacific/Pago_Pago', 1],
];

describe.each(ZONES)('fees with process TZ=%s', (zone, localDay) => {
  const original = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it('really runs in that zone', () => {
    // A local getter, on purpose: it shows the zone switch took effect for this process.
    expect(jst(TUE, '00:30').getDate()).toBe(localDay);
  });

  describe('quoteFee', () => {
    it.each(QUOTE_CASES)('$name', runQuoteCase);
  });

  describe('cancellationFee', () => {
    it.each(CANCEL_CASES)('$name', runCancelCase);
  });
});

describe('quoteFee rounding', () => {
  it.each(ROUNDING_CASES)('$name', runQuoteCase);
});

describe('quoteFee honours the fee table fields', () => {
  it.each(TABLE_FIELD_CASES)('$name', runQuoteCase);
});

describe('quoteFee lines', () => {
  it('describes the DOMAIN example line by line', () => {
    const quote = quoteFee({ ...PLANNED, table: DEFAULT_FEE_TABLE });
    const shown = quote.lines.map((l) => ({
      ...l,
      from: l.from.toISOString(),
      to: l.to.toISOString(),
    }));
    expect(shown).toEqual([
      // 18:30 JST = 09:30Z; the last unit (19:30–20:00) is charged in full.
      {
        childIndex: 0,
        band: D,
        from: '2026-06-02T09:30:00.000Z',
        to: '2026-06-02T10:00:00.000Z',
        minutes: 30,
        units: 1,
        rate: 800,
        amount: 400,
      },
      {
        childIndex: 0,
        band: O,
        from: '2026-06-02T10:00:00.000Z',
        to: '2026-06-02T11:00:00.000Z',
        minutes: 60,
        units: 2,
        rate: 900,
        amount: 900,
      },
      {
        childIndex: 1,
        band: D,
        from: '2026-06-02T09:30:00.000Z',
        to: '2026-06-02T10:00:00.000Z',
        minutes: 30,
        units: 1,
        rate: 400,
        amount: 200,
      },
      {
        childIndex: 1,
        band: O,
        from: '2026-06-02T10:00:00.000Z',
        to: '2026-06-02T11:00:00.000Z',
        minutes: 60,
        units: 2,
        rate: 450,
        amount: 450,
      },
    ]);
  });

  it('keeps exact fractional line amounts and rounds only the child total', () => {
    const quote = quoteFee({
      startsAt: jst(TUE, '10:00'),
      endsAt: jst(TUE, '11:30'),
      childCount: 2,
      category: WORK,
      table: { ...DEFAULT_FEE_TABLE, rates: { ...DEFAULT_FEE_TABLE.rates, weekdayDay: 851 } },
    });
    expect(quote.lines.map((l) => [l.rate, l.amount])).toEqual([
      [851, 1276.5],
      [425.5, 638.25],
    ]);
    expect(quote.childTotals).toEqual([1277, 638]);
  });

  it('gives each line its own Date objects', () => {
    const quote = quoteFee({ ...PLANNED, table: DEFAULT_FEE_TABLE });
    expect(quote.lines[0]?.from).not.toBe(quote.lines[2]?.from);
  });

  it('lists the same-day cancellation lines', () => {
    const fee = cancellationFee({
      planned: PLANNED,
      cancelledAt: jst(TUE, '12:00'),
      cancelledBy: 'requester',
      kind: 'cancel',
      table: DEFAULT_FEE_TABLE,
    });
    expect(fee.childTotals).toEqual([850, 425]);
    expect(fee.lines.map((l) => [l.childIndex, l.band, l.units, l.amount])).toEqual([
      [0, D, 1, 400],
      [0, O, 1, 450],
      [1, D, 1, 200],
      [1, O, 1, 225],
    ]);
  });

  it('returns zero per child and no lines when nothing is charged', () => {
    const fee = cancellationFee({
      planned: PLANNED,
      cancelledAt: jst('2026-06-01', '20:00'),
      cancelledBy: 'requester',
      kind: 'cancel',
      table: DEFAULT_FEE_TABLE,
    });
    expect(fee).toEqual({ amount: 0, rule: 'free', childTotals: [0, 0], lines: [] });
  });

  it('charges a same-day cancellation of sick-child care at the sick-child rate', () => {
    const fee = cancellationFee({
      planned: { ...PLANNED, childCount: 1, category: SICK },
      cancelledAt: jst(TUE, '12:00'),
      cancelledBy: 'requester',
      kind: 'cancel',
      table: DEFAULT_FEE_TABLE,
    });
    expect(fee.amount).toBe(1000);
  });
});

describe('invalid input', () => {
  const valid = { ...PLANNED, table: DEFAULT_FEE_TABLE };

  it.each([
    ['end equal to start', { endsAt: jst(TUE, '18:30') }, 'invalid_activity_period'],
    ['end before start', { endsAt: jst(TUE, '18:00') }, 'invalid_activity_period'],
    ['an invalid start', { startsAt: new Date('nonsense') }, 'invalid_activity_period'],
    ['an invalid end', { endsAt: new Date(Number.NaN) }, 'invalid_activity_period'],
    ['no children', { childCount: 0 }, 'invalid_child_count'],
    ['a fractional child count', { childCount: 1.5 }, 'invalid_child_count'],
  ])('rejects %s', (_name, patch, code) => {
    const call = () => quoteFee({ ...valid, ...patch });
    expect(call).toThrow(FeeInputError);
    expect(call).toThrow(expect.objectContaining({ status: 400, code }));
  });

  it('rejects an invalid planned activity or cancellation time when cancelling', () => {
    const base = {
      cancelledBy: 'requester' as const,
      kind: 'cancel' as const,
      table: DEFAULT_FEE_TABLE,
    };
    expect(() =>
      cancellationFee({
        ...base,
        planned: { ...PLANNED, endsAt: PLANNED.startsAt },
        cancelledAt: jst(TUE, '08:00'),
      }),
    ).toThrow(expect.objectContaining({ code: 'invalid_activity_period' }));
    expect(() =>
      cancellationFee({ ...base, planned: PLANNED, cancelledAt: new Date('x') }),
    ).toThrow(expect.objectContaining({ code: 'invalid_cancelled_at' }));
  });
});

describe('selectFeeTable', () => {
  const OCTOBER: FeeTable = {
    ...DEFAULT_FEE_TABLE,
    validFrom: '2026-10-01',
    rates: { ...DEFAULT_FEE_TABLE.rates, weekdayDay: 1000 },
  };
  // Deliberately not in date order.
  const tables = [OCTOBER, DEFAULT_FEE_TABLE];

  it.each([
    ['2026-09-30', '2000-01-01'],
    ['2026-10-01', '2026-10-01'],
    ['2027-04-01', '2026-10-01'],
    ['2000-01-01', '2000-01-01'],
  ])('a %s activity uses the table valid from %s', (date, validFrom) => {
    expect(selectFeeTable(tables, date)?.validFrom).toBe(validFrom);
  });

  it('reads the Tokyo date of an instant', () => {
    // 2026-09-30T15:30Z is 2026-10-01 00:30 in Tokyo; 14:59Z is still September 30.
    expect(selectFeeTable(tables, new Date('2026-09-30T15:30:00Z'))?.validFrom).toBe('2026-10-01');
    expect(selectFeeTable(tables, new Date('2026-09-30T14:59:00Z'))?.validFrom).toBe('2000-01-01');
  });

  it('returns undefined before the first table', () => {
    expect(selectFeeTable([OCTOBER], '2026-09-30')).toBeUndefined();
    expect(selectFeeTable([], '2026-09-30')).toBeUndefined();
  });

  it('old activities keep their fee, new ones get the new rate', () => {
    const quoteOn = (date: string) =>
      quoteFee({
        startsAt: jst(date, '10:00'),
        endsAt: jst(date, '11:00'),
        childCount: 1,
        category: WORK,
        table: selectFeeTable(tables, date) ?? DEFAULT_FEE_TABLE,
      }).total;
    expect(quoteOn('2026-09-30')).toBe(800); // Wednesday
    expect(quoteOn('2026-10-01')).toBe(1000); // Thursday
  });
});

describe('feeTableSchema', () => {
  it('accepts the default table', () => {
    expect(feeTableSchema.parse(DEFAULT_FEE_TABLE)).toEqual(DEFAULT_FEE_TABLE);
  });

  it.each([
    ['an unknown key', { ...DEFAULT_FEE_TABLE, role: 'admin' }],
    [
      'a negative rate',
      { ...DEFAULT_FEE_TABLE, rates: { ...DEFAULT_FEE_TABLE.rates, weekdayDay: -1 } },
    ],
    [
      'a fractional rate',
      { ...DEFAULT_FEE_TABLE, rates: { ...DEFAULT_FEE_TABLE.rates, weekdayDay: 800.5 } },
    ],
    ['a missing rate', { ...DEFAULT_FEE_TABLE, rates: { weekdayDay: 800 } }],
    [
      'a day band ending before it starts',
      { ...DEFAULT_FEE_TABLE, weekdayDayBand: { start: '19:00', end: '07:00' } },
    ],
    [
      'an empty day band',
      { ...DEFAULT_FEE_TABLE, weekdayDayBand: { start: '07:00', end: '07:00' } },
    ],
    ['24:00', { ...DEFAULT_FEE_TABLE, weekdayDayBand: { start: '07:00', end: '24:00' } }],
    [
      '7:00 without a leading zero',
      { ...DEFAULT_FEE_TABLE, weekdayDayBand: { start: '7:00', end: '19:00' } },
    ],
    ['02-30', { ...DEFAULT_FEE_TABLE, yearEnd: { from: '12-29', to: '02-30' } }],
    ['13-01', { ...DEFAULT_FEE_TABLE, yearEnd: { from: '13-01', to: '01-03' } }],
    ['a sibling factor of 1/3', { ...DEFAULT_FEE_TABLE, siblingFactor: 1 / 3 }],
    ['a sibling factor above 1', { ...DEFAULT_FEE_TABLE, siblingFactor: 1.5 }],
    ['0-minute units', { ...DEFAULT_FEE_TABLE, unitMinutes: 0 }],
    ['0 minimum units', { ...DEFAULT_FEE_TABLE, minimumUnits: 0 }],
    ['an impossible validFrom', { ...DEFAULT_FEE_TABLE, validFrom: '2026-02-29' }],
    [
      'an unknown no-show rule',
      { ...DEFAULT_FEE_TABLE, cancellation: { sameDayUnits: 2, noShow: 'double' } },
    ],
    [
      'a string rate',
      { ...DEFAULT_FEE_TABLE, rates: { ...DEFAULT_FEE_TABLE.rates, sickChild: '1000' } },
    ],
  ])('rejects %s with i18n keys', (_name, value) => {
    const result = feeTableSchema.safeParse(value);
    expect(result.success).toBe(false);
    const messages = result.error?.issues
      .filter((i) => i.code !== 'unrecognized_keys')
      .map((i) => i.message);
    for (const message of messages ?? []) expect(message).toBe('validation.invalid');
  });

  it('accepts 02-29, no year-end range, and a 0.75 sibling factor', () => {
    expect(
      feeTableSchema.safeParse({ ...DEFAULT_FEE_TABLE, yearEnd: { from: '02-29', to: '03-01' } })
        .success,
    ).toBe(true);
    expect(feeTableSchema.safeParse({ ...DEFAULT_FEE_TABLE, yearEnd: null }).success).toBe(true);
    expect(feeTableSchema.safeParse({ ...DEFAULT_FEE_TABLE, siblingFactor: 0.75 }).success).toBe(
      true,
    );
  });

  it('the list needs at least one table and distinct validFrom dates', () => {
    expect(feeTableListSchema.safeParse([DEFAULT_FEE_TABLE]).success).toBe(true);
    expect(feeTableListSchema.safeParse([]).success).toBe(false);
    expect(feeTableListSchema.safeParse([DEFAULT_FEE_TABLE, DEFAULT_FEE_TABLE]).success).toBe(
      false,
    );
  });
});

describe('isYearEndDate', () => {
  const wrap = { from: '12-29', to: '01-03' };
  it.each([
    ['2026-12-28', wrap, false],
    ['2026-12-29', wrap, true],
    ['2026-12-31', wrap, true],
    ['2027-01-01', wrap, true],
    ['2027-01-03', wrap, true],
    ['2027-01-04', wrap, false],
    ['2026-08-13', { from: '08-13', to: '08-16' }, true], // a non-wrapping range (お盆)
    ['2026-08-17', { from: '08-13', to: '08-16' }, false],
    ['2026-12-30', null, false],
  ])('%s in %j → %s', (date, range, expected) => {
    expect(isYearEndDate(date, range)).toBe(expected);
  });
});

describe('isNationalHoliday (from @holiday-jp/holiday_jp)', () => {
  it.each([
    ['2026-01-01', true], // 元日
    ['2026-05-03', true], // 憲法記念日 (Sunday)
    ['2026-05-06', true], // 振替休日
    ['2026-05-07', false],
    ['2026-09-22', true], // 国民の休日
    ['2026-11-03', true], // 文化の日
    ['2026-12-29', false], // year-end is a fee-table rule, not a national holiday
    ['2026-06-06', false], // a Saturday is not a holiday
    ['2026-5-6', false],
    ['__proto__', false],
    ['hasOwnProperty', false],
  ])('%s → %s', (date, expected) => {
    expect(isNationalHoliday(date)).toBe(expected);
  });
});

describe('minimumChargeOf: when the minimum charge prices an activity (#17)', () => {
  const at = (time: string) => new Date(`2026-11-25T${time}:00+09:00`);
  it.each([
    ['18:30', '18:40', { actualMinutes: 10, minimumMinutes: 60 }],
    ['18:30', '19:10', { actualMinutes: 40, minimumMinutes: 60 }],
    ['18:30', '19:29', { actualMinutes: 59, minimumMinutes: 60 }],
    ['18:30', '19:30', null],
    ['18:30', '19:40', null],
  ])('%s–%s with the default table (2 × 30 min)', (from, to, expected) => {
    expect(minimumChargeOf(DEFAULT_FEE_TABLE, { startsAt: at(from), endsAt: at(to) })).toEqual(
      expected,
    );
  });
  it('follows the table: 1 unit of 60 minutes', () => {
    const table = { unitMinutes: 60, minimumUnits: 1 };
    expect(minimumChargeOf(table, { startsAt: at('10:00'), endsAt: at('10:15') })).toEqual({
      actualMinutes: 15,
      minimumMinutes: 60,
    });
  });
});
