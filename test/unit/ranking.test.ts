import { describe, expect, it } from 'vitest';
import { tokyoInstant } from '../../src/lib/dates.js';
import {
  ageInMonths,
  fairnessPoints,
  rankCandidates,
  SCORE_WEIGHTS,
  type ExclusionCode,
  type RankHelper,
  type RankRequest,
} from '../../src/modules/matching/ranking.js';

// Monday 2026-04-06, 10:00–12:00 Tokyo.
const MON = '2026-04-06';
const TUE = '2026-04-07';

function request(overrides: Partial<RankRequest> = {}): RankRequest {
  return {
    id: 'req-1',
    requesterId: 'parent-1',
    startsAt: tokyoInstant(MON, '10:00'),
    endsAt: tokyoInstant(MON, '12:00'),
    category: 4,
    children: [{ id: 'child-1', birthDate: '2021-01-10' }], // 62 months on the request date
    area: 'honcho',
    blockedHelperIds: [],
    ...overrides,
  };
}

const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  start: '07:00',
  end: '21:00',
}));

function helper(id: string, overrides: Partial<RankHelper> = {}): RankHelper {
  return {
    id,
    name: `Helper ${id}`,
    helperStatus: 'active',
    eligibleForMatching: true,
    sickChildCare: false,
    weekly: everyDay,
    exceptions: [],
    assignments: [],
    maxChildren: 2,
    childAgeMin: null,
    childAgeMax: null,
    categories: [],
    areas: ['honcho'],
    pairedRequesterIds: [],
    recentActivityCount: 0,
    ...overrides,
  };
}

function exclusionCodes(req: RankRequest, h: RankHelper): ExclusionCode[] | 'candidate' {
  const result = rankCandidates(req, [h]);
  if (result.candidates.length === 1) return 'candidate';
  return result.excluded[0]!.reasons.map((r) => r.code);
}

describe('hard filters', () => {
  it.each<[string, Partial<RankHelper>, Partial<RankRequest>, ExclusionCode[] | 'candidate']>([
    ['a fully fitting helper is a candidate', {}, {}, 'candidate'],
    ['suspended', { helperStatus: 'suspended' }, {}, ['not_active']],
    ['applied, not yet active', { helperStatus: 'applied' }, {}, ['not_active']],
    ['withdrawn', { helperStatus: 'withdrawn' }, {}, ['not_active']],
    ['not eligible for matching', { eligibleForMatching: false }, {}, ['not_qualified']],
    [
      'sick-child request without the qualification',
      {},
      { category: 10 },
      ['no_sick_child_qualification'],
    ],
    [
      'sick-child request with the qualification',
      { sickChildCare: true },
      { category: 10 },
      'candidate',
    ],
    [
      'weekly slot ends before the request does',
      { weekly: [{ weekday: 1, start: '09:00', end: '11:00' }] },
      {},
      ['unavailable'],
    ],
    [
      'adjacent weekly slots cover the request',
      {
        weekly: [
          { weekday: 1, start: '09:00', end: '11:00' },
          { weekday: 1, start: '11:00', end: '13:00' },
        ],
      },
      {},
      'candidate',
    ],
    [
      'no slot on Monday',
      { weekly: [{ weekday: 2, start: '00:00', end: '24:00' }] },
      {},
      ['unavailable'],
    ],
    ['whole-day exception', { exceptions: [{ date: MON }] }, {}, ['exception_that_day']],
    [
      'partial exception overlapping',
      { exceptions: [{ date: MON, start: '11:00', end: '11:30' }] },
      {},
      ['exception_that_day'],
    ],
    [
      'partial exception touching the end',
      { exceptions: [{ date: MON, start: '12:00', end: '13:00' }] },
      {},
      'candidate',
    ],
    ['exception another day', { exceptions: [{ date: TUE }] }, {}, 'candidate'],
    [
      'overlapping assignment',
      {
        assignments: [{ startsAt: tokyoInstant(MON, '11:30'), endsAt: tokyoInstant(MON, '13:00') }],
      },
      {},
      ['already_assigned'],
    ],
    [
      'assignment ending when the request starts',
      {
        assignments: [{ startsAt: tokyoInstant(MON, '08:00'), endsAt: tokyoInstant(MON, '10:00') }],
      },
      {},
      'candidate',
    ],
    [
      'too many children',
      { maxChildren: 1 },
      {
        children: [
          { id: 'c1', birthDate: '2021-01-10' },
          { id: 'c2', birthDate: '2023-05-01' },
        ],
      },
      ['too_many_children'],
    ],
    ['exactly maxChildren', { maxChildren: 1 }, {}, 'candidate'],
    ['child older than preferred', { childAgeMax: 36 }, {}, ['child_age_outside_preference']],
    ['child younger than preferred', { childAgeMin: 72 }, {}, ['child_age_outside_preference']],
    ['child exactly at the upper bound (inclusive)', { childAgeMax: 62 }, {}, 'candidate'],
    ['child exactly at the lower bound (inclusive)', { childAgeMin: 62 }, {}, 'candidate'],
    [
      'one of two siblings outside the range',
      { childAgeMin: 24, childAgeMax: 72 },
      {
        children: [
          { id: 'c1', birthDate: '2021-01-10' },
          { id: 'c2', birthDate: '2025-06-01' },
        ],
      },
      ['child_age_outside_preference'],
    ],
    ['blocked by the family', {}, { blockedHelperIds: ['h1'] }, ['blocked_by_family']],
    ['the requester themselves (a "both" member)', {}, { requesterId: 'h1' }, ['is_requester']],
  ])('%s', (_label, helperOverrides, requestOverrides, expected) => {
    expect(exclusionCodes(request(requestOverrides), helper('h1', helperOverrides))).toEqual(
      expected,
    );
  });

  it('reports every failing reason at once, with params', () => {
    const result = rankCandidates(
      request({
        category: 10,
        blockedHelperIds: ['h1'],
        children: [
          { id: 'c1', birthDate: '2021-01-10' },
          { id: 'c2', birthDate: '2025-06-01' },
          { id: 'c3', birthDate: '2025-06-01' },
        ],
      }),
      [
        helper('h1', {
          helperStatus: 'suspended',
          eligibleForMatching: false,
          weekly: [],
          exceptions: [{ date: MON }],
          assignments: [
            { startsAt: tokyoInstant(MON, '09:00'), endsAt: tokyoInstant(MON, '10:30') },
            { startsAt: tokyoInstant(MON, '11:00'), endsAt: tokyoInstant(MON, '11:30') },
          ],
          maxChildren: 2,
          childAgeMin: 12,
        }),
      ],
    );
    expect(result.candidates).toEqual([]);
    expect(result.excluded).toEqual([
      {
        helperId: 'h1',
        name: 'Helper h1',
        reasons: [
          { code: 'not_active', params: { status: 'suspended' } },
          { code: 'not_qualified' },
          { code: 'no_sick_child_qualification' },
          { code: 'unavailable' },
          { code: 'exception_that_day', params: { date: MON } },
          { code: 'already_assigned', params: { count: 2 } },
          { code: 'too_many_children', params: { children: 3, max: 2 } },
          { code: 'child_age_outside_preference', params: { children: 2, min: 12 } },
          { code: 'blocked_by_family' },
        ],
      },
    ]);
  });

  it('lets a center setting decide which categories need the sick-child qualification', () => {
    const req = request({ category: 11 });
    expect(rankCandidates(req, [helper('h1')]).candidates).toHaveLength(1);
    const result = rankCandidates(req, [helper('h1')], { sickChildCategories: [10, 11] });
    expect(result.excluded[0]!.reasons).toEqual([{ code: 'no_sick_child_qualification' }]);
  });

  it('checks both days of a request crossing midnight', () => {
    const req = request({
      startsAt: tokyoInstant(MON, '22:00'),
      endsAt: tokyoInstant(TUE, '01:00'),
      category: 11,
    });
    const night = [
      { weekday: 1, start: '20:00', end: '24:00' },
      { weekday: 2, start: '00:00', end: '02:00' },
    ];
    expect(exclusionCodes(req, helper('h1', { weekly: night }))).toBe('candidate');
    expect(exclusionCodes(req, helper('h1', { weekly: night.slice(0, 1) }))).toEqual([
      'unavailable',
    ]);
    expect(
      exclusionCodes(
        req,
        helper('h1', { weekly: night, exceptions: [{ date: TUE, end: '00:30' }] }),
      ),
    ).toEqual(['exception_that_day']);
  });

  it('measures child age on the Tokyo date of the request (not the UTC date)', () => {
    // 2026-04-06 08:00 JST is still 2026-04-05 in UTC; the child turns 60 months on 04-06.
    const req = request({
      startsAt: tokyoInstant(MON, '08:00'),
      endsAt: tokyoInstant(MON, '09:00'),
      children: [{ id: 'c1', birthDate: '2021-04-06' }],
    });
    expect(exclusionCodes(req, helper('h1', { childAgeMin: 60 }))).toBe('candidate');
    expect(exclusionCodes(req, helper('h1', { childAgeMax: 59 }))).toEqual([
      'child_age_outside_preference',
    ]);
  });
});

describe('ageInMonths', () => {
  it.each([
    ['2021-01-10', '2026-04-06', 62],
    ['2021-04-06', '2026-04-06', 60],
    ['2021-04-07', '2026-04-06', 59],
    ['2026-01-31', '2026-02-27', 0],
    // No 応当日 in a shorter month: the month completes on the 1st of the next month, as in
    // ageInYears (docs/decisions/2026-12-05-age-and-time-kernel.md; these rows read 1, 1 and 12
    // under the ranking's former month-end rule, which the infant rule did not share).
    ['2026-01-31', '2026-02-28', 0],
    ['2026-01-31', '2026-03-01', 1],
    ['2024-01-31', '2024-02-29', 0], // leap year
    ['2024-02-29', '2025-02-28', 11],
    ['2024-02-29', '2025-03-01', 12],
    ['2025-12-15', '2026-01-14', 0],
    ['2025-12-15', '2026-01-15', 1],
    ['2026-04-10', '2026-04-06', -1],
  ])('born %s, on %s → %i months', (birth, on, expected) => {
    expect(ageInMonths(birth, on)).toBe(expected);
  });
});

describe('soft score and ordering', () => {
  const ids = (helpers: RankHelper[], req = request()) =>
    rankCandidates(req, helpers).candidates.map((c) => c.helperId);

  it('continuity dominates: a paired helper far away and busy beats a same-area idle one', () => {
    const paired = helper('z-paired', {
      pairedRequesterIds: ['parent-1'],
      areas: ['nukui'],
      categories: [1],
      recentActivityCount: 50,
    });
    const local = helper('a-local', { categories: [4], recentActivityCount: 0 });
    expect(ids([local, paired])).toEqual(['z-paired', 'a-local']);
  });

  it('area outweighs category fit and fairness together', () => {
    const sameAreaBusy = helper('b', { categories: [1], recentActivityCount: 30 });
    const otherAreaIdealFit = helper('a', {
      areas: ['nukui'],
      categories: [4],
      recentActivityCount: 0,
    });
    expect(ids([otherAreaIdealFit, sameAreaBusy])).toEqual(['b', 'a']);
  });

  it('category fit outweighs fairness; an empty category list means any', () => {
    const fits = helper('c', { categories: [4, 5], recentActivityCount: 10 });
    const any = helper('d', { categories: [], recentActivityCount: 10 });
    const notPreferred = helper('a', { categories: [1], recentActivityCount: 0 });
    expect(ids([notPreferred, any, fits])).toEqual(['c', 'd', 'a']);
  });

  it('fewer recent activities first, even when the rounded points are equal', () => {
    // 40/41 and 40/42 both round to 1 point.
    expect(fairnessPoints(40)).toBe(fairnessPoints(41));
    const helpers = [
      helper('a', { recentActivityCount: 41 }),
      helper('b', { recentActivityCount: 40 }),
      helper('c', { recentActivityCount: 2 }),
      helper('d', { recentActivityCount: 0 }),
    ];
    expect(ids(helpers)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('breaks full ties by helper id, whatever the input order', () => {
    const helpers = ['h-10', 'h-2', 'h-1', 'H-3'].map((id) => helper(id));
    expect(ids(helpers)).toEqual(['H-3', 'h-1', 'h-10', 'h-2']);
    expect(ids([...helpers].reverse())).toEqual(['H-3', 'h-1', 'h-10', 'h-2']);
  });

  it('gives the score as the sum of the weights, with reason codes for the UI', () => {
    const result = rankCandidates(request(), [
      helper('p', { pairedRequesterIds: ['parent-1'], categories: [4], recentActivityCount: 1 }),
      helper('o', { areas: ['nukui'], categories: [7], recentActivityCount: 3 }),
      helper('n', { areas: [], recentActivityCount: 0 }),
    ]);
    expect(result.candidates).toEqual([
      {
        helperId: 'p',
        name: 'Helper p',
        paired: true,
        score: SCORE_WEIGHTS.paired + SCORE_WEIGHTS.sameArea + SCORE_WEIGHTS.categoryFit + 20,
        reasons: [
          { code: 'paired_with_family' },
          { code: 'same_area', params: { area: 'honcho' } },
          { code: 'prefers_category', params: { category: 4 } },
          { code: 'recent_activities', params: { count: 1 } },
        ],
      },
      {
        helperId: 'n',
        name: 'Helper n',
        paired: false,
        score: SCORE_WEIGHTS.categoryFit + 40,
        reasons: [
          { code: 'other_area', params: { area: 'honcho' } },
          { code: 'any_category' },
          { code: 'recent_activities', params: { count: 0 } },
        ],
      },
      {
        helperId: 'o',
        name: 'Helper o',
        paired: false,
        score: 10,
        reasons: [
          { code: 'other_area', params: { area: 'honcho' } },
          { code: 'category_not_preferred', params: { category: 4 } },
          { code: 'recent_activities', params: { count: 3 } },
        ],
      },
    ]);
    expect(result.excluded).toEqual([]);
  });

  it('a pairing with another family is not continuity', () => {
    const result = rankCandidates(request(), [helper('h', { pairedRequesterIds: ['parent-2'] })]);
    expect(result.candidates[0]!.paired).toBe(false);
    expect(result.candidates[0]!.reasons.map((r) => r.code)).not.toContain('paired_with_family');
  });

  it('keeps the tiers strictly ordered by their weights', () => {
    const { paired, sameArea, categoryFit, fairnessMax } = SCORE_WEIGHTS;
    expect(paired).toBeGreaterThan(sameArea + categoryFit + fairnessMax);
    expect(sameArea).toBeGreaterThan(categoryFit + fairnessMax);
    expect(categoryFit).toBeGreaterThan(fairnessMax);
  });

  it('returns excluded helpers in input order and no helper twice', () => {
    const result = rankCandidates(request(), [
      helper('x', { helperStatus: 'suspended' }),
      helper('a'),
      helper('m', { eligibleForMatching: false }),
    ]);
    expect(result.excluded.map((e) => e.helperId)).toEqual(['x', 'm']);
    expect(result.candidates.map((c) => c.helperId)).toEqual(['a']);
  });
});
