import { describe, expect, it } from 'vitest';
import {
  buildHelperSummary,
  buildRequesterStatement,
  FREE_CHILDCARE_MONTHLY_CAP,
  isFreeChildcareAge,
  isTransportOnly,
  monthRange,
  overdueCutoff,
  reportDueDate,
  type StatementActivity,
} from '../../src/modules/fees/statements.js';
import { feeCategory, orderChildrenForFee } from '../../src/modules/fees/fee-lines.js';
import { DEFAULT_FEE_TABLE } from '../../src/modules/fees/fee-table.js';

const jst = (s: string) => new Date(`${s}:00+09:00`);

describe('free-childcare age (3歳児〜5歳児 by the age on April 1 of the fiscal year)', () => {
  it.each([
    [
      'born April 1 is in the earlier school year: 年少 from April',
      '2022-04-01',
      '2025-04-05',
      true,
    ],
    ['born April 2 waits a year', '2022-04-02', '2025-04-05', false],
    ['…still not on March 31', '2022-04-02', '2026-03-31', false],
    ['…and is 年少 from April 1', '2022-04-02', '2026-04-01', true],
    ['年長 until March 31', '2019-04-02', '2026-03-31', true],
    ['a first-grader is out', '2019-04-01', '2025-04-01', false],
    ['a leap-day child at 4 (FY2024)', '2020-02-29', '2024-11-15', true],
    ['a leap-day child at 6 (FY2026)', '2020-02-29', '2026-04-01', false],
    ['a two-year-old turning 3 in the year is not yet', '2022-06-01', '2025-11-01', false],
  ])('%s', (_what, birth, date, expected) => {
    expect(isFreeChildcareAge(birth, date)).toBe(expected);
  });
});

describe('transport-only activities', () => {
  it.each([
    [[1], true],
    [[5], true],
    [[1, 5], true],
    [[1, 2], false],
    [[5, 8], false],
    [[8], false],
    [[], false],
  ])('%j → %s', (categories, expected) => {
    expect(isTransportOnly(categories)).toBe(expected);
  });
});

describe('report due dates (the 10th of the following month, Tokyo)', () => {
  it.each([
    ['2026-12-10T23:59', 10, '2026-11-01T00:00'],
    ['2026-12-11T00:00', 10, '2026-12-01T00:00'],
    ['2027-01-05T12:00', 10, '2026-12-01T00:00'],
    ['2027-01-11T00:00', 10, '2027-01-01T00:00'],
    ['2027-01-01T00:00', 28, '2026-12-01T00:00'],
  ])('at %s with day %i, requests ending before %s are overdue', (now, day, cutoff) => {
    expect(overdueCutoff(jst(now), day)).toBe(jst(cutoff).toISOString());
  });

  it('a report of New Year’s Eve is due on January 10', () => {
    expect(reportDueDate(jst('2026-12-31T21:00'), 10)).toBe('2027-01-10');
    // 2026-11-30 23:30 JST is still November in Tokyo although it is the 30th 14:30 UTC.
    expect(reportDueDate(jst('2026-11-30T23:30'), 10)).toBe('2026-12-10');
  });

  it('months are Tokyo months', () => {
    expect(monthRange('2026-12')).toEqual({
      from: '2026-11-30T15:00:00.000Z',
      to: '2026-12-31T15:00:00.000Z',
    });
  });
});

describe('fee order and category', () => {
  it('the oldest child pays the full rate', () => {
    const ordered = orderChildrenForFee([
      { id: 'b', birthDate: '2024-01-10' },
      { id: 'a', birthDate: '2022-06-01' },
      { id: 'c', birthDate: '2022-06-01' },
    ]);
    expect(ordered.map((c) => c.id)).toEqual(['a', 'c', 'b']);
  });

  it('an activity with the sick-child category is priced as sick-child care', () => {
    expect(feeCategory([2, 10], DEFAULT_FEE_TABLE)).toBe(10);
    expect(feeCategory([1, 2], DEFAULT_FEE_TABLE)).toBe(1);
  });
});

function activity(overrides: Partial<StatementActivity>): StatementActivity {
  return {
    id: 'a1',
    startedAt: jst('2026-11-25T10:00').toISOString(),
    endedAt: jst('2026-11-25T12:00').toISOString(),
    categories: [8],
    transportCost: 0,
    mealCost: 0,
    feeTotal: 1600,
    childTotals: [{ childId: 'k', amount: 1600 }],
    childIds: ['k'],
    helperName: '鈴木',
    ...overrides,
  };
}

describe('the requester statement', () => {
  it('caps the reimbursable care at ¥37,000 per child and month', () => {
    const activities = Array.from({ length: 26 }, (_, i) =>
      activity({ id: `a${i}`, feeTotal: 1600, childTotals: [{ childId: 'k', amount: 1600 }] }),
    );
    const s = buildRequesterStatement({
      month: '2026-11',
      children: [{ id: 'k', name: 'はると', birthDate: '2022-06-01' }],
      activities,
      cancellations: [],
    });
    expect(s.children[0]!.reimbursableCare.amount).toBe(41_600);
    expect(s.children[0]!.reimbursableWithinCap).toBe(FREE_CHILDCARE_MONTHLY_CAP);
  });

  it('lists a child only where present, and ignores zero cancellation fees', () => {
    const s = buildRequesterStatement({
      month: '2026-11',
      children: [
        { id: 'k', name: 'はると', birthDate: '2022-06-01' },
        { id: 'y', name: 'ゆい', birthDate: '2024-01-10' },
      ],
      activities: [activity({})],
      cancellations: [
        { requestId: 'r1', startsAt: jst('2026-11-20T10:00').toISOString(), amount: 0 },
        { requestId: 'r2', startsAt: jst('2026-11-21T10:00').toISOString(), amount: 900 },
      ],
    });
    expect(s.children.map((c) => c.child.id)).toEqual(['k']);
    expect(s.cancellations).toMatchObject({
      total: 900,
      lines: [{ requestId: 'r2', date: '2026-11-21' }],
    });
    expect(s.grandTotal).toBe(1600 + 900);
  });
});

describe('the helper summary', () => {
  it('adds fees and costs as received', () => {
    const s = buildHelperSummary('2026-11', [
      {
        id: 'a',
        startedAt: jst('2026-11-25T18:30').toISOString(),
        endedAt: jst('2026-11-25T19:40').toISOString(),
        requesterName: '田中',
        childCount: 2,
        feeTotal: 1950,
        transportCost: 300,
        mealCost: 0,
      },
      {
        id: 'b',
        startedAt: jst('2026-11-02T08:00').toISOString(),
        endedAt: jst('2026-11-02T08:40').toISOString(),
        requesterName: '佐藤',
        childCount: 1,
        feeTotal: 800,
        transportCost: 0,
        mealCost: 200,
      },
    ]);
    expect(s).toMatchObject({
      count: 2,
      minutes: 110,
      fees: 2750,
      transport: 300,
      meal: 200,
      total: 3250,
    });
    expect(s.lines.map((l) => l.id)).toEqual(['b', 'a']);
  });
});
