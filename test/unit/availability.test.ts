import { afterEach, describe, expect, it } from 'vitest';
import {
  checkAvailability,
  daySegments,
  freeIntervalsOn,
  isAvailableFor,
  isoWeekdayOf,
  overlaps,
  parseTime,
  validateException,
  validateWeeklySlots,
  type AvailabilityException,
  type Interval,
  type WeeklySlot,
} from '../../src/modules/availability/availability.js';
import { tokyoInstant } from '../../src/lib/dates.js';

// 2026-04-06 is a Monday, 2026-04-05 a Sunday, 2026-04-07 a Tuesday.
const MON = '2026-04-06';
const TUE = '2026-04-07';
const SAT = '2026-04-04';
const SUN = '2026-04-05';

/** A Tokyo wall-time interval; `endDate` defaults to the same day. */
function at(date: string, start: string, end: string, endDate = date): Interval {
  return { startsAt: tokyoInstant(date, start), endsAt: tokyoInstant(endDate, end) };
}

/** Tokyo wall time with seconds, for sub-minute edges. */
function atSeconds(date: string, time: string): Date {
  return new Date(`${date}T${time}+09:00`);
}

const weekly: WeeklySlot[] = [
  { weekday: 1, start: '09:00', end: '12:00' },
  { weekday: 1, start: '12:00', end: '15:00' },
  { weekday: 1, start: '18:00', end: '24:00' },
  { weekday: 2, start: '00:00', end: '02:00' },
  { weekday: 7, start: '10:00', end: '16:00' },
];

describe('isoWeekdayOf', () => {
  it.each([
    [SUN, 7],
    [MON, 1],
    [TUE, 2],
    [SAT, 6],
    ['2024-02-29', 4],
    ['2027-01-01', 5],
  ])('%s is ISO weekday %i', (date, expected) => {
    expect(isoWeekdayOf(date)).toBe(expected);
  });
});

describe('parseTime', () => {
  it.each([
    ['00:00', 0],
    ['09:30', 570],
    ['23:59', 1439],
    ['24:00', 1440],
    ['24:01', -1],
    ['25:00', -1],
    ['9:30', -1],
    ['09:60', -1],
    ['09-30', -1],
    ['ab:cd', -1],
    ['', -1],
  ])('%j → %i', (input, expected) => {
    expect(parseTime(input)).toBe(expected);
  });
});

describe('isAvailableFor: weekly coverage', () => {
  it.each<[string, Interval, boolean]>([
    ['adjacent slots chain: 10:00–14:00 over 09–12 + 12–15', at(MON, '10:00', '14:00'), true],
    ['exact slot edges 09:00–12:00', at(MON, '09:00', '12:00'), true],
    ['the whole chained block 09:00–15:00', at(MON, '09:00', '15:00'), true],
    ['one minute before the slot starts', at(MON, '08:59', '10:00'), false],
    ['one minute after the chained block ends', at(MON, '14:00', '15:01'), false],
    ['in the gap between slots', at(MON, '15:00', '16:00'), false],
    ['spanning the gap 12:00–18:30', at(MON, '12:00', '18:30'), false],
    ['evening slot up to 24:00', at(MON, '22:00', '00:00', TUE), true],
    ['crossing midnight into a covered early Tuesday', at(MON, '23:00', '01:00', TUE), true],
    ['crossing midnight past the Tuesday slot', at(MON, '23:00', '03:00', TUE), false],
    ['Tuesday only part', at(TUE, '00:00', '02:00'), true],
    ['Sunday is ISO weekday 7', at(SUN, '11:00', '15:00'), true],
    ['Saturday has no slot', at(SAT, '11:00', '12:00'), false],
    [
      'seconds inside the slot',
      { startsAt: atSeconds(MON, '09:00:30'), endsAt: atSeconds(MON, '14:59:59') },
      true,
    ],
    [
      'one second past the slot',
      { startsAt: atSeconds(MON, '14:00:00'), endsAt: atSeconds(MON, '15:00:01') },
      false,
    ],
    ['empty interval', at(MON, '10:00', '10:00'), false],
    ['inverted interval', at(MON, '11:00', '10:00'), false],
  ])('%s', (_label, interval, expected) => {
    expect(isAvailableFor(interval, weekly, [])).toBe(expected);
  });

  it('does not need the slots sorted, and overlapping slots still chain', () => {
    const shuffled: WeeklySlot[] = [
      { weekday: 3, start: '13:00', end: '17:00' },
      { weekday: 3, start: '08:00', end: '11:00' },
      { weekday: 3, start: '10:00', end: '13:30' },
    ];
    expect(isAvailableFor(at('2026-04-08', '08:30', '16:30'), shuffled, [])).toBe(true);
    expect(isAvailableFor(at('2026-04-08', '08:30', '17:30'), shuffled, [])).toBe(false);
  });

  it('ignores malformed slots instead of treating them as open', () => {
    const bad: WeeklySlot[] = [{ weekday: 1, start: '9:00', end: '12:00' }];
    expect(isAvailableFor(at(MON, '10:00', '11:00'), bad, [])).toBe(false);
  });

  it('covers a multi-day interval only when every day is fully covered', () => {
    const allDay: WeeklySlot[] = [1, 2, 3].map((weekday) => ({
      weekday,
      start: '00:00',
      end: '24:00',
    }));
    expect(isAvailableFor(at(MON, '08:00', '08:00', '2026-04-08'), allDay, [])).toBe(true);
    expect(isAvailableFor(at(MON, '08:00', '08:00', '2026-04-09'), allDay, [])).toBe(false);
  });
});

describe('isAvailableFor: exceptions', () => {
  it.each<[string, AvailabilityException[], Interval, boolean]>([
    ['whole-day exception that day', [{ date: MON }], at(MON, '10:00', '11:00'), false],
    [
      'whole-day exception with null times',
      [{ date: MON, start: null, end: null }],
      at(MON, '10:00', '11:00'),
      false,
    ],
    ['whole-day exception another day', [{ date: TUE }], at(MON, '10:00', '11:00'), true],
    [
      'partial exception touching the end (half-open)',
      [{ date: MON, start: '12:00', end: '13:00' }],
      at(MON, '10:00', '12:00'),
      true,
    ],
    [
      'partial exception touching the start (half-open)',
      [{ date: MON, start: '09:00', end: '10:00' }],
      at(MON, '10:00', '12:00'),
      true,
    ],
    [
      'partial exception overlapping',
      [{ date: MON, start: '11:30', end: '13:00' }],
      at(MON, '10:00', '12:00'),
      false,
    ],
    [
      'partial exception inside',
      [{ date: MON, start: '10:30', end: '10:45' }],
      at(MON, '10:00', '12:00'),
      false,
    ],
    [
      'partial exception later that day',
      [{ date: MON, start: '13:00', end: '14:00' }],
      at(MON, '10:00', '12:00'),
      true,
    ],
    [
      'start only: unavailable from then to midnight',
      [{ date: MON, start: '13:00' }],
      at(MON, '14:00', '15:00'),
      false,
    ],
    [
      'start only: the morning is still free',
      [{ date: MON, start: '13:00' }],
      at(MON, '10:00', '12:00'),
      true,
    ],
    [
      'end only: unavailable from midnight to then',
      [{ date: MON, end: '10:30' }],
      at(MON, '10:00', '12:00'),
      false,
    ],
    [
      'malformed times count as the whole day',
      [{ date: MON, start: '25:00', end: '26:00' }],
      at(MON, '10:00', '11:00'),
      false,
    ],
    [
      'midnight crossing: exception on the second day',
      [{ date: TUE, start: '00:30', end: '01:30' }],
      at(MON, '23:00', '01:00', TUE),
      false,
    ],
    [
      'ending at midnight does not touch the next day',
      [{ date: TUE }],
      at(MON, '22:00', '00:00', TUE),
      true,
    ],
  ])('%s', (_label, exceptions, interval, expected) => {
    expect(isAvailableFor(interval, weekly, exceptions)).toBe(expected);
  });

  it('reports weekly coverage and exceptions separately', () => {
    expect(checkAvailability(at(SAT, '10:00', '11:00'), weekly, [{ date: SAT }])).toEqual({
      coveredByWeekly: false,
      hitsException: true,
      exceptionDate: SAT,
    });
    expect(checkAvailability(at(MON, '10:00', '11:00'), weekly, [])).toEqual({
      coveredByWeekly: true,
      hitsException: false,
      exceptionDate: null,
    });
  });
});

describe('overlaps (half-open)', () => {
  it.each<[string, Interval, Interval, boolean]>([
    ['end == start', at(MON, '09:00', '12:00'), at(MON, '12:00', '15:00'), false],
    ['start == end', at(MON, '12:00', '15:00'), at(MON, '09:00', '12:00'), false],
    ['one minute of overlap', at(MON, '09:00', '12:01'), at(MON, '12:00', '15:00'), true],
    ['contained', at(MON, '09:00', '15:00'), at(MON, '10:00', '11:00'), true],
    ['identical', at(MON, '10:00', '11:00'), at(MON, '10:00', '11:00'), true],
    ['disjoint', at(MON, '09:00', '10:00'), at(MON, '11:00', '12:00'), false],
    ['empty inside another', at(MON, '10:30', '10:30'), at(MON, '10:00', '11:00'), false],
    ['across midnight', at(MON, '23:00', '01:00', TUE), at(TUE, '00:30', '02:00'), true],
  ])('%s', (_label, a, b, expected) => {
    expect(overlaps(a, b)).toBe(expected);
    expect(overlaps(b, a)).toBe(expected);
  });
});

describe('daySegments', () => {
  it('splits a midnight-crossing interval into its two Tokyo days', () => {
    expect(daySegments(at(SUN, '22:30', '01:15', MON))).toEqual([
      { date: SUN, weekday: 7, fromMin: 1350, toMin: 1440 },
      { date: MON, weekday: 1, fromMin: 0, toMin: 75 },
    ]);
  });

  it('uses the Tokyo date, not the UTC date (08:00 JST is the previous day in UTC)', () => {
    expect(daySegments(at(MON, '08:00', '09:00'))).toEqual([
      { date: MON, weekday: 1, fromMin: 480, toMin: 540 },
    ]);
  });
});

describe('freeIntervalsOn', () => {
  const show = (intervals: Interval[]) =>
    intervals.map((i) => [i.startsAt.toISOString(), i.endsAt.toISOString()]);
  const iso = (date: string, time: string) => tokyoInstant(date, time).toISOString();

  it.each<[string, string, AvailabilityException[], Interval[], [string, string][]]>([
    [
      'merges adjacent slots; 24:00 ends at the next midnight',
      MON,
      [],
      [],
      [
        [iso(MON, '09:00'), iso(MON, '15:00')],
        [iso(MON, '18:00'), iso(TUE, '00:00')],
      ],
    ],
    [
      'minus a partial exception',
      MON,
      [{ date: MON, start: '12:00', end: '13:00' }],
      [],
      [
        [iso(MON, '09:00'), iso(MON, '12:00')],
        [iso(MON, '13:00'), iso(MON, '15:00')],
        [iso(MON, '18:00'), iso(TUE, '00:00')],
      ],
    ],
    ['a whole-day exception leaves nothing', MON, [{ date: MON }], [], []],
    [
      'minus assignments, one of them crossing midnight',
      MON,
      [],
      [at(MON, '10:00', '11:00'), at(MON, '23:00', '01:00', TUE)],
      [
        [iso(MON, '09:00'), iso(MON, '10:00')],
        [iso(MON, '11:00'), iso(MON, '15:00')],
        [iso(MON, '18:00'), iso(MON, '23:00')],
      ],
    ],
    [
      'the Tuesday side of a midnight-crossing assignment',
      TUE,
      [],
      [at(MON, '23:00', '01:00', TUE)],
      [[iso(TUE, '01:00'), iso(TUE, '02:00')]],
    ],
    [
      'an assignment ending exactly at the slot start removes nothing',
      SUN,
      [{ date: MON }],
      [at(SUN, '08:00', '10:00')],
      [[iso(SUN, '10:00'), iso(SUN, '16:00')]],
    ],
    ['no slot that weekday', SAT, [], [], []],
  ])('%s', (_label, date, exceptions, assignments, expected) => {
    expect(show(freeIntervalsOn(date, weekly, exceptions, assignments))).toEqual(expected);
  });

  it('rejects an impossible date', () => {
    expect(() => freeIntervalsOn('2026-02-30', weekly, [], [])).toThrow(RangeError);
  });
});

describe('validateWeeklySlots', () => {
  it.each<[string, WeeklySlot[], ReturnType<typeof validateWeeklySlots>]>([
    ['adjacent slots are fine', weekly, []],
    [
      'same times on different days are fine',
      [
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 2, start: '09:00', end: '12:00' },
      ],
      [],
    ],
    ['00:00–24:00 is fine', [{ weekday: 7, start: '00:00', end: '24:00' }], []],
    [
      'weekday 0 and 8 are invalid (ISO is 1..7)',
      [
        { weekday: 0, start: '09:00', end: '10:00' },
        { weekday: 8, start: '09:00', end: '10:00' },
        { weekday: 1.5, start: '09:00', end: '10:00' },
      ],
      [
        { index: 0, code: 'weekday_invalid' },
        { index: 1, code: 'weekday_invalid' },
        { index: 2, code: 'weekday_invalid' },
      ],
    ],
    [
      'malformed and out-of-range times',
      [
        { weekday: 1, start: '9:00', end: '10:00' },
        { weekday: 1, start: '10:00', end: '24:30' },
      ],
      [
        { index: 0, code: 'time_invalid' },
        { index: 1, code: 'time_invalid' },
      ],
    ],
    [
      'start must be before end',
      [
        { weekday: 1, start: '10:00', end: '10:00' },
        { weekday: 1, start: '12:00', end: '11:00' },
        { weekday: 1, start: '24:00', end: '24:00' },
      ],
      [
        { index: 0, code: 'start_not_before_end' },
        { index: 1, code: 'start_not_before_end' },
        { index: 2, code: 'start_not_before_end' },
      ],
    ],
    [
      'overlapping slots on a day',
      [
        { weekday: 3, start: '09:00', end: '12:00' },
        { weekday: 3, start: '11:59', end: '13:00' },
        { weekday: 3, start: '10:00', end: '10:30' },
      ],
      [
        { index: 1, code: 'overlaps_other_slot', otherIndex: 0 },
        { index: 2, code: 'overlaps_other_slot', otherIndex: 0 },
      ],
    ],
  ])('%s', (_label, slots, expected) => {
    expect(validateWeeklySlots(slots)).toEqual(expected);
  });
});

describe('validateException', () => {
  it.each<[AvailabilityException, ReturnType<typeof validateException>]>([
    [{ date: MON }, []],
    [{ date: MON, start: '10:00', end: '12:00' }, []],
    [{ date: MON, start: '13:00' }, []],
    [{ date: '2026-02-29' }, ['date_invalid']],
    [{ date: MON, start: '12:00', end: '10:00' }, ['start_not_before_end']],
    [{ date: MON, start: '1200', end: '13:00' }, ['time_invalid']],
  ])('%j → %j', (ex, expected) => {
    expect(validateException(ex)).toEqual(expected);
  });
});

describe('process time zone independence', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  function everything() {
    const exceptions: AvailabilityException[] = [{ date: TUE, start: '01:00', end: '01:30' }];
    return {
      weekday: [SUN, MON, SAT].map(isoWeekdayOf),
      available: [
        at(MON, '10:00', '14:00'),
        at(MON, '23:00', '01:00', TUE),
        at(MON, '23:30', '01:30', TUE),
        at(SUN, '09:30', '11:00'),
        at(SUN, '10:00', '16:00'),
      ].map((i) => isAvailableFor(i, weekly, exceptions)),
      segments: daySegments(at(SUN, '22:30', '01:15', MON)),
      free: [SUN, MON, TUE].map((d) =>
        freeIntervalsOn(d, weekly, exceptions, [at(MON, '10:00', '11:00')]).map((i) => [
          i.startsAt.toISOString(),
          i.endsAt.toISOString(),
        ]),
      ),
    };
  }

  it('gives identical results in UTC, far west and far east of Tokyo', () => {
    process.env.TZ = 'Asia/Tokyo';
    const baseline = everything();
    const offsets = new Set<number>();
    for (const tz of [
      'UTC',
      'America/Los_Angeles',
      'Pacific/Kiritimati',
      'Pacific/Pago_Pago',
      'Asia/Kolkata',
    ]) {
      process.env.TZ = tz;
      offsets.add(new Date('2026-04-06T00:00:00Z').getTimezoneOffset());
      expect(everything(), tz).toEqual(baseline);
    }
    // Guard: the process really switched zones, otherwise this test would prove nothing.
    expect(offsets.size).toBeGreaterThan(1);
    expect(baseline.available).toEqual([true, true, false, false, true]);
  });
});
