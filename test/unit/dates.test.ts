import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDaysToDate,
  fiscalYearOf,
  isValidDateString,
  tokyoDateOf,
  tokyoInstant,
  tokyoTimeOf,
  toTokyoIso,
} from '../../src/lib/dates.js';

describe('Asia/Tokyo date helpers', () => {
  it('reads the Tokyo calendar date of an instant, across UTC midnight', () => {
    expect(tokyoDateOf('2026-03-31T14:59:59.999Z')).toBe('2026-03-31');
    expect(tokyoDateOf('2026-03-31T15:00:00.000Z')).toBe('2026-04-01');
    expect(tokyoTimeOf('2026-03-31T15:00:00.000Z')).toBe('00:00');
  });

  it('builds instants from Tokyo wall times and prints +09:00', () => {
    expect(tokyoInstant('2026-01-01', '09:00').toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(toTokyoIso('2026-01-01T00:00:00.000Z')).toBe('2026-01-01T09:00:00+09:00');
  });

  it('names fiscal years by their April start', () => {
    expect(fiscalYearOf('2026-03-31')).toBe(2025);
    expect(fiscalYearOf('2026-04-01')).toBe(2026);
    expect(fiscalYearOf('2027-01-15')).toBe(2026);
  });

  it('adds days across month ends and leap days', () => {
    expect(addDaysToDate('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysToDate('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('rejects impossible dates', () => {
    expect(isValidDateString('2026-02-29')).toBe(false);
    expect(isValidDateString('2028-02-29')).toBe(true);
    expect(isValidDateString('2026-13-01')).toBe(false);
    expect(isValidDateString('2026-1-01')).toBe(false);
  });
});

describe('the fixed +09:00 fast path', () => {
  it('agrees with date-fns TZDate in Asia/Tokyo for any instant from 1952 to 2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1952, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const zoned = new TZDate(ms, 'Asia/Tokyo');
        expect(tokyoDateOf(ms)).toBe(format(zoned, 'yyyy-MM-dd'));
        expect(tokyoTimeOf(ms)).toBe(format(zoned, 'HH:mm'));
        expect(toTokyoIso(new Date(ms))).toBe(format(zoned, "yyyy-MM-dd'T'HH:mm:ssXXX"));
      }),
      { numRuns: 2000 },
    );
  });
});
