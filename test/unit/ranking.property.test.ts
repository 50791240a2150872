import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokyoDateOf, tokyoInstant, tokyoTimeOf } from '../../src/lib/dates.js';
import type {
  AvailabilityException,
  WeeklySlot,
} from '../../src/modules/availability/availability.js';
import {
  ageInMonths,
  rankCandidates,
  type ExclusionCode,
  type RankHelper,
  type RankRequest,
} from '../../src/modules/matching/ranking.js';

/**
 * Generated centers: every time lies on a 15-minute grid, so checking the start of each
 * 15-minute unit of the request is an exact oracle. The oracle deliberately does not reuse the
 * availability module: it reads Tokyo dates and times through date-fns/tz (src/lib/dates.ts) and
 * the weekday through Intl, and compares 'HH:MM' strings.
 */

const UNIT_MS = 15 * 60_000;
// Saturday to Wednesday around a Sunday/Monday boundary, so ISO weekday 7 → 1 is exercised.
const DATES = ['2026-04-04', '2026-04-05', '2026-04-06', '2026-04-07', '2026-04-08'];
const STATUSES = ['active', 'active', 'active', 'active', 'suspended', 'applied', 'withdrawn'];
const AREAS = ['honcho', 'nukui', 'midori'];
// 'helper-00' is also a helper id: a member who is both must never be offered their own request.
const REQUESTERS = ['parent-1', 'parent-2', 'parent-3', 'helper-00'];

const pad = (n: number) => String(n).padStart(2, '0');
/** Grid index 0..96 → 'HH:MM' (96 → '24:00'). */
const gridTime = (i: number) => `${pad(Math.floor(i / 4))}:${pad((i % 4) * 15)}`;

const weekdayFmt = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Tokyo', weekday: 'short' });
const ISO_WEEKDAY: Record<string, number> = {
  Mon: 1,
  Tue: 2,
  Wed: 3,
  Thu: 4,
  Fri: 5,
  Sat: 6,
  Sun: 7,
};

const slotArb: fc.Arbitrary<WeeklySlot> = fc
  .record({ weekday: fc.integer({ min: 1, max: 7 }), a: fc.nat(96), b: fc.nat(96) })
  // Mostly well-formed slots, sometimes inverted or empty ones the module must ignore.
  .map(({ weekday, a, b }) => ({
    weekday,
    start: gridTime(Math.min(a, b)),
    end: gridTime(Math.max(a, b)),
  }));

const exceptionArb: fc.Arbitrary<AvailabilityException> = fc.oneof(
  fc.record({ date: fc.constantFrom(...DATES) }),
  fc
    .record({
      date: fc.constantFrom(...DATES),
      a: fc.nat(95),
      len: fc.integer({ min: 1, max: 16 }),
    })
    .map(({ date, a, len }) => ({
      date,
      start: gridTime(a),
      end: gridTime(Math.min(96, a + len)),
    })),
  fc.record({ date: fc.constantFrom(...DATES), a: fc.nat(95) }).map(({ date, a }) => ({
    date,
    start: gridTime(a),
  })),
  fc
    .record({ date: fc.constantFrom(...DATES), a: fc.integer({ min: 1, max: 96 }) })
    .map(({ date, a }) => ({ date, end: gridTime(a) })),
);

const assignmentArb = fc
  .record({
    date: fc.constantFrom(...DATES),
    a: fc.nat(95),
    len: fc.integer({ min: 1, max: 20 }),
  })
  .map(({ date, a, len }) => {
    const startsAt = tokyoInstant(date, gridTime(a));
    return { startsAt, endsAt: new Date(startsAt.getTime() + len * UNIT_MS) };
  });

const birthDateArb = fc
  .record({
    y: fc.integer({ min: 2014, max: 2026 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${pad(m)}-${pad(d)}`);

const helperArb = fc.record({
  name: fc.constantFrom('Sato', 'Suzuki', 'Takahashi', 'Tanaka'),
  helperStatus: fc.constantFrom(...STATUSES),
  eligibleForMatching: fc.boolean(),
  sickChildCare: fc.boolean(),
  // Broad availability often enough that some helpers survive the filters.
  weekly: fc.oneof(
    fc.array(slotArb, { maxLength: 8 }),
    fc.constant(
      [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
    ),
  ),
  exceptions: fc.array(exceptionArb, { maxLength: 2 }),
  assignments: fc.array(assignmentArb, { maxLength: 3 }),
  maxChildren: fc.integer({ min: 0, max: 3 }),
  childAgeMin: fc.option(fc.integer({ min: 0, max: 72 })),
  childAgeMax: fc.option(fc.integer({ min: 24, max: 150 })),
  categories: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { maxLength: 4 }),
  areas: fc.uniqueArray(fc.constantFrom(...AREAS), { maxLength: 2 }),
  pairedRequesterIds: fc.uniqueArray(fc.constantFrom(...REQUESTERS), { maxLength: 2 }),
  recentActivityCount: fc.nat(60),
});

const centerArb = fc
  .record({
    helpers: fc.array(helperArb, { maxLength: 25 }),
    date: fc.constantFrom(...DATES.slice(0, 4)),
    start: fc.nat(95),
    units: fc.integer({ min: 1, max: 24 }),
    category: fc.integer({ min: 1, max: 12 }),
    children: fc.array(birthDateArb, { maxLength: 3 }),
    area: fc.constantFrom(...AREAS),
    requesterId: fc.constantFrom(...REQUESTERS),
    blockedMask: fc.array(fc.boolean(), { maxLength: 25 }),
    order: fc.array(fc.double({ noNaN: true }), { minLength: 25, maxLength: 25 }),
  })
  .map((g) => {
    const helpers: RankHelper[] = g.helpers.map((h, i) => ({ ...h, id: `helper-${pad(i)}` }));
    const startsAt = tokyoInstant(g.date, gridTime(g.start));
    const request: RankRequest = {
      id: 'req',
      requesterId: g.requesterId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + g.units * UNIT_MS),
      category: g.category,
      children: g.children.map((birthDate, i) => ({ id: `child-${i}`, birthDate })),
      area: g.area,
      blockedHelperIds: helpers.filter((_, i) => g.blockedMask[i]).map((h) => h.id),
    };
    const permutation = helpers
      .map((h, i) => ({ h, key: g.order[i]! }))
      .sort((x, y) => x.key - y.key)
      .map((x) => x.h);
    return { request, helpers, permutation };
  });

/** The Tokyo date, 'HH:MM' and ISO weekday of the start of every 15-minute unit of the request. */
function units(request: RankRequest) {
  const out: { date: string; time: string; weekday: number }[] = [];
  for (let t = request.startsAt.getTime(); t < request.endsAt.getTime(); t += UNIT_MS) {
    out.push({
      date: tokyoDateOf(t),
      time: tokyoTimeOf(t),
      weekday: ISO_WEEKDAY[weekdayFmt.format(new Date(t))]!,
    });
  }
  return out;
}

/** The exclusion codes a helper deserves, computed independently of the module. */
function expectedCodes(
  request: RankRequest,
  us: ReturnType<typeof units>,
  h: RankHelper,
): Set<ExclusionCode> {
  const codes = new Set<ExclusionCode>();
  if (h.helperStatus !== 'active') codes.add('not_active');
  if (!h.eligibleForMatching) codes.add('not_qualified');
  if (request.category === 10 && !h.sickChildCare) codes.add('no_sick_child_qualification');
  const covered = us.every((u) =>
    h.weekly.some((s) => s.weekday === u.weekday && s.start <= u.time && u.time < s.end),
  );
  if (!covered) codes.add('unavailable');
  const hit = us.some((u) =>
    h.exceptions.some(
      (ex) => ex.date === u.date && (ex.start ?? '00:00') <= u.time && u.time < (ex.end ?? '24:00'),
    ),
  );
  if (hit) codes.add('exception_that_day');
  const rs = request.startsAt.getTime();
  const re = request.endsAt.getTime();
  if (h.assignments.some((a) => a.startsAt.getTime() < re && rs < a.endsAt.getTime())) {
    codes.add('already_assigned');
  }
  if (request.children.length > h.maxChildren) codes.add('too_many_children');
  const on = tokyoDateOf(request.startsAt);
  const ageOutside = request.children.some((c) => {
    const age = ageInMonths(c.birthDate, on);
    return (
      (h.childAgeMin != null && age < h.childAgeMin) ||
      (h.childAgeMax != null && age > h.childAgeMax)
    );
  });
  if (ageOutside) codes.add('child_age_outside_preference');
  if (request.blockedHelperIds.includes(h.id)) codes.add('blocked_by_family');
  if (h.id === request.requesterId) codes.add('is_requester');
  return codes;
}

describe('rankCandidates properties', () => {
  it('never lists a helper who fails a hard filter, and excludes each with exactly its reasons', () => {
    // Tallies prove the generators reach every branch, so the property is not vacuous.
    let candidateCount = 0;
    const seenCodes = new Set<ExclusionCode>();
    fc.assert(
      fc.property(centerArb, ({ request, helpers }) => {
        const { candidates, excluded } = rankCandidates(request, helpers);
        const us = units(request);
        const byId = new Map(helpers.map((h) => [h.id, h]));
        for (const c of candidates) {
          const h = byId.get(c.helperId)!;
          expect(h.helperStatus).toBe('active');
          expect(h.eligibleForMatching).toBe(true);
          expect([...expectedCodes(request, us, h)]).toEqual([]);
        }
        for (const e of excluded) {
          const codes = e.reasons.map((r) => r.code);
          expect(codes.length).toBeGreaterThan(0);
          expect(new Set(codes).size).toBe(codes.length);
          expect(new Set(codes)).toEqual(expectedCodes(request, us, byId.get(e.helperId)!));
          for (const code of codes) seenCodes.add(code);
        }
        candidateCount += candidates.length;
      }),
      { numRuns: 300 },
    );
    expect(candidateCount).toBeGreaterThan(0);
    expect([...seenCodes].sort()).toEqual(
      [
        'already_assigned',
        'blocked_by_family',
        'child_age_outside_preference',
        'exception_that_day',
        'is_requester',
        'no_sick_child_qualification',
        'not_active',
        'not_qualified',
        'too_many_children',
        'unavailable',
      ].sort(),
    );
  });

  it('partitions the helpers: candidates ∪ excluded = all, disjoint', () => {
    fc.assert(
      fc.property(centerArb, ({ request, helpers }) => {
        const { candidates, excluded } = rankCandidates(request, helpers);
        const candidateIds = candidates.map((c) => c.helperId);
        const excludedIds = excluded.map((e) => e.helperId);
        expect(candidateIds.length + excludedIds.length).toBe(helpers.length);
        expect(new Set([...candidateIds, ...excludedIds])).toEqual(
          new Set(helpers.map((h) => h.id)),
        );
      }),
    );
  });

  it('orders best first, paired helpers before all others, deterministically in any input order', () => {
    fc.assert(
      fc.property(centerArb, ({ request, helpers, permutation }) => {
        const first = rankCandidates(request, helpers);
        const again = rankCandidates(request, helpers);
        const shuffled = rankCandidates(request, permutation);
        expect(again).toEqual(first);
        expect(shuffled.candidates).toEqual(first.candidates);
        expect(new Set(shuffled.excluded.map((e) => e.helperId))).toEqual(
          new Set(first.excluded.map((e) => e.helperId)),
        );
        const cs = first.candidates;
        for (let i = 1; i < cs.length; i++) {
          expect(cs[i - 1]!.score).toBeGreaterThanOrEqual(cs[i]!.score);
          if (cs[i]!.paired) expect(cs[i - 1]!.paired).toBe(true);
        }
        for (const c of cs) {
          expect(c.paired).toBe(
            helpers
              .find((h) => h.id === c.helperId)!
              .pairedRequesterIds.includes(request.requesterId),
          );
        }
      }),
    );
  });
});
