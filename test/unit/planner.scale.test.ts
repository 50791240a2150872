import { describe, expect, it } from 'vitest';
import { planWeek, validatePlan } from '../../src/modules/planner/planner.js';
import {
  CITY,
  OVERLOADED_CENTER,
  SCARCE_CITY,
  generateCityInstance,
  type CityOptions,
} from '../../bench/planner.bench.js';

/**
 * City-scale quality (not speed: bench/planner.bench.ts measures time). The instances are the
 * benchmark's own generator and seeds, so test and bench plan the very same weeks.
 */
describe('planWeek at city scale', () => {
  const cases: [string, CityOptions][] = [
    ['city week: 500 requests, 3,000 helpers, 2–5% eligible', CITY],
    ['scarce eligibility: 0.2–0.5% eligible', SCARCE_CITY],
    ['overloaded center: 60 helpers for 500 requests', OVERLOADED_CENTER],
  ];

  it.each(cases)(
    '%s: valid, and coverage ≥ 98% of the proven bound',
    (_name, options) => {
      const input = generateCityInstance(options);
      expect(input.requests).toHaveLength(options.requests);
      expect(input.helpers).toHaveLength(options.helpers);
      const perRequest = input.edges.length / input.requests.length / input.helpers.length;
      expect(perRequest).toBeGreaterThanOrEqual(options.edgeShare[0] * 0.9);
      expect(perRequest).toBeLessThanOrEqual(options.edgeShare[1] * 1.1);

      const plan = planWeek(input);
      expect(validatePlan(input, plan.assignments)).toEqual([]);
      expect(plan.stats.covered).toBeLessThanOrEqual(plan.upperBound);
      expect(plan.stats.covered).toBeGreaterThanOrEqual(0.98 * plan.upperBound);
    },
    60_000,
  );
});
